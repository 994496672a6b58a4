package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/apppolicy"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/approveotaupdate"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/connectionticket"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/deliverygroup"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/deliverygrouplist"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/deliverygroups"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/images"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/instancetypes"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/logoffsessions"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/regions"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/renewdeliverygroup"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/resourceprice"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/scalingpolicy"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/scalingpolicylist"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/userauthorization"
)

// resources lists every resource type of the provider; each lives in its own
// package under internal/services.
func resources() []func() resource.Resource {
	return []func() resource.Resource{
		apppolicy.NewResource,
		userauthorization.NewResource,
		scalingpolicy.NewResource,
		deliverygroup.NewResource,
	}
}

// dataSources lists every data source type of the provider.
func dataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{
		regions.NewDataSource,
		images.NewDataSource,
		instancetypes.NewDataSource,
		deliverygroups.NewDataSource,
		resourceprice.NewDataSource,
	}
}

// listResources lists the list resources (`terraform query`); each finds
// objects of the resource type of the same name.
func listResources() []func() list.ListResource {
	return []func() list.ListResource{
		deliverygrouplist.NewListResource,
		scalingpolicylist.NewListResource,
	}
}

// actions lists the day-2 operations (`action` blocks, Terraform 1.14+).
func actions() []func() action.Action {
	return []func() action.Action{
		logoffsessions.NewAction,
		approveotaupdate.NewAction,
		renewdeliverygroup.NewAction,
	}
}

// ephemeralResources lists the values that never reach plan or state.
func ephemeralResources() []func() ephemeral.EphemeralResource {
	return []func() ephemeral.EphemeralResource{
		connectionticket.NewEphemeralResource,
	}
}
