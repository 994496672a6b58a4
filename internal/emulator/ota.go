package emulator

import "time"

func otaDisplayStatus(o *OtaState, t OtaTask, now time.Time) string {
	if t.TaskID == o.TaskID && o.Approved {
		if now.Before(o.StartTime) {
			return "STANDBY"
		}
		return "RUNNING"
	}
	return t.Status
}

// listOtaReq is ListOtaTask's request.
type listOtaReq struct {
	g    *Group
	page pageReq
}

func (r *listOtaReq) validate(e *Emulator, c *call) *apiError {
	p := c.p
	var ae *apiError
	if r.g, ae = e.groupParam(p); ae != nil {
		return ae
	}
	ot, ae := p.required("OtaType")
	if ae != nil {
		return ae
	}
	if ot != "Fota" {
		return invalid("OtaType", "must be Fota")
	}
	r.page, ae = readPage(p, 10, 100, true)
	return ae
}

func (e *Emulator) listOtaTask(r *listOtaReq) map[string]any {
	g := r.g
	now := e.now()
	var rows []map[string]any
	for i := len(g.Ota.History) - 1; i >= 0; i-- { // newest first
		t := g.Ota.History[i]
		rows = append(rows, map[string]any{
			"TaskId": t.TaskID, "OtaVersion": t.OtaVersion, "TaskDisplayStatus": otaDisplayStatus(&g.Ota, t, now),
			"TaskStartTime": t.StartTime.UTC().Format(time.RFC3339),
		})
	}
	return r.page.answer("TaskList", rows)
}

func parseOtaStart(s string) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04Z07:00", "2006-01-02T15:04Z"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// approveOtaReq is ApproveOtaTask's request.
type approveOtaReq struct {
	g     *Group
	start time.Time
}

func (r *approveOtaReq) validate(e *Emulator, c *call) *apiError {
	p := c.p
	g, ae := e.groupParam(p)
	if ae != nil {
		return ae
	}
	vals, ae := p.requiredAll("BizRegionId", "OtaType", "StartTime", "TaskId")
	if ae != nil {
		return ae
	}
	region, ot, startS, taskID := vals[0], vals[1], vals[2], vals[3]
	if !oneOf(ot, "Fota", "AppUpdate", "ImageUpdate") {
		return invalid("OtaType", "must be Fota, AppUpdate or ImageUpdate")
	}
	if region != g.RegionID {
		return invalid("BizRegionId", "group %s is in %s", g.ID, g.RegionID)
	}
	start, ok := parseOtaStart(startS)
	if !ok {
		return invalid("StartTime", "must be an ISO-8601 time such as 2022-08-04T14:36:00+08:00")
	}
	now := e.now()
	if start.After(now.Add(7 * 24 * time.Hour)) {
		return invalid("StartTime", "must be within 7 days from now")
	}
	if start.Before(now.Add(-5 * time.Minute)) {
		return invalid("StartTime", "must not be in the past")
	}
	o := &g.Ota
	if o.Approved && !now.Before(o.StartTime) {
		return errf(400, "OtaTask.Running", "The OTA task %s is running and cannot be submitted.", o.TaskID)
	}
	if o.NewOtaVersion == "" {
		return invalid("TaskId", "group %s has no pending OTA task", g.ID)
	}
	if taskID != o.TaskID {
		return invalid("TaskId", "task %s is not the group's current OTA task", taskID)
	}
	r.g, r.start = g, start
	return nil
}

func (e *Emulator) approveOtaTask(r *approveOtaReq) map[string]any {
	o := &r.g.Ota
	// An approve replaces the task: the ID changes and must be re-read.
	newID := e.st.newID("ota-", 17)
	for i := range o.History {
		if o.History[i].TaskID == o.TaskID {
			o.History[i].TaskID, o.History[i].StartTime, o.History[i].Status = newID, r.start, "STANDBY"
		}
	}
	o.TaskID, o.Approved, o.StartTime = newID, true, r.start
	return map[string]any{"Code": "success"}
}
