package provider_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
)

// A TRACE-level log of a whole apply and destroy (terraform CLI and provider)
// must hold no secret key, no security token and none of the request
// signatures the emulator received, while it does record the calls made.
func TestAccProviderTraceLogHoldsNoSecrets(t *testing.T) {
	acctest.PreCheck(t)
	const (
		accessKey = "STS.LogTestKey0000000001"
		secret    = "LogTestSecret-7f3a9c1e5b"
		token     = "LogTestSecurityToken-CAIS9x8y7z6"
	)
	emu := emulator.New(emulator.Options{Credentials: []emulator.Credential{
		{AccessKeyID: accessKey, AccessKeySecret: secret, SecurityToken: token},
	}})
	var mu sync.Mutex
	var signatures []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s := r.URL.Query().Get("Signature"); s != "" {
			mu.Lock()
			signatures = append(signatures, s)
			mu.Unlock()
		}
		if a := r.Header.Get("Authorization"); a != "" {
			mu.Lock()
			signatures = append(signatures, a[strings.LastIndex(a, "=")+1:])
			mu.Unlock()
		}
		emu.ServeHTTP(w, r)
	}))
	defer srv.Close()

	logPath := filepath.Join(t.TempDir(), "trace.log")
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_ACC_LOG_PATH", logPath)
	// The secret and token come from the environment, as they should in real use:
	// the test harness itself logs each step's configuration text verbatim.
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", secret)
	t.Setenv("ALIBABA_CLOUD_SECURITY_TOKEN", token)

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
provider "appstreaming" {
  endpoint       = "` + srv.URL + `"
  access_key     = "` + accessKey + `"
  region         = "cn-shanghai"
}
data "appstreaming_regions" "all" {}
`,
		}},
	})

	raw, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatalf("reading the trace log: %v", err)
	}
	log := string(raw)
	if !strings.Contains(log, "ListRegions") {
		t.Fatalf("the trace log (%d bytes) does not record the provider's API calls; the test would prove nothing", len(raw))
	}
	for name, s := range map[string]string{"secret key": secret, "security token": token} {
		if strings.Contains(log, s) {
			t.Errorf("the trace log contains the %s", name)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(signatures) == 0 {
		t.Fatal("no signed request reached the emulator")
	}
	for _, s := range signatures {
		if strings.Contains(log, s) || strings.Contains(log, url.QueryEscape(s)) {
			t.Errorf("the trace log contains a request signature (%s)", s)
		}
	}
	t.Logf("trace log: %d bytes, %d signed requests checked", len(raw), len(signatures))
}
