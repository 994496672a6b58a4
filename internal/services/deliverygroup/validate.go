package deliverygroup

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/validators"
)

func (r *deliveryGroupResource) ConfigValidators(_ context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{
		validators.PeriodUnitPair(path.MatchRoot("period"), path.MatchRoot("period_unit")),
		validators.NodeCapacityForInstanceType(path.MatchRoot("node_pool").AtName("instance_type"), path.MatchRoot("node_pool").AtName("capacity")),
	}
}

func isSet(v attr.Value) bool { return !v.IsNull() && !v.IsUnknown() }

// ValidateConfig holds the cross-attribute rules of api-notes §4 that
// the attribute validators cannot express (api-notes §4 rules 3, 4, 23, 30). Unknown
// values are skipped here; Terraform validates again at apply with them known.
func (r *deliveryGroupResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	get := func(p path.Path, like attr.Value) attr.Value {
		return attrOf(ctx, req.Config.GetAttribute, p, like, &resp.Diagnostics)
	}
	str := func(p path.Path) types.String { return get(p, types.StringNull()).(types.String) }

	switch charge := str(path.Root("charge_type")); {
	case !isSet(charge):
	case charge.ValueString() == common.ChargePrePaid:
		for _, name := range []string{"period", "period_unit"} {
			var v attr.Value = types.Int64Null()
			if name == "period_unit" {
				v = types.StringNull()
			}
			if got := get(path.Root(name), v); got.IsNull() {
				resp.Diagnostics.AddAttributeError(path.Root(name), "Missing Subscription Period",
					fmt.Sprintf("%s is required when charge_type is \"PrePaid\" (e.g. period = 1, period_unit = \"Month\").", name))
			}
		}
	case charge.ValueString() == common.ChargePostPaid:
		for name, v := range map[string]attr.Value{"period": types.Int64Null(), "period_unit": types.StringNull(), "auto_renew": types.BoolNull()} {
			if got := get(path.Root(name), v); !got.IsNull() {
				why := "there is no subscription to renew"
				if name != "auto_renew" {
					why = "the provider sends the 1 Month period that pay-as-you-go orders need"
				}
				resp.Diagnostics.AddAttributeError(path.Root(name), "Argument Only for Subscriptions",
					fmt.Sprintf("%s applies only when charge_type is \"PrePaid\"; remove it for a PostPaid group (%s).", name, why))
			}
		}
	}

	network := path.Root("network")
	if routes := get(network.AtName("routes"), types.ListNull(nil)); isSet(routes) {
		if st := str(network.AtName("strategy_type")); !st.IsUnknown() && st.ValueString() != networkMixed {
			resp.Diagnostics.AddAttributeError(network.AtName("routes"), "Routes Need Mixed Network",
				fmt.Sprintf("network.routes is only used with network.strategy_type = \"Mixed\", got %s.", describe(st)))
		}
	}
	if vs := get(network.AtName("vswitch_ids"), types.SetNull(nil)); isSet(vs) {
		if office := str(network.AtName("office_site_id")); office.IsNull() {
			resp.Diagnostics.AddAttributeError(network.AtName("vswitch_ids"), "vSwitches Need a Custom Office Network",
				"network.vswitch_ids applies only to custom office networks: set network.office_site_id as well.")
		}
	}

	runtime := path.Root("runtime_policy")
	if mode := str(runtime.AtName("session_user_generation_mode")); isSet(mode) && mode.ValueString() == "wyid" {
		pre := get(runtime.AtName("session_pre_open"), types.BoolNull()).(types.Bool)
		if !pre.IsUnknown() && (pre.IsNull() || pre.ValueBool()) {
			resp.Diagnostics.AddAttributeError(runtime.AtName("session_pre_open"), "Pre-open Conflicts with wyid",
				"runtime_policy.session_user_generation_mode = \"wyid\" requires runtime_policy.session_pre_open = false "+
					"(the API pre-opens sessions when it is omitted).")
		}
	}
}

func describe(v types.String) string {
	if v.IsNull() {
		return "no strategy_type"
	}
	return fmt.Sprintf("%q", v.ValueString())
}

// ModifyPlan fills the provider's default region and warns, at plan time,
// about changes whose effect is not obvious from the diff.
func (r *deliveryGroupResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() { // destroy
		var charge, id, expired types.String
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("charge_type"), &charge)...)
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("expired_at"), &expired)...)
		if charge.ValueString() == common.ChargePrePaid {
			resp.Diagnostics.AddWarning("Destroying a subscription delivery group only removes it from Terraform",
				prePaidDestroyDetail(id.ValueString(), expired.ValueString()))
		}
		return
	}
	if req.State.Raw.IsNull() { // create
		var region types.String
		resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("region_id"), &region)...)
		if region.IsUnknown() && r.Client != nil && r.Client.RegionID() != "" {
			resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("region_id"), r.Client.RegionID())...)
			region = types.StringValue(r.Client.RegionID())
		}
		r.checkCapacityAtPlan(ctx, req, region, &resp.Diagnostics)
		return
	}
	r.checkCapacityAtPlan(ctx, req, attrAt[types.String](ctx, req.State.GetAttribute, path.Root("region_id"), &resp.Diagnostics), &resp.Diagnostics)

	var planImage, stateImage types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("image_id"), &planImage)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("image_id"), &stateImage)...)
	if !planImage.Equal(stateImage) {
		resp.Diagnostics.AddAttributeWarning(path.Root("image_id"), "Changing the image restarts the delivery group",
			fmt.Sprintf("UpdateAppInstanceGroupImage moves the group from %s to %s: every resource of the group reboots at once "+
				"and all active sessions end. Apply at a quiet time.", stateImage.ValueString(), describeImage(planImage)))
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("apps"), types.ListUnknown(types.ObjectType{AttrTypes: appAttrTypes}))...)
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("os_type"), types.StringUnknown())...)
	}

	for name, v := range map[string]attr.Value{"period": types.Int64Null(), "period_unit": types.StringNull(),
		"auto_renew": types.BoolNull(), "auto_pay": types.BoolNull(), "promotion_id": types.StringNull()} {
		p, s := attrOf(ctx, req.Plan.GetAttribute, path.Root(name), v, &resp.Diagnostics), attrOf(ctx, req.State.GetAttribute, path.Root(name), v, &resp.Diagnostics)
		if !p.Equal(s) {
			resp.Diagnostics.AddAttributeWarning(path.Root(name), "Argument used only at creation",
				fmt.Sprintf("%s only affects the order placed when the group is created; the change is recorded without an API call. "+
					"Renewal settings of an existing subscription are changed in the Alibaba Cloud billing console.", name))
		}
	}

	var charge, strategy types.String
	var planAmount, stateAmount types.Int64
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("charge_type"), &charge)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("node_pool").AtName("strategy_type"), &strategy)...)
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("node_pool").AtName("amount"), &planAmount)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("node_pool").AtName("amount"), &stateAmount)...)
	if !planAmount.Equal(stateAmount) && charge.ValueString() == common.ChargePostPaid && strategy.ValueString() == common.StrategySchedule {
		resp.Diagnostics.AddAttributeWarning(path.Root("node_pool").AtName("amount"), "Node amount owned by the scaling policy",
			"The node pool follows a schedule (NODE_SCALING_BY_SCHEDULE, set by appstreaming_scaling_policy), whose periods drive "+
				"the node count. node_pool.amount will be recorded but not sent; change the periods' amounts in the scaling policy instead.")
	}
}

func describeImage(v types.String) string {
	if v.IsUnknown() {
		return "(known after apply)"
	}
	return v.ValueString()
}

// attrOf reads one attribute as the framework type of like, so an unknown
// value elsewhere in the config never blocks a check.
func attrOf(ctx context.Context, get func(context.Context, path.Path, any) diag.Diagnostics, p path.Path, like attr.Value, diags *diag.Diagnostics) attr.Value {
	switch like.(type) {
	case types.List:
		return attrAt[types.List](ctx, get, p, diags)
	case types.Set:
		return attrAt[types.Set](ctx, get, p, diags)
	case types.Int64:
		return attrAt[types.Int64](ctx, get, p, diags)
	case types.Bool:
		return attrAt[types.Bool](ctx, get, p, diags)
	}
	return attrAt[types.String](ctx, get, p, diags)
}

func attrAt[T attr.Value](ctx context.Context, get func(context.Context, path.Path, any) diag.Diagnostics, p path.Path, diags *diag.Diagnostics) T {
	var v T
	diags.Append(get(ctx, p, &v)...)
	return v
}

// checkCapacityAtPlan runs checkCapacity when the instance type and capacity
// are known and new or changed, so a capacity outside an undocumented type's
// range fails at plan (one cached ListNodeInstanceType) instead of at apply.
func (r *deliveryGroupResource) checkCapacityAtPlan(ctx context.Context, req resource.ModifyPlanRequest, region types.String, diags *diag.Diagnostics) {
	if r.Client == nil || diags.HasError() || !isSet(region) {
		return
	}
	pool := path.Root("node_pool")
	instanceType := attrAt[types.String](ctx, req.Plan.GetAttribute, pool.AtName("instance_type"), diags)
	capacity := attrAt[types.Int64](ctx, req.Plan.GetAttribute, pool.AtName("capacity"), diags)
	if diags.HasError() || !isSet(instanceType) || capacity.IsUnknown() {
		return
	}
	if !req.State.Raw.IsNull() {
		priorType := attrAt[types.String](ctx, req.State.GetAttribute, pool.AtName("instance_type"), diags)
		priorCapacity := attrAt[types.Int64](ctx, req.State.GetAttribute, pool.AtName("capacity"), diags)
		if instanceType.Equal(priorType) && capacity.Equal(priorCapacity) {
			return
		}
	}
	r.checkCapacity(ctx, region.ValueString(), instanceType.ValueString(), capacity, diags)
}
