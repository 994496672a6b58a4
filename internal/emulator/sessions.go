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

func (e *Emulator) getConnectionTicket(c *call) (map[string]any, *apiError) {
	p := c.p
	pt, ae := p.required("ProductType")
	if ae != nil {
		return nil, ae
	}
	if pt != "CloudApp" && pt != "AndroidCloud" {
		return nil, invalid("ProductType", "must be CloudApp or AndroidCloud")
	}
	user, ae := p.required("EndUserId")
	if ae != nil {
		return nil, ae
	}
	if taskID := p.str("TaskId"); taskID != "" {
		t := e.st.tasks[taskID]
		if t == nil || t.UserID != user {
			return nil, invalid("TaskId", "task %s is unknown", taskID)
		}
		g := e.st.groups[t.GroupID]
		if g == nil || t.Failed {
			return map[string]any{"TaskId": t.ID, "TaskStatus": "Failed", "TenantId": tenantID}, nil
		}
		// Allocating a session takes a while: the first polls say Running.
		if t.Polls < e.opts.TicketPolls {
			t.Polls++
			return map[string]any{"TaskId": t.ID, "TaskStatus": "Running", "AppInstanceGroupId": g.ID, "BizRegionId": g.RegionID, "TenantId": tenantID}, nil
		}
		if t.InstanceID == "" {
			t.InstanceID = e.connect(g, user, 1)[0].ID
		}
		im, _ := e.st.catalog.image(g.ImageID)
		return map[string]any{
			"TaskId": t.ID, "TaskStatus": "Finished", "Ticket": "emu-ticket-" + strings.TrimPrefix(t.ID, "task-"),
			"AppInstanceGroupId": g.ID, "AppInstanceId": t.InstanceID, "AppInstancePersistentId": p.str("AppInstancePersistentId"),
			"BizRegionId": g.RegionID, "OsType": im.OsType, "TenantId": tenantID,
		}, nil
	}
	appID, ae := p.required("AppId")
	if ae != nil {
		return nil, ae
	}
	ids := p.list("AppInstanceGroupIdList")
	if p.str("AppInstanceId") != "" && len(ids) != 1 {
		return nil, invalid("AppInstanceGroupIdList", "exactly one group is required with AppInstanceId")
	}
	if p.str("AppInstancePersistentId") != "" && len(ids) == 0 {
		return nil, missing("AppInstanceGroupIdList")
	}
	region := p.str("BizRegionId")
	// The task goes to a group that offers the app to the user; when groups
	// offer the app but none to this user, the task starts and then fails,
	// as the service reports an unauthorized user.
	var chosen, unauthorized *Group
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
		chosen = g
		break
	}
	failed := false
	if chosen == nil && unauthorized != nil {
		chosen, failed = unauthorized, true
	}
	if chosen == nil {
		return nil, errf(400, "InvalidAppInstanceGroup.NotFound", "No published delivery group offers app %s.", appID)
	}
	t := &connTask{ID: "task-" + e.st.newID("", 24), GroupID: chosen.ID, UserID: user, AppID: appID, Failed: failed}
	e.st.tasks[t.ID] = t
	return map[string]any{"TaskId": t.ID, "TaskStatus": "Running", "AppInstanceGroupId": chosen.ID, "BizRegionId": chosen.RegionID, "TenantId": tenantID}, nil
}

func (e *Emulator) listAppInstances(c *call) (map[string]any, *apiError) {
	p := c.p
	g, ae := e.groupParam(p)
	if ae != nil {
		return nil, ae
	}
	num, size, ae := p.pageParams(20, 100, false)
	if ae != nil {
		return nil, ae
	}
	idList := p.list("AppInstanceIdList")
	users := p.list("UserIdList")
	if len(idList) > 100 {
		return nil, invalid("AppInstanceIdList", "at most 100 IDs")
	}
	if len(users) > 100 {
		return nil, invalid("UserIdList", "at most 100 IDs")
	}
	incDel, _, ae := p.boolParam("IncludeDeleted")
	if ae != nil {
		return nil, ae
	}
	if incDel && len(idList) == 0 {
		return nil, missing("AppInstanceIdList")
	}
	statuses := p.list("Status")
	var rows []map[string]any
	for _, ai := range e.st.instances[g.ID] {
		if ai.Deleted && !incDel {
			continue
		}
		if v := p.str("AppInstanceId"); v != "" && v != ai.ID {
			continue
		}
		if len(idList) > 0 && !oneOf(ai.ID, idList...) {
			continue
		}
		if len(users) > 0 && !oneOf(ai.EndUserID, users...) {
			continue
		}
		if len(statuses) > 0 && !oneOf(ai.Status, statuses...) {
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
	lo, hi := page(len(rows), num, size)
	return map[string]any{"AppInstanceModels": nonNil(rows[lo:hi]), "TotalCount": len(rows), "PageNumber": num, "PageSize": size}, nil
}

func (e *Emulator) logOffAll(c *call) (map[string]any, *apiError) {
	p := c.p
	g, ae := e.productGroup(p)
	if ae != nil {
		return nil, ae
	}
	if g.ChargeType != "PostPaid" || g.NodePool.StrategyType != stratSchedule {
		return nil, errf(400, "OperationDenied.NotScheduledScaling", "Sessions can only be logged off for PostPaid groups with NODE_SCALING_BY_SCHEDULE.")
	}
	if inScheduledWindow(g.NodePool, e.now()) {
		return nil, errf(400, "OperationDenied.InScheduledPeriod", "Sessions cannot be logged off inside a scheduled time period.")
	}
	e.endSessions(g)
	return map[string]any{}, nil
}
