package scalingpolicy

import (
	"context"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
)

// resourceModel is the whole resource. The nested objects stay types.Object
// so that null and unknown values (variables, values known only at apply)
// decode without error; they are converted with As where needed.
type resourceModel struct {
	ID              types.String   `tfsdk:"id"`
	DeliveryGroupID types.String   `tfsdk:"delivery_group_id"`
	NodePoolID      types.String   `tfsdk:"node_pool_id"`
	StrategyType    types.String   `tfsdk:"strategy_type"`
	Usage           types.Object   `tfsdk:"usage"`
	Schedule        types.Object   `tfsdk:"schedule"`
	Timeouts        timeouts.Value `tfsdk:"timeouts"`
}

type usageModel struct {
	MaxScalingAmount            types.Int64 `tfsdk:"max_scaling_amount"`
	ScalingStep                 types.Int64 `tfsdk:"scaling_step"`
	ScalingUsageThreshold       types.Int64 `tfsdk:"scaling_usage_threshold"`
	ScalingDownAfterIdleMinutes types.Int64 `tfsdk:"scaling_down_after_idle_minutes"`
	MaxIdleAppInstanceAmount    types.Int64 `tfsdk:"max_idle_app_instance_amount"`
}

type scheduleModel struct {
	EnableDate  types.String `tfsdk:"enable_date"`
	DisableDate types.String `tfsdk:"disable_date"`
	WarmUp      types.Bool   `tfsdk:"warm_up"`
	Recurrences types.List   `tfsdk:"recurrences"`
}

type recurrenceModel struct {
	Type    types.String `tfsdk:"type"`
	Days    types.Set    `tfsdk:"days"`
	Periods types.List   `tfsdk:"periods"`
}

type periodModel struct {
	StartTime types.String `tfsdk:"start_time"`
	EndTime   types.String `tfsdk:"end_time"`
	Amount    types.Int64  `tfsdk:"amount"`
}

var (
	periodAttrTypes = map[string]attr.Type{
		"start_time": types.StringType, "end_time": types.StringType, "amount": types.Int64Type,
	}
	recurrenceAttrTypes = map[string]attr.Type{
		"type":    types.StringType,
		"days":    types.SetType{ElemType: types.Int64Type},
		"periods": types.ListType{ElemType: types.ObjectType{AttrTypes: periodAttrTypes}},
	}
	scheduleAttrTypes = map[string]attr.Type{
		"enable_date": types.StringType, "disable_date": types.StringType, "warm_up": types.BoolType,
		"recurrences": types.ListType{ElemType: types.ObjectType{AttrTypes: recurrenceAttrTypes}},
	}
	usageAttrTypes = map[string]attr.Type{
		"max_scaling_amount": types.Int64Type, "scaling_step": types.Int64Type, "scaling_usage_threshold": types.Int64Type,
		"scaling_down_after_idle_minutes": types.Int64Type, "max_idle_app_instance_amount": types.Int64Type,
	}
)

// asOpts leaves unknown nested values as unknown fields instead of failing.
var asOpts = basetypes.ObjectAsOptions{UnhandledNullAsEmpty: false, UnhandledUnknownAsEmpty: true}

// decodeUsage returns nil when usage is null or unknown.
func decodeUsage(ctx context.Context, o types.Object, diags *diag.Diagnostics) *usageModel {
	if o.IsNull() || o.IsUnknown() {
		return nil
	}
	var u usageModel
	diags.Append(o.As(ctx, &u, asOpts)...)
	return &u
}

// decodedSchedule is a schedule with its lists decoded (elements that are
// unknown are left out; known says whether every list was fully known).
type decodedSchedule struct {
	scheduleModel
	recurrences []decodedRecurrence
	known       bool
}

type decodedRecurrence struct {
	recurrenceModel
	days      []int64
	daysKnown bool
	periods   []periodModel
	perKnown  bool
}

func decodeSchedule(ctx context.Context, o types.Object, diags *diag.Diagnostics) *decodedSchedule {
	if o.IsNull() || o.IsUnknown() {
		return nil
	}
	ds := &decodedSchedule{known: true}
	diags.Append(o.As(ctx, &ds.scheduleModel, asOpts)...)
	if ds.Recurrences.IsNull() || ds.Recurrences.IsUnknown() {
		ds.known = false
		return ds
	}
	var recs []recurrenceModel
	diags.Append(ds.Recurrences.ElementsAs(ctx, &recs, false)...)
	for _, r := range recs {
		dr := decodedRecurrence{recurrenceModel: r}
		if !r.Days.IsNull() && !r.Days.IsUnknown() {
			dr.daysKnown = true
			for _, e := range r.Days.Elements() {
				v, ok := e.(types.Int64)
				if !ok || v.IsUnknown() || v.IsNull() {
					dr.daysKnown = false
					continue
				}
				dr.days = append(dr.days, v.ValueInt64())
			}
			sort.Slice(dr.days, func(i, j int) bool { return dr.days[i] < dr.days[j] })
		}
		if !r.Periods.IsNull() && !r.Periods.IsUnknown() {
			dr.perKnown = true
			diags.Append(r.Periods.ElementsAs(ctx, &dr.periods, false)...)
		}
		if !dr.daysKnown || !dr.perKnown {
			ds.known = false
		}
		ds.recurrences = append(ds.recurrences, dr)
	}
	return ds
}

// expand builds the NodePoolStrategy for ModifyNodePoolAttribute. NodeAmount
// is never sent: the resource count belongs to appstreaming_delivery_group.
func expand(ctx context.Context, m resourceModel, diags *diag.Diagnostics) *client.NodePoolStrategy {
	st := &client.NodePoolStrategy{StrategyType: m.StrategyType.ValueString()}
	switch st.StrategyType {
	case common.StrategyUsage:
		if u := decodeUsage(ctx, m.Usage, diags); u != nil {
			st.MaxScalingAmount = common.IntPtr(u.MaxScalingAmount)
			st.ScalingStep = common.IntPtr(u.ScalingStep)
			st.ScalingUsageThreshold = common.IntPtr(u.ScalingUsageThreshold)
			st.ScalingDownAfterIdleMinutes = common.IntPtr(u.ScalingDownAfterIdleMinutes)
			st.MaxIdleAppInstanceAmount = common.IntPtr(u.MaxIdleAppInstanceAmount)
		}
	case common.StrategySchedule:
		if s := decodeSchedule(ctx, m.Schedule, diags); s != nil {
			st.StrategyEnableDate = s.EnableDate.ValueString()
			st.StrategyDisableDate = s.DisableDate.ValueString()
			w := s.WarmUp.ValueBool()
			st.WarmUp = &w
			for _, r := range s.recurrences {
				rs := client.RecurrenceSchedule{RecurrenceType: r.Type.ValueString(), RecurrenceValues: []int{}}
				for _, d := range r.days {
					rs.RecurrenceValues = append(rs.RecurrenceValues, int(d))
				}
				for _, p := range r.periods {
					rs.TimerPeriods = append(rs.TimerPeriods, client.TimerPeriod{
						StartTime: p.StartTime.ValueString(), EndTime: p.EndTime.ValueString(), Amount: int(p.Amount.ValueInt64())})
				}
				st.RecurrenceSchedules = append(st.RecurrenceSchedules, rs)
			}
		}
	}
	return st
}

// strategyOf returns the pool's strategy; an empty value is the service's
// default, a fixed pool.
func strategyOf(np client.NodePool) string {
	if np.StrategyType == "" {
		return common.StrategyFixed
	}
	return np.StrategyType
}

// flatten writes the pool's strategy into m. prior (the state or plan)
// supplies the spelling of RecurrenceType when the service answers the
// other case, so "Weekly" vs "weekly" never shows as drift.
func flatten(ctx context.Context, np client.NodePool, m *resourceModel, prior *decodedSchedule, diags *diag.Diagnostics) {
	m.NodePoolID = types.StringValue(np.NodePoolID)
	m.StrategyType = types.StringValue(strategyOf(np))
	m.Usage = types.ObjectNull(usageAttrTypes)
	m.Schedule = types.ObjectNull(scheduleAttrTypes)
	switch strategyOf(np) {
	case common.StrategyUsage:
		maxIdle := types.Int64Null()
		if np.MaxIdleAppInstanceAmount > 0 {
			maxIdle = types.Int64Value(int64(np.MaxIdleAppInstanceAmount))
		}
		idle := np.ScalingDownAfterIdleMinutes
		if idle == 0 {
			idle = defaultIdleMinutes
		}
		o, d := types.ObjectValue(usageAttrTypes, map[string]attr.Value{
			"max_scaling_amount":              types.Int64Value(int64(np.MaxScalingAmount)),
			"scaling_step":                    types.Int64Value(int64(np.ScalingStep)),
			"scaling_usage_threshold":         types.Int64Value(int64(np.ScalingUsageThreshold)),
			"scaling_down_after_idle_minutes": types.Int64Value(int64(idle)),
			"max_idle_app_instance_amount":    maxIdle,
		})
		diags.Append(d...)
		m.Usage = o
	case common.StrategySchedule:
		recType := types.ObjectType{AttrTypes: recurrenceAttrTypes}
		perType := types.ObjectType{AttrTypes: periodAttrTypes}
		recs := make([]attr.Value, 0, len(np.RecurrenceSchedules))
		for i, rs := range np.RecurrenceSchedules {
			typ := rs.RecurrenceType
			if prior != nil && i < len(prior.recurrences) {
				if pt := prior.recurrences[i].Type.ValueString(); strings.EqualFold(pt, typ) {
					typ = pt
				}
			}
			days := make([]attr.Value, 0, len(rs.RecurrenceValues))
			for _, v := range rs.RecurrenceValues {
				days = append(days, types.Int64Value(int64(v)))
			}
			daySet, d := types.SetValue(types.Int64Type, days)
			diags.Append(d...)
			pers := make([]attr.Value, 0, len(rs.TimerPeriods))
			for _, tp := range rs.TimerPeriods {
				o, d := types.ObjectValue(periodAttrTypes, map[string]attr.Value{
					"start_time": types.StringValue(tp.StartTime), "end_time": types.StringValue(tp.EndTime),
					"amount": types.Int64Value(int64(tp.Amount)),
				})
				diags.Append(d...)
				pers = append(pers, o)
			}
			perList, d := types.ListValue(perType, pers)
			diags.Append(d...)
			o, d := types.ObjectValue(recurrenceAttrTypes, map[string]attr.Value{
				"type": types.StringValue(typ), "days": daySet, "periods": perList,
			})
			diags.Append(d...)
			recs = append(recs, o)
		}
		recList, d := types.ListValue(recType, recs)
		diags.Append(d...)
		o, d := types.ObjectValue(scheduleAttrTypes, map[string]attr.Value{
			"enable_date": types.StringValue(np.StrategyEnableDate), "disable_date": types.StringValue(np.StrategyDisableDate),
			"warm_up": types.BoolValue(np.WarmUp), "recurrences": recList,
		})
		diags.Append(d...)
		m.Schedule = o
	}
}
