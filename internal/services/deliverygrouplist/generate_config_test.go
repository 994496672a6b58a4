package deliverygrouplist_test

import (
	"strings"
	"testing"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
)

// terraform query -generate-config-out writes resources and import blocks;
// applying them imports every console-made pay-as-you-go group without
// changing any, and the next plan is empty. (A subscription group's period
// cannot be read back: its generated block needs period and period_unit
// filled in, see docs/guides/adopt-console-groups.md.)
func TestAccDeliveryGroupList_generateConfigRoundTrip(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	acctest.SkipUnlessCLIHas(t, acctest.FeatureQuery)
	ids := consoleGroups(t, env.Emulator)
	cli := acctest.NewCLI(t)
	cli.Write("main.tf", env.ProviderConfig())
	cli.Write("adopt.tfquery.hcl", `
list "appstreaming_delivery_group" "console" {
  provider         = appstreaming
  include_resource = true
  config {
    region_id   = "cn-shanghai"
    charge_type = "PostPaid"
  }
}
`)
	cli.MustRun("init", "-input=false")
	cli.MustRun("query", "-generate-config-out=generated.tf")
	gen := cli.Read("generated.tf")
	for name, id := range ids {
		want := name == "cad-design" || name == "office"
		if strings.Contains(gen, id) != want {
			t.Errorf("generated.tf mentions %s (%s): %v, want %v\n%s", name, id, !want, want, gen)
		}
	}
	if n := strings.Count(gen, "import {"); n != 2 {
		t.Fatalf("generated.tf has %d import blocks, want 2:\n%s", n, gen)
	}
	env.Emulator.ResetStats()
	out := cli.MustRun("apply", "-input=false", "-auto-approve")
	if !strings.Contains(out, "2 imported, 0 added, 0 changed, 0 destroyed") {
		t.Fatalf("apply of the generated configuration did more than import:\n%s\n%s", out, gen)
	}
	for _, action := range []string{"CreateAppInstanceGroup", "ModifyAppInstanceGroupAttribute", "ModifyNodePoolAttribute", "TagCloudResources"} {
		if n := env.Calls(action); n != 0 {
			t.Errorf("%s called %d times while importing", action, n)
		}
	}
	if out, code := cli.Run("plan", "-input=false", "-detailed-exitcode"); code != 0 {
		t.Fatalf("plan after the import is not empty (exit %d):\n%s\n%s", code, out, gen)
	}
}
