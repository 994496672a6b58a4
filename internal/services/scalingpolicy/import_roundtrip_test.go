package scalingpolicy_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
)

// Import with -generate-config-out: the generated configuration validates,
// applies and then plans empty.
func TestAccScalingPolicy_importGeneratedConfig(t *testing.T) {
	env := acctest.NewEnv(t)
	gid := newGroup(t, env, "PostPaid", 2)
	setUsageOutOfBand(t, env, gid)
	rt := &acctest.ImportRoundTrip{ResourceName: res, ImportID: gid}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps:                    rt.Steps(t, env),
	})
	t.Logf("generated:\n%s", rt.Generated())
}
