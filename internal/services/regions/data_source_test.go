package regions_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
)

const regionsConfig = `
data "appstreaming_regions" "all" {}
`

func TestAccRegionsDataSource(t *testing.T) {
	env := acctest.NewEnv(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.Config(regionsConfig),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.appstreaming_regions.all", tfjsonpath.New("regions"),
					knownvalue.ListPartial(map[int]knownvalue.Check{
						0: knownvalue.ObjectExact(map[string]knownvalue.Check{
							"id":   knownvalue.StringExact("ap-southeast-1"),
							"name": knownvalue.StringExact("Singapore"),
						}),
					})),
				statecheck.ExpectKnownValue("data.appstreaming_regions.all",
					tfjsonpath.New("regions").AtSliceIndex(2).AtMapKey("id"), knownvalue.StringExact("cn-shanghai")),
			},
		}},
	})
	if n := env.Calls("ListRegions"); n == 0 {
		t.Errorf("the emulator saw no ListRegions call")
	}
}

// With half of all calls answered Throttling.User, reads still succeed: the
// client retries, and the emulator counts the extra attempts.
func TestAccRegionsDataSource_throttled(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	env.Emulator.SetFaults(emulator.Faults{FailureRate: 0.5, FailureCodes: []string{"Throttling.User"}, Seed: 7})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.Config(regionsConfig),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.appstreaming_regions.all", tfjsonpath.New("regions"),
					knownvalue.ListSizeExact(3)),
			},
		}},
	})
	st := env.Emulator.Stats().Actions["ListRegions"]
	if st.Injected == 0 {
		t.Fatalf("no throttling was injected (stats %+v): the test proves nothing", st)
	}
	if st.Calls <= st.OK {
		t.Errorf("extra attempts not visible in stats: %+v", st)
	}
	t.Logf("ListRegions under 50%% throttling: %d calls, %d ok, %d injected", st.Calls, st.OK, st.Injected)
}

func TestAccRegionsDataSource_badCredentials(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	cfg := `
provider "appstreaming" {
  endpoint   = "` + env.Server.URL + `"
  access_key = "` + emulator.DefaultAccessKeyID + `"
  secret_key = "not-the-secret"
  max_retries = 0
}
` + regionsConfig
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      cfg,
			ExpectError: regexp.MustCompile(`SignatureDoesNotMatch`),
		}},
	})
}
