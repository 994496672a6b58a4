package emulator

import (
	"math/rand/v2"
	"sort"
	"strconv"
	"time"
)

// Group is the emulator's record of one delivery group. Tests may change
// it through UpdateGroup (drift); API handlers keep its invariants.
type Group struct {
	ID                 string
	Name               string
	RegionID           string
	ImageID            string
	PrevImageID        string // restored when an image update fails
	ProductType        string
	ChargeType         string // PostPaid | PrePaid
	ChargeResourceMode string
	Period             int
	PeriodUnit         string
	AutoRenew          bool
	AutoPay            bool
	SessionTimeout     int
	Status             string
	PolicyID           string
	SpecID             string
	AuthMode           string
	SessionType        string
	SubPayType         string
	PreOpenAppID       string
	PreOpenMode        string
	PerSessionPerApp   bool
	SkipUserAuthCheck  bool
	ResetAfterUnbind   bool
	ClusterID          string
	AppPackageType     string
	OfficeSiteID       string
	RuntimePolicy      map[string]any
	Network            map[string]any
	StoragePolicy      map[string]any
	UserDefinePolicy   map[string]any
	NodePool           NodePool
	Users              []string
	UserGroups         []string
	Tags               map[string]string // Custom scope
	SystemTags         map[string]string // System scope (System/Scheduler/...)
	Sessions           int               // connected sessions (admin connect/disconnect, tickets)
	Orders             []string
	CreatedAt          time.Time
	ExpiredAt          time.Time // PrePaid only
	Ota                OtaState

	// Transition bookkeeping: while Status is DEPLOYING or MAINTAINING the
	// group moves to NextStatus at StatusUntil (evaluated lazily).
	StatusUntil time.Time
	NextStatus  string
	// Deleting is set by DeleteAppInstanceGroup; the group vanishes at DeleteAt.
	Deleting bool
	DeleteAt time.Time
}

// NodePool is the single resource pool of a group.
type NodePool struct {
	ID                          string
	InstanceType                string
	NodeAmount                  int
	NodeCapacity                int
	StrategyType                string
	MaxScalingAmount            int
	ScalingStep                 int
	ScalingUsageThreshold       string
	ScalingDownAfterIdleMinutes int
	MaxIdleAppInstanceAmount    int
	StrategyEnableDate          string
	StrategyDisableDate         string
	WarmUp                      bool
	RecurrenceSchedules         []RecurrenceSchedule
	ScalingNodeAmount           int
	ScalingNodeUsed             int
}

// RecurrenceSchedule is one weekly scaling rule (JSON as on the wire).
type RecurrenceSchedule struct {
	RecurrenceType   string        `json:"RecurrenceType"`
	RecurrenceValues []int         `json:"RecurrenceValues"`
	TimerPeriods     []TimerPeriod `json:"TimerPeriods"`
}

// TimerPeriod is one time window of a schedule.
type TimerPeriod struct {
	Amount    int    `json:"Amount"`
	EndTime   string `json:"EndTime"`
	StartTime string `json:"StartTime"`
}

// OtaState is the OTA bookkeeping of a group.
type OtaState struct {
	OtaVersion    string
	NewOtaVersion string // "" = no pending update
	TaskID        string
	Approved      bool
	StartTime     time.Time // when the approved task runs
	History       []OtaTask
}

// OtaTask is one ListOtaTask row.
type OtaTask struct {
	TaskID     string    `json:"TaskId"`
	OtaVersion string    `json:"OtaVersion"`
	Status     string    `json:"TaskDisplayStatus"`
	StartTime  time.Time `json:"TaskStartTime"`
}

// otaRunDuration is how long an approved OTA task stays RUNNING.
const otaRunDuration = 10 * time.Minute

// AppPolicy is a policy object (pg-…). The API has no read action for it;
// it is visible through Policy() and /_emulator/state.
type AppPolicy struct {
	ID                         string   `json:"AppPolicyId"`
	FrameRate                  int      `json:"FrameRate"`
	SessionResolutionWidth     int      `json:"SessionResolutionWidth"`
	SessionResolutionHeight    int      `json:"SessionResolutionHeight"`
	TerminalResolutionAdaptive bool     `json:"TerminalResolutionAdaptive"`
	Webrtc                     bool     `json:"Webrtc"`
	StreamingMode              string   `json:"StreamingMode"`
	VisualQualityStrategy      string   `json:"VisualQualityStrategy"`
	Groups                     []string `json:"Groups"` // groups bound to it
}

// PolicyView is a snapshot of a policy.
type PolicyView = AppPolicy

// AppInstance is one session instance (ListAppInstances row).
type AppInstance struct {
	ID            string    `json:"AppInstanceId"`
	GroupID       string    `json:"AppInstanceGroupId"`
	EndUserID     string    `json:"EndUserId"`
	Status        string    `json:"Status"`
	SessionStatus string    `json:"SessionStatus"`
	Created       time.Time `json:"GmtCreate"`
	Deleted       bool      `json:"Deleted"`
}

// connTask is a GetConnectionTicket task.
type connTask struct {
	ID, GroupID, InstanceID, UserID, AppID string
	Polls                                  int
	Failed                                 bool // the user is not authorized to the group
}

type state struct {
	catalog    *Catalog
	groups     map[string]*Group
	order      []string // creation order
	policies   map[string]*AppPolicy
	userGroups map[string]string
	instances  map[string][]*AppInstance // by group
	tasks      map[string]*connTask
	otherTags  map[string]map[string]string // "Type/ID" → tags for non-group resources
	created    int                          // groups created so far
	rng        *rand.Rand
	src        *rand.PCG // rng's source, kept so the state file can carry it
	orderSeq   int64
	// scaling engine (scaling.go): runtime per group, operation latency
	scaling map[string]*poolRuntime
	latency ScalingLatency
}

func newState(o Options) *state {
	cat := *o.Catalog
	ug := map[string]string{}
	for k, v := range o.UserGroups {
		ug[k] = v
	}
	src := rand.NewPCG(o.Seed, 0xa1b2c3)
	return &state{
		catalog: &cat, groups: map[string]*Group{}, policies: map[string]*AppPolicy{}, userGroups: ug,
		instances: map[string][]*AppInstance{}, tasks: map[string]*connTask{}, otherTags: map[string]map[string]string{},
		rng: rand.New(src), src: src, orderSeq: 220000000000000,
	}
}

const idChars = "abcdefghijklmnopqrstuvwxyz0123456789"

// newID makes prefix + n lower-case alphanumerics (aig- ids use 17).
func (s *state) newID(prefix string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = idChars[s.rng.IntN(len(idChars))]
	}
	return prefix + string(b)
}

func (s *state) newOrderID() string {
	s.orderSeq += int64(1 + s.rng.IntN(97))
	return strconv.FormatInt(s.orderSeq, 10)
}

// tick applies every due transition. It runs under e.mu before each call,
// so a duration of 0 means "done at the next read".
func (e *Emulator) tick() {
	now := e.now()
	for _, id := range append([]string(nil), e.st.order...) {
		g := e.st.groups[id]
		if g == nil {
			continue
		}
		if g.Deleting && !now.Before(g.DeleteAt) {
			e.removeGroup(id)
			continue
		}
		if (g.Status == "DEPLOYING" || g.Status == "MAINTAINING") && g.NextStatus != "" && !now.Before(g.StatusUntil) {
			g.Status, g.NextStatus = g.NextStatus, ""
			if g.Status == "MAINTAIN_FAILED" && g.PrevImageID != "" {
				g.ImageID = g.PrevImageID // the failed update leaves the old image in place
			}
		}
		if g.ChargeType == "PrePaid" && !g.ExpiredAt.IsZero() && !now.Before(g.ExpiredAt) &&
			(g.Status == "PUBLISHED" || g.Status == "MAINTAIN_FAILED") {
			g.Status = "EXPIRED"
		}
		e.tickOta(g, now)
		e.advanceScaling(g, now)
	}
}

func (e *Emulator) tickOta(g *Group, now time.Time) {
	o := &g.Ota
	if o.Approved && !now.Before(o.StartTime.Add(otaRunDuration)) {
		for i := range o.History {
			if o.History[i].TaskID == o.TaskID {
				o.History[i].Status = "FINISHED"
			}
		}
		o.OtaVersion, o.NewOtaVersion, o.Approved = o.NewOtaVersion, "", false
	}
}

func (e *Emulator) removeGroup(id string) {
	g := e.st.groups[id]
	delete(e.st.groups, id)
	delete(e.st.instances, id)
	delete(e.st.scaling, id)
	for i, x := range e.st.order {
		if x == id {
			e.st.order = append(e.st.order[:i], e.st.order[i+1:]...)
			break
		}
	}
	if g != nil {
		if pol := e.st.policies[g.PolicyID]; pol != nil {
			pol.Groups = removeStr(pol.Groups, id)
		}
	}
}

func removeStr(s []string, x string) []string {
	out := s[:0]
	for _, v := range s {
		if v != x {
			out = append(out, v)
		}
	}
	return out
}

// TagView is one tag as Get/List return it.
type TagView struct {
	Key   string `json:"Key"`
	Value string `json:"Value"`
	Scope string `json:"Scope"`
}

// NodePoolView is a NodePool as Get/List return it.
type NodePoolView struct {
	NodePoolID                  string               `json:"NodePoolId"`
	NodeInstanceType            string               `json:"NodeInstanceType"`
	NodeTypeName                string               `json:"NodeTypeName"`
	Amount                      int                  `json:"Amount"`
	NodeAmount                  int                  `json:"NodeAmount"`
	NodeUsed                    int                  `json:"NodeUsed"`
	NodeCapacity                int                  `json:"NodeCapacity"`
	MaxScalingAmount            int                  `json:"MaxScalingAmount"`
	MaxIdleAppInstanceAmount    int                  `json:"MaxIdleAppInstanceAmount,omitempty"`
	ScalingNodeAmount           int                  `json:"ScalingNodeAmount"`
	ScalingNodeUsed             int                  `json:"ScalingNodeUsed"`
	ScalingStep                 int                  `json:"ScalingStep"`
	ScalingUsageThreshold       string               `json:"ScalingUsageThreshold"`
	ScalingDownAfterIdleMinutes int                  `json:"ScalingDownAfterIdleMinutes"`
	StrategyType                string               `json:"StrategyType"`
	StrategyEnableDate          string               `json:"StrategyEnableDate,omitempty"`
	StrategyDisableDate         string               `json:"StrategyDisableDate,omitempty"`
	WarmUp                      bool                 `json:"WarmUp"`
	RecurrenceSchedules         []RecurrenceSchedule `json:"RecurrenceSchedules"`
}

// OtaInfoView is the OtaInfo object; NewOtaVersion is null when no update waits.
type OtaInfoView struct {
	OtaVersion    string  `json:"OtaVersion"`
	NewOtaVersion *string `json:"NewOtaVersion"`
	TaskID        string  `json:"TaskId"`
}

// GroupView is one delivery group with the fields and JSON types that
// GetAppInstanceGroup returns (SessionTimeout and ScalingUsageThreshold
// are strings).
type GroupView struct {
	AppInstanceGroupID          string         `json:"AppInstanceGroupId"`
	AppInstanceGroupName        string         `json:"AppInstanceGroupName"`
	AppCenterImageID            string         `json:"AppCenterImageId"`
	AppCenterImageName          string         `json:"AppCenterImageName"`
	AppInstanceType             string         `json:"AppInstanceType"`
	AppInstanceTypeName         string         `json:"AppInstanceTypeName"`
	AppPolicyID                 string         `json:"AppPolicyId"`
	Apps                        []App          `json:"Apps"`
	AccessType                  string         `json:"AccessType"`
	AuthMode                    string         `json:"AuthMode"`
	Amount                      int            `json:"Amount"`
	MinAmount                   int            `json:"MinAmount"`
	MaxAmount                   int            `json:"MaxAmount"`
	ReserveAmountRatio          string         `json:"ReserveAmountRatio"`
	ReserveMinAmount            int            `json:"ReserveMinAmount"`
	ReserveMaxAmount            int            `json:"ReserveMaxAmount"`
	ScalingStep                 int            `json:"ScalingStep"`
	ScalingUsageThreshold       string         `json:"ScalingUsageThreshold"`
	ScalingDownAfterIdleMinutes int            `json:"ScalingDownAfterIdleMinutes"`
	ChargeResourceMode          string         `json:"ChargeResourceMode"`
	ChargeType                  string         `json:"ChargeType"`
	ExpiredTime                 string         `json:"ExpiredTime"`
	GmtCreate                   string         `json:"GmtCreate"`
	NodePool                    []NodePoolView `json:"NodePool"`
	OfficeSiteID                string         `json:"OfficeSiteId,omitempty"`
	OsType                      string         `json:"OsType"`
	OtaInfo                     OtaInfoView    `json:"OtaInfo"`
	ProductType                 string         `json:"ProductType"`
	RegionID                    string         `json:"RegionId"`
	ResourceStatus              string         `json:"ResourceStatus"`
	SessionTimeout              string         `json:"SessionTimeout"`
	SessionType                 string         `json:"SessionType"`
	SkipUserAuthCheck           bool           `json:"SkipUserAuthCheck"`
	SpecID                      string         `json:"SpecId"`
	Status                      string         `json:"Status"`
	SupportUserGroupMixedAuth   bool           `json:"SupportUserGroupMixedAuth"`
	Tags                        []TagView      `json:"Tags"`
	UserGroupAuthMode           string         `json:"UserGroupAuthMode"`
}

func (g *Group) tagViews() []TagView {
	out := []TagView{}
	for _, m := range []struct {
		tags  map[string]string
		scope string
	}{{g.Tags, "Custom"}, {g.SystemTags, "System"}} {
		keys := make([]string, 0, len(m.tags))
		for k := range m.tags {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			out = append(out, TagView{Key: k, Value: m.tags[k], Scope: m.scope})
		}
	}
	return out
}

func nodeUsed(sessions, capacity, amount int) int {
	if capacity < 1 {
		capacity = 1
	}
	n := (sessions + capacity - 1) / capacity
	if n > amount {
		n = amount
	}
	return n
}

func (e *Emulator) view(g *Group) GroupView {
	im, _ := e.st.catalog.image(g.ImageID)
	it, _ := e.st.catalog.instanceType(g.NodePool.InstanceType)
	np := g.NodePool
	scheds := np.RecurrenceSchedules
	if scheds == nil {
		scheds = []RecurrenceSchedule{}
	}
	thr := np.ScalingUsageThreshold
	npv := NodePoolView{
		NodePoolID: np.ID, NodeInstanceType: np.InstanceType, NodeTypeName: it.Name,
		Amount: np.NodeAmount, NodeAmount: np.NodeAmount, NodeUsed: nodeUsed(g.Sessions, np.NodeCapacity, np.NodeAmount),
		NodeCapacity: np.NodeCapacity, MaxScalingAmount: np.MaxScalingAmount, MaxIdleAppInstanceAmount: np.MaxIdleAppInstanceAmount,
		ScalingNodeAmount: np.ScalingNodeAmount, ScalingNodeUsed: np.ScalingNodeUsed, ScalingStep: np.ScalingStep,
		ScalingUsageThreshold: thr, ScalingDownAfterIdleMinutes: np.ScalingDownAfterIdleMinutes, StrategyType: np.StrategyType,
		StrategyEnableDate: np.StrategyEnableDate, StrategyDisableDate: np.StrategyDisableDate, WarmUp: np.WarmUp,
		RecurrenceSchedules: scheds,
	}
	var newOta *string
	if g.Ota.NewOtaVersion != "" {
		v := g.Ota.NewOtaVersion
		newOta = &v
	}
	resStatus := "AVAILABLE"
	switch g.Status {
	case "DEPLOYING":
		resStatus = "CREATING"
	case "MAINTAINING":
		resStatus = "UPGRADING"
	case "FAILED", "CEASED", "EXPIRED", "EXPIRED_RECYCLING":
		resStatus = "UNAVAILABLE"
	}
	if g.ChargeType == "PrePaid" && g.Status == "PUBLISHED" && e.now().Add(7*24*time.Hour).After(g.ExpiredAt) {
		resStatus = "EXPIRED_IN_7_DAYS"
	}
	apps := append([]App{}, im.Apps...)
	return GroupView{
		AppInstanceGroupID: g.ID, AppInstanceGroupName: g.Name, AppCenterImageID: g.ImageID, AppCenterImageName: im.Name,
		AppInstanceType: "__dynamic__", AppInstanceTypeName: it.Name, AppPolicyID: g.PolicyID, Apps: apps,
		AccessType: "INTERNET", AuthMode: g.AuthMode, Amount: np.NodeAmount, MinAmount: 1, MaxAmount: max(1, np.NodeAmount*np.NodeCapacity),
		ReserveAmountRatio: "0", ReserveMinAmount: 1, ReserveMaxAmount: 1,
		ScalingStep: max(1, np.ScalingStep), ScalingUsageThreshold: thr, ScalingDownAfterIdleMinutes: np.ScalingDownAfterIdleMinutes,
		ChargeResourceMode: g.ChargeResourceMode, ChargeType: g.ChargeType, ExpiredTime: apiTime(g.ExpiredAt), GmtCreate: apiTime(g.CreatedAt),
		NodePool: []NodePoolView{npv}, OfficeSiteID: g.OfficeSiteID, OsType: im.OsType,
		OtaInfo:     OtaInfoView{OtaVersion: g.Ota.OtaVersion, NewOtaVersion: newOta, TaskID: g.Ota.TaskID},
		ProductType: "CloudApp", RegionID: g.RegionID, ResourceStatus: resStatus, SessionTimeout: strconv.Itoa(g.SessionTimeout),
		SessionType: g.SessionType, SkipUserAuthCheck: g.SkipUserAuthCheck, SpecID: g.SpecID, Status: g.Status,
		Tags: g.tagViews(), UserGroupAuthMode: "Mixed",
	}
}
