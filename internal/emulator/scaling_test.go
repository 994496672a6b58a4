package emulator

import (
	"encoding/json"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// apiCall sends one unsigned API request (SkipSignature) and decodes it.
func apiCall(t *testing.T, srv *httptest.Server, action string, form url.Values) map[string]any {
	t.Helper()
	q := url.Values{"Action": {action}, "Version": {APIVersion}}
	resp, err := http.Post(srv.URL+"/?"+q.Encode(), "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 {
		t.Fatalf("%s: HTTP %d %v", action, resp.StatusCode, out)
	}
	return out
}

// admin posts a JSON body to the admin API.
func admin(t *testing.T, srv *httptest.Server, method, path string, body any) map[string]any {
	t.Helper()
	var rd *strings.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = strings.NewReader(string(b))
	} else {
		rd = strings.NewReader("")
	}
	req, _ := http.NewRequest(method, srv.URL+path, rd)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	if resp.StatusCode != 200 {
		t.Fatalf("%s %s: HTTP %d %v", method, path, resp.StatusCode, out)
	}
	return out
}

// newScalingGroup publishes a group over the wire and returns its ID.
func newScalingGroup(t *testing.T, srv *httptest.Server, chargeType, unit string, nodePool string) string {
	t.Helper()
	out := apiCall(t, srv, "CreateAppInstanceGroup", url.Values{
		"AppCenterImageId": {"img-win2019-office"}, "BizRegionId": {"cn-shanghai"}, "ChargeResourceMode": {"Node"},
		"ChargeType": {chargeType}, "Period": {"1"}, "PeriodUnit": {unit}, "ProductType": {"CloudApp"}, "SessionTimeout": {"15"},
		"AutoPay": {"true"}, "NodePool": {nodePool},
	})
	return out["AppInstanceGroupModel"].(map[string]any)["AppInstanceGroupId"].(string)
}

// resources is what the console's table calls the resource count:
// subscription resources plus existing elastic ones (NodeAmount +
// ScalingNodeAmount from GetAppInstanceGroup).
func resources(t *testing.T, srv *httptest.Server, id string) (total, elastic int) {
	t.Helper()
	out := apiCall(t, srv, "GetAppInstanceGroup", url.Values{"AppInstanceGroupId": {id}, "ProductType": {"CloudApp"}})
	np := out["AppInstanceGroupModels"].(map[string]any)["NodePool"].([]any)[0].(map[string]any)
	sub, el := int(np["NodeAmount"].(float64)), int(np["ScalingNodeAmount"].(float64))
	return sub + el, el
}

// TestReplayConsoleBillingExample replays the pay-as-you-go elastic
// resource billing example of publish-delivery-group-console-b.txt: 2
// subscription resources of appstreaming.general.4c8g bought at 08:00 for
// one week, 2 sessions per resource, threshold 85 %, step 2, at most 2
// elastic resources, 60 idle minutes. Session events go through the admin
// API, the clock through the admin API, counts through GetAppInstanceGroup.
//
// The example's own timings are "for demonstration purposes only" and
// differ between operations (creation 09:55→10:00 = 5 min; the scale-in at
// 11:00 finishes at once; the one from 11:08 finishes at 11:13:18), so the
// test sets the emulator's creation/release latency before each row, as
// the service's varying latency would have it.
func TestReplayConsoleBillingExample(t *testing.T) {
	day := time.Date(2026, 6, 1, 0, 0, 0, 0, chinaTZ) // a Monday
	at := func(hms string) time.Time {
		d, _ := time.Parse("15:04:05", hms)
		return day.Add(time.Duration(d.Hour())*time.Hour + time.Duration(d.Minute())*time.Minute + time.Duration(d.Second())*time.Second)
	}
	e := New(Options{Clock: NewManualClock(at("08:00:00")), SkipSignature: true})
	srv := httptest.NewServer(e)
	defer srv.Close()
	id := newScalingGroup(t, srv, "PrePaid", "Week", `{"NodeInstanceType":"appstreaming.general.4c8g","NodeCapacity":2,"NodeAmount":2,`+
		`"StrategyType":"NODE_SCALING_BY_USAGE","MaxScalingAmount":2,"ScalingStep":2,"ScalingUsageThreshold":"85","ScalingDownAfterIdleMinutes":60}`)

	rows := []struct {
		at                 string
		connect, disc      int
		create, release    string // latency set before the row ("" = unchanged)
		want, wantCreating int
	}{
		{at: "08:22:00", connect: 1, want: 2},
		{at: "08:45:00", connect: 1, want: 2},
		{at: "09:10:00", connect: 1, want: 2},
		{at: "09:55:00", connect: 1, create: "5m", want: 2, wantCreating: 2},
		{at: "10:00:00", want: 4},
		{at: "11:00:00", release: "0s", want: 3},
		{at: "11:08:00", disc: 1, release: "5m18s", want: 3},
		{at: "11:13:18", want: 2},
	}
	for _, r := range rows {
		if r.create != "" || r.release != "" {
			lat := map[string]string{}
			if r.create != "" {
				lat["create"] = r.create
			}
			if r.release != "" {
				lat["release"] = r.release
			}
			admin(t, srv, "POST", "/_emulator/scaling", lat)
		}
		admin(t, srv, "POST", "/_emulator/clock", map[string]string{"set": at(r.at).Format(time.RFC3339)})
		if r.connect+r.disc > 0 {
			admin(t, srv, "POST", "/_emulator/groups/"+id+"/sessions", map[string]int{"connect": r.connect, "disconnect": r.disc})
		}
		if got, _ := resources(t, srv, id); got != r.want {
			t.Errorf("%s: %d resources, want %d", r.at, got, r.want)
		}
		if r.wantCreating > 0 {
			creating := 0
			b, _ := e.GroupBill(id)
			for _, n := range b.ElasticNodes {
				if n.ReadyAt.After(at(r.at)) {
					creating++
				}
			}
			if creating != r.wantCreating {
				t.Errorf("%s: %d elastic resources being created, want %d", r.at, creating, r.wantCreating)
			}
		}
	}
	bill := admin(t, srv, "GET", "/_emulator/groups/"+id+"/bill", nil)
	if got := bill["total_cny"].(float64); got != 94.48 {
		t.Errorf("total = %v CNY, want 94.48 (bill %v)", got, bill)
	}
	if sub := bill["subscription_cny"].(float64); math.Abs(sub-92.87) > 0.005 {
		t.Errorf("subscription = %v, want 92.87", sub)
	}
	if el := bill["elastic_cny"].(float64); math.Abs(el-1.61) > 0.005 {
		t.Errorf("elastic = %v, want 1.61", el)
	}
	// Afterwards nothing more is billed for elastic resources.
	e.SetTime(at("18:00:00"))
	if b, _ := e.GroupBill(id); math.Abs(b.Elastic-bill["elastic_cny"].(float64)) > 1e-9 {
		t.Errorf("elastic cost grew after all elastic resources were released: %v", b.Elastic)
	}
}

// With MaxIdleAppInstanceAmount set, a scale-out waits while enough idle
// sessions exist; MaxScalingAmount caps the elastic resources.
func TestScalingMaxIdleAndCap(t *testing.T) {
	start := time.Date(2026, 6, 1, 8, 0, 0, 0, chinaTZ)
	e := New(Options{Clock: NewManualClock(start), SkipSignature: true})
	srv := httptest.NewServer(e)
	defer srv.Close()
	// 4 resources × 2 sessions, threshold 50 %, at most 3 elastic, step 2,
	// scale out only while fewer than 2 idle sessions exist.
	id := newScalingGroup(t, srv, "PostPaid", "Month", `{"NodeInstanceType":"appstreaming.general.4c8g","NodeCapacity":2,"NodeAmount":4,`+
		`"StrategyType":"NODE_SCALING_BY_USAGE","MaxScalingAmount":3,"ScalingStep":2,"ScalingUsageThreshold":"50","MaxIdleAppInstanceAmount":2}`)
	_ = e.Connect(id, 5) // 62.5 % > 50 %, but 3 idle sessions ≥ 2: no scale-out
	if _, el := resources(t, srv, id); el != 0 {
		t.Fatalf("scaled out with 3 idle sessions: %d elastic", el)
	}
	_ = e.Connect(id, 2) // 7 of 8: 1 idle session < 2 → +2
	if _, el := resources(t, srv, id); el != 2 {
		t.Fatalf("want 2 elastic after the scale-out, got %d", el)
	}
	_ = e.Connect(id, 4) // 11 of 12 → +min(2, 3-2) = 1
	if _, el := resources(t, srv, id); el != 3 {
		t.Fatalf("want the cap of 3 elastic, got %d", el)
	}
	_ = e.Connect(id, 3) // 14 of 14, still capped
	if _, el := resources(t, srv, id); el != 3 {
		t.Fatalf("went past MaxScalingAmount: %d", el)
	}
	// Switching to NODE_FIXED releases the elastic resources.
	_ = e.UpdateGroup(id, func(g *Group) { g.NodePool.StrategyType = stratFixed })
	if total, el := resources(t, srv, id); el != 0 || total != 4 {
		t.Fatalf("after NODE_FIXED: total %d elastic %d, want 4 and 0", total, el)
	}
}

// Scheduled periods hold their amount on the configured weekdays inside
// the date window, created ahead with warm-up.
func TestScalingSchedule(t *testing.T) {
	mon := time.Date(2026, 6, 1, 0, 0, 0, 0, chinaTZ) // Monday
	e := New(Options{Clock: NewManualClock(mon.Add(7 * time.Hour)), SkipSignature: true})
	srv := httptest.NewServer(e)
	defer srv.Close()
	id := newScalingGroup(t, srv, "PostPaid", "Month", `{"NodeInstanceType":"appstreaming.general.4c8g","NodeCapacity":2,"NodeAmount":1,`+
		`"StrategyType":"NODE_SCALING_BY_SCHEDULE","StrategyEnableDate":"2026-06-01","StrategyDisableDate":"2026-06-08","WarmUp":true,`+
		`"RecurrenceSchedules":[{"RecurrenceType":"Weekly","RecurrenceValues":[1,2],"TimerPeriods":[{"StartTime":"08:30","EndTime":"12:00","Amount":4}]}]}`)
	e.SetScalingLatency(ScalingLatency{Create: 10 * time.Minute})
	check := func(at time.Duration, want int) {
		t.Helper()
		e.SetTime(mon.Add(at))
		if total, _ := resources(t, srv, id); total != want {
			t.Errorf("%s after Monday 00:00: %d resources, want %d", at, total, want)
		}
	}
	check(8*time.Hour+20*time.Minute, 1) // warm-up creation started 08:20, not ready
	check(8*time.Hour+30*time.Minute, 4) // ready at the period start
	check(12*time.Hour, 1)               // released at the end
	check(24*time.Hour+9*time.Hour, 4)   // Tuesday
	check(2*24*time.Hour+9*time.Hour, 1) // Wednesday: not a configured day
	check(7*24*time.Hour+9*time.Hour, 4) // next Monday = disable date, still inside
	check(8*24*time.Hour+9*time.Hour, 1) // after the window
}
