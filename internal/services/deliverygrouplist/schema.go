package deliverygrouplist

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/lookup"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/validators"
)

func (r *listResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Finds delivery groups (`ListAppInstanceGroup`, paged transparently) for `terraform query`, " +
			"for instance to bring groups published in the console under Terraform: " +
			"`terraform query -generate-config-out=generated.tf` writes a resource and an `import` block for each. " +
			"Every filter is optional; several filters must all match.",
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only the groups with exactly this name (`AppInstanceGroupName`; the API matches substrings, the provider keeps exact matches).",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"name_regex": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only the groups whose name matches this regular expression (Go RE2 syntax), e.g. `^cad-`.",
				Validators:          []validator.String{validators.Regex()},
			},
			"status": schema.ListAttribute{
				Optional: true, ElementType: types.StringType,
				MarkdownDescription: "Only groups in one of these statuses (`Status`): `DEPLOYING`, `PUBLISHED`, `FAILED`, `MAINTAINING`, " +
					"`MAINTAIN_FAILED`, `EXPIRED`, `CEASED` or `EXPIRED_RECYCLING`.",
				Validators: []validator.List{listvalidator.SizeAtLeast(1), listvalidator.UniqueValues(),
					listvalidator.ValueStringsAre(stringvalidator.OneOf(common.GroupStatuses...))},
			},
			"image_id": schema.StringAttribute{
				Optional: true, MarkdownDescription: "Only groups built from this image (`AppCenterImageId`).",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"instance_type": schema.StringAttribute{
				Optional: true, MarkdownDescription: "Only groups whose resources are of this type (`NodeInstanceType`), e.g. `appstreaming.general.4c8g`.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"charge_type": schema.StringAttribute{
				Optional: true, MarkdownDescription: "Only groups with this billing method (`ChargeType`): `PostPaid` (pay-as-you-go) or `PrePaid` (subscription).",
				Validators: []validator.String{stringvalidator.OneOf(common.ChargePostPaid, common.ChargePrePaid)},
			},
			"region_id": schema.StringAttribute{
				Optional: true, MarkdownDescription: "Only groups in this business region (`BizRegionId`). Omitted: groups of every region.",
				Validators: []validator.String{lookup.RegionID()},
			},
			"tags": schema.MapAttribute{
				Optional: true, ElementType: types.StringType,
				MarkdownDescription: "Only groups that carry every one of these tags (`Tag`), custom or system.",
				Validators: []validator.Map{mapvalidator.SizeBetween(1, validators.MaxTags),
					mapvalidator.KeysAre(stringvalidator.LengthBetween(1, validators.MaxTagKeyLen)),
					mapvalidator.ValueStringsAre(stringvalidator.LengthBetween(1, validators.MaxTagValueLen))},
			},
		},
	}
}
