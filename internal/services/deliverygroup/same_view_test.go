package deliverygroup_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
)

const listAddr = "data.appstreaming_delivery_groups.same"

// TestAccDeliveryGroup_sameAsDataSource: the resource and the
// appstreaming_delivery_groups data source read the same group through one
// flatten, so created_at (RFC 3339, UTC) and the user tags agree. The second
// step (emulator only) adds tags the service owns — a System-scope tag and a
// reserved key labelled Custom — out of band: neither becomes a user tag in
// either view, and the resource shows no drift.
func TestAccDeliveryGroup_sameAsDataSource(t *testing.T) {
	env := acctest.NewEnv(t)
	var id string
	cfg := env.Config(groupCfg{name: "same-view", image: imageOffice, charge: "PostPaid", instanceType: type4c8g,
		amount: 1, capacity: 1, extra: `  tags = { env = "prod", team = "desk" }`}.hcl() + `
data "appstreaming_delivery_groups" "same" {
  ids = [appstreaming_delivery_group.test.id]
}
`)
	rfc3339 := regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`)
	same := resource.ComposeAggregateTestCheckFunc(
		resource.TestCheckResourceAttr(listAddr, "groups.#", "1"),
		resource.TestMatchResourceAttr(addr, "created_at", rfc3339),
		resource.TestCheckResourceAttrPair(addr, "created_at", listAddr, "groups.0.created_at"),
		resource.TestCheckResourceAttr(addr, "tags.%", "2"),
		resource.TestCheckResourceAttrPair(addr, "tags.%", listAddr, "groups.0.tags.%"),
		resource.TestCheckResourceAttrPair(addr, "tags.env", listAddr, "groups.0.tags.env"),
		resource.TestCheckResourceAttrPair(addr, "tags.team", listAddr, "groups.0.tags.team"),
	)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: cfg, Check: resource.ComposeAggregateTestCheckFunc(captureID(&id), same)},
			{
				SkipFunc: func() (bool, error) { return !env.IsEmulator(), nil },
				PreConfig: func() {
					if err := env.Emulator.SetTags(id, map[string]string{"env": "prod", "team": "desk", "acs:owner": "svc"},
						map[string]string{"System/Scheduler/GRAYSCALE": "false"}); err != nil {
						t.Fatal(err)
					}
				},
				Config:           cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check: resource.ComposeAggregateTestCheckFunc(same,
					resource.TestCheckResourceAttr(listAddr, "groups.0.system_tags.acs:owner", "svc"),
					resource.TestCheckResourceAttr(listAddr, "groups.0.system_tags.System/Scheduler/GRAYSCALE", "false")),
			},
		},
	})
}
