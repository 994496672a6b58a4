package apppolicy_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
)

// Import with -generate-config-out: the generated configuration validates,
// applies and then plans empty.
func TestAccAppPolicy_importGeneratedConfig(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	g := env.PublishGroup(t, "ap-generated")
	rt := &acctest.ImportRoundTrip{ResourceName: "appstreaming_app_policy.test", ImportID: g.PolicyID,
		// The settings cannot be read back: they come out null, which must
		// validate (with a warning), and applying it sends nothing.
		Check: func(generated string) error {
			if !strings.Contains(generated, fmt.Sprintf("app_policy_id       = %q", g.PolicyID)) ||
				!regexp.MustCompile(`(?m)^\s*frame_rate\s*=\s*null$`).MatchString(generated) {
				return fmt.Errorf("want the policy ID and null settings")
			}
			return nil
		},
		ApplyCheck: func(*terraform.State) error {
			if n := env.Calls("ModifyAppPolicy"); n != 0 {
				return fmt.Errorf("applying the generated configuration made %d ModifyAppPolicy calls, want 0", n)
			}
			return nil
		}}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps:                    rt.Steps(t, env),
	})
	t.Logf("generated:\n%s", rt.Generated())
}
