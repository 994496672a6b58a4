package scalingpolicy_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
)

// sched renders a schedule policy; each field is raw HCL so a case can
// break exactly one rule.
type sched struct{ enable, disable, warmUp, recurrences string }

func (s sched) hcl() string {
	if s.enable == "" {
		s.enable = fmt.Sprintf("%q", day(10))
	}
	if s.disable == "" {
		s.disable = fmt.Sprintf("%q", day(40))
	}
	if s.warmUp == "" {
		s.warmUp = "warm_up = true"
	}
	if s.recurrences == "" {
		s.recurrences = recur(`[1]`, `{ start_time = "08:00", end_time = "12:00", amount = 2 }`)
	}
	return fmt.Sprintf(`
resource "appstreaming_scaling_policy" "test" {
  delivery_group_id = "aig-doesnotexist000"
  strategy_type     = "NODE_SCALING_BY_SCHEDULE"
  schedule = {
    enable_date  = %s
    disable_date = %s
    %s
    recurrences  = %s
  }
}
`, s.enable, s.disable, s.warmUp, s.recurrences)
}

func recur(days string, periods ...string) string {
	return fmt.Sprintf(`[{ type = "Weekly", days = %s, periods = [%s] }]`, days, strings.Join(periods, ", "))
}

func period(start, end string) string {
	return fmt.Sprintf(`{ start_time = %q, end_time = %q, amount = 1 }`, start, end)
}

func policy(strategy, body string) string {
	return fmt.Sprintf(`
resource "appstreaming_scaling_policy" "test" {
  delivery_group_id = "aig-doesnotexist000"
  strategy_type     = %q
  %s
}
`, strategy, body)
}

func usage(fields string) string {
	return "usage = {\n" + fields + "\n}"
}

const okUsage = "max_scaling_amount = 2\nscaling_step = 1"

// One failing configuration per rule of api-notes §4 12–22 (plus the ones only the
// schema states). Each must fail at plan and none may reach the API.
func TestAccScalingPolicy_validation(t *testing.T) {
	env := acctest.NewEnv(t)
	cases := []struct {
		name, config, want string
	}{
		{"strategy_enum", policy("NODE_AUTO", ""), `value must be one of`},
		{"group_id_format", strings.Replace(policy("NODE_FIXED", ""), "aig-doesnotexist000", "my-group", 1), `must be a delivery group ID`},
		{"usage_required", policy("NODE_SCALING_BY_USAGE", ""), `needs a usage`},
		{"usage_forbidden", policy("NODE_FIXED", usage(okUsage)), `usage applies only to`},
		{"schedule_required", policy("NODE_SCALING_BY_SCHEDULE", ""), `needs a schedule`},
		{"schedule_forbidden", strings.Replace(sched{}.hcl(), "NODE_SCALING_BY_SCHEDULE", "NODE_SCALING_BY_USAGE", 1) +
			"", `schedule applies only to`},
		{"max_scaling_amount_required", policy("NODE_SCALING_BY_USAGE", usage("scaling_step = 1")), `max_scaling_amount`},
		{"max_scaling_amount_min", policy("NODE_SCALING_BY_USAGE", usage("max_scaling_amount = 0\nscaling_step = 1")), `at least 1`},
		{"scaling_step_required", policy("NODE_SCALING_BY_USAGE", usage("max_scaling_amount = 1")), `scaling_step`},
		{"scaling_step_range", policy("NODE_SCALING_BY_USAGE", usage("max_scaling_amount = 1\nscaling_step = 11")), `between 1 and 10`},
		{"threshold_range", policy("NODE_SCALING_BY_USAGE", usage(okUsage+"\nscaling_usage_threshold = 101")), `between 0 and 100`},
		{"idle_minutes_range", policy("NODE_SCALING_BY_USAGE", usage(okUsage+"\nscaling_down_after_idle_minutes = 4")), `between 5 and 120`},
		{"max_idle_min", policy("NODE_SCALING_BY_USAGE", usage(okUsage+"\nmax_idle_app_instance_amount = 0")), `at least 1`},
		{"enable_date_format", sched{enable: `"2026/12/01"`}.hcl(), `enable_date must be a real calendar date`},
		{"disable_date_format", sched{disable: `"2027-02-30"`}.hcl(), `disable_date must be a real calendar date`},
		{"window_under_7_days", sched{disable: fmt.Sprintf("%q", day(16))}.hcl(), `7 days to 1 year after`},
		{"window_over_1_year", sched{enable: fmt.Sprintf("%q", day(1)), disable: fmt.Sprintf("%q", day(368))}.hcl(), `7 days to 1 year after`},
		{"enable_date_past", sched{enable: `"2020-01-01"`, disable: `"2020-02-01"`}.hcl(), `enable_date must be today`},
		{"warm_up_required", sched{warmUp: "# no warm_up"}.hcl(), `warm_up`},
		{"recurrences_required", sched{recurrences: "[]"}.hcl(), `at least 1`},
		{"recurrence_type", sched{recurrences: strings.Replace(recur(`[1]`, period("08:00", "09:00")), "Weekly", "Daily", 1)}.hcl(), `value must be one of`},
		{"days_empty", sched{recurrences: recur(`[]`, period("08:00", "09:00"))}.hcl(), `at least 1 day is required`},
		{"days_range", sched{recurrences: recur(`[1, 8]`, period("08:00", "09:00"))}.hcl(), `1 \(Monday\) to 7 \(Sunday\), got 8`},
		{"periods_empty", sched{recurrences: recur(`[1]`)}.hcl(), `at least 1 timer period`},
		{"periods_max_3", sched{recurrences: recur(`[1]`, period("01:00", "02:00"), period("03:00", "04:00"), period("05:00", "06:00"), period("07:00", "08:00"))}.hcl(), `at most 3 timer periods`},
		{"time_format", sched{recurrences: recur(`[1]`, period("8:30", "09:00"))}.hcl(), `HH:mm`},
		{"end_after_start", sched{recurrences: recur(`[1]`, period("10:00", "09:00"))}.hcl(), `later than start_time`},
		{"min_15_minutes", sched{recurrences: recur(`[1]`, period("08:00", "08:14"))}.hcl(), `at least 15 minutes`},
		{"no_overlap", sched{recurrences: recur(`[1]`, period("08:00", "10:00"), period("09:00", "11:00"))}.hcl(), `must not overlap`},
		{"gap_5_minutes", sched{recurrences: recur(`[1]`, period("08:00", "09:00"), period("09:04", "10:00"))}.hcl(), `at least 5 minutes apart`},
		// A whole day written as 00:00-24:00 (what "24 h in total" needs) is
		// not an HH:mm time of day, so the total can never exceed 24 h.
		{"total_24h", sched{recurrences: recur(`[1]`, period("00:00", "24:00"))}.hcl(), `HH:mm`},
		{"amount_min", sched{recurrences: recur(`[1]`, `{ start_time = "08:00", end_time = "09:00", amount = 0 }`)}.hcl(), `amount must be at least 1`},
	}
	t.Run("group", func(t *testing.T) {
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				resource.ParallelTest(t, resource.TestCase{
					ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
					Steps: []resource.TestStep{{
						Config: env.Config(tc.config), PlanOnly: true,
						// Terraform wraps long messages: any space may be a line break.
						ExpectError: regexp.MustCompile("(?s)" + strings.ReplaceAll(tc.want, " ", `\s+`)),
					}},
				})
			})
		}
	})
	// Attribute and config rules fail before the provider is configured (0
	// calls). enable_date_past is checked in ModifyPlan, after Configure,
	// whose credential check costs exactly one ListRegions; nothing else may
	// reach the API.
	if env.IsEmulator() {
		if n, check := env.Calls(""), env.Calls("ListRegions"); n-check != 0 || check != 1 {
			t.Errorf("validation reached the API: %d calls besides %d credential checks (want 0 and 1): %v", n-check, check, env.Emulator.Stats().Actions)
		}
	}
}
