package deliverygroup_test

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
)

// TestAccDeliveryGroup_interruptedApply: Ctrl-C (SIGINT) while 20 groups
// are DEPLOYING, then apply again → exit 0, plan → no changes, and the
// emulator holds exactly the configured groups (no orphan, no duplicate).
func TestAccDeliveryGroup_interruptedApply(t *testing.T) {
	const n = 20
	env := acctest.NewEnv(t, acctest.WithDeployDuration(4*time.Second))
	env.RequireEmulator(t)
	cli := acctest.NewCLI(t)
	cli.Write("main.tf", env.ProviderConfig()+fmt.Sprintf(`
resource "appstreaming_delivery_group" "g" {
  count       = %d
  name        = "sigint-${count.index}"
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

	apply := cli.Start("apply", "-auto-approve", "-input=false")
	var out strings.Builder
	apply.Stdout, apply.Stderr = &out, &out
	if err := apply.Start(); err != nil {
		t.Fatal(err)
	}
	// Interrupt once every group was created and is still deploying.
	deadline := time.Now().Add(60 * time.Second)
	for len(env.Emulator.GroupIDs()) < n {
		if time.Now().After(deadline) {
			_ = apply.Process.Kill()
			t.Fatalf("groups were not created in time:\n%s", out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	deploying := 0
	for _, id := range env.Emulator.GroupIDs() {
		if g, ok := env.Emulator.GroupRecord(id); ok && g.Status == "DEPLOYING" {
			deploying++
		}
	}
	if deploying == 0 {
		t.Fatal("no group was DEPLOYING at the interrupt: the test proves nothing")
	}
	if err := apply.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	if err := apply.Wait(); err == nil {
		t.Fatalf("interrupted apply exited 0:\n%s", out.String())
	}

	if o, code := cli.Run("apply", "-auto-approve", "-input=false"); code != 0 {
		t.Fatalf("apply after the interrupt exited %d:\n%s", code, o)
	}
	if o, code := cli.Run("plan", "-detailed-exitcode", "-input=false"); code != 0 {
		t.Fatalf("plan after the re-apply is not empty (exit %d):\n%s", code, o)
	}
	ids, tainted := cli.StateIDs("appstreaming_delivery_group")
	if len(ids) != n || tainted != 0 {
		t.Fatalf("state holds %d groups (%d tainted), want %d (0)", len(ids), tainted, n)
	}
	have := env.Emulator.GroupIDs()
	slices.Sort(ids)
	slices.Sort(have)
	if !slices.Equal(ids, have) {
		t.Fatalf("emulator groups differ from state:\nstate    %v\nemulator %v", ids, have)
	}
	names := map[string]bool{}
	for _, id := range have {
		g, _ := env.Emulator.GroupRecord(id)
		if names[g.Name] || g.Status != "PUBLISHED" {
			t.Fatalf("group %s (%s): duplicate name or status %s", id, g.Name, g.Status)
		}
		names[g.Name] = true
	}
}
