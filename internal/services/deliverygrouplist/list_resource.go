// Package deliverygrouplist implements the appstreaming_delivery_group list
// resource (ListAppInstanceGroup) for `terraform query`.
package deliverygrouplist

import (
	"context"
	"fmt"
	"regexp"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/deliverygroup"
)

// NewListResource is the constructor the provider registers.
func NewListResource() list.ListResource {
	return &listResource{ResourceBase: common.ResourceBase{TypeSuffix: "_delivery_group"}}
}

type listResource struct {
	common.ResourceBase
}

var (
	_ list.ListResourceWithConfigure = (*listResource)(nil)
)

func (r *listResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var f filterModel
	diags := req.Config.Get(ctx, &f)
	if !common.RequireClient(r.Client, &diags) || diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	q, diags := f.query(ctx)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	groups, err := r.Client.ListAllAppInstanceGroups(ctx, q.input())
	if err != nil {
		common.APIError(&diags, "Cannot list App Streaming delivery groups", err, "")
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	groups = q.keep(groups)
	stream.Results = func(push func(list.ListResult) bool) {
		for i := range groups {
			if req.Limit > 0 && int64(i) >= req.Limit {
				return
			}
			g := &groups[i]
			res := req.NewListResult(ctx)
			res.DisplayName = fmt.Sprintf("%s (%s, %s)", g.AppInstanceGroupName, g.AppInstanceGroupID, g.RegionID)
			res.Diagnostics.Append(deliverygroup.SetIdentityFromGroup(ctx, g, res.Identity)...)
			if req.IncludeResource {
				res.Diagnostics.Append(deliverygroup.SetResourceFromGroup(ctx, g, res.Resource)...)
			}
			if !push(res) {
				return
			}
		}
	}
}

// query is the filter set, compiled.
type query struct {
	name, imageID, instanceType, chargeType, regionID string
	nameRegex                                         *regexp.Regexp
	status                                            []string
	tags                                              map[string]string
}

// input is the server-side part of the filter. The API's name filter is a
// substring match, so an exact name is sent to narrow the listing and then
// checked here.
func (q query) input() client.ListAppInstanceGroupsInput {
	in := client.ListAppInstanceGroupsInput{AppInstanceGroupName: q.name, AppCenterImageID: q.imageID,
		NodeInstanceType: q.instanceType, BizRegionID: q.regionID, Status: q.status}
	keys := make([]string, 0, len(q.tags))
	for k := range q.tags {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		in.Tags = append(in.Tags, client.Tag{Key: k, Value: q.tags[k]})
	}
	return in
}

// keep applies every filter client-side as well (exact name, regex, charge
// type, all tags), because the API matches names by substring, has no charge
// type filter and does not document whether several tags mean AND or OR.
// The result is sorted by ID and free of duplicates.
func (q query) keep(groups []client.AppInstanceGroup) []client.AppInstanceGroup {
	seen := map[string]bool{}
	out := make([]client.AppInstanceGroup, 0, len(groups))
	for _, g := range groups {
		if seen[g.AppInstanceGroupID] || !q.match(g) {
			continue
		}
		seen[g.AppInstanceGroupID] = true
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].AppInstanceGroupID < out[j].AppInstanceGroupID })
	return out
}

func (q query) match(g client.AppInstanceGroup) bool {
	switch {
	case q.name != "" && g.AppInstanceGroupName != q.name,
		q.nameRegex != nil && !q.nameRegex.MatchString(g.AppInstanceGroupName),
		q.imageID != "" && g.AppCenterImageID != q.imageID,
		q.chargeType != "" && g.ChargeType != q.chargeType,
		q.regionID != "" && g.RegionID != "" && g.RegionID != q.regionID:
		return false
	}
	if q.instanceType != "" && (len(g.NodePool) == 0 || g.NodePool[0].NodeInstanceType != q.instanceType) {
		return false
	}
	if len(q.status) > 0 {
		found := false
		for _, s := range q.status {
			found = found || s == g.Status
		}
		if !found {
			return false
		}
	}
	if len(q.tags) > 0 {
		have := map[string]string{}
		for _, t := range append(append([]client.Tag{}, g.Tags...), g.ResourceTags...) {
			have[t.Key] = t.Value
		}
		for k, v := range q.tags {
			if got, ok := have[k]; !ok || got != v {
				return false
			}
		}
	}
	return true
}
