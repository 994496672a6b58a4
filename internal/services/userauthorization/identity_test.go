package userauthorization_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
)

// Identity (delivery group ID + region) is set on create, survives refresh,
// and an import block with only the identity imports it.
func TestAccUserAuthorization_identity(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	g := env.PublishGroup(t, "ua-identity")
	body := `  users = ["alice", "bob"]`
	checks := []statecheck.StateCheck{
		statecheck.ExpectIdentity(addr, map[string]knownvalue.Check{
			"delivery_group_id": knownvalue.StringExact(g.ID),
			"region_id":         knownvalue.StringExact(acctest.DefaultRegion),
		}),
		statecheck.ExpectIdentityValueMatchesState(addr, tfjsonpath.New("delivery_group_id")),
	}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.RequireCLIFeature(acctest.FeatureIdentity)},
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config(env, g.ID, body), ConfigStateChecks: checks},
			{RefreshState: true},
			{Config: config(env, g.ID, body), ConfigStateChecks: checks},
			// UserMeta (user_type) cannot be read back, so as with import by ID
			// the import plan records it, and changes nothing else.
			{ResourceName: addr, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity, Config: config(env, g.ID, body),
				ExpectNonEmptyPlan: true,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("users"), strSet("alice", "bob")),
				}}},
		},
	})
}
