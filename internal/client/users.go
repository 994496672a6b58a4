package client

import (
	"context"

	appstream "github.com/alibabacloud-go/appstream-center-20210901/client"
	"github.com/alibabacloud-go/tea/tea"
)

// ---------- AuthorizeInstanceGroup ----------

// AuthorizeInstanceGroupInput mirrors api-notes §2.8.
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
	_, err := call[noAnswer](ctx, c, c.encodedRPC("AuthorizeInstanceGroup", in, inBody))
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
	return listAll[string](ctx, listPageSize, "", func(ctx context.Context, n int, _ string) (userNames, error) {
		users, err := c.PageListAppInstanceGroupUser(ctx, groupID, n, listPageSize)
		return userNames(users), err
	})
}

// ---------- ListAuthorizedUserGroups (not in SDK1) ----------

// ListAuthorizedUserGroupsInput mirrors api-notes §2.10.
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
	firstPage(&in.PageNumber, &in.PageSize)
	return call[ListAuthorizedUserGroupsOutput](ctx, c, c.encodedRPC("ListAuthorizedUserGroups", in, inBody))
}

// ListAllAuthorizedUserGroups pages through every authorized user group.
func (c *Client) ListAllAuthorizedUserGroups(ctx context.Context, groupID string) ([]UserGroup, error) {
	return listPages[UserGroup](ctx, ListAuthorizedUserGroupsInput{AppInstanceGroupID: groupID}, c.ListAuthorizedUserGroups)
}
