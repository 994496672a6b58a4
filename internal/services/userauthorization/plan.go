package userauthorization

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
)

var _ resource.ResourceWithModifyPlan = (*userAuthorizationResource)(nil)

// ModifyPlan checks, with one GetAppInstanceGroup, that a delivery group
// known at plan exists, so a wrong delivery_group_id fails the plan rather
// than the apply. Other errors leave the check to apply.
func (r *userAuthorizationResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || r.client == nil {
		return
	}
	var groupID, prior types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("delivery_group_id"), &groupID)...)
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("delivery_group_id"), &prior)...)
	}
	if resp.Diagnostics.HasError() || groupID.IsUnknown() || groupID.IsNull() || groupID.Equal(prior) {
		return
	}
	_, err := r.client.GetAppInstanceGroup(ctx, groupID.ValueString())
	switch {
	case client.IsNotFound(err):
		common.DeliveryGroupNotFound(&resp.Diagnostics, groupID.ValueString(), r.client.RegionID())
	case err != nil:
		tflog.Debug(ctx, "user authorization: delivery group check deferred to apply", map[string]any{"error": err.Error()})
	}
}
