package emulator

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Bill is what a group has cost so far, in CNY, from the catalog's list
// prices (see PriceQuote):
//   - Subscription: PrePaid resources, Monthly × months(Period, PeriodUnit)
//     × NodeAmount for the purchase (a Week is 7/30 of a month);
//   - PayAsYouGo: PostPaid subscription-less resources (a PostPaid group's
//     NodeAmount), per second since the group was created, at Hourly;
//   - Elastic: every elastic resource per second from the end of its
//     creation to the end of its release, at Hourly.
//
// Amounts are unrounded; Total is rounded to cents, as the console shows.
type Bill struct {
	Subscription float64       `json:"subscription_cny"`
	PayAsYouGo   float64       `json:"pay_as_you_go_cny"`
	Elastic      float64       `json:"elastic_cny"`
	Total        float64       `json:"total_cny"`
	ElasticNodes []elasticNode `json:"elastic_nodes"`
}

// GroupBill returns the bill of a group up to the emulator's now.
func (e *Emulator) GroupBill(id string) (Bill, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.tick()
	g := e.st.groups[id]
	if g == nil {
		return Bill{}, fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	return e.bill(g, e.now()), nil
}

func (e *Emulator) bill(g *Group, now time.Time) Bill {
	it, _ := e.st.catalog.instanceType(g.NodePool.InstanceType)
	perSecond := it.hourly() / 3600
	var b Bill
	if g.ChargeType == "PrePaid" {
		b.Subscription = it.Monthly * periodMonths(int64(g.Period), g.PeriodUnit) * float64(g.NodePool.NodeAmount)
	} else if !g.CreatedAt.IsZero() {
		b.PayAsYouGo = perSecond * now.Sub(g.CreatedAt).Seconds() * float64(g.NodePool.NodeAmount)
	}
	rt := e.runtime(g)
	for _, list := range [][]*elasticNode{rt.gone, rt.nodes} {
		for _, n := range list {
			b.ElasticNodes = append(b.ElasticNodes, *n)
			end := now
			if n.releasing() && n.GoneAt.Before(now) {
				end = n.GoneAt
			}
			if end.After(n.ReadyAt) {
				b.Elastic += perSecond * end.Sub(n.ReadyAt).Seconds()
			}
		}
	}
	b.Total = round(b.Subscription+b.PayAsYouGo+b.Elastic, 2)
	return b
}

// checkPeriod applies api-notes §4 rule 3: Week→1; Month→1,2,3,6; Year→1,2,3.
func checkPeriod(period int64, unit string) *apiError {
	ok := false
	switch unit {
	case "Week":
		ok = period == 1
	case "Month":
		ok = period == 1 || period == 2 || period == 3 || period == 6
	case "Year":
		ok = period >= 1 && period <= 3
	default:
		return invalid("PeriodUnit", "must be Week, Month or Year")
	}
	if !ok {
		return invalid("Period", "%d %s is not a valid subscription length (Week: 1; Month: 1, 2, 3, 6; Year: 1, 2, 3)", period, unit)
	}
	return nil
}

// periodMonths converts a subscription length to months; a week is 7/30
// of a month, the proration the console's billing example uses.
func periodMonths(period int64, unit string) float64 {
	switch unit {
	case "Week":
		return float64(period) * 7 / 30
	case "Year":
		return float64(period) * 12
	default:
		return float64(period)
	}
}

// Quote is one price computed by the emulator's price formula.
//
// Price formula (all amounts CNY, list prices in the catalog per node):
//
//	PrePaid:  OriginalPrice = Monthly × months(Period, PeriodUnit) × Amount
//	          months: Week = 7/30 per week, Month = Period, Year = 12 × Period
//	          DiscountPrice = 15 % of OriginalPrice for Year, else 0; a
//	          discount comes with the selected promotion promo-yearly-15
//	          rounded to 2 decimals
//	PostPaid: OriginalPrice = Hourly × Amount (price per hour; Period and
//	          PeriodUnit are validated but do not change the price),
//	          DiscountPrice = 0, rounded to 6 decimals
//	          Hourly = catalog value, or Monthly × 0.726736 / 199
//	TradePrice = OriginalPrice − DiscountPrice
//
// appstreaming.general.4c8g: Monthly 199 (PrePaid 1 Month = "199.00"),
// Hourly 0.726736; the other types: 8c16g 398, vgpu.4c8g.2g 499,
// vgpu.8c16g.4g 899, vgpu.8c31g.16g 1999, vgpu.14c93g.12g 2599 per month.
type Quote struct {
	Original, Discount, Trade float64
	Decimals                  int
}

// PriceQuote computes a quote for a node spec.
func PriceQuote(t InstanceType, chargeType string, period int64, unit string, amount int64) Quote {
	if chargeType == "PostPaid" {
		o := round(t.hourly()*float64(amount), 6)
		return Quote{Original: o, Trade: o, Decimals: 6}
	}
	o := round(t.Monthly*periodMonths(period, unit)*float64(amount), 2)
	d := 0.0
	if unit == "Year" {
		d = round(o*0.15, 2)
	}
	return Quote{Original: o, Discount: d, Trade: round(o-d, 2), Decimals: 2}
}

func money(x float64, decimals int) string {
	if decimals <= 2 {
		return strconv.FormatFloat(x, 'f', 2, 64)
	}
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".00"
	} else if len(s)-strings.Index(s, ".") == 2 {
		s += "0"
	}
	return s
}

// yearlyPromotion is the promotion that carries the yearly discount of
// PriceQuote, so quotes show where a DiscountPrice comes from.
var yearlyPromotion = map[string]any{
	"PromotionId": "promo-yearly-15", "PromotionName": "Yearly subscription discount",
	"PromotionDesc": "15 % off subscriptions paid by the year", "OptionCode": "youhui_yearly", "Selected": true,
}

func priceObject(q Quote, rule string) map[string]any {
	promotions := []any{}
	if q.Discount > 0 {
		promotions = append(promotions, yearlyPromotion)
	}
	return map[string]any{
		"Price": map[string]any{
			"Currency": "CNY", "OriginalPrice": money(q.Original, q.Decimals), "DiscountPrice": money(q.Discount, q.Decimals),
			"TradePrice": money(q.Trade, q.Decimals), "Promotions": promotions,
		},
		"Rules": []map[string]any{{"RuleId": int64(1001), "Description": rule}},
	}
}

// priceReq is GetResourcePrice's request: a quote for a node spec
// (NodeInstanceType) or a session spec (AppInstanceType, a spec or a
// family).
type priceReq struct {
	chargeType     string
	amount, period int64
	unit           string
	spec           InstanceType
	session        bool // AppInstanceType: connected and standby session prices
}

func (r *priceReq) validate(e *Emulator, c *call) *apiError {
	p := c.p
	if ae := checkProduct(p); ae != nil {
		return ae
	}
	if _, ae := e.checkRegion(p, "BizRegionId", true); ae != nil {
		return ae
	}
	var ae *apiError
	if r.chargeType, ae = chargeTypeParam(p); ae != nil {
		return ae
	}
	amount, ok, ae := p.intParam("Amount")
	if ae != nil {
		return ae
	}
	if !ok {
		return missing("Amount")
	}
	if amount < 1 || amount > 1000 {
		return invalid("Amount", "must be 1..1000")
	}
	r.amount = amount
	if r.period, r.unit, ae = periodParams(p); ae != nil {
		return ae
	}
	if ae := checkPeriod(r.period, r.unit); ae != nil {
		return ae
	}
	if nt := p.str("NodeInstanceType"); nt != "" {
		if r.spec, ok = e.st.catalog.instanceType(nt); !ok {
			return invalid("NodeInstanceType", "unknown instance type %q", nt)
		}
		return nil
	}
	at := p.str("AppInstanceType")
	if at == "" {
		return errf(400, "MissingParameter.NodeInstanceType", "One of NodeInstanceType or AppInstanceType is required.")
	}
	r.session = true
	// AppInstanceType may name a spec or a family (then its first spec).
	for _, x := range e.st.catalog.InstanceTypes {
		if x.ID == at || x.Family == at {
			r.spec = x
			return nil
		}
	}
	return invalid("AppInstanceType", "unknown session spec %q", at)
}

func (e *Emulator) getResourcePrice(r *priceReq) map[string]any {
	resp := map[string]any{"Code": "success", "Message": ""}
	t := r.spec
	q := PriceQuote(t, r.chargeType, r.period, r.unit, r.amount)
	if !r.session {
		resp["PriceModel"] = priceObject(q, "list price "+t.ID)
		return resp
	}
	list := []map[string]any{withType(priceObject(q, "connected session price "+t.ID), "Connected")}
	if r.chargeType == "PostPaid" {
		// A standby (disconnected but retained) session costs 20 % of a connected one.
		sq := Quote{Original: round(q.Original*0.2, 6), Trade: round(q.Trade*0.2, 6), Decimals: 6}
		list = append(list, withType(priceObject(sq, "standby session price "+t.ID), "Standby"))
	}
	resp["PriceList"] = list
	return resp
}

func withType(m map[string]any, t string) map[string]any { m["PriceType"] = t; return m }

func addPeriod(t time.Time, period int, unit string) time.Time {
	switch unit {
	case "Week":
		return t.AddDate(0, 0, 7*period)
	case "Year":
		return t.AddDate(period, 0, 0)
	default:
		return t.AddDate(0, period, 0)
	}
}

// renewReq is RenewAppInstanceGroup's request.
type renewReq struct {
	g      *Group
	period int64
	unit   string
}

func (r *renewReq) validate(e *Emulator, c *call) *apiError {
	p := c.p
	var ae *apiError
	if r.g, ae = e.productGroup(p); ae != nil {
		return ae
	}
	if r.period, r.unit, ae = periodParams(p); ae != nil {
		return ae
	}
	if ae := checkPeriod(r.period, r.unit); ae != nil {
		return ae
	}
	if _, _, ae := p.boolParam("AutoPay"); ae != nil {
		return ae
	}
	if _, _, ae := p.intParam("RenewAmount"); ae != nil {
		return ae
	}
	var nodes []string
	if _, ae := p.jsonParam("RenewNodes", &nodes); ae != nil {
		return ae
	}
	g := r.g
	if g.ChargeType != "PrePaid" {
		return invalid("ChargeType", "only PrePaid (subscription) groups can be renewed")
	}
	if g.Deleting || !oneOf(g.Status, "PUBLISHED", "EXPIRED", "MAINTAINING", "MAINTAIN_FAILED") {
		return incorrectStatus(g.ID, g.Status, "RenewAppInstanceGroup")
	}
	return nil
}

// renewGroup extends the subscription from its end, or from now if it has
// ended; an expired group is back in service.
func (e *Emulator) renewGroup(r *renewReq) map[string]any {
	g := r.g
	from := g.ExpiredAt
	if now := e.now(); from.Before(now) {
		from = now
	}
	g.ExpiredAt = addPeriod(from, int(r.period), r.unit)
	if g.Status == "EXPIRED" {
		g.Status = "PUBLISHED"
	}
	order := e.st.newOrderID()
	g.Orders = append(g.Orders, order)
	return map[string]any{"OrderId": order}
}

// chargeTypeParam reads the required ChargeType: PostPaid (pay as you go)
// or PrePaid (subscription).
func chargeTypeParam(p params) (string, *apiError) {
	ct, ae := p.required("ChargeType")
	if ae != nil {
		return "", ae
	}
	if ct != "PostPaid" && ct != "PrePaid" {
		return "", invalid("ChargeType", "must be PostPaid or PrePaid")
	}
	return ct, nil
}

// periodParams reads the required subscription length, Period and
// PeriodUnit; whether the pair is valid is checkPeriod's concern.
func periodParams(p params) (int64, string, *apiError) {
	period, ok, ae := p.intParam("Period")
	if ae != nil {
		return 0, "", ae
	}
	if !ok {
		return 0, "", missing("Period")
	}
	unit, ae := p.required("PeriodUnit")
	if ae != nil {
		return 0, "", ae
	}
	return period, unit, nil
}
