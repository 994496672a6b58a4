package scalingpolicy

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
)

type tp struct {
	start, end string
	amount     int64
}

func scheduleObj(t *testing.T, enable, disable string, typ string, days []int64, periods ...tp) types.Object {
	t.Helper()
	var pv []attr.Value
	for _, p := range periods {
		pv = append(pv, types.ObjectValueMust(periodAttrTypes, map[string]attr.Value{
			"start_time": types.StringValue(p.start), "end_time": types.StringValue(p.end), "amount": types.Int64Value(p.amount)}))
	}
	var dv []attr.Value
	for _, d := range days {
		dv = append(dv, types.Int64Value(d))
	}
	rec := types.ObjectValueMust(recurrenceAttrTypes, map[string]attr.Value{
		"type":    types.StringValue(typ),
		"days":    types.SetValueMust(types.Int64Type, dv),
		"periods": types.ListValueMust(types.ObjectType{AttrTypes: periodAttrTypes}, pv),
	})
	return types.ObjectValueMust(scheduleAttrTypes, map[string]attr.Value{
		"enable_date": types.StringValue(enable), "disable_date": types.StringValue(disable), "warm_up": types.BoolValue(true),
		"recurrences": types.ListValueMust(types.ObjectType{AttrTypes: recurrenceAttrTypes}, []attr.Value{rec}),
	})
}

func model(strategy string, usage, schedule types.Object) resourceModel {
	return resourceModel{StrategyType: types.StringValue(strategy), Usage: usage, Schedule: schedule,
		DeliveryGroupID: types.StringValue("aig-1"), ID: types.StringValue("aig-1")}
}

func paths(d diag.Diagnostics) []string {
	var out []string
	for _, x := range d.Errors() {
		if wp, ok := x.(diag.DiagnosticWithPath); ok {
			out = append(out, wp.Path().String())
		}
	}
	return out
}

// Errors land on the attribute that is wrong, down to the list element.
func TestValidateModelPaths(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name string
		m    resourceModel
		want []string
	}{
		{"usage missing", model(common.StrategyUsage, types.ObjectNull(usageAttrTypes), types.ObjectNull(scheduleAttrTypes)), []string{"usage"}},
		{"overlap and short", model(common.StrategySchedule, types.ObjectNull(usageAttrTypes),
			scheduleObj(t, "2030-01-01", "2030-01-08", "Weekly", []int64{1}, tp{"08:00", "10:00", 1}, tp{"09:00", "09:10", 1})),
			[]string{"schedule.recurrences[0].periods[1].end_time", "schedule.recurrences[0].periods[1].start_time"}},
		{"gap", model(common.StrategySchedule, types.ObjectNull(usageAttrTypes),
			scheduleObj(t, "2030-01-01", "2030-01-08", "Weekly", []int64{1}, tp{"08:00", "09:00", 1}, tp{"09:04", "10:00", 1})),
			[]string{"schedule.recurrences[0].periods[1].start_time"}},
		{"window and days", model(common.StrategySchedule, types.ObjectNull(usageAttrTypes),
			scheduleObj(t, "2030-01-01", "2030-01-07", "Weekly", []int64{0}, tp{"08:00", "09:00", 1})),
			[]string{"schedule.disable_date", "schedule.recurrences[0].days"}},
		{"too many periods", model(common.StrategySchedule, types.ObjectNull(usageAttrTypes),
			scheduleObj(t, "2030-01-01", "2030-01-08", "Weekly", []int64{1}, tp{"01:00", "02:00", 1}, tp{"03:00", "04:00", 1}, tp{"05:00", "06:00", 1}, tp{"07:00", "08:00", 1})),
			[]string{"schedule.recurrences[0].periods"}},
		// A misspelled strategy_type is its enum validator's error alone: no
		// second "Usage settings not allowed" (or "Missing …") from the cross-attribute rules.
		{"misspelled strategy, no cascade", model("NODE_SCALING_BY_USAG", nullsOf(usageAttrTypes), types.ObjectNull(scheduleAttrTypes)), nil},
		{"boundaries pass", model(common.StrategySchedule, types.ObjectNull(usageAttrTypes),
			scheduleObj(t, "2030-01-01", "2030-01-08", "weekly", []int64{1, 7}, tp{"08:00", "08:15", 1}, tp{"08:20", "09:00", 1}, tp{"09:05", "23:59", 1})),
			nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := paths(validateModel(ctx, tc.m))
			if len(got) != len(tc.want) {
				t.Fatalf("paths = %v, want %v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("path %d = %s, want %s", i, got[i], tc.want[i])
				}
			}
		})
	}
}

// The past-date rule applies to new or changed enable dates only.
func TestEnableDateIsNew(t *testing.T) {
	ctx := context.Background()
	var d diag.Diagnostics
	old := decodeSchedule(ctx, scheduleObj(t, "2020-01-01", "2020-02-01", "Weekly", []int64{1}, tp{"08:00", "09:00", 1}), &d)
	same := decodeSchedule(ctx, scheduleObj(t, "2020-01-01", "2020-03-01", "Weekly", []int64{2}, tp{"08:00", "10:00", 1}), &d)
	moved := decodeSchedule(ctx, scheduleObj(t, "2020-01-02", "2020-03-01", "Weekly", []int64{2}, tp{"08:00", "10:00", 1}), &d)
	if enableDateIsNew(same, old) {
		t.Error("an unchanged past enable_date was treated as new")
	}
	if !enableDateIsNew(moved, old) || !enableDateIsNew(same, nil) {
		t.Error("a changed or first enable_date was not treated as new")
	}
	if got := paths(checkDates(old, todayInService(), true)); len(got) != 1 || got[0] != "schedule.enable_date" {
		t.Errorf("past date paths = %v", got)
	}
}

// expand → wire JSON → flatten gives back what was planned.
func TestExpandFlattenRoundTrip(t *testing.T) {
	ctx := context.Background()
	var d diag.Diagnostics
	sch := scheduleObj(t, "2030-01-01", "2030-02-01", "weekly", []int64{5, 1, 3}, tp{"08:30", "12:00", 4}, tp{"13:00", "18:00", 6})
	m := model(common.StrategySchedule, types.ObjectNull(usageAttrTypes), sch)
	st := expand(ctx, m, &d)
	b, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"StrategyType":"NODE_SCALING_BY_SCHEDULE","StrategyEnableDate":"2030-01-01","StrategyDisableDate":"2030-02-01","WarmUp":true,` +
		`"RecurrenceSchedules":[{"RecurrenceType":"weekly","RecurrenceValues":[1,3,5],"TimerPeriods":[{"StartTime":"08:30","EndTime":"12:00","Amount":4},{"StartTime":"13:00","EndTime":"18:00","Amount":6}]}]}`
	if string(b) != want {
		t.Errorf("wire JSON\n got %s\nwant %s", b, want)
	}
	// The service answers "Weekly"; the planned spelling is kept.
	np := client.NodePool{NodePoolID: "rg-1", StrategyType: common.StrategySchedule, StrategyEnableDate: "2030-01-01", StrategyDisableDate: "2030-02-01", WarmUp: true,
		RecurrenceSchedules: []client.RecurrenceSchedule{{RecurrenceType: "Weekly", RecurrenceValues: []int{1, 3, 5}, TimerPeriods: st.RecurrenceSchedules[0].TimerPeriods}}}
	var out resourceModel
	flatten(ctx, np, &out, decodeSchedule(ctx, sch, &d), &d)
	if d.HasError() {
		t.Fatal(d)
	}
	if !out.Schedule.Equal(sch) || !out.Usage.IsNull() {
		t.Errorf("flatten\n got %s\nwant %s", out.Schedule, sch)
	}

	u := types.ObjectValueMust(usageAttrTypes, map[string]attr.Value{
		"max_scaling_amount": types.Int64Value(10), "scaling_step": types.Int64Value(2), "scaling_usage_threshold": types.Int64Value(85),
		"scaling_down_after_idle_minutes": types.Int64Value(60), "max_idle_app_instance_amount": types.Int64Null()})
	st = expand(ctx, model(common.StrategyUsage, u, types.ObjectNull(scheduleAttrTypes)), &d)
	b, _ = json.Marshal(st)
	if want := `{"StrategyType":"NODE_SCALING_BY_USAGE","MaxScalingAmount":10,"ScalingStep":2,"ScalingDownAfterIdleMinutes":60,"ScalingUsageThreshold":"85"}`; string(b) != want {
		t.Errorf("usage wire JSON\n got %s\nwant %s", b, want)
	}
	flatten(ctx, client.NodePool{StrategyType: common.StrategyUsage, MaxScalingAmount: 10, ScalingStep: 2, ScalingUsageThreshold: 85, ScalingDownAfterIdleMinutes: 60}, &out, nil, &d)
	if !out.Usage.Equal(u) || !out.Schedule.IsNull() {
		t.Errorf("usage flatten got %s", out.Usage)
	}
}

// nullsOf is a known object whose attributes are all null.
func nullsOf(attrTypes map[string]attr.Type) types.Object {
	ctx := context.Background()
	vals := map[string]attr.Value{}
	for k, t := range attrTypes {
		v, err := t.ValueFromTerraform(ctx, tftypes.NewValue(t.TerraformType(ctx), nil))
		if err != nil {
			panic(err)
		}
		vals[k] = v
	}
	return types.ObjectValueMust(attrTypes, vals)
}
