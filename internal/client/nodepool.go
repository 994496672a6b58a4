package client

import (
	"context"
)

// ---------- ModifyNodePoolAttribute ----------

// ModifyNodePoolAttributeInput mirrors api-notes §2.5.
type ModifyNodePoolAttributeInput struct {
	PoolID       string            `wire:"body,PoolId"`
	BizRegionID  string            `wire:"body,BizRegionId"`
	NodeCapacity *int              `wire:"body,NodeCapacity"`
	Strategy     *NodePoolStrategy `wire:"-"` // the NodePoolStrategy JSON, without the Create-only keys
}

// ModifyNodePoolAttribute changes a pool's scaling strategy. CallApi:
// SDK1's strategy lacks MaxIdleAppInstanceAmount.
func (c *Client) ModifyNodePoolAttribute(ctx context.Context, in ModifyNodePoolAttributeInput) error {
	defer c.view.forgetPool(in.PoolID)
	p, err := encode(in)
	if err != nil {
		return err
	}
	p.always(inBody, "ProductType", ProductType)
	if in.Strategy != nil {
		st := *in.Strategy
		st.NodeInstanceType, st.NodeCapacity = "", nil // Create-only keys
		if err := p.json(inBody, "NodePoolStrategy", &st); err != nil {
			return err
		}
	}
	s := c.rpc("ModifyNodePoolAttribute", p)
	s.check = checkCode
	_, err = call[noAnswer](ctx, c, s)
	return err
}

// ---------- ModifyNodePoolAmount (not in SDK1) ----------

// ModifyNodePoolAmountInput mirrors api-notes §2.6.
type ModifyNodePoolAmountInput struct {
	AppInstanceGroupID string   `wire:"body,AppInstanceGroupId,always"`
	NodeAmount         int      `wire:"-"` // in the NodePool JSON: total subscription nodes after the change
	ModifyMode         string   `wire:"-"` // in the NodePool JSON
	ModifyNodeIDs      []string `wire:"-"` // in the NodePool JSON
}

// ModifyNodePoolAmount changes PrePaid node count; it creates an order, so
// it is not re-sent after an ambiguous failure (*AmbiguousError instead).
func (c *Client) ModifyNodePoolAmount(ctx context.Context, in ModifyNodePoolAmountInput) (orderID string, err error) {
	defer c.view.forget(in.AppInstanceGroupID)
	p, err := encode(in)
	if err != nil {
		return "", err
	}
	p.always(inBody, "ProductType", ProductType)
	np := struct {
		NodeAmount                     int      `json:"NodeAmount"`
		PrePaidNodeAmountModifyMode    string   `json:"PrePaidNodeAmountModifyMode,omitempty"`
		PrePaidNodeAmountModifyNodeIDs []string `json:"PrePaidNodeAmountModifyNodeIds,omitempty"`
	}{in.NodeAmount, in.ModifyMode, in.ModifyNodeIDs}
	if err := p.json(inBody, "NodePool", &np); err != nil {
		return "", err
	}
	s := c.rpc("ModifyNodePoolAmount", p)
	s.nonIdempotent = true
	out, err := call[struct {
		Data struct {
			OrderID string `json:"OrderId"`
		} `json:"Data"`
	}](ctx, c, s)
	if err != nil {
		return "", err
	}
	return out.Data.OrderID, nil
}
