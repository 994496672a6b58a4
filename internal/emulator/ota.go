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

func (e *Emulator) listOtaTask(c *call) (map[string]any, *apiError) {
	p := c.p
	g, ae := e.groupParam(p)
	if ae != nil {
		return nil, ae
	}
	ot, ae := p.required("OtaType")
	if ae != nil {
		return nil, ae
	}
	if ot != "Fota" {
		return nil, invalid("OtaType", "must be Fota")
	}
	num, size, ae := p.pageParams(10, 100, true)
	if ae != nil {
		return nil, ae
	}
	now := e.now()
	var rows []map[string]any
	for i := len(g.Ota.History) - 1; i >= 0; i-- { // newest first
		t := g.Ota.History[i]
		rows = append(rows, map[string]any{
			"TaskId": t.TaskID, "OtaVersion": t.OtaVersion, "TaskDisplayStatus": otaDisplayStatus(&g.Ota, t, now),
			"TaskStartTime": t.StartTime.UTC().Format(time.RFC3339),
		})
	}
	lo, hi := page(len(rows), num, size)
	return map[string]any{"TaskList": nonNil(rows[lo:hi]), "TotalCount": len(rows), "PageNumber": num, "PageSize": size}, nil
}

func parseOtaStart(s string) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04Z07:00", "2006-01-02T15:04Z"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func (e *Emulator) approveOtaTask(c *call) (map[string]any, *apiError) {
	p := c.p
	g, ae := e.groupParam(p)
	if ae != nil {
		return nil, ae
	}
	region, ae := p.required("BizRegionId")
	if ae != nil {
		return nil, ae
	}
	ot, ae := p.required("OtaType")
	if ae != nil {
		return nil, ae
	}
	startS, ae := p.required("StartTime")
	if ae != nil {
		return nil, ae
	}
	taskID, ae := p.required("TaskId")
	if ae != nil {
		return nil, ae
	}
	if !oneOf(ot, "Fota", "AppUpdate", "ImageUpdate") {
		return nil, invalid("OtaType", "must be Fota, AppUpdate or ImageUpdate")
	}
	if region != g.RegionID {
		return nil, invalid("BizRegionId", "group %s is in %s", g.ID, g.RegionID)
	}
	start, ok := parseOtaStart(startS)
	if !ok {
		return nil, invalid("StartTime", "must be an ISO-8601 time such as 2022-08-04T14:36:00+08:00")
	}
	now := e.now()
	if start.After(now.Add(7 * 24 * time.Hour)) {
		return nil, invalid("StartTime", "must be within 7 days from now")
	}
	if start.Before(now.Add(-5 * time.Minute)) {
		return nil, invalid("StartTime", "must not be in the past")
	}
	o := &g.Ota
	if o.Approved && !now.Before(o.StartTime) {
		return nil, errf(400, "OtaTask.Running", "The OTA task %s is running and cannot be submitted.", o.TaskID)
	}
	if o.NewOtaVersion == "" {
		return nil, invalid("TaskId", "group %s has no pending OTA task", g.ID)
	}
	if taskID != o.TaskID {
		return nil, invalid("TaskId", "task %s is not the group's current OTA task", taskID)
	}
	// An approve replaces the task: the ID changes and must be re-read.
	newID := e.st.newID("ota-", 17)
	for i := range o.History {
		if o.History[i].TaskID == o.TaskID {
			o.History[i].TaskID, o.History[i].StartTime, o.History[i].Status = newID, start, "STANDBY"
		}
	}
	o.TaskID, o.Approved, o.StartTime = newID, true, start
	return map[string]any{"Code": "success"}, nil
}
