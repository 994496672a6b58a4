// Package images implements the appstreaming_images data source (ListImage).
package images

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/lookup"
)

// NewDataSource is the constructor the provider registers.
func NewDataSource() datasource.DataSource {
	return &dataSource{DataSourceBase: common.DataSourceBase{TypeSuffix: "_images"}}
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
	q := query{
		NameRegex:  m.NameRegex.ValueString(),
		ImageType:  m.ImageType.ValueString(),
		OsType:     m.OsType.ValueString(),
		Status:     m.Status.ValueString(),
		RegionID:   m.RegionID.ValueString(),
		MostRecent: m.MostRecent.ValueBool(),
	}
	if q.RegionID == "" {
		q.RegionID = d.Client.RegionID()
	}
	resp.Diagnostics.Append(m.IDs.ElementsAs(ctx, &q.IDs, false)...)
	if resp.Diagnostics.HasError() {
		return
	}

	all, err := d.Client.ListAllImages(ctx, q.input())
	if err != nil {
		common.APIError(&resp.Diagnostics, "Cannot list App Streaming images", err, "")
		return
	}
	found, err := selectImages(all, q)
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("name_regex"), "Invalid name_regex", err.Error())
		return
	}
	if q.MostRecent && len(found) == 0 {
		resp.Diagnostics.AddError("No image matches",
			"most_recent = true asks for exactly one image, but none matched "+describe(q)+
				". Check the filters (the appstreaming_images data source without most_recent lists what exists).")
		return
	}
	m.ID = types.StringValue(lookup.FilterID("images", q))
	m.Images = make([]imageModel, 0, len(found))
	for _, im := range found {
		m.Images = append(m.Images, flattenImage(im, q.RegionID))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// describe lists the filters in effect for error messages.
func describe(q query) string {
	var parts []string
	add := func(k, v string) {
		if v != "" {
			parts = append(parts, k+" = "+v)
		}
	}
	if len(q.IDs) > 0 {
		add("ids", strings.Join(q.IDs, ", "))
	}
	add("name_regex", q.NameRegex)
	add("image_type", q.ImageType)
	add("os_type", q.OsType)
	add("status", q.Status)
	add("region_id", q.RegionID)
	return "(" + strings.Join(parts, "; ") + ")"
}
