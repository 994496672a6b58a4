package apppolicy

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
)

var _ resource.ResourceWithIdentity = (*appPolicyResource)(nil)

// identityIDAttr names the policy ID in the identity, as in the state.
const identityIDAttr = "id"

// IdentitySchema: an app policy is its policy ID (pg-…) in its region.
func (r *appPolicyResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = common.IdentitySchema(identityIDAttr, "App policy ID (AppPolicyId, pg-…).")
}

// identityRegion keeps the region an identity already has (from an import
// block or an earlier read); otherwise the provider's region.
func (r *appPolicyResource) identityRegion(ctx context.Context, identity *tfsdk.ResourceIdentity) string {
	if region := common.IdentityRegion(ctx, identity); region != "" {
		return region
	}
	return r.Client.RegionID()
}
