package client

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func getOK(w http.ResponseWriter, id string) {
	writeJSON(w, 200, map[string]any{"RequestId": "RID-OK", "AppInstanceGroupModels": groupJSON(id, "g", "PUBLISHED")})
}

func TestRetryThrottlingUser(t *testing.T) {
	fs := newFake(t, func(w http.ResponseWriter, r *http.Request, c captured, n int) {
		if n <= 2 {
			writeErr(w, 400, "Throttling.User", "Request was denied due to user flow control.")
			return
		}
		getOK(w, "aig-1")
	})
	g, err := testClient(t, fs.URL).GetAppInstanceGroup(context.Background(), "aig-1")
	if err != nil {
		t.Fatal(err)
	}
	if g.AppInstanceGroupID != "aig-1" || fs.n("GetAppInstanceGroup") != 3 {
		t.Fatalf("got %+v after %d attempts, want 3", g.AppInstanceGroupID, fs.n("GetAppInstanceGroup"))
	}
}

func TestRetry503AndGiveUp(t *testing.T) {
	fs := newFake(t, func(w http.ResponseWriter, r *http.Request, c captured, n int) {
		writeErr(w, 503, "ServiceUnavailable", "busy")
	})
	_, err := testClient(t, fs.URL).GetAppInstanceGroup(context.Background(), "aig-1")
	if err == nil || ErrorCode(err) != "ServiceUnavailable" {
		t.Fatalf("err = %v", err)
	}
	if got := fs.n("GetAppInstanceGroup"); got != 4 { // 1 + MaxRetries(3)
		t.Fatalf("attempts = %d, want 4", got)
	}
}

func TestMaxRetriesZeroMeansNoRetriesAndNilMeansDefault(t *testing.T) {
	fs := newFake(t, func(w http.ResponseWriter, r *http.Request, c captured, n int) {
		writeErr(w, 503, "ServiceUnavailable", "busy")
	})
	if _, err := testClient(t, fs.URL, func(cfg *Config) { cfg.MaxRetries = intp(0) }).GetAppInstanceGroup(context.Background(), "aig-1"); err == nil {
		t.Fatal("no error")
	}
	if got := fs.n("GetAppInstanceGroup"); got != 1 {
		t.Fatalf("MaxRetries 0: attempts = %d, want 1", got)
	}
	if _, err := testClient(t, fs.URL, func(cfg *Config) { cfg.MaxRetries = nil }).GetAppInstanceGroup(context.Background(), "aig-1"); err == nil {
		t.Fatal("no error")
	}
	if got := fs.n("GetAppInstanceGroup") - 1; got != 1+DefaultMaxRetries {
		t.Fatalf("MaxRetries nil: attempts = %d, want %d", got, 1+DefaultMaxRetries)
	}
	if _, err := New(Config{Credential: staticCred("a", "b", ""), MaxRetries: intp(-1)}); err == nil {
		t.Fatal("a negative MaxRetries was accepted")
	}
}

func TestRetryDroppedConnection(t *testing.T) {
	fs := newFake(t, func(w http.ResponseWriter, r *http.Request, c captured, n int) {
		if n == 1 {
			drop(t, w)
			return
		}
		getOK(w, "aig-1")
	})
	if _, err := testClient(t, fs.URL).GetAppInstanceGroup(context.Background(), "aig-1"); err != nil {
		t.Fatal(err)
	}
	if got := fs.n("GetAppInstanceGroup"); got != 2 {
		t.Fatalf("attempts = %d, want 2", got)
	}
}

func TestRetryConnectionRefusedForNonIdempotent(t *testing.T) {
	// A refused connection means nothing was sent: even Renew may retry.
	c := testClient(t, "http://127.0.0.1:1")
	_, err := c.RenewAppInstanceGroup(context.Background(), RenewAppInstanceGroupInput{AppInstanceGroupID: "aig-1", Period: 1, PeriodUnit: "Month"})
	if err == nil || IsAmbiguous(err) || !strings.Contains(err.Error(), "giving up after 4 attempts") {
		t.Fatalf("err = %v", err)
	}
	if strings.Contains(err.Error(), "Signature=") || strings.Contains(err.Error(), "AccessKeyId=") {
		t.Fatalf("error leaks the signed URL: %v", err)
	}
}

func TestNoRetryOnInvalidParameter(t *testing.T) {
	fs := newFake(t, func(w http.ResponseWriter, r *http.Request, c captured, n int) {
		writeErr(w, 400, "InvalidParameter.FrameRate", "The parameter FrameRate is invalid.")
	})
	err := testClient(t, fs.URL).ModifyAppPolicy(context.Background(), "pg-1", &VideoPolicy{FrameRate: intp(45)})
	if !IsInvalidParameter(err) || fs.n("ModifyAppPolicy") != 1 {
		t.Fatalf("err = %v, attempts %d", err, fs.n("ModifyAppPolicy"))
	}
	want := "ModifyAppPolicy: InvalidParameter.FrameRate: The parameter FrameRate is invalid. (RequestId: RID-ERR)"
	if err.Error() != want {
		t.Fatalf("Error() = %q, want %q", err.Error(), want)
	}
	var ae *APIError
	if !errors.As(err, &ae) || ae.HTTPStatus != 400 || ae.Kind != KindInvalidParameter {
		t.Fatalf("APIError = %+v", ae)
	}
}

func TestErrorKinds(t *testing.T) {
	cases := map[string]ErrorKind{
		"InvalidAppInstanceGroup.NotFound": KindNotFound, "InvalidAppInstanceGroupSpecItem.NotFound": KindNotFound,
		"Throttling": KindThrottled, "Throttling.Api": KindThrottled, "MissingParameter.X": KindInvalidParameter,
		"InvalidParameter": KindInvalidParameter, "StockError.NoStock": KindOther,
	}
	for code, want := range cases {
		if got := kindOf(code, 400); got != want {
			t.Errorf("kindOf(%s) = %v, want %v", code, got, want)
		}
	}
	fs := newFake(t, func(w http.ResponseWriter, r *http.Request, c captured, n int) {
		writeErr(w, 400, "InvalidAppInstanceGroup.NotFound", "The app instance group is not found.")
	})
	_, err := testClient(t, fs.URL).GetAppInstanceGroup(context.Background(), "aig-x")
	if !IsNotFound(err) || IsThrottled(err) || fs.n("GetAppInstanceGroup") != 1 {
		t.Fatalf("err = %v", err)
	}
	if !strings.Contains(err.Error(), ": The app instance group is not found. (RequestId: RID-ERR)") || strings.Contains(err.Error(), "code: 400") {
		t.Fatalf("message not extracted: %q", err.Error())
	}
}

func TestSDKMessageFallback(t *testing.T) {
	m, rid := parseSDKMessage("code: 400, The parameter X is invalid. request id: RID-9")
	if m != "The parameter X is invalid." || rid != "RID-9" {
		t.Fatalf("got %q %q", m, rid)
	}
}

func TestCtxDeadlineStopsRetries(t *testing.T) {
	fs := newFake(t, func(w http.ResponseWriter, r *http.Request, c captured, n int) {
		writeErr(w, 503, "ServiceUnavailable", "busy")
	})
	c := testClient(t, fs.URL, func(cfg *Config) {
		cfg.MaxRetries = intp(50)
		cfg.RetryBaseDelay, cfg.RetryMaxDelay = 300*time.Millisecond, time.Second
	})
	ctx, cancel := context.WithTimeout(context.Background(), 150*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.GetAppInstanceGroup(ctx, "aig-1")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want deadline exceeded", err)
	}
	if el := time.Since(start); el > 200*time.Millisecond {
		t.Fatalf("slept past the deadline: %s", el)
	}
	if n := fs.n("GetAppInstanceGroup"); n > 3 {
		t.Fatalf("attempts = %d", n)
	}
}

func TestCtxCancelledBeforeCall(t *testing.T) {
	fs := newFake(t, func(w http.ResponseWriter, r *http.Request, c captured, n int) { getOK(w, "aig-1") })
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := testClient(t, fs.URL).GetAppInstanceGroup(ctx, "aig-1")
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
}

func TestBackoffBounds(t *testing.T) {
	c := testClient(t, "http://127.0.0.1:1", func(cfg *Config) { cfg.RetryBaseDelay, cfg.RetryMaxDelay = 100*time.Millisecond, time.Second })
	for n := 1; n <= 10; n++ {
		ceil := 100 * time.Millisecond << (n - 1)
		if ceil > time.Second {
			ceil = time.Second
		}
		var maxSeen time.Duration
		for i := 0; i < 500; i++ {
			d := c.backoff(n)
			if d < 10*time.Millisecond || d > ceil {
				t.Fatalf("backoff(%d) = %s outside [10ms, %s]", n, d, ceil)
			}
			maxSeen = max(maxSeen, d)
		}
		if maxSeen < ceil/2 { // jitter really spans the range
			t.Fatalf("backoff(%d) never above %s", n, maxSeen)
		}
	}
}

func TestConcurrencyLimit(t *testing.T) {
	var inflight, peak atomic.Int32
	fs := newFake(t, func(w http.ResponseWriter, r *http.Request, c captured, n int) {
		cur := inflight.Add(1)
		for {
			p := peak.Load()
			if cur <= p || peak.CompareAndSwap(p, cur) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
		inflight.Add(-1)
		getOK(w, "aig-1")
	})
	c := testClient(t, fs.URL, func(cfg *Config) { cfg.MaxConcurrency = 2 })
	done := make(chan error, 8)
	for i := 0; i < 8; i++ {
		go func() { _, err := c.GetAppInstanceGroup(context.Background(), "aig-1"); done <- err }()
	}
	for i := 0; i < 8; i++ {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	if peak.Load() > 2 {
		t.Fatalf("peak in-flight = %d, want <= 2", peak.Load())
	}
}

// createServer simulates a service that executes Create and then drops the
// connection on the first create.
func createServer(t *testing.T, name string) (*fakeServer, *atomic.Bool) {
	var created atomic.Bool
	fs := newFake(t, func(w http.ResponseWriter, r *http.Request, c captured, n int) {
		switch c.Action {
		case "ListAppInstanceGroup":
			groups := []any{groupJSON("aig-old", name+"-other", "PUBLISHED")} // fuzzy match, different name
			if created.Load() {
				groups = append(groups, groupJSON("aig-new", name, "DEPLOYING"))
			}
			writeJSON(w, 200, map[string]any{"RequestId": "RID-L", "AppInstanceGroupModels": groups, "TotalCount": len(groups), "PageNumber": 1, "PageSize": 100})
		case "CreateAppInstanceGroup":
			created.Store(true)
			drop(t, w)
		default:
			writeErr(w, 400, "InvalidAction", c.Action)
		}
	})
	return fs, &created
}

func TestCreateReconcilesAfterDroppedConnection(t *testing.T) {
	fs, _ := createServer(t, "grp")
	out, err := testClient(t, fs.URL).CreateAppInstanceGroup(context.Background(), CreateAppInstanceGroupInput{
		AppInstanceGroupName: "grp", AppCenterImageID: "img-1", BizRegionID: "cn-shanghai", ChargeType: "PostPaid", ChargeResourceMode: "Node",
		Period: 1, PeriodUnit: "Month", SessionTimeout: intp(15), NodePool: &NodePoolStrategy{NodeInstanceType: "appstreaming.general.4c8g", NodeAmount: intp(1)},
	})
	if err != nil {
		t.Fatal(err)
	}
	if out.AppInstanceGroupID != "aig-new" || !out.Reconciled || out.OrderID != "" || out.NodePoolID != "rg-1" {
		t.Fatalf("out = %+v", out)
	}
	if n := fs.n("CreateAppInstanceGroup"); n != 1 {
		t.Fatalf("server saw %d creates, want exactly 1", n)
	}
	if fs.n("ListAppInstanceGroup") != 2 {
		t.Fatalf("lists = %d, want 2 (before + reconcile)", fs.n("ListAppInstanceGroup"))
	}
}

func TestCreateResendsWhenNothingWasCreated(t *testing.T) {
	fs := newFake(t, func(w http.ResponseWriter, r *http.Request, c captured, n int) {
		switch c.Action {
		case "ListAppInstanceGroup":
			writeJSON(w, 200, map[string]any{"RequestId": "RID-L", "AppInstanceGroupModels": []any{}, "TotalCount": 0})
		case "CreateAppInstanceGroup":
			if n == 1 {
				drop(t, w) // dropped before executing
				return
			}
			writeJSON(w, 200, map[string]any{"RequestId": "RID-C", "AppInstanceGroupModel": map[string]any{"AppInstanceGroupId": "aig-2", "OrderId": "o-1"}})
		}
	})
	out, err := testClient(t, fs.URL).CreateAppInstanceGroup(context.Background(), CreateAppInstanceGroupInput{AppInstanceGroupName: "g2"})
	if err != nil || out.AppInstanceGroupID != "aig-2" || out.OrderID != "o-1" || out.Reconciled {
		t.Fatalf("out=%+v err=%v", out, err)
	}
	if fs.n("CreateAppInstanceGroup") != 2 {
		t.Fatalf("creates = %d", fs.n("CreateAppInstanceGroup"))
	}
}

func TestCreateAmbiguousWithoutName(t *testing.T) {
	fs, _ := createServer(t, "")
	_, err := testClient(t, fs.URL).CreateAppInstanceGroup(context.Background(), CreateAppInstanceGroupInput{AppCenterImageID: "img-1"})
	var amb *AmbiguousError
	if !errors.As(err, &amb) {
		t.Fatalf("err = %v, want AmbiguousError", err)
	}
	if fs.n("CreateAppInstanceGroup") != 1 || fs.n("ListAppInstanceGroup") != 0 {
		t.Fatalf("creates=%d lists=%d", fs.n("CreateAppInstanceGroup"), fs.n("ListAppInstanceGroup"))
	}
}

func TestCreateThrottledIsRetried(t *testing.T) {
	fs := newFake(t, func(w http.ResponseWriter, r *http.Request, c captured, n int) {
		if c.Action == "ListAppInstanceGroup" {
			writeJSON(w, 200, map[string]any{"RequestId": "RID-L", "AppInstanceGroupModels": []any{}})
			return
		}
		if n == 1 {
			writeErr(w, 400, "Throttling", "slow down")
			return
		}
		writeJSON(w, 200, map[string]any{"RequestId": "RID-C", "AppInstanceGroupModel": map[string]any{"AppInstanceGroupId": "aig-3"}})
	})
	out, err := testClient(t, fs.URL).CreateAppInstanceGroup(context.Background(), CreateAppInstanceGroupInput{AppInstanceGroupName: "g3"})
	if err != nil || out.AppInstanceGroupID != "aig-3" || fs.n("CreateAppInstanceGroup") != 2 {
		t.Fatalf("out=%+v err=%v creates=%d", out, err, fs.n("CreateAppInstanceGroup"))
	}
}

func TestNonIdempotentNoBlindResend(t *testing.T) {
	fs := newFake(t, func(w http.ResponseWriter, r *http.Request, c captured, n int) { drop(t, w) })
	c := testClient(t, fs.URL)
	_, err := c.ModifyNodePoolAmount(context.Background(), ModifyNodePoolAmountInput{AppInstanceGroupID: "aig-1", NodeAmount: 3})
	if !IsAmbiguous(err) || fs.n("ModifyNodePoolAmount") != 1 {
		t.Fatalf("err=%v sends=%d", err, fs.n("ModifyNodePoolAmount"))
	}
	_, err = c.RenewAppInstanceGroup(context.Background(), RenewAppInstanceGroupInput{AppInstanceGroupID: "aig-1", Period: 1, PeriodUnit: "Month"})
	if !IsAmbiguous(err) || fs.n("RenewAppInstanceGroup") != 1 {
		t.Fatalf("err=%v sends=%d", err, fs.n("RenewAppInstanceGroup"))
	}
}

func TestGetDecodesExtraFields(t *testing.T) {
	fs := newFake(t, func(w http.ResponseWriter, r *http.Request, c captured, n int) { getOK(w, "aig-1") })
	g, err := testClient(t, fs.URL).GetAppInstanceGroup(context.Background(), "aig-1")
	if err != nil {
		t.Fatal(err)
	}
	np := g.NodePool[0]
	if g.SessionTimeout != 15 || g.ScalingUsageThreshold != 85 || g.AuthMode != "App" || g.OfficeSiteID == "" ||
		len(g.Tags) != 1 || g.Tags[0].Scope != "Custom" || np.MaxIdleAppInstanceAmount != 3 || np.ScalingUsageThreshold != 70 ||
		!np.WarmUp || np.RecurrenceSchedules[0].TimerPeriods[0].Amount != 2 || g.OtaInfo.TaskID != "ota-1" {
		t.Fatalf("decoded %+v", g)
	}
	q := fs.last("GetAppInstanceGroup").Query
	if q.Get("AppInstanceGroupId") != "aig-1" || q.Get("ProductType") != "CloudApp" || q.Get("SignatureVersion") != "1.0" {
		t.Fatalf("query = %v", q)
	}
}

func TestApproveOtaTaskCodeInBody(t *testing.T) {
	fs := newFake(t, func(w http.ResponseWriter, r *http.Request, c captured, n int) {
		writeJSON(w, 200, map[string]any{"RequestId": "RID-A", "Code": "OtaTask.Running", "Message": "task running"})
	})
	err := testClient(t, fs.URL).ApproveOtaTask(context.Background(), ApproveOtaTaskInput{AppInstanceGroupID: "aig-1", TaskID: "t", StartTime: "2025-01-01T00:00:00Z", BizRegionID: "cn-shanghai"})
	if ErrorCode(err) != "OtaTask.Running" || fs.n("ApproveOtaTask") != 1 {
		t.Fatalf("err = %v", err)
	}
	b := fs.last("ApproveOtaTask").Body
	if b.Get("TaskId") != "t" || b.Get("OtaType") != "Fota" {
		t.Fatalf("body = %v", b)
	}
}

func intp(v int) *int    { return &v }
func boolp(v bool) *bool { return &v }

func jsonParam(t *testing.T, s string) map[string]any {
	t.Helper()
	m := map[string]any{}
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatalf("not JSON: %q: %v", s, err)
	}
	return m
}
