package scalingpolicy_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
)

const groupHCL = `
resource "appstreaming_delivery_group" "test" {
  image_id    = "img-win2019-office"
  charge_type = "PostPaid"
  node_pool = {
    instance_type = "appstreaming.general.4c8g"
    amount        = 2
    capacity      = 2
  }
}
`

// withGroup points a policy config at the delivery group of the same run
// (its ID is unknown at the first plan).
func withGroup(policy string) string {
	return groupHCL + strings.Replace(policy, `"aig-placeholder"`, "appstreaming_delivery_group.test.id", 1)
}

// The two resources together: each apply must be followed by an empty
// plan (the framework checks it after every step), also while the usage
// strategy has added elastic resources and after switching strategies.
func TestAccScalingPolicy_withDeliveryGroup(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	var gid string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: env.Config(withGroup(usageConfig("aig-placeholder", 4))),
				Check: func(s *terraform.State) error {
					gid = s.RootModule().Resources["appstreaming_delivery_group.test"].Primary.ID
					return strategyIs(env, gid, "NODE_SCALING_BY_USAGE")(s)
				},
			},
			{
				// Sessions fill the pool: the emulator scales out 2 elastic
				// resources; neither resource may see a difference.
				PreConfig: func() {
					if err := env.Emulator.Connect(gid, 4); err != nil {
						t.Fatal(err)
					}
					g, _ := env.Emulator.Group(gid)
					if np := g.NodePool[0]; np.ScalingNodeAmount == 0 {
						// creation latency is 0 by default: they exist at once
						t.Errorf("no elastic resources after 4 sessions on 2×2: %+v", np)
					}
				},
				Config:           env.Config(withGroup(usageConfig("aig-placeholder", 4))),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				Config: env.Config(withGroup(scheduleConfig("aig-placeholder", day(1), day(9)))),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(res, plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction("appstreaming_delivery_group.test", plancheck.ResourceActionNoop),
				}},
			},
			{
				Config: env.Config(withGroup(fixedConfig("aig-placeholder"))),
				Check: func(s *terraform.State) error {
					g, _ := env.Emulator.Group(gid)
					if np := g.NodePool[0]; np.NodeAmount != 2 || np.StrategyType != "NODE_FIXED" {
						return fmt.Errorf("pool after NODE_FIXED: %+v", np)
					}
					return nil
				},
			},
		},
	})
}
