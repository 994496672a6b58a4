package client

import (
	"context"

	appstream "github.com/alibabacloud-go/appstream-center-20210901/client"
	"github.com/alibabacloud-go/tea/tea"
)

// ---------- AuthorizeInstanceGroup ----------

// AuthorizeInstanceGroupInput mirrors §2.8.
type AuthorizeInstanceGroupInput struct {
	AppInstanceGroupID      string    `wire:"body,AppInstanceGroupId,always"`
	AppInstancePersistentID string    `wire:"body,AppInstancePersistentId"`
	AuthorizeUserIDs        []string  `wire:"body,AuthorizeUserIds"`
	UnAuthorizeUserIDs      []string  `wire:"body,UnAuthorizeUserIds"`
	AuthorizeUserGroupIDs   []string  `wire:"body,AuthorizeUserGroupIds"`
	UnAuthorizeUserGroupIDs []string  `wire:"body,UnAuthorizeUserGroupIds"`
	AvatarID                string    `wire:"body,AvatarId"`
	UserMeta                *UserMeta `wire:"body,UserMeta,json"`
}

// AuthorizeInstanceGroup adds/removes users and user groups. CallApi:
// SDK1 lacks the user-group lists, AvatarId, AppInstancePersistentId and
// UserMeta.
func (c *Client) AuthorizeInstanceGroup(ctx context.Context, in AuthorizeInstanceGroupInput) error {
	defer c.view.forget(in.AppInstanceGroupID)
	p, err := encode(in)
	if err != nil {
		return err
	}
	p.always(inBody, "ProductType", ProductType)
	_, err = call[noAnswer](ctx, c, c.rpc("AuthorizeInstanceGroup", p))
	return err
}

// ---------- PageListAppInstanceGroupUser ----------

// PageListAppInstanceGroupUser returns one page of authorized usernames (typed SDK1).
func (c *Client) PageListAppInstanceGroupUser(ctx context.Context, groupID string, pageNumber, pageSize int) ([]string, error) {
	req := &appstream.PageListAppInstanceGroupUserRequest{AppInstanceGroupId: tea.String(groupID), ProductType: tea.String(ProductType)}
	if pageNumber > 0 {
		req.PageNumber = tea.Int32(int32(pageNumber))
	}
	if pageSize > 0 {
		req.PageSize = tea.Int32(int32(pageSize))
	}
	out, err := call[struct {
		Users []string `json:"Users"`
	}](ctx, c, typed("PageListAppInstanceGroupUser", req, c.sdk.PageListAppInstanceGroupUser))
	if err != nil {
		return nil, err
	}
	return out.Users, nil
}

// ListAllAppInstanceGroupUsers pages until a short page (the action reports
// no TotalCount).
func (c *Client) ListAllAppInstanceGroupUsers(ctx context.Context, groupID string) ([]string, error) {
	return pager[string]{size: listPageSize, fetch: func(ctx context.Context, n int, _ string) (page[string], error) {
		users, err := c.PageListAppInstanceGroupUser(ctx, groupID, n, listPageSize)
		return page[string]{items: users}, err
	}}.all(ctx)
}

// ---------- ListAuthorizedUserGroups (not in SDK1) ----------

// ListAuthorizedUserGroupsInput mirrors §2.10.
type ListAuthorizedUserGroupsInput struct {
	AppInstanceGroupID string `wire:"body,AppInstanceGroupId,always"`
	GroupID            string `wire:"body,GroupId"`
	GroupName          string `wire:"body,GroupName"`
	PageNumber         int    `wire:"body,PageNumber"`
	PageSize           int    `wire:"body,PageSize"`
}

// ListAuthorizedUserGroupsOutput is one page.
type ListAuthorizedUserGroupsOutput struct {
	UserGroups []UserGroup `json:"UserGroups"`
	PageNumber int         `json:"PageNumber"`
	PageSize   int         `json:"PageSize"`
	TotalCount int         `json:"TotalCount"`
}

// ListAuthorizedUserGroups returns one page of authorized user groups.
func (c *Client) ListAuthorizedUserGroups(ctx context.Context, in ListAuthorizedUserGroupsInput) (*ListAuthorizedUserGroupsOutput, error) {
	if in.PageNumber <= 0 {
		in.PageNumber = 1
	}
	if in.PageSize <= 0 {
		in.PageSize = listPageSize
	}
	p, err := encode(in)
	if err != nil {
		return nil, err
	}
	p.always(inBody, "ProductType", ProductType)
	return call[ListAuthorizedUserGroupsOutput](ctx, c, c.rpc("ListAuthorizedUserGroups", p))
}

// ListAllAuthorizedUserGroups pages through every authorized user group.
func (c *Client) ListAllAuthorizedUserGroups(ctx context.Context, groupID string) ([]UserGroup, error) {
	return pager[UserGroup]{size: listPageSize, fetch: func(ctx context.Context, n int, _ string) (page[UserGroup], error) {
		out, err := c.ListAuthorizedUserGroups(ctx, ListAuthorizedUserGroupsInput{AppInstanceGroupID: groupID, PageNumber: n, PageSize: listPageSize})
		if err != nil {
			return page[UserGroup]{}, err
		}
		return page[UserGroup]{items: out.UserGroups, total: out.TotalCount}, nil
	}}.all(ctx)
}
