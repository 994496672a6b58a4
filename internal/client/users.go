package client

import (
	"context"
	"fmt"

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

// AuthorizeInstanceGroup adds/removes users and user groups. Typed SDK1
// method when only user IDs are involved; CallApi otherwise.
func (c *Client) AuthorizeInstanceGroup(ctx context.Context, in AuthorizeInstanceGroupInput) error {
	defer c.view.forget(in.AppInstanceGroupID)
	if in.AppInstancePersistentID != "" || len(in.AuthorizeUserGroupIDs) > 0 || len(in.UnAuthorizeUserGroupIDs) > 0 || in.AvatarID != "" || in.UserMeta != nil {
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
		_, err := c.invoke(ctx, c.viaCallAPI("AuthorizeInstanceGroup", p.query, p.body))
		return err
	}
	req := &appstream.AuthorizeInstanceGroupRequest{AppInstanceGroupId: tea.String(in.AppInstanceGroupID), ProductType: tea.String(ProductType),
		AuthorizeUserIds: tea.StringSlice(in.AuthorizeUserIDs), UnAuthorizeUserIds: tea.StringSlice(in.UnAuthorizeUserIDs)}
	if len(in.AuthorizeUserIDs) == 0 {
		req.AuthorizeUserIds = nil
	}
	if len(in.UnAuthorizeUserIDs) == 0 {
		req.UnAuthorizeUserIds = nil
	}
	_, err := c.invoke(ctx, viaTyped("AuthorizeInstanceGroup", map[string]any{"request": req.String()}, func() (*int32, any, error) {
		r, err := c.sdk.AuthorizeInstanceGroup(req)
		if err != nil {
			return nil, nil, err
		}
		return r.StatusCode, r.Body, nil
	}))
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
	res, err := c.invoke(ctx, viaTyped("PageListAppInstanceGroupUser", map[string]any{"request": req.String()}, func() (*int32, any, error) {
		r, err := c.sdk.PageListAppInstanceGroupUser(req)
		if err != nil {
			return nil, nil, err
		}
		return r.StatusCode, r.Body, nil
	}))
	if err != nil {
		return nil, err
	}
	var out struct {
		Users []string `json:"Users"`
	}
	if err := decodeInto(res.body, &out); err != nil {
		return nil, fmt.Errorf("PageListAppInstanceGroupUser: decoding response: %w", err)
	}
	return out.Users, nil
}

// ListAllAppInstanceGroupUsers pages until a short page (no TotalCount exists).
func (c *Client) ListAllAppInstanceGroupUsers(ctx context.Context, groupID string) ([]string, error) {
	const size = 100
	var all []string
	for page := 1; page <= maxPages; page++ {
		users, err := c.PageListAppInstanceGroupUser(ctx, groupID, page, size)
		if err != nil {
			return nil, err
		}
		all = append(all, users...)
		if len(users) < size {
			break
		}
	}
	return all, nil
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
	res, err := c.invoke(ctx, c.viaCallAPI("ListAuthorizedUserGroups", p.query, p.body))
	if err != nil {
		return nil, err
	}
	out := &ListAuthorizedUserGroupsOutput{}
	if err := decodeInto(res.body, out); err != nil {
		return nil, fmt.Errorf("ListAuthorizedUserGroups: decoding response: %w", err)
	}
	return out, nil
}

// ListAllAuthorizedUserGroups pages through every authorized user group.
func (c *Client) ListAllAuthorizedUserGroups(ctx context.Context, groupID string) ([]UserGroup, error) {
	var all []UserGroup
	for page := 1; page <= maxPages; page++ {
		out, err := c.ListAuthorizedUserGroups(ctx, ListAuthorizedUserGroupsInput{AppInstanceGroupID: groupID, PageNumber: page, PageSize: 100})
		if err != nil {
			return nil, err
		}
		all = append(all, out.UserGroups...)
		if len(out.UserGroups) < 100 || (out.TotalCount > 0 && len(all) >= out.TotalCount) {
			break
		}
	}
	return all, nil
}
