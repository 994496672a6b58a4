package resourceprice_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
)

// Prices follow the console's worked billing example for
// appstreaming.general.4c8g (199 CNY per month, 0.726736 CNY per hour) and
// the emulator's documented formula (emulator.PriceQuote) for the rest.
const quotesConfig = `
data "appstreaming_resource_price" "month" {
  instance_type = "appstreaming.general.4c8g"
  charge_type   = "PrePaid"
  period        = 1
  period_unit   = "Month"
}

data "appstreaming_resource_price" "hour" {
  instance_type = "appstreaming.general.4c8g"
  charge_type   = "PostPaid"
}

data "appstreaming_resource_price" "two_for_a_year" {
  region_id     = "cn-hangzhou"
  instance_type = "appstreaming.general.8c16g"
  amount        = 2
  charge_type   = "PrePaid"
  period        = 1
  period_unit   = "Year"
}

data "appstreaming_resource_price" "week" {
  instance_type = "appstreaming.general.4c8g"
  charge_type   = "PrePaid"
  period        = 1
  period_unit   = "Week"
}
`

func TestAccResourcePriceDataSource(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	attr := func(name, a string, c knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue("data.appstreaming_resource_price."+name, tfjsonpath.New(a), c)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: env.Config(quotesConfig),
			ConfigStateChecks: []statecheck.StateCheck{
				attr("month", "original_price", knownvalue.Float64Exact(199)),
				attr("month", "discount_price", knownvalue.Float64Exact(0)),
				attr("month", "trade_price", knownvalue.Float64Exact(199)),
				attr("month", "currency", knownvalue.StringExact("CNY")),
				attr("month", "price_unit", knownvalue.StringExact("period")),
				attr("month", "region_id", knownvalue.StringExact(acctest.DefaultRegion)),
				attr("month", "amount", knownvalue.Int64Exact(1)),
				attr("month", "promotions", knownvalue.ListSizeExact(0)),
				attr("hour", "trade_price", knownvalue.Float64Exact(0.726736)),
				attr("hour", "price_unit", knownvalue.StringExact("hour")),
				attr("hour", "period", knownvalue.Null()),
				// 398 × 12 × 2 = 9552; a year earns 15 % off (1432.80) → 8119.20,
				// shown as a selected promotion.
				attr("two_for_a_year", "original_price", knownvalue.Float64Exact(9552)),
				attr("two_for_a_year", "discount_price", knownvalue.Float64Exact(1432.8)),
				attr("two_for_a_year", "trade_price", knownvalue.Float64Exact(8119.2)),
				attr("two_for_a_year", "region_id", knownvalue.StringExact("cn-hangzhou")),
				attr("two_for_a_year", "promotions", knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"id":       knownvalue.NotNull(),
					"selected": knownvalue.Bool(true),
				})})),
				// A week is 7/30 of a month: 199 × 7 / 30 = 46.43.
				attr("week", "trade_price", knownvalue.Float64Exact(46.43)),
				attr("week", "rules", knownvalue.ListSizeExact(1)),
			},
		}, {
			Config: env.Config(`
data "appstreaming_resource_price" "x" {
  instance_type = "appstreaming.general.99c"
  charge_type   = "PostPaid"
}
`),
			ExpectError: regexp.MustCompile(`(?s)InvalidParameter.*appstreaming_instance_types`),
		}},
	})
	if n := env.Calls("GetResourcePrice"); n == 0 {
		t.Error("the emulator saw no GetResourcePrice call")
	}
}

// period/period_unit use the delivery group's validators (PeriodUnit,
// Period, PeriodUnitPair); every rule fails at plan with no API call.
func TestAccResourcePriceDataSource_validation(t *testing.T) {
	env := acctest.NewEnv(t)
	step := func(args, want string) resource.TestStep {
		return resource.TestStep{
			Config:      env.Config(`data "appstreaming_resource_price" "x" {` + "\n" + args + "\n}"),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(want),
		}
	}
	const it = `instance_type = "appstreaming.general.4c8g"` + "\n"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			step(it+`charge_type = "PrePaid"`+"\nperiod = 2\nperiod_unit = \"Week\"", `(?s)Invalid Period.*must be 1 when period_unit is "Week"`),
			step(it+`charge_type = "PrePaid"`+"\nperiod = 6\nperiod_unit = \"Year\"", `(?s)Invalid Period.*Year`),
			step(it+`charge_type = "PrePaid"`+"\nperiod = 1\nperiod_unit = \"month\"", `(?s)Invalid Period Unit.*did you mean "Month"`),
			step(it+`charge_type = "PrePaid"`+"\nperiod = 4\nperiod_unit = \"Month\"", `Invalid Period`),
			step(it+`charge_type = "PrePaid"`, `(?s)Missing period.*Missing period_unit|Missing period_unit.*Missing period`),
			step(it+`charge_type = "PostPaid"`+"\nperiod = 1", `Unexpected period`),
			step(it+`charge_type = "Monthly"`, `(?s)charge_type.*PrePaid`),
			step(it+`charge_type = "PostPaid"`+"\namount = 0", `(?s)amount.*between 1 and 100`),
			step(it+`charge_type = "PostPaid"`+"\nregion_id = \"Shanghai\"", `must be a region ID`),
		},
	})
	if !env.IsEmulator() {
		return // no call counter on the cloud: the plan errors are the test there
	}
	if n := env.Calls(""); n != 0 {
		t.Errorf("invalid configurations made %d API calls; want 0", n)
	}
}
