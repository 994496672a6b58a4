// Package regions implements the appstreaming_regions data source (ListRegions).
package regions

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
)

// NewDataSource is the constructor the provider registers.
func NewDataSource() datasource.DataSource {
	return &dataSource{DataSourceBase: common.DataSourceBase{TypeSuffix: "_regions"}}
}

type dataSource struct {
	common.DataSourceBase
}

var (
	_ datasource.DataSource              = (*dataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*dataSource)(nil)
)

func (d *dataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	found, err := d.Client.ListRegions(ctx, "CloudApp", "")
	if err != nil {
		common.APIError(&resp.Diagnostics, "Cannot list App Streaming regions", err, "")
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, flatten(found))...)
}
