package connectionticket_test

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
)

const officeApp = "ca-office0000000001"

func setup(t *testing.T, env *acctest.Env, user string) (*acctest.CLI, string) {
	t.Helper()
	acctest.SkipUnlessCLIHas(t, acctest.FeatureEphemeral)
	gid, err := env.Emulator.SeedGroup(emulator.GroupSeed{Name: "tickets", ImageID: "img-win2019-office", Users: []string{"alice"},
		InstanceType: "appstreaming.general.4c8g", Nodes: 1, Capacity: 2})
	if err != nil {
		t.Fatal(err)
	}
	c := acctest.NewCLI(t)
	c.Write("main.tf", env.ProviderConfig()+fmt.Sprintf(`
ephemeral "appstreaming_connection_ticket" "smoke" {
  app_id            = %q
  end_user_id       = %q
  delivery_group_id = %q
}

# Uses the ticket without storing it: the apply fails if none came back.
resource "terraform_data" "smoke_test" {
  input = "office smoke test"
  lifecycle {
    precondition {
      condition     = startswith(ephemeral.appstreaming_connection_ticket.smoke.ticket, "emu-ticket-") && ephemeral.appstreaming_connection_ticket.smoke.delivery_group_id == %q
      error_message = "No connection ticket from the expected delivery group."
    }
  }
}
`, officeApp, user, gid, gid))
	c.MustRun("init", "-input=false")
	env.Emulator.ResetStats()
	return c, gid
}

// zipText returns the text of every file in a saved plan.
func zipText(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var b strings.Builder
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		b.Write(data)
	}
	return b.String()
}

// The ticket is obtained (the task polled from Running to Finished) and
// used, but neither the saved plan nor the state contain it.
func TestAccConnectionTicket_notInPlanOrState(t *testing.T) {
	env := acctest.NewEnv(t, acctest.WithTicketPolls(2))
	env.RequireEmulator(t)
	c, gid := setup(t, env, "alice")
	c.MustRun("plan", "-input=false", "-out=tfplan")
	c.MustRun("apply", "-input=false", "tfplan")
	// Plan and apply each open the ephemeral resource: start + 2 Running polls + Finished.
	if n := env.Calls("GetConnectionTicket"); n != 8 {
		t.Errorf("GetConnectionTicket called %d times, want 8 (2 × start, Running, Running, Finished)", n)
	}
	if g, _ := env.Emulator.GroupRecord(gid); g.Sessions != 2 {
		t.Errorf("group has %d sessions, want 2 (one per opening)", g.Sessions)
	}
	state := c.Read("terraform.tfstate")
	plan := zipText(t, filepath.Join(c.Dir, "tfplan"))
	shown := c.MustRun("show", "-json", "tfplan")
	if !strings.Contains(state, "smoke_test") || !strings.Contains(plan, "smoke_test") {
		t.Fatalf("state or plan does not hold the smoke test resource; the check below would prove nothing")
	}
	// The configuration (also inside the saved plan) has the bare prefix; a
	// real ticket has the task ID after it.
	ticket := regexp.MustCompile(`emu-ticket-[0-9a-z]{8,}`)
	control, err := env.APIClient(t).ConnectionTicket(context.Background(),
		client.GetConnectionTicketInput{AppID: officeApp, EndUserID: "alice", AppInstanceGroupIDList: []string{gid}}, time.Minute)
	if err != nil || !ticket.MatchString(control.Ticket) {
		t.Fatalf("control ticket %v (%v) does not match %s: the check below would prove nothing", control, err, ticket)
	}
	for name, text := range map[string]string{"state": state, "saved plan": plan, "plan JSON": shown} {
		if m := ticket.FindString(text); m != "" {
			t.Errorf("the %s contains the connection ticket %s", name, m)
		}
	}
}

// A user not authorized to the group gets a Failed task: a clear error.
func TestAccConnectionTicket_failedTask(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	c, gid := setup(t, env, "mallory")
	out, code := c.Run("plan", "-input=false")
	flat := strings.Join(strings.Fields(out), " ")
	if code == 0 || !strings.Contains(flat, "Connection ticket failed") || !strings.Contains(flat, "appstreaming_user_authorization") {
		t.Fatalf("exit %d, want a failed-ticket error:\n%s", code, out)
	}
	if g, _ := env.Emulator.GroupRecord(gid); g.Sessions != 0 {
		t.Errorf("sessions %d, want 0", g.Sessions)
	}
}
