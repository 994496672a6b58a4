package scalingpolicy

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
)

var _ resource.ResourceWithIdentity = (*scalingPolicyResource)(nil)

// identityIDAttr: the scaling policy is identified by its delivery group.
const identityIDAttr = "delivery_group_id"

// IdentitySchema: the delivery group ID (aig-…) and its region.
func (r *scalingPolicyResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = common.IdentitySchema(identityIDAttr, "ID of the delivery group (AppInstanceGroupId, aig-…) the scaling policy belongs to.")
}
