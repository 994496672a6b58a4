package deliverygroup_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
)

// Base arguments for plan-time validation cases; each case replaces what it
// breaks.
const (
	postPaid = `charge_type = "PostPaid"`
	prePaid  = `charge_type = "PrePaid"`
	pool     = `node_pool = { instance_type = "appstreaming.general.4c8g", amount = 1 }`
)

func validationConfig(lines ...string) string {
	return fmt.Sprintf(`
resource "appstreaming_delivery_group" "test" {
  image_id = "img-win2019-office"
  %s
}
`, strings.Join(lines, "\n  "))
}

// TestAccDeliveryGroup_planTimeRules runs one plan per api-notes §4 rule that touches
// this resource: each must fail on the named attribute with no API call.
func TestAccDeliveryGroup_planTimeRules(t *testing.T) {
	longKey := strings.Repeat("k", 129)
	var manyTags []string
	for i := 0; i < 21; i++ {
		manyTags = append(manyTags, fmt.Sprintf("k%d = \"v\"", i))
	}
	cases := []struct {
		name string
		hcl  string
		want string
	}{
		{"session_timeout", validationConfig(postPaid, pool, `session_timeout = 2`), `session_timeout must be -1 or between 3 and 300`},
		{"charge_type", validationConfig(`charge_type = "Monthly"`, pool), `Attribute charge_type value must be one of`},
		{"period_unit_pair", validationConfig(prePaid, pool, `period = 2`, `period_unit = "Week"`), `period must be 1 when period_unit is "Week"`},
		{"period_unit_case", validationConfig(prePaid, pool, `period = 1`, `period_unit = "week"`), `period_unit must be one of .*did you mean "Week"`},
		{"period_value", validationConfig(prePaid, pool, `period = 4`, `period_unit = "Month"`), `period must be one of 1, 2, 3 or 6`},
		{"prepaid_needs_period", validationConfig(prePaid, pool, `period_unit = "Month"`), `period is required when charge_type is "PrePaid"`},
		{"postpaid_no_period", validationConfig(postPaid, pool, `period = 1`, `period_unit = "Month"`), `period applies only when charge_type is "PrePaid"`},
		{"postpaid_no_auto_renew", validationConfig(postPaid, pool, `auto_renew = true`), `auto_renew applies only when charge_type is\s+"PrePaid"; remove it for a PostPaid group \(there is no subscription to renew\)`},
		{"product_type", validationConfig(postPaid, pool, `product_type = "AndroidCloud"`), `Attribute product_type value must be one of`},
		{"charge_resource_mode", validationConfig(postPaid, pool, `charge_resource_mode = "AppInstance"`), `Attribute charge_resource_mode value must be one of`},
		{"amount_low", validationConfig(postPaid, `node_pool = { instance_type = "appstreaming.general.4c8g", amount = 0 }`), `Attribute node_pool.amount value must be between 1 and 100`},
		{"amount_high", validationConfig(postPaid, `node_pool = { instance_type = "appstreaming.general.4c8g", amount = 101 }`), `Attribute node_pool.amount value must be between 1 and 100`},
		{"capacity_documented", validationConfig(postPaid, `node_pool = { instance_type = "appstreaming.general.4c8g", amount = 1, capacity = 3 }`), `Invalid Node Capacity.*capacity = 3 }.*capacity must be between 1 and 2 sessions`},
		{"capacity_minimum", validationConfig(postPaid, `node_pool = { instance_type = "appstreaming.future.2c4g", amount = 1, capacity = 0 }`), `Invalid Node Capacity.*capacity = 0 }.*capacity must be at least 1`},
		{"routes_need_mixed", validationConfig(postPaid, pool, `network = { strategy_type = "Shared", routes = [{ destination = "10.0.0.0/16" }] }`), `network.routes is only used with network.strategy_type = "Mixed"`},
		{"route_cidr", validationConfig(postPaid, pool, `network = { strategy_type = "Mixed", routes = [{ destination = "10.0.0.1/24" }] }`), `host bits set`},
		{"route_mode", validationConfig(postPaid, pool, `network = { strategy_type = "Mixed", routes = [{ destination = "10.0.0.0/16", mode = "Direct" }] }`), `network.routes\[0\].mode value must be one of`},
		{"ip_expire", validationConfig(postPaid, pool, `network = { ip_expire_minutes = 30 }`), `network.ip_expire_minutes value must be at least 60`},
		{"domain_policy", validationConfig(postPaid, pool, `network = { domain_rules = [{ domain = "example.com", policy = "deny" }] }`), `network.domain_rules\[0\].policy value must be one of`},
		{"network_strategy", validationConfig(postPaid, pool, `network = { strategy_type = "Private" }`), `network.strategy_type value must be one of`},
		{"vswitch_needs_office_site", validationConfig(postPaid, pool, `network = { vswitch_ids = ["vsw-1"] }`), `network.vswitch_ids applies only to custom office networks`},
		{"storage_types", validationConfig(postPaid, pool, `storage_policy = { storage_types = ["NAS"] }`), `storage_policy.storage_types.* value must be one of`},
		{"remote_storage_type", validationConfig(postPaid, pool, `storage_policy = { user_profile = { remote_storage_type = "OSS" } }`), `storage_policy.user_profile.remote_storage_type value must be one of`},
		{"runtime_session_type", validationConfig(postPaid, pool, `runtime_policy = { session_type = "RDP" }`), `runtime_policy.session_type value must be one of`},
		{"runtime_generation_mode", validationConfig(postPaid, pool, `runtime_policy = { session_user_generation_mode = "uuid", session_pre_open = false }`), `runtime_policy.session_user_generation_mode value must be one of`},
		{"runtime_wyid_pre_open", validationConfig(postPaid, pool, `runtime_policy = { session_user_generation_mode = "wyid" }`), `requires runtime_policy.session_pre_open = false`},
		{"runtime_schedule_mode", validationConfig(postPaid, pool, `runtime_policy = { persistent_app_instance_schedule_mode = "STICKY" }`), `persistent_app_instance_schedule_mode value must be one of`},
		{"auth_mode", validationConfig(postPaid, pool, `auth_mode = "User"`), `Attribute auth_mode value must be one of`},
		{"sub_pay_type", validationConfig(postPaid, pool, `sub_pay_type = "monthly"`), `Attribute sub_pay_type value must be one of`},
		{"custom_config_json", validationConfig(postPaid, pool, `user_define_policy = { custom_config = "{not json" }`), `custom_config`},
		{"tags_count", validationConfig(postPaid, pool, "tags = {\n"+strings.Join(manyTags, "\n")+"\n}"), `tags must have at most 20 entries, got 21`},
		{"tag_key_length", validationConfig(postPaid, pool, fmt.Sprintf(`tags = { %s = "v" }`, longKey)), `tags keys must be 1 to 128 characters, got 129`},
		{"tag_system_key", validationConfig(postPaid, pool, `tags = { "System/Scheduler/GRAYSCALE" = "true" }`), `reserved for system tags`},
		{"tag_value_empty", validationConfig(postPaid, pool, `tags = { env = "" }`), `value for key "env" must be 1 to 128 characters`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			env := acctest.NewEnv(t)
			env.RequireEmulator(t)
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:   env.Config(tc.hcl),
					PlanOnly: true,
					// Terraform wraps long messages, so any space may be a line break.
					ExpectError: regexp.MustCompile(`(?s)` + strings.ReplaceAll(tc.want, " ", `\s+`)),
				}},
			})
			if n := env.Calls(""); n != 0 {
				t.Errorf("plan-time rule %s made %d API calls, want 0", tc.name, n)
			}
		})
	}
}
