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
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
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

// TestAccDeliveryGroup_tagFailureDoesNotTaint: when tagging a freshly
// published group fails, the group is recorded healthy (a warning, not an
// error): the next apply adds the tags in place instead of replacing it.
func TestAccDeliveryGroup_tagFailureDoesNotTaint(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	cfg := groupCfg{name: "tf-acc-tagfail", image: imageOffice, charge: "PostPaid", instanceType: type4c8g, amount: 1, capacity: 1,
		extra: `  tags = { team = "a" }` + "\n"}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					env.Emulator.SetFaults(emulator.Faults{FailureRate: 1, Actions: []string{"TagCloudResources"}, FailureCodes: []string{"InternalError"}})
				},
				Config:             env.Config(cfg.hcl()),
				ExpectNonEmptyPlan: true, // the tags are still to add
				Check: func(*terraform.State) error {
					env.Emulator.SetFaults(emulator.Faults{})
					if n := env.Calls("TagCloudResources"); n == 0 {
						return fmt.Errorf("tagging was not attempted")
					}
					return nil
				},
			},
			{
				PreConfig:        func() { env.Emulator.ResetStats() },
				Config:           env.Config(cfg.hcl()),
				ConfigPlanChecks: expect(plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("tags").AtMapKey("team"), knownvalue.StringExact("a")),
				},
				Check: checkCalls(env, map[string]int{"CreateAppInstanceGroup": 0, "DeleteAppInstanceGroup": 0, "TagCloudResources": 1}),
			},
		},
	})
}

// TestAccDeliveryGroup_refreshInLargeAccount: 5,000 groups in the account,
// 1 managed: a plan (refresh included) costs at most 2 API calls.
func TestAccDeliveryGroup_refreshInLargeAccount(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	cfg := groupCfg{name: "tf-acc-large", image: imageOffice, charge: "PostPaid", instanceType: type4c8g, amount: 1, capacity: 1}
	// The others first: the managed group is on the last page.
	for i := range 5000 {
		if _, err := env.Emulator.SeedGroup(emulator.GroupSeed{ImageID: imageOffice, Name: fmt.Sprintf("other-%04d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	cli := acctest.NewCLI(t)
	cli.Write("main.tf", env.ProviderConfig()+cfg.hcl())
	cli.MustRun("init", "-input=false")
	if o, code := cli.Run("apply", "-auto-approve", "-input=false"); code != 0 {
		t.Fatalf("apply exited %d:\n%s", code, o)
	}
	env.Emulator.ResetStats()
	if o, code := cli.Run("plan", "-detailed-exitcode", "-input=false"); code != 0 {
		t.Fatalf("plan not empty (exit %d):\n%s", code, o)
	}
	n := env.Calls("")
	if n == 0 || n > 2 {
		t.Fatalf("refresh of 1 group among 5,001 made %d API calls, want 1..2", n)
	}
	t.Logf("refresh of 1 group among 5,001: %d calls (%d List, %d Get)", n, env.Calls("ListAppInstanceGroup"), env.Calls("GetAppInstanceGroup"))
}
