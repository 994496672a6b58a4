package deliverygroup_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
)

// TestAccDeliveryGroup_halfOfCallsFail: apply and destroy of several groups
// while half of all calls fail (Throttling.User, ServiceUnavailable,
// InternalError, dropped connections) and creates are executed and then
// dropped: both commands succeed, the state matches the emulator (no
// orphan, no duplicate, nothing tainted), and destroy leaves nothing.
// bench (make bench) runs the same with 50 groups.
func TestAccDeliveryGroup_halfOfCallsFail(t *testing.T) {
	const n = 8
	env := acctest.NewEnv(t, acctest.WithDeployDuration(500*time.Millisecond))
	env.RequireEmulator(t)
	// A flaky API needs a larger retry budget than the default 5: at 50%
	// failures 5 retries leave 1.6% of calls failing.
	provider := strings.Replace(env.ProviderConfig(), `provider "appstreaming" {`, `provider "appstreaming" {
  max_retries = 15`, 1)
	if !strings.Contains(provider, "max_retries") {
		t.Fatal("provider block not found")
	}
	cli := acctest.NewCLI(t)
	cli.Write("main.tf", provider+fmt.Sprintf(`
resource "appstreaming_delivery_group" "g" {
  count       = %d
  name        = "faults-${count.index}"
  image_id    = %q
  charge_type = "PostPaid"
  node_pool = {
    instance_type = %q
    amount        = 1
    capacity      = 1
  }
}
`, n, imageOffice, type4c8g))
	cli.MustRun("init", "-input=false")
	env.Emulator.SetFaults(emulator.Faults{FailureRate: 0.5, Seed: 3,
		FailureCodes: []string{"Throttling.User", "ServiceUnavailable", "InternalError", "Drop"},
		Ambiguous:    map[string]int{"CreateAppInstanceGroup": 3}})
	env.Emulator.ResetStats()
	if o, code := cli.Run("apply", "-auto-approve", "-input=false"); code != 0 {
		t.Fatalf("apply under faults exited %d:\n%s", code, o)
	}
	st := env.Emulator.Stats()
	if st.Actions["CreateAppInstanceGroup"].Injected == 0 {
		t.Fatal("no create was hit by a fault: the test proves nothing")
	}
	env.Emulator.SetFaults(emulator.Faults{}) // audit without faults
	ids, tainted := cli.StateIDs("appstreaming_delivery_group")
	have := env.Emulator.GroupIDs()
	slices.Sort(ids)
	slices.Sort(have)
	if tainted != 0 || len(ids) != n || !slices.Equal(ids, have) {
		t.Fatalf("after apply: %d tainted; state %v; emulator %v", tainted, ids, have)
	}
	env.Emulator.SetFaults(emulator.Faults{FailureRate: 0.5, Seed: 4,
		FailureCodes: []string{"Throttling.User", "ServiceUnavailable", "InternalError", "Drop"}})
	if o, code := cli.Run("destroy", "-auto-approve", "-input=false"); code != 0 {
		t.Fatalf("destroy under faults exited %d:\n%s", code, o)
	}
	if left := env.Emulator.GroupIDs(); len(left) != 0 {
		t.Fatalf("destroy left %d groups: %v", len(left), left)
	}
}
