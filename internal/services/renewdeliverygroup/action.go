// Package renewdeliverygroup implements the appstreaming_renew_delivery_group
// action (RenewAppInstanceGroup).
package renewdeliverygroup

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/validators"
)

// NewAction is the constructor the provider registers.
func NewAction() action.Action {
	return &renewAction{ActionBase: common.ActionBase{TypeSuffix: "_renew_delivery_group"}}
}

type renewAction struct {
	common.ActionBase
}

var (
	_ action.ActionWithConfigure      = (*renewAction)(nil)
	_ action.ActionWithValidateConfig = (*renewAction)(nil)
	_ action.ActionWithModifyPlan     = (*renewAction)(nil)
)

// ValidateConfig checks the period against its unit, the same rule as the
// resource's (1 Week; 1/2/3/6 Month; 1/2/3 Year), without any API call.
func (a *renewAction) ValidateConfig(ctx context.Context, req action.ValidateConfigRequest, resp *action.ValidateConfigResponse) {
	var m model
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || m.Period.IsNull() || m.Period.IsUnknown() || m.PeriodUnit.IsNull() || m.PeriodUnit.IsUnknown() {
		return
	}
	allowed, ok := validators.AllowedPeriods(m.PeriodUnit.ValueString())
	if ok && !slices.Contains(allowed, m.Period.ValueInt64()) {
		resp.Diagnostics.AddAttributeError(path.Root("period"), "Invalid Renewal Period",
			fmt.Sprintf("period %d is not allowed with period_unit %q: use one of %v.", m.Period.ValueInt64(), m.PeriodUnit.ValueString(), allowed))
	}
}

// ModifyPlan refuses a pay-as-you-go group at plan when the group is known
// (one GetAppInstanceGroup; no order is placed).
func (a *renewAction) ModifyPlan(ctx context.Context, req action.ModifyPlanRequest, resp *action.ModifyPlanResponse) {
	var m model
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || a.Client == nil || m.DeliveryGroupID.IsUnknown() {
		return
	}
	g, err := a.Client.GetAppInstanceGroup(ctx, m.DeliveryGroupID.ValueString())
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("delivery_group_id"), "Cannot read the delivery group", err.Error())
		return
	}
	checkPrePaid(g, &resp.Diagnostics)
}

func checkPrePaid(g *client.AppInstanceGroup, diags *diag.Diagnostics) bool {
	if g.ChargeType == common.ChargePrePaid {
		return true
	}
	diags.AddAttributeError(path.Root("delivery_group_id"), "Only subscription groups can be renewed",
		fmt.Sprintf("Delivery group %s is %s (pay-as-you-go): it is billed by use and has nothing to renew. "+
			"RenewAppInstanceGroup applies to PrePaid groups only.", g.AppInstanceGroupID, g.ChargeType))
	return false
}

func (a *renewAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var m model
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || !common.RequireClient(a.Client, &resp.Diagnostics) {
		return
	}
	id, period, unit := m.DeliveryGroupID.ValueString(), m.Period.ValueInt64(), m.PeriodUnit.ValueString()
	common.Progress(resp, "Checking delivery group %s", id)
	g, err := a.Client.GetAppInstanceGroup(ctx, id)
	if err != nil {
		common.APIError(&resp.Diagnostics, "Cannot read the delivery group", err, "")
		return
	}
	if !checkPrePaid(g, &resp.Diagnostics) {
		return
	}
	common.Progress(resp, "%s expires at %s", id, g.ExpiredTime)
	if quote := a.price(ctx, g, period, unit); quote != "" {
		common.Progress(resp, "Price of renewing for %d %s: %s", period, unit, quote)
	}
	in := client.RenewAppInstanceGroupInput{AppInstanceGroupID: id, Period: int(period), PeriodUnit: unit,
		PromotionID: m.PromotionID.ValueString()}
	if !m.AutoPay.IsNull() {
		v := m.AutoPay.ValueBool()
		in.AutoPay = &v
	}
	order, err := a.Client.RenewAppInstanceGroup(ctx, in)
	if err != nil {
		hint := ""
		if client.IsAmbiguous(err) {
			hint = "\n\nThe outcome is unknown and a renewal places an order, so it was not repeated. Check the group's expiry " +
				"time and your orders in the billing console before running the action again."
		}
		resp.Diagnostics.AddError("Cannot renew the delivery group", err.Error()+hint)
		return
	}
	common.Progress(resp, "Renewal order %s placed", order)
	after, err := a.Client.GetAppInstanceGroup(ctx, id)
	if err != nil {
		resp.Diagnostics.AddWarning("Renewed, but cannot read the new expiry time", fmt.Sprintf("Order %s: %s", order, err))
		return
	}
	common.Progress(resp, "Renewed %s: order %s, now expires at %s", id, order, after.ExpiredTime)
}

// price quotes the renewal: the group's resource type and amount for the
// renewal period. "" when no quote is available (not a reason to stop).
func (a *renewAction) price(ctx context.Context, g *client.AppInstanceGroup, period int64, unit string) string {
	if len(g.NodePool) == 0 {
		return ""
	}
	p := g.NodePool[0]
	amount := p.NodeAmount
	if amount == 0 {
		amount = p.Amount
	}
	out, err := a.Client.GetResourcePrice(ctx, client.GetResourcePriceInput{Amount: int64(max(amount, 1)), BizRegionID: g.RegionID,
		ChargeType: common.ChargePrePaid, NodeInstanceType: p.NodeInstanceType, Period: period, PeriodUnit: unit})
	if err != nil || out.PriceModel == nil {
		return ""
	}
	pr := out.PriceModel.Price
	return fmt.Sprintf("%s %s for %d × %s (list price %s, discount %s)", pr.TradePrice, pr.Currency, max(amount, 1), p.NodeInstanceType, pr.OriginalPrice, pr.DiscountPrice)
}
