package deliverygroups_test

import (
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
)

// seed adds groups through the emulator's Go API and returns their IDs.
func seed(t *testing.T, e *emulator.Emulator, gs ...emulator.GroupSeed) []string {
	t.Helper()
	ids := make([]string, 0, len(gs))
	for _, g := range gs {
		id, err := e.SeedGroup(g)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	return ids
}

func TestAccDeliveryGroupsDataSource_filters(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	created := time.Date(2026, 5, 4, 3, 2, 1, 0, time.UTC)
	ids := seed(t, env.Emulator,
		emulator.GroupSeed{ID: "aig-cad000000000001", Name: "cad-design-a", ImageID: "img-win2022-cad", RegionID: "cn-shanghai",
			Status: "PUBLISHED", PrePaid: true, SessionTimeout: -1, Created: created, Expires: created.AddDate(1, 0, 0), OfficeSiteID: "cn-shanghai+dir-0000000001",
			Tags: map[string]string{"team": "design", "env": "prod"}, SystemTags: map[string]string{"System/Scheduler/GRAYSCALE": "false"},
			OtaVersion: "2.0.0", PendingOta: "2.1.0", PendingOtaTask: "ota-0000000000000001",
			InstanceType: "appstreaming.vgpu.8c16g.4g", Nodes: 3, Capacity: 4,
			Usage: &emulator.UsageScaling{Max: 8, Step: 2, Threshold: "85", IdleMinutes: 10, MaxIdle: 3, ScaledNodes: 2, ScaledNodesUsed: 1}},
		emulator.GroupSeed{ID: "aig-cad000000000002", Name: "cad-design-b", ImageID: "img-win2022-cad", RegionID: "cn-hangzhou",
			Status: "MAINTAINING", Tags: map[string]string{"team": "design", "env": "dev"},
			InstanceType: "appstreaming.vgpu.8c16g.4g", Nodes: 1, Capacity: 2},
		emulator.GroupSeed{ID: "aig-office000000003", Name: "office", ImageID: "img-win2019-office", RegionID: "cn-shanghai",
			Status: "FAILED", Tags: map[string]string{"team": "finance"},
			InstanceType: "appstreaming.general.4c8g", Nodes: 2, Capacity: 2,
			Schedule: &emulator.ScheduleScaling{From: "2026-06-01", To: "2026-12-01", WarmUp: true,
				Weekly: []emulator.WeeklyWindows{{Days: []int{1, 2, 3}, Windows: []emulator.Window{{Start: "09:00", End: "12:00", Nodes: 4}}}}}},
	)
	cfg := fmt.Sprintf(`
data "appstreaming_delivery_groups" "all" {}

data "appstreaming_delivery_groups" "by_ids" {
  ids = [%[1]q, %[3]q]
}

data "appstreaming_delivery_groups" "by_id" {
  ids = [%[2]q]
}

data "appstreaming_delivery_groups" "by_name" {
  name = "design"
}

data "appstreaming_delivery_groups" "by_status" {
  status = ["MAINTAINING", "FAILED"]
}

data "appstreaming_delivery_groups" "by_image" {
  image_id = "img-win2019-office"
}

data "appstreaming_delivery_groups" "by_region" {
  region_id = "cn-hangzhou"
}

data "appstreaming_delivery_groups" "by_type" {
  instance_type = "appstreaming.vgpu.8c16g.4g"
}

data "appstreaming_delivery_groups" "by_office_site" {
  office_site_id = "cn-shanghai+dir-0000000001"
}

data "appstreaming_delivery_groups" "by_tags" {
  tags = { team = "design", env = "dev" }
}

data "appstreaming_delivery_groups" "by_system_tag" {
  tags = { "System/Scheduler/GRAYSCALE" = "false" }
}

data "appstreaming_delivery_groups" "combined" {
  name      = "cad"
  status    = ["PUBLISHED"]
  region_id = "cn-shanghai"
}

data "appstreaming_delivery_groups" "none" {
  name = "no-such-group"
}
`, ids[0], ids[1], ids[2])
	groupIDs := func(v ...string) knownvalue.Check {
		cs := make([]knownvalue.Check, 0, len(v))
		for _, s := range v {
			cs = append(cs, knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact(s)}))
		}
		return knownvalue.ListExact(cs)
	}
	expect := func(name string, c knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue("data.appstreaming_delivery_groups."+name, tfjsonpath.New("groups"), c)
	}
	// 12 sessions fill 3 resources of capacity 4: usage 100 % > 85 %, so the
	// emulator's scaling engine adds elastic resources.
	if err := env.Emulator.Connect(ids[0], 12); err != nil {
		t.Fatal(err)
	}
	rec, ok := env.Emulator.GroupRecord(ids[0])
	if !ok || rec.PolicyID == "" {
		t.Fatalf("seeded group %s has no policy", ids[0])
	}
	policyID := rec.PolicyID
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.Config(cfg),
			Check:  checkPoolCounters(env, ids[0]),
			ConfigStateChecks: []statecheck.StateCheck{
				expect("all", groupIDs(ids[0], ids[1], ids[2])),
				expect("by_ids", groupIDs(ids[0], ids[2])),
				expect("by_id", groupIDs(ids[1])),
				expect("by_name", groupIDs(ids[0], ids[1])),
				expect("by_status", groupIDs(ids[1], ids[2])),
				expect("by_image", groupIDs(ids[2])),
				expect("by_region", groupIDs(ids[1])),
				expect("by_type", groupIDs(ids[0], ids[1])),
				expect("by_office_site", groupIDs(ids[0])),
				expect("by_tags", groupIDs(ids[1])),
				expect("by_system_tag", groupIDs(ids[0])),
				expect("combined", groupIDs(ids[0])),
				expect("none", knownvalue.ListExact([]knownvalue.Check{})),
				// The documented fields of ListAppInstanceGroup, converted.
				expect("by_office_site", knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"name":                 knownvalue.StringExact("cad-design-a"),
					"region_id":            knownvalue.StringExact("cn-shanghai"),
					"image_id":             knownvalue.StringExact("img-win2022-cad"),
					"product_type":         knownvalue.StringExact("CloudApp"),
					"os_type":              knownvalue.StringExact("Windows"),
					"status":               knownvalue.StringExact("PUBLISHED"),
					"resource_status":      knownvalue.NotNull(),
					"charge_type":          knownvalue.StringExact("PrePaid"),
					"charge_resource_mode": knownvalue.StringExact("Node"),
					"app_policy_id":        knownvalue.StringExact(policyID),
					"app_policy_version":   knownvalue.StringExact("CENTER"),
					"session_timeout":      knownvalue.Int64Exact(-1),
					"office_site_id":       knownvalue.StringExact("cn-shanghai+dir-0000000001"),
					"created_at":           knownvalue.StringExact("2026-05-04T03:02:01Z"),
					"expired_at":           knownvalue.StringExact("2027-05-04T03:02:01Z"),
					"tags":                 knownvalue.MapExact(map[string]knownvalue.Check{"team": knownvalue.StringExact("design"), "env": knownvalue.StringExact("prod")}),
					"system_tags":          knownvalue.MapExact(map[string]knownvalue.Check{"System/Scheduler/GRAYSCALE": knownvalue.StringExact("false")}),
					"apps": knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"id": knownvalue.StringExact("ca-cad0000000000001"), "name": knownvalue.StringExact("FreeCAD"), "version": knownvalue.StringExact("0.21"),
					})}),
					"ota": knownvalue.ObjectExact(map[string]knownvalue.Check{
						"current_version": knownvalue.StringExact("2.0.0"), "new_version": knownvalue.StringExact("2.1.0"),
						"task_id": knownvalue.StringExact("ota-0000000000000001"),
					}),
					"node_pool": knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"id":                              knownvalue.StringRegexp(regexp.MustCompile(`^rg-`)),
						"instance_type":                   knownvalue.StringExact("appstreaming.vgpu.8c16g.4g"),
						"capacity":                        knownvalue.Int64Exact(4),
						"amount":                          knownvalue.Int64Exact(3),
						"strategy_type":                   knownvalue.StringExact("NODE_SCALING_BY_USAGE"),
						"max_scaling_amount":              knownvalue.Int64Exact(8),
						"scaling_step":                    knownvalue.Int64Exact(2),
						"scaling_usage_threshold":         knownvalue.Int64Exact(85),
						"scaling_down_after_idle_minutes": knownvalue.Int64Exact(10),
						"max_idle_app_instance_amount":    knownvalue.Int64Exact(3),
					}),
				})})),
				expect("by_image", knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"ota": knownvalue.ObjectPartial(map[string]knownvalue.Check{"new_version": knownvalue.Null()}),
					"node_pool": knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"strategy_type":         knownvalue.StringExact("NODE_SCALING_BY_SCHEDULE"),
						"strategy_enable_date":  knownvalue.StringExact("2026-06-01"),
						"strategy_disable_date": knownvalue.StringExact("2026-12-01"),
						"warm_up":               knownvalue.Bool(true),
						"recurrence_schedules": knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{
							"type": knownvalue.StringExact("Weekly"),
							"days": knownvalue.ListExact([]knownvalue.Check{knownvalue.Int64Exact(1), knownvalue.Int64Exact(2), knownvalue.Int64Exact(3)}),
							"periods": knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{
								"start_time": knownvalue.StringExact("09:00"), "end_time": knownvalue.StringExact("12:00"), "amount": knownvalue.Int64Exact(4),
							})}),
						})}),
					}),
				})})),
			},
		}},
	})
}

// checkPoolCounters compares the node pool's usage counters with what the
// emulator reports for the group, and insists they are not all zero.
func checkPoolCounters(env *acctest.Env, id string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		v, ok := env.Emulator.Group(id)
		if !ok || len(v.NodePool) != 1 {
			return fmt.Errorf("group %s not in the emulator", id)
		}
		np := v.NodePool[0]
		if np.NodeUsed == 0 || np.ScalingNodeAmount == 0 {
			return fmt.Errorf("the emulator reports no usage (%+v): the check proves nothing", np)
		}
		a := s.RootModule().Resources["data.appstreaming_delivery_groups.by_office_site"].Primary.Attributes
		for attr, want := range map[string]int{"node_used": np.NodeUsed, "scaling_node_amount": np.ScalingNodeAmount,
			"scaling_node_used": np.ScalingNodeUsed, "purchased_amount": np.Amount} {
			if got := a["groups.0.node_pool."+attr]; got != fmt.Sprint(want) {
				return fmt.Errorf("node_pool.%s = %s, the emulator says %d", attr, got, want)
			}
		}
		return nil
	}
}

// callsPerRead checks, right after an apply, that each read of the groups
// data source cost want ListAppInstanceGroup calls. Terraform reads a data
// source during plan and possibly again later; the config also holds an
// appstreaming_regions data source, which costs exactly one ListRegions
// call per read, so ListRegions counts the reads.
func callsPerRead(env *acctest.Env, want int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		reads := env.Calls("ListRegions")
		lists := env.Calls("ListAppInstanceGroup")
		if reads == 0 {
			return fmt.Errorf("no read happened (stats %+v)", env.Emulator.Stats())
		}
		if lists != want*reads {
			return fmt.Errorf("%d ListAppInstanceGroup calls for %d reads; want %d per read", lists, reads, want)
		}
		return nil
	}
}

func TestAccDeliveryGroupsDataSource_paging(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	gs := make([]emulator.GroupSeed, 250)
	for i := range gs {
		gs[i] = emulator.GroupSeed{ID: fmt.Sprintf("aig-page%011d", i), Name: fmt.Sprintf("paged-%03d", i), ImageID: "img-win2019-office"}
	}
	ids := seed(t, env.Emulator, gs...)
	withCounter := func(body string) string {
		// No credential check: its ListRegions call would count as a read.
		return env.ConfigSkipCredentialCheck(body + "\ndata \"appstreaming_regions\" \"read_counter\" {}\n")
	}
	reset := func() { env.Emulator.ResetStats() }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			// 250 groups, 100 per page: 3 calls per read.
			PreConfig: reset,
			Config:    withCounter(`data "appstreaming_delivery_groups" "all" {}`),
			Check:     callsPerRead(env, 3),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.appstreaming_delivery_groups.all", tfjsonpath.New("groups"), knownvalue.ListSizeExact(250)),
				statecheck.ExpectKnownValue("data.appstreaming_delivery_groups.all", tfjsonpath.New("groups").AtSliceIndex(249).AtMapKey("id"),
					knownvalue.StringExact(ids[249])),
			},
		}, {
			// A plan alone (one more refresh) costs the same per read.
			PreConfig: reset,
			Config:    withCounter(`data "appstreaming_delivery_groups" "all" {}`),
			PlanOnly:  true,
		}, {
			// Two IDs on the first page: that page answers both, 1 call.
			PreConfig: func() {
				if lists, reads := env.Calls("ListAppInstanceGroup"), env.Calls("ListRegions"); reads == 0 || lists != 3*reads {
					t.Errorf("plan-only step: %d ListAppInstanceGroup calls for %d reads; want 3 per read", lists, reads)
				}
				t.Logf("plan-only step: %d ListAppInstanceGroup calls for %d reads of the data source", env.Calls("ListAppInstanceGroup"), env.Calls("ListRegions"))
				reset()
			},
			Config: withCounter(fmt.Sprintf(`data "appstreaming_delivery_groups" "two" { ids = [%q, %q] }`, ids[3], ids[42])),
			Check:  callsPerRead(env, 1),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.appstreaming_delivery_groups.two", tfjsonpath.New("groups"), knownvalue.ListSizeExact(2)),
			},
		}, {
			// One ID on page 1, one on page 3: asking for the missing ID (1 + 1
			// calls) is cheaper than paging on (1 + 2).
			PreConfig: reset,
			Config:    withCounter(fmt.Sprintf(`data "appstreaming_delivery_groups" "spread" { ids = [%q, %q] }`, ids[0], ids[249])),
			Check:     callsPerRead(env, 2),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.appstreaming_delivery_groups.spread", tfjsonpath.New("groups"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact(ids[0])}),
					knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact(ids[249])}),
				})),
			},
		}},
	})
}

func TestAccDeliveryGroupsDataSource_validation(t *testing.T) {
	env := acctest.NewEnv(t)
	step := func(body, want string) resource.TestStep {
		return resource.TestStep{Config: env.Config(`data "appstreaming_delivery_groups" "x" {` + body + `}`), PlanOnly: true,
			ExpectError: regexp.MustCompile(want)}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			step(`status = ["PUBLISHED", "RUNNING"]`, `(?s)status.*DEPLOYING`),
			step(`status = ["PUBLISHED", "PUBLISHED"]`, `(?i)duplicate`),
			step(`ids = [""]`, `(?i)empty`),
			step(`ids = ["finance-apps"]`, `(?s)Invalid ID.*must\s+be\s+a\s+delivery\s+group\s+ID`),
			step(`name = ""`, `(?s)name.*at least 1`),
			step(`region_id = "CN-SHANGHAI"`, `must be a region ID`),
			step(`tags = { "" = "x" }`, `(?s)tags.*length`),
		},
	})
	if !env.IsEmulator() {
		return // no call counter on the cloud: the plan errors are the test there
	}
	if n := env.Calls(""); n != 0 {
		t.Errorf("invalid configurations made %d API calls; want 0", n)
	}
}
