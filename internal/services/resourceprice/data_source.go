// Package resourceprice implements the appstreaming_resource_price data
// source (GetResourcePrice).
package resourceprice

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
)

// NewDataSource is the constructor the provider registers.
func NewDataSource() datasource.DataSource {
	return &dataSource{DataSourceBase: common.DataSourceBase{TypeSuffix: "_resource_price"}}
}

type dataSource struct {
	common.DataSourceBase
}

var (
	_ datasource.DataSource                     = (*dataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*dataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*dataSource)(nil)
)

func (d *dataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m model
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	in := m.input(d.Client.RegionID())
	out, err := d.Client.GetResourcePrice(ctx, in)
	if err != nil {
		resp.Diagnostics.AddError("Cannot get an App Streaming price quote",
			err.Error()+"\n\nCheck instance_type against the appstreaming_instance_types data source for region "+in.BizRegionID+".")
		return
	}
	if out.PriceModel == nil {
		resp.Diagnostics.AddError("Empty price quote",
			"GetResourcePrice answered without a PriceModel for "+in.NodeInstanceType+" in "+in.BizRegionID+
				"; the type may not be sold there. This is unexpected; please report it with the debug log (TF_LOG=DEBUG).")
		return
	}
	if err := flatten(&m, in, *out.PriceModel); err != nil {
		resp.Diagnostics.AddError("Cannot read the price quote", "GetResourcePrice: "+err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
