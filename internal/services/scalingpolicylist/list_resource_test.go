package scalingpolicylist_test

import (
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
)

// pools adds a fixed, a usage-scaled and a schedule-scaled group.
func pools(t *testing.T, e *emulator.Emulator) (fixed, usage, schedule string) {
	t.Helper()
	day := func(n int) string {
		return time.Now().In(time.FixedZone("UTC+8", 8*3600)).AddDate(0, 0, n).Format("2006-01-02")
	}
	add := func(g emulator.GroupSeed) string {
		g.ImageID, g.InstanceType, g.Capacity = "img-win2019-office", "appstreaming.general.4c8g", 2
		id, err := e.SeedGroup(g)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	fixed = add(emulator.GroupSeed{Name: "fixed", Nodes: 1})
	usage = add(emulator.GroupSeed{Name: "usage", PrePaid: true, Nodes: 2,
		Usage: &emulator.UsageScaling{Max: 6, Step: 2, Threshold: "80", IdleMinutes: 30, MaxIdle: 2}})
	schedule = add(emulator.GroupSeed{Name: "schedule", Nodes: 1, Schedule: &emulator.ScheduleScaling{From: day(1), To: day(60),
		Weekly: []emulator.WeeklyWindows{{Days: []int{1, 2, 3, 4, 5}, Windows: []emulator.Window{{Start: "08:00", End: "20:00", Nodes: 3}}}}}})
	return fixed, usage, schedule
}

func TestAccScalingPolicyList_query(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	fixed, usage, schedule := pools(t, env.Emulator)
	addr := "appstreaming_scaling_policy.scaled"
	byID := func(id string) queryfilter.QueryFilter {
		return queryfilter.ByResourceIdentity(map[string]knownvalue.Check{"delivery_group_id": knownvalue.StringExact(id), "region_id": knownvalue.StringExact("cn-shanghai")})
	}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.RequireCLIFeature(acctest.FeatureQuery)},
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: env.Config("")},
			{
				Query: true,
				Config: `
list "appstreaming_scaling_policy" "all" {
  provider = appstreaming
  config {}
}
list "appstreaming_scaling_policy" "scaled" {
  provider         = appstreaming
  include_resource = true
  config {
    strategy_type = "NODE_SCALING_BY_USAGE"
  }
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("appstreaming_scaling_policy.all", 3),
					querycheck.ExpectIdentity("appstreaming_scaling_policy.all", map[string]knownvalue.Check{"delivery_group_id": knownvalue.StringExact(fixed), "region_id": knownvalue.NotNull()}),
					querycheck.ExpectIdentity("appstreaming_scaling_policy.all", map[string]knownvalue.Check{"delivery_group_id": knownvalue.StringExact(schedule), "region_id": knownvalue.NotNull()}),
					querycheck.ExpectLength(addr, 1),
					querycheck.ExpectResourceKnownValues(addr, byID(usage), []querycheck.KnownValueCheck{
						{Path: tfjsonpath.New("strategy_type"), KnownValue: knownvalue.StringExact("NODE_SCALING_BY_USAGE")},
						{Path: tfjsonpath.New("usage").AtMapKey("max_scaling_amount"), KnownValue: knownvalue.Int64Exact(6)},
						{Path: tfjsonpath.New("usage").AtMapKey("scaling_usage_threshold"), KnownValue: knownvalue.Int64Exact(80)},
					}),
				},
			},
		},
	})
}

// The generated configuration imports the usage and schedule policies and
// then plans no changes.
func TestAccScalingPolicyList_generateConfigRoundTrip(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	acctest.SkipUnlessCLIHas(t, acctest.FeatureQuery)
	_, usage, schedule := pools(t, env.Emulator)
	cli := acctest.NewCLI(t)
	cli.Write("main.tf", env.ProviderConfig())
	cli.Write("adopt.tfquery.hcl", `
list "appstreaming_scaling_policy" "usage" {
  provider         = appstreaming
  include_resource = true
  config {
    strategy_type = "NODE_SCALING_BY_USAGE"
  }
}
list "appstreaming_scaling_policy" "schedule" {
  provider         = appstreaming
  include_resource = true
  config {
    strategy_type = "NODE_SCALING_BY_SCHEDULE"
  }
}
`)
	cli.MustRun("init", "-input=false")
	cli.MustRun("query", "-generate-config-out=generated.tf")
	gen := cli.Read("generated.tf")
	for _, id := range []string{usage, schedule, `"08:00"`, `max_scaling_amount`} {
		if !strings.Contains(gen, id) {
			t.Fatalf("generated.tf lacks %s:\n%s", id, gen)
		}
	}
	env.Emulator.ResetStats()
	out := cli.MustRun("apply", "-input=false", "-auto-approve")
	if !strings.Contains(out, "2 imported, 0 added, 0 changed, 0 destroyed") {
		t.Fatalf("apply did more than import:\n%s\n%s", out, gen)
	}
	if n := env.Calls("ModifyNodePoolAttribute"); n != 0 {
		t.Errorf("ModifyNodePoolAttribute called %d times while importing", n)
	}
	if out, code := cli.Run("plan", "-input=false", "-detailed-exitcode"); code != 0 {
		t.Fatalf("plan after the import is not empty (exit %d):\n%s\n%s", code, out, gen)
	}
}
