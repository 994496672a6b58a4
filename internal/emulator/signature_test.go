package emulator_test

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"testing"
	"time"

	appstream "github.com/alibabacloud-go/appstream-center-20210901/client"
	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	util "github.com/alibabacloud-go/tea-utils/v2/service"
	"github.com/alibabacloud-go/tea/tea"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
)

// v2Sign is an independent implementation of api-notes §1.5 for hand-built requests.
func v2Sign(vals url.Values, secret string) string {
	enc := func(s string) string {
		return strings.NewReplacer("+", "%20", "*", "%2A", "%7E", "~").Replace(url.QueryEscape(s))
	}
	keys := make([]string, 0, len(vals))
	for k := range vals {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, enc(k)+"="+enc(vals.Get(k)))
	}
	m := hmac.New(sha1.New, []byte(secret+"&"))
	m.Write([]byte("POST&%2F&" + enc(strings.Join(parts, "&"))))
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}

// handV2 sends a hand-signed V2 request: common params in the query, the
// action's params in the form body.
func handV2(t *testing.T, srvURL, action string, body url.Values, ak, secret, nonce string, ts time.Time, mutate func(q url.Values)) (int, map[string]any) {
	t.Helper()
	q := url.Values{"Action": {action}, "Version": {"2021-09-01"}, "Format": {"json"}, "AccessKeyId": {ak},
		"SignatureMethod": {"HMAC-SHA1"}, "SignatureVersion": {"1.0"}, "SignatureNonce": {nonce}, "Timestamp": {ts.UTC().Format("2006-01-02T15:04:05Z")}}
	all := url.Values{}
	for k, v := range q {
		all[k] = v
	}
	for k, v := range body {
		all[k] = v
	}
	q.Set("Signature", v2Sign(all, secret))
	if mutate != nil {
		mutate(q)
	}
	req, _ := http.NewRequest("POST", srvURL+"/?"+q.Encode(), strings.NewReader(body.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var m map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&m); err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("content type %q", ct)
	}
	return resp.StatusCode, m
}

func TestSignatureWrongSecretThroughSDK(t *testing.T) {
	srv := emulator.NewServer(emulator.Options{})
	defer srv.Close()
	c := newSDK(t, srv, emulator.DefaultAccessKeyID, "not-the-secret")
	_, err := c.ListRegions()
	var se *tea.SDKError
	if !asSDK(err, &se) || tea.StringValue(se.Code) != "SignatureDoesNotMatch" || tea.IntValue(se.StatusCode) != 400 {
		t.Fatalf("want SignatureDoesNotMatch/400, got %v", err)
	}
	// The right secret works on the same server.
	if _, err := newSDK(t, srv, emulator.DefaultAccessKeyID, emulator.DefaultAccessKeySecret).ListRegions(); err != nil {
		t.Fatal(err)
	}
	c = newSDK(t, srv, "LTAIunknownkey", "x")
	if _, err := c.ListRegions(); sdkCode(err) != "InvalidAccessKeyId.NotFound" {
		t.Fatalf("unknown key: %v", err)
	}
}

func asSDK(err error, se **tea.SDKError) bool {
	if err == nil {
		return false
	}
	e, ok := err.(*tea.SDKError)
	if ok {
		*se = e
	}
	return ok
}

func TestSignatureHandBuiltV2(t *testing.T) {
	srv := emulator.NewServer(emulator.Options{})
	defer srv.Close()
	body := url.Values{"ProductType": {"CloudApp"}, "Note": {"a b*~ä"}}
	now := time.Now()
	st, m := handV2(t, srv.URL, "ListRegions", body, emulator.DefaultAccessKeyID, emulator.DefaultAccessKeySecret, "nonce-1", now, nil)
	if st != 200 || m["RequestId"] == nil || m["RegionModels"] == nil {
		t.Fatalf("good request: %d %v", st, m)
	}
	// Same nonce again.
	st, m = handV2(t, srv.URL, "ListRegions", body, emulator.DefaultAccessKeyID, emulator.DefaultAccessKeySecret, "nonce-1", now, nil)
	if st != 400 || m["Code"] != "SignatureNonceUsed" {
		t.Fatalf("nonce reuse: %d %v", st, m)
	}
	cases := []struct {
		name   string
		secret string
		ts     time.Time
		mutate func(url.Values)
		status int
		code   string
	}{
		{"wrong secret", "wrong", now, nil, 400, "SignatureDoesNotMatch"},
		{"tampered value", emulator.DefaultAccessKeySecret, now, func(q url.Values) { q.Set("Format", "xml") }, 400, "SignatureDoesNotMatch"},
		{"old timestamp", emulator.DefaultAccessKeySecret, now.Add(-20 * time.Minute), nil, 400, "InvalidTimeStamp.Expired"},
		{"future timestamp", emulator.DefaultAccessKeySecret, now.Add(20 * time.Minute), nil, 400, "InvalidTimeStamp.Expired"},
		{"no signature", emulator.DefaultAccessKeySecret, now, func(q url.Values) { q.Del("Signature") }, 400, "MissingParameter"},
		{"unknown key", emulator.DefaultAccessKeySecret, now, func(q url.Values) { q.Set("AccessKeyId", "LTAIother") }, 404, "InvalidAccessKeyId.NotFound"},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			st, m := handV2(t, srv.URL, "ListRegions", body, emulator.DefaultAccessKeyID, tc.secret, "n-case-"+string(rune('a'+i)), tc.ts, tc.mutate)
			if st != tc.status || m["Code"] != tc.code {
				t.Fatalf("got %d %v, want %d %s", st, m, tc.status, tc.code)
			}
			for _, k := range []string{"RequestId", "HostId", "Message", "Recommend"} {
				if m[k] == nil || m[k] == "" {
					t.Errorf("error body lacks %s: %v", k, m)
				}
			}
		})
	}
}

func bareOAClient(t *testing.T, endpoint, ak, sk, token string) *openapi.Client {
	t.Helper()
	cfg := sdkConfig(endpoint, ak, sk)
	if token != "" {
		cfg.SecurityToken = tea.String(token)
	}
	c, err := openapi.NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestSignatureV3(t *testing.T) {
	srv := emulator.NewServer(emulator.Options{})
	defer srv.Close()
	sdk := newSDK(t, srv, emulator.DefaultAccessKeyID, emulator.DefaultAccessKeySecret)
	gid := tea.StringValue(createPostPaid(t, sdk, "v3").Body.AppInstanceGroupModel.AppInstanceGroupId)

	oa := bareOAClient(t, srv.Endpoint(), emulator.DefaultAccessKeyID, emulator.DefaultAccessKeySecret, "")
	body := map[string]interface{}{"ResourceType": "AppInstanceGroupId", "ResourceIds": []string{gid}, "Tags": []map[string]string{{"Key": "env", "Value": "a b"}}}
	q := map[string]*string{"Foo": tea.String("x y*")}
	if _, err := oa.CallApi(rpcParams("TagCloudResources"), &openapi.OpenApiRequest{Query: q, Body: body}, &util.RuntimeOptions{}); err != nil {
		t.Fatalf("V3 request rejected: %v", err)
	}
	if rec, _ := srv.GroupRecord(gid); rec.Tags["env"] != "a b" {
		t.Fatalf("V3 call had no effect: %v", rec.Tags)
	}
	// Wrong secret with V3.
	bad := bareOAClient(t, srv.Endpoint(), emulator.DefaultAccessKeyID, "wrong", "")
	if _, err := bad.CallApi(rpcParams("ListRegions"), &openapi.OpenApiRequest{}, &util.RuntimeOptions{}); sdkCode(err) != "SignatureDoesNotMatch" {
		t.Fatalf("V3 wrong secret: %v", err)
	}

	// Tampering proxy: forwards the signed request with one body byte changed.
	for _, mode := range []string{"body", "header", "hash"} {
		t.Run("tampered-"+mode, func(t *testing.T) {
			proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				b, _ := io.ReadAll(r.Body)
				switch mode {
				case "body":
					b = bytes.Replace(b, []byte("env"), []byte("evn"), 1)
				case "header":
					r.Header.Set("x-acs-action", "ListRegions")
				case "hash":
					b = bytes.Replace(b, []byte("env"), []byte("evn"), 1)
					r.Header.Set("x-acs-content-sha256", strings.Repeat("0", 64))
				}
				req, _ := http.NewRequest(r.Method, srv.URL+r.URL.RequestURI(), bytes.NewReader(b))
				req.Header = r.Header.Clone()
				req.Host = r.Host
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					w.WriteHeader(502)
					return
				}
				defer resp.Body.Close()
				for k, v := range resp.Header {
					w.Header()[k] = v
				}
				w.WriteHeader(resp.StatusCode)
				_, _ = io.Copy(w, resp.Body)
			}))
			defer proxy.Close()
			pc := bareOAClient(t, strings.TrimPrefix(proxy.URL, "http://"), emulator.DefaultAccessKeyID, emulator.DefaultAccessKeySecret, "")
			_, err := pc.CallApi(rpcParams("TagCloudResources"), &openapi.OpenApiRequest{Body: body}, &util.RuntimeOptions{})
			if sdkCode(err) != "SignatureDoesNotMatch" {
				t.Fatalf("tampered %s: %v", mode, err)
			}
		})
	}
}

func TestSignatureSTS(t *testing.T) {
	const ak, sk, tok = "STS.emulatorkey", "sts-secret", "CAIS-emulator-security-token-0001"
	srv := emulator.NewServer(emulator.Options{Credentials: []emulator.Credential{
		{AccessKeyID: emulator.DefaultAccessKeyID, AccessKeySecret: emulator.DefaultAccessKeySecret},
		{AccessKeyID: ak, AccessKeySecret: sk, SecurityToken: tok},
	}})
	defer srv.Close()
	withToken := func(token string) *appstream.Client {
		cfg := sdkConfig(srv.Endpoint(), ak, sk)
		if token != "" {
			cfg.SecurityToken = tea.String(token)
		}
		c, err := appstream.NewClient(cfg)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	if _, err := withToken(tok).ListRegions(); err != nil {
		t.Fatalf("V2 with token: %v", err)
	}
	if _, err := withToken("").ListRegions(); sdkCode(err) != "InvalidSecurityToken.MismatchWithAccessKey" {
		t.Fatalf("V2 missing token: %v", err)
	}
	if _, err := withToken("CAIS-some-other-token-000").ListRegions(); sdkCode(err) != "InvalidSecurityToken.MismatchWithAccessKey" {
		t.Fatalf("V2 wrong token: %v", err)
	}
	if _, err := withToken("x").ListRegions(); sdkCode(err) != "InvalidSecurityToken.Malformed" {
		t.Fatalf("V2 malformed token: %v", err)
	}
	oa := bareOAClient(t, srv.Endpoint(), ak, sk, tok)
	if _, err := oa.CallApi(rpcParams("ListRegions"), &openapi.OpenApiRequest{}, &util.RuntimeOptions{}); err != nil {
		t.Fatalf("V3 with token: %v", err)
	}
	oa = bareOAClient(t, srv.Endpoint(), ak, sk, "")
	if _, err := oa.CallApi(rpcParams("ListRegions"), &openapi.OpenApiRequest{}, &util.RuntimeOptions{}); sdkCode(err) != "InvalidSecurityToken.MismatchWithAccessKey" {
		t.Fatalf("V3 without token: %v", err)
	}
}

func TestSkipSignatureAcceptsUnsigned(t *testing.T) {
	srv := emulator.NewServer(emulator.Options{SkipSignature: true})
	defer srv.Close()
	resp, err := http.Post(srv.URL+"/?Action=ListRegions", "application/x-www-form-urlencoded", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	strict := emulator.NewServer(emulator.Options{})
	defer strict.Close()
	resp, err = http.Post(strict.URL+"/?Action=ListRegions", "application/x-www-form-urlencoded", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 400 {
		t.Fatalf("unsigned on strict server: %d", resp.StatusCode)
	}
}
