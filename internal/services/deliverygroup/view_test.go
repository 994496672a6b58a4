package deliverygroup_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
)

// TestAccDeliveryGroup_refreshFromList: refresh reads the group from a
// ListAppInstanceGroup page (no Get), and runtime_policy.session_type,
// which only Get returns, keeps its state value instead of flapping.
func TestAccDeliveryGroup_refreshFromList(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	cfg := groupCfg{name: "tf-acc-view", image: imageOffice, charge: "PostPaid", instanceType: type4c8g, amount: 1, capacity: 1,
		extra: `  runtime_policy = { session_type = "CONSOLE" }` + "\n"}
	sessionType := statecheck.ExpectKnownValue(addr, tfjsonpath.New("runtime_policy").AtMapKey("session_type"), knownvalue.StringExact("CONSOLE"))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: env.Config(cfg.hcl()), ConfigStateChecks: []statecheck.StateCheck{sessionType}},
			{
				PreConfig:         func() { env.Emulator.ResetStats() },
				Config:            env.Config(cfg.hcl()),
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{sessionType},
				Check: func(*terraform.State) error {
					if l, g := env.Calls("ListAppInstanceGroup"), env.Calls("GetAppInstanceGroup"); l == 0 || g != 0 {
						return fmt.Errorf("refreshes made %d List and %d Get calls, want ≥ 1 and 0", l, g)
					}
					return nil
				},
			},
		},
	})
}
