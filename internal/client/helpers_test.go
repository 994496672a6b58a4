package client

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/aliyun/credentials-go/credentials"
	"github.com/aliyun/credentials-go/credentials/providers"
)

// captured is one request as the fake server saw it.
type captured struct {
	Action string
	Query  url.Values
	Body   url.Values
	Header http.Header
}

type fakeServer struct {
	*httptest.Server
	mu    sync.Mutex
	reqs  []captured
	count map[string]int
}

// handlerFunc answers one request; n is the 1-based count of this action.
type handlerFunc func(w http.ResponseWriter, r *http.Request, c captured, n int)

func newFake(t *testing.T, h handlerFunc) *fakeServer {
	t.Helper()
	fs := &fakeServer{count: map[string]int{}}
	fs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, _ := io.ReadAll(r.Body)
		body, _ := url.ParseQuery(string(raw))
		q := r.URL.Query()
		c := captured{Action: q.Get("Action"), Query: q, Body: body, Header: r.Header.Clone()}
		fs.mu.Lock()
		fs.reqs = append(fs.reqs, c)
		fs.count[c.Action]++
		n := fs.count[c.Action]
		fs.mu.Unlock()
		h(w, r, c, n)
	}))
	t.Cleanup(fs.Close)
	return fs
}

func (fs *fakeServer) n(action string) int {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return fs.count[action]
}

func (fs *fakeServer) last(action string) captured {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	for i := len(fs.reqs) - 1; i >= 0; i-- {
		if fs.reqs[i].Action == action {
			return fs.reqs[i]
		}
	}
	return captured{}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeErr(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, map[string]any{"RequestId": "RID-ERR", "HostId": "appstream-center.aliyuncs.com", "Code": code, "Message": msg,
		"Recommend": "https://api.aliyun.com/troubleshoot?q=" + code})
}

// drop closes the connection without any answer (after the request was read).
func drop(t *testing.T, w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		t.Fatal("no hijacker")
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		t.Fatal(err)
	}
	_ = conn.Close()
}

func staticCred(ak, sk, token string) credentials.Credential {
	if token != "" {
		p, _ := providers.NewStaticSTSCredentialsProviderBuilder().WithAccessKeyId(ak).WithAccessKeySecret(sk).WithSecurityToken(token).Build()
		return credentials.FromCredentialsProvider("sts", p)
	}
	p, _ := providers.NewStaticAKCredentialsProviderBuilder().WithAccessKeyId(ak).WithAccessKeySecret(sk).Build()
	return credentials.FromCredentialsProvider("access_key", p)
}

func testClient(t *testing.T, endpoint string, mod ...func(*Config)) *Client {
	t.Helper()
	cfg := Config{
		Endpoint: endpoint, Credential: staticCred("AKID", "SECRET", ""), RegionID: "cn-shanghai",
		MaxRetries: intp(3), RetryBaseDelay: time.Millisecond, RetryMaxDelay: 5 * time.Millisecond,
		RequestTimeout: 5 * time.Second, ConnectTimeout: 2 * time.Second, PollInterval: 5 * time.Millisecond,
	}
	for _, m := range mod {
		m(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func groupJSON(id, name, status string) map[string]any {
	return map[string]any{
		"AppInstanceGroupId": id, "AppInstanceGroupName": name, "Status": status, "SessionTimeout": "15",
		"ScalingUsageThreshold": "85", "ChargeType": "PostPaid", "AuthMode": "App", "OfficeSiteId": "cn-shanghai+dir-1",
		"Tags": []any{map[string]any{"Key": "env", "Value": "dev", "Scope": "Custom"}},
		"NodePool": []any{map[string]any{"NodePoolId": "rg-1", "NodeCapacity": 2, "MaxIdleAppInstanceAmount": "3",
			"ScalingUsageThreshold": "70", "WarmUp": true, "RecurrenceSchedules": []any{map[string]any{"RecurrenceType": "weekly",
				"RecurrenceValues": []any{1, 2}, "TimerPeriods": []any{map[string]any{"StartTime": "09:00", "EndTime": "12:00", "Amount": 2}}}}}},
		"OtaInfo": map[string]any{"TaskId": "ota-1"},
	}
}
