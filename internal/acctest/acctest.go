// Package acctest is the acceptance-test harness: it runs the real terraform CLI
// against the provider served in-process (ProtoV6ProviderFactories), talking over
// real HTTP to an App Streaming emulator started for each test.
//
// Against the real cloud: set APPSTREAMING_ACC_TARGET=cloud, real credentials
// (ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET, region in
// ALIBABA_CLOUD_REGION_ID) and no APPSTREAMING_ENDPOINT. Steps that need the
// emulator (drift made out of band, fault injection, call counting) skip there.
package acctest

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/provider"
)

// ProviderName is the provider's local name in test configurations.
const ProviderName = "appstreaming"

// DefaultRegion is the business region the emulator-backed provider uses by default.
const DefaultRegion = "cn-shanghai"

// ProtoV6ProviderFactories serves the provider in-process for every test step.
var ProtoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	ProviderName: providerserver.NewProtocol6WithError(provider.New("acctest")()),
}

// Target names where acceptance tests run.
type Target string

const (
	TargetEmulator Target = "emulator"
	TargetCloud    Target = "cloud"
)

// CurrentTarget reads APPSTREAMING_ACC_TARGET; the emulator is the default.
func CurrentTarget() Target {
	if strings.EqualFold(os.Getenv("APPSTREAMING_ACC_TARGET"), string(TargetCloud)) {
		return TargetCloud
	}
	return TargetEmulator
}

// Env is one test's world: an emulator on loopback (nil against the cloud).
type Env struct {
	Emulator *emulator.Emulator
	Server   *emulator.Server
}

// Option adjusts the emulator options of one Env.
type Option func(*emulator.Options)

// NewEnv prepares a test: it checks the terraform CLI set-up and, unless the
// target is the cloud, starts a fresh emulator that lives until the test ends.
func NewEnv(t *testing.T, opts ...Option) *Env {
	t.Helper()
	PreCheck(t)
	if CurrentTarget() == TargetCloud {
		return &Env{}
	}
	o := emulator.Options{}
	for _, fn := range opts {
		fn(&o)
	}
	srv := emulator.NewServer(o)
	t.Cleanup(srv.Close)
	return &Env{Emulator: srv.Emulator, Server: srv}
}

// WithDeployDuration makes new delivery groups stay DEPLOYING for d.
func WithDeployDuration(d time.Duration) Option {
	return func(o *emulator.Options) { o.DeployDuration = d }
}

// IsEmulator reports whether this Env talks to the emulator.
func (e *Env) IsEmulator() bool { return e.Emulator != nil }

// RequireEmulator skips a test (or step) that changes or inspects the service
// out of band, which only the emulator allows.
func (e *Env) RequireEmulator(t *testing.T) {
	t.Helper()
	if !e.IsEmulator() {
		t.Skip("needs the App Streaming emulator (out-of-band changes, faults or call counts)")
	}
}

// ProviderConfig is the provider block every test configuration starts with.
func (e *Env) ProviderConfig() string {
	if !e.IsEmulator() {
		return `provider "appstreaming" {}` + "\n"
	}
	return fmt.Sprintf(`
provider "appstreaming" {
  endpoint   = %q
  access_key = %q
  secret_key = %q
  region     = %q
}
`, e.Server.URL, emulator.DefaultAccessKeyID, emulator.DefaultAccessKeySecret, DefaultRegion)
}

// Config prepends the provider block to a test configuration.
func (e *Env) Config(body string) string { return e.ProviderConfig() + body }

// Calls returns how many API calls of an action the emulator has seen (all
// outcomes), or the total when action is "".
func (e *Env) Calls(action string) int {
	st := e.Emulator.Stats()
	if action == "" {
		return st.TotalCalls
	}
	return st.Actions[action].Calls
}
