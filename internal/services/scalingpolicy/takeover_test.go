package scalingpolicy_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
)

// setUsageOutOfBand makes the pool scale by usage, as another workspace would.
func setUsageOutOfBand(t *testing.T, env *acctest.Env, gid string) {
	t.Helper()
	if err := env.Emulator.UpdateGroup(gid, func(g *emulator.Group) {
		g.NodePool.StrategyType, g.NodePool.MaxScalingAmount, g.NodePool.ScalingStep = "NODE_SCALING_BY_USAGE", 10, 2
		g.NodePool.ScalingUsageThreshold, g.NodePool.ScalingDownAfterIdleMinutes, g.NodePool.MaxIdleAppInstanceAmount = "85", 60, 3
	}); err != nil {
		t.Fatal(err)
	}
	env.Emulator.ResetStats()
}

var takeoverErr = regexp.MustCompile(`(?s)Delivery group already has a scaling strategy.*already uses\s+NODE_SCALING_BY_USAGE.*nothing\s+was\s+changed.*terraform\s+import\s+appstreaming_scaling_policy`)

// With the group ID known at plan, a policy over a strategy someone else set
// fails the plan: one GetAppInstanceGroup, no change.
func TestAccScalingPolicy_noTakeoverAtPlan(t *testing.T) {
	env := acctest.NewEnv(t)
	gid := newGroup(t, env, "PostPaid", 2)
	setUsageOutOfBand(t, env, gid)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.Config(fixedConfig(gid)), PlanOnly: true, ExpectError: takeoverErr,
		}},
	})
	// The plan-time read goes through the client's shared group view: one
	// ListAppInstanceGroup page holds the group, so no Get is needed.
	if n, reads := env.Calls("ModifyNodePoolAttribute"), env.Calls("GetAppInstanceGroup")+env.Calls("ListAppInstanceGroup"); n != 0 || reads != 1 {
		t.Errorf("ModifyNodePoolAttribute calls %d (want 0), group reads %d (want 1, the plan-time read)", n, reads)
	}
}

// With the group ID unknown at plan (it comes from another resource), the
// same check runs at apply before ModifyNodePoolAttribute; nothing is saved
// in the state. Importing then plans the exact difference (max 10 → 5).
func TestAccScalingPolicy_noTakeoverAtApply(t *testing.T) {
	env := acctest.NewEnv(t)
	gid := newGroup(t, env, "PostPaid", 2)
	setUsageOutOfBand(t, env, gid)
	viaUnknown := env.Config(fmt.Sprintf(`
resource "terraform_data" "group" {
  input = %q
}
`, gid) + strings.Replace(usageConfig(gid, 5), fmt.Sprintf("%q", gid), "terraform_data.group.output", 1))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: viaUnknown, ExpectError: takeoverErr},
			{
				PreConfig: func() {
					if n := env.Calls("ModifyNodePoolAttribute"); n != 0 {
						t.Fatalf("a refused create made %d ModifyNodePoolAttribute calls", n)
					}
				},
				Config: env.Config(fmt.Sprintf(`
import {
  to = appstreaming_scaling_policy.test
  id = %q
}
`, gid) + usageConfig(gid, 5)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(res, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(res, tfjsonpath.New("usage").AtMapKey("max_scaling_amount"), knownvalue.Int64Exact(5)),
				}},
				Check: strategyIs(env, gid, "NODE_SCALING_BY_USAGE"),
			},
		},
	})
}

// A delivery_group_id known at plan that names no group fails the plan. The
// read goes through the shared group view: one ListAppInstanceGroup page
// without the ID, then one GetAppInstanceGroup that answers NotFound; plus
// the provider's one ListRegions credential check.
func TestAccScalingPolicy_groupNotFoundAtPlan(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.Config(fixedConfig("aig-0000000doesnotexist")), PlanOnly: true,
			ExpectError: regexp.MustCompile(`(?s)Delivery group not found.*aig-0000000doesnotexist`),
		}},
	})
	if get, list, check, all := env.Calls("GetAppInstanceGroup"), env.Calls("ListAppInstanceGroup"), env.Calls("ListRegions"), env.Calls(""); get != 1 || list != 1 || check != 1 || all != 3 {
		t.Errorf("GetAppInstanceGroup %d, ListAppInstanceGroup %d, ListRegions %d (the credential check), all %d; want 1, 1, 1, 3", get, list, check, all)
	}
}
