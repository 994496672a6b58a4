package client

import (
	"context"
	"net/http"

	appstream "github.com/alibabacloud-go/appstream-center-20210901/client"
	"github.com/alibabacloud-go/tea/tea"
)

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
