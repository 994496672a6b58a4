package emulator

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestTransitionsWithManualClock(t *testing.T) {
	e, clk := newTestEmu(Options{DeployDuration: 10 * time.Minute, MaintainDuration: 5 * time.Minute, DeleteDuration: 2 * time.Minute})
	id := create(t, e)
	if _, s := getStatus(t, e, id); s != "DEPLOYING" {
		t.Fatalf("after create: %s", s)
	}
	// Not modifiable while deploying.
	if st, m := do(t, e, "ModifyAppInstanceGroupAttribute", "AppInstanceGroupId", id, "ProductType", "CloudApp", "SessionTimeout", "30"); st != 400 || m["Code"] != "IncorrectStatus.AppInstanceGroup" {
		t.Fatalf("modify while deploying: %v", m)
	}
	if st, m := do(t, e, "DeleteAppInstanceGroup", "AppInstanceGroupId", id, "ProductType", "CloudApp"); st != 400 || m["Code"] != "IncorrectStatus.AppInstanceGroup" {
		t.Fatalf("delete while deploying: %v", m)
	}
	clk.Advance(9 * time.Minute)
	if _, s := getStatus(t, e, id); s != "DEPLOYING" {
		t.Fatalf("at 9m: %s", s)
	}
	clk.Advance(time.Minute)
	if _, s := getStatus(t, e, id); s != "PUBLISHED" {
		t.Fatalf("at 10m: %s", s)
	}
	mustOK(t, e, "UpdateAppInstanceGroupImage", "AppInstanceGroupId", id, "ProductType", "CloudApp", "BizRegionId", "cn-shanghai", "AppCenterImageId", "img-win2022-cad")
	if _, s := getStatus(t, e, id); s != "MAINTAINING" {
		t.Fatalf("after update: %s", s)
	}
	clk.Advance(5 * time.Minute)
	if _, s := getStatus(t, e, id); s != "PUBLISHED" {
		t.Fatalf("after maintain: %s", s)
	}
	mustOK(t, e, "DeleteAppInstanceGroup", "AppInstanceGroupId", id, "ProductType", "CloudApp")
	// Chosen behaviour: the status stays as it was until the group is gone.
	if _, s := getStatus(t, e, id); s != "PUBLISHED" {
		t.Fatalf("while deleting: %s", s)
	}
	mustOK(t, e, "DeleteAppInstanceGroup", "AppInstanceGroupId", id, "ProductType", "CloudApp") // repeat is accepted
	clk.Advance(2 * time.Minute)
	if st, code := getStatus(t, e, id); st != 400 || code != "InvalidAppInstanceGroup.NotFound" {
		t.Fatalf("after delete: %d %s", st, code)
	}
}

func TestFaultOutcomesAndCreateError(t *testing.T) {
	e, clk := newTestEmu(Options{})
	e.SetFaults(Faults{DeployOutcome: "FAILED", MaintainOutcome: "MAINTAIN_FAILED"})
	failed := create(t, e)
	if _, s := getStatus(t, e, failed); s != "FAILED" {
		t.Fatalf("deploy outcome: %s", s)
	}
	// FAILED PostPaid groups can be deleted.
	mustOK(t, e, "DeleteAppInstanceGroup", "AppInstanceGroupId", failed, "ProductType", "CloudApp")
	e.SetFaults(Faults{MaintainOutcome: "MAINTAIN_FAILED"})
	id := create(t, e)
	mustOK(t, e, "UpdateAppInstanceGroupImage", "AppInstanceGroupId", id, "ProductType", "CloudApp", "BizRegionId", "cn-shanghai", "AppCenterImageId", "img-win2022-cad")
	clk.Advance(time.Second)
	g, _ := e.Group(id)
	if g.Status != "MAINTAIN_FAILED" || g.AppCenterImageID != "img-win2019-office" {
		t.Fatalf("maintain outcome: %s %s", g.Status, g.AppCenterImageID)
	}
	e.SetFaults(Faults{CreateError: "StockError.NoStock"})
	if st, m := do(t, e, "CreateAppInstanceGroup", createArgs()...); st != 400 || m["Code"] != "StockError.NoStock" {
		t.Fatalf("create error: %d %v", st, m)
	}
	e.SetFaults(Faults{CreateError: "StockError.InvalidResourceRequest"})
	if st, _ := do(t, e, "CreateAppInstanceGroup", createArgs()...); st != 500 {
		t.Fatalf("create error 500: %d", st)
	}
}

func TestPrePaidRules(t *testing.T) {
	e, clk := newTestEmu(Options{})
	id := create(t, e, "ChargeType", "PrePaid", "Period", "1", "PeriodUnit", "Week")
	if st, m := do(t, e, "DeleteAppInstanceGroup", "AppInstanceGroupId", id, "ProductType", "CloudApp"); st != 400 || m["Code"] != "InvalidParameter.ChargeType" {
		t.Fatalf("delete PrePaid: %v", m)
	}
	clk.Advance(8 * 24 * time.Hour)
	if _, s := getStatus(t, e, id); s != "EXPIRED" {
		t.Fatalf("after a week: %s", s)
	}
	mustOK(t, e, "RenewAppInstanceGroup", "AppInstanceGroupId", id, "ProductType", "CloudApp", "Period", "1", "PeriodUnit", "Month")
	g, _ := e.Group(id)
	if g.Status != "PUBLISHED" || g.ExpiredTime != apiTime(clk.Now().AddDate(0, 1, 0)) {
		t.Fatalf("after renew: %s %s", g.Status, g.ExpiredTime)
	}
}

func TestOtaApproveRunning(t *testing.T) {
	e, clk := newTestEmu(Options{})
	id := create(t, e)
	g, _ := e.Group(id)
	task := g.OtaInfo.TaskID
	approve := func(task string, start time.Time) (int, map[string]any) {
		return do(t, e, "ApproveOtaTask", "AppInstanceGroupId", id, "BizRegionId", "cn-shanghai", "OtaType", "Fota", "TaskId", task, "StartTime", start.Format(time.RFC3339))
	}
	if st, m := approve(task, clk.Now().Add(8*24*time.Hour)); st != 400 || m["Code"] != "InvalidParameter.StartTime" {
		t.Fatalf("start in 8 days: %v", m)
	}
	if st, _ := approve(task, clk.Now().Add(time.Minute)); st != 200 {
		t.Fatal("approve failed")
	}
	g, _ = e.Group(id)
	if g.OtaInfo.TaskID == task {
		t.Fatal("task ID did not change")
	}
	if st, m := approve(task, clk.Now().Add(time.Minute)); st != 400 || m["Code"] != "InvalidParameter.TaskId" {
		t.Fatalf("old task id: %v", m)
	}
	clk.Advance(2 * time.Minute)
	if st, m := approve(g.OtaInfo.TaskID, clk.Now().Add(time.Minute)); st != 400 || m["Code"] != "OtaTask.Running" {
		t.Fatalf("running: %v", m)
	}
	m := mustOK(t, e, "ListOtaTask", "AppInstanceGroupId", id, "OtaType", "Fota", "PageNumber", "1", "PageSize", "10")
	if m["TaskList"].([]any)[0].(map[string]any)["TaskDisplayStatus"] != "RUNNING" {
		t.Fatalf("ota list: %v", m)
	}
	clk.Advance(otaRunDuration)
	g, _ = e.Group(id)
	if g.OtaInfo.NewOtaVersion != nil || g.OtaInfo.OtaVersion != "2.1.0-R-20261101.100000" {
		t.Fatalf("after OTA: %+v", g.OtaInfo)
	}
	// The second group has no pending task (OtaEvery default 2).
	id2 := create(t, e)
	g2, _ := e.Group(id2)
	if g2.OtaInfo.NewOtaVersion != nil || g2.OtaInfo.TaskID != "" {
		t.Fatalf("second group OTA: %+v", g2.OtaInfo)
	}
	// Get shows NewOtaVersion as JSON null.
	_, raw := do(t, e, "GetAppInstanceGroup", "AppInstanceGroupId", id2, "ProductType", "CloudApp")
	if v, ok := raw["AppInstanceGroupModels"].(map[string]any)["OtaInfo"].(map[string]any)["NewOtaVersion"]; !ok || v != nil {
		t.Fatalf("NewOtaVersion JSON: %v", v)
	}
}

func TestListPagingAndFilters(t *testing.T) {
	e, _ := newTestEmu(Options{SystemTagsEvery: 3})
	var ids []string
	for i := 0; i < 250; i++ {
		name := "alpha"
		if i%2 == 1 {
			name = "beta"
		}
		ids = append(ids, create(t, e, "AppInstanceGroupName", name+"-"+itoa(i)))
	}
	seen := map[string]bool{}
	for pg := 1; pg <= 3; pg++ {
		m := mustOK(t, e, "ListAppInstanceGroup", "ProductType", "CloudApp", "PageNumber", itoa(pg), "PageSize", "100")
		rows := m["AppInstanceGroupModels"].([]any)
		want := map[int]int{1: 100, 2: 100, 3: 50}[pg]
		if len(rows) != want || m["TotalCount"].(float64) != 250 || m["PageNumber"].(float64) != float64(pg) {
			t.Fatalf("page %d: %d rows, total %v", pg, len(rows), m["TotalCount"])
		}
		for _, r := range rows {
			row := r.(map[string]any)
			seen[row["AppInstanceGroupId"].(string)] = true
			if _, ok := row["ResourceTags"]; !ok {
				t.Fatal("List row lacks ResourceTags")
			}
			if _, ok := row["AppCenterImageName"]; ok {
				t.Fatal("List row has AppCenterImageName")
			}
		}
	}
	if len(seen) != 250 {
		t.Fatalf("distinct groups over 3 pages: %d", len(seen))
	}
	m := mustOK(t, e, "ListAppInstanceGroup", "ProductType", "CloudApp", "PageNumber", "4", "PageSize", "100")
	if len(m["AppInstanceGroupModels"].([]any)) != 0 {
		t.Fatal("page 4 not empty")
	}
	// Name substring, status list, tag filter.
	m = mustOK(t, e, "ListAppInstanceGroup", "ProductType", "CloudApp", "AppInstanceGroupName", "beta", "PageSize", "100")
	if m["TotalCount"].(float64) != 125 {
		t.Fatalf("name filter: %v", m["TotalCount"])
	}
	if err := e.UpdateGroup(ids[0], func(g *Group) { g.Status = "CEASED" }); err != nil {
		t.Fatal(err)
	}
	m = mustOK(t, e, "ListAppInstanceGroup", "ProductType", "CloudApp", "Status.1", "CEASED", "Status.2", "FAILED")
	if m["TotalCount"].(float64) != 1 {
		t.Fatalf("status filter: %v", m["TotalCount"])
	}
	if err := e.SetTags(ids[5], map[string]string{"env": "prod"}, nil); err != nil {
		t.Fatal(err)
	}
	m = mustOK(t, e, "ListAppInstanceGroup", "ProductType", "CloudApp", "Tag.1.Key", "env", "Tag.1.Value", "prod")
	if m["TotalCount"].(float64) != 1 || m["AppInstanceGroupModels"].([]any)[0].(map[string]any)["AppInstanceGroupId"] != ids[5] {
		t.Fatalf("tag filter: %v", m)
	}
	// Every third group carries a system tag.
	g, _ := e.Group(ids[2])
	if len(g.Tags) != 1 || g.Tags[0].Scope != "System" || !strings.HasPrefix(g.Tags[0].Key, "System/Scheduler/") {
		t.Fatalf("system tags: %+v", g.Tags)
	}
	m = mustOK(t, e, "ListAppInstanceGroup", "ProductType", "CloudApp", "BizRegionId", "cn-hangzhou")
	if m["TotalCount"].(float64) != 0 {
		t.Fatal("region filter")
	}
}

func TestUsersPaging(t *testing.T) {
	e, _ := newTestEmu(Options{})
	id := create(t, e)
	var add []string
	for i := 0; i < 230; i++ {
		add = append(add, "u"+itoa(i))
	}
	if err := e.AuthorizeUsers(id, add, []string{"u000"}); err != nil {
		t.Fatal(err)
	}
	total := 0
	for pg := 1; ; pg++ {
		m := mustOK(t, e, "PageListAppInstanceGroupUser", "AppInstanceGroupId", id, "ProductType", "CloudApp", "PageNumber", itoa(pg), "PageSize", "100")
		n := len(m["Users"].([]any))
		total += n
		if _, has := m["TotalCount"]; has {
			t.Fatal("PageListAppInstanceGroupUser must not have TotalCount")
		}
		if n < 100 {
			break
		}
	}
	if total != 229 {
		t.Fatalf("users: %d", total)
	}
}

func TestPriceFormula(t *testing.T) {
	e, _ := newTestEmu(Options{})
	price := func(ct, typ, unit, period, amount string) map[string]any {
		m := mustOK(t, e, "GetResourcePrice", "ProductType", "CloudApp", "BizRegionId", "cn-shanghai", "ChargeType", ct, "NodeInstanceType", typ, "Period", period, "PeriodUnit", unit, "Amount", amount)
		return m["PriceModel"].(map[string]any)["Price"].(map[string]any)
	}
	cases := []struct{ ct, typ, unit, period, amount, original, trade string }{
		{"PrePaid", "appstreaming.general.4c8g", "Month", "1", "1", "199.00", "199.00"},
		{"PrePaid", "appstreaming.general.4c8g", "Week", "1", "2", "92.87", "92.87"}, // 199 × 2 × 7 ÷ 30, the console's example
		{"PrePaid", "appstreaming.general.4c8g", "Year", "1", "1", "2388.00", "2029.80"},
		{"PrePaid", "appstreaming.general.8c16g", "Month", "3", "2", "2388.00", "2388.00"},
		{"PostPaid", "appstreaming.general.4c8g", "Month", "1", "1", "0.726736", "0.726736"},
		{"PostPaid", "appstreaming.general.8c16g", "Month", "1", "1", "1.453472", "1.453472"},
	}
	for _, c := range cases {
		p := price(c.ct, c.typ, c.unit, c.period, c.amount)
		if p["OriginalPrice"] != c.original || p["TradePrice"] != c.trade || p["Currency"] != "CNY" {
			t.Errorf("%v: got %v", c, p)
		}
	}
}

func TestFaultInjection(t *testing.T) {
	srv := NewServer(Options{SkipSignature: true})
	defer srv.Close()
	post := func(action string) (int, string, error) {
		resp, err := http.Post(srv.URL+"/?Action="+action, "application/x-www-form-urlencoded", strings.NewReader(url.Values{"ProductType": {"CloudApp"}}.Encode()))
		if err != nil {
			return 0, "", err
		}
		defer resp.Body.Close()
		var m map[string]any
		b, _ := io.ReadAll(resp.Body)
		_ = json.Unmarshal(b, &m)
		code, _ := m["Code"].(string)
		return resp.StatusCode, code, nil
	}
	// 50 % Throttling.User on ListRegions only, fixed seed.
	srv.SetFaults(Faults{FailureRate: 0.5, FailureCodes: []string{"Throttling.User"}, Actions: []string{"ListRegions"}, Seed: 7})
	fails := 0
	for i := 0; i < 200; i++ {
		st, code, err := post("ListRegions")
		if err != nil {
			t.Fatal(err)
		}
		if st == 400 && code == "Throttling.User" {
			fails++
		} else if st != 200 {
			t.Fatalf("unexpected %d %s", st, code)
		}
	}
	if fails < 80 || fails > 120 {
		t.Fatalf("50%% failure rate gave %d/200", fails)
	}
	if st, _, _ := post("ListNodeInstanceType"); st != 400 { // not in actions: no injection, normal validation error
		t.Fatalf("other action: %d", st)
	}
	s := srv.Stats().Actions["ListRegions"]
	if s.Calls != 200 || s.Injected != fails || s.Errors != fails || s.OK != 200-fails {
		t.Fatalf("stats: %+v (fails %d)", s, fails)
	}
	// Same seed, same pattern.
	srv.SetFaults(Faults{FailureRate: 0.5, Seed: 7, Actions: []string{"ListRegions"}})
	fails2 := 0
	for i := 0; i < 200; i++ {
		if st, _, _ := post("ListRegions"); st != 200 {
			fails2++
		}
	}
	if fails2 != fails {
		t.Fatalf("seeded runs differ: %d vs %d", fails, fails2)
	}
	// Status codes of the other injected codes.
	for code, status := range map[string]int{"ServiceUnavailable": 503, "InternalError": 500} {
		srv.SetFaults(Faults{FailureRate: 1, FailureCodes: []string{code}})
		if st, c, _ := post("ListRegions"); st != status || c != code {
			t.Fatalf("%s: %d %s", code, st, c)
		}
	}
	// Drop closes the connection.
	srv.SetFaults(Faults{FailureRate: 1, FailureCodes: []string{"Drop"}})
	if _, _, err := post("ListRegions"); err == nil {
		t.Fatal("Drop: expected a transport error")
	}
	// Ambiguous: executed, then dropped.
	srv.SetFaults(Faults{Ambiguous: map[string]int{"CreateAppInstanceGroup": 1}})
	form := url.Values{}
	args := createArgs()
	for i := 0; i < len(args); i += 2 {
		form.Set(args[i], args[i+1])
	}
	_, err := http.Post(srv.URL+"/?Action=CreateAppInstanceGroup", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if err == nil {
		t.Fatal("ambiguous: expected a transport error")
	}
	if n := len(srv.GroupIDs()); n != 1 {
		t.Fatalf("ambiguous create left %d groups", n)
	}
	if f := srv.Faults(); f.Ambiguous["CreateAppInstanceGroup"] != 0 {
		t.Fatalf("ambiguous counter: %v", f.Ambiguous)
	}
	resp, err := http.Post(srv.URL+"/?Action=CreateAppInstanceGroup", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("second create: %v", err)
	}
	resp.Body.Close()
	// QPS limit.
	srv.SetFaults(Faults{QPSLimit: 3})
	throttled := 0
	start := time.Now()
	for i := 0; i < 6; i++ {
		if st, code, _ := post("ListRegions"); st == 400 && code == "Throttling.User" {
			throttled++
		}
	}
	if time.Since(start) < 500*time.Millisecond && throttled < 2 {
		t.Fatalf("qps limit: %d throttled", throttled)
	}
	// Latency.
	srv.SetFaults(Faults{LatencyMS: 50})
	start = time.Now()
	_, _, _ = post("ListRegions")
	if time.Since(start) < 50*time.Millisecond {
		t.Fatal("latency not applied")
	}
}

func TestAdminAPI(t *testing.T) {
	e, _ := newTestEmu(Options{})
	id := create(t, e)
	mustOK(t, e, "ListRegions")

	st, m := adminReq(t, e, "GET", "/_emulator/stats", "")
	if st != 200 || m["total_calls"].(float64) != 2 || m["actions"].(map[string]any)["ListRegions"].(map[string]any)["ok"].(float64) != 1 {
		t.Fatalf("stats: %v", m)
	}
	st, m = adminReq(t, e, "POST", "/_emulator/faults", `{"failure_rate":0.25,"failure_codes":["ServiceUnavailable"],"seed":3,"ambiguous":{"GetAppInstanceGroup":2}}`)
	if st != 200 || m["failure_rate"].(float64) != 0.25 {
		t.Fatalf("faults: %v", m)
	}
	if _, m = adminReq(t, e, "GET", "/_emulator/faults", ""); m["ambiguous"].(map[string]any)["GetAppInstanceGroup"].(float64) != 2 {
		t.Fatalf("get faults: %v", m)
	}
	if st, _ = adminReq(t, e, "POST", "/_emulator/faults", `{"failure_rate":2}`); st != 400 {
		t.Fatal("bad failure rate accepted")
	}
	if st, _ = adminReq(t, e, "POST", "/_emulator/faults", `{"bogus":1}`); st != 400 {
		t.Fatal("unknown field accepted")
	}
	e.SetFaults(Faults{})

	before := e.Now()
	st, m = adminReq(t, e, "POST", "/_emulator/clock", `{"advance":"90m"}`)
	if st != 200 || !e.Now().Equal(before.Add(90*time.Minute)) {
		t.Fatalf("clock advance: %v", m)
	}
	adminReq(t, e, "POST", "/_emulator/clock", `{"set":"2026-12-01T08:00:00+08:00"}`)
	if !e.Now().Equal(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("clock set: %v", e.Now())
	}
	if st, _ = adminReq(t, e, "POST", "/_emulator/clock", `{"advance":"soon"}`); st != 400 {
		t.Fatal("bad duration accepted")
	}

	st, m = adminReq(t, e, "POST", "/_emulator/groups/"+id, `{"name":"drifted","session_timeout":60,"node_amount":4,"capacity":1,"tags":{"owner":"ops"},"system_tags":{"System/Scheduler/GRAYSCALE":"true"}}`)
	if st != 200 || m["AppInstanceGroupName"] != "drifted" || m["SessionTimeout"] != "60" {
		t.Fatalf("patch: %d %v", st, m)
	}
	g, _ := e.Group(id)
	if g.NodePool[0].NodeAmount != 4 || g.NodePool[0].NodeCapacity != 1 || len(g.Tags) != 2 {
		t.Fatalf("patched group: %+v", g)
	}
	st, m = adminReq(t, e, "POST", "/_emulator/groups/"+id+"/users", `{"add":["x","y"],"remove":["x"]}`)
	if rec, _ := e.GroupRecord(id); st != 200 || len(rec.Users) != 1 || rec.Users[0] != "y" {
		t.Fatalf("users: %d %v %v", st, m, rec.Users)
	}
	st, m = adminReq(t, e, "POST", "/_emulator/groups/"+id+"/sessions", `{"connect":3}`)
	if st != 200 || m["sessions"].(float64) != 3 {
		t.Fatalf("connect: %v", m)
	}
	_, m = adminReq(t, e, "POST", "/_emulator/groups/"+id+"/sessions", `{"disconnect":1}`)
	if m["sessions"].(float64) != 2 {
		t.Fatalf("disconnect: %v", m)
	}
	lm := mustOK(t, e, "ListAppInstances", "AppInstanceGroupId", id)
	if lm["TotalCount"].(float64) != 2 {
		t.Fatalf("instances: %v", lm)
	}
	st, m = adminReq(t, e, "GET", "/_emulator/state", "")
	if st != 200 || len(m["groups"].([]any)) != 1 || len(m["policies"].([]any)) != 1 || len(m["images"].([]any)) != 12 {
		t.Fatalf("state: %d groups=%v", st, m["groups"])
	}
	if st, _ = adminReq(t, e, "POST", "/_emulator/groups/aig-none", `{"name":"x"}`); st != 404 {
		t.Fatal("patch of unknown group")
	}
	if st, _ = adminReq(t, e, "DELETE", "/_emulator/groups/"+id, ""); st != 200 {
		t.Fatal("admin delete")
	}
	if st, code := getStatus(t, e, id); st != 400 || code != "InvalidAppInstanceGroup.NotFound" {
		t.Fatal("group survived admin delete")
	}
	if err := e.DeleteGroup(id); !errors.Is(err, ErrNotFound) {
		t.Fatalf("DeleteGroup twice: %v", err)
	}
	adminReq(t, e, "POST", "/_emulator/faults", `{"qps_limit":5}`)
	if st, _ = adminReq(t, e, "POST", "/_emulator/reset", ""); st != 200 {
		t.Fatal("reset")
	}
	if s := e.Stats(); s.TotalCalls != 0 || len(e.GroupIDs()) != 0 || e.Faults().QPSLimit != 0 {
		t.Fatalf("after reset: %+v", s)
	}
	if st, _ = adminReq(t, e, "GET", "/_emulator/nothing", ""); st != 404 {
		t.Fatal("unknown admin path")
	}
}

func TestWireBasics(t *testing.T) {
	e, _ := newTestEmu(Options{})
	// Unknown action → 404 InvalidAction.NotFound.
	if st, m := do(t, e, "NoSuchAction"); st != 404 || m["Code"] != "InvalidAction.NotFound" {
		t.Fatalf("unknown action: %d %v", st, m)
	}
	// Wrong version.
	req, _ := http.NewRequest("POST", "/?Action=ListRegions&Version=2020-01-01", nil)
	rec := newRecorder()
	e.ServeHTTP(rec, req)
	if rec.Code != 400 || !strings.Contains(rec.Body.String(), "InvalidVersion") {
		t.Fatalf("version: %d %s", rec.Code, rec.Body)
	}
	// GET → 405 JSON.
	req, _ = http.NewRequest("GET", "/?Action=ListRegions", nil)
	rec = newRecorder()
	e.ServeHTTP(rec, req)
	if rec.Code != 405 || rec.Header().Get("Content-Type") != "application/json" {
		t.Fatalf("GET: %d", rec.Code)
	}
	// Action from the x-acs-action header; query + body merge.
	id := create(t, e)
	req, _ = http.NewRequest("POST", "/?AppInstanceGroupId="+id, strings.NewReader("ProductType=CloudApp"))
	req.Header.Set("x-acs-action", "GetAppInstanceGroup")
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec = newRecorder()
	e.ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Fatalf("header action + merge: %d %s", rec.Code, rec.Body)
	}
	var m map[string]any
	_ = json.Unmarshal(rec.Body.Bytes(), &m)
	// Get returns ONE object; SessionTimeout and ScalingUsageThreshold are strings.
	g, ok := m["AppInstanceGroupModels"].(map[string]any)
	if !ok {
		t.Fatalf("Get shape: %T", m["AppInstanceGroupModels"])
	}
	if _, ok := g["SessionTimeout"].(string); !ok {
		t.Fatal("SessionTimeout is not a string")
	}
	if _, ok := g["NodePool"].([]any)[0].(map[string]any)["ScalingUsageThreshold"].(string); !ok {
		t.Fatal("ScalingUsageThreshold is not a string")
	}
	if len(strings.TrimPrefix(id, "aig-")) != 17 || strings.ToLower(id) != id {
		t.Fatalf("id format: %s", id)
	}
	// ListRegions key case.
	lr := mustOK(t, e, "ListRegions")
	if _, ok := lr["RegionModels"].([]any)[0].(map[string]any)["regionId"]; !ok {
		t.Fatal("regionId key")
	}
	// ListNodeInstanceType types.
	nt := mustOK(t, e, "ListNodeInstanceType", "ProductType", "CloudApp", "PageNumber", "2", "PageSize", "4", "NodeInstanceTypeFamily", "appstreaming.vgpu")
	rows := nt["NodeInstanceTypeModels"].([]any)
	if nt["TotalCount"].(float64) != 4 || len(rows) != 0 {
		t.Fatalf("family filter paging: %v", nt)
	}
	nt = mustOK(t, e, "ListNodeInstanceType", "ProductType", "CloudApp", "PageNumber", "1", "PageSize", "1", "Cpu", "8", "Memory", "31744")
	row := nt["NodeInstanceTypeModels"].([]any)[0].(map[string]any)
	if row["NodeInstanceType"] != "appstreaming.vgpu.8c31g.16g" || row["Cpu"] != "8" || row["Gpu"] != "1" || row["GpuMemory"].(float64) != 16384 {
		t.Fatalf("row: %v", row)
	}
	// ListImage shape and filters: two custom images on the same day.
	li := mustOK(t, e, "ListImage", "BizRegionIdList.1", "cn-hangzhou", "ImageType", "User", "Status", "AVAILABLE")
	if li["Code"] != "200" || li["Success"] != true || li["Count"].(float64) != 2 {
		t.Fatalf("ListImage: %v", li)
	}
	d := li["Data"].([]any)
	a, b := d[0].(map[string]any)["GmtCreate"].(string), d[1].(map[string]any)["GmtCreate"].(string)
	if a[:10] != b[:10] || a == b {
		t.Fatalf("same-day images: %s %s", a, b)
	}
}
