package emulator

import (
	"slices"
	"sort"
	"strconv"
	"time"
)

// Scaling engine: the node pool strategy is applied, not just stored.
//
// The model follows the console's worked billing example (S-GUIDE2) and
// api-notes §3.4:
//   - session usage = sessions ÷ (resources × NodeCapacity) × 100 %, where
//     resources are the subscription ones (NodeAmount) plus the elastic ones
//     that exist or are being created (not those being released);
//   - NODE_SCALING_BY_USAGE: when usage exceeds ScalingUsageThreshold (and,
//     with MaxIdleAppInstanceAmount set, fewer idle sessions — free session
//     slots on ready resources — exist than that), ScalingStep elastic
//     resources are created, never more than MaxScalingAmount in all;
//     an elastic resource idle for ScalingDownAfterIdleMinutes is released,
//     one at a time, unless its removal would at once trigger a scale-out;
//   - NODE_SCALING_BY_SCHEDULE: inside a timer period on a configured
//     weekday within [StrategyEnableDate, StrategyDisableDate] (UTC+8) the
//     pool holds the period's Amount resources (elastic ones above
//     NodeAmount; a smaller Amount keeps NodeAmount); with WarmUp the
//     resources are created ahead so they are ready at the period start;
//     outside periods the elastic ones are released;
//   - NODE_FIXED: elastic resources are released.
//
// Sessions are packed onto subscription resources first, then onto ready
// elastic resources in creation order; an elastic resource is idle when it
// holds no session, and its idle time runs from when it became so.
// NodeAmount is never changed by scaling (it belongs to the group's owner);
// elastic resources are reported in ScalingNodeAmount / ScalingNodeUsed.
//
// Creating and releasing an elastic resource take time in the service and
// the time varies; SetScalingLatency (or POST /_emulator/scaling) sets it,
// and it applies to operations started afterwards.

// elasticNode is one pay-as-you-go elastic resource.
type elasticNode struct {
	ID        string    `json:"id"`
	Requested time.Time `json:"requested"`           // creation started
	ReadyAt   time.Time `json:"ready_at"`            // creation finished; billing starts
	IdleSince time.Time `json:"idle_since"`          // zero while it holds sessions
	ReleaseAt time.Time `json:"release_at,omitzero"` // release requested
	GoneAt    time.Time `json:"gone_at,omitzero"`    // release finished; billing stops
}

func (n *elasticNode) creating(t time.Time) bool { return t.Before(n.ReadyAt) }
func (n *elasticNode) releasing() bool           { return !n.ReleaseAt.IsZero() }

// poolRuntime is the scaling state of one group.
type poolRuntime struct {
	nodes  []*elasticNode // current (creating, running, releasing)
	gone   []*elasticNode // released, kept for billing
	evalAt time.Time      // the engine has run up to here
	seq    int
}

// ScalingLatency is how long the service takes to create and to release an
// elastic resource.
type ScalingLatency struct {
	Create  time.Duration `json:"create"`
	Release time.Duration `json:"release"`
}

// SetScalingLatency sets the creation and release times of elastic
// resources for operations that start from now on.
func (e *Emulator) SetScalingLatency(l ScalingLatency) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.st.latency = l
}

func (e *Emulator) runtime(g *Group) *poolRuntime {
	if e.st.scaling == nil {
		e.st.scaling = map[string]*poolRuntime{}
	}
	rt := e.st.scaling[g.ID]
	if rt == nil {
		rt = &poolRuntime{evalAt: e.now()}
		e.st.scaling[g.ID] = rt
	}
	return rt
}

// scalingActive: only a published (or updating) group runs its strategy.
func scalingActive(g *Group) bool {
	return !g.Deleting && (g.Status == "PUBLISHED" || g.Status == "MAINTAINING" || g.Status == "MAINTAIN_FAILED")
}

// advanceScaling runs the engine from its last evaluation up to now,
// stopping at every internal event (creation or release finished, idle time
// reached, schedule boundary) so a long clock jump gives the same result as
// small steps.
func (e *Emulator) advanceScaling(g *Group, now time.Time) {
	rt := e.runtime(g)
	if now.Before(rt.evalAt) {
		rt.evalAt = now // clock moved back: restart from here
	}
	for i := 0; i < 100000; i++ {
		next, ok := e.nextScalingEvent(g, rt, rt.evalAt, now)
		if !ok {
			break
		}
		rt.evalAt = next
		e.evaluate(g, rt, next)
	}
	rt.evalAt = now
	e.evaluate(g, rt, now)
}

// nextScalingEvent is the earliest event in (from, to].
func (e *Emulator) nextScalingEvent(g *Group, rt *poolRuntime, from, to time.Time) (time.Time, bool) {
	var best time.Time
	consider := func(t time.Time) {
		if t.After(from) && !t.After(to) && (best.IsZero() || t.Before(best)) {
			best = t
		}
	}
	np := g.NodePool
	for _, n := range rt.nodes {
		consider(n.ReadyAt)
		if n.releasing() {
			consider(n.GoneAt)
		} else if !n.IdleSince.IsZero() && np.StrategyType == stratUsage {
			consider(n.IdleSince.Add(time.Duration(idleMinutes(np)) * time.Minute))
		}
	}
	if np.StrategyType == stratSchedule {
		lead := time.Duration(0)
		if np.WarmUp {
			lead = e.st.latency.Create
		}
		for _, b := range scheduleBoundaries(np, from, to) {
			consider(b)
			consider(b.Add(-lead))
		}
	}
	return best, !best.IsZero()
}

func idleMinutes(np NodePool) int {
	if np.ScalingDownAfterIdleMinutes > 0 {
		return np.ScalingDownAfterIdleMinutes
	}
	return 5
}

// evaluate settles the pool at t: finish due operations, place sessions,
// then scale out or in.
func (e *Emulator) evaluate(g *Group, rt *poolRuntime, t time.Time) {
	rt.prune(t)
	e.placeSessions(g, rt, t)
	np := g.NodePool
	active := scalingActive(g)
	switch {
	case active && np.StrategyType == stratUsage:
		e.scaleByUsage(g, rt, t)
	case active && np.StrategyType == stratSchedule:
		e.scaleBySchedule(g, rt, t)
	default:
		for _, n := range rt.nodes {
			e.release(n, t)
		}
	}
	rt.prune(t)
	e.placeSessions(g, rt, t)
	e.report(g, rt, t)
}

// prune moves released resources to the billing history.
func (rt *poolRuntime) prune(t time.Time) {
	kept := rt.nodes[:0]
	for _, n := range rt.nodes {
		if n.releasing() && !t.Before(n.GoneAt) {
			rt.gone = append(rt.gone, n)
			continue
		}
		kept = append(kept, n)
	}
	rt.nodes = kept
}

// placeSessions packs sessions and updates idle times.
func (e *Emulator) placeSessions(g *Group, rt *poolRuntime, t time.Time) {
	capN := max(1, g.NodePool.NodeCapacity)
	left := g.Sessions - g.NodePool.NodeAmount*capN
	for _, n := range rt.nodes {
		if n.creating(t) || n.releasing() {
			continue
		}
		if left > 0 {
			n.IdleSince = time.Time{}
			left -= capN
		} else if n.IdleSince.IsZero() {
			n.IdleSince = t
		}
	}
}

// counts returns elastic resources: being created, ready (not releasing).
func (rt *poolRuntime) counts(t time.Time) (creating, ready int) {
	for _, n := range rt.nodes {
		switch {
		case n.releasing():
		case n.creating(t):
			creating++
		default:
			ready++
		}
	}
	return
}

func usagePercent(sessions, resources, capacity int) float64 {
	if resources*capacity <= 0 {
		if sessions > 0 {
			return 1e9
		}
		return 0
	}
	return float64(sessions) * 100 / float64(resources*capacity)
}

func threshold(np NodePool) float64 {
	v, err := strconv.Atoi(np.ScalingUsageThreshold)
	if err != nil {
		return 85
	}
	return float64(v)
}

func (e *Emulator) scaleByUsage(g *Group, rt *poolRuntime, t time.Time) {
	np := g.NodePool
	capN := max(1, np.NodeCapacity)
	creating, ready := rt.counts(t)
	resources := np.NodeAmount + creating + ready
	if usagePercent(g.Sessions, resources, capN) > threshold(np) {
		idle := (np.NodeAmount+ready)*capN - g.Sessions
		if np.MaxIdleAppInstanceAmount == 0 || idle < np.MaxIdleAppInstanceAmount {
			add := min(max(1, np.ScalingStep), np.MaxScalingAmount-creating-ready)
			for i := 0; i < add; i++ {
				e.create(g, rt, t)
			}
		}
		return
	}
	// Scale in: one at a time, the longest-idle resource first, and not
	// while another release is still running.
	for _, n := range rt.nodes {
		if n.releasing() {
			return
		}
	}
	var cand *elasticNode
	limit := time.Duration(idleMinutes(np)) * time.Minute
	for _, n := range rt.nodes {
		if n.creating(t) || n.IdleSince.IsZero() || t.Sub(n.IdleSince) < limit {
			continue
		}
		if cand == nil || n.IdleSince.Before(cand.IdleSince) {
			cand = n
		}
	}
	if cand == nil {
		return
	}
	if usagePercent(g.Sessions, resources-1, capN) > threshold(np) {
		return // the removal would trigger a scale-out at once
	}
	e.release(cand, t)
	if !t.Before(cand.GoneAt) { // an instant release: settle and look again
		rt.prune(t)
		e.scaleByUsage(g, rt, t)
	}
}

func (e *Emulator) scaleBySchedule(g *Group, rt *poolRuntime, t time.Time) {
	np := g.NodePool
	lead := time.Duration(0)
	if np.WarmUp {
		lead = e.st.latency.Create
	}
	wantNow := max(0, scheduledAmount(np, t)-np.NodeAmount)
	wantAhead := max(wantNow, scheduledAmount(np, t.Add(lead))-np.NodeAmount)
	creating, ready := rt.counts(t)
	for i := creating + ready; i < wantAhead; i++ {
		e.create(g, rt, t)
	}
	// Release the excess over what is needed now and soon, idle ones first.
	excess := creating + ready - wantAhead
	sort.SliceStable(rt.nodes, func(a, b int) bool { return !rt.nodes[a].IdleSince.IsZero() && rt.nodes[b].IdleSince.IsZero() })
	for _, n := range rt.nodes {
		if excess <= 0 {
			break
		}
		if !n.releasing() {
			e.release(n, t)
			excess--
		}
	}
}

func (e *Emulator) create(g *Group, rt *poolRuntime, t time.Time) {
	rt.seq++
	rt.nodes = append(rt.nodes, &elasticNode{ID: g.ID + "-e" + strconv.Itoa(rt.seq), Requested: t, ReadyAt: t.Add(e.st.latency.Create)})
}

func (e *Emulator) release(n *elasticNode, t time.Time) {
	if n.releasing() {
		return
	}
	n.ReleaseAt = t
	if n.creating(t) { // cancelled before it was ready: never billed
		n.ReadyAt, n.GoneAt = t, t
		return
	}
	n.GoneAt = t.Add(e.st.latency.Release)
}

// report writes the counters Get/List return.
func (e *Emulator) report(g *Group, rt *poolRuntime, t time.Time) {
	amount, used := 0, 0
	for _, n := range rt.nodes {
		if n.creating(t) {
			continue
		}
		amount++ // a resource being released still exists (and is billed)
		if !n.releasing() && n.IdleSince.IsZero() {
			used++
		}
	}
	g.NodePool.ScalingNodeAmount, g.NodePool.ScalingNodeUsed = amount, used
}

// scheduledAmount is the target resource count at t (0 outside periods).
func scheduledAmount(np NodePool, t time.Time) int {
	n := t.In(chinaTZ)
	day := n.Format("2006-01-02")
	if np.StrategyEnableDate == "" || day < np.StrategyEnableDate || (np.StrategyDisableDate != "" && day > np.StrategyDisableDate) {
		return 0
	}
	if tp, ok := activePeriod(np, t); ok {
		return tp.Amount
	}
	return 0
}

// activePeriod finds the timer period that holds t (UTC+8): a schedule of
// t's weekday (1 Monday … 7 Sunday) whose [StartTime, EndTime) holds the
// minute of day. The date window is the caller's concern.
func activePeriod(np NodePool, t time.Time) (TimerPeriod, bool) {
	n := t.In(chinaTZ)
	wd := int(n.Weekday())
	if wd == 0 {
		wd = 7
	}
	mins := n.Hour()*60 + n.Minute()
	for _, s := range np.RecurrenceSchedules {
		if !slices.Contains(s.RecurrenceValues, wd) {
			continue
		}
		for _, tp := range s.TimerPeriods {
			a, _ := parseHHMM(tp.StartTime)
			b, _ := parseHHMM(tp.EndTime)
			if mins >= a && mins < b {
				return tp, true
			}
		}
	}
	return TimerPeriod{}, false
}

// scheduleBoundaries lists period starts and ends between from and to (plus
// a day of look-ahead for warm-up), in UTC+8.
func scheduleBoundaries(np NodePool, from, to time.Time) []time.Time {
	var out []time.Time
	f := from.In(chinaTZ)
	start := time.Date(f.Year(), f.Month(), f.Day(), 0, 0, 0, 0, chinaTZ)
	for d := start; !d.After(to.Add(24 * time.Hour)); d = d.AddDate(0, 0, 1) {
		for _, s := range np.RecurrenceSchedules {
			for _, tp := range s.TimerPeriods {
				for _, hm := range []string{tp.StartTime, tp.EndTime} {
					if m, ok := parseHHMM(hm); ok {
						out = append(out, d.Add(time.Duration(m)*time.Minute))
					}
				}
			}
		}
		out = append(out, d) // date window edges fall on midnights
	}
	return out
}
