package images_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
)

// The emulator's seed catalog (emulator.DefaultCatalog): in every region
// three System images and three custom ("User") ones; the two custom
// office images were made on the same day, 2026-03-10, at 01:15 and 09:40
// UTC (plus one minute per region index: cn-hangzhou is index 1).
const filtersConfig = `
data "appstreaming_images" "all" {}

data "appstreaming_images" "latest_office" {
  name_regex  = "^custom-office-"
  most_recent = true
}

data "appstreaming_images" "system" {
  image_type = "System"
}

data "appstreaming_images" "custom_hangzhou" {
  image_type = "Custom"
  region_id  = "cn-hangzhou"
}

data "appstreaming_images" "linux" {
  os_type = "Linux"
}

data "appstreaming_images" "creating" {
  status = "CREATING"
}

data "appstreaming_images" "one_id" {
  ids = ["img-win2022-cad"]
}

data "appstreaming_images" "two_ids" {
  ids = ["img-win2022-cad", "img-ubuntu2204-dev"]
}

data "appstreaming_images" "none" {
  name_regex = "^no-such-image$"
}
`

func ids(v ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, 0, len(v))
	for _, s := range v {
		checks = append(checks, knownvalue.StringExact(s))
	}
	return knownvalue.ListExact(checks)
}

func size(name string, n int) statecheck.StateCheck {
	return statecheck.ExpectKnownValue("data.appstreaming_images."+name, tfjsonpath.New("images"), knownvalue.ListSizeExact(n))
}

func TestAccImagesDataSource_filters(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	id := func(i int) tfjsonpath.Path { return tfjsonpath.New("images").AtSliceIndex(i).AtMapKey("id") }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.Config(filtersConfig),
			ConfigStateChecks: []statecheck.StateCheck{
				// Default region (cn-shanghai): 3 system + 3 custom, newest first.
				size("all", 6),
				statecheck.ExpectKnownValue("data.appstreaming_images.all", id(0), knownvalue.StringExact("img-cnshanghailinux1")),
				statecheck.ExpectKnownValue("data.appstreaming_images.all", id(5), knownvalue.StringExact("img-win2019-office")),
				// most_recent: the 09:40 image beats the 01:15 one of the same day.
				statecheck.ExpectKnownValue("data.appstreaming_images.latest_office", tfjsonpath.New("images"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"id":            knownvalue.StringExact("img-cnshanghaioffice2"),
						"name":          knownvalue.StringExact("custom-office-cn-shanghai-v2"),
						"type":          knownvalue.StringExact("Custom"),
						"os_type":       knownvalue.StringExact("Windows"),
						"status":        knownvalue.StringExact("AVAILABLE"),
						"region_id":     knownvalue.StringExact("cn-shanghai"),
						"region_ids":    ids("cn-shanghai"),
						"created_at":    knownvalue.StringExact("2026-03-10T09:40:00Z"),
						"platform_name": knownvalue.StringExact("Windows Server 2019"),
						"protocol_type": knownvalue.StringExact("ASP"),
						"description":   knownvalue.StringExact("custom office v2"),
						"version_name":  knownvalue.StringExact("v1.0.0"),
						"apps": knownvalue.ListExact([]knownvalue.Check{
							knownvalue.ObjectExact(map[string]knownvalue.Check{"id": knownvalue.StringExact("ca-office0000000001"), "name": knownvalue.StringExact("WPS Office")}),
							knownvalue.ObjectExact(map[string]knownvalue.Check{"id": knownvalue.StringExact("ca-browser000000001"), "name": knownvalue.StringExact("Chrome")}),
						}),
					}),
				})),
				size("system", 3),
				statecheck.ExpectKnownValue("data.appstreaming_images.system", tfjsonpath.New("images").AtSliceIndex(0).AtMapKey("type"), knownvalue.StringExact("System")),
				size("custom_hangzhou", 3),
				statecheck.ExpectKnownValue("data.appstreaming_images.custom_hangzhou", id(0), knownvalue.StringExact("img-cnhangzhoulinux1")),
				statecheck.ExpectKnownValue("data.appstreaming_images.custom_hangzhou", id(1), knownvalue.StringExact("img-cnhangzhouoffice2")),
				statecheck.ExpectKnownValue("data.appstreaming_images.custom_hangzhou", tfjsonpath.New("images").AtSliceIndex(1).AtMapKey("created_at"),
					knownvalue.StringExact("2026-03-10T09:41:00Z")),
				statecheck.ExpectKnownValue("data.appstreaming_images.custom_hangzhou", tfjsonpath.New("images").AtSliceIndex(1).AtMapKey("region_id"),
					knownvalue.StringExact("cn-hangzhou")),
				size("linux", 2),
				statecheck.ExpectKnownValue("data.appstreaming_images.linux", id(1), knownvalue.StringExact("img-ubuntu2204-dev")),
				statecheck.ExpectKnownValue("data.appstreaming_images.creating", tfjsonpath.New("images").AtSliceIndex(0).AtMapKey("status"), knownvalue.StringExact("CREATING")),
				size("creating", 1),
				size("one_id", 1),
				statecheck.ExpectKnownValue("data.appstreaming_images.one_id", id(0), knownvalue.StringExact("img-win2022-cad")),
				size("two_ids", 2),
				statecheck.ExpectKnownValue("data.appstreaming_images.two_ids", id(0), knownvalue.StringExact("img-ubuntu2204-dev")),
				statecheck.ExpectKnownValue("data.appstreaming_images.two_ids", id(1), knownvalue.StringExact("img-win2022-cad")),
				// No match: an empty list, not an error.
				statecheck.ExpectKnownValue("data.appstreaming_images.none", tfjsonpath.New("images"), knownvalue.ListExact([]knownvalue.Check{})),
			},
		}, {
			// most_recent promises one image: no match is an error.
			Config: env.Config(`
data "appstreaming_images" "latest" {
  name_regex  = "^no-such-image$"
  most_recent = true
}
`),
			ExpectError: regexp.MustCompile(`No image matches`),
		}},
	})
	if n := env.Calls("ListImage"); n == 0 {
		t.Error("the emulator saw no ListImage call")
	}
}

// Every filter is checked at plan time, before any API call.
func TestAccImagesDataSource_validation(t *testing.T) {
	env := acctest.NewEnv(t)
	step := func(body, want string) resource.TestStep {
		return resource.TestStep{Config: env.Config(body), PlanOnly: true, ExpectError: regexp.MustCompile(want)}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			step(`data "appstreaming_images" "x" { name_regex = "custom-(office" }`, `Invalid Regular Expression`),
			step(`data "appstreaming_images" "x" { image_type = "User" }`, `(?s)image_type.*System.*Custom`),
			step(`data "appstreaming_images" "x" { os_type = "windows" }`, `(?s)os_type.*Windows`),
			step(`data "appstreaming_images" "x" { status = "READY" }`, `(?s)status.*AVAILABLE`),
			step(`data "appstreaming_images" "x" { region_id = "Shanghai" }`, `must be a region ID`),
			step(`data "appstreaming_images" "x" { ids = ["img-1", "img-1"] }`, `(?i)duplicate`),
			step(`data "appstreaming_images" "x" { ids = [] }`, `(?s)ids.*at least 1`),
		},
	})
	if !env.IsEmulator() {
		return // no call counter on the cloud: the plan errors are the test there
	}
	if n := env.Calls(""); n != 0 {
		t.Errorf("invalid configurations made %d API calls; want 0 (stats %+v)", n, env.Emulator.Stats())
	}
}
