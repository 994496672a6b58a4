package deliverygroup_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
)

// Import with -generate-config-out: the generated configuration validates,
// applies and then plans empty, and pins no service-chosen policy.
func TestAccDeliveryGroup_importGeneratedConfig(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	g := env.PublishGroup(t, "dg-generated")
	rt := &acctest.ImportRoundTrip{ResourceName: "appstreaming_delivery_group.test", ImportID: g.ID,
		// The policy the service created dies with the group: pinning it in
		// configuration would re-create the group bound to a dead policy.
		Check: func(generated string) error {
			if regexp.MustCompile(`(?m)^\s*app_policy_id\s*=`).MatchString(generated) {
				return fmt.Errorf("the service-created app_policy_id is written into the configuration")
			}
			if !regexp.MustCompile(`(?m)^\s*bind_app_policy_id\s*=\s*null$`).MatchString(generated) {
				return fmt.Errorf("bind_app_policy_id should be null after an import")
			}
			return nil
		}}
	resource.Test(t, resource.TestCase{
		// Terraform 1.8 generates node_pool without its computed attributes and
		// then rejects its own output ("attributes id and strategy_type are
		// required"); 1.11.4 and 1.15.0 are verified to round-trip.
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps:                    rt.Steps(t, env),
	})
	t.Logf("generated:\n%s", rt.Generated())
}
