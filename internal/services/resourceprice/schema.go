package resourceprice

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/lookup"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/validators"
)

// maxAmount is the most resources one node pool can subscribe (api-notes §4 rule 10).
const maxAmount = 100

func (d *dataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Quotes the price of App Streaming resources before you buy them (API `GetResourcePrice`), " +
			"so a plan can show what a delivery group will cost. A `PrePaid` (subscription) quote is the price of " +
			"`amount` resources for the whole `period`; a `PostPaid` (pay-as-you-go) quote is the price of `amount` " +
			"resources per hour.",
		Attributes: map[string]schema.Attribute{
			"id": lookup.Computed("Identifier of this quote, derived from the inputs."),
			"region_id": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Region of the resources (`BizRegionId`). Defaults to the provider's `region`.",
				Validators:          []validator.String{lookup.RegionID()},
			},
			"instance_type": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Resource specification to price (`NodeInstanceType`), e.g. `appstreaming.general.4c8g`; " +
					"see the `appstreaming_instance_types` data source.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"amount": schema.Int64Attribute{
				Optional:            true,
				MarkdownDescription: "Number of resources (`Amount`), 1–100 like a node pool's `node_amount`. Defaults to 1.",
				Validators:          []validator.Int64{int64validator.Between(1, maxAmount)},
			},
			"charge_type": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Billing method (`ChargeType`): `PrePaid` (subscription) or `PostPaid` (pay-as-you-go).",
				Validators:          []validator.String{stringvalidator.OneOf(common.ChargePrePaid, common.ChargePostPaid)},
			},
			"period": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: "Subscription length (`Period`), with `period_unit`: `Week` allows 1; `Month` 1, 2, 3 or 6; " +
					"`Year` 1, 2 or 3. Required for `PrePaid`. For `PostPaid` it must be omitted: the API is sent " +
					"`Period=1`, `PeriodUnit=Month`, as the service requires, and the price is per hour.",
				Validators: []validator.Int64{validators.Period()},
			},
			"period_unit": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Unit of `period` (`PeriodUnit`): `Week`, `Month` or `Year` (case-sensitive). Required for `PrePaid`; omit for `PostPaid`.",
				Validators:          []validator.String{validators.PeriodUnit()},
			},
			"currency":       lookup.Computed("Currency of the amounts (`Currency`), e.g. `CNY`."),
			"original_price": schema.Float64Attribute{Computed: true, MarkdownDescription: "List price (`OriginalPrice`)."},
			"discount_price": schema.Float64Attribute{Computed: true, MarkdownDescription: "Discount (`DiscountPrice`)."},
			"trade_price": schema.Float64Attribute{Computed: true,
				MarkdownDescription: "Price to pay (`TradePrice` = original − discount): for the whole period (`PrePaid`) or per hour (`PostPaid`)."},
			"price_unit": lookup.Computed("What the prices cover: `period` (`PrePaid`: the whole subscription) or `hour` (`PostPaid`)."),
			"promotions": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "Coupons and promotions the quote can use (`Promotions`).",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":          lookup.Computed("Promotion ID (`PromotionId`), usable as the `promotion_id` of a purchase."),
					"name":        lookup.Computed("Promotion name (`PromotionName`)."),
					"description": lookup.Computed("Description (`PromotionDesc`)."),
					"option_code": lookup.Computed("Coupon code (`OptionCode`)."),
					"selected":    schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the quote applied it (`Selected`)."},
				}},
			},
			"rules": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "Pricing rules the quote used (`Rules`).",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":          schema.Int64Attribute{Computed: true, MarkdownDescription: "Rule ID (`RuleId`)."},
					"description": lookup.Computed("Rule description (`Description`)."),
				}},
			},
		},
	}
}

func (d *dataSource) ConfigValidators(_ context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		validators.PeriodUnitPair(path.MatchRoot("period"), path.MatchRoot("period_unit")),
		periodForChargeType{},
	}
}
