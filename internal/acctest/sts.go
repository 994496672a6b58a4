package acctest

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
)

// STSEnv is an emulator for credential tests: App Streaming over plain HTTP
// and STS over TLS on the same loopback port, its CA trusted by the
// provider through APPSTREAMING_LOOPBACK_CA_FILE, and every request
// signature recorded (to prove none reaches a log).
type STSEnv struct {
	Emulator *emulator.Emulator
	URL      string // http://127.0.0.1:PORT (App Streaming)
	STSURL   string // https://127.0.0.1:PORT (STS)

	mu         sync.Mutex
	signatures []string
}

// stsActions are the STS actions; everything else is App Streaming.
var stsActions = map[string]bool{"AssumeRole": true, "AssumeRoleWithOIDC": true, "GetCallerIdentity": true}

// NewSTSEnv starts the emulator and sets APPSTREAMING_LOOPBACK_CA_FILE for
// the test (so the test must not be parallel).
func NewSTSEnv(t *testing.T, opts emulator.Options) *STSEnv {
	t.Helper()
	PreCheck(t)
	if CurrentTarget() == TargetCloud {
		t.Skip("STS credential tests run against the emulator's STS")
	}
	e := &STSEnv{Emulator: emulator.New(opts)}
	ts := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e.record(r)
		e.Emulator.ServeHTTP(w, r)
	}))
	ln, err := emulator.SniffTLS(ts.Listener)
	if err != nil {
		t.Fatal(err)
	}
	ts.Listener = ln
	ts.Start()
	t.Cleanup(ts.Close)
	e.URL = ts.URL
	e.STSURL = "https://" + strings.TrimPrefix(ts.URL, "http://")

	caPEM, err := emulator.LoopbackCAPEM()
	if err != nil {
		t.Fatal(err)
	}
	caFile := filepath.Join(t.TempDir(), "emulator-ca.pem")
	if err := os.WriteFile(caFile, caPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv(client.LoopbackCAFileEnv, caFile)
	return e
}

func (e *STSEnv) record(r *http.Request) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if s := r.URL.Query().Get("Signature"); s != "" {
		e.signatures = append(e.signatures, s)
	}
	if a := r.Header.Get("Authorization"); a != "" {
		e.signatures = append(e.signatures, a[strings.LastIndex(a, "=")+1:])
	}
}

// Signatures returns every request signature the emulator received.
func (e *STSEnv) Signatures() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]string(nil), e.signatures...)
}

// AppStreamingCalls counts the calls of App Streaming actions (not STS).
func (e *STSEnv) AppStreamingCalls() int {
	n := 0
	for a, s := range e.Emulator.Stats().Actions {
		if !stsActions[a] {
			n += s.Calls
		}
	}
	return n
}

// OIDCToken returns a JWT shaped like a Terraform Cloud workload identity
// token from the emulator's default issuer, valid for ttl from now (on the
// emulator clock; negative = expired). Its signature part is random, so a
// leak check can look for it.
func OIDCToken(now time.Time, ttl time.Duration) string {
	hdr := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"RS256","typ":"JWT","kid":"tfc-1"}`))
	claims, _ := json.Marshal(map[string]any{
		"iss": emulator.DefaultOIDCIssuer, "aud": "aliyun.tfc.workload.identity",
		"sub":                         "organization:acme:project:Default:workspace:appstreaming:run_phase:apply",
		"terraform_run_phase":         "apply",
		"terraform_workspace_name":    "appstreaming",
		"terraform_organization_name": "acme",
		"iat":                         now.Unix(), "nbf": now.Unix(), "exp": now.Add(ttl).Unix(),
	})
	sig := make([]byte, 64)
	_, _ = rand.Read(sig)
	return hdr + "." + base64.RawURLEncoding.EncodeToString(claims) + "." + base64.RawURLEncoding.EncodeToString(sig)
}

// Leaks lists the secrets (by name) and signatures found in a log, raw or
// in the encodings a log line could carry them in (URL query, RFC 3986
// percent-encoding, JSON string escaping).
func Leaks(log string, secrets map[string]string, signatures []string) []string {
	var found []string
	has := func(s string) bool {
		if s == "" {
			return false
		}
		forms := []string{s, url.QueryEscape(s), strings.ReplaceAll(url.QueryEscape(s), "+", "%20")}
		if b, err := json.Marshal(s); err == nil {
			forms = append(forms, strings.Trim(string(b), `"`))
		}
		for _, f := range forms {
			if strings.Contains(log, f) {
				return true
			}
		}
		return false
	}
	for name, s := range secrets {
		if has(s) {
			found = append(found, name)
		}
	}
	for _, s := range signatures {
		if has(s) {
			found = append(found, "request signature "+s)
		}
	}
	return found
}
