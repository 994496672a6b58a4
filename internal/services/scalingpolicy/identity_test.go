package scalingpolicy_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
)

// Identity (delivery group ID + region) is set on create, survives refresh,
// and an import block with only the identity is a no-op import.
func TestAccScalingPolicy_identity(t *testing.T) {
	env := acctest.NewEnv(t)
	gid := newGroup(t, env, "PrePaid", 2)
	checks := []statecheck.StateCheck{
		statecheck.ExpectIdentity(res, map[string]knownvalue.Check{
			"delivery_group_id": knownvalue.StringExact(gid),
			"region_id":         knownvalue.StringExact(acctest.DefaultRegion),
		}),
		statecheck.ExpectIdentityValueMatchesState(res, tfjsonpath.New("delivery_group_id")),
	}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.RequireCLIFeature(acctest.FeatureIdentity)},
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: env.Config(usageConfig(gid, 4)), ConfigStateChecks: checks},
			{RefreshState: true},
			{Config: env.Config(usageConfig(gid, 4)), PlanOnly: true},
			{Config: env.Config(usageConfig(gid, 4)), ConfigStateChecks: checks},
			{ResourceName: res, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity, Config: env.Config(usageConfig(gid, 4))},
		},
	})
}
