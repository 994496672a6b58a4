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
func NewResource() resource.Resource {
	return &deliveryGroupResource{ResourceBase: common.ResourceBase{TypeSuffix: "_delivery_group"}}
}

type deliveryGroupResource struct {
	common.ResourceBase
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

func (r *deliveryGroupResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	common.ImportByIDOrIdentity(ctx, req, resp, identityIDAttr, "id")
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
		region = r.Client.RegionID()
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
	out, err := r.Client.CreateAppInstanceGroup(cctx, plan.createInput(name, region))
	if err != nil {
		hint := "Nothing was published. Fix the cause and apply again."
		if client.IsAmbiguous(err) {
			hint = fmt.Sprintf("The outcome is unknown. Look for a delivery group named %q in region %s before applying again; "+
				"if one exists, import it (terraform import) instead of creating another order.", name, region)
		} else if client.ErrorCode(err) == "StockError.NoStock" {
			hint = "The instance type is sold out in this region: choose another node_pool.instance_type or region, or try later."
		}
		common.APIError(&resp.Diagnostics, "Cannot publish delivery group", err, hint)
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

	g, err := r.Client.WaitForGroupStatus(ctx, id, []client.GroupStatus{client.GroupPublished}, []client.GroupStatus{client.GroupDeploying}, timeout)
	if err != nil {
		hint := fmt.Sprintf("Delivery group %s was created but did not become PUBLISHED. It is recorded as tainted: the next apply "+
			"replaces it.", id)
		if plan.ChargeType.ValueString() == common.ChargePrePaid {
			hint += " A failed subscription group cannot be deleted through the API; delete it in the App Streaming console."
		}
		var use *client.UnexpectedStateError
		if errors.As(err, &use) && use.State == "FAILED" {
			common.APIError(&resp.Diagnostics, "Delivery group publishing failed", err, hint)
		} else {
			common.APIError(&resp.Diagnostics, "Cannot wait for delivery group to publish", err, hint)
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
			if tagged, err := r.Client.GetAppInstanceGroup(ctx, id); err == nil {
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

// ---------- Read ----------

func (r *deliveryGroupResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state resourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// Batched through the provider's shared view of the region's groups;
	// runtime_policy.session_type, which List lacks, keeps its state value.
	g, err := r.Client.ReadAppInstanceGroup(ctx, state.ID.ValueString())
	if client.IsNotFound(err) {
		common.RemoveFromState(ctx, resp, identityIDAttr, state.ID.ValueString(), state.RegionID.ValueString())
		return
	}
	if err != nil {
		common.APIError(&resp.Diagnostics, "Cannot read delivery group", err, "")
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
		if err := r.Client.ModifyAppInstanceGroupAttribute(ctx, in); err != nil {
			common.APIError(&resp.Diagnostics, "Cannot modify delivery group", err, "")
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
		if err := r.Client.UpdateAppInstanceGroupImage(ctx, id, plan.ImageID.ValueString(), region); err != nil {
			common.APIError(&resp.Diagnostics, "Cannot update delivery group image", err, "")
			return
		}
		if _, err := r.Client.WaitForGroupStatus(ctx, id, []client.GroupStatus{client.GroupPublished}, []client.GroupStatus{client.GroupMaintaining}, timeout); err != nil {
			common.APIError(&resp.Diagnostics, "Delivery group image update did not finish", err,
				"Check the group in the App Streaming console; apply again to retry the update.")
			return
		}
	}

	g, err := r.Client.GetAppInstanceGroup(ctx, id)
	if err != nil {
		common.APIError(&resp.Diagnostics, "Cannot read delivery group after update", err, "")
		return
	}
	plan.OrderID = state.OrderID
	resp.Diagnostics.Append(plan.flatten(ctx, g)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	// CLIs before 1.12 keep no identity, so it is set again on every update.
	common.SetIdentity(ctx, resp.Identity, identityIDAttr, id, plan.RegionID.ValueString(), &resp.Diagnostics)
}

// ---------- Delete ----------

func (r *deliveryGroupResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state resourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	if state.ChargeType.ValueString() == common.ChargePrePaid {
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
	if err := r.Client.WaitForGroupDeleted(ctx, id, timeout); err != nil {
		common.APIError(&resp.Diagnostics, "Delivery group was not deleted in time", err, "Apply again to keep waiting, or check the group in the console.")
	}
}

// deleteWhenSettled deletes the group; while it is still DEPLOYING or
// MAINTAINING (e.g. an apply was interrupted mid-create and the group is
// now being replaced) the API refuses, so it waits, within the delete
// timeout, for the group to settle and deletes it then. False: an error
// was reported, or the group is already gone (nothing more to do).
func (r *deliveryGroupResource) deleteWhenSettled(ctx context.Context, id string, timeout time.Duration, diags *diag.Diagnostics) bool {
	for attempt := 1; ; attempt++ {
		err := r.Client.DeleteAppInstanceGroup(ctx, id)
		if err == nil {
			return true
		}
		if client.IsNotFound(err) {
			return false
		}
		// A few rounds at most: a group that settles and is still refused
		// is reported rather than retried until the timeout.
		if client.ErrorCode(err) != "IncorrectStatus.AppInstanceGroup" || attempt > 3 {
			common.APIError(diags, "Cannot delete delivery group", err, "")
			return false
		}
		_, werr := r.Client.WaitForGroupStatus(ctx, id, settledStatuses, []client.GroupStatus{client.GroupDeploying, client.GroupMaintaining}, timeout)
		if client.IsNotFound(werr) {
			return false
		}
		var use *client.UnexpectedStateError
		if werr != nil && !errors.As(werr, &use) {
			common.APIError(diags, "Cannot delete delivery group", err, fmt.Sprintf("It did not leave its transitional status in time: %s", werr))
			return false
		}
		if werr != nil {
			// Settled in a status the API will not delete from either.
			common.APIError(diags, "Cannot delete delivery group", err, "")
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
