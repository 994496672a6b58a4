package renewdeliverygroup_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
)

const addr = "action.appstreaming_renew_delivery_group.year"

func group(t *testing.T, env *acctest.Env, charge string) (string, time.Time) {
	t.Helper()
	expires := env.Emulator.Now().AddDate(0, 0, 20).UTC().Truncate(time.Second)
	g := emulator.GroupSeed{Name: "renew", ImageID: "img-win2019-office", InstanceType: "appstreaming.general.4c8g", Nodes: 2, Capacity: 1}
	if charge == "PrePaid" {
		g.PrePaid, g.Expires = true, expires
	} else {
		expires = time.Time{}
	}
	id, err := env.Emulator.SeedGroup(g)
	if err != nil {
		t.Fatal(err)
	}
	return id, expires
}

func cli(t *testing.T, env *acctest.Env, groupID string, period int, unit string) *acctest.CLI {
	t.Helper()
	acctest.SkipUnlessCLIHas(t, acctest.FeatureActions)
	c := acctest.NewCLI(t)
	c.Write("main.tf", env.ProviderConfig()+fmt.Sprintf(`
action "appstreaming_renew_delivery_group" "year" {
  config {
    delivery_group_id = %q
    period            = %d
    period_unit       = %q
    auto_pay          = true
  }
}
`, groupID, period, unit))
	c.MustRun("init", "-input=false")
	env.Emulator.ResetStats()
	return c
}

func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// Renewing quotes the price, places one order and moves the expiry by the
// period; the progress output reports all three.
func TestAccRenewDeliveryGroup_renews(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	id, expires := group(t, env, "PrePaid")
	c := cli(t, env, id, 1, "Year")
	out := flat(c.MustRun("apply", "-input=false", "-auto-approve", "-invoke="+addr))
	g, _ := env.Emulator.GroupRecord(id)
	if want := expires.AddDate(1, 0, 0); !g.ExpiredAt.Equal(want) {
		t.Errorf("expiry %s, want %s", g.ExpiredAt, want)
	}
	if len(g.Orders) != 1 {
		t.Fatalf("orders %v, want one renewal order", g.Orders)
	}
	for _, want := range []string{"Price of renewing for 1 Year:", "for 2 × appstreaming.general.4c8g",
		"Renewal order " + g.Orders[0] + " placed", "Renewed " + id + ": order " + g.Orders[0] + ", now expires at"} {
		if !strings.Contains(out, want) {
			t.Errorf("progress %q missing from:\n%s", want, out)
		}
	}
	if n := env.Calls("RenewAppInstanceGroup"); n != 1 {
		t.Errorf("RenewAppInstanceGroup called %d times, want 1", n)
	}
	if n := env.Calls("GetResourcePrice"); n != 1 {
		t.Errorf("GetResourcePrice called %d times, want 1", n)
	}
}

// A pay-as-you-go group is refused at plan (one read, no order); a period
// the unit does not allow is refused without any call.
func TestAccRenewDeliveryGroup_refusedAtPlan(t *testing.T) {
	cases := map[string]struct {
		charge, unit string
		period, gets int
		want         string
	}{
		"pay-as-you-go": {charge: "PostPaid", period: 1, unit: "Month", gets: 1, want: "Only subscription groups can be renewed"},
		"5 months":      {charge: "PrePaid", period: 5, unit: "Month", want: "period 5 is not allowed with period_unit \"Month\""},
		"2 weeks":       {charge: "PrePaid", period: 2, unit: "Week", want: "period 2 is not allowed with period_unit \"Week\""},
		"lower case":    {charge: "PrePaid", period: 1, unit: "month", want: `did you mean "Month"`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			env := acctest.NewEnv(t)
			env.RequireEmulator(t)
			id, expires := group(t, env, tc.charge)
			c := cli(t, env, id, tc.period, tc.unit)
			out, code := c.Run("plan", "-input=false", "-invoke="+addr)
			if code == 0 || !strings.Contains(flat(out), tc.want) {
				t.Fatalf("plan exit %d, want %q:\n%s", code, tc.want, out)
			}
			// Attribute rules fail before the provider is configured (0 calls);
			// a rule that needs the group reads it once, after Configure, whose
			// credential check costs exactly one ListRegions.
			if n, check := env.Calls(""), env.Calls("ListRegions"); n-check != tc.gets || check != min(tc.gets, 1) {
				t.Errorf("%d API calls at plan besides %d credential checks, want %d and %d", n-check, check, tc.gets, min(tc.gets, 1))
			}
			if n := env.Calls("RenewAppInstanceGroup"); n != 0 {
				t.Errorf("RenewAppInstanceGroup called %d times", n)
			}
			if g, _ := env.Emulator.GroupRecord(id); !g.ExpiredAt.Equal(expires) || len(g.Orders) != 0 {
				t.Errorf("group changed: expiry %s, orders %v", g.ExpiredAt, g.Orders)
			}
		})
	}
}
