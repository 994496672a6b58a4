package client

import (
	"context"
	"fmt"
	"strconv"

	appstream "github.com/alibabacloud-go/appstream-center-20210901/client"
	"github.com/alibabacloud-go/tea/tea"
)

// ---------- ModifyNodePoolAttribute ----------

// ModifyNodePoolAttributeInput mirrors §2.5.
type ModifyNodePoolAttributeInput struct {
	PoolID       string
	BizRegionID  string
	NodeCapacity *int
	Strategy     *NodePoolStrategy
}

// ModifyNodePoolAttribute changes a pool's scaling strategy. Typed SDK1
// method unless MaxIdleAppInstanceAmount is set (SDK1 lacks it).
func (c *Client) ModifyNodePoolAttribute(ctx context.Context, in ModifyNodePoolAttributeInput) error {
	defer c.view.forgetPool(in.PoolID)
	if in.Strategy != nil && (in.Strategy.MaxIdleAppInstanceAmount != nil || in.Strategy.NodeInstanceType != "" || in.Strategy.NodeCapacity != nil) {
		p := newParams()
		b := inBody
		p.always(b, "ProductType", ProductType)
		p.str(b, "PoolId", in.PoolID)
		p.str(b, "BizRegionId", in.BizRegionID)
		p.intPtr(b, "NodeCapacity", in.NodeCapacity)
		st := *in.Strategy
		st.NodeInstanceType, st.NodeCapacity = "", nil // Create-only keys
		if err := p.json(b, "NodePoolStrategy", &st); err != nil {
			return err
		}
		s := c.viaCallAPI("ModifyNodePoolAttribute", p.query, p.body)
		s.check = checkCode
		_, err := c.invoke(ctx, s)
		return err
	}
	req := &appstream.ModifyNodePoolAttributeRequest{ProductType: tea.String(ProductType), PoolId: strPtr(in.PoolID), BizRegionId: strPtr(in.BizRegionID), NodeCapacity: int32Ptr(in.NodeCapacity)}
	if st := in.Strategy; st != nil {
		ns := &appstream.ModifyNodePoolAttributeRequestNodePoolStrategy{
			MaxScalingAmount: int32Ptr(st.MaxScalingAmount), NodeAmount: int32Ptr(st.NodeAmount),
			ScalingDownAfterIdleMinutes: int32Ptr(st.ScalingDownAfterIdleMinutes), ScalingStep: int32Ptr(st.ScalingStep),
			StrategyDisableDate: strPtr(st.StrategyDisableDate), StrategyEnableDate: strPtr(st.StrategyEnableDate),
			StrategyType: strPtr(st.StrategyType), WarmUp: st.WarmUp,
		}
		if st.ScalingUsageThreshold != nil {
			ns.ScalingUsageThreshold = tea.String(strconv.Itoa(*st.ScalingUsageThreshold))
		}
		for _, rs := range st.RecurrenceSchedules {
			r := &appstream.ModifyNodePoolAttributeRequestNodePoolStrategyRecurrenceSchedules{RecurrenceType: strPtr(rs.RecurrenceType)}
			for _, v := range rs.RecurrenceValues {
				r.RecurrenceValues = append(r.RecurrenceValues, tea.Int32(int32(v)))
			}
			for _, tp := range rs.TimerPeriods {
				r.TimerPeriods = append(r.TimerPeriods, &appstream.ModifyNodePoolAttributeRequestNodePoolStrategyRecurrenceSchedulesTimerPeriods{
					Amount: tea.Int32(int32(tp.Amount)), EndTime: tea.String(tp.EndTime), StartTime: tea.String(tp.StartTime)})
			}
			ns.RecurrenceSchedules = append(ns.RecurrenceSchedules, r)
		}
		req.NodePoolStrategy = ns
	}
	s := viaTyped("ModifyNodePoolAttribute", map[string]any{"request": req.String()}, func() (*int32, any, error) {
		r, err := c.sdk.ModifyNodePoolAttribute(req)
		if err != nil {
			return nil, nil, err
		}
		return r.StatusCode, r.Body, nil
	})
	s.check = checkCode
	_, err := c.invoke(ctx, s)
	return err
}

// ---------- ModifyNodePoolAmount (not in SDK1) ----------

// ModifyNodePoolAmountInput mirrors §2.6.
type ModifyNodePoolAmountInput struct {
	AppInstanceGroupID string
	NodeAmount         int // total subscription nodes after the change
	ModifyMode         string
	ModifyNodeIDs      []string
}

// ModifyNodePoolAmount changes PrePaid node count; it creates an order, so
// it is not re-sent after an ambiguous failure (*AmbiguousError instead).
func (c *Client) ModifyNodePoolAmount(ctx context.Context, in ModifyNodePoolAmountInput) (orderID string, err error) {
	defer c.view.forget(in.AppInstanceGroupID)
	p := newParams()
	p.always(inBody, "AppInstanceGroupId", in.AppInstanceGroupID)
	p.always(inBody, "ProductType", ProductType)
	np := struct {
		NodeAmount                     int      `json:"NodeAmount"`
		PrePaidNodeAmountModifyMode    string   `json:"PrePaidNodeAmountModifyMode,omitempty"`
		PrePaidNodeAmountModifyNodeIDs []string `json:"PrePaidNodeAmountModifyNodeIds,omitempty"`
	}{in.NodeAmount, in.ModifyMode, in.ModifyNodeIDs}
	if err := p.json(inBody, "NodePool", &np); err != nil {
		return "", err
	}
	s := c.viaCallAPI("ModifyNodePoolAmount", p.query, p.body)
	s.nonIdempotent = true
	res, err := c.invoke(ctx, s)
	if err != nil {
		return "", err
	}
	var out struct {
		Data struct {
			OrderID string `json:"OrderId"`
		} `json:"Data"`
	}
	if err := decodeInto(res.body, &out); err != nil {
		return "", fmt.Errorf("ModifyNodePoolAmount: decoding response: %w", err)
	}
	return out.Data.OrderID, nil
}
