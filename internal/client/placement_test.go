package client

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

func okServer(t *testing.T) *fakeServer {
	return newFake(t, func(w http.ResponseWriter, r *http.Request, c captured, n int) {
		writeJSON(w, 200, map[string]any{"RequestId": "RID-OK", "AppInstanceGroupModels": []any{}})
	})
}

func TestPlacementModifyAppPolicy(t *testing.T) {
	fs := okServer(t)
	err := testClient(t, fs.URL).ModifyAppPolicy(context.Background(), "pg-1", &VideoPolicy{FrameRate: intp(60), Webrtc: boolp(false), StreamingMode: "video"})
	if err != nil {
		t.Fatal(err)
	}
	c := fs.last("ModifyAppPolicy")
	if len(c.Body) != 0 || c.Query.Get("AppPolicyId") != "pg-1" || c.Query.Get("ProductType") != "CloudApp" {
		t.Fatalf("query=%v body=%v", c.Query, c.Body)
	}
	vp := jsonParam(t, c.Query.Get("VideoPolicy"))
	if vp["FrameRate"] != float64(60) || vp["Webrtc"] != false || vp["StreamingMode"] != "video" || len(vp) != 3 {
		t.Fatalf("VideoPolicy = %v (explicit false must be kept, unset omitted)", vp)
	}
}

func TestPlacementListAppInstanceGroup(t *testing.T) {
	fs := okServer(t)
	_, err := testClient(t, fs.URL).ListAppInstanceGroups(context.Background(), ListAppInstanceGroupsInput{
		Status: []string{"PUBLISHED", "FAILED"}, Tags: []Tag{{Key: "env", Value: "a b"}}, BizRegionID: "cn-shanghai", PageSize: 10, UserGroupIDs: []string{"ug-1"},
	})
	if err != nil {
		t.Fatal(err)
	}
	c := fs.last("ListAppInstanceGroup")
	if c.Body.Get("Status.1") != "PUBLISHED" || c.Body.Get("Status.2") != "FAILED" || c.Query.Get("Status.1") != "" || c.Body.Get("UserGroupIds.1") != "ug-1" {
		t.Fatalf("Status not in body: query=%v body=%v", c.Query, c.Body)
	}
	if c.Query.Get("Tag.1.Key") != "env" || c.Query.Get("Tag.1.Value") != "a b" || c.Body.Get("Tag.1.Key") != "" {
		t.Fatalf("Tag not in query: query=%v body=%v", c.Query, c.Body)
	}
	if c.Query.Get("PageSize") != "10" || c.Query.Get("BizRegionId") != "cn-shanghai" || c.Query.Get("PageNumber") != "" {
		t.Fatalf("query=%v", c.Query)
	}
}

func TestPlacementAuthorizeInstanceGroup(t *testing.T) {
	fs := okServer(t)
	c := testClient(t, fs.URL)
	err := c.AuthorizeInstanceGroup(context.Background(), AuthorizeInstanceGroupInput{AppInstanceGroupID: "aig-1",
		AuthorizeUserIDs: []string{"alice", "bob"}, AuthorizeUserGroupIDs: []string{"ug-1"}, UserMeta: &UserMeta{Type: "ad", AdDomain: "example.com"}})
	if err != nil {
		t.Fatal(err)
	}
	r := fs.last("AuthorizeInstanceGroup")
	um := jsonParam(t, r.Body.Get("UserMeta"))
	if um["Type"] != "ad" || um["AdDomain"] != "example.com" || r.Body.Get("AuthorizeUserIds.2") != "bob" || r.Body.Get("AuthorizeUserGroupIds.1") != "ug-1" || r.Query.Get("UserMeta") != "" {
		t.Fatalf("query=%v body=%v", r.Query, r.Body)
	}
	// Users only: the typed SDK1 method, same wire shape.
	if err := c.AuthorizeInstanceGroup(context.Background(), AuthorizeInstanceGroupInput{AppInstanceGroupID: "aig-1", UnAuthorizeUserIDs: []string{"carol"}}); err != nil {
		t.Fatal(err)
	}
	r = fs.last("AuthorizeInstanceGroup")
	if r.Body.Get("UnAuthorizeUserIds.1") != "carol" || r.Body.Get("AppInstanceGroupId") != "aig-1" || r.Body.Get("ProductType") != "CloudApp" {
		t.Fatalf("typed body=%v", r.Body)
	}
}

func TestPlacementCreate(t *testing.T) {
	fs := newFake(t, func(w http.ResponseWriter, r *http.Request, c captured, n int) {
		writeJSON(w, 200, map[string]any{"RequestId": "R", "AppInstanceGroupModels": []any{}, "AppInstanceGroupModel": map[string]any{"AppInstanceGroupId": "aig-9", "OrderId": 123}})
	})
	out, err := testClient(t, fs.URL).CreateAppInstanceGroup(context.Background(), CreateAppInstanceGroupInput{
		AppInstanceGroupName: "n", AppPolicyID: "pg-1", AutoPay: boolp(false), SessionTimeout: intp(-1), Users: []string{"alice"}, UserGroupIDs: []string{"ug-1"},
		NodePool: &NodePoolStrategy{StrategyType: "NODE_SCALING_BY_USAGE", NodeAmount: intp(0), ScalingUsageThreshold: intp(85), WarmUp: boolp(false),
			RecurrenceSchedules: []RecurrenceSchedule{{RecurrenceType: "weekly", RecurrenceValues: []int{1, 2}}}},
		UserDefinePolicy: &UserDefinePolicy{CustomConfig: `[{"target":"agent"}]`}, VideoPolicy: &VideoPolicy{Webrtc: boolp(true)},
	})
	if err != nil || out.OrderID != "123" {
		t.Fatalf("out=%+v err=%v", out, err)
	}
	r := fs.last("CreateAppInstanceGroup")
	np := jsonParam(t, r.Body.Get("NodePool"))
	if np["ScalingUsageThreshold"] != "85" || np["NodeAmount"] != float64(0) || np["WarmUp"] != false || np["MaxScalingAmount"] != nil {
		t.Fatalf("NodePool = %v", np)
	}
	udp := jsonParam(t, r.Query.Get("UserDefinePolicy"))
	if udp["CustomConfig"] != `[{"target":"agent"}]` || r.Body.Get("UserDefinePolicy") != "" {
		t.Fatalf("UserDefinePolicy query=%v", r.Query)
	}
	if r.Body.Get("AutoPay") != "false" || r.Body.Get("SessionTimeout") != "-1" || r.Body.Get("Users.1") != "alice" || r.Body.Get("UserGroupIds.1") != "ug-1" ||
		r.Body.Get("AppPolicyId") != "pg-1" || r.Body.Get("ProductType") != "CloudApp" || jsonParam(t, r.Body.Get("VideoPolicy"))["Webrtc"] != true {
		t.Fatalf("body=%v", r.Body)
	}
}

func TestPlacementModifyAttributeAndNodePool(t *testing.T) {
	fs := okServer(t)
	c := testClient(t, fs.URL)
	err := c.ModifyAppInstanceGroupAttribute(context.Background(), ModifyAppInstanceGroupAttributeInput{AppInstanceGroupID: "aig-1",
		NodePoolID: "rg-1", NodeCapacity: intp(2), SessionTimeout: intp(30), SecurityPolicy: &SecurityPolicy{SkipUserAuthCheck: boolp(false)}})
	if err != nil {
		t.Fatal(err)
	}
	r := fs.last("ModifyAppInstanceGroupAttribute")
	if jsonParam(t, r.Query.Get("NodePool"))["NodeCapacity"] != float64(2) || r.Query.Get("SessionTimeout") != "30" || jsonParam(t, r.Body.Get("SecurityPolicy"))["SkipUserAuthCheck"] != false {
		t.Fatalf("query=%v body=%v", r.Query, r.Body)
	}
	// Typed path (no MaxIdle) and CallApi path (MaxIdle) put the strategy in the body alike.
	for _, st := range []*NodePoolStrategy{{StrategyType: "NODE_FIXED", NodeAmount: intp(2)}, {StrategyType: "NODE_SCALING_BY_USAGE", MaxIdleAppInstanceAmount: intp(4), ScalingUsageThreshold: intp(60)}} {
		if err := c.ModifyNodePoolAttribute(context.Background(), ModifyNodePoolAttributeInput{PoolID: "rg-1", Strategy: st}); err != nil {
			t.Fatal(err)
		}
		r = fs.last("ModifyNodePoolAttribute")
		m := jsonParam(t, r.Body.Get("NodePoolStrategy"))
		if m["StrategyType"] != st.StrategyType || r.Body.Get("PoolId") != "rg-1" {
			t.Fatalf("body=%v", r.Body)
		}
		if st.MaxIdleAppInstanceAmount != nil && (m["MaxIdleAppInstanceAmount"] != float64(4) || m["ScalingUsageThreshold"] != "60") {
			t.Fatalf("strategy=%v", m)
		}
	}
}

func TestModifyReturns200CodeError(t *testing.T) {
	fs := newFake(t, func(w http.ResponseWriter, r *http.Request, c captured, n int) {
		writeJSON(w, 200, map[string]any{"RequestId": "R2", "Code": "InvalidParameter.SessionTimeout", "Message": "bad"})
	})
	err := testClient(t, fs.URL).ModifyAppInstanceGroupAttribute(context.Background(), ModifyAppInstanceGroupAttributeInput{AppInstanceGroupID: "aig-1", SessionTimeout: intp(1)})
	if !IsInvalidParameter(err) {
		t.Fatalf("err = %v", err)
	}
}

func TestEndpointRules(t *testing.T) {
	ok := map[string][2]string{
		"": {DefaultEndpoint, "HTTPS"}, "http://127.0.0.1:8090": {"127.0.0.1:8090", "HTTP"}, "http://localhost:1": {"localhost:1", "HTTP"},
		"http://[::1]:80": {"[::1]:80", "HTTP"}, "https://example.com": {"example.com", "HTTPS"}, "host.example:8443": {"host.example:8443", "HTTPS"},
		"http://127.8.9.1": {"127.8.9.1", "HTTP"},
	}
	for in, want := range ok {
		h, p, err := parseEndpoint(in)
		if err != nil || h != want[0] || p != want[1] {
			t.Errorf("parseEndpoint(%q) = %q %q %v", in, h, p, err)
		}
	}
	for _, bad := range []string{"http://example.com", "http://10.0.0.1:80", "http://128.0.0.1", "ftp://x", "https://x/path"} {
		if _, err := New(Config{Endpoint: bad, Credential: staticCred("a", "b", "")}); err == nil {
			t.Errorf("New(%q) accepted", bad)
		} else if strings.HasPrefix(bad, "http://") && !strings.Contains(bad, "path") && !strings.Contains(err.Error(), "loopback") {
			t.Errorf("error for %q does not explain the loopback rule: %v", bad, err)
		}
	}
}

func clearCredEnv(t *testing.T) {
	for _, k := range []string{"ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_SECURITY_TOKEN", "ALICLOUD_ACCESS_KEY",
		"ALICLOUD_SECRET_KEY", "ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "ALIBABA_CLOUD_ROLE_ARN", "ALIBABA_CLOUD_OIDC_TOKEN_FILE", "ALIBABA_CLOUD_PROFILE",
		"ALIBABA_CLOUD_CONFIG_FILE", "ALIBABA_CLOUD_CREDENTIALS_FILE", "ALIBABA_CLOUD_CREDENTIALS_URI"} {
		t.Setenv(k, "")
		os.Unsetenv(k)
	}
	t.Setenv("HOME", t.TempDir())
	oldAddr, oldTO := ecsMetadataAddr, ecsProbeTimeout
	ecsMetadataAddr, ecsProbeTimeout = "127.0.0.1:1", 200*time.Millisecond
	t.Cleanup(func() { ecsMetadataAddr, ecsProbeTimeout = oldAddr, oldTO })
}

func TestResolveCredential(t *testing.T) {
	clearCredEnv(t)
	cred, err := ResolveCredential(CredentialConfig{AccessKey: "AK", SecretKey: "SK"})
	if err != nil {
		t.Fatal(err)
	}
	m, err := cred.GetCredential()
	if err != nil || *m.AccessKeyId != "AK" || *m.AccessKeySecret != "SK" || (m.SecurityToken != nil && *m.SecurityToken != "") {
		t.Fatalf("static: %+v %v", m, err)
	}
	cred, _ = ResolveCredential(CredentialConfig{AccessKey: "AK", SecretKey: "SK", SecurityToken: "TOK"})
	if m, _ = cred.GetCredential(); *m.SecurityToken != "TOK" {
		t.Fatalf("sts: %+v", m)
	}
	if _, err := ResolveCredential(CredentialConfig{AccessKey: "AK"}); err == nil {
		t.Fatal("half a key pair accepted")
	}
	// Role assumption happens during resolution (so a bad role is a
	// configure-time error on the setting); an unreachable STS is reported
	// without the signed request URL.
	for block, cc := range map[string]CredentialConfig{
		"assume_role": {AccessKey: "AK", SecretKey: "SK", STSEndpoint: "127.0.0.1:1",
			AssumeRole: &AssumeRoleConfig{RoleARN: "acs:ram::1:role/x"}},
		"assume_role_with_oidc": {STSEndpoint: "127.0.0.1:1", AssumeRoleWithOIDC: &OIDCConfig{
			RoleARN: "acs:ram::1:role/x", OIDCProviderARN: "acs:ram::1:oidc-provider/y", OIDCToken: "TOKEN-XYZ"}},
	} {
		_, err := ResolveCredential(cc)
		var ce *CredentialError
		if !errors.As(err, &ce) || ce.Setting != block || !strings.Contains(err.Error(), "127.0.0.1:1") {
			t.Errorf("%s: %v", block, err)
		}
		if err != nil && (strings.Contains(err.Error(), "Signature") || strings.Contains(err.Error(), "AccessKeyId") || strings.Contains(err.Error(), "TOKEN-XYZ")) {
			t.Errorf("%s: the error quotes the request: %v", block, err)
		}
	}
}

func TestResolveCredentialNone(t *testing.T) {
	clearCredEnv(t)
	start := time.Now()
	_, err := ResolveCredential(CredentialConfig{})
	if !errors.Is(err, ErrNoCredentials) {
		t.Fatalf("err = %v", err)
	}
	if time.Since(start) > 2*time.Second {
		t.Fatalf("resolution blocked for %s", time.Since(start))
	}
	for _, want := range []string{"access_key/secret_key", "ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALICLOUD_ACCESS_KEY",
		"ALICLOUD_SECRET_KEY", "profile", "shared_credentials_file", "assume_role", "assume_role_with_oidc", "TFC_WORKLOAD_IDENTITY_TOKEN", "ECS", "RAM role"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message lacks %q: %s", want, err)
		}
	}
}

func TestResolveCredentialEnvFallback(t *testing.T) {
	clearCredEnv(t)
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", "ENVAK")
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ENVSK")
	cred, err := ResolveCredential(CredentialConfig{})
	if err != nil {
		t.Fatal(err)
	}
	if m, _ := cred.GetCredential(); *m.AccessKeyId != "ENVAK" {
		t.Fatalf("%+v", m)
	}
}

func TestResolveCredentialProfile(t *testing.T) {
	clearCredEnv(t)
	file := filepath.Join(t.TempDir(), "config.json")
	conf := `{"current":"default","profiles":[{"name":"default","mode":"AK","access_key_id":"DEFAK","access_key_secret":"DEFSK"},
	{"name":"dev","mode":"StsToken","access_key_id":"DEVAK","access_key_secret":"DEVSK","sts_token":"DEVTOK"}]}`
	if err := os.WriteFile(file, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	cred, err := ResolveCredential(CredentialConfig{Profile: "dev", SharedCredentialsFile: file})
	if err != nil {
		t.Fatal(err)
	}
	if m, _ := cred.GetCredential(); *m.AccessKeyId != "DEVAK" || *m.SecurityToken != "DEVTOK" {
		t.Fatalf("%+v", m)
	}
	cred, err = ResolveCredential(CredentialConfig{SharedCredentialsFile: file})
	if err != nil {
		t.Fatal(err)
	}
	if m, _ := cred.GetCredential(); *m.AccessKeyId != "DEFAK" {
		t.Fatalf("%+v", m)
	}
	if _, err := ResolveCredential(CredentialConfig{Profile: "nope", SharedCredentialsFile: file}); err == nil {
		t.Fatal("unknown profile accepted")
	}
}

func TestLogsNeverContainSecrets(t *testing.T) {
	var buf bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &buf)
	fs := newFake(t, func(w http.ResponseWriter, r *http.Request, c captured, n int) {
		if c.Query.Get("SecurityToken") != "TOKEN-XYZ" || c.Query.Get("Signature") == "" {
			t.Errorf("server did not get STS-signed request: %v", c.Query)
		}
		if n == 1 {
			writeErr(w, 400, "Throttling.User", "slow")
			return
		}
		getOK(w, "aig-1")
	})
	c := testClient(t, fs.URL, func(cfg *Config) { cfg.Credential = staticCred("AKID-LOG", "SECRET-XYZ", "TOKEN-XYZ") })
	if _, err := c.GetAppInstanceGroup(ctx, "aig-1"); err != nil {
		t.Fatal(err)
	}
	_ = c.ModifyAppPolicy(ctx, "pg-1", &VideoPolicy{FrameRate: intp(30)})
	_ = c.DeleteAppInstanceGroup(ctx, "aig-1")
	// A transport failure whose error text would carry the signed URL.
	bad := testClient(t, "http://127.0.0.1:1", func(cfg *Config) {
		cfg.Credential = staticCred("AKID-LOG", "SECRET-XYZ", "TOKEN-XYZ")
		cfg.MaxRetries = intp(1)
	})
	_, _ = bad.GetAppInstanceGroup(ctx, "aig-1")
	out := buf.String()
	sigs := []string{}
	fs.mu.Lock()
	for _, r := range fs.reqs {
		sigs = append(sigs, r.Query.Get("Signature"))
	}
	fs.mu.Unlock()
	for _, secret := range append([]string{"SECRET-XYZ", "TOKEN-XYZ", "Signature="}, sigs...) {
		if secret != "" && strings.Contains(out, secret) {
			t.Fatalf("log contains %q:\n%s", secret, out)
		}
	}
	for _, want := range []string{`"action":"GetAppInstanceGroup"`, `"attempt":2`, `"action":"ModifyAppPolicy"`, `"action":"DeleteAppInstanceGroup"`, `"request_id":"RID-OK"`, `"error_code":"Throttling.User"`} {
		if !strings.Contains(out, want) {
			t.Fatalf("log lacks %s:\n%s", want, out)
		}
	}
}

func TestWaitForGroupStatus(t *testing.T) {
	fs := newFake(t, func(w http.ResponseWriter, r *http.Request, c captured, n int) {
		st := "DEPLOYING"
		if n >= 3 && c.Query.Get("AppInstanceGroupId") == "aig-1" {
			st = "PUBLISHED"
		}
		if c.Query.Get("AppInstanceGroupId") == "aig-bad" {
			st = "FAILED"
		}
		if c.Query.Get("AppInstanceGroupId") == "aig-gone" && n >= 2 {
			writeErr(w, 400, "InvalidAppInstanceGroup.NotFound", "gone")
			return
		}
		writeJSON(w, 200, map[string]any{"RequestId": "R", "AppInstanceGroupModels": groupJSON(c.Query.Get("AppInstanceGroupId"), "g", st)})
	})
	c := testClient(t, fs.URL)
	g, err := c.WaitForGroupStatus(context.Background(), "aig-1", []GroupStatus{GroupPublished}, []GroupStatus{GroupDeploying}, 5*time.Second)
	if err != nil || g.Status != "PUBLISHED" {
		t.Fatalf("g=%v err=%v", g, err)
	}
	_, err = c.WaitForGroupStatus(context.Background(), "aig-bad", []GroupStatus{GroupPublished}, []GroupStatus{GroupDeploying}, 5*time.Second)
	if err == nil || !strings.Contains(err.Error(), `"FAILED"`) {
		t.Fatalf("err = %v", err)
	}
	if err := c.WaitForGroupDeleted(context.Background(), "aig-gone", 5*time.Second); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = c.WaitForGroupStatus(context.Background(), "aig-slow", []GroupStatus{GroupPublished}, []GroupStatus{GroupDeploying, GroupStatus("PUBLISHED_NEVER")}, 60*time.Millisecond)
	if err == nil || time.Since(start) > 2*time.Second {
		t.Fatalf("timeout not honoured: %v", err)
	}
}
