// Package scalingpolicylist implements the appstreaming_scaling_policy list
// resource for `terraform query`: one scaling policy per delivery group.
package scalingpolicylist

import (
	"context"
	"fmt"
	"regexp"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/lookup"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/scalingpolicy"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/validators"
)

// NewListResource is the constructor the provider registers.
func NewListResource() list.ListResource {
	return &listResource{ResourceBase: common.ResourceBase{TypeSuffix: "_scaling_policy"}}
}

type listResource struct {
	common.ResourceBase
}

var _ list.ListResourceWithConfigure = (*listResource)(nil)

type filterModel struct {
	RegionID     types.String `tfsdk:"region_id"`
	StrategyType types.String `tfsdk:"strategy_type"`
	NameRegex    types.String `tfsdk:"delivery_group_name_regex"`
}

func (r *listResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds the scaling policies of delivery groups (one per group with a node pool; `ListAppInstanceGroup`, " +
			"paged transparently) for `terraform query`. Every filter is optional.",
		Attributes: map[string]schema.Attribute{
			"region_id": schema.StringAttribute{
				Optional: true, MarkdownDescription: "Only groups in this business region (`BizRegionId`). Omitted: every region.",
				Validators: []validator.String{lookup.RegionID()},
			},
			"strategy_type": schema.StringAttribute{
				Optional: true, MarkdownDescription: "Only pools with this strategy (`StrategyType`): `NODE_FIXED`, `NODE_SCALING_BY_USAGE` or `NODE_SCALING_BY_SCHEDULE`.",
				Validators: []validator.String{stringvalidator.OneOf(common.StrategyFixed, common.StrategyUsage, common.StrategySchedule)},
			},
			"delivery_group_name_regex": schema.StringAttribute{
				Optional: true, MarkdownDescription: "Only groups whose name matches this regular expression (Go RE2 syntax).",
				Validators: []validator.String{validators.Regex()},
			},
		},
	}
}

func (r *listResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var f filterModel
	diags := req.Config.Get(ctx, &f)
	if !common.RequireClient(r.Client, &diags) || diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	var re *regexp.Regexp
	if s := f.NameRegex.ValueString(); s != "" {
		var err error
		if re, err = regexp.Compile(s); err != nil {
			diags.AddAttributeError(path.Root("delivery_group_name_regex"), "Invalid regular expression", err.Error())
			stream.Results = list.ListResultsStreamDiagnostics(diags)
			return
		}
	}
	groups, err := r.Client.ListAllAppInstanceGroups(ctx, client.ListAppInstanceGroupsInput{BizRegionID: f.RegionID.ValueString()})
	if err != nil {
		common.APIError(&diags, "Cannot list App Streaming delivery groups", err, "")
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	kept := groups[:0]
	seen := map[string]bool{}
	for _, g := range groups {
		switch {
		case seen[g.AppInstanceGroupID], len(g.NodePool) == 0,
			re != nil && !re.MatchString(g.AppInstanceGroupName),
			f.StrategyType.ValueString() != "" && scalingpolicy.StrategyOf(g.NodePool[0]) != f.StrategyType.ValueString():
			continue
		}
		seen[g.AppInstanceGroupID] = true
		kept = append(kept, g)
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].AppInstanceGroupID < kept[j].AppInstanceGroupID })
	stream.Results = func(push func(list.ListResult) bool) {
		for i := range kept {
			if req.Limit > 0 && int64(i) >= req.Limit {
				return
			}
			g := &kept[i]
			res := req.NewListResult(ctx)
			res.DisplayName = fmt.Sprintf("%s (%s): %s", g.AppInstanceGroupName, g.AppInstanceGroupID, scalingpolicy.StrategyOf(g.NodePool[0]))
			res.Diagnostics.Append(scalingpolicy.SetIdentityFromGroup(ctx, g, res.Identity)...)
			if req.IncludeResource {
				res.Diagnostics.Append(scalingpolicy.SetResourceFromGroup(ctx, g, res.Resource)...)
			}
			if !push(res) {
				return
			}
		}
	}
}
