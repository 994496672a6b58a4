package renewdeliverygroup

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/validators"
)

type model struct {
	DeliveryGroupID types.String `tfsdk:"delivery_group_id"`
	Period          types.Int64  `tfsdk:"period"`
	PeriodUnit      types.String `tfsdk:"period_unit"`
	AutoPay         types.Bool   `tfsdk:"auto_pay"`
	PromotionID     types.String `tfsdk:"promotion_id"`
}

func (a *renewAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Renews a subscription (`PrePaid`) delivery group (`RenewAppInstanceGroup`), which places an order. " +
			"The progress output shows the price of the renewal (`GetResourcePrice` for the group's resource type and amount), " +
			"then the order ID and the new expiry time. A pay-as-you-go (`PostPaid`) group is refused at plan. " +
			"Each run places a new order and extends the subscription again; it is never retried after an unclear failure. " +
			"Needs Terraform 1.14 or later.",
		Attributes: map[string]schema.Attribute{
			"delivery_group_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Subscription delivery group to renew (`AppInstanceGroupId`, `aig-…`).",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"period": schema.Int64Attribute{
				Required:            true,
				MarkdownDescription: "Renewal length (`Period`) in `period_unit`s: `Week` 1; `Month` 1, 2, 3 or 6; `Year` 1, 2 or 3.",
				Validators:          []validator.Int64{validators.Period()},
			},
			"period_unit": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Unit of `period` (`PeriodUnit`): `Week`, `Month` or `Year` (case-sensitive).",
				Validators:          []validator.String{validators.PeriodUnit()},
			},
			"auto_pay": schema.BoolAttribute{
				Optional:            true,
				MarkdownDescription: "Pay the renewal order automatically (`AutoPay`); the API default is `false`, which leaves the order to be paid in the billing console.",
			},
			"promotion_id": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Coupon for the order (`PromotionId`, from `GetResourcePrice`).",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
		},
	}
}
