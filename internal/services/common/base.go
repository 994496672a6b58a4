package common

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
)

// ResourceBase is embedded by every resource: it names the type (the
// provider's name + TypeSuffix, e.g. "_delivery_group") and keeps the
// configured client.
type ResourceBase struct {
	TypeSuffix string
	Client     *client.Client
}

func (b *ResourceBase) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + b.TypeSuffix
}

func (b *ResourceBase) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	b.Client = ClientFromProviderData(req.ProviderData, &resp.Diagnostics)
}

// DataSourceBase is embedded by every data source: it names the type and
// keeps the configured client.
type DataSourceBase struct {
	// TypeSuffix follows the provider type name, e.g. "_images".
	TypeSuffix string
	Client     *client.Client
}

func (b *DataSourceBase) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + b.TypeSuffix
}

func (b *DataSourceBase) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	b.Client = ClientFromProviderData(req.ProviderData, &resp.Diagnostics)
}
