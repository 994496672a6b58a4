package resourceprice

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/lookup"
)

type model struct {
	ID            types.String     `tfsdk:"id"`
	RegionID      types.String     `tfsdk:"region_id"`
	InstanceType  types.String     `tfsdk:"instance_type"`
	Amount        types.Int64      `tfsdk:"amount"`
	ChargeType    types.String     `tfsdk:"charge_type"`
	Period        types.Int64      `tfsdk:"period"`
	PeriodUnit    types.String     `tfsdk:"period_unit"`
	Currency      types.String     `tfsdk:"currency"`
	OriginalPrice types.Float64    `tfsdk:"original_price"`
	DiscountPrice types.Float64    `tfsdk:"discount_price"`
	TradePrice    types.Float64    `tfsdk:"trade_price"`
	PriceUnit     types.String     `tfsdk:"price_unit"`
	Promotions    []promotionModel `tfsdk:"promotions"`
	Rules         []ruleModel      `tfsdk:"rules"`
}

type promotionModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
	OptionCode  types.String `tfsdk:"option_code"`
	Selected    types.Bool   `tfsdk:"selected"`
}

type ruleModel struct {
	ID          types.Int64  `tfsdk:"id"`
	Description types.String `tfsdk:"description"`
}

// input builds the request: defaults for region and amount, and the
// Period=1/Month the service wants for pay-as-you-go quotes (api-notes §4 rule 3).
func (m model) input(defaultRegion string) client.GetResourcePriceInput {
	in := client.GetResourcePriceInput{
		BizRegionID:      m.RegionID.ValueString(),
		NodeInstanceType: m.InstanceType.ValueString(),
		Amount:           1,
		ChargeType:       m.ChargeType.ValueString(),
		Period:           m.Period.ValueInt64(),
		PeriodUnit:       m.PeriodUnit.ValueString(),
	}
	if in.BizRegionID == "" {
		in.BizRegionID = defaultRegion
	}
	if !m.Amount.IsNull() {
		in.Amount = m.Amount.ValueInt64()
	}
	if in.ChargeType == common.ChargePostPaid {
		in.Period, in.PeriodUnit = 1, "Month"
	}
	return in
}

// parseMoney reads a decimal amount string; empty means 0.
func parseMoney(field, s string) (float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, fmt.Errorf("%s %q is not a number", field, s)
	}
	return f, nil
}

// flatten fills the computed part of m from a quote.
func flatten(m *model, in client.GetResourcePriceInput, item client.PriceItem) error {
	p := item.Price
	var err error
	if m.OriginalPrice, err = moneyValue("OriginalPrice", p.OriginalPrice); err != nil {
		return err
	}
	if m.DiscountPrice, err = moneyValue("DiscountPrice", p.DiscountPrice); err != nil {
		return err
	}
	if m.TradePrice, err = moneyValue("TradePrice", p.TradePrice); err != nil {
		return err
	}
	m.Currency = common.StringOrNull(p.Currency)
	m.PriceUnit = types.StringValue("period")
	if in.ChargeType == common.ChargePostPaid {
		m.PriceUnit = types.StringValue("hour")
	}
	m.Promotions = make([]promotionModel, 0, len(p.Promotions))
	for _, pr := range p.Promotions {
		m.Promotions = append(m.Promotions, promotionModel{
			ID: types.StringValue(pr.PromotionID), Name: common.StringOrNull(pr.PromotionName),
			Description: common.StringOrNull(pr.PromotionDesc), OptionCode: common.StringOrNull(pr.OptionCode),
			Selected: types.BoolValue(pr.Selected),
		})
	}
	m.Rules = make([]ruleModel, 0, len(item.Rules))
	for _, r := range item.Rules {
		m.Rules = append(m.Rules, ruleModel{ID: types.Int64Value(r.RuleID), Description: common.StringOrNull(r.Description)})
	}
	m.RegionID = types.StringValue(in.BizRegionID)
	m.Amount = types.Int64Value(in.Amount)
	m.ID = types.StringValue(lookup.FilterID("price", in))
	return nil
}

func moneyValue(field, s string) (types.Float64, error) {
	f, err := parseMoney(field, s)
	if err != nil {
		return types.Float64Null(), err
	}
	return types.Float64Value(f), nil
}
