package client

import (
	"context"
	"fmt"

	appstream "github.com/alibabacloud-go/appstream-center-20210901/client"
	"github.com/alibabacloud-go/tea/tea"
)

// ---------- GetResourcePrice ----------

// GetResourcePriceInput mirrors §2.18.
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
	s := viaTyped("GetResourcePrice", map[string]any{"request": req.String()}, func() (*int32, any, error) {
		r, err := c.sdk.GetResourcePrice(req)
		if err != nil {
			return nil, nil, err
		}
		return r.StatusCode, r.Body, nil
	})
	s.check = checkCode
	res, err := c.invoke(ctx, s)
	if err != nil {
		return nil, err
	}
	out := &GetResourcePriceOutput{}
	if err := decodeInto(res.body, out); err != nil {
		return nil, fmt.Errorf("GetResourcePrice: decoding response: %w", err)
	}
	return out, nil
}

// ---------- RenewAppInstanceGroup ----------

// RenewAppInstanceGroupInput mirrors §2.12.
type RenewAppInstanceGroupInput struct {
	AppInstanceGroupID string
	AutoPay            *bool
	Period             int
	PeriodUnit         string
	PromotionID        string
	RenewAmount        *int
	RenewMode          string
	RenewNodes         []string
}

// RenewAppInstanceGroup renews a subscription group and returns the order
// ID. It creates an order: never re-sent after an ambiguous failure.
// Typed SDK1 method unless RenewAmount/RenewMode/RenewNodes are set.
func (c *Client) RenewAppInstanceGroup(ctx context.Context, in RenewAppInstanceGroupInput) (orderID string, err error) {
	defer c.view.forget(in.AppInstanceGroupID)
	var s callSpec
	if in.RenewAmount != nil || in.RenewMode != "" || len(in.RenewNodes) > 0 {
		p := newParams()
		q := inQuery
		p.always(q, "AppInstanceGroupId", in.AppInstanceGroupID)
		p.always(q, "ProductType", ProductType)
		p.boolPtr(q, "AutoPay", in.AutoPay)
		p.intNZ(q, "Period", in.Period)
		p.str(q, "PeriodUnit", in.PeriodUnit)
		p.str(q, "PromotionId", in.PromotionID)
		p.intPtr(q, "RenewAmount", in.RenewAmount)
		p.str(q, "RenewMode", in.RenewMode)
		if len(in.RenewNodes) > 0 {
			if err := p.json(q, "RenewNodes", in.RenewNodes); err != nil {
				return "", err
			}
		}
		s = c.viaCallAPI("RenewAppInstanceGroup", p.query, p.body)
	} else {
		req := &appstream.RenewAppInstanceGroupRequest{AppInstanceGroupId: tea.String(in.AppInstanceGroupID), ProductType: tea.String(ProductType),
			AutoPay: in.AutoPay, PeriodUnit: strPtr(in.PeriodUnit), PromotionId: strPtr(in.PromotionID)}
		if in.Period != 0 {
			req.Period = tea.Int32(int32(in.Period))
		}
		s = viaTyped("RenewAppInstanceGroup", map[string]any{"request": req.String()}, func() (*int32, any, error) {
			r, err := c.sdk.RenewAppInstanceGroup(req)
			if err != nil {
				return nil, nil, err
			}
			return r.StatusCode, r.Body, nil
		})
	}
	s.nonIdempotent = true
	s.check = checkCode
	res, err := c.invoke(ctx, s)
	if err != nil {
		return "", err
	}
	return firstString(res.body, "OrderId"), nil
}
