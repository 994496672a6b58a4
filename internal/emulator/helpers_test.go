package emulator

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2026, 6, 1, 2, 0, 0, 0, time.UTC) // Monday 10:00 UTC+8

func newTestEmu(o Options) (*Emulator, *ManualClock) {
	clk := NewManualClock(t0)
	o.Clock = clk
	o.SkipSignature = true
	return New(o), clk
}

// do posts an unsigned API call (body form) and decodes the JSON answer.
func do(t *testing.T, e *Emulator, action string, kv ...string) (int, map[string]any) {
	t.Helper()
	form := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		form.Add(kv[i], kv[i+1])
	}
	req := httptest.NewRequest("POST", "/?Action="+action+"&Version=2021-09-01", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	var m map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &m); err != nil {
		t.Fatalf("%s: bad JSON %q", action, rec.Body.String())
	}
	if m["RequestId"] == nil {
		t.Fatalf("%s: no RequestId: %v", action, m)
	}
	return rec.Code, m
}

func mustOK(t *testing.T, e *Emulator, action string, kv ...string) map[string]any {
	t.Helper()
	st, m := do(t, e, action, kv...)
	if st != 200 {
		t.Fatalf("%s: %d %v", action, st, m)
	}
	return m
}

func js(v any) string { b, _ := json.Marshal(v); return string(b) }

// createArgs is a valid PostPaid create request; over replaces keys.
func createArgs(over ...string) []string {
	base := map[string]string{
		"ProductType": "CloudApp", "AppCenterImageId": "img-win2019-office", "BizRegionId": "cn-shanghai",
		"ChargeResourceMode": "Node", "ChargeType": "PostPaid", "Period": "1", "PeriodUnit": "Month", "SessionTimeout": "15",
		"NodePool": js(map[string]any{"NodeInstanceType": "appstreaming.general.4c8g", "NodeAmount": 1, "NodeCapacity": 2}),
	}
	for i := 0; i+1 < len(over); i += 2 {
		if over[i+1] == "<nil>" {
			delete(base, over[i])
		} else {
			base[over[i]] = over[i+1]
		}
	}
	var out []string
	for k, v := range base {
		out = append(out, k, v)
	}
	return out
}

func create(t *testing.T, e *Emulator, over ...string) string {
	t.Helper()
	m := mustOK(t, e, "CreateAppInstanceGroup", createArgs(over...)...)
	return m["AppInstanceGroupModel"].(map[string]any)["AppInstanceGroupId"].(string)
}

func getStatus(t *testing.T, e *Emulator, id string) (int, string) {
	t.Helper()
	st, m := do(t, e, "GetAppInstanceGroup", "AppInstanceGroupId", id, "ProductType", "CloudApp")
	if st != 200 {
		return st, m["Code"].(string)
	}
	return st, m["AppInstanceGroupModels"].(map[string]any)["Status"].(string)
}

func adminReq(t *testing.T, e *Emulator, method, path, body string) (int, map[string]any) {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	var m map[string]any
	_ = json.Unmarshal(rec.Body.Bytes(), &m)
	return rec.Code, m
}

var _ = http.MethodPost

func newRecorder() *httptest.ResponseRecorder { return httptest.NewRecorder() }
