package client

import (
	"context"
)

// ---------- ModifyAppPolicy (not in SDK1) ----------

// ModifyAppPolicy changes the display settings of a policy object; the
// VideoPolicy JSON goes in the query (api-notes §2.7).
func (c *Client) ModifyAppPolicy(ctx context.Context, appPolicyID string, vp *VideoPolicy) error {
	p := newParams()
	p.always(inQuery, "AppPolicyId", appPolicyID)
	p.always(inQuery, "ProductType", ProductType)
	if err := p.json(inQuery, "VideoPolicy", vp); err != nil {
		return err
	}
	_, err := call[noAnswer](ctx, c, c.rpc("ModifyAppPolicy", p))
	return err
}
