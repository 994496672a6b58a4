package emulator

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// signedCall sends a V2-signed RPC call (query: common parameters, body:
// the action's parameters) and decodes the answer. Empty ak: anonymous.
func signedCall(t *testing.T, h http.Handler, version, action, ak, secret, token string, kv ...string) (int, map[string]any) {
	t.Helper()
	q := url.Values{"Action": {action}, "Version": {version}, "Format": {"JSON"},
		"Timestamp": {time.Now().UTC().Format("2006-01-02T15:04:05Z")}}
	if ak != "" {
		q.Set("AccessKeyId", ak)
		q.Set("SignatureMethod", "HMAC-SHA1")
		q.Set("SignatureVersion", "1.0")
		q.Set("SignatureNonce", randomToken("n", 12))
		if token != "" {
			q.Set("SecurityToken", token)
		}
	}
	form := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		form.Set(kv[i], kv[i+1])
	}
	if ak != "" {
		merged := url.Values{}
		for k, v := range q {
			merged[k] = v
		}
		for k, v := range form {
			merged[k] = v
		}
		q.Set("Signature", SignV2("POST", merged, secret))
	}
	req := httptest.NewRequest("POST", "/?"+q.Encode(), strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var m map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &m); err != nil {
		t.Fatalf("%s: bad JSON %q", action, rec.Body.String())
	}
	return rec.Code, m
}

func stsEmu(o Options) (*Emulator, *ManualClock) {
	clk := NewManualClock(time.Now().UTC().Truncate(time.Second))
	o.Clock = clk
	return New(o), clk
}

func assume(t *testing.T, e *Emulator, kv ...string) (int, map[string]any) {
	t.Helper()
	return signedCall(t, e, STSVersion, "AssumeRole", DefaultAccessKeyID, DefaultAccessKeySecret, "", kv...)
}

func creds(t *testing.T, m map[string]any) (ak, secret, token string, exp time.Time) {
	t.Helper()
	c, ok := m["Credentials"].(map[string]any)
	if !ok {
		t.Fatalf("no Credentials in %v", m)
	}
	exp, err := time.Parse("2006-01-02T15:04:05Z", c["Expiration"].(string))
	if err != nil {
		t.Fatalf("Expiration %v: %v", c["Expiration"], err)
	}
	return c["AccessKeyId"].(string), c["AccessKeySecret"].(string), c["SecurityToken"].(string), exp
}

func TestSTSAssumeRoleCredentialsWorkUntilExpiration(t *testing.T) {
	e, clk := stsEmu(Options{})
	st, m := assume(t, e, "RoleArn", DefaultRoleARN, "RoleSessionName", "tf-run", "DurationSeconds", "900")
	if st != 200 {
		t.Fatalf("AssumeRole: %d %v", st, m)
	}
	ak, secret, token, exp := creds(t, m)
	if !strings.HasPrefix(ak, "STS.") || !strings.HasPrefix(token, "CAIS") {
		t.Errorf("temporary key %q / token prefix not STS-like", ak)
	}
	if want := clk.Now().Add(900 * time.Second); !exp.Equal(want) {
		t.Errorf("Expiration = %s, want emulator now + 900s = %s", exp, want)
	}
	user := m["AssumedRoleUser"].(map[string]any)
	if user["Arn"] != "acs:ram::"+AccountID+":assumed-role/terraform/tf-run" {
		t.Errorf("AssumedRoleUser.Arn = %v", user["Arn"])
	}

	if st, m := signedCall(t, e, APIVersion, "ListRegions", ak, secret, token); st != 200 {
		t.Fatalf("ListRegions with the temporary key: %d %v", st, m)
	}
	if st, m := signedCall(t, e, APIVersion, "ListRegions", ak, secret, ""); st != 400 || m["Code"] != "InvalidSecurityToken.MismatchWithAccessKey" {
		t.Errorf("temporary key without its token: %d %v", st, m["Code"])
	}
	if st, m := signedCall(t, e, STSVersion, "GetCallerIdentity", ak, secret, token); st != 200 || m["IdentityType"] != "AssumedRoleUser" {
		t.Errorf("GetCallerIdentity: %d %v", st, m)
	}
	// Only verified App Streaming calls count: ListRegions, not the refused
	// call and not GetCallerIdentity (STS).
	if got := e.KeyCalls()[ak]; got != 1 {
		t.Errorf("KeyCalls[%s] = %d, want 1", ak, got)
	}

	clk.Advance(899 * time.Second)
	if st, m := signedCall(t, e, APIVersion, "ListRegions", ak, secret, token); st != 200 {
		t.Fatalf("one second before Expiration: %d %v", st, m)
	}
	clk.Advance(time.Second)
	st, m = signedCall(t, e, APIVersion, "ListRegions", ak, secret, token)
	if st != 400 || m["Code"] != "InvalidSecurityToken.Expired" {
		t.Fatalf("at Expiration: %d %v, want 400 InvalidSecurityToken.Expired", st, m)
	}
	if n := len(e.IssuedCredentials()); n != 1 {
		t.Errorf("issued %d credentials, want 1", n)
	}
	if s := e.Stats().Actions["AssumeRole"]; s.OK != 1 {
		t.Errorf("AssumeRole stats %+v", s)
	}
	e.Reset()
	clk.Set(exp.Add(-time.Minute))
	if st, m := signedCall(t, e, APIVersion, "ListRegions", ak, secret, token); st != 404 || m["Code"] != "InvalidAccessKeyId.NotFound" {
		t.Errorf("after Reset the temporary key is gone: %d %v", st, m["Code"])
	}
	if len(e.IssuedCredentials()) != 0 || len(e.KeyCalls()) != 0 {
		t.Errorf("Reset kept STS records")
	}
}

func TestSTSAssumeRoleRefusals(t *testing.T) {
	e, _ := stsEmu(Options{
		Roles: []Role{
			{ARN: DefaultRoleARN, MaxSessionDuration: 3600},
			{ARN: "acs:ram::" + AccountID + ":role/partner", ExternalID: "abc-123"},
			{ARN: "acs:ram::" + AccountID + ":role/other", TrustedAccessKeys: []string{"LTAI-someone-else"}},
		},
	})
	cases := []struct {
		name   string
		kv     []string
		status int
		code   string
	}{
		{"missing role", []string{"RoleSessionName", "s1"}, 400, "MissingParameter.RoleArn"},
		{"malformed role", []string{"RoleArn", "arn:aws:iam::1:role/x", "RoleSessionName", "s1"}, 400, "InvalidParameter.RoleArn"},
		{"unknown role", []string{"RoleArn", "acs:ram::" + AccountID + ":role/nope", "RoleSessionName", "s1"}, 404, "EntityNotExist.Role"},
		{"missing session", []string{"RoleArn", DefaultRoleARN}, 400, "MissingParameter.RoleSessionName"},
		{"bad session", []string{"RoleArn", DefaultRoleARN, "RoleSessionName", "a b"}, 400, "InvalidParameter.RoleSessionName"},
		{"too short", []string{"RoleArn", DefaultRoleARN, "RoleSessionName", "s1", "DurationSeconds", "899"}, 400, "InvalidParameter.DurationSeconds"},
		{"over the role maximum", []string{"RoleArn", DefaultRoleARN, "RoleSessionName", "s1", "DurationSeconds", "3601"}, 400, "InvalidParameter.DurationSeconds"},
		{"bad policy", []string{"RoleArn", DefaultRoleARN, "RoleSessionName", "s1", "Policy", "{not json"}, 400, "InvalidParameter.PolicyGrammar"},
		{"external id missing", []string{"RoleArn", "acs:ram::" + AccountID + ":role/partner", "RoleSessionName", "s1"}, 403, "NoPermission"},
		{"external id wrong", []string{"RoleArn", "acs:ram::" + AccountID + ":role/partner", "RoleSessionName", "s1", "ExternalId", "abc-124"}, 403, "NoPermission"},
		{"caller not trusted", []string{"RoleArn", "acs:ram::" + AccountID + ":role/other", "RoleSessionName", "s1"}, 403, "NoPermission"},
	}
	for _, c := range cases {
		st, m := assume(t, e, c.kv...)
		if st != c.status || m["Code"] != c.code {
			t.Errorf("%s: %d %v, want %d %s", c.name, st, m["Code"], c.status, c.code)
		}
	}
	st, m := assume(t, e, "RoleArn", "acs:ram::"+AccountID+":role/partner", "RoleSessionName", "s1", "ExternalId", "abc-123",
		"Policy", `{"Version":"1","Statement":[{"Effect":"Allow","Action":"appstream-center:*","Resource":"*"}]}`)
	if st != 200 {
		t.Fatalf("with the external ID and a session policy: %d %v", st, m)
	}
	// Signature rules are the same as for App Streaming.
	st, m = signedCall(t, e, STSVersion, "AssumeRole", DefaultAccessKeyID, "wrong-secret", "", "RoleArn", DefaultRoleARN, "RoleSessionName", "s1")
	if st != 400 || m["Code"] != "SignatureDoesNotMatch" {
		t.Errorf("wrong secret: %d %v", st, m["Code"])
	}
	st, m = signedCall(t, e, STSVersion, "AssumeRole", "", "", "", "RoleArn", DefaultRoleARN, "RoleSessionName", "s1")
	if st != 400 || m["Code"] != "MissingParameter" {
		t.Errorf("unsigned AssumeRole: %d %v", st, m)
	}
	if n := len(e.IssuedCredentials()); n != 1 {
		t.Errorf("issued %d credentials, want 1 (only the valid request)", n)
	}
}

// jwt builds an unsigned-but-well-formed JWT (the emulator has no JWKS).
func jwt(claims map[string]any) string {
	h := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"RS256","typ":"JWT","kid":"k1"}`))
	b, _ := json.Marshal(claims)
	return h + "." + base64.RawURLEncoding.EncodeToString(b) + "." + base64.RawURLEncoding.EncodeToString([]byte("signature"))
}

// TFCToken is a token shaped like a Terraform Cloud workload identity token.
func tfcToken(now time.Time, ttl time.Duration) string {
	return jwt(map[string]any{
		"iss": DefaultOIDCIssuer, "aud": "aliyun.tfc.workload.identity",
		"sub": "organization:acme:project:Default:workspace:appstreaming:run_phase:apply",
		"iat": now.Unix(), "nbf": now.Unix(), "exp": now.Add(ttl).Unix(),
	})
}

func oidc(t *testing.T, e *Emulator, kv ...string) (int, map[string]any) {
	t.Helper()
	return signedCall(t, e, STSVersion, "AssumeRoleWithOIDC", "", "", "", kv...)
}

func TestSTSAssumeRoleWithOIDCIsAnonymousAndChecksTheToken(t *testing.T) {
	e, clk := stsEmu(Options{})
	good := tfcToken(clk.Now(), time.Hour)
	base := []string{"OIDCProviderArn", DefaultOIDCProviderARN, "RoleArn", DefaultRoleARN, "RoleSessionName", "tfc"}
	st, m := oidc(t, e, append(base, "OIDCToken", good, "DurationSeconds", "900")...)
	if st != 200 {
		t.Fatalf("AssumeRoleWithOIDC: %d %v", st, m)
	}
	ak, secret, token, _ := creds(t, m)
	if info := m["OIDCTokenInfo"].(map[string]any); info["Issuer"] != DefaultOIDCIssuer || !strings.HasPrefix(info["Subject"].(string), "organization:acme") {
		t.Errorf("OIDCTokenInfo %v", info)
	}
	if st, m := signedCall(t, e, APIVersion, "ListRegions", ak, secret, token); st != 200 {
		t.Fatalf("ListRegions with OIDC credentials: %d %v", st, m)
	}

	if err := e.PutOIDCProvider(OIDCProvider{ARN: "acs:ram::" + AccountID + ":oidc-provider/strict", IssuerURL: DefaultOIDCIssuer, ClientIDs: []string{"sts.aliyuncs.com"}}); err != nil {
		t.Fatal(err)
	}
	bad := map[string][]string{
		"AuthenticationFail.OIDCToken.Expired":       {"OIDCToken", tfcToken(clk.Now().Add(-2*time.Hour), time.Hour)},
		"AuthenticationFail.OIDCToken.Invalid":       {"OIDCToken", "not-a-jwt"},
		"InvalidParameter.OIDCToken":                 {"OIDCToken", "abc"},
		"AuthenticationFail.OIDCToken.IssuerError":   {"OIDCToken", jwt(map[string]any{"iss": "https://evil.example", "exp": clk.Now().Add(time.Hour).Unix()})},
		"MissingParameter.OIDCToken":                 {},
		"EntityNotExist.OIDCProvider":                {"OIDCToken", good, "OIDCProviderArn", "acs:ram::" + AccountID + ":oidc-provider/none"},
		"InvalidParameter.OIDCProviderArn":           {"OIDCToken", good, "OIDCProviderArn", "terraform-cloud"},
		"AuthenticationFail.OIDCToken.AudienceError": {"OIDCToken", good, "OIDCProviderArn", "acs:ram::" + AccountID + ":oidc-provider/strict"},
	}
	for code, kv := range bad {
		args := map[string]string{}
		for i := 0; i+1 < len(base); i += 2 {
			args[base[i]] = base[i+1]
		}
		for i := 0; i+1 < len(kv); i += 2 {
			args[kv[i]] = kv[i+1]
		}
		var flat []string
		for k, v := range args {
			flat = append(flat, k, v)
		}
		st, m := oidc(t, e, flat...)
		if st == 200 || m["Code"] != code {
			t.Errorf("want %s, got %d %v", code, st, m["Code"])
		}
	}
	// A role that does not trust the provider.
	if err := e.PutRole(Role{ARN: "acs:ram::" + AccountID + ":role/no-oidc"}); err != nil {
		t.Fatal(err)
	}
	st, m = oidc(t, e, "OIDCProviderArn", DefaultOIDCProviderARN, "RoleArn", "acs:ram::"+AccountID+":role/no-oidc", "RoleSessionName", "tfc", "OIDCToken", good)
	if st != 403 || m["Code"] != "NoPermission" {
		t.Errorf("untrusted provider: %d %v", st, m["Code"])
	}
	if s := e.Stats().Actions["AssumeRoleWithOIDC"]; s.OK != 1 || s.Errors != len(bad)+1 {
		t.Errorf("stats %+v", s)
	}
}

func TestSTSAdminAPIConfiguresRoles(t *testing.T) {
	e, _ := stsEmu(Options{})
	st, _ := adminReq(t, e, "POST", "/_emulator/sts/roles", `{"arn":"acs:ram::`+AccountID+`:role/ci","max_session_duration":7200,"external_id":"x-1"}`)
	if st != 200 {
		t.Fatalf("POST role: %d", st)
	}
	if st, _ := adminReq(t, e, "POST", "/_emulator/sts/roles", `{"arn":"ci"}`); st != 400 {
		t.Errorf("malformed role ARN accepted: %d", st)
	}
	if st, m := assume(t, e, "RoleArn", "acs:ram::"+AccountID+":role/ci", "RoleSessionName", "s1", "ExternalId", "x-1", "DurationSeconds", "7200"); st != 200 {
		t.Fatalf("assume the admin-configured role: %d %v", st, m)
	}
	req := httptest.NewRequest("GET", "/_emulator/sts/credentials", nil)
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, req)
	var issued []map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &issued); err != nil || len(issued) != 1 {
		t.Fatalf("issued credentials: %v %s", err, rec.Body.String())
	}
	if strings.Contains(rec.Body.String(), "CAIS") {
		t.Errorf("the admin API shows a security token: %s", rec.Body.String())
	}
}

func TestServerAnswersTLSAndPlainHTTPOnOnePort(t *testing.T) {
	srv := NewServer(Options{SkipSignature: true})
	defer srv.Close()
	caPEM, err := LoopbackCAPEM()
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(caPEM) {
		t.Fatal("CA PEM does not parse")
	}
	post := func(c *http.Client, base string) (int, string) {
		resp, err := c.Post(base+"/?Action=GetCallerIdentity&Version="+STSVersion, "application/x-www-form-urlencoded", nil)
		if err != nil {
			t.Fatalf("%s: %v", base, err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	tlsClient := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	if st, body := post(tlsClient, srv.TLSURL()); st != 200 || !strings.Contains(body, AccountID) {
		t.Errorf("over TLS: %d %s", st, body)
	}
	if st, body := post(http.DefaultClient, srv.URL); st != 200 || !strings.Contains(body, AccountID) {
		t.Errorf("plain HTTP: %d %s", st, body)
	}
	// Without the CA the certificate is not trusted.
	if _, err := (&http.Client{}).Post(srv.TLSURL()+"/", "text/plain", nil); err == nil || !strings.Contains(fmt.Sprint(err), "certificate") {
		t.Errorf("an untrusted client connected: %v", err)
	}
	if got := srv.Stats().Actions["GetCallerIdentity"].OK; got != 2 {
		t.Errorf("GetCallerIdentity OK = %d, want 2", got)
	}
}
