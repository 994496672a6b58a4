// Package deliverygroup implements the appstreaming_delivery_group resource
// (CreateAppInstanceGroup and friends).
package deliverygroup

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
)

// NewResource is the constructor the provider registers.
func NewResource() resource.Resource { return &deliveryGroupResource{} }

type deliveryGroupResource struct {
	client *client.Client
}

var (
	_ resource.ResourceWithConfigure        = (*deliveryGroupResource)(nil)
	_ resource.ResourceWithImportState      = (*deliveryGroupResource)(nil)
	_ resource.ResourceWithModifyPlan       = (*deliveryGroupResource)(nil)
	_ resource.ResourceWithConfigValidators = (*deliveryGroupResource)(nil)
	_ resource.ResourceWithValidateConfig   = (*deliveryGroupResource)(nil)
)

const (
	defaultCreateTimeout = 30 * time.Minute
	defaultUpdateTimeout = 30 * time.Minute
	defaultDeleteTimeout = 20 * time.Minute
)

func (r *deliveryGroupResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_delivery_group"
}

func (r *deliveryGroupResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = common.ClientFromProviderData(req.ProviderData, &resp.Diagnostics)
}

func (r *deliveryGroupResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	common.ImportByIDOrIdentity(ctx, req, resp, identityIDAttr, "id")
}

// apiError formats a client error with what failed and what to do; the
// client's errors already carry the API code and request ID.
func apiError(diags *diag.Diagnostics, summary string, err error, hint string) {
	detail := err.Error()
	if hint != "" {
		detail += "\n\n" + hint
	}
	diags.AddError(summary, detail)
}

// uniqueName gives an unnamed group a name, because the client reconciles an
// interrupted create by name; without one a retry could place a second order.
func uniqueName() string {
	const chars = "abcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	for i := range b {
		b[i] = chars[int(b[i])%len(chars)]
	}
	return "tf-" + string(b)
}

// ---------- Create ----------

func (r *deliveryGroupResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan resourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, d := plan.Timeouts.Create(ctx, defaultCreateTimeout)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	region := plan.RegionID.ValueString()
	if plan.RegionID.IsNull() || plan.RegionID.IsUnknown() || region == "" {
		region = r.client.RegionID()
	}
	if !r.checkCapacity(ctx, region, plan.NodePool.InstanceType.ValueString(), plan.NodePool.Capacity, &resp.Diagnostics) {
		return
	}
	name := plan.Name.ValueString()
	if plan.Name.IsNull() || plan.Name.IsUnknown() {
		name = uniqueName()
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	// The create call itself is not cut short by an interrupt (Ctrl-C):
	// once sent it places an order, so its answer is awaited (within the
	// create timeout) to record the ID; an interrupt then ends the wait.
	cctx, ccancel := context.WithTimeout(context.WithoutCancel(ctx), timeout)
	defer ccancel()
	out, err := r.client.CreateAppInstanceGroup(cctx, plan.createInput(name, region))
	if err != nil {
		hint := "Nothing was published. Fix the cause and apply again."
		if client.IsAmbiguous(err) {
			hint = fmt.Sprintf("The outcome is unknown. Look for a delivery group named %q in region %s before applying again; "+
				"if one exists, import it (terraform import) instead of creating another order.", name, region)
		} else if client.ErrorCode(err) == "StockError.NoStock" {
			hint = "The instance type is sold out in this region: choose another node_pool.instance_type or region, or try later."
		}
		apiError(&resp.Diagnostics, "Cannot publish delivery group", err, hint)
		return
	}
	id := out.AppInstanceGroupID
	// Saved before waiting: a failed or interrupted wait leaves a tainted
	// resource that the next apply replaces, never an orphaned order.
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	common.SetIdentity(ctx, resp.Identity, identityIDAttr, id, region, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}

	g, err := r.client.WaitForGroupStatus(ctx, id, []client.GroupStatus{client.GroupPublished}, []client.GroupStatus{client.GroupDeploying}, timeout)
	if err != nil {
		hint := fmt.Sprintf("Delivery group %s was created but did not become PUBLISHED. It is recorded as tainted: the next apply "+
			"replaces it.", id)
		if plan.ChargeType.ValueString() == chargePrePaid {
			hint += " A failed subscription group cannot be deleted through the API; delete it in the App Streaming console."
		}
		var use *client.UnexpectedStateError
		if errors.As(err, &use) && use.State == "FAILED" {
			apiError(&resp.Diagnostics, "Delivery group publishing failed", err, hint)
		} else {
			apiError(&resp.Diagnostics, "Cannot wait for delivery group to publish", err, hint)
		}
		return
	}

	// The group is published and healthy from here on: a failure to tag it
	// is a warning, never an error that would taint and replace the group.
	// Terraform requires the planned tags in the new state; the next refresh
	// reads the real ones and the next apply adds what is missing in place.
	plannedTags, tagsFailed := plan.Tags, false
	if tags := mapOf(ctx, plan.Tags, &resp.Diagnostics); len(tags) > 0 {
		var tagDiags diag.Diagnostics
		if r.applyTags(ctx, id, nil, tags, &tagDiags) {
			if tagged, err := r.client.GetAppInstanceGroup(ctx, id); err == nil {
				g = tagged
			} else {
				resp.Diagnostics.AddWarning("Delivery group tagged, not read back",
					fmt.Sprintf("Reading delivery group %s after tagging failed: %s. The next refresh reads its tags.", id, err))
			}
		} else {
			tagsFailed = true
			for _, d := range tagDiags.Errors() {
				resp.Diagnostics.AddWarning("Delivery group published, tags not applied",
					fmt.Sprintf("%s: %s\n\nDelivery group %s is published and recorded; the next apply adds the tags.", d.Summary(), d.Detail(), id))
			}
		}
	}

	plan.OrderID = types.StringValue(out.OrderID)
	resp.Diagnostics.Append(plan.flatten(ctx, g)...)
	if tagsFailed {
		plan.Tags = plannedTags
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func mapOf(ctx context.Context, m types.Map, diags *diag.Diagnostics) map[string]string {
	out := map[string]string{}
	if m.IsNull() || m.IsUnknown() {
		return out
	}
	diags.Append(m.ElementsAs(ctx, &out, false)...)
	return out
}

// applyTags makes the custom tags go from old to new: untag removed keys,
// tag new or changed ones.
func (r *deliveryGroupResource) applyTags(ctx context.Context, id string, old, new map[string]string, diags *diag.Diagnostics) bool {
	var remove []string
	for k := range old {
		if _, ok := new[k]; !ok {
			remove = append(remove, k)
		}
	}
	var set []client.Tag
	for k, v := range new {
		if ov, ok := old[k]; !ok || ov != v {
			set = append(set, client.Tag{Key: k, Value: v})
		}
	}
	const resourceType = "AppInstanceGroupId"
	// UntagCloudResources takes at most 10 keys per call (rule 39).
	for len(remove) > 0 {
		n := min(10, len(remove))
		failed, err := r.client.UntagCloudResources(ctx, resourceType, []string{id}, remove[:n])
		if err == nil && len(failed) > 0 {
			err = fmt.Errorf("UntagCloudResources: %s: %s", failed[0].Code, failed[0].Message)
		}
		if err != nil {
			apiError(diags, "Cannot remove delivery group tags", err, "")
			return false
		}
		remove = remove[n:]
	}
	if len(set) > 0 {
		failed, err := r.client.TagCloudResources(ctx, resourceType, []string{id}, set)
		if err == nil && len(failed) > 0 {
			err = fmt.Errorf("TagCloudResources: %s: %s", failed[0].Code, failed[0].Message)
		}
		if err != nil {
			apiError(diags, "Cannot tag delivery group", err, "")
			return false
		}
	}
	return true
}

// ---------- Read ----------

func (r *deliveryGroupResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state resourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// Batched through the provider's shared view of the region's groups;
	// runtime_policy.session_type, which List lacks, keeps its state value.
	g, err := r.client.ReadAppInstanceGroup(ctx, state.ID.ValueString())
	if client.IsNotFound(err) {
		common.RemoveFromState(ctx, resp, identityIDAttr, state.ID.ValueString(), state.RegionID.ValueString())
		return
	}
	if err != nil {
		apiError(&resp.Diagnostics, "Cannot read delivery group", err, "")
		return
	}
	if common.RegionMismatch(ctx, req.Identity, g.AppInstanceGroupID, g.RegionID, &resp.Diagnostics) {
		return
	}
	resp.Diagnostics.Append(state.flatten(ctx, g)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
	common.SetIdentity(ctx, resp.Identity, identityIDAttr, state.ID.ValueString(), state.RegionID.ValueString(), &resp.Diagnostics)
}

// ---------- Update ----------

func (r *deliveryGroupResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state resourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, d := plan.Timeouts.Update(ctx, defaultUpdateTimeout)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	id, region := state.ID.ValueString(), state.RegionID.ValueString()

	// 1. Attributes of ModifyAppInstanceGroupAttribute, in one call.
	in, changed := modifyInput(&plan, &state)
	if changed {
		if !plan.NodePool.Capacity.Equal(state.NodePool.Capacity) &&
			!r.checkCapacity(ctx, region, plan.NodePool.InstanceType.ValueString(), plan.NodePool.Capacity, &resp.Diagnostics) {
			return
		}
		in.AppInstanceGroupID = id
		if err := r.client.ModifyAppInstanceGroupAttribute(ctx, in); err != nil {
			apiError(&resp.Diagnostics, "Cannot modify delivery group", err, "")
			return
		}
	}

	// 2. Node amount, through the API that fits the charge type.
	if !plan.NodePool.Amount.Equal(state.NodePool.Amount) {
		if !r.updateAmount(ctx, &plan, &state, &resp.Diagnostics) {
			return
		}
	}

	// 3. Tags.
	if !plan.Tags.Equal(state.Tags) {
		if !r.applyTags(ctx, id, mapOf(ctx, state.Tags, &resp.Diagnostics), mapOf(ctx, plan.Tags, &resp.Diagnostics), &resp.Diagnostics) {
			return
		}
	}

	// 4. Image last: it puts the group in MAINTAINING, where other changes
	// are refused.
	if !plan.ImageID.Equal(state.ImageID) {
		if err := r.client.UpdateAppInstanceGroupImage(ctx, id, plan.ImageID.ValueString(), region); err != nil {
			apiError(&resp.Diagnostics, "Cannot update delivery group image", err, "")
			return
		}
		if _, err := r.client.WaitForGroupStatus(ctx, id, []client.GroupStatus{client.GroupPublished}, []client.GroupStatus{client.GroupMaintaining}, timeout); err != nil {
			apiError(&resp.Diagnostics, "Delivery group image update did not finish", err,
				"Check the group in the App Streaming console; apply again to retry the update.")
			return
		}
	}

	g, err := r.client.GetAppInstanceGroup(ctx, id)
	if err != nil {
		apiError(&resp.Diagnostics, "Cannot read delivery group after update", err, "")
		return
	}
	plan.OrderID = state.OrderID
	resp.Diagnostics.Append(plan.flatten(ctx, g)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	// CLIs before 1.12 keep no identity, so it is set again on every update.
	common.SetIdentity(ctx, resp.Identity, identityIDAttr, id, plan.RegionID.ValueString(), &resp.Diagnostics)
}

// modifyInput collects only the changed attributes that
// ModifyAppInstanceGroupAttribute handles.
func modifyInput(plan, state *resourceModel) (client.ModifyAppInstanceGroupAttributeInput, bool) {
	var in client.ModifyAppInstanceGroupAttributeInput
	changed := false
	if !plan.Name.Equal(state.Name) {
		in.AppInstanceGroupName, changed = plan.Name.ValueString(), true
	}
	if !plan.SessionTimeout.Equal(state.SessionTimeout) {
		in.SessionTimeout, changed = intPtr(plan.SessionTimeout), true
	}
	if !plan.NodePool.Capacity.IsUnknown() && !plan.NodePool.Capacity.Equal(state.NodePool.Capacity) {
		in.NodeCapacity, in.NodePoolID, changed = intPtr(plan.NodePool.Capacity), state.NodePool.ID.ValueString(), true
	}
	if !securityEqual(plan.SecurityPolicy, state.SecurityPolicy) {
		in.SecurityPolicy = plan.SecurityPolicy.expand()
		if in.SecurityPolicy == nil {
			// Removing the object restores the API default.
			f := false
			in.SecurityPolicy = &client.SecurityPolicy{SkipUserAuthCheck: &f}
		}
		changed = true
	}
	if pt, st := storageTypes(plan), storageTypes(state); !stringSetEqual(pt, st) {
		if pt == nil {
			pt = []string{"OFF"} // no storage: the documented "off" value
		}
		in.StoragePolicy, changed = &client.StoragePolicy{StorageTypeList: pt}, true
	}
	if pr, sr := domainRules(plan), domainRules(state); !domainRulesEqual(pr, sr) {
		in.Network, changed = &client.Network{DomainRules: expandDomainRules(pr)}, true
		if plan.Network != nil {
			in.Network.StrategyType = plan.Network.StrategyType.ValueString()
		}
	}
	if pp, sp := perSessionPerApp(plan), perSessionPerApp(state); !pp.Equal(sp) {
		b := pp.ValueBool()
		in.PerSessionPerApp, changed = &b, true
	}
	if !plan.PreOpenAppID.Equal(state.PreOpenAppID) {
		if plan.PreOpenAppID.IsNull() {
			in.PreOpenMode = "OFF"
		} else {
			in.PreOpenMode, in.PreOpenAppID = "SINGLE_APP", plan.PreOpenAppID.ValueString()
		}
		changed = true
	}
	return in, changed
}

func securityEqual(a, b *securityPolicyModel) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.ResetAfterUnbind.Equal(b.ResetAfterUnbind) && a.SkipUserAuthCheck.Equal(b.SkipUserAuthCheck)
}

func storageTypes(m *resourceModel) []string {
	if m.StoragePolicy == nil {
		return nil
	}
	return stringValues(m.StoragePolicy.StorageTypes)
}

func domainRules(m *resourceModel) []domainRuleModel {
	if m.Network == nil {
		return nil
	}
	return m.Network.DomainRules
}

func perSessionPerApp(m *resourceModel) types.Bool {
	if m.RuntimePolicy == nil {
		return types.BoolNull()
	}
	return m.RuntimePolicy.PerSessionPerApp
}

func stringSetEqual(a, b []string) bool {
	if (a == nil) != (b == nil) || len(a) != len(b) {
		return false
	}
	seen := map[string]int{}
	for _, s := range a {
		seen[s]++
	}
	for _, s := range b {
		seen[s]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return true
}

func domainRulesEqual(a, b []domainRuleModel) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !a[i].Domain.Equal(b[i].Domain) || !a[i].Policy.Equal(b[i].Policy) {
			return false
		}
	}
	return true
}

// updateAmount changes the node count: PrePaid through ModifyNodePoolAmount
// (an order for the new total); PostPaid through ModifyNodePoolAttribute,
// re-sending the pool's current strategy so that it is kept. A scheduled
// pool cannot take an amount (rule 11), so it is left alone (ModifyPlan warned).
func (r *deliveryGroupResource) updateAmount(ctx context.Context, plan, state *resourceModel, diags *diag.Diagnostics) bool {
	id := state.ID.ValueString()
	amount := int(plan.NodePool.Amount.ValueInt64())
	if state.ChargeType.ValueString() == chargePrePaid {
		if _, err := r.client.ModifyNodePoolAmount(ctx, client.ModifyNodePoolAmountInput{AppInstanceGroupID: id, NodeAmount: amount}); err != nil {
			hint := ""
			if client.IsAmbiguous(err) {
				hint = "The outcome is unknown and this call places an order, so it was not repeated. Check the group's node count in the console, then run terraform apply -refresh-only."
			}
			apiError(diags, "Cannot change the node amount of the subscription delivery group", err, hint)
			return false
		}
		return true
	}
	g, err := r.client.GetAppInstanceGroup(ctx, id)
	if err != nil {
		apiError(diags, "Cannot read delivery group before changing the node amount", err, "")
		return false
	}
	if len(g.NodePool) == 0 {
		diags.AddError("Cannot change the node amount", fmt.Sprintf("Delivery group %s has no node pool.", id))
		return false
	}
	st, ok := keepStrategy(g.NodePool[0], amount)
	if !ok {
		diags.AddAttributeWarning(path.Root("node_pool").AtName("amount"), "Node amount not sent",
			"The node pool follows a schedule set by appstreaming_scaling_policy, which drives the node count; node_pool.amount was recorded but not sent.")
		return true
	}
	err = r.client.ModifyNodePoolAttribute(ctx, client.ModifyNodePoolAttributeInput{PoolID: g.NodePool[0].NodePoolID,
		BizRegionID: state.RegionID.ValueString(), Strategy: st})
	if err != nil {
		apiError(diags, "Cannot change the node amount of the delivery group", err, "")
		return false
	}
	return true
}

// keepStrategy is the NodePoolStrategy that sets amount while keeping the
// pool's current strategy and its settings; false for a schedule, which
// takes no amount.
func keepStrategy(p client.NodePool, amount int) (*client.NodePoolStrategy, bool) {
	st := &client.NodePoolStrategy{StrategyType: firstNonEmpty(p.StrategyType, strategyFixed), NodeAmount: &amount}
	switch st.StrategyType {
	case strategyFixed:
		return st, true
	case strategyUsage:
		ptr := func(v int) *int {
			if v == 0 {
				return nil
			}
			return &v
		}
		st.MaxScalingAmount, st.ScalingStep = ptr(p.MaxScalingAmount), ptr(p.ScalingStep)
		st.ScalingUsageThreshold, st.ScalingDownAfterIdleMinutes = &p.ScalingUsageThreshold, ptr(p.ScalingDownAfterIdleMinutes)
		st.MaxIdleAppInstanceAmount = ptr(p.MaxIdleAppInstanceAmount)
		return st, true
	}
	return nil, false
}

// ---------- Delete ----------

func (r *deliveryGroupResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state resourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	if state.ChargeType.ValueString() == chargePrePaid {
		resp.Diagnostics.AddWarning("Subscription delivery group removed from state only", prePaidDestroyDetail(id, state.ExpiredAt.ValueString()))
		return
	}
	timeout, d := state.Timeouts.Delete(ctx, defaultDeleteTimeout)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if !r.deleteWhenSettled(ctx, id, timeout, &resp.Diagnostics) {
		return
	}
	if err := r.client.WaitForGroupDeleted(ctx, id, timeout); err != nil {
		apiError(&resp.Diagnostics, "Delivery group was not deleted in time", err, "Apply again to keep waiting, or check the group in the console.")
	}
}

// deleteWhenSettled deletes the group; while it is still DEPLOYING or
// MAINTAINING (e.g. an apply was interrupted mid-create and the group is
// now being replaced) the API refuses, so it waits, within the delete
// timeout, for the group to settle and deletes it then. False: an error
// was reported, or the group is already gone (nothing more to do).
func (r *deliveryGroupResource) deleteWhenSettled(ctx context.Context, id string, timeout time.Duration, diags *diag.Diagnostics) bool {
	for attempt := 1; ; attempt++ {
		err := r.client.DeleteAppInstanceGroup(ctx, id)
		if err == nil {
			return true
		}
		if client.IsNotFound(err) {
			return false
		}
		// A few rounds at most: a group that settles and is still refused
		// is reported rather than retried until the timeout.
		if client.ErrorCode(err) != "IncorrectStatus.AppInstanceGroup" || attempt > 3 {
			apiError(diags, "Cannot delete delivery group", err, "")
			return false
		}
		_, werr := r.client.WaitForGroupStatus(ctx, id, settledStatuses, []client.GroupStatus{client.GroupDeploying, client.GroupMaintaining}, timeout)
		if client.IsNotFound(werr) {
			return false
		}
		var use *client.UnexpectedStateError
		if werr != nil && !errors.As(werr, &use) {
			apiError(diags, "Cannot delete delivery group", err, fmt.Sprintf("It did not leave its transitional status in time: %s", werr))
			return false
		}
		if werr != nil {
			// Settled in a status the API will not delete from either.
			apiError(diags, "Cannot delete delivery group", err, "")
			return false
		}
	}
}

// settledStatuses are the statuses a transitional group ends in.
var settledStatuses = []client.GroupStatus{client.GroupPublished, client.GroupFailed, client.GroupMaintainFailed, client.GroupCeased, client.GroupExpired}

func prePaidDestroyDetail(id, expiredAt string) string {
	until := "its expiry date"
	if expiredAt != "" {
		until = expiredAt
	}
	return fmt.Sprintf("Delivery group %s is a subscription (PrePaid); the API cannot delete it. Terraform no longer manages it, "+
		"but it keeps running and billing until %s, when it expires and is recycled. To keep it from renewing, turn off auto-renewal "+
		"in the Alibaba Cloud billing console (Expenses > Renewal Management > set the group to manual renewal or not to renew).", id, until)
}
