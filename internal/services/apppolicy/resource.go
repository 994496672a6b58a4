// Package apppolicy implements the appstreaming_app_policy resource: the
// display settings of a delivery group's policy object (ModifyAppPolicy).
package apppolicy

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
)

// NewResource is the constructor the provider registers.
func NewResource() resource.Resource {
	return &appPolicyResource{ResourceBase: common.ResourceBase{TypeSuffix: "_app_policy"}}
}

type appPolicyResource struct {
	common.ResourceBase
}

var (
	_ resource.Resource                   = (*appPolicyResource)(nil)
	_ resource.ResourceWithConfigure      = (*appPolicyResource)(nil)
	_ resource.ResourceWithImportState    = (*appPolicyResource)(nil)
	_ resource.ResourceWithValidateConfig = (*appPolicyResource)(nil)
)

func (r *appPolicyResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan model
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := plan.AppPolicyID.ValueString()
	if !r.configured(&resp.Diagnostics) {
		return
	}
	// Same existence rule as Read: a policy no delivery group uses is not
	// managed (otherwise every refresh would drop it again).
	groupID, err := r.findGroup(ctx, id, "")
	if err != nil {
		resp.Diagnostics.AddError("Cannot look up the app policy's delivery group",
			fmt.Sprintf("Listing delivery groups to find the one that uses policy %s failed: %s", id, err))
		return
	}
	if groupID == "" {
		resp.Diagnostics.AddAttributeError(path.Root("app_policy_id"), "App policy not in use",
			fmt.Sprintf("No delivery group has AppPolicyId %s. Set app_policy_id to the app_policy_id of an existing "+
				"delivery group (appstreaming_delivery_group.<name>.app_policy_id).", id))
		return
	}
	if !r.apply(ctx, id, plan, &resp.Diagnostics) {
		return
	}
	plan.ID = types.StringValue(id)
	plan.DeliveryGroupID = types.StringValue(groupID)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	common.SetIdentity(ctx, resp.Identity, identityIDAttr, id, r.identityRegion(ctx, resp.Identity), &resp.Diagnostics)
}

// Read cannot read the settings (there is no such API action); it keeps the
// state as applied and only checks that the policy still exists, through a
// delivery group whose AppPolicyId names it.
func (r *appPolicyResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var st model
	resp.Diagnostics.Append(req.State.Get(ctx, &st)...)
	if resp.Diagnostics.HasError() || !r.configured(&resp.Diagnostics) {
		return
	}
	id := st.ID.ValueString()
	if st.AppPolicyID.IsNull() || st.AppPolicyID.ValueString() == "" {
		st.AppPolicyID = types.StringValue(id) // after import
	}
	groupID, err := r.findGroup(ctx, id, st.DeliveryGroupID.ValueString())
	if err != nil {
		resp.Diagnostics.AddError("Cannot check the app policy",
			fmt.Sprintf("Looking up the delivery group that uses policy %s failed: %s", id, err))
		return
	}
	if groupID == "" {
		resp.Diagnostics.AddWarning("App policy no longer exists",
			fmt.Sprintf("No delivery group uses policy %s any more, so the policy is gone (it lives and dies with its "+
				"delivery group). It is removed from the Terraform state.", id))
		common.RemoveFromState(ctx, resp, identityIDAttr, id, "")
		return
	}
	st.DeliveryGroupID = types.StringValue(groupID)
	resp.Diagnostics.Append(resp.State.Set(ctx, st)...)
	common.SetIdentity(ctx, resp.Identity, identityIDAttr, id, r.identityRegion(ctx, req.Identity), &resp.Diagnostics)
}

func (r *appPolicyResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, st model
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &st)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !r.apply(ctx, plan.AppPolicyID.ValueString(), plan, &resp.Diagnostics) {
		return
	}
	plan.ID, plan.DeliveryGroupID = st.ID, st.DeliveryGroupID
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	// CLIs before 1.12 keep no identity, so it is set again on every update.
	common.SetIdentity(ctx, resp.Identity, identityIDAttr, st.ID.ValueString(), r.identityRegion(ctx, resp.Identity), &resp.Diagnostics)
}

// Delete forgets the policy: it belongs to its delivery group, and the API
// can neither delete it nor restore "defaults" (which are undocumented).
func (r *appPolicyResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var st model
	resp.Diagnostics.Append(req.State.Get(ctx, &st)...)
	resp.Diagnostics.AddWarning("App policy left unchanged",
		fmt.Sprintf("Policy %s is only removed from the Terraform state. Its display settings stay as last applied; "+
			"the policy is deleted together with its delivery group.", st.ID.ValueString()))
}

// ImportState takes a policy ID. The settings cannot be read back, so they
// stay null and the next plan shows an update that applies the configured values.
func (r *appPolicyResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	common.ImportByIDOrIdentity(ctx, req, resp, identityIDAttr, "id", "app_policy_id")
}

func (r *appPolicyResource) configured(diags *diag.Diagnostics) bool {
	return common.RequireClient(r.Client, diags)
}

func (r *appPolicyResource) apply(ctx context.Context, id string, m model, diags *diag.Diagnostics) bool {
	if !r.configured(diags) {
		return false
	}
	vp := expand(m)
	if isEmpty(vp) {
		// Only reachable with unknown values at plan time that resolved to null.
		diags.AddError("Nothing to apply", "Set at least one of frame_rate, protocol, resolution_adaptive, "+
			"resolution_width/resolution_height or visual_quality.")
		return false
	}
	if err := r.Client.ModifyAppPolicy(ctx, id, vp); err != nil {
		detail := fmt.Sprintf("ModifyAppPolicy on %s failed: %s.", id, err)
		if client.IsNotFound(err) {
			detail += " Check app_policy_id: it must be the AppPolicyId of an existing delivery group."
		}
		diags.AddAttributeError(path.Root("app_policy_id"), "Cannot apply the app policy", detail)
		return false
	}
	return true
}

// findGroup returns a delivery group whose AppPolicyId is policyID, or "" if
// none exists. It tries hint first (one Get), then lists every group.
func (r *appPolicyResource) findGroup(ctx context.Context, policyID, hint string) (string, error) {
	if hint != "" {
		g, err := r.Client.ReadAppInstanceGroup(ctx, hint) // batched; AppPolicyId is in List rows
		switch {
		case err == nil && g.AppPolicyID == policyID:
			return g.AppInstanceGroupID, nil
		case err != nil && !client.IsNotFound(err):
			return "", err
		}
	}
	groups, err := r.Client.ListAllAppInstanceGroups(ctx, client.ListAppInstanceGroupsInput{})
	if err != nil {
		return "", err
	}
	for _, g := range groups {
		if g.AppPolicyID == policyID {
			return g.AppInstanceGroupID, nil
		}
	}
	return "", nil
}
