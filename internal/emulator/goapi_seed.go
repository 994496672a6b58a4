package emulator

import "time"

// GroupSeed is a delivery group put straight into the emulator as a test's
// starting state, in a test's terms rather than the emulator's records.
// Every field is optional: what is left out gets what CreateAppInstanceGroup
// would give (see AddGroup) — PostPaid, PUBLISHED, NODE_FIXED, one node of
// capacity 1 of the first catalog type, in the first served region.
type GroupSeed struct {
	ID, Name, ImageID, RegionID string
	// Status other than PUBLISHED (e.g. FAILED); with Until, the group turns
	// PUBLISHED at that time (a MAINTAINING group finishing its work).
	Status string
	Until  time.Time
	// PrePaid makes a one-month subscription that expires at Expires (a
	// month from now if zero).
	PrePaid        bool
	Expires        time.Time
	Created        time.Time
	SessionTimeout int
	OfficeSiteID   string

	InstanceType    string
	Nodes, Capacity int
	// Usage or Schedule sets the pool's scaling strategy (at most one).
	Usage    *UsageScaling
	Schedule *ScheduleScaling

	Tags       map[string]string // Custom scope
	SystemTags map[string]string // System scope, e.g. System/Scheduler/…
	Users      []string          // authorized users

	// OtaVersion is the installed system-component version; PendingOta (with
	// its task ID) an update waiting for approval.
	OtaVersion, PendingOta, PendingOtaTask string
}

// UsageScaling is a NODE_SCALING_BY_USAGE strategy.
type UsageScaling struct {
	Max, Step, IdleMinutes, MaxIdle int
	Threshold                       string // percent, as the API sends it
	ScaledNodes, ScaledNodesUsed    int    // nodes the engine has added, and used
}

// ScheduleScaling is a NODE_SCALING_BY_SCHEDULE strategy: weekly windows
// between two dates (YYYY-MM-DD).
type ScheduleScaling struct {
	From, To string
	WarmUp   bool
	Weekly   []WeeklyWindows
}

// WeeklyWindows are the time windows of some weekdays (1 = Monday).
type WeeklyWindows struct {
	Days    []int
	Windows []Window
}

// Window is one HH:MM–HH:MM period and the node count it asks for.
type Window struct {
	Start, End string
	Nodes      int
}

// SeedGroup adds the group described by s and returns its ID; it fails for
// an image, instance type or region the catalog lacks, or a taken ID.
func (e *Emulator) SeedGroup(s GroupSeed) (string, error) {
	g := Group{ID: s.ID, Name: s.Name, ImageID: s.ImageID, RegionID: s.RegionID, Status: s.Status,
		SessionTimeout: s.SessionTimeout, OfficeSiteID: s.OfficeSiteID, CreatedAt: s.Created,
		Tags: s.Tags, SystemTags: s.SystemTags, Users: s.Users,
		NodePool: NodePool{InstanceType: s.InstanceType, NodeAmount: s.Nodes, NodeCapacity: s.Capacity},
		Ota:      OtaState{OtaVersion: s.OtaVersion, NewOtaVersion: s.PendingOta, TaskID: s.PendingOtaTask}}
	if !s.Until.IsZero() {
		g.StatusUntil, g.NextStatus = s.Until, "PUBLISHED"
	}
	if s.PrePaid {
		g.ChargeType, g.Period, g.PeriodUnit, g.ExpiredAt = "PrePaid", 1, "Month", s.Expires
		if g.ExpiredAt.IsZero() {
			g.ExpiredAt = time.Now().AddDate(0, 1, 0)
		}
	}
	if s.PendingOta != "" {
		g.Ota.History = []OtaTask{{TaskID: s.PendingOtaTask, OtaVersion: s.PendingOta, Status: "STANDBY", StartTime: time.Now()}}
	}
	p := &g.NodePool
	if u := s.Usage; u != nil {
		p.StrategyType, p.MaxScalingAmount, p.ScalingStep, p.ScalingUsageThreshold = "NODE_SCALING_BY_USAGE", u.Max, u.Step, u.Threshold
		p.ScalingDownAfterIdleMinutes, p.MaxIdleAppInstanceAmount = u.IdleMinutes, u.MaxIdle
		p.ScalingNodeAmount, p.ScalingNodeUsed = u.ScaledNodes, u.ScaledNodesUsed
	}
	if sc := s.Schedule; sc != nil {
		p.StrategyType, p.StrategyEnableDate, p.StrategyDisableDate, p.WarmUp = "NODE_SCALING_BY_SCHEDULE", sc.From, sc.To, sc.WarmUp
		for _, w := range sc.Weekly {
			r := RecurrenceSchedule{RecurrenceType: "Weekly", RecurrenceValues: w.Days}
			for _, win := range w.Windows {
				r.TimerPeriods = append(r.TimerPeriods, TimerPeriod{StartTime: win.Start, EndTime: win.End, Amount: win.Nodes})
			}
			p.RecurrenceSchedules = append(p.RecurrenceSchedules, r)
		}
	}
	return e.AddGroup(g)
}
