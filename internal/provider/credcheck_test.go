package provider_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
)

// A configuration with resources only (no data source, so nothing else would
// call the API at plan): a wrong secret or key ID fails at terraform plan,
// on the provider, with a hint, after exactly one ListRegions call and no
// other. skip_credentials_validation = true plans the same configuration
// without any call.
func TestAccProviderCredentialCheck(t *testing.T) {
	// The group ID is unknown at plan, so planning the resource itself makes
	// no call: the only call a plan can make is the credential check.
	resourcesOnly := `
resource "terraform_data" "group" {
  input = "aig-0000000000credcheck"
}

resource "appstreaming_user_authorization" "x" {
  delivery_group_id = terraform_data.group.output
  users             = ["alice"]
}
`
	providerBlock := func(url, keyID, secret, extra string) string {
		return fmt.Sprintf(`
provider "appstreaming" {
  endpoint    = %q
  access_key  = %q
  secret_key  = %q
  region      = "cn-shanghai"
  max_retries = 0
%s
}
`, url, keyID, secret, extra)
	}
	for name, tc := range map[string]struct {
		keyID, secret, extra string
		want                 string // "" means the plan succeeds
		listRegions          int
	}{
		"wrong secret": {emulator.DefaultAccessKeyID, "not-the-secret", "", `(?s)the secret does not match the access key.*` +
			`The access key ID was found.*check secret_key\s*/\s*ALIBABA_CLOUD_ACCESS_KEY_SECRET.*SignatureDoesNotMatch.*skip_credentials_validation`, 1},
		"unknown key ID": {"LTAInobody", "whatever", "", `(?s)unknown access key ID.*check access_key\s*/\s*ALIBABA_CLOUD_ACCESS_KEY_ID`, 1},
		"check skipped":  {emulator.DefaultAccessKeyID, "not-the-secret", "  skip_credentials_validation = true", "", 0},
		"right secret":   {emulator.DefaultAccessKeyID, emulator.DefaultAccessKeySecret, "", "", 1},
	} {
		t.Run(name, func(t *testing.T) {
			env := acctest.NewEnv(t)
			env.RequireEmulator(t)
			step := resource.TestStep{
				Config:             providerBlock(env.Server.URL, tc.keyID, tc.secret, tc.extra) + resourcesOnly,
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			}
			if tc.want != "" {
				step.ExpectError = regexp.MustCompile(tc.want)
			}
			resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories, Steps: []resource.TestStep{step}})
			if n, all := env.Calls("ListRegions"), env.Calls(""); n != tc.listRegions || all != n {
				t.Errorf("ListRegions calls %d (want %d), all calls %d (want only the check)", n, tc.listRegions, all)
			}
		})
	}
}
