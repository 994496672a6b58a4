package deliverygroup_test

import (
	"fmt"
	"regexp"
	"strings"
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

const addr = "appstreaming_delivery_group.test"

// Seed catalog of the emulator: both images exist in every region.
const (
	imageOffice = "img-win2019-office" // 2 apps
	imageCAD    = "img-win2022-cad"    // 1 app
	type4c8g    = "appstreaming.general.4c8g"
	type8c16g   = "appstreaming.general.8c16g"
)

type groupCfg struct {
	name, image, charge, instanceType, region, extra string
	amount, capacity, sessionTimeout                 int
}

func (c groupCfg) hcl() string {
	opt := ""
	if c.name != "" {
		opt += fmt.Sprintf("  name = %q\n", c.name)
	}
	if c.region != "" {
		opt += fmt.Sprintf("  region_id = %q\n", c.region)
	}
	if c.sessionTimeout != 0 {
		opt += fmt.Sprintf("  session_timeout = %d\n", c.sessionTimeout)
	}
	return fmt.Sprintf(`
resource "appstreaming_delivery_group" "test" {
  image_id    = %q
  charge_type = %q
%s%s
  node_pool = {
    instance_type = %q
    amount        = %d
    capacity      = %d
  }
}
`, c.image, c.charge, opt, c.extra, c.instanceType, c.amount, c.capacity)
}

func captureID(id *string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s not in state", addr)
		}
		*id = rs.Primary.ID
		return nil
	}
}

// checkRecord inspects the emulator's record of the group with *id.
func checkRecord(env *acctest.Env, id *string, fn func(g emulator.Group) error) resource.TestCheckFunc {
	return env.OnEmulator(func(*terraform.State) error {
		g, ok := env.Emulator.GroupRecord(*id)
		if !ok {
			return fmt.Errorf("group %s not in the emulator", *id)
		}
		return fn(g)
	})
}

// checkCalls asserts the number of calls of each action since the last
// ResetStats (done in the step's PreConfig).
func checkCalls(env *acctest.Env, want map[string]int) resource.TestCheckFunc {
	return env.OnEmulator(func(*terraform.State) error {
		for action, n := range want {
			if got := env.Calls(action); got != n {
				return fmt.Errorf("%s called %d times, want %d", action, got, n)
			}
		}
		return nil
	})
}

func checkGone(env *acctest.Env, id *string, wantGone bool) resource.TestCheckFunc {
	return env.OnEmulator(func(*terraform.State) error {
		_, exists := env.Emulator.GroupRecord(*id)
		if exists == wantGone {
			return fmt.Errorf("group %s: exists=%v, want exists=%v", *id, exists, !wantGone)
		}
		return nil
	})
}

func notEqual(a, b *string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if *a == *b {
			return fmt.Errorf("ID %s did not change on replace", *a)
		}
		return nil
	}
}

func stateValue(p string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(addr, tfjsonpath.New(p), v)
}

func poolValue(p string, v knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(addr, tfjsonpath.New("node_pool").AtMapKey(p), v)
}

func expect(action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, action)}}
}

// importIgnore lists the arguments GetAppInstanceGroup does not return.
var importIgnore = []string{"period", "period_unit", "auto_renew", "auto_pay", "promotion_id", "order_id",
	"security_policy", "storage_policy", "network", "runtime_policy", "user_define_policy", "pre_open_app_id"}

func TestAccDeliveryGroup_postPaid(t *testing.T) {
	env := acctest.NewEnv(t)
	var id, oldID string
	base := groupCfg{name: "tf-acc-post", image: imageOffice, charge: "PostPaid", instanceType: type4c8g, amount: 1, capacity: 1,
		extra: `  tags = { env = "dev" }` + "\n"}
	updated := base
	updated.name, updated.sessionTimeout, updated.capacity = "tf-acc-post-2", 30, 2
	updated.extra = `
  tags            = { env = "prod", team = "a" }
  security_policy = { skip_user_auth_check = true, reset_after_unbind = true }
  storage_policy  = { storage_types = ["PDS"] }
`
	amount := updated
	amount.amount = 3
	image := amount
	image.image = imageCAD
	scheduled := image
	scheduled.amount = 4
	resize := scheduled
	resize.instanceType = type8c16g
	moved := resize
	moved.region = "cn-hangzhou"

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: env.OnEmulator(func(*terraform.State) error {
			if ids := env.Emulator.GroupIDs(); len(ids) != 0 {
				return fmt.Errorf("groups left after destroy: %v", ids)
			}
			return nil
		}),
		Steps: []resource.TestStep{
			{ // Create: published with a fixed pool; the provider sends 1 Month for PostPaid.
				Config:           env.Config(base.hcl()),
				ConfigPlanChecks: expect(plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					stateValue("status", knownvalue.StringExact("PUBLISHED")),
					stateValue("region_id", knownvalue.StringExact(acctest.DefaultRegion)),
					stateValue("apps", knownvalue.ListSizeExact(2)),
					stateValue("tags", knownvalue.MapExact(map[string]knownvalue.Check{"env": knownvalue.StringExact("dev")})),
					stateValue("app_policy_id", knownvalue.StringRegexp(regexp.MustCompile(`^pg-`))),
					poolValue("id", knownvalue.StringRegexp(regexp.MustCompile(`^rg-`))),
					poolValue("strategy_type", knownvalue.StringExact("NODE_FIXED")),
				},
				Check: resource.ComposeTestCheckFunc(captureID(&id), checkRecord(env, &id, func(g emulator.Group) error {
					if g.Period != 1 || g.PeriodUnit != "Month" || g.NodePool.StrategyType != "NODE_FIXED" || g.NodePool.NodeAmount != 1 {
						return fmt.Errorf("record: period %d %s, strategy %s, amount %d", g.Period, g.PeriodUnit, g.NodePool.StrategyType, g.NodePool.NodeAmount)
					}
					return nil
				})),
			},
			{ // Import by ID: nothing differs but what the API cannot return.
				ResourceName: addr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: importIgnore,
			},
			{ // Import with an import {} block: the plan for the same config is a no-op import.
				ResourceName: addr, ImportState: true, ImportStateKind: resource.ImportBlockWithID, Config: env.Config(base.hcl()),
			},
			{ // In place, one ModifyAppInstanceGroupAttribute call + tags.
				PreConfig:        func() { env.ResetStats() },
				Config:           env.Config(updated.hcl()),
				ConfigPlanChecks: expect(plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					stateValue("name", knownvalue.StringExact("tf-acc-post-2")),
					stateValue("session_timeout", knownvalue.Int64Exact(30)),
					poolValue("capacity", knownvalue.Int64Exact(2)),
				},
				Check: resource.ComposeTestCheckFunc(
					checkCalls(env, map[string]int{"ModifyAppInstanceGroupAttribute": 1, "TagCloudResources": 1, "CreateAppInstanceGroup": 0, "DeleteAppInstanceGroup": 0}),
					checkRecord(env, &id, func(g emulator.Group) error {
						if !g.SkipUserAuthCheck || !g.ResetAfterUnbind || g.NodePool.NodeCapacity != 2 || g.Tags["team"] != "a" {
							return fmt.Errorf("record not updated: %+v", g)
						}
						return nil
					})),
			},
			{ // Amount in place through ModifyNodePoolAttribute, keeping NODE_FIXED.
				PreConfig:        func() { env.ResetStats() },
				Config:           env.Config(amount.hcl()),
				ConfigPlanChecks: expect(plancheck.ResourceActionUpdate),
				Check: resource.ComposeTestCheckFunc(
					checkCalls(env, map[string]int{"ModifyNodePoolAttribute": 1, "ModifyNodePoolAmount": 0, "CreateAppInstanceGroup": 0}),
					checkRecord(env, &id, func(g emulator.Group) error {
						if g.NodePool.NodeAmount != 3 || g.NodePool.StrategyType != "NODE_FIXED" {
							return fmt.Errorf("pool: amount %d strategy %s", g.NodePool.NodeAmount, g.NodePool.StrategyType)
						}
						return nil
					})),
			},
			{ // Image in place (UpdateAppInstanceGroupImage, wait for PUBLISHED).
				PreConfig:        func() { env.ResetStats() },
				Config:           env.Config(image.hcl()),
				ConfigPlanChecks: expect(plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					stateValue("image_id", knownvalue.StringExact(imageCAD)),
					stateValue("apps", knownvalue.ListSizeExact(1)),
					stateValue("status", knownvalue.StringExact("PUBLISHED")),
				},
				Check: checkCalls(env, map[string]int{"UpdateAppInstanceGroupImage": 1, "CreateAppInstanceGroup": 0}),
			},
			{ // Drift made in the service shows in the plan and is put back.
				SkipFunc: env.EmulatorOnly(),
				PreConfig: func() {
					if err := env.Emulator.UpdateGroup(id, func(g *emulator.Group) {
						g.Name, g.SessionTimeout, g.NodePool.NodeAmount, g.NodePool.NodeCapacity = "renamed", 60, 5, 1
						g.Tags["oob"] = "1"
						g.SkipUserAuthCheck = false
					}); err != nil {
						t.Fatal(err)
					}
				},
				Config:           env.Config(image.hcl()),
				ConfigPlanChecks: expect(plancheck.ResourceActionUpdate),
				Check: checkRecord(env, &id, func(g emulator.Group) error {
					if g.Name != "tf-acc-post-2" || g.SessionTimeout != 30 || g.NodePool.NodeAmount != 3 || g.NodePool.NodeCapacity != 2 ||
						g.Tags["oob"] != "" || !g.SkipUserAuthCheck {
						return fmt.Errorf("drift not corrected: %+v", g)
					}
					return nil
				}),
			},
			{ // No drift from what others own: system tags, a schedule set by
				// the scaling policy and the count it drives, authorized users.
				SkipFunc: env.EmulatorOnly(),
				PreConfig: func() {
					if err := env.Emulator.UpdateGroup(id, func(g *emulator.Group) {
						g.SystemTags["System/Scheduler/GRAYSCALE"] = "true"
						g.NodePool.StrategyType, g.NodePool.NodeAmount = "NODE_SCALING_BY_SCHEDULE", 7
						g.Users = append(g.Users, "alice")
					}); err != nil {
						t.Fatal(err)
					}
				},
				Config:   env.Config(image.hcl()),
				PlanOnly: true, // fails on any difference
			},
			{ // Under a schedule (set out of band above) a changed amount is recorded, not sent.
				SkipFunc:         env.EmulatorOnly(),
				PreConfig:        func() { env.ResetStats() },
				Config:           env.Config(scheduled.hcl()),
				ConfigPlanChecks: expect(plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					poolValue("amount", knownvalue.Int64Exact(4)),
					poolValue("strategy_type", knownvalue.StringExact("NODE_SCALING_BY_SCHEDULE")),
				},
				Check: resource.ComposeTestCheckFunc(
					checkCalls(env, map[string]int{"ModifyNodePoolAttribute": 0, "ModifyAppInstanceGroupAttribute": 0}),
					checkRecord(env, &id, func(g emulator.Group) error {
						if g.NodePool.NodeAmount != 7 || g.NodePool.StrategyType != "NODE_SCALING_BY_SCHEDULE" {
							return fmt.Errorf("scaling policy's pool touched: %+v", g.NodePool)
						}
						return nil
					})),
			},
			{ // Instance type → replace; the old PostPaid group is deleted.
				PreConfig:        func() { oldID = id },
				Config:           env.Config(resize.hcl()),
				ConfigPlanChecks: expect(plancheck.ResourceActionReplace),
				Check:            resource.ComposeTestCheckFunc(captureID(&id), notEqual(&id, &oldID), checkGone(env, &oldID, true)),
			},
			{ // Region → replace.
				PreConfig:         func() { oldID = id },
				Config:            env.Config(moved.hcl()),
				ConfigPlanChecks:  expect(plancheck.ResourceActionReplace),
				ConfigStateChecks: []statecheck.StateCheck{stateValue("region_id", knownvalue.StringExact("cn-hangzhou"))},
				Check:             resource.ComposeTestCheckFunc(captureID(&id), notEqual(&id, &oldID), checkGone(env, &oldID, true)),
			},
			{ // Deleted outside Terraform → the plan creates it again.
				SkipFunc: env.EmulatorOnly(),
				PreConfig: func() {
					if err := env.Emulator.DeleteGroup(id); err != nil {
						t.Fatal(err)
					}
				},
				Config:           env.Config(moved.hcl()),
				ConfigPlanChecks: expect(plancheck.ResourceActionCreate),
				Check:            captureID(&id),
			},
		},
	})
}

func TestAccDeliveryGroup_prePaid(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	var id, oldID string
	sub := `  period      = 1
  period_unit = "Month"
`
	base := groupCfg{name: "tf-acc-pre", image: imageOffice, charge: "PrePaid", instanceType: type4c8g, amount: 1, capacity: 2,
		extra: sub + "  auto_renew = true\n  auto_pay = true\n"}
	grown := base
	grown.amount, grown.sessionTimeout, grown.image = 2, 60, imageCAD
	noRenew := grown
	noRenew.extra = sub + "  auto_renew = false\n  auto_pay = true\n"
	resize := noRenew
	resize.instanceType = type8c16g
	postpaid := resize
	postpaid.charge, postpaid.extra = "PostPaid", ""

	var prePaidIDs []string
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			// Subscriptions cannot be deleted: destroy only forgot them.
			for _, pid := range prePaidIDs {
				if _, ok := env.Emulator.GroupRecord(pid); !ok {
					return fmt.Errorf("subscription group %s was deleted", pid)
				}
			}
			_, ok := env.Emulator.GroupRecord(id)
			if ok {
				return fmt.Errorf("pay-as-you-go group %s left after destroy", id)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config:           env.Config(base.hcl()),
				ConfigPlanChecks: expect(plancheck.ResourceActionCreate),
				ConfigStateChecks: []statecheck.StateCheck{
					stateValue("charge_type", knownvalue.StringExact("PrePaid")),
					stateValue("status", knownvalue.StringExact("PUBLISHED")),
					stateValue("expired_at", knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-`))),
					stateValue("order_id", knownvalue.StringRegexp(regexp.MustCompile(`^\d+$`))),
				},
				Check: resource.ComposeTestCheckFunc(captureID(&id), checkRecord(env, &id, func(g emulator.Group) error {
					if g.Period != 1 || g.PeriodUnit != "Month" || !g.AutoRenew || g.NodePool.NodeAmount != 1 {
						return fmt.Errorf("record: %+v", g)
					}
					return nil
				})),
			},
			{ResourceName: addr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: importIgnore},
			{ // Amount through ModifyNodePoolAmount, timeout and image in place.
				PreConfig:        func() { env.Emulator.ResetStats() },
				Config:           env.Config(grown.hcl()),
				ConfigPlanChecks: expect(plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{
					poolValue("amount", knownvalue.Int64Exact(2)),
					stateValue("image_id", knownvalue.StringExact(imageCAD)),
				},
				Check: resource.ComposeTestCheckFunc(
					checkCalls(env, map[string]int{"ModifyNodePoolAmount": 1, "ModifyNodePoolAttribute": 0, "UpdateAppInstanceGroupImage": 1,
						"ModifyAppInstanceGroupAttribute": 1, "CreateAppInstanceGroup": 0}),
					checkRecord(env, &id, func(g emulator.Group) error {
						if g.NodePool.NodeAmount != 2 || g.SessionTimeout != 60 {
							return fmt.Errorf("record: amount %d timeout %d", g.NodePool.NodeAmount, g.SessionTimeout)
						}
						return nil
					})),
			},
			{ // Drift of the subscription count shows and is put back.
				PreConfig: func() {
					_ = env.Emulator.UpdateGroup(id, func(g *emulator.Group) { g.NodePool.NodeAmount = 5 })
					env.Emulator.ResetStats()
				},
				Config:           env.Config(grown.hcl()),
				ConfigPlanChecks: expect(plancheck.ResourceActionUpdate),
				Check:            checkCalls(env, map[string]int{"ModifyNodePoolAmount": 1}),
			},
			{ // Creation-only argument: recorded, no API call.
				PreConfig:         func() { env.Emulator.ResetStats() },
				Config:            env.Config(noRenew.hcl()),
				ConfigPlanChecks:  expect(plancheck.ResourceActionUpdate),
				ConfigStateChecks: []statecheck.StateCheck{stateValue("auto_renew", knownvalue.Bool(false))},
				Check: checkCalls(env, map[string]int{"ModifyNodePoolAmount": 0, "ModifyAppInstanceGroupAttribute": 0,
					"UpdateAppInstanceGroupImage": 0, "CreateAppInstanceGroup": 0}),
			},
			{ // Instance type → replace; the old subscription stays in the service.
				PreConfig:        func() { oldID = id },
				Config:           env.Config(resize.hcl()),
				ConfigPlanChecks: expect(plancheck.ResourceActionReplace),
				Check: resource.ComposeTestCheckFunc(captureID(&id), notEqual(&id, &oldID), checkGone(env, &oldID, false),
					func(*terraform.State) error { prePaidIDs = append(prePaidIDs, oldID); return nil }),
			},
			{ // Deleted (recycled) outside Terraform → created again.
				PreConfig: func() {
					if err := env.Emulator.DeleteGroup(id); err != nil {
						t.Fatal(err)
					}
				},
				Config:           env.Config(resize.hcl()),
				ConfigPlanChecks: expect(plancheck.ResourceActionCreate),
				Check:            captureID(&id),
			},
			{ // Charge type → replace.
				PreConfig:         func() { oldID = id },
				Config:            env.Config(postpaid.hcl()),
				ConfigPlanChecks:  expect(plancheck.ResourceActionReplace),
				ConfigStateChecks: []statecheck.StateCheck{stateValue("charge_type", knownvalue.StringExact("PostPaid"))},
				Check: resource.ComposeTestCheckFunc(captureID(&id), notEqual(&id, &oldID), checkGone(env, &oldID, false),
					func(*terraform.State) error { prePaidIDs = append(prePaidIDs, oldID); return nil }),
			},
		},
	})
}

// TestAccDeliveryGroup_createFailures: an order refused (StockError.NoStock)
// leaves nothing behind; a publish that ends FAILED is an error, and the
// group stays in state as tainted, so the next plan replaces it.
func TestAccDeliveryGroup_createFailures(t *testing.T) {
	for _, charge := range []string{"PostPaid", "PrePaid"} {
		cfg := groupCfg{image: imageOffice, charge: charge, instanceType: type4c8g, amount: 1, capacity: 1}
		if charge == "PrePaid" {
			cfg.extra = "  period = 1\n  period_unit = \"Week\"\n"
		}
		t.Run(charge+"/NoStock", func(t *testing.T) {
			env := acctest.NewEnv(t)
			env.RequireEmulator(t)
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{
					{
						PreConfig:   func() { env.Emulator.SetFaults(emulator.Faults{CreateError: "StockError.NoStock"}) },
						Config:      env.Config(cfg.hcl()),
						ExpectError: regexp.MustCompile(`StockError\.NoStock(.|\n)*sold\s+out`),
					},
					{ // Nothing was left behind: the next apply creates it.
						PreConfig: func() {
							if ids := env.Emulator.GroupIDs(); len(ids) != 0 {
								t.Errorf("groups after a refused order: %v", ids)
							}
							env.Emulator.SetFaults(emulator.Faults{})
						},
						Config:           env.Config(cfg.hcl()),
						ConfigPlanChecks: expect(plancheck.ResourceActionCreate),
					},
				},
			})
		})
		t.Run(charge+"/Failed", func(t *testing.T) {
			env := acctest.NewEnv(t)
			env.RequireEmulator(t)
			var failedID string
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{
					{
						PreConfig:   func() { env.Emulator.SetFaults(emulator.Faults{DeployOutcome: "FAILED"}) },
						Config:      env.Config(cfg.hcl()),
						ExpectError: regexp.MustCompile(`publishing\s+failed(.|\n)*FAILED(.|\n)*tainted`),
					},
					{ // Saved and tainted: the plan replaces it.
						PreConfig: func() {
							ids := env.Emulator.GroupIDs()
							if len(ids) != 1 {
								t.Fatalf("want the one failed group in the emulator, got %v", ids)
							}
							failedID = ids[0]
							env.Emulator.SetFaults(emulator.Faults{})
						},
						Config:           env.Config(cfg.hcl()),
						ConfigPlanChecks: expect(plancheck.ResourceActionReplace),
						ConfigStateChecks: []statecheck.StateCheck{
							stateValue("status", knownvalue.StringExact("PUBLISHED")),
							stateValue("name", knownvalue.StringRegexp(regexp.MustCompile(`^tf-[a-z0-9]{12}$`))),
						},
						Check: checkGone(env, &failedID, charge == "PostPaid"),
					},
				},
			})
		})
	}
}

// TestAccDeliveryGroup_planTimeCapacity: an instance type missing from the
// documented table gets its range from ListNodeInstanceType at plan. Three
// groups of the same type cost one lookup (cached for the run), and nothing
// is ordered.
func TestAccDeliveryGroup_planTimeCapacity(t *testing.T) {
	for name, tc := range map[string]struct {
		instanceType string
		capacity     int
		want         string
	}{
		"over_max_capacity": {"appstreaming.vgpu.4c8g.2g", 3, `capacity must be between 1 and 2(.|\n)*MaxCapacity(.|\n)*Lower\s+node_pool.capacity`},
		"unknown_type":      {"appstreaming.nope.1c1g", 1, `does\s+not\s+offer\s+"appstreaming.nope.1c1g"`},
	} {
		t.Run(name, func(t *testing.T) {
			env := acctest.NewEnv(t)
			env.RequireEmulator(t)
			cfg := groupCfg{image: imageOffice, charge: "PostPaid", instanceType: tc.instanceType, amount: 1, capacity: tc.capacity}
			one := cfg.hcl()
			three := one + strings.Replace(one, `"test"`, `"second"`, 1) + strings.Replace(one, `"test"`, `"third"`, 1)
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps:                    []resource.TestStep{{Config: env.Config(three), PlanOnly: true, ExpectError: regexp.MustCompile(tc.want)}},
			})
			if n, l := env.Calls("CreateAppInstanceGroup"), env.Calls("ListNodeInstanceType"); n != 0 || l != 1 {
				t.Errorf("CreateAppInstanceGroup calls %d (want 0), ListNodeInstanceType calls %d (want 1)", n, l)
			}
		})
	}
}

// TestAccDeliveryGroup_applyTimeCapacity: a capacity unknown at plan (it
// comes from another resource) is checked at apply, before anything is
// ordered, with the same one lookup.
func TestAccDeliveryGroup_applyTimeCapacity(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	cfg := groupCfg{image: imageOffice, charge: "PostPaid", instanceType: "appstreaming.vgpu.4c8g.2g", amount: 1, capacity: 3}
	hcl := `
resource "terraform_data" "capacity" {
  input = 3
}
` + strings.Replace(cfg.hcl(), "capacity      = 3", "capacity      = terraform_data.capacity.output", 1)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{Config: env.Config(hcl),
			ExpectError: regexp.MustCompile(`capacity must be between 1 and 2(.|\n)*MaxCapacity`)}},
	})
	if n, l := env.Calls("CreateAppInstanceGroup"), env.Calls("ListNodeInstanceType"); n != 0 || l != 1 {
		t.Errorf("CreateAppInstanceGroup calls %d (want 0), ListNodeInstanceType calls %d (want 1)", n, l)
	}
}
