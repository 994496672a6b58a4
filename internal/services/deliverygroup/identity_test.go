package deliverygroup_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
)

// Identity is set on create, stays the same through refresh, and an import
// block with only the identity gives an empty plan.
func TestAccDeliveryGroup_identity(t *testing.T) {
	env := acctest.NewEnv(t)
	cfg := groupCfg{name: "identity", image: imageOffice, charge: "PostPaid", instanceType: type4c8g, amount: 1, capacity: 2}
	identity := statecheck.ExpectIdentity(addr, map[string]knownvalue.Check{
		"id":        knownvalue.StringRegexp(regexp.MustCompile(`^aig-`)),
		"region_id": knownvalue.StringExact(acctest.DefaultRegion),
	})
	sameID := statecheck.ExpectIdentityValueMatchesState(addr, tfjsonpath.New("id"))
	updated := cfg
	updated.sessionTimeout = 30
	var id string
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.RequireCLIFeature(acctest.FeatureIdentity)},
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:            env.Config(cfg.hcl()),
				ConfigStateChecks: []statecheck.StateCheck{identity, sameID},
				Check:             captureID(&id),
			},
			{ // Refresh: the identity read back is the one stored (the framework fails a changed one).
				RefreshState: true,
			},
			{
				Config:            env.Config(cfg.hcl()),
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{identity, sameID},
			},
			{ // An in-place update keeps the identity (the framework fails a changed one).
				Config:           env.Config(updated.hcl()),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)}},
				ConfigStateChecks: []statecheck.StateCheck{identity, sameID, statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringFunc(func(v string) error {
					if v != id {
						return fmt.Errorf("id %s changed from %s", v, id)
					}
					return nil
				}))},
			},
			{ // import { to = …, identity = { id = …, region_id = … } }: a no-op import.
				ResourceName: addr, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity,
				Config: env.Config(updated.hcl()),
			},
		},
	})
}

// An identity naming another region than the group's is refused at import.
func TestAccDeliveryGroup_identityWrongRegion(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	gid := addGroup(t, env, "console-made")
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.RequireCLIFeature(acctest.FeatureIdentity)},
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.Config(fmt.Sprintf(`
import {
  to       = appstreaming_delivery_group.test
  identity = { id = %q, region_id = "cn-hangzhou" }
}
%s`, gid, groupCfg{name: "console-made", image: imageOffice, charge: "PostPaid", instanceType: type4c8g, amount: 1, capacity: 1}.hcl())),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)is in region cn-shanghai.*region_id = cn-hangzhou`),
		}},
	})
}

// addGroup publishes a pay-as-you-go group out of band, as the console would.
func addGroup(t *testing.T, env *acctest.Env, name string) string {
	t.Helper()
	id, err := env.Emulator.SeedGroup(emulator.GroupSeed{Name: name, ImageID: imageOffice, RegionID: acctest.DefaultRegion,
		InstanceType: type4c8g, Nodes: 1, Capacity: 1})
	if err != nil {
		t.Fatal(err)
	}
	return id
}
