package deliverygrouplist_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
)

const (
	imageOffice = "img-win2019-office"
	imageCAD    = "img-win2022-cad"
	type4c8g    = "appstreaming.general.4c8g"
	type8c16g   = "appstreaming.general.8c16g"
)

// consoleGroups publishes groups out of band, as the console does, and
// returns their IDs by name.
func consoleGroups(t *testing.T, e *emulator.Emulator) map[string]string {
	t.Helper()
	now := e.Now()
	groups := []emulator.GroupSeed{
		{Name: "cad-design", ImageID: imageCAD, RegionID: "cn-shanghai", Tags: map[string]string{"team": "design", "env": "prod"},
			InstanceType: type8c16g, Nodes: 1, Capacity: 2},
		{Name: "cad-design-2", ImageID: imageCAD, RegionID: "cn-hangzhou", Tags: map[string]string{"team": "design", "env": "dev"},
			InstanceType: type8c16g, Nodes: 1, Capacity: 2},
		{Name: "office", ImageID: imageOffice, RegionID: "cn-shanghai", Status: "MAINTAINING", Until: now.Add(time.Hour),
			Tags: map[string]string{"team": "finance"}, InstanceType: type4c8g, Nodes: 2, Capacity: 2},
		{Name: "office-subscription", ImageID: imageOffice, RegionID: "cn-shanghai", PrePaid: true,
			Expires: now.AddDate(0, 1, 0), InstanceType: type4c8g, Nodes: 1, Capacity: 1},
	}
	ids := map[string]string{}
	for _, g := range groups {
		id, err := e.SeedGroup(g)
		if err != nil {
			t.Fatal(err)
		}
		ids[g.Name] = id
	}
	return ids
}

func listBlock(name, body string) string {
	return fmt.Sprintf(`
list "appstreaming_delivery_group" %q {
  provider = appstreaming
  config {
%s
  }
}
`, name, body)
}

// exactly checks that the list block found precisely the groups named.
func exactly(block string, ids map[string]string, names ...string) []querycheck.QueryResultCheck {
	addr := "appstreaming_delivery_group." + block
	checks := []querycheck.QueryResultCheck{querycheck.ExpectLength(addr, len(names))}
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	for n, id := range ids {
		identity := map[string]knownvalue.Check{"id": knownvalue.StringExact(id), "region_id": knownvalue.NotNull()}
		if want[n] {
			checks = append(checks, querycheck.ExpectIdentity(addr, identity))
		} else {
			checks = append(checks, querycheck.ExpectNoIdentity(addr, identity))
		}
	}
	return checks
}

// Each filter returns exactly the matching console-made groups.
func TestAccDeliveryGroupList_filters(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	ids := consoleGroups(t, env.Emulator)
	cases := []struct {
		name, body string
		want       []string
	}{
		{"all", ``, []string{"cad-design", "cad-design-2", "office", "office-subscription"}},
		{"name", `name = "office"`, []string{"office"}}, // the API's substring match also finds office-subscription
		{"name_regex", `name_regex = "^cad-"`, []string{"cad-design", "cad-design-2"}},
		{"status", `status = ["MAINTAINING"]`, []string{"office"}},
		{"image", `image_id = "` + imageCAD + `"`, []string{"cad-design", "cad-design-2"}},
		{"instance_type", `instance_type = "` + type4c8g + `"`, []string{"office", "office-subscription"}},
		{"charge_type", `charge_type = "PrePaid"`, []string{"office-subscription"}},
		{"tags", `tags = { team = "design", env = "prod" }`, []string{"cad-design"}},
		{"region", `region_id = "cn-hangzhou"`, []string{"cad-design-2"}},
		{"combined", "region_id = \"cn-shanghai\"\n    name_regex = \"^office\"\n    status = [\"PUBLISHED\"]", []string{"office-subscription"}},
	}
	steps := []resource.TestStep{{Config: env.Config("")}}
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Query:             true,
			Config:            listBlock(c.name, c.body),
			QueryResultChecks: exactly(c.name, ids, c.want...),
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.RequireCLIFeature(acctest.FeatureQuery)},
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps:                    steps,
	})
}
