package resourceprice

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
)

func TestInputDefaults(t *testing.T) {
	m := model{InstanceType: types.StringValue("appstreaming.general.4c8g"), ChargeType: types.StringValue("PostPaid"),
		Amount: types.Int64Null(), Period: types.Int64Null(), PeriodUnit: types.StringNull(), RegionID: types.StringNull()}
	in := m.input("cn-shanghai")
	if in.BizRegionID != "cn-shanghai" || in.Amount != 1 || in.Period != 1 || in.PeriodUnit != "Month" {
		t.Errorf("PostPaid input = %+v", in)
	}
	m.ChargeType, m.Period, m.PeriodUnit = types.StringValue("PrePaid"), types.Int64Value(2), types.StringValue("Year")
	m.Amount, m.RegionID = types.Int64Value(3), types.StringValue("cn-hangzhou")
	if in := m.input("cn-shanghai"); in.BizRegionID != "cn-hangzhou" || in.Amount != 3 || in.Period != 2 || in.PeriodUnit != "Year" {
		t.Errorf("PrePaid input = %+v", in)
	}
}

func TestFlatten(t *testing.T) {
	var m model
	in := client.GetResourcePriceInput{BizRegionID: "cn-shanghai", NodeInstanceType: "t", Amount: 1, ChargeType: "PostPaid", Period: 1, PeriodUnit: "Month"}
	item := client.PriceItem{Price: client.Price{Currency: "CNY", OriginalPrice: "0.726736", DiscountPrice: "", TradePrice: "0.726736",
		Promotions: []client.Promotion{{PromotionID: "p-1", PromotionName: "coupon", Selected: true}}},
		Rules: []client.PriceRule{{RuleID: 7, Description: "list"}}}
	if err := flatten(&m, in, item); err != nil {
		t.Fatal(err)
	}
	if m.TradePrice.ValueFloat64() != 0.726736 || m.DiscountPrice.ValueFloat64() != 0 || m.PriceUnit.ValueString() != "hour" ||
		len(m.Promotions) != 1 || !m.Promotions[0].Selected.ValueBool() || m.Rules[0].ID.ValueInt64() != 7 {
		t.Errorf("flatten = %+v", m)
	}
	item.Price.TradePrice = "12,5"
	if err := flatten(&m, in, item); err == nil {
		t.Error("a malformed amount must fail")
	}
}
