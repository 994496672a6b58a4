package scalingpolicy

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
)

// SetResourceFromGroup fills res (a value of this resource's schema) with
// what a Read right after `terraform import` of g's scaling policy stores,
// for the list resource. g must have a node pool.
func SetResourceFromGroup(ctx context.Context, g *client.AppInstanceGroup, res *tfsdk.Resource) diag.Diagnostics {
	var diags diag.Diagnostics
	// Setting one attribute on a null object gives typed nulls everywhere else.
	diags.Append(res.SetAttribute(ctx, path.Root("id"), g.AppInstanceGroupID)...)
	var m resourceModel
	diags.Append(res.Get(ctx, &m)...)
	if diags.HasError() || len(g.NodePool) == 0 {
		return diags
	}
	m.ID, m.DeliveryGroupID = types.StringValue(g.AppInstanceGroupID), types.StringValue(g.AppInstanceGroupID)
	flatten(ctx, g.NodePool[0], &m, nil, &diags)
	diags.Append(res.Set(ctx, &m)...)
	return diags
}

// SetIdentityFromGroup fills an identity of this resource type for g.
func SetIdentityFromGroup(ctx context.Context, g *client.AppInstanceGroup, identity *tfsdk.ResourceIdentity) diag.Diagnostics {
	var diags diag.Diagnostics
	common.SetIdentity(ctx, identity, identityIDAttr, g.AppInstanceGroupID, g.RegionID, &diags)
	return diags
}

// StrategyOf is the strategy a node pool reports (NODE_FIXED when empty).
func StrategyOf(np client.NodePool) string { return strategyOf(np) }
