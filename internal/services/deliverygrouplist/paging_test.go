package deliverygrouplist_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
)

// callsCheck asserts how many ListAppInstanceGroup calls the query made.
type callsCheck struct {
	env  *acctest.Env
	want int
}

func (c callsCheck) CheckQuery(_ context.Context, _ querycheck.CheckQueryRequest, resp *querycheck.CheckQueryResponse) {
	if got := c.env.Calls("ListAppInstanceGroup"); got != c.want {
		resp.Error = fmt.Errorf("ListAppInstanceGroup called %d times, want %d", got, c.want)
	}
}

// 230 groups come back from 3 pages of 100; include_resource returns the
// whole resource object.
func TestAccDeliveryGroupList_pagingAndIncludeResource(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	var first string
	for i := range 230 {
		id, err := env.Emulator.SeedGroup(emulator.GroupSeed{Name: fmt.Sprintf("bulk-%03d", i), ImageID: imageOffice,
			Tags: map[string]string{"batch": "bulk"}, InstanceType: type4c8g, Nodes: 1, Capacity: 2})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = id
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.RequireCLIFeature(acctest.FeatureQuery)},
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: env.Config("")},
			{
				PreConfig: func() { env.Emulator.ResetStats() },
				Query:     true,
				Config: `
list "appstreaming_delivery_group" "bulk" {
  provider         = appstreaming
  include_resource = true
  limit            = 500 # Terraform's default is 100 results
  config {}
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("appstreaming_delivery_group.bulk", 230),
					callsCheck{env, 3},
					querycheck.ExpectResourceKnownValues("appstreaming_delivery_group.bulk",
						queryfilter.ByResourceIdentity(map[string]knownvalue.Check{"id": knownvalue.StringExact(first), "region_id": knownvalue.StringExact("cn-shanghai")}),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("name"), KnownValue: knownvalue.StringExact("bulk-000")},
							{Path: tfjsonpath.New("charge_type"), KnownValue: knownvalue.StringExact("PostPaid")},
							{Path: tfjsonpath.New("node_pool").AtMapKey("capacity"), KnownValue: knownvalue.Int64Exact(2)},
							{Path: tfjsonpath.New("tags").AtMapKey("batch"), KnownValue: knownvalue.StringExact("bulk")},
							{Path: tfjsonpath.New("status"), KnownValue: knownvalue.StringExact("PUBLISHED")},
						}),
					querycheck.ExpectResourceDisplayName("appstreaming_delivery_group.bulk",
						queryfilter.ByResourceIdentity(map[string]knownvalue.Check{"id": knownvalue.StringExact(first), "region_id": knownvalue.NotNull()}),
						knownvalue.StringExact("bulk-000 ("+first+", cn-shanghai)")),
				},
			},
		},
	})
}
