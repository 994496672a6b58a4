package deliverygroup

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
)

// IdentityIDAttr is the identity attribute holding the group ID, for the
// list resource that returns identities of this resource type.
const IdentityIDAttr = identityIDAttr

// SetResourceFromGroup fills res (a value of this resource's schema) with
// what a Read right after `terraform import` of g stores: the list resource
// answers with it, so `terraform query -generate-config-out` writes the
// configuration an import of the group expects.
func SetResourceFromGroup(ctx context.Context, g *client.AppInstanceGroup, res *tfsdk.Resource) diag.Diagnostics {
	var diags diag.Diagnostics
	// Setting one attribute on a null object gives typed nulls everywhere
	// else, exactly like ImportState does.
	diags.Append(res.SetAttribute(ctx, path.Root("id"), g.AppInstanceGroupID)...)
	var m resourceModel
	diags.Append(res.Get(ctx, &m)...)
	if diags.HasError() {
		return diags
	}
	diags.Append(m.flatten(ctx, g)...)
	diags.Append(res.Set(ctx, &m)...)
	return diags
}

// SetIdentityFromGroup fills an identity of this resource type for g.
func SetIdentityFromGroup(ctx context.Context, g *client.AppInstanceGroup, identity *tfsdk.ResourceIdentity) diag.Diagnostics {
	var diags diag.Diagnostics
	common.SetIdentity(ctx, identity, identityIDAttr, g.AppInstanceGroupID, g.RegionID, &diags)
	return diags
}
