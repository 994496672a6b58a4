package images_test

import (
	"path/filepath"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
)

// An emulator started from the sample --catalog-file
// (examples/emulator/catalog.json) serves that account's images and
// instance types to the data sources, and nothing of the seed catalog.
func TestAccCatalogFile_drivesImagesAndInstanceTypes(t *testing.T) {
	env := acctest.NewEnv(t, acctest.WithCatalogFile(t, filepath.Join("..", "..", "..", "examples", "emulator", "catalog.json")))
	env.RequireEmulator(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.Config(`
data "appstreaming_images" "beijing" {
  region_id = "cn-beijing"
}

data "appstreaming_images" "latest_acme" {
  region_id   = "cn-beijing"
  name_regex  = "^acme-"
  most_recent = true
}

data "appstreaming_images" "shenzhen" {
  region_id = "cn-shenzhen"
}

data "appstreaming_instance_types" "all" {
  region_id = "cn-beijing"
}

data "appstreaming_instance_types" "gpu" {
  region_id = "cn-beijing"
  gpu       = true
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.appstreaming_images.beijing", tfjsonpath.New("images"),
					knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact("img-acme-cad-v2"), "status": knownvalue.StringExact("CREATING")}),
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact("img-acme-office-v7"), "name": knownvalue.StringExact("acme-office-v7")}),
					})),
				statecheck.ExpectKnownValue("data.appstreaming_images.latest_acme", tfjsonpath.New("images"),
					knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact("img-acme-cad-v2")})})),
				statecheck.ExpectKnownValue("data.appstreaming_images.shenzhen", tfjsonpath.New("images"),
					knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact("img-acme-office-v7")})})),
				statecheck.ExpectKnownValue("data.appstreaming_instance_types.all", tfjsonpath.New("instance_types"),
					knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact("appstreaming.general.4c8g"), "max_capacity": knownvalue.Int64Exact(2)}),
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact("appstreaming.vgpu.8c16g.4g"), "family": knownvalue.StringExact("appstreaming.vgpu"), "gpu_memory_gib": knownvalue.Float64Exact(4)}),
					})),
				statecheck.ExpectKnownValue("data.appstreaming_instance_types.gpu", tfjsonpath.New("instance_types"),
					knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact("appstreaming.vgpu.8c16g.4g")})})),
			},
		}, {
			// The seed catalog is gone: no image in a seed region, and the
			// seed region itself is unknown to ListNodeInstanceType.
			Config: env.Config(`
data "appstreaming_images" "seed_region" {
  region_id = "cn-shanghai"
}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.appstreaming_images.seed_region", tfjsonpath.New("images"), knownvalue.ListSizeExact(0)),
			},
		}, {
			Config: env.Config(`
data "appstreaming_instance_types" "seed_region" {
  region_id = "cn-shanghai"
}
`),
			ExpectError: regexp.MustCompile(`cn-shanghai`),
		}},
	})
}
