package userauthorization

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
)

var _ resource.ResourceWithIdentity = (*userAuthorizationResource)(nil)

// identityIDAttr: the user authorization is identified by its delivery group.
const identityIDAttr = "delivery_group_id"

// IdentitySchema: the delivery group ID (aig-…) and its region.
func (r *userAuthorizationResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = common.IdentitySchema(identityIDAttr, "ID of the delivery group (AppInstanceGroupId, aig-…) the user authorization belongs to.")
}

// identityRegion keeps the region an identity already has (from an import
// block or an earlier read); otherwise the provider's region, which the
// authorization calls work in. Reading the group only for its region would
// cost a call on every refresh.
func (r *userAuthorizationResource) identityRegion(ctx context.Context, identity *tfsdk.ResourceIdentity) string {
	if region := common.IdentityRegion(ctx, identity); region != "" {
		return region
	}
	return r.Client.RegionID()
}
