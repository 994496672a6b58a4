package logoffsessions

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

type model struct {
	DeliveryGroupID types.String `tfsdk:"delivery_group_id"`
}

func (a *logOffAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Logs off every session of a delivery group (`LogOffAllSessionsInAppInstanceGroup`), for instance before " +
			"maintenance. The API allows it only for a pay-as-you-go (`PostPaid`) group whose node pool scales by schedule " +
			"(`NODE_SCALING_BY_SCHEDULE`, see `appstreaming_scaling_policy`), and only outside the schedule's time windows. " +
			"The provider checks this at plan (reading the group) and again right before the call. " +
			"Running it when no session is open changes nothing. Needs Terraform 1.14 or later.",
		Attributes: map[string]schema.Attribute{
			"delivery_group_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Delivery group whose sessions are logged off (`AppInstanceGroupId`, `aig-…`).",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
		},
	}
}
