package approveotaupdate_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
)

const addr = "action.appstreaming_approve_ota_update.tonight"

// otaGroup adds a group with an update from 2.0.0 to 2.1.0 waiting (or none).
func otaGroup(t *testing.T, env *acctest.Env, pending bool) string {
	t.Helper()
	g := emulator.GroupSeed{Name: "ota", ImageID: "img-win2019-office", InstanceType: "appstreaming.general.4c8g",
		Nodes: 1, Capacity: 1, OtaVersion: "2.0.0"}
	if pending {
		g.PendingOta, g.PendingOtaTask = "2.1.0", "ota-00000000000000001"
	}
	id, err := env.Emulator.SeedGroup(g)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func cli(t *testing.T, env *acctest.Env, groupID, start string) *acctest.CLI {
	t.Helper()
	acctest.SkipUnlessCLIHas(t, acctest.FeatureActions)
	c := acctest.NewCLI(t)
	c.Write("main.tf", env.ProviderConfig()+fmt.Sprintf(`
action "appstreaming_approve_ota_update" "tonight" {
  config {
    delivery_group_id = %q
    start_time        = %s
  }
}
`, groupID, start))
	c.MustRun("init", "-input=false")
	env.Emulator.ResetStats()
	return c
}

func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// Approving schedules the update with the task ID read just before; the ID
// rotates, and a second run for the same start time changes nothing.
func TestAccApproveOtaUpdate_approves(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	id := otaGroup(t, env, true)
	start := time.Now().Add(6 * time.Hour).Truncate(time.Minute).UTC()
	c := cli(t, env, id, fmt.Sprintf("%q", start.Format(time.RFC3339)))
	out := flat(c.MustRun("apply", "-input=false", "-auto-approve", "-invoke="+addr))
	for _, want := range []string{"Reading the OTA state of " + id, "from 2.0.0 to 2.1.0 (task ota-00000000000000001)",
		"Approved: " + id + " updates to 2.1.0 at " + start.Format(time.RFC3339)} {
		if !strings.Contains(out, want) {
			t.Errorf("progress %q missing from:\n%s", want, out)
		}
	}
	g, _ := env.Emulator.GroupRecord(id)
	if !g.Ota.Approved || !g.Ota.StartTime.Equal(start) || g.Ota.TaskID == "ota-00000000000000001" {
		t.Fatalf("emulator OTA state after approve: %+v", g.Ota)
	}
	rotated := g.Ota.TaskID
	if n := env.Calls("ApproveOtaTask"); n != 1 {
		t.Errorf("ApproveOtaTask called %d times, want 1", n)
	}
	out = flat(c.MustRun("apply", "-input=false", "-auto-approve", "-invoke="+addr))
	if !strings.Contains(out, "already scheduled for") {
		t.Errorf("second run did not report the update as already scheduled:\n%s", out)
	}
	if n := env.Calls("ApproveOtaTask"); n != 1 {
		t.Errorf("ApproveOtaTask called %d times after the second run, want still 1", n)
	}
	if g, _ := env.Emulator.GroupRecord(id); g.Ota.TaskID != rotated {
		t.Errorf("task ID changed on the no-op run: %s → %s", rotated, g.Ota.TaskID)
	}
	// A new start time re-approves with the rotated task ID.
	later := start.Add(time.Hour)
	c.Write("main.tf", strings.Replace(c.Read("main.tf"), start.Format(time.RFC3339), later.Format(time.RFC3339), 1))
	out = flat(c.MustRun("apply", "-input=false", "-auto-approve", "-invoke="+addr))
	if !strings.Contains(out, "(task "+rotated+")") {
		t.Errorf("re-approve did not use the rotated task %s:\n%s", rotated, out)
	}
	if g, _ := env.Emulator.GroupRecord(id); !g.Ota.StartTime.Equal(later) {
		t.Errorf("start time %s, want %s", g.Ota.StartTime, later)
	}
}

// Nothing waiting is an error, not a silent success.
func TestAccApproveOtaUpdate_nothingToApprove(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	id := otaGroup(t, env, false)
	c := cli(t, env, id, fmt.Sprintf("%q", time.Now().Add(time.Hour).UTC().Format(time.RFC3339)))
	out, code := c.Invoke(addr)
	if code == 0 || !strings.Contains(flat(out), "Nothing to approve") || !strings.Contains(flat(out), `installed version "2.0.0"`) {
		t.Fatalf("exit %d, want a Nothing to approve error:\n%s", code, out)
	}
	if n := env.Calls("ApproveOtaTask"); n != 0 {
		t.Errorf("ApproveOtaTask called %d times", n)
	}
}

// A start time in the past, too far ahead, or malformed is refused at plan
// without any API call.
func TestAccApproveOtaUpdate_refusedAtPlan(t *testing.T) {
	cases := map[string]struct{ start, want string }{
		"past":      {fmt.Sprintf("%q", time.Now().Add(-time.Hour).UTC().Format(time.RFC3339)), "Start Time in the Past"},
		"8 days":    {fmt.Sprintf("%q", time.Now().Add(8*24*time.Hour).UTC().Format(time.RFC3339)), "Start Time Too Far Ahead"},
		"malformed": {`"tomorrow 10:00"`, "Invalid Start Time"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			env := acctest.NewEnv(t)
			env.RequireEmulator(t)
			id := otaGroup(t, env, true)
			c := cli(t, env, id, tc.start)
			out, code := c.Run("plan", "-input=false", "-invoke="+addr)
			if code == 0 || !strings.Contains(out, tc.want) {
				t.Fatalf("plan exit %d, want %q:\n%s", code, tc.want, out)
			}
			if n := env.Calls(""); n != 0 {
				t.Errorf("%d API calls, want 0", n)
			}
		})
	}
}

// An action_trigger runs the action as part of an apply.
func TestAccApproveOtaUpdate_actionTrigger(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	id := otaGroup(t, env, true)
	start := time.Now().Add(2 * time.Hour).Truncate(time.Minute).UTC()
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.RequireCLIFeature(acctest.FeatureActions)},
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.Config(fmt.Sprintf(`
action "appstreaming_approve_ota_update" "tonight" {
  config {
    delivery_group_id = %q
    start_time        = %q
  }
}

resource "terraform_data" "maintenance_window" {
  input = "2026-w49"
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.appstreaming_approve_ota_update.tonight]
    }
  }
}
`, id, start.Format(time.RFC3339))),
			Check: func(*terraform.State) error {
				g, _ := env.Emulator.GroupRecord(id)
				if !g.Ota.Approved || !g.Ota.StartTime.Equal(start) {
					return fmt.Errorf("OTA not approved by the trigger: %+v", g.Ota)
				}
				return nil
			},
		}},
	})
}
