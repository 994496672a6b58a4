package emulator

import (
	"strings"
	"time"
)

// tenantID is the account ID the emulator reports.
const tenantID = int64(1234567890123456)

// connect opens n sessions on g for user (one app instance each).
func (e *Emulator) connect(g *Group, user string, n int) []*AppInstance {
	e.advanceScaling(g, e.now()) // settle the pool before the event
	defer func() { e.advanceScaling(g, e.now()) }()
	var out []*AppInstance
	for i := 0; i < n; i++ {
		u := user
		if u == "" {
			u = "emulator-user-" + e.st.newID("", 4)
		}
		ai := &AppInstance{ID: e.st.newID("ai-", 17), GroupID: g.ID, EndUserID: u, Status: "BOUND", SessionStatus: "connect", Created: e.now()}
		e.st.instances[g.ID] = append(e.st.instances[g.ID], ai)
		g.Sessions++
		out = append(out, ai)
	}
	return out
}

// disconnect ends n sessions, newest first.
func (e *Emulator) disconnect(g *Group, n int) {
	e.advanceScaling(g, e.now())
	defer func() { e.advanceScaling(g, e.now()) }()
	list := e.st.instances[g.ID]
	for i := len(list) - 1; i >= 0 && n > 0; i-- {
		if !list[i].Deleted {
			list[i].Deleted, list[i].SessionStatus, list[i].Status = true, "disconnect", "DELETED"
			n--
			if g.Sessions > 0 {
				g.Sessions--
			}
		}
	}
}

func (e *Emulator) endSessions(g *Group) {
	e.disconnect(g, len(e.st.instances[g.ID]))
	g.Sessions = 0
}

// ticketReq is GetConnectionTicket's request: either a poll of a task
// (TaskId) or a new task for an app, sent to the group chosen for it.
type ticketReq struct {
	user         string
	task         *connTask // a poll
	persistentID string
	appID        string
	chosen       *Group
	failed       bool // chosen offers the app, but not to this user
}

func (r *ticketReq) validate(e *Emulator, c *call) *apiError {
	p := c.p
	pt, ae := p.required("ProductType")
	if ae != nil {
		return ae
	}
	if pt != "CloudApp" && pt != "AndroidCloud" {
		return invalid("ProductType", "must be CloudApp or AndroidCloud")
	}
	if r.user, ae = p.required("EndUserId"); ae != nil {
		return ae
	}
	r.persistentID = p.str("AppInstancePersistentId")
	if taskID := p.str("TaskId"); taskID != "" {
		r.task = e.st.tasks[taskID]
		if r.task == nil || r.task.UserID != r.user {
			return invalid("TaskId", "task %s is unknown", taskID)
		}
		return nil
	}
	if r.appID, ae = p.required("AppId"); ae != nil {
		return ae
	}
	ids := p.list("AppInstanceGroupIdList")
	if p.str("AppInstanceId") != "" && len(ids) != 1 {
		return invalid("AppInstanceGroupIdList", "exactly one group is required with AppInstanceId")
	}
	if r.persistentID != "" && len(ids) == 0 {
		return missing("AppInstanceGroupIdList")
	}
	r.chosen, r.failed = e.chooseGroup(r.appID, r.user, p.str("BizRegionId"), ids)
	if r.chosen == nil {
		return errf(400, "InvalidAppInstanceGroup.NotFound", "No published delivery group offers app %s.", r.appID)
	}
	return nil
}

// chooseGroup finds the group a new task goes to: one that offers the
// app to the user; when groups offer the app but none to this user, the
// first of them, and the task starts and then fails, as the service
// reports an unauthorized user.
func (e *Emulator) chooseGroup(appID, user, region string, ids []string) (chosen *Group, failed bool) {
	var unauthorized *Group
	for _, id := range e.st.order {
		g := e.st.groups[id]
		if len(ids) > 0 && !oneOf(id, ids...) {
			continue
		}
		if region != "" && g.RegionID != region || g.Status != "PUBLISHED" || g.Deleting {
			continue
		}
		im, _ := e.st.catalog.image(g.ImageID)
		hasApp := false
		for _, a := range im.Apps {
			hasApp = hasApp || a.AppID == appID
		}
		if !hasApp {
			continue
		}
		if !g.SkipUserAuthCheck && !oneOf(user, g.Users...) {
			if unauthorized == nil {
				unauthorized = g
			}
			continue
		}
		return g, false
	}
	return unauthorized, unauthorized != nil
}

func (e *Emulator) getConnectionTicket(r *ticketReq) map[string]any {
	if r.task != nil {
		return e.pollTicket(r.task, r.persistentID)
	}
	t := &connTask{ID: "task-" + e.st.newID("", 24), GroupID: r.chosen.ID, UserID: r.user, AppID: r.appID, Failed: r.failed}
	e.st.tasks[t.ID] = t
	return map[string]any{"TaskId": t.ID, "TaskStatus": "Running", "AppInstanceGroupId": r.chosen.ID, "BizRegionId": r.chosen.RegionID, "TenantId": tenantID}
}

// pollTicket answers a poll: Running for the first TicketPolls polls, then
// Finished with a ticket and a session (Failed if the task failed or its
// group is gone).
func (e *Emulator) pollTicket(t *connTask, persistentID string) map[string]any {
	g := e.st.groups[t.GroupID]
	if g == nil || t.Failed {
		return map[string]any{"TaskId": t.ID, "TaskStatus": "Failed", "TenantId": tenantID}
	}
	// Allocating a session takes a while: the first polls say Running.
	if t.Polls < e.opts.TicketPolls {
		t.Polls++
		return map[string]any{"TaskId": t.ID, "TaskStatus": "Running", "AppInstanceGroupId": g.ID, "BizRegionId": g.RegionID, "TenantId": tenantID}
	}
	if t.InstanceID == "" {
		t.InstanceID = e.connect(g, t.UserID, 1)[0].ID
	}
	im, _ := e.st.catalog.image(g.ImageID)
	return map[string]any{
		"TaskId": t.ID, "TaskStatus": "Finished", "Ticket": "emu-ticket-" + strings.TrimPrefix(t.ID, "task-"),
		"AppInstanceGroupId": g.ID, "AppInstanceId": t.InstanceID, "AppInstancePersistentId": persistentID,
		"BizRegionId": g.RegionID, "OsType": im.OsType, "TenantId": tenantID,
	}
}

// listInstancesReq is ListAppInstances' request: a page and filters.
type listInstancesReq struct {
	g                    *Group
	page                 pageReq
	id                   string
	ids, users, statuses []string
	includeDeleted       bool
}

func (r *listInstancesReq) validate(e *Emulator, c *call) *apiError {
	p := c.p
	var ae *apiError
	if r.g, ae = e.groupParam(p); ae != nil {
		return ae
	}
	if r.page, ae = readPage(p, 20, 100, false); ae != nil {
		return ae
	}
	r.ids, r.users = p.list("AppInstanceIdList"), p.list("UserIdList")
	if len(r.ids) > 100 {
		return invalid("AppInstanceIdList", "at most 100 IDs")
	}
	if len(r.users) > 100 {
		return invalid("UserIdList", "at most 100 IDs")
	}
	if r.includeDeleted, _, ae = p.boolParam("IncludeDeleted"); ae != nil {
		return ae
	}
	if r.includeDeleted && len(r.ids) == 0 {
		return missing("AppInstanceIdList")
	}
	r.statuses, r.id = p.list("Status"), p.str("AppInstanceId")
	return nil
}

func (r *listInstancesReq) matches(ai *AppInstance) bool {
	return (!ai.Deleted || r.includeDeleted) && (r.id == "" || r.id == ai.ID) &&
		(len(r.ids) == 0 || oneOf(ai.ID, r.ids...)) &&
		(len(r.users) == 0 || oneOf(ai.EndUserID, r.users...)) &&
		(len(r.statuses) == 0 || oneOf(ai.Status, r.statuses...))
}

func (e *Emulator) listAppInstances(r *listInstancesReq) map[string]any {
	g := r.g
	var rows []map[string]any
	for _, ai := range e.st.instances[g.ID] {
		if !r.matches(ai) {
			continue
		}
		row := map[string]any{
			"AppInstanceId": ai.ID, "AppInstanceGroupId": g.ID, "Status": ai.Status, "GmtCreate": apiTime(ai.Created),
			"GmtModified": apiTime(ai.Created), "MainEthPublicIp": "", "ChargeType": g.ChargeType, "NodeId": "i-" + strings.TrimPrefix(g.NodePool.ID, "rg-"),
			"BindInfo": map[string]any{"EndUserId": ai.EndUserID, "UsageDuration": int64(e.now().Sub(ai.Created) / time.Second)},
		}
		if !ai.Deleted {
			row["SessionStatus"] = ai.SessionStatus
		}
		rows = append(rows, row)
	}
	return r.page.answer("AppInstanceModels", rows)
}

// logOffReq is LogOffAllSessionsInAppInstanceGroup's request.
type logOffReq struct{ g *Group }

func (r *logOffReq) validate(e *Emulator, c *call) *apiError {
	g, ae := e.productGroup(c.p)
	if ae != nil {
		return ae
	}
	if g.ChargeType != "PostPaid" || g.NodePool.StrategyType != stratSchedule {
		return errf(400, "OperationDenied.NotScheduledScaling", "Sessions can only be logged off for PostPaid groups with NODE_SCALING_BY_SCHEDULE.")
	}
	if inScheduledWindow(g.NodePool, e.now()) {
		return errf(400, "OperationDenied.InScheduledPeriod", "Sessions cannot be logged off inside a scheduled time period.")
	}
	r.g = g
	return nil
}

func (e *Emulator) logOffAll(r *logOffReq) map[string]any {
	e.endSessions(r.g)
	return map[string]any{}
}
