// Package scalingpolicy implements the appstreaming_scaling_policy resource:
// the scaling strategy of a delivery group's node pool, set with
// ModifyNodePoolAttribute and read back from GetAppInstanceGroup.
package scalingpolicy

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
)

const defaultTimeout = 20 * time.Minute

var (
	_ resource.ResourceWithConfigure      = (*scalingPolicyResource)(nil)
	_ resource.ResourceWithImportState    = (*scalingPolicyResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*scalingPolicyResource)(nil)
	_ resource.ResourceWithValidateConfig = (*scalingPolicyResource)(nil)
)

// NewResource is the constructor listed in the provider registry.
func NewResource() resource.Resource {
	return &scalingPolicyResource{ResourceBase: common.ResourceBase{TypeSuffix: "_scaling_policy"}}
}

type scalingPolicyResource struct {
	common.ResourceBase
}

func (r *scalingPolicyResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m resourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(validateModel(ctx, m)...)
}

// ModifyPlan checks the rules that need more than the configuration:
// "enable_date not in the past" (needs the state, to check only new dates),
// and, with the group read once through the shared group view when its ID
// is known, "the group exists", "no takeover of a strategy set elsewhere"
// (new policies) and "schedule only on PostPaid groups" (new schedules).
// Otherwise Create/Update check them at apply.
func (r *scalingPolicyResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	var plan resourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	var state *resourceModel
	if !req.State.Raw.IsNull() {
		state = &resourceModel{}
		resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	// id is the group ID; a new group (replace) also means a new pool.
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("id"), plan.DeliveryGroupID)...)
	if state != nil && !plan.DeliveryGroupID.Equal(state.DeliveryGroupID) {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("node_pool_id"), types.StringUnknown())...)
	}
	isSchedule, wasSchedule := plan.StrategyType.ValueString() == common.StrategySchedule, false
	if isSchedule {
		planSched := decodeSchedule(ctx, plan.Schedule, &resp.Diagnostics)
		var stateSched *decodedSchedule
		if state != nil && state.StrategyType.ValueString() == common.StrategySchedule {
			stateSched = decodeSchedule(ctx, state.Schedule, &resp.Diagnostics)
			wasSchedule = true
		}
		if planSched != nil && enableDateIsNew(planSched, stateSched) {
			resp.Diagnostics.Append(checkDates(planSched, todayInService(), true)...)
		}
	}
	// A new policy (create, or a move to another group) must not take over a
	// strategy someone else set; a new schedule needs a PostPaid group.
	newPolicy := state == nil || !plan.DeliveryGroupID.Equal(state.DeliveryGroupID)
	needCharge := isSchedule && !wasSchedule
	if resp.Diagnostics.HasError() || (!newPolicy && !needCharge) || r.Client == nil || plan.DeliveryGroupID.IsUnknown() {
		return
	}
	g, err := r.Client.ReadAppInstanceGroup(ctx, plan.DeliveryGroupID.ValueString())
	if client.IsNotFound(err) {
		common.DeliveryGroupNotFound(&resp.Diagnostics, plan.DeliveryGroupID.ValueString(), r.Client.RegionID())
		return
	}
	if err != nil {
		// Not fatal at plan time: the group may not exist yet or be
		// replaced in this run; apply reads it again and reports.
		tflog.Debug(ctx, "scaling policy: group checks deferred to apply", map[string]any{"error": err.Error()})
		return
	}
	if newPolicy {
		resp.Diagnostics.Append(checkTakeover(g)...)
	}
	resp.Diagnostics.Append(checkChargeType(g, plan.StrategyType.ValueString())...)
}

// checkTakeover refuses to start managing a pool whose strategy is not the
// default NODE_FIXED: another configuration (or the console) set it, and
// this resource would overwrite it and, on destroy, reset it.
func checkTakeover(g *client.AppInstanceGroup) diag.Diagnostics {
	var diags diag.Diagnostics
	if len(g.NodePool) == 0 {
		return diags
	}
	if current := strategyOf(g.NodePool[0]); current != common.StrategyFixed {
		diags.AddAttributeError(path.Root("delivery_group_id"), "Delivery group already has a scaling strategy",
			fmt.Sprintf("The node pool of delivery group %[1]s already uses %[2]s, set outside this configuration (another "+
				"workspace or the console). Creating appstreaming_scaling_policy would overwrite it; nothing was changed. "+
				"To manage it here, import it first:\n\n  terraform import appstreaming_scaling_policy.<name> %[1]s\n\n"+
				"(or an import block with id = %[1]q); the plan then shows the exact difference.", g.AppInstanceGroupID, current))
	}
	return diags
}

// checkChargeType applies api-notes §4 rule 12's "schedule requires PostPaid".
func checkChargeType(g *client.AppInstanceGroup, strategy string) diag.Diagnostics {
	var diags diag.Diagnostics
	if strategy == common.StrategySchedule && g.ChargeType != "" && g.ChargeType != common.ChargePostPaid {
		diags.AddAttributeError(path.Root("strategy_type"), "Scheduled scaling needs a pay-as-you-go group",
			fmt.Sprintf("Delivery group %s is %s (subscription); NODE_SCALING_BY_SCHEDULE is only available for PostPaid groups. "+
				"Use NODE_FIXED or NODE_SCALING_BY_USAGE, or a PostPaid delivery group.", g.AppInstanceGroupID, g.ChargeType))
	}
	return diags
}

func (r *scalingPolicyResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan resourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, d := plan.Timeouts.Create(ctx, defaultTimeout)
	resp.Diagnostics.Append(d...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	id := plan.DeliveryGroupID.ValueString()
	g := r.apply(ctx, plan, "create", timeout, &resp.Diagnostics, checkTakeover, func() {
		// Saved before waiting: a failed wait taints instead of orphaning.
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("delivery_group_id"), id)...)
	})
	if g == nil {
		return
	}
	r.finish(ctx, plan, g, &resp.State, &resp.Diagnostics)
	common.SetIdentity(ctx, resp.Identity, identityIDAttr, id, g.RegionID, &resp.Diagnostics)
}

func (r *scalingPolicyResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan resourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, d := plan.Timeouts.Update(ctx, defaultTimeout)
	resp.Diagnostics.Append(d...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	g := r.apply(ctx, plan, "update", timeout, &resp.Diagnostics, nil, func() {})
	if g == nil {
		return
	}
	r.finish(ctx, plan, g, &resp.State, &resp.Diagnostics)
	// CLIs before 1.12 keep no identity, so it is set again on every update.
	common.SetIdentity(ctx, resp.Identity, identityIDAttr, plan.DeliveryGroupID.ValueString(), g.RegionID, &resp.Diagnostics)
}

// apply sends the planned strategy and waits until the group is PUBLISHED
// again. precheck (if any) vets the group before anything is sent; saved runs
// after the call was accepted, before the wait.
func (r *scalingPolicyResource) apply(ctx context.Context, plan resourceModel, verb string, timeout time.Duration, diags *diag.Diagnostics,
	precheck func(*client.AppInstanceGroup) diag.Diagnostics, saved func()) *client.AppInstanceGroup {
	id := plan.DeliveryGroupID.ValueString()
	g, poolID := r.readyGroup(ctx, id, timeout, diags)
	if g == nil {
		return nil
	}
	if precheck != nil {
		if diags.Append(precheck(g)...); diags.HasError() {
			return nil
		}
	}
	diags.Append(checkChargeType(g, plan.StrategyType.ValueString())...)
	strategy := expand(ctx, plan, diags)
	if diags.HasError() {
		return nil
	}
	err := r.Client.ModifyNodePoolAttribute(ctx, client.ModifyNodePoolAttributeInput{PoolID: poolID, BizRegionID: g.RegionID, Strategy: strategy})
	if err != nil {
		diags.AddError(fmt.Sprintf("Cannot %s the scaling policy of delivery group %s", verb, id),
			fmt.Sprintf("ModifyNodePoolAttribute (PoolId %s, StrategyType %s) failed: %s. Check the values against the error, then run apply again.",
				poolID, strategy.StrategyType, err))
		return nil
	}
	saved()
	g, err = r.Client.WaitForGroupStatus(ctx, id, []client.GroupStatus{client.GroupPublished}, []client.GroupStatus{client.GroupMaintaining, client.GroupDeploying}, timeout)
	if err != nil {
		diags.AddError(fmt.Sprintf("Scaling policy of delivery group %s applied, but the group did not become PUBLISHED", id),
			fmt.Sprintf("%s. Run apply again once the group is PUBLISHED.", err))
		return nil
	}
	return g
}

// readyGroup reads the group, waiting while it is still deploying or
// updating (ModifyNodePoolAttribute is refused then), and returns its pool.
func (r *scalingPolicyResource) readyGroup(ctx context.Context, id string, timeout time.Duration, diags *diag.Diagnostics) (*client.AppInstanceGroup, string) {
	g, err := r.Client.GetAppInstanceGroup(ctx, id)
	if err == nil && (g.Status == "DEPLOYING" || g.Status == "MAINTAINING") {
		g, err = r.Client.WaitForGroupStatus(ctx, id, []client.GroupStatus{client.GroupPublished}, []client.GroupStatus{client.GroupMaintaining, client.GroupDeploying}, timeout)
	}
	if err != nil {
		diags.AddAttributeError(path.Root("delivery_group_id"), "Cannot read the delivery group",
			fmt.Sprintf("GetAppInstanceGroup %s failed: %s. Check that delivery_group_id names an existing group in this region.", id, err))
		return nil, ""
	}
	if len(g.NodePool) == 0 || g.NodePool[0].NodePoolID == "" {
		diags.AddAttributeError(path.Root("delivery_group_id"), "Delivery group has no node pool",
			fmt.Sprintf("Delivery group %s reports no NodePool, so there is no PoolId to set a scaling strategy on.", id))
		return nil, ""
	}
	return g, g.NodePool[0].NodePoolID
}

// finish stores the strategy read back after the change.
func (r *scalingPolicyResource) finish(ctx context.Context, plan resourceModel, g *client.AppInstanceGroup, st stateSetter, diags *diag.Diagnostics) {
	m := plan
	m.ID = plan.DeliveryGroupID
	prior := decodeSchedule(ctx, plan.Schedule, diags)
	flatten(ctx, g.NodePool[0], &m, prior, diags)
	diags.Append(st.Set(ctx, &m)...)
}

type stateSetter interface {
	Set(ctx context.Context, val any) diag.Diagnostics
}

func (r *scalingPolicyResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state resourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := stringOr(state.DeliveryGroupID, state.ID.ValueString())
	g, err := r.Client.ReadAppInstanceGroup(ctx, id) // batched; the pool is in List rows
	if client.IsNotFound(err) {
		common.RemoveFromState(ctx, resp, identityIDAttr, id, "")
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Cannot read the scaling policy", fmt.Sprintf("GetAppInstanceGroup %s failed: %s", id, err))
		return
	}
	if len(g.NodePool) == 0 {
		common.RemoveFromState(ctx, resp, identityIDAttr, id, g.RegionID) // no pool, nothing this resource manages
		return
	}
	if common.RegionMismatch(ctx, req.Identity, id, g.RegionID, &resp.Diagnostics) {
		return
	}
	state.ID, state.DeliveryGroupID = types.StringValue(id), types.StringValue(id)
	var prior *decodedSchedule
	if state.StrategyType.ValueString() == common.StrategySchedule {
		prior = decodeSchedule(ctx, state.Schedule, &resp.Diagnostics)
	}
	flatten(ctx, g.NodePool[0], &state, prior, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
	common.SetIdentity(ctx, resp.Identity, identityIDAttr, id, g.RegionID, &resp.Diagnostics)
}

// Delete returns the pool to NODE_FIXED. For PostPaid groups the current
// subscription count is sent as NodeAmount so the group keeps its size; a
// PrePaid group's count cannot be set here (ModifyNodePoolAmount owns it).
func (r *scalingPolicyResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state resourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, d := state.Timeouts.Delete(ctx, defaultTimeout)
	resp.Diagnostics.Append(d...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	id := stringOr(state.DeliveryGroupID, state.ID.ValueString())
	g, err := r.Client.GetAppInstanceGroup(ctx, id)
	if client.IsNotFound(err) {
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Cannot read the delivery group", fmt.Sprintf("GetAppInstanceGroup %s failed: %s", id, err))
		return
	}
	if len(g.NodePool) == 0 || strategyOf(g.NodePool[0]) == common.StrategyFixed {
		return
	}
	np := g.NodePool[0]
	strategy := &client.NodePoolStrategy{StrategyType: common.StrategyFixed}
	if g.ChargeType == common.ChargePostPaid && np.NodeAmount >= 1 {
		n := np.NodeAmount
		strategy.NodeAmount = &n
	}
	err = r.Client.ModifyNodePoolAttribute(ctx, client.ModifyNodePoolAttributeInput{PoolID: np.NodePoolID, BizRegionID: g.RegionID, Strategy: strategy})
	if client.IsNotFound(err) {
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Cannot return delivery group %s to NODE_FIXED", id),
			fmt.Sprintf("ModifyNodePoolAttribute (PoolId %s) failed: %s. The group keeps its current strategy; run destroy again.", np.NodePoolID, err))
		return
	}
	if _, err := r.Client.WaitForGroupStatus(ctx, id, []client.GroupStatus{client.GroupPublished}, []client.GroupStatus{client.GroupMaintaining, client.GroupDeploying}, timeout); err != nil && !client.IsNotFound(err) {
		resp.Diagnostics.AddError(fmt.Sprintf("Delivery group %s did not become PUBLISHED after returning to NODE_FIXED", id), err.Error())
	}
}

// ImportState takes the delivery group ID.
func (r *scalingPolicyResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	common.ImportByIDOrIdentity(ctx, req, resp, identityIDAttr, "id", "delivery_group_id")
}
