// Package instancetypes implements the appstreaming_instance_types data
// source (ListNodeInstanceType).
package instancetypes

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/lookup"
)

// NewDataSource is the constructor the provider registers.
func NewDataSource() datasource.DataSource {
	return &dataSource{DataSourceBase: common.DataSourceBase{TypeSuffix: "_instance_types"}}
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
	q := query{RegionID: m.RegionID.ValueString(), NameRegex: m.NameRegex.ValueString(),
		CPU: m.CPU.ValueInt64Pointer(), MemoryGiB: m.MemoryGiB.ValueFloat64Pointer(), GPU: m.GPU.ValueBoolPointer()}
	if q.RegionID == "" {
		q.RegionID = d.Client.RegionID()
	}
	all, err := d.Client.ListAllNodeInstanceTypes(ctx, client.ListNodeInstanceTypesInput{BizRegionID: q.RegionID})
	if err != nil {
		common.APIError(&resp.Diagnostics, "Cannot list App Streaming instance types", err, "")
		return
	}
	found, err := selectTypes(all, q)
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("name_regex"), "Invalid name_regex", err.Error())
		return
	}
	m.ID = types.StringValue(lookup.FilterID("instance-types", q))
	m.InstanceTypes = make([]instanceTypeModel, 0, len(found))
	for _, t := range found {
		m.InstanceTypes = append(m.InstanceTypes, flattenType(t))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
