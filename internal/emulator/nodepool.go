package emulator

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"time"
)

// nodePoolReq is the JSON of NodePool (Create), NodePoolStrategy
// (ModifyNodePoolAttribute) and NodePool (ModifyAppInstanceGroupAttribute).
// Pointers tell "absent" from "zero".
type nodePoolReq struct {
	MaxIdleAppInstanceAmount    *int                 `json:"MaxIdleAppInstanceAmount"`
	MaxScalingAmount            *int                 `json:"MaxScalingAmount"`
	NodeAmount                  *int                 `json:"NodeAmount"`
	NodeCapacity                *int                 `json:"NodeCapacity"`
	NodeInstanceType            *string              `json:"NodeInstanceType"`
	NodePoolID                  *string              `json:"NodePoolId"`
	RecurrenceSchedules         []RecurrenceSchedule `json:"RecurrenceSchedules"`
	ScalingDownAfterIdleMinutes *int                 `json:"ScalingDownAfterIdleMinutes"`
	ScalingStep                 *int                 `json:"ScalingStep"`
	ScalingUsageThreshold       json.RawMessage      `json:"ScalingUsageThreshold"` // a string on the wire; a number is tolerated
	StrategyDisableDate         *string              `json:"StrategyDisableDate"`
	StrategyEnableDate          *string              `json:"StrategyEnableDate"`
	StrategyType                *string              `json:"StrategyType"`
	WarmUp                      *bool                `json:"WarmUp"`
}

const (
	stratFixed    = "NODE_FIXED"
	stratUsage    = "NODE_SCALING_BY_USAGE"
	stratSchedule = "NODE_SCALING_BY_SCHEDULE"
)

// checkCapacity applies api-notes §4 rule 9: 1..MaxCapacity of the instance type
// (the documented per-spec ranges equal the catalog's MaxCapacity).
func (e *Emulator) checkCapacity(instanceType string, c int) *apiError {
	it, ok := e.st.catalog.instanceType(instanceType)
	if !ok {
		return invalid("NodeInstanceType", "unknown instance type %q", instanceType)
	}
	if c < 1 || c > it.MaxCapacity {
		return invalid("NodeCapacity", "%d is out of range 1..%d for %s", c, it.MaxCapacity, instanceType)
	}
	return nil
}

// applyStrategy merges a strategy request into base and checks api-notes §4 rules
// 10–22. creating: the Create call (presence rules are stricter there).
func (e *Emulator) applyStrategy(base NodePool, r *nodePoolReq, chargeType string, creating bool) (NodePool, *apiError) {
	np := base
	switched := creating
	if r.StrategyType != nil {
		st := *r.StrategyType
		if !oneOf(st, stratFixed, stratUsage, stratSchedule) {
			return np, invalid("StrategyType", "must be NODE_FIXED, NODE_SCALING_BY_USAGE or NODE_SCALING_BY_SCHEDULE")
		}
		if st != base.StrategyType {
			switched = true
		}
		np.StrategyType = st
	}
	if np.StrategyType == "" {
		np.StrategyType = stratFixed
	}
	if switched {
		// A new strategy starts from its defaults, not from the old one's fields.
		np.MaxScalingAmount, np.ScalingStep, np.ScalingUsageThreshold, np.MaxIdleAppInstanceAmount = 0, 0, "", 0
		np.ScalingDownAfterIdleMinutes = 5
		np.StrategyEnableDate, np.StrategyDisableDate, np.WarmUp, np.RecurrenceSchedules = "", "", false, nil
	}
	if np.StrategyType == stratSchedule && chargeType != "PostPaid" {
		return np, invalid("StrategyType", "NODE_SCALING_BY_SCHEDULE is only available for PostPaid groups")
	}
	if ae := applyNodeAmount(&np, base, r, chargeType, creating); ae != nil {
		return np, ae
	}
	if ae := applyUsageScaling(&np, r); ae != nil {
		return np, ae
	}
	if np.StrategyType != stratSchedule {
		np.RecurrenceSchedules = nil
		return np, nil
	}
	return np, e.applySchedule(&np, base, r, switched)
}

// applyNodeAmount applies api-notes §4 rules 10 and 11.
func applyNodeAmount(np *NodePool, base NodePool, r *nodePoolReq, chargeType string, creating bool) *apiError {
	if r.NodeAmount != nil {
		n := *r.NodeAmount
		if n < 1 || n > 100 {
			return invalid("NodeAmount", "must be 1..100")
		}
		if !creating && chargeType == "PrePaid" && n != base.NodeAmount {
			return invalid("NodeAmount", "the node amount of a PrePaid group cannot be changed here; use ModifyNodePoolAmount")
		}
		np.NodeAmount = n
	} else if creating && (chargeType == "PrePaid" || np.StrategyType != stratSchedule) {
		return missing("NodeAmount")
	}
	return nil
}

// applyUsageScaling applies api-notes §4 rules 13–17, the usage-scaling fields.
func applyUsageScaling(np *NodePool, r *nodePoolReq) *apiError {
	if r.MaxScalingAmount != nil {
		if *r.MaxScalingAmount < 1 || *r.MaxScalingAmount > 100 {
			return invalid("MaxScalingAmount", "must be 1..100")
		}
		np.MaxScalingAmount = *r.MaxScalingAmount
	}
	if r.ScalingStep != nil {
		if *r.ScalingStep < 1 || *r.ScalingStep > 10 {
			return invalid("ScalingStep", "must be 1..10")
		}
		np.ScalingStep = *r.ScalingStep
	}
	if len(r.ScalingUsageThreshold) > 0 && string(r.ScalingUsageThreshold) != "null" {
		raw := strings.Trim(string(r.ScalingUsageThreshold), `"`)
		v, err := strconv.Atoi(raw)
		if err != nil || v < 0 || v > 100 {
			return invalid("ScalingUsageThreshold", "must be a whole number 0..100 sent as a string")
		}
		np.ScalingUsageThreshold = strconv.Itoa(v)
	}
	if r.ScalingDownAfterIdleMinutes != nil {
		if *r.ScalingDownAfterIdleMinutes < 5 || *r.ScalingDownAfterIdleMinutes > 120 {
			return invalid("ScalingDownAfterIdleMinutes", "must be 5..120")
		}
		np.ScalingDownAfterIdleMinutes = *r.ScalingDownAfterIdleMinutes
	}
	if np.ScalingDownAfterIdleMinutes == 0 {
		np.ScalingDownAfterIdleMinutes = 5
	}
	if r.MaxIdleAppInstanceAmount != nil {
		if *r.MaxIdleAppInstanceAmount < 1 {
			return invalid("MaxIdleAppInstanceAmount", "must be 1 or more")
		}
		np.MaxIdleAppInstanceAmount = *r.MaxIdleAppInstanceAmount
	}
	if np.StrategyType == stratUsage {
		if np.MaxScalingAmount == 0 {
			return missing("MaxScalingAmount")
		}
		if np.ScalingStep == 0 {
			return missing("ScalingStep")
		}
		if np.ScalingUsageThreshold == "" {
			return missing("ScalingUsageThreshold")
		}
	}
	return nil
}

// applySchedule applies api-notes §4 rules 18–22, the schedule fields.
func (e *Emulator) applySchedule(np *NodePool, base NodePool, r *nodePoolReq, switched bool) *apiError {
	if r.StrategyEnableDate != nil {
		np.StrategyEnableDate = *r.StrategyEnableDate
	}
	if r.StrategyDisableDate != nil {
		np.StrategyDisableDate = *r.StrategyDisableDate
	}
	if r.WarmUp != nil {
		np.WarmUp = *r.WarmUp
	} else if switched {
		return missing("WarmUp")
	}
	if r.RecurrenceSchedules != nil {
		np.RecurrenceSchedules = r.RecurrenceSchedules
	}
	if np.StrategyEnableDate == "" {
		return missing("StrategyEnableDate")
	}
	if np.StrategyDisableDate == "" {
		return missing("StrategyDisableDate")
	}
	en, err := time.ParseInLocation("2006-01-02", np.StrategyEnableDate, chinaTZ)
	if err != nil {
		return invalid("StrategyEnableDate", "must be yyyy-MM-dd")
	}
	dis, err := time.ParseInLocation("2006-01-02", np.StrategyDisableDate, chinaTZ)
	if err != nil {
		return invalid("StrategyDisableDate", "must be yyyy-MM-dd")
	}
	// "Today or later" is checked only when the date is being set, so an
	// old schedule can still be edited in other respects.
	if np.StrategyEnableDate != base.StrategyEnableDate || switched {
		n := e.now().In(chinaTZ)
		today := time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, chinaTZ)
		if en.Before(today) {
			return invalid("StrategyEnableDate", "must be today (%s, UTC+8) or later", today.Format("2006-01-02"))
		}
	}
	if dis.Before(en.AddDate(0, 0, 7)) || dis.After(en.AddDate(1, 0, 0)) {
		return invalid("StrategyDisableDate", "must be 7 days to 1 year after StrategyEnableDate")
	}
	if len(np.RecurrenceSchedules) == 0 {
		return missing("RecurrenceSchedules")
	}
	return checkSchedules(np.RecurrenceSchedules)
}

func parseHHMM(s string) (int, bool) {
	if len(s) != 5 || s[2] != ':' {
		return 0, false
	}
	h, err1 := strconv.Atoi(s[:2])
	m, err2 := strconv.Atoi(s[3:])
	if err1 != nil || err2 != nil || h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m != 0) {
		return 0, false
	}
	return h*60 + m, true
}

// checkSchedules applies api-notes §4 rules 21–22.
func checkSchedules(list []RecurrenceSchedule) *apiError {
	for _, s := range list {
		if s.RecurrenceType != "Weekly" && s.RecurrenceType != "weekly" {
			return invalid("RecurrenceType", "must be Weekly")
		}
		if len(s.RecurrenceValues) == 0 {
			return missing("RecurrenceValues")
		}
		seen := map[int]bool{}
		for _, v := range s.RecurrenceValues {
			if v < 1 || v > 7 {
				return invalid("RecurrenceValues", "weekdays are 1 (Monday) to 7 (Sunday)")
			}
			if seen[v] {
				return invalid("RecurrenceValues", "weekday %d is repeated", v)
			}
			seen[v] = true
		}
		if len(s.TimerPeriods) < 1 || len(s.TimerPeriods) > 3 {
			return invalid("TimerPeriods", "1 to 3 periods per schedule")
		}
		type span struct{ a, b int }
		var spans []span
		total := 0
		for _, tp := range s.TimerPeriods {
			a, ok1 := parseHHMM(tp.StartTime)
			b, ok2 := parseHHMM(tp.EndTime)
			if !ok1 {
				return invalid("StartTime", "must be HH:mm")
			}
			if !ok2 {
				return invalid("EndTime", "must be HH:mm")
			}
			if b <= a {
				return invalid("EndTime", "%s must be after StartTime %s", tp.EndTime, tp.StartTime)
			}
			if b-a < 15 {
				return invalid("TimerPeriods", "each period must last at least 15 minutes")
			}
			if tp.Amount < 0 || tp.Amount > 100 {
				return invalid("Amount", "must be 0..100")
			}
			total += b - a
			spans = append(spans, span{a, b})
		}
		sort.Slice(spans, func(i, j int) bool { return spans[i].a < spans[j].a })
		for i := 1; i < len(spans); i++ {
			if spans[i].a < spans[i-1].b {
				return invalid("TimerPeriods", "periods overlap")
			}
			if spans[i].a-spans[i-1].b < 5 {
				return invalid("TimerPeriods", "periods must be at least 5 minutes apart")
			}
		}
		if total > 24*60 {
			return invalid("TimerPeriods", "periods add up to more than 24 hours")
		}
	}
	return nil
}

// inScheduledWindow says whether now (UTC+8) falls inside a timer period.
func inScheduledWindow(np NodePool, now time.Time) bool {
	_, ok := activePeriod(np, now)
	return ok
}

func (e *Emulator) groupByPool(poolID string) *Group {
	for _, g := range e.st.groups {
		if g.NodePool.ID == poolID {
			return g
		}
	}
	return nil
}

// modifiable lists the statuses in which configuration changes are accepted.
func modifiable(g *Group) bool {
	return !g.Deleting && (g.Status == "PUBLISHED" || g.Status == "MAINTAIN_FAILED")
}

// modifyPoolReq is ModifyNodePoolAttribute's request; next is the node
// pool as it will be.
type modifyPoolReq struct {
	g    *Group
	next NodePool
}

func (r *modifyPoolReq) validate(e *Emulator, c *call) *apiError {
	p := c.p
	if ae := checkOptionalProduct(p); ae != nil {
		return ae
	}
	poolID, ae := p.required("PoolId")
	if ae != nil {
		return ae
	}
	g := e.groupByPool(poolID)
	if g == nil {
		return invalid("PoolId", "node pool %s does not exist", poolID)
	}
	if reg := p.str("BizRegionId"); reg != "" && reg != g.RegionID {
		return invalid("BizRegionId", "node pool %s is in %s", poolID, g.RegionID)
	}
	if !modifiable(g) {
		return incorrectStatus(g.ID, g.Status, "ModifyNodePoolAttribute")
	}
	np := g.NodePool
	if capN, ok, ae := p.intParam("NodeCapacity"); ae != nil {
		return ae
	} else if ok {
		if ae := e.checkCapacity(np.InstanceType, int(capN)); ae != nil {
			return ae
		}
		np.NodeCapacity = int(capN)
	}
	var req nodePoolReq
	if ok, ae := p.jsonParam("NodePoolStrategy", &req); ae != nil {
		return ae
	} else if ok {
		if np, ae = e.applyStrategy(np, &req, g.ChargeType, false); ae != nil {
			return ae
		}
		if req.NodeCapacity != nil {
			if ae := e.checkCapacity(np.InstanceType, *req.NodeCapacity); ae != nil {
				return ae
			}
			np.NodeCapacity = *req.NodeCapacity
		}
	}
	r.g, r.next = g, np
	return nil
}

func (e *Emulator) modifyNodePoolAttribute(r *modifyPoolReq) map[string]any {
	r.g.NodePool = r.next
	return map[string]any{}
}

// amountReq is the NodePool JSON of ModifyNodePoolAmount.
type amountReq struct {
	NodeAmount                     *int     `json:"NodeAmount"`
	PrePaidNodeAmountModifyMode    string   `json:"PrePaidNodeAmountModifyMode"`
	PrePaidNodeAmountModifyNodeIDs []string `json:"PrePaidNodeAmountModifyNodeIds"`
}

// modifyAmountReq is ModifyNodePoolAmount's request.
type modifyAmountReq struct {
	g      *Group
	amount int
}

func (r *modifyAmountReq) validate(e *Emulator, c *call) *apiError {
	p := c.p
	if ae := checkProduct(p); ae != nil {
		return ae
	}
	g, ae := e.groupParam(p)
	if ae != nil {
		return ae
	}
	var req amountReq
	ok, ae := p.jsonParam("NodePool", &req)
	if ae != nil {
		return ae
	}
	if !ok {
		return missing("NodePool")
	}
	if req.NodeAmount == nil {
		return missing("NodeAmount")
	}
	if *req.NodeAmount < 1 || *req.NodeAmount > 100 {
		return invalid("NodeAmount", "must be 1..100")
	}
	if req.PrePaidNodeAmountModifyMode != "" && req.PrePaidNodeAmountModifyMode != "EXPAND_FROM_POST_PAID_EXPLICIT" {
		return invalid("PrePaidNodeAmountModifyMode", "must be EXPAND_FROM_POST_PAID_EXPLICIT")
	}
	if g.ChargeType != "PrePaid" {
		return invalid("ChargeType", "ModifyNodePoolAmount only applies to PrePaid (subscription) groups")
	}
	if !modifiable(g) {
		return incorrectStatus(g.ID, g.Status, "ModifyNodePoolAmount")
	}
	r.g, r.amount = g, *req.NodeAmount
	return nil
}

func (e *Emulator) modifyNodePoolAmount(r *modifyAmountReq) map[string]any {
	r.g.NodePool.NodeAmount = r.amount
	order := e.st.newOrderID()
	r.g.Orders = append(r.g.Orders, order)
	return map[string]any{"Data": map[string]any{"OrderId": order}}
}
