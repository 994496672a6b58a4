package regions

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
)

func (d *dataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the regions where App Streaming can publish delivery groups (API `ListRegions`). " +
			"The list is every region the service supports, not only those open to your account.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Identifier of this lookup (always `regions`).",
			},
			"regions": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "Supported regions, sorted by ID.",
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"id": schema.StringAttribute{
							Computed:            true,
							MarkdownDescription: "Region ID (`regionId`), the value for `region_id` and the provider's `region`, e.g. `cn-shanghai`.",
						},
						"name": schema.StringAttribute{
							Computed: true,
							MarkdownDescription: "English display name of the region, e.g. `China (Shanghai)`. The API returns only the ID; " +
								"the provider knows the names of Alibaba Cloud's public regions and repeats the ID for any other.",
						},
					},
				},
			},
		},
	}
}
