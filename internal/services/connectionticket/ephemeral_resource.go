// Package connectionticket implements the appstreaming_connection_ticket
// ephemeral resource (GetConnectionTicket).
package connectionticket

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
)

// NewEphemeralResource is the constructor the provider registers.
func NewEphemeralResource() ephemeral.EphemeralResource { return &ticketResource{} }

type ticketResource struct {
	client *client.Client
}

var _ ephemeral.EphemeralResourceWithConfigure = (*ticketResource)(nil)

const defaultOpenTimeout = 5 * time.Minute

func (r *ticketResource) Metadata(_ context.Context, req ephemeral.MetadataRequest, resp *ephemeral.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_connection_ticket"
}

func (r *ticketResource) Configure(_ context.Context, req ephemeral.ConfigureRequest, resp *ephemeral.ConfigureResponse) {
	r.client = common.ClientFromProviderData(req.ProviderData, &resp.Diagnostics)
}

func (r *ticketResource) Open(ctx context.Context, req ephemeral.OpenRequest, resp *ephemeral.OpenResponse) {
	var m model
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || !common.RequireClient(r.client, &resp.Diagnostics) {
		return
	}
	timeout, d := m.Timeouts.Open(ctx, defaultOpenTimeout)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	in := client.GetConnectionTicketInput{AppID: m.AppID.ValueString(), EndUserID: m.EndUserID.ValueString(),
		BizRegionID: m.RegionID.ValueString(), AppVersion: m.AppVersion.ValueString(), AppStartParam: m.AppStartParam.ValueString()}
	if id := m.DeliveryGroupID.ValueString(); id != "" {
		in.AppInstanceGroupIDList = []string{id}
	}
	out, err := r.client.ConnectionTicket(ctx, in, timeout)
	switch {
	case errors.Is(err, client.ErrTicketFailed):
		resp.Diagnostics.AddError("Connection ticket failed",
			fmt.Sprintf("%s. The service could not start app %s for %s: check that the user is authorized to the delivery group "+
				"(appstreaming_user_authorization) and that the group is published.", err, in.AppID, in.EndUserID))
		return
	case err != nil:
		common.APIError(&resp.Diagnostics, "Cannot get a connection ticket", err, "")
		return
	}
	m.Ticket = types.StringValue(out.Ticket)
	m.TaskID = types.StringValue(out.TaskID)
	m.DeliveryGroupID = types.StringValue(out.AppInstanceGroupID)
	m.RegionID = types.StringValue(out.BizRegionID)
	m.AppInstanceID = types.StringValue(out.AppInstanceID)
	m.OsType = types.StringValue(out.OsType)
	resp.Diagnostics.Append(resp.Result.Set(ctx, &m)...)
}
