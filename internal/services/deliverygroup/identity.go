package deliverygroup

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
)

var _ resource.ResourceWithIdentity = (*deliveryGroupResource)(nil)

// identityIDAttr names the group ID in the identity, as in the state.
const identityIDAttr = "id"

// IdentitySchema: a delivery group is its group ID (aig-…) in its region.
func (r *deliveryGroupResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = common.IdentitySchema(identityIDAttr, "Delivery group ID (AppInstanceGroupId, aig-…).")
}
