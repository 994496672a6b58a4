package connectionticket

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/ephemeral/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/lookup"
)

type model struct {
	AppID           types.String   `tfsdk:"app_id"`
	EndUserID       types.String   `tfsdk:"end_user_id"`
	DeliveryGroupID types.String   `tfsdk:"delivery_group_id"`
	RegionID        types.String   `tfsdk:"region_id"`
	AppVersion      types.String   `tfsdk:"app_version"`
	AppStartParam   types.String   `tfsdk:"app_start_param"`
	Ticket          types.String   `tfsdk:"ticket"`
	TaskID          types.String   `tfsdk:"task_id"`
	AppInstanceID   types.String   `tfsdk:"app_instance_id"`
	OsType          types.String   `tfsdk:"os_type"`
	Timeouts        timeouts.Value `tfsdk:"timeouts"`
}

func (r *ticketResource) Schema(ctx context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A connection ticket for an end user to open an app (`GetConnectionTicket`): the provider starts the " +
			"session task and polls it until it is `Finished` (or `Failed`, e.g. when the user is not authorized). " +
			"Ephemeral: the ticket is never written to the plan or the state. Terraform opens it on every plan and apply " +
			"that needs it, and each opening allocates a session. Useful for smoke tests and to hand a ticket to another " +
			"provider's write-only or ephemeral argument. Needs Terraform 1.10 or later.",
		Attributes: map[string]schema.Attribute{
			"app_id": schema.StringAttribute{
				Required: true, MarkdownDescription: "App to start (`AppId`, `ca-…`).",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"end_user_id": schema.StringAttribute{
				Required: true, MarkdownDescription: "Convenience-account user name the session is for (`EndUserId`), e.g. `alice`.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"delivery_group_id": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "Only allocate from this delivery group (`AppInstanceGroupIdList`). After opening: the group that served the ticket.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"region_id": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "Only use groups in this region (`BizRegionId`). After opening: the region that served the ticket.",
				Validators:          []validator.String{lookup.RegionID()},
			},
			"app_version": schema.StringAttribute{
				Optional: true, MarkdownDescription: "App version (`AppVersion`); a random authorized version when omitted.",
			},
			"app_start_param": schema.StringAttribute{
				Optional: true, MarkdownDescription: "Start arguments of the app (`AppStartParam`), e.g. `/q /n`.",
			},
			"ticket": schema.StringAttribute{
				Computed: true, Sensitive: true, MarkdownDescription: "The connection ticket (`Ticket`).",
			},
			"task_id":         schema.StringAttribute{Computed: true, MarkdownDescription: "Session task (`TaskId`)."},
			"app_instance_id": schema.StringAttribute{Computed: true, MarkdownDescription: "Session instance allocated (`AppInstanceId`)."},
			"os_type":         schema.StringAttribute{Computed: true, MarkdownDescription: "Operating system of the session (`OsType`)."},
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx),
		},
	}
}
