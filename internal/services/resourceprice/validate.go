package resourceprice

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
)

// periodForChargeType: a subscription quote needs both period and
// period_unit; a pay-as-you-go quote takes neither, because the service
// wants Period=1/Month there and the result is per hour whatever they say.
type periodForChargeType struct{}

func (periodForChargeType) Description(_ context.Context) string {
	return "period and period_unit are required with charge_type PrePaid and must be omitted with PostPaid"
}

func (v periodForChargeType) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (periodForChargeType) ValidateDataSource(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	var ct types.String
	var period types.Int64
	var unit types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("charge_type"), &ct)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("period"), &period)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("period_unit"), &unit)...)
	if resp.Diagnostics.HasError() || ct.IsNull() || ct.IsUnknown() {
		return
	}
	switch ct.ValueString() {
	case common.ChargePrePaid:
		if period.IsNull() {
			resp.Diagnostics.AddAttributeError(path.Root("period"), "Missing period",
				"period is required when charge_type is \"PrePaid\" (Week: 1; Month: 1, 2, 3 or 6; Year: 1, 2 or 3).")
		}
		if unit.IsNull() {
			resp.Diagnostics.AddAttributeError(path.Root("period_unit"), "Missing period_unit",
				"period_unit is required when charge_type is \"PrePaid\": Week, Month or Year.")
		}
	case common.ChargePostPaid:
		for _, a := range []struct {
			name string
			set  bool
		}{{"period", !period.IsNull()}, {"period_unit", !unit.IsNull()}} {
			if a.set {
				resp.Diagnostics.AddAttributeError(path.Root(a.name), "Unexpected "+a.name,
					fmt.Sprintf("%s must be omitted when charge_type is \"PostPaid\": a pay-as-you-go quote is per hour, "+
						"and the provider sends Period=1, PeriodUnit=Month as the service requires.", a.name))
			}
		}
	}
}
