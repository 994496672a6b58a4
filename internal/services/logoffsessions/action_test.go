package logoffsessions_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
)

const addr = "action.appstreaming_log_off_sessions.maintenance"

var serviceZone = time.FixedZone("UTC+8", 8*3600)

// weekday is the API's day number (1 = Monday … 7 = Sunday) of t in service time.
func weekday(t time.Time) int {
	wd := int(t.In(serviceZone).Weekday())
	if wd == 0 {
		wd = 7
	}
	return wd
}

// scheduledGroup adds a PostPaid group scaling by schedule with one window
// (09:00–18:00 on day) and n open sessions.
func scheduledGroup(t *testing.T, env *acctest.Env, charge string, day, sessions int) string {
	t.Helper()
	g := emulator.GroupSeed{Name: "sessions", ImageID: "img-win2019-office", InstanceType: "appstreaming.general.4c8g", Nodes: 2, Capacity: 2,
		Schedule: &emulator.ScheduleScaling{Weekly: []emulator.WeeklyWindows{{Days: []int{day},
			Windows: []emulator.Window{{Start: "09:00", End: "18:00", Nodes: 2}}}}}}
	if charge == "PrePaid" {
		g.Schedule, g.PrePaid = nil, true // fixed pool, one month from now
	}
	id, err := env.Emulator.SeedGroup(g)
	if err != nil {
		t.Fatal(err)
	}
	if sessions > 0 {
		if err := env.Emulator.Connect(id, sessions); err != nil {
			t.Fatal(err)
		}
	}
	env.Emulator.ResetStats()
	return id
}

func cli(t *testing.T, env *acctest.Env, groupID string) *acctest.CLI {
	t.Helper()
	acctest.SkipUnlessCLIHas(t, acctest.FeatureActions)
	c := acctest.NewCLI(t)
	c.Write("main.tf", env.ProviderConfig()+fmt.Sprintf(`
action "appstreaming_log_off_sessions" "maintenance" {
  config {
    delivery_group_id = %q
  }
}
`, groupID))
	c.MustRun("init", "-input=false")
	env.Emulator.ResetStats()
	return c
}

func sessions(t *testing.T, env *acctest.Env, id string) int {
	t.Helper()
	g, ok := env.Emulator.GroupRecord(id)
	if !ok {
		t.Fatalf("group %s gone", id)
	}
	return g.Sessions
}

// Outside the window the action logs everyone off, reporting progress; a
// second run (nothing open) succeeds too.
func TestAccLogOffSessions_logsOff(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	tomorrow := weekday(time.Now().Add(24 * time.Hour))
	id := scheduledGroup(t, env, "PostPaid", tomorrow, 3)
	c := cli(t, env, id)
	out := c.MustRun("apply", "-input=false", "-auto-approve", "-invoke="+addr)
	for _, want := range []string{"Logging off 3 open session(s) of " + id, "All sessions of " + id + " are logged off"} {
		if !strings.Contains(out, want) {
			t.Errorf("progress %q missing from:\n%s", want, out)
		}
	}
	if n := sessions(t, env, id); n != 0 {
		t.Errorf("%d sessions still open", n)
	}
	if n := env.Calls("LogOffAllSessionsInAppInstanceGroup"); n != 1 {
		t.Errorf("LogOffAllSessionsInAppInstanceGroup called %d times, want 1", n)
	}
	c.MustRun("apply", "-input=false", "-auto-approve", "-invoke="+addr) // idempotent
	if n := env.Calls("LogOffAllSessionsInAppInstanceGroup"); n != 2 {
		t.Errorf("LogOffAllSessionsInAppInstanceGroup called %d times after the second run, want 2", n)
	}
}

// What the API refuses is refused at plan: a subscription group, a group
// not scaling by schedule, a group inside its window. No log-off call.
func TestAccLogOffSessions_refusedAtPlan(t *testing.T) {
	now := time.Now().In(serviceZone)
	cases := map[string]struct {
		charge string
		fixed  bool
		day    int
		want   string
	}{
		"subscription":    {charge: "PrePaid", day: 1, want: "is PrePaid (subscription)"},
		"fixed pool":      {charge: "PostPaid", fixed: true, day: 1, want: "scales by NODE_FIXED"},
		"inside a window": {charge: "PostPaid", day: weekday(now), want: "inside its scheduled window"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			env := acctest.NewEnv(t)
			env.RequireEmulator(t)
			id := scheduledGroup(t, env, tc.charge, tc.day, 2)
			_ = env.Emulator.UpdateGroup(id, func(g *emulator.Group) {
				if tc.fixed {
					g.NodePool.StrategyType, g.NodePool.RecurrenceSchedules = "NODE_FIXED", nil
				}
				if name == "inside a window" { // a window covering all of today
					g.NodePool.RecurrenceSchedules[0].TimerPeriods[0] = emulator.TimerPeriod{StartTime: "00:00", EndTime: "23:59", Amount: 2}
				}
			})
			if name == "inside a window" && now.Hour() == 23 && now.Minute() == 59 {
				t.Skip("the last minute of the service day is outside every HH:mm window")
			}
			c := cli(t, env, id)
			out, code := c.Run("plan", "-input=false", "-invoke="+addr)
			if code == 0 || !strings.Contains(strings.Join(strings.Fields(out), " "), tc.want) {
				t.Fatalf("plan exit %d, want an error saying %q:\n%s", code, tc.want, out)
			}
			if n := env.Calls("LogOffAllSessionsInAppInstanceGroup"); n != 0 {
				t.Errorf("LogOffAllSessionsInAppInstanceGroup called %d times at plan", n)
			}
			// Besides the provider's credential check (exactly one ListRegions
			// when it is configured), the plan reads the group once.
			if n, check := env.Calls(""), env.Calls("ListRegions"); n-check != 1 || check != 1 {
				t.Errorf("%d API calls at plan besides %d credential checks, want 1 (GetAppInstanceGroup) and 1", n-check, check)
			}
			if n := sessions(t, env, id); n != 2 {
				t.Errorf("sessions %d, want 2 untouched", n)
			}
		})
	}
}

// When the service's clock says the group is inside its window although
// the plan did not, the API's refusal comes back as a clear error.
func TestAccLogOffSessions_apiRefusal(t *testing.T) {
	// The service's time: tomorrow 12:00 UTC+8, inside the window of that day.
	tomorrow := time.Now().In(serviceZone).Add(24 * time.Hour)
	serviceNow := time.Date(tomorrow.Year(), tomorrow.Month(), tomorrow.Day(), 12, 0, 0, 0, serviceZone)
	env := acctest.NewEnv(t, acctest.WithClock(emulator.NewManualClock(serviceNow)))
	env.RequireEmulator(t)
	id := scheduledGroup(t, env, "PostPaid", weekday(serviceNow), 1)
	c := cli(t, env, id)
	out, code := c.Invoke(addr)
	if code == 0 || !strings.Contains(strings.Join(strings.Fields(out), " "), "The service says delivery group "+id+" is inside a scheduled time window") {
		t.Fatalf("exit %d, want the API's refusal explained:\n%s", code, out)
	}
	if n := env.Calls("LogOffAllSessionsInAppInstanceGroup"); n != 1 {
		t.Errorf("LogOffAllSessionsInAppInstanceGroup called %d times, want 1 (refused)", n)
	}
	if n := sessions(t, env, id); n != 1 {
		t.Errorf("sessions %d, want 1", n)
	}
}
