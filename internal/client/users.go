package client

import (
	"context"

	appstream "github.com/alibabacloud-go/appstream-center-20210901/client"
	"github.com/alibabacloud-go/tea/tea"
)

// ---------- AuthorizeInstanceGroup ----------

// AuthorizeInstanceGroupInput mirrors §2.8.
type AuthorizeInstanceGroupInput struct {
	AppInstanceGroupID      string
	AppInstancePersistentID string
	AuthorizeUserIDs        []string
	UnAuthorizeUserIDs      []string
	AuthorizeUserGroupIDs   []string
	UnAuthorizeUserGroupIDs []string
	AvatarID                string
	UserMeta                *UserMeta
}

// AuthorizeInstanceGroup adds/removes users and user groups. CallApi:
// SDK1 lacks the user-group lists, AvatarId, AppInstancePersistentId and
// UserMeta.
func (c *Client) AuthorizeInstanceGroup(ctx context.Context, in AuthorizeInstanceGroupInput) error {
	defer c.view.forget(in.AppInstanceGroupID)
	p := newParams()
	b := inBody
	p.always(b, "AppInstanceGroupId", in.AppInstanceGroupID)
	p.always(b, "ProductType", ProductType)
	p.str(b, "AppInstancePersistentId", in.AppInstancePersistentID)
	p.str(b, "AvatarId", in.AvatarID)
	p.list(b, "AuthorizeUserIds", in.AuthorizeUserIDs)
	p.list(b, "UnAuthorizeUserIds", in.UnAuthorizeUserIDs)
	p.list(b, "AuthorizeUserGroupIds", in.AuthorizeUserGroupIDs)
	p.list(b, "UnAuthorizeUserGroupIds", in.UnAuthorizeUserGroupIDs)
	if err := p.json(b, "UserMeta", in.UserMeta); err != nil {
		return err
	}
	_, err := call[noAnswer](ctx, c, c.rpc("AuthorizeInstanceGroup", p))
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
	AppInstanceGroupID string
	GroupID            string
	GroupName          string
	PageNumber         int
	PageSize           int
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
		in.PageSize = 100
	}
	p := newParams()
	b := inBody
	p.always(b, "AppInstanceGroupId", in.AppInstanceGroupID)
	p.always(b, "ProductType", ProductType)
	p.str(b, "GroupId", in.GroupID)
	p.str(b, "GroupName", in.GroupName)
	p.intNZ(b, "PageNumber", in.PageNumber)
	p.intNZ(b, "PageSize", in.PageSize)
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
