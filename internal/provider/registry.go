package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/regions"
)

// resources lists every resource type of the provider; each lives in its own
// package under internal/services.
func resources() []func() resource.Resource {
	return []func() resource.Resource{}
}

// dataSources lists every data source type of the provider.
func dataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{
		regions.NewDataSource,
	}
}
