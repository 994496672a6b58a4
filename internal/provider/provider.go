// Package provider defines the appstreaming provider: its configuration schema,
// how that configuration becomes one API client, and the list of resources and
// data sources. Nothing service-specific lives here.
package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// TypeName is the provider type name: every resource and data source is appstreaming_*.
const TypeName = "appstreaming"

// appStreamingProvider implements provider.Provider.
type appStreamingProvider struct {
	version string
}

var (
	_ provider.Provider                       = (*appStreamingProvider)(nil)
	_ provider.ProviderWithListResources      = (*appStreamingProvider)(nil)
	_ provider.ProviderWithActions            = (*appStreamingProvider)(nil)
	_ provider.ProviderWithEphemeralResources = (*appStreamingProvider)(nil)
)

// New returns a constructor for the provider, as providerserver expects.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &appStreamingProvider{version: version}
	}
}

func (p *appStreamingProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = TypeName
	resp.Version = p.version
}

func (p *appStreamingProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = providerSchema()
}

func (p *appStreamingProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	c, diags := newClient(ctx, cfg, p.version, lookupEnv)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.DataSourceData = c
	resp.ResourceData = c
	resp.ListResourceData = c
	resp.ActionData = c
	resp.EphemeralResourceData = c
}

func (p *appStreamingProvider) Resources(_ context.Context) []func() resource.Resource {
	return resources()
}

func (p *appStreamingProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return dataSources()
}

func (p *appStreamingProvider) ListResources(_ context.Context) []func() list.ListResource {
	return listResources()
}

func (p *appStreamingProvider) Actions(_ context.Context) []func() action.Action {
	return actions()
}

func (p *appStreamingProvider) EphemeralResources(_ context.Context) []func() ephemeral.EphemeralResource {
	return ephemeralResources()
}
