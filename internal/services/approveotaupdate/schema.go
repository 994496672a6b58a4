package approveotaupdate

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
	StartTime       types.String `tfsdk:"start_time"`
}

func (a *approveAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Approves the pending over-the-air (OTA) update of a delivery group (`ApproveOtaTask`) and schedules it. " +
			"The task ID changes after every approval, so the provider reads the current one (`OtaInfo.TaskId`) right before " +
			"approving. A group with no update waiting is reported as an error, not as a silent success; an update already " +
			"scheduled for the same start time is left as it is. Needs Terraform 1.14 or later.",
		Attributes: map[string]schema.Attribute{
			"delivery_group_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Delivery group whose update is approved (`AppInstanceGroupId`, `aig-…`).",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"start_time": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "When the update starts (`StartTime`), in RFC 3339, e.g. `2026-08-04T22:00:00+08:00`. It must be in the " +
					"future and at most 7 days ahead; checked at plan when known, and again right before the call.",
			},
		},
	}
}
