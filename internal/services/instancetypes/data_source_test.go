package instancetypes_test

import (
	"fmt"
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/validators"
)

const filtersConfig = `
data "appstreaming_instance_types" "all" {}

data "appstreaming_instance_types" "cpu4" {
  cpu = 4
}

data "appstreaming_instance_types" "mem16" {
  memory_gib = 16
}

data "appstreaming_instance_types" "gpu" {
  gpu = true
}

data "appstreaming_instance_types" "no_gpu_8c" {
  gpu = false
  cpu = 8
}

data "appstreaming_instance_types" "general" {
  name_regex = "^appstreaming\\.general\\."
}

data "appstreaming_instance_types" "hangzhou_big" {
  region_id  = "cn-hangzhou"
  memory_gib = 31
}

data "appstreaming_instance_types" "none" {
  cpu = 64
}
`

func typeIDs(v ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, 0, len(v))
	for _, s := range v {
		checks = append(checks, knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact(s)}))
	}
	return knownvalue.ListExact(checks)
}

func expect(name string, c knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue("data.appstreaming_instance_types."+name, tfjsonpath.New("instance_types"), c)
}

// checkDocumentedCapacity compares every max_capacity with the documented
// NodeCapacity table (validators.DocumentedCapacityRange): the emulator's
// ListNodeInstanceType must agree with it.
func checkDocumentedCapacity(s *terraform.State) error {
	rs := s.RootModule().Resources["data.appstreaming_instance_types.all"]
	if rs == nil {
		return fmt.Errorf("data source not in state")
	}
	a := rs.Primary.Attributes
	n, _ := strconv.Atoi(a["instance_types.#"])
	documented := 0
	for i := 0; i < n; i++ {
		id := a[fmt.Sprintf("instance_types.%d.id", i)]
		got := a[fmt.Sprintf("instance_types.%d.max_capacity", i)]
		if _, hi, ok := validators.DocumentedCapacityRange(id); ok {
			documented++
			if got != strconv.FormatInt(hi, 10) {
				return fmt.Errorf("%s: max_capacity %s, documented upper bound %d", id, got, hi)
			}
		}
	}
	if documented < 5 {
		return fmt.Errorf("only %d of the 5 documented types were listed", documented)
	}
	return nil
}

func TestAccInstanceTypesDataSource_filters(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.Config(filtersConfig),
			Check:  checkDocumentedCapacity,
			ConfigStateChecks: []statecheck.StateCheck{
				expect("all", knownvalue.ListSizeExact(6)),
				expect("cpu4", typeIDs("appstreaming.general.4c8g", "appstreaming.vgpu.4c8g.2g")),
				expect("mem16", typeIDs("appstreaming.general.8c16g", "appstreaming.vgpu.8c16g.4g")),
				expect("gpu", typeIDs("appstreaming.vgpu.4c8g.2g", "appstreaming.vgpu.8c16g.4g", "appstreaming.vgpu.8c31g.16g", "appstreaming.vgpu.14c93g.12g")),
				expect("general", typeIDs("appstreaming.general.4c8g", "appstreaming.general.8c16g")),
				// Strings and MB from the API become numbers and GiB.
				expect("no_gpu_8c", knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{
					"id":             knownvalue.StringExact("appstreaming.general.8c16g"),
					"name":           knownvalue.StringExact("Office - 8 vCPU 16 GiB"),
					"family":         knownvalue.StringExact("appstreaming.general"),
					"cpu":            knownvalue.Int64Exact(8),
					"memory_gib":     knownvalue.Float64Exact(16),
					"gpu":            knownvalue.Bool(false),
					"gpu_count":      knownvalue.Float64Exact(0),
					"gpu_memory_gib": knownvalue.Float64Exact(0),
					"max_capacity":   knownvalue.Int64Exact(4),
				})})),
				expect("hangzhou_big", knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"id":             knownvalue.StringExact("appstreaming.vgpu.8c31g.16g"),
					"memory_gib":     knownvalue.Float64Exact(31),
					"gpu":            knownvalue.Bool(true),
					"gpu_count":      knownvalue.Float64Exact(1),
					"gpu_memory_gib": knownvalue.Float64Exact(16),
				})})),
				expect("none", knownvalue.ListExact([]knownvalue.Check{})),
			},
		}},
	})
	if n := env.Calls("ListNodeInstanceType"); n == 0 {
		t.Error("the emulator saw no ListNodeInstanceType call")
	}
}

func TestAccInstanceTypesDataSource_validation(t *testing.T) {
	env := acctest.NewEnv(t)
	step := func(body, want string) resource.TestStep {
		return resource.TestStep{Config: env.Config(body), PlanOnly: true, ExpectError: regexp.MustCompile(want)}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			step(`data "appstreaming_instance_types" "x" { name_regex = "general[" }`, `Invalid Regular Expression`),
			step(`data "appstreaming_instance_types" "x" { cpu = 0 }`, `(?s)cpu.*at least 1`),
			step(`data "appstreaming_instance_types" "x" { memory_gib = 0 }`, `(?s)memory_gib.*at least 0.5`),
			step(`data "appstreaming_instance_types" "x" { region_id = "cn_shanghai" }`, `must be a region ID`),
		},
	})
	if !env.IsEmulator() {
		return // no call counter on the cloud: the plan errors are the test there
	}
	if n := env.Calls(""); n != 0 {
		t.Errorf("invalid configurations made %d API calls; want 0", n)
	}
}
