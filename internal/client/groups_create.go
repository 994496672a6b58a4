package client

import (
	"context"
	"fmt"
)

// ---------- CreateAppInstanceGroup ----------

// CreateAppInstanceGroupInput mirrors api-notes §2.1. Pointers are sent only when set.
type CreateAppInstanceGroupInput struct {
	AppCenterImageID     string            `wire:"body,AppCenterImageId"`
	AppInstanceGroupName string            `wire:"body,AppInstanceGroupName"` // also the reconciliation key after an ambiguous failure
	AppPackageType       string            `wire:"body,AppPackageType"`
	AppPolicyID          string            `wire:"body,AppPolicyId"`
	AuthMode             string            `wire:"body,AuthMode"`
	AutoPay              *bool             `wire:"body,AutoPay"`
	AutoRenew            *bool             `wire:"body,AutoRenew"`
	BizRegionID          string            `wire:"body,BizRegionId"`
	ChargeResourceMode   string            `wire:"body,ChargeResourceMode"`
	ChargeType           string            `wire:"body,ChargeType"`
	ClusterID            string            `wire:"body,ClusterId"`
	Network              *Network          `wire:"body,Network,json"`
	NodePool             *NodePoolStrategy `wire:"body,NodePool,json"`
	Period               int               `wire:"body,Period"`
	PeriodUnit           string            `wire:"body,PeriodUnit"`
	PreOpenAppID         string            `wire:"body,PreOpenAppId"`
	PromotionID          string            `wire:"body,PromotionId"`
	RuntimePolicy        *RuntimePolicy    `wire:"body,RuntimePolicy,json"`
	SecurityPolicy       *SecurityPolicy   `wire:"body,SecurityPolicy,json"`
	SessionTimeout       *int              `wire:"body,SessionTimeout"`
	StoragePolicy        *StoragePolicy    `wire:"body,StoragePolicy,json"`
	SubPayType           string            `wire:"body,SubPayType"`
	UserDefinePolicy     *UserDefinePolicy `wire:"query,UserDefinePolicy,json"`
	UserGroupIDs         []string          `wire:"body,UserGroupIds"`
	UserInfo             *UserInfo         `wire:"body,UserInfo,json"`
	Users                []string          `wire:"body,Users"`
	VideoPolicy          *VideoPolicy      `wire:"body,VideoPolicy,json"`
}

// CreateAppInstanceGroupOutput is the created group. Reconciled is true when
// the group was found by name after an ambiguous failure (OrderID unknown).
type CreateAppInstanceGroupOutput struct {
	AppInstanceGroupID string `json:"AppInstanceGroupId"`
	NodePoolID         string `json:"NodePoolId"`
	OrderID            string `json:"OrderId"`
	RequestID          string `json:"-"`
	Reconciled         bool   `json:"-"`
}

// createSpec always goes through CallApiWithCtx: SDK1's request lacks many
// fields (AppPolicyId, AuthMode, VideoPolicy, UserGroupIds, SubPayType…) and
// its Network/NodePool/StoragePolicy structs are narrower than ours, so a
// typed path would silently drop settings on the one call that places an
// order. One encoding path for every create also keeps reconciliation simple.
func (c *Client) createSpec(in CreateAppInstanceGroupInput) (callSpec, error) {
	s := c.encodedRPC("CreateAppInstanceGroup", in, inBody)
	s.nonIdempotent = true
	return s, s.encodeErr
}

// CreateAppInstanceGroup creates (publishes) a delivery group. It places an
// order, so it is never re-sent blindly after an ambiguous failure (sent but
// no answer): it first lists groups by name; a new group with exactly that
// name is returned as the result, none means it is safe to send again, and
// with an empty name an *AmbiguousError is returned.
func (c *Client) CreateAppInstanceGroup(ctx context.Context, in CreateAppInstanceGroupInput) (*CreateAppInstanceGroupOutput, error) {
	spec, err := c.createSpec(in)
	if err != nil {
		return nil, err
	}
	// Snapshot of same-named groups before the first attempt, so that an
	// older group with the same name is never mistaken for ours.
	var before map[string]bool
	if in.AppInstanceGroupName != "" {
		before, err = c.groupIDsByName(ctx, in.AppInstanceGroupName)
		if err != nil {
			return nil, fmt.Errorf("CreateAppInstanceGroup: listing groups named %q before create: %w", in.AppInstanceGroupName, err)
		}
	}
	for sends := 1; ; sends++ {
		res, err := call[struct {
			Group     CreateAppInstanceGroupOutput `json:"AppInstanceGroupModel"`
			RequestID string                       `json:"RequestId"`
		}](ctx, c, spec)
		if err == nil {
			res.Group.RequestID = res.RequestID
			return &res.Group, nil
		}
		amb, ok := err.(*AmbiguousError)
		if !ok {
			return nil, err
		}
		if in.AppInstanceGroupName == "" {
			amb.Detail = "no group name to reconcile by; check the console before retrying"
			return nil, amb
		}
		logDebug(ctx, "appstreaming create outcome unknown, reconciling by name", map[string]any{"action": "CreateAppInstanceGroup", "attempt": sends})
		now, lerr := c.listGroupsByName(ctx, in.AppInstanceGroupName)
		if lerr != nil {
			amb.Detail = fmt.Sprintf("reconciliation by name %q failed: %v", in.AppInstanceGroupName, lerr)
			return nil, amb
		}
		var fresh []AppInstanceGroup
		for _, g := range now {
			if !before[g.AppInstanceGroupID] {
				fresh = append(fresh, g)
			}
		}
		switch {
		case len(fresh) == 1:
			g := fresh[0]
			out := &CreateAppInstanceGroupOutput{AppInstanceGroupID: g.AppInstanceGroupID, Reconciled: true}
			if len(g.NodePool) > 0 {
				out.NodePoolID = g.NodePool[0].NodePoolID
			}
			return out, nil
		case len(fresh) > 1:
			amb.Detail = fmt.Sprintf("%d new groups named %q exist", len(fresh), in.AppInstanceGroupName)
			return nil, amb
		}
		// Nothing was created: sending again is safe, within the retry budget.
		if sends > c.maxRetries {
			amb.Detail = fmt.Sprintf("no group named %q was created; giving up after %d sends", in.AppInstanceGroupName, sends)
			return nil, amb
		}
	}
}

func (c *Client) listGroupsByName(ctx context.Context, name string) ([]AppInstanceGroup, error) {
	all, err := c.ListAllAppInstanceGroups(ctx, ListAppInstanceGroupsInput{AppInstanceGroupName: name})
	if err != nil {
		return nil, err
	}
	// The name filter is a fuzzy match; keep exact matches only.
	var out []AppInstanceGroup
	for _, g := range all {
		if g.AppInstanceGroupName == name {
			out = append(out, g)
		}
	}
	return out, nil
}

// ---------- GetAppInstanceGroup ----------
