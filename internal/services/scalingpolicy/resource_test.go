package scalingpolicy_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/aliyun/credentials-go/credentials"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/validators"
)

const res = "appstreaming_scaling_policy.test"

// newGroup publishes a delivery group in the test's emulator through the
// client (the wire, not the Go API) and returns its ID. The stats are reset
// afterwards so call counts cover only what the test itself causes.
func newGroup(t *testing.T, env *acctest.Env, chargeType string, amount int) string {
	t.Helper()
	env.RequireEmulator(t)
	cred, err := credentials.NewCredential(new(credentials.Config).SetType("access_key").
		SetAccessKeyId(emulator.DefaultAccessKeyID).SetAccessKeySecret(emulator.DefaultAccessKeySecret))
	if err != nil {
		t.Fatal(err)
	}
	c, err := client.New(client.Config{Endpoint: env.Server.URL, Credential: cred, RegionID: acctest.DefaultRegion, PollInterval: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	capacity, timeout := 2, 15
	in := client.CreateAppInstanceGroupInput{
		AppCenterImageID: "img-win2019-office", AppInstanceGroupName: fmt.Sprintf("sp-%s-%d", chargeType, time.Now().UnixNano()),
		BizRegionID: acctest.DefaultRegion, ChargeResourceMode: "Node", ChargeType: chargeType, Period: 1, PeriodUnit: "Month",
		SessionTimeout: &timeout,
		NodePool:       &client.NodePoolStrategy{NodeInstanceType: "appstreaming.general.4c8g", NodeCapacity: &capacity, StrategyType: "NODE_FIXED", NodeAmount: &amount},
	}
	ctx := context.Background()
	out, err := c.CreateAppInstanceGroup(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.WaitForGroupStatus(ctx, out.AppInstanceGroupID, []client.GroupStatus{client.GroupPublished}, []client.GroupStatus{client.GroupDeploying}, time.Minute); err != nil {
		t.Fatal(err)
	}
	env.Emulator.ResetStats()
	return out.AppInstanceGroupID
}

// day is a yyyy-MM-dd date n days after today in the service's zone.
func day(n int) string {
	return time.Now().In(validators.ServiceLocation()).AddDate(0, 0, n).Format("2006-01-02")
}

func fixedConfig(gid string) string {
	return fmt.Sprintf(`
resource "appstreaming_scaling_policy" "test" {
  delivery_group_id = %q
  strategy_type     = "NODE_FIXED"
}
`, gid)
}

func usageConfig(gid string, maxAmount int) string {
	return fmt.Sprintf(`
resource "appstreaming_scaling_policy" "test" {
  delivery_group_id = %q
  strategy_type     = "NODE_SCALING_BY_USAGE"
  usage = {
    max_scaling_amount              = %d
    scaling_step                    = 2
    scaling_down_after_idle_minutes = 60
    max_idle_app_instance_amount    = 3
  }
}
`, gid, maxAmount)
}

// scheduleConfig holds the passing boundaries: enable_date today, a window
// of exactly 7 days (or a year), a period of exactly 15 minutes, a gap of
// exactly 5 minutes, and the longest day the HH:mm form allows (00:00–23:59;
// "24:00" is not an HH:mm time of day, so a total of exactly 24 h cannot be
// written — see the report).
func scheduleConfig(gid, enable, disable string) string {
	return fmt.Sprintf(`
resource "appstreaming_scaling_policy" "test" {
  delivery_group_id = %q
  strategy_type     = "NODE_SCALING_BY_SCHEDULE"
  schedule = {
    enable_date  = %q
    disable_date = %q
    warm_up      = true
    recurrences = [
      {
        type = "Weekly"
        days = [1, 2, 3, 4, 5]
        periods = [
          { start_time = "08:00", end_time = "08:15", amount = 2 },
          { start_time = "08:20", end_time = "12:00", amount = 4 },
          { start_time = "13:00", end_time = "18:00", amount = 6 },
        ]
      },
      {
        type    = "weekly"
        days    = [6, 7]
        periods = [{ start_time = "00:00", end_time = "23:59", amount = 1 }]
      },
    ]
  }
}
`, gid, enable, disable)
}

func strategyIs(env *acctest.Env, gid, want string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		g, ok := env.Emulator.Group(gid)
		if !ok {
			return fmt.Errorf("group %s is gone", gid)
		}
		if got := g.NodePool[0].StrategyType; got != want {
			return fmt.Errorf("emulator strategy = %s, want %s", got, want)
		}
		return nil
	}
}

func expectStrategy(s string) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(res, tfjsonpath.New("strategy_type"), knownvalue.StringExact(s))
}

func update() resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(res, plancheck.ResourceActionUpdate)}}
}

// Every strategy is created (fixed), then switched in place to each other
// one (F→U→S→F→S→U→F), imported, drifted and finally destroyed, which must
// leave the group on NODE_FIXED with its 2 resources.
func TestAccScalingPolicy_lifecycle(t *testing.T) {
	env := acctest.NewEnv(t)
	gid := newGroup(t, env, "PostPaid", 2)
	en, dis7, dis1y := day(0), day(7), time.Now().In(validators.ServiceLocation()).AddDate(1, 0, 0).Format("2006-01-02")
	importStep := resource.TestStep{ResourceName: res, ImportState: true, ImportStateId: gid, ImportStateVerify: true,
		ImportStateVerifyIgnore: []string{"timeouts"}}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			g, ok := env.Emulator.Group(gid)
			if !ok {
				return fmt.Errorf("destroying the policy removed group %s", gid)
			}
			if np := g.NodePool[0]; np.StrategyType != "NODE_FIXED" || np.NodeAmount != 2 {
				return fmt.Errorf("after destroy: strategy %s amount %d, want NODE_FIXED 2", np.StrategyType, np.NodeAmount)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: env.Config(fixedConfig(gid)),
				ConfigStateChecks: []statecheck.StateCheck{
					expectStrategy("NODE_FIXED"),
					statecheck.ExpectKnownValue(res, tfjsonpath.New("id"), knownvalue.StringExact(gid)),
					statecheck.ExpectKnownValue(res, tfjsonpath.New("node_pool_id"), knownvalue.StringRegexp(regexp.MustCompile(`^rg-`))),
					statecheck.ExpectKnownValue(res, tfjsonpath.New("usage"), knownvalue.Null()),
				},
				Check: strategyIs(env, gid, "NODE_FIXED"),
			},
			{
				Config: env.Config(usageConfig(gid, 10)), ConfigPlanChecks: update(),
				ConfigStateChecks: []statecheck.StateCheck{
					expectStrategy("NODE_SCALING_BY_USAGE"),
					statecheck.ExpectKnownValue(res, tfjsonpath.New("usage"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"max_scaling_amount": knownvalue.Int64Exact(10), "scaling_step": knownvalue.Int64Exact(2),
						"scaling_usage_threshold": knownvalue.Int64Exact(85), "scaling_down_after_idle_minutes": knownvalue.Int64Exact(60),
						"max_idle_app_instance_amount": knownvalue.Int64Exact(3),
					})),
				},
				Check: resource.ComposeTestCheckFunc(strategyIs(env, gid, "NODE_SCALING_BY_USAGE"), func(*terraform.State) error {
					g, _ := env.Emulator.Group(gid)
					if np := g.NodePool[0]; np.MaxScalingAmount != 10 || np.ScalingUsageThreshold != "85" || np.MaxIdleAppInstanceAmount != 3 {
						return fmt.Errorf("emulator pool %+v", np)
					}
					return nil
				}),
			},
			importStep,
			{
				Config: env.Config(scheduleConfig(gid, en, dis7)), ConfigPlanChecks: update(),
				ConfigStateChecks: []statecheck.StateCheck{
					expectStrategy("NODE_SCALING_BY_SCHEDULE"),
					statecheck.ExpectKnownValue(res, tfjsonpath.New("usage"), knownvalue.Null()),
					statecheck.ExpectKnownValue(res, tfjsonpath.New("schedule").AtMapKey("recurrences").AtSliceIndex(1).AtMapKey("type"), knownvalue.StringExact("weekly")),
					statecheck.ExpectKnownValue(res, tfjsonpath.New("schedule").AtMapKey("recurrences").AtSliceIndex(0).AtMapKey("days"), knownvalue.SetSizeExact(5)),
				},
				Check: strategyIs(env, gid, "NODE_SCALING_BY_SCHEDULE"),
			},
			importStep,
			{Config: env.Config(fixedConfig(gid)), ConfigPlanChecks: update(), ConfigStateChecks: []statecheck.StateCheck{
				expectStrategy("NODE_FIXED"), statecheck.ExpectKnownValue(res, tfjsonpath.New("schedule"), knownvalue.Null())},
				Check: strategyIs(env, gid, "NODE_FIXED")},
			// Exactly one year is the other end of the window.
			{Config: env.Config(scheduleConfig(gid, en, dis1y)), ConfigPlanChecks: update(), ConfigStateChecks: []statecheck.StateCheck{
				expectStrategy("NODE_SCALING_BY_SCHEDULE"),
				statecheck.ExpectKnownValue(res, tfjsonpath.New("schedule").AtMapKey("disable_date"), knownvalue.StringExact(dis1y))},
				Check: strategyIs(env, gid, "NODE_SCALING_BY_SCHEDULE")},
			{Config: env.Config(usageConfig(gid, 4)), ConfigPlanChecks: update(), ConfigStateChecks: []statecheck.StateCheck{
				expectStrategy("NODE_SCALING_BY_USAGE")}, Check: strategyIs(env, gid, "NODE_SCALING_BY_USAGE")},
			// Drift: the strategy is changed out of band; the plan puts it back.
			{
				PreConfig: func() {
					if err := env.Emulator.UpdateGroup(gid, func(g *emulator.Group) {
						g.NodePool.StrategyType, g.NodePool.MaxScalingAmount, g.NodePool.ScalingStep = "NODE_FIXED", 0, 0
					}); err != nil {
						t.Fatal(err)
					}
				},
				Config: env.Config(usageConfig(gid, 4)), ConfigPlanChecks: update(),
				ConfigStateChecks: []statecheck.StateCheck{expectStrategy("NODE_SCALING_BY_USAGE")},
				Check:             strategyIs(env, gid, "NODE_SCALING_BY_USAGE"),
			},
			// Drift of a value only (max_scaling_amount) shows too.
			{
				PreConfig: func() {
					_ = env.Emulator.UpdateGroup(gid, func(g *emulator.Group) { g.NodePool.MaxScalingAmount = 9 })
				},
				Config: env.Config(usageConfig(gid, 4)), PlanOnly: true, ExpectNonEmptyPlan: true,
			},
			{Config: env.Config(fixedConfig(gid)), ConfigPlanChecks: update(), Check: strategyIs(env, gid, "NODE_FIXED")},
		},
	})
}

// Import through an import {} block, by delivery group ID.
func TestAccScalingPolicy_importBlock(t *testing.T) {
	env := acctest.NewEnv(t)
	gid := newGroup(t, env, "PrePaid", 2)
	if err := env.Emulator.UpdateGroup(gid, func(g *emulator.Group) {
		g.NodePool.StrategyType, g.NodePool.MaxScalingAmount, g.NodePool.ScalingStep = "NODE_SCALING_BY_USAGE", 10, 2
		g.NodePool.ScalingUsageThreshold, g.NodePool.ScalingDownAfterIdleMinutes, g.NodePool.MaxIdleAppInstanceAmount = "85", 60, 3
	}); err != nil {
		t.Fatal(err)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:          env.Config(usageConfig(gid, 10)),
			ResourceName:    res,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithID,
			ImportStateId:   gid,
			ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(res, plancheck.ResourceActionNoop),
			}},
		}},
	})
	if n := env.Calls("ModifyNodePoolAttribute"); n != 0 {
		t.Errorf("import changed the pool: %d ModifyNodePoolAttribute calls", n)
	}
}

// A PrePaid group's charge type is known at plan time, so a schedule on it
// fails the plan (one read, no change).
func TestAccScalingPolicy_scheduleOnPrePaid(t *testing.T) {
	env := acctest.NewEnv(t)
	gid := newGroup(t, env, "PrePaid", 2)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.Config(scheduleConfig(gid, day(1), day(30))), PlanOnly: true,
			ExpectError: regexp.MustCompile(`(?s)only available for PostPaid groups`),
		}},
	})
	if n := env.Calls("ModifyNodePoolAttribute"); n != 0 {
		t.Errorf("ModifyNodePoolAttribute called %d times", n)
	}
	// Read through the provider's group view: a List page or a Get.
	if n := env.Calls("GetAppInstanceGroup") + env.Calls("ListAppInstanceGroup"); n == 0 {
		t.Errorf("the charge type was not read at plan time")
	}
}
