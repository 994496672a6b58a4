package scalingpolicy

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/validators"
)

var (
	pathUsage    = path.Root("usage")
	pathSchedule = path.Root("schedule")
)

// validateModel applies api-notes §4 rules 12–22 to a configuration without any API
// call (api-notes §4 rule 18's "not in the past" excepted: it needs the prior state and
// lives in ModifyPlan). Per-attribute ranges and enums are schema validators;
// this covers what spans attributes. Unknown values are skipped.
func validateModel(ctx context.Context, m resourceModel) diag.Diagnostics {
	var diags diag.Diagnostics
	// An invalid strategy_type is reported by its own validator; judging
	// usage/schedule against it would only add a second, misleading error.
	if st := m.StrategyType.ValueString(); !m.StrategyType.IsUnknown() && !m.StrategyType.IsNull() && isStrategy(st) {
		needUsage, needSchedule := st == common.StrategyUsage, st == common.StrategySchedule
		switch {
		case needUsage && m.Usage.IsNull():
			diags.AddAttributeError(pathUsage, "Missing usage settings",
				"strategy_type = \"NODE_SCALING_BY_USAGE\" needs a usage = { max_scaling_amount, scaling_step, … } object (MaxScalingAmount and ScalingStep are required by the API).")
		case !needUsage && !m.Usage.IsNull() && !m.Usage.IsUnknown():
			diags.AddAttributeError(pathUsage, "Usage settings not allowed",
				fmt.Sprintf("usage applies only to strategy_type = \"NODE_SCALING_BY_USAGE\"; remove it or change strategy_type (got %q).", st))
		}
		switch {
		case needSchedule && m.Schedule.IsNull():
			diags.AddAttributeError(pathSchedule, "Missing schedule settings",
				"strategy_type = \"NODE_SCALING_BY_SCHEDULE\" needs a schedule = { enable_date, disable_date, warm_up, recurrences } object.")
		case !needSchedule && !m.Schedule.IsNull() && !m.Schedule.IsUnknown():
			diags.AddAttributeError(pathSchedule, "Schedule settings not allowed",
				fmt.Sprintf("schedule applies only to strategy_type = \"NODE_SCALING_BY_SCHEDULE\"; remove it or change strategy_type (got %q).", st))
		}
	}
	if s := decodeSchedule(ctx, m.Schedule, &diags); s != nil {
		diags.Append(checkDates(s, time.Time{}, false)...)
		diags.Append(checkRecurrences(s)...)
	}
	return diags
}

func isStrategy(s string) bool {
	return s == common.StrategyFixed || s == common.StrategyUsage || s == common.StrategySchedule
}

// checkDates applies api-notes §4 rules 18–19 (and, with checkPast, "today or later").
func checkDates(s *decodedSchedule, today time.Time, checkPast bool) diag.Diagnostics {
	var diags diag.Diagnostics
	if s.EnableDate.IsUnknown() || s.DisableDate.IsUnknown() || s.EnableDate.IsNull() || s.DisableDate.IsNull() {
		return diags
	}
	for _, p := range validators.CheckStrategyWindow(s.EnableDate.ValueString(), s.DisableDate.ValueString(), today, checkPast) {
		diags.AddAttributeError(pathSchedule.AtName(p.Field), "Invalid scheduled-scaling date", p.Message)
	}
	return diags
}

// checkRecurrences applies api-notes §4 rules 21–22 to each recurrence.
func checkRecurrences(s *decodedSchedule) diag.Diagnostics {
	var diags diag.Diagnostics
	for i, r := range s.recurrences {
		rp := pathSchedule.AtName("recurrences").AtListIndex(i)
		if r.daysKnown {
			for _, msg := range validators.CheckWeekdays(r.days) {
				diags.AddAttributeError(rp.AtName("days"), "Invalid weekdays", msg)
			}
		}
		if !r.perKnown || !periodsKnown(r.periods) {
			continue
		}
		in := make([]validators.TimerPeriod, len(r.periods))
		for j, p := range r.periods {
			in[j] = validators.TimerPeriod{Start: p.StartTime.ValueString(), End: p.EndTime.ValueString(), Amount: p.Amount.ValueInt64()}
		}
		for _, p := range validators.CheckTimerPeriods(in) {
			at := rp.AtName("periods")
			if p.Index >= 0 {
				at = at.AtListIndex(p.Index)
				if p.Field != "" {
					at = at.AtName(p.Field)
				}
			}
			diags.AddAttributeError(at, "Invalid scheduled-scaling period", p.Message)
		}
	}
	return diags
}

func periodsKnown(ps []periodModel) bool {
	for _, p := range ps {
		for _, v := range []interface{ IsUnknown() bool }{p.StartTime, p.EndTime, p.Amount} {
			if v.IsUnknown() {
				return false
			}
		}
	}
	return true
}

// enableDateIsNew says whether the planned schedule sets a new enable date:
// the schedule is being created (no schedule in state) or its enable_date
// differs from the state's. Only then is "not in the past" checked, so an
// existing policy never starts failing plans as the calendar moves on.
func enableDateIsNew(plan, state *decodedSchedule) bool {
	if plan == nil || plan.EnableDate.IsUnknown() {
		return false
	}
	if state == nil {
		return true
	}
	return !plan.EnableDate.Equal(state.EnableDate)
}

// todayInService is "today" for api-notes §4 rule 18, a variable so unit tests can pin it.
var todayInService = func() time.Time { return time.Now().In(validators.ServiceLocation()) }

// stringOr returns v's value or def when v is null or unknown.
func stringOr(v types.String, def string) string {
	if v.IsNull() || v.IsUnknown() {
		return def
	}
	return v.ValueString()
}
