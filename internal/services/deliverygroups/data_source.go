// Package deliverygroups implements the appstreaming_delivery_groups data
// source (ListAppInstanceGroup).
package deliverygroups

import (
	"context"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/groupview"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/lookup"
)

// NewDataSource is the constructor the provider registers.
func NewDataSource() datasource.DataSource {
	return &dataSource{DataSourceBase: common.DataSourceBase{TypeSuffix: "_delivery_groups"}}
}

type dataSource struct {
	common.DataSourceBase
}

var (
	_ datasource.DataSource              = (*dataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*dataSource)(nil)
)

func (d *dataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m model
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	q := query{Name: m.Name.ValueString(), ImageID: m.ImageID.ValueString(), RegionID: m.RegionID.ValueString(),
		InstanceType: m.InstanceType.ValueString(), OfficeSiteID: m.OfficeSiteID.ValueString()}
	resp.Diagnostics.Append(m.IDs.ElementsAs(ctx, &q.IDs, false)...)
	resp.Diagnostics.Append(m.Status.ElementsAs(ctx, &q.Status, false)...)
	resp.Diagnostics.Append(m.Tags.ElementsAs(ctx, &q.Tags, false)...)
	if resp.Diagnostics.HasError() {
		return
	}
	found, err := collect(ctx, d.Client, q)
	if err != nil {
		common.APIError(&resp.Diagnostics, "Cannot list App Streaming delivery groups", err, "")
		return
	}
	m.ID = types.StringValue(lookup.FilterID("delivery-groups", q))
	m.Groups = make([]groupview.Group, 0, len(found))
	for _, g := range found {
		m.Groups = append(m.Groups, groupview.Flatten(g))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// lister is the one client call collect needs (an interface so the paging
// strategy is unit-tested without a server).
type lister interface {
	ListAppInstanceGroups(ctx context.Context, in client.ListAppInstanceGroupsInput) (*client.ListAppInstanceGroupsOutput, error)
}

// pageSize is the API's maximum (api-notes §4 rule 38).
const pageSize = 100

// maxPages guards against a server that never ends a listing.
const maxPages = 1000

// collect returns the matching groups, sorted by ID, with as few List calls
// as it can:
//   - no ids: page through the filtered listing, ceil(total/100) calls (≥ 1);
//   - one id: one call filtered by AppInstanceGroupId;
//   - several ids: the first page of the listing (other filters applied)
//     tells the total. If the rest of the listing takes no more calls than
//     the IDs still missing, page on and match client-side; otherwise ask
//     for each missing ID. Cost: min(pages, 1 + missing IDs).
func collect(ctx context.Context, l lister, q query) ([]client.AppInstanceGroup, error) {
	base := q.input()
	base.PageSize = pageSize
	var raw []client.AppInstanceGroup
	switch {
	case len(q.IDs) == 1:
		base.AppInstanceGroupID = q.IDs[0]
		all, err := pageFrom(ctx, l, base, 1, 0)
		if err != nil {
			return nil, err
		}
		raw = all
	case len(q.IDs) > 1:
		base.PageNumber = 1
		first, err := l.ListAppInstanceGroups(ctx, base)
		if err != nil {
			return nil, err
		}
		raw = first.Groups
		have := map[string]bool{}
		for _, g := range first.Groups {
			have[g.AppInstanceGroupID] = true
		}
		var missing []string
		for _, id := range q.IDs {
			if !have[id] {
				missing = append(missing, id)
			}
		}
		more := len(first.Groups) >= pageSize && (first.TotalCount == 0 || first.TotalCount > len(first.Groups))
		if !more || len(missing) == 0 {
			break
		}
		pagesLeft := len(missing) + 1 // unknown total: assume paging is dearer
		if first.TotalCount > 0 {
			pagesLeft = (first.TotalCount+pageSize-1)/pageSize - 1
		}
		if pagesLeft <= len(missing) {
			rest, err := pageFrom(ctx, l, base, 2, len(first.Groups))
			if err != nil {
				return nil, err
			}
			raw = append(raw, rest...)
			break
		}
		for _, id := range missing {
			in := base
			in.AppInstanceGroupID = id
			in.PageNumber = 1
			out, err := l.ListAppInstanceGroups(ctx, in)
			if err != nil {
				return nil, err
			}
			raw = append(raw, out.Groups...)
		}
	default:
		all, err := pageFrom(ctx, l, base, 1, 0)
		if err != nil {
			return nil, err
		}
		raw = all
	}
	seen := map[string]bool{}
	out := make([]client.AppInstanceGroup, 0, len(raw))
	for _, g := range raw {
		if seen[g.AppInstanceGroupID] || !q.keep(g) {
			continue
		}
		seen[g.AppInstanceGroupID] = true
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].AppInstanceGroupID < out[j].AppInstanceGroupID })
	return out, nil
}

// pageFrom lists pages start, start+1, … until a short page or the total is
// reached; already counts the groups the caller read from earlier pages.
func pageFrom(ctx context.Context, l lister, in client.ListAppInstanceGroupsInput, start, already int) ([]client.AppInstanceGroup, error) {
	var all []client.AppInstanceGroup
	got := already
	for page := start; page < start+maxPages; page++ {
		in.PageNumber = page
		out, err := l.ListAppInstanceGroups(ctx, in)
		if err != nil {
			return nil, err
		}
		all = append(all, out.Groups...)
		got += len(out.Groups)
		if len(out.Groups) < pageSize || (out.TotalCount > 0 && got >= out.TotalCount) {
			break
		}
	}
	return all, nil
}
