package client

import (
	"context"

	appstream "github.com/alibabacloud-go/appstream-center-20210901/client"
	"github.com/alibabacloud-go/tea/tea"
)

// ---------- GetResourcePrice ----------

// GetResourcePriceInput mirrors api-notes §2.18.
type GetResourcePriceInput struct {
	Amount           int64
	AppInstanceType  string
	BizRegionID      string
	ChargeType       string
	NodeInstanceType string
	Period           int64
	PeriodUnit       string
}

// GetResourcePriceOutput: PriceModel for NodeInstanceType quotes, PriceList
// for AppInstanceType quotes.
type GetResourcePriceOutput struct {
	PriceModel *PriceItem  `json:"PriceModel"`
	PriceList  []PriceItem `json:"PriceList"`
}

// GetResourcePrice gets a quote (typed SDK1; it has every field).
func (c *Client) GetResourcePrice(ctx context.Context, in GetResourcePriceInput) (*GetResourcePriceOutput, error) {
	req := &appstream.GetResourcePriceRequest{Amount: tea.Int64(in.Amount), AppInstanceType: strPtr(in.AppInstanceType),
		BizRegionId: strPtr(in.BizRegionID), ChargeType: strPtr(in.ChargeType), NodeInstanceType: strPtr(in.NodeInstanceType),
		Period: tea.Int64(in.Period), PeriodUnit: strPtr(in.PeriodUnit), ProductType: tea.String(ProductType)}
	s := typed("GetResourcePrice", req, c.sdk.GetResourcePrice)
	s.check = checkCode
	return call[GetResourcePriceOutput](ctx, c, s)
}

// ---------- RenewAppInstanceGroup ----------

// RenewAppInstanceGroupInput mirrors api-notes §2.12.
type RenewAppInstanceGroupInput struct {
	AppInstanceGroupID string   `wire:"query,AppInstanceGroupId,always"`
	AutoPay            *bool    `wire:"query,AutoPay"`
	Period             int      `wire:"query,Period"`
	PeriodUnit         string   `wire:"query,PeriodUnit"`
	PromotionID        string   `wire:"query,PromotionId"`
	RenewAmount        *int     `wire:"query,RenewAmount"`
	RenewMode          string   `wire:"query,RenewMode"`
	RenewNodes         []string `wire:"query,RenewNodes,json"`
}

// RenewAppInstanceGroup renews a subscription group and returns the order
// ID. It creates an order: never re-sent after an ambiguous failure.
// CallApi: SDK1 lacks RenewAmount, RenewMode and RenewNodes.
func (c *Client) RenewAppInstanceGroup(ctx context.Context, in RenewAppInstanceGroupInput) (orderID string, err error) {
	defer c.view.forget(in.AppInstanceGroupID)
	s := c.encodedRPC("RenewAppInstanceGroup", in, inQuery)
	s.nonIdempotent = true
	s.check = checkCode
	out, err := call[struct {
		OrderID string `json:"OrderId"`
	}](ctx, c, s)
	if err != nil {
		return "", err
	}
	return out.OrderID, nil
}
