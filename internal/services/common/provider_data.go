// Package common holds the small pieces every resource and data source package
// shares: getting the API client out of the provider data, and diagnostics helpers.
package common

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
)

// ClientFromProviderData returns the configured client. ProviderData is nil while
// Terraform validates a configuration before the provider is configured; that is
// not an error, and the resource is simply not called yet.
func ClientFromProviderData(data any, diags *diag.Diagnostics) *client.Client {
	if data == nil {
		return nil
	}
	c, ok := data.(*client.Client)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *client.Client, got %T. This is a bug in the provider; please report it.", data))
		return nil
	}
	return c
}

// RequireClient reports whether c is set, adding an error when CRUD is called
// on a resource whose provider was never configured.
func RequireClient(c *client.Client, diags *diag.Diagnostics) bool {
	if c == nil {
		diags.AddError("Provider not configured", "The provider was not configured before the resource was used.")
		return false
	}
	return true
}
