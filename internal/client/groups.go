package client

import (
	"context"
	"fmt"
	"net/http"

	appstream "github.com/alibabacloud-go/appstream-center-20210901/client"
	"github.com/alibabacloud-go/tea/tea"
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

// GetAppInstanceGroup reads one group. CallApi, because SDK1's response
// lacks Tags, OfficeSiteId, AuthMode, SessionType, NodePool[].MaxIdle… and
// tea.Convert would drop them silently.
func (c *Client) GetAppInstanceGroup(ctx context.Context, id string) (*AppInstanceGroup, error) {
	p := newParams()
	p.always(inQuery, "AppInstanceGroupId", id)
	p.always(inQuery, "ProductType", ProductType)
	// Documented as a single object; the decoder also takes a one-element array.
	res, err := call[struct {
		Groups    []AppInstanceGroup `json:"AppInstanceGroupModels"`
		RequestID string             `json:"RequestId"`
	}](ctx, c, c.rpc("GetAppInstanceGroup", p))
	if err != nil {
		return nil, err
	}
	if len(res.Groups) == 0 {
		return nil, &APIError{Action: "GetAppInstanceGroup", Code: "InvalidAppInstanceGroup.NotFound",
			Message: "empty AppInstanceGroupModels for " + id, RequestID: res.RequestID, HTTPStatus: http.StatusOK, Kind: KindNotFound}
	}
	return &res.Groups[0], nil
}

// ---------- ListAppInstanceGroup ----------

// ListAppInstanceGroupsInput mirrors api-notes §2.3.
type ListAppInstanceGroupsInput struct {
	AppCenterImageID     string   `wire:"query,AppCenterImageId"`
	AppInstanceGroupID   string   `wire:"query,AppInstanceGroupId"`
	AppInstanceGroupName string   `wire:"query,AppInstanceGroupName"` // fuzzy
	BizRegionID          string   `wire:"query,BizRegionId"`
	ExcludedUserGroupIDs []string `wire:"body,ExcludedUserGroupIds"`
	NodeInstanceType     string   `wire:"query,NodeInstanceType"`
	OfficeSiteID         string   `wire:"query,OfficeSiteId"`
	PageNumber           int      `wire:"query,PageNumber"`
	PageSize             int      `wire:"query,PageSize"`
	RegionID             string   `wire:"query,RegionId"`
	Status               []string `wire:"body,Status"`
	Tags                 []Tag    `wire:"query,Tag"`
	UserGroupIDs         []string `wire:"body,UserGroupIds"`
}

// ListAppInstanceGroupsOutput is one page.
type ListAppInstanceGroupsOutput struct {
	Groups     []AppInstanceGroup `json:"AppInstanceGroupModels"`
	PageNumber int                `json:"PageNumber"`
	PageSize   int                `json:"PageSize"`
	TotalCount int                `json:"TotalCount"`
	RequestID  string             `json:"RequestId"`
}

// ListAppInstanceGroups returns one page (CallApi: Tags, ResourceTags,
// OfficeSiteId… are missing from SDK1's model; Tag/OfficeSiteId filters too).
func (c *Client) ListAppInstanceGroups(ctx context.Context, in ListAppInstanceGroupsInput) (*ListAppInstanceGroupsOutput, error) {
	return call[ListAppInstanceGroupsOutput](ctx, c, c.encodedRPC("ListAppInstanceGroup", in, inQuery))
}

// ListAllAppInstanceGroups pages through every match.
func (c *Client) ListAllAppInstanceGroups(ctx context.Context, in ListAppInstanceGroupsInput) ([]AppInstanceGroup, error) {
	return listPages[AppInstanceGroup](ctx, in, c.ListAppInstanceGroups)
}

// ---------- ModifyAppInstanceGroupAttribute ----------

// ModifyAppInstanceGroupAttributeInput mirrors api-notes §2.4; zero/nil = unchanged.
type ModifyAppInstanceGroupAttributeInput struct {
	AppInstanceGroupID   string          `wire:"query,AppInstanceGroupId,always"`
	AppInstanceGroupName string          `wire:"query,AppInstanceGroupName"`
	NodePoolID           string          `wire:"-"` // with NodeCapacity: the NodePool JSON (query)
	NodeCapacity         *int            `wire:"-"` // in the NodePool JSON
	SessionTimeout       *int            `wire:"query,SessionTimeout"`
	PerSessionPerApp     *bool           `wire:"body,PerSessionPerApp"`
	PreOpenAppID         string          `wire:"body,PreOpenAppId"`
	PreOpenMode          string          `wire:"body,PreOpenMode"`
	Network              *Network        `wire:"body,Network,json"`
	SecurityPolicy       *SecurityPolicy `wire:"body,SecurityPolicy,json"`
	StoragePolicy        *StoragePolicy  `wire:"body,StoragePolicy,json"`
}

// modifyNodePool is the NodePool JSON of ModifyAppInstanceGroupAttribute.
type modifyNodePool struct {
	NodeCapacity *int   `json:"NodeCapacity,omitempty"`
	NodePoolID   string `json:"NodePoolId,omitempty"`
}

// ModifyAppInstanceGroupAttribute changes name, session timeout, capacity
// and policies. Always CallApi: SDK1 lacks PerSessionPerApp and its
// Network/StoragePolicy structs are narrower than the API.
func (c *Client) ModifyAppInstanceGroupAttribute(ctx context.Context, in ModifyAppInstanceGroupAttributeInput) error {
	defer c.view.forget(in.AppInstanceGroupID)
	p, err := encode(in)
	if err != nil {
		return err
	}
	p.always(inQuery, "ProductType", ProductType)
	if in.NodeCapacity != nil || in.NodePoolID != "" {
		if err := p.json(inQuery, "NodePool", &modifyNodePool{NodeCapacity: in.NodeCapacity, NodePoolID: in.NodePoolID}); err != nil {
			return err
		}
	}
	s := c.rpc("ModifyAppInstanceGroupAttribute", p)
	s.check = checkCode
	_, err = call[noAnswer](ctx, c, s)
	return err
}

// ---------- UpdateAppInstanceGroupImage ----------

// UpdateAppInstanceGroupImage moves the group to another image (typed SDK1).
func (c *Client) UpdateAppInstanceGroupImage(ctx context.Context, groupID, imageID, bizRegionID string) error {
	defer c.view.forget(groupID)
	req := &appstream.UpdateAppInstanceGroupImageRequest{AppInstanceGroupId: tea.String(groupID), AppCenterImageId: tea.String(imageID),
		BizRegionId: tea.String(bizRegionID), ProductType: tea.String(ProductType)}
	s := typed("UpdateAppInstanceGroupImage", req, c.sdk.UpdateAppInstanceGroupImage)
	s.check = checkCode
	_, err := call[noAnswer](ctx, c, s)
	return err
}

// ---------- DeleteAppInstanceGroup ----------

// DeleteAppInstanceGroup deletes a PostPaid group (typed SDK1). Deleting is
// idempotent from the caller's view: a retry after an ambiguous failure
// either deletes or gets NotFound, which callers treat as success.
func (c *Client) DeleteAppInstanceGroup(ctx context.Context, groupID string) error {
	defer c.view.forget(groupID)
	req := &appstream.DeleteAppInstanceGroupRequest{AppInstanceGroupId: tea.String(groupID), ProductType: tea.String(ProductType)}
	_, err := call[noAnswer](ctx, c, typed("DeleteAppInstanceGroup", req, c.sdk.DeleteAppInstanceGroup))
	return err
}
