package lookup

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
)

// Base is embedded by the lookup data sources: it names the type and keeps
// the configured client.
type Base struct {
	// Suffix follows the provider type name, e.g. "_images".
	Suffix string
	Client *client.Client
}

func (b *Base) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + b.Suffix
}

func (b *Base) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	b.Client = common.ClientFromProviderData(req.ProviderData, &resp.Diagnostics)
}

// Computed returns a computed string attribute (most result fields).
func Computed(desc string) schema.StringAttribute {
	return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
}
