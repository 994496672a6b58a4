package instancetypes

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/lookup"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/validators"
)

func (d *dataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the resource specifications (instance types) a delivery group can be published with " +
			"(API `ListNodeInstanceType`), so a configuration can pick a type by size. The API reports vCPUs and GPUs as " +
			"text and memory in MB; here they are numbers and memory is in GiB. One listing is read (100 per page) and " +
			"filtered by the provider, because the API's own size filters have undocumented units. A lookup that " +
			"matches nothing returns an empty list.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, MarkdownDescription: "Identifier of this lookup, derived from the filters."},
			"region_id": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Region to list the types of (`BizRegionId`). Defaults to the provider's `region`.",
				Validators:          []validator.String{lookup.RegionID()},
			},
			"cpu": schema.Int64Attribute{
				Optional:            true,
				MarkdownDescription: "Only types with exactly this many vCPUs (`Cpu`). At least 1.",
				Validators:          []validator.Int64{int64validator.AtLeast(1)},
			},
			"memory_gib": schema.Float64Attribute{
				Optional:            true,
				MarkdownDescription: "Only types with exactly this much memory in GiB (`Memory` is in MB; 8192 MB = 8 GiB). At least 0.5.",
				Validators:          []validator.Float64{float64validator.AtLeast(0.5)},
			},
			"gpu": schema.BoolAttribute{
				Optional:            true,
				MarkdownDescription: "`true`: only types with a GPU (`Gpu` > 0 or `GpuMemory` > 0); `false`: only types without one.",
			},
			"name_regex": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Only types whose ID (`NodeInstanceType`, e.g. `appstreaming.general.4c8g`) or display name " +
					"(`NodeTypeName`) matches this regular expression (RE2 syntax, unanchored).",
				Validators: []validator.String{validators.Regex()},
			},
			"instance_types": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "Matching types, smallest first (by vCPUs, memory, GPU memory, then ID).",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id": schema.StringAttribute{Computed: true,
						MarkdownDescription: "Type ID (`NodeInstanceType`), the value for a delivery group's node pool `instance_type`."},
					"name":   schema.StringAttribute{Computed: true, MarkdownDescription: "Display name (`NodeTypeName`)."},
					"family": schema.StringAttribute{Computed: true, MarkdownDescription: "Family (`NodeInstanceTypeFamily`), e.g. `appstreaming.general` or `appstreaming.vgpu`."},
					"cpu":    schema.Int64Attribute{Computed: true, MarkdownDescription: "vCPUs (`Cpu`, a string in the API)."},
					"memory_gib": schema.Float64Attribute{Computed: true,
						MarkdownDescription: "Memory in GiB (`Memory` ÷ 1024; the API reports MB)."},
					"gpu": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the type has a GPU."},
					"gpu_count": schema.Float64Attribute{Computed: true,
						MarkdownDescription: "GPUs (`Gpu`, a string in the API; may be fractional for shared vGPUs)."},
					"gpu_memory_gib": schema.Float64Attribute{Computed: true,
						MarkdownDescription: "GPU memory in GiB (`GpuMemory` ÷ 1024; the API reports MB). 0 without a GPU."},
					"max_capacity": schema.Int64Attribute{Computed: true,
						MarkdownDescription: "Most concurrent sessions one resource of this type can host (`MaxCapacity`): the upper bound of a node pool's `capacity` (the lower bound is 1)."},
				}},
			},
		},
	}
}
