package client

import (
	"context"
	"fmt"
	"strconv"

	appstream "github.com/alibabacloud-go/appstream-center-20210901/client"
	"github.com/alibabacloud-go/tea/tea"
)

// ---------- CreateAppInstanceGroup ----------

// CreateAppInstanceGroupInput mirrors §2.1. Pointers are sent only when set.
type CreateAppInstanceGroupInput struct {
	AppCenterImageID     string
	AppInstanceGroupName string // also the reconciliation key after an ambiguous failure
	AppPackageType       string
	AppPolicyID          string
	AuthMode             string
	AutoPay              *bool
	AutoRenew            *bool
	BizRegionID          string
	ChargeResourceMode   string
	ChargeType           string
	ClusterID            string
	Network              *Network
	NodePool             *NodePoolStrategy
	Period               int
	PeriodUnit           string
	PreOpenAppID         string
	PromotionID          string
	RuntimePolicy        *RuntimePolicy
	SecurityPolicy       *SecurityPolicy
	SessionTimeout       *int
	StoragePolicy        *StoragePolicy
	SubPayType           string
	UserDefinePolicy     *UserDefinePolicy
	UserGroupIDs         []string
	UserInfo             *UserInfo
	Users                []string
	VideoPolicy          *VideoPolicy
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
	p := newParams()
	b := inBody
	p.always(b, "ProductType", ProductType)
	p.str(b, "AppCenterImageId", in.AppCenterImageID)
	p.str(b, "AppInstanceGroupName", in.AppInstanceGroupName)
	p.str(b, "AppPackageType", in.AppPackageType)
	p.str(b, "AppPolicyId", in.AppPolicyID)
	p.str(b, "AuthMode", in.AuthMode)
	p.boolPtr(b, "AutoPay", in.AutoPay)
	p.boolPtr(b, "AutoRenew", in.AutoRenew)
	p.str(b, "BizRegionId", in.BizRegionID)
	p.str(b, "ChargeResourceMode", in.ChargeResourceMode)
	p.str(b, "ChargeType", in.ChargeType)
	p.str(b, "ClusterId", in.ClusterID)
	p.intNZ(b, "Period", in.Period)
	p.str(b, "PeriodUnit", in.PeriodUnit)
	p.str(b, "PreOpenAppId", in.PreOpenAppID)
	p.str(b, "PromotionId", in.PromotionID)
	p.intPtr(b, "SessionTimeout", in.SessionTimeout)
	p.str(b, "SubPayType", in.SubPayType)
	p.list(b, "UserGroupIds", in.UserGroupIDs)
	p.list(b, "Users", in.Users)
	for _, j := range []struct {
		w   place
		key string
		v   any
	}{
		{b, "Network", in.Network}, {b, "NodePool", in.NodePool}, {b, "RuntimePolicy", in.RuntimePolicy},
		{b, "SecurityPolicy", in.SecurityPolicy}, {b, "StoragePolicy", in.StoragePolicy}, {b, "UserInfo", in.UserInfo},
		{b, "VideoPolicy", in.VideoPolicy}, {inQuery, "UserDefinePolicy", in.UserDefinePolicy},
	} {
		if err := p.json(j.w, j.key, j.v); err != nil {
			return callSpec{}, err
		}
	}
	s := c.viaCallAPI("CreateAppInstanceGroup", p.query, p.body)
	s.nonIdempotent = true
	return s, nil
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
		res, err := c.invoke(ctx, spec)
		if err == nil {
			out := &CreateAppInstanceGroupOutput{RequestID: firstString(res.body, "RequestId")}
			if err := decodeInto(res.body["AppInstanceGroupModel"], out); err != nil {
				return nil, fmt.Errorf("CreateAppInstanceGroup: decoding response: %w", err)
			}
			return out, nil
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
		if sends > c.cfg.MaxRetries {
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
	res, err := c.invoke(ctx, c.viaCallAPI("GetAppInstanceGroup", p.query, p.body))
	if err != nil {
		return nil, err
	}
	raw := res.body["AppInstanceGroupModels"]
	// Documented as a single object; tolerate a one-element array.
	if arr, ok := raw.([]any); ok {
		if len(arr) == 0 {
			raw = nil
		} else {
			raw = arr[0]
		}
	}
	if raw == nil {
		return nil, &APIError{Action: "GetAppInstanceGroup", Code: "InvalidAppInstanceGroup.NotFound",
			Message: "empty AppInstanceGroupModels for " + id, RequestID: firstString(res.body, "RequestId"), HTTPStatus: res.status, Kind: KindNotFound}
	}
	g := &AppInstanceGroup{}
	if err := decodeInto(raw, g); err != nil {
		return nil, fmt.Errorf("GetAppInstanceGroup: decoding response: %w", err)
	}
	return g, nil
}

// ---------- ListAppInstanceGroup ----------

// ListAppInstanceGroupsInput mirrors §2.3.
type ListAppInstanceGroupsInput struct {
	AppCenterImageID     string
	AppInstanceGroupID   string
	AppInstanceGroupName string // fuzzy
	BizRegionID          string
	ExcludedUserGroupIDs []string
	NodeInstanceType     string
	OfficeSiteID         string
	PageNumber           int
	PageSize             int
	RegionID             string
	Status               []string
	Tags                 []Tag
	UserGroupIDs         []string
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
	p := newParams()
	q := inQuery
	p.always(q, "ProductType", ProductType)
	p.str(q, "AppCenterImageId", in.AppCenterImageID)
	p.str(q, "AppInstanceGroupId", in.AppInstanceGroupID)
	p.str(q, "AppInstanceGroupName", in.AppInstanceGroupName)
	p.str(q, "BizRegionId", in.BizRegionID)
	p.str(q, "NodeInstanceType", in.NodeInstanceType)
	p.str(q, "OfficeSiteId", in.OfficeSiteID)
	p.intNZ(q, "PageNumber", in.PageNumber)
	p.intNZ(q, "PageSize", in.PageSize)
	p.str(q, "RegionId", in.RegionID)
	p.tags(q, "Tag", in.Tags)
	p.list(inBody, "ExcludedUserGroupIds", in.ExcludedUserGroupIDs)
	p.list(inBody, "Status", in.Status)
	p.list(inBody, "UserGroupIds", in.UserGroupIDs)
	res, err := c.invoke(ctx, c.viaCallAPI("ListAppInstanceGroup", p.query, p.body))
	if err != nil {
		return nil, err
	}
	out := &ListAppInstanceGroupsOutput{}
	if err := decodeInto(res.body, out); err != nil {
		return nil, fmt.Errorf("ListAppInstanceGroup: decoding response: %w", err)
	}
	return out, nil
}

// ListAllAppInstanceGroups pages through every match with PageSize 100.
func (c *Client) ListAllAppInstanceGroups(ctx context.Context, in ListAppInstanceGroupsInput) ([]AppInstanceGroup, error) {
	in.PageSize = 100
	var all []AppInstanceGroup
	for page := 1; ; page++ {
		in.PageNumber = page
		out, err := c.ListAppInstanceGroups(ctx, in)
		if err != nil {
			return nil, err
		}
		all = append(all, out.Groups...)
		if len(out.Groups) < in.PageSize || (out.TotalCount > 0 && len(all) >= out.TotalCount) || page >= maxPages {
			return all, nil
		}
	}
}

// maxPages guards pagers against a server that never ends a listing.
const maxPages = 1000

// ---------- ModifyAppInstanceGroupAttribute ----------

// ModifyAppInstanceGroupAttributeInput mirrors §2.4; zero/nil = unchanged.
type ModifyAppInstanceGroupAttributeInput struct {
	AppInstanceGroupID   string
	AppInstanceGroupName string
	NodePoolID           string // with NodeCapacity: the NodePool JSON (query)
	NodeCapacity         *int
	SessionTimeout       *int
	PerSessionPerApp     *bool
	PreOpenAppID         string
	PreOpenMode          string
	Network              *Network
	SecurityPolicy       *SecurityPolicy
	StoragePolicy        *StoragePolicy
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
	p := newParams()
	q, b := inQuery, inBody
	p.always(q, "AppInstanceGroupId", in.AppInstanceGroupID)
	p.always(q, "ProductType", ProductType)
	p.str(q, "AppInstanceGroupName", in.AppInstanceGroupName)
	p.intPtr(q, "SessionTimeout", in.SessionTimeout)
	if in.NodeCapacity != nil || in.NodePoolID != "" {
		if err := p.json(q, "NodePool", &modifyNodePool{NodeCapacity: in.NodeCapacity, NodePoolID: in.NodePoolID}); err != nil {
			return err
		}
	}
	p.boolPtr(b, "PerSessionPerApp", in.PerSessionPerApp)
	p.str(b, "PreOpenAppId", in.PreOpenAppID)
	p.str(b, "PreOpenMode", in.PreOpenMode)
	for _, j := range []struct {
		key string
		v   any
	}{{"Network", in.Network}, {"SecurityPolicy", in.SecurityPolicy}, {"StoragePolicy", in.StoragePolicy}} {
		if err := p.json(b, j.key, j.v); err != nil {
			return err
		}
	}
	s := c.viaCallAPI("ModifyAppInstanceGroupAttribute", p.query, p.body)
	s.check = checkCode
	_, err := c.invoke(ctx, s)
	return err
}

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

// ---------- ModifyAppPolicy (not in SDK1) ----------

// ModifyAppPolicy changes the display settings of a policy object; the
// VideoPolicy JSON goes in the query (§2.7).
func (c *Client) ModifyAppPolicy(ctx context.Context, appPolicyID string, vp *VideoPolicy) error {
	p := newParams()
	p.always(inQuery, "AppPolicyId", appPolicyID)
	p.always(inQuery, "ProductType", ProductType)
	if err := p.json(inQuery, "VideoPolicy", vp); err != nil {
		return err
	}
	_, err := c.invoke(ctx, c.viaCallAPI("ModifyAppPolicy", p.query, p.body))
	return err
}

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

// ---------- UpdateAppInstanceGroupImage ----------

// UpdateAppInstanceGroupImage moves the group to another image (typed SDK1).
func (c *Client) UpdateAppInstanceGroupImage(ctx context.Context, groupID, imageID, bizRegionID string) error {
	defer c.view.forget(groupID)
	req := &appstream.UpdateAppInstanceGroupImageRequest{AppInstanceGroupId: tea.String(groupID), AppCenterImageId: tea.String(imageID),
		BizRegionId: tea.String(bizRegionID), ProductType: tea.String(ProductType)}
	s := viaTyped("UpdateAppInstanceGroupImage", map[string]any{"request": req.String()}, func() (*int32, any, error) {
		r, err := c.sdk.UpdateAppInstanceGroupImage(req)
		if err != nil {
			return nil, nil, err
		}
		return r.StatusCode, r.Body, nil
	})
	s.check = checkCode
	_, err := c.invoke(ctx, s)
	return err
}

// ---------- RenewAppInstanceGroup ----------

// RenewAppInstanceGroupInput mirrors §2.12.
type RenewAppInstanceGroupInput struct {
	AppInstanceGroupID string
	AutoPay            *bool
	Period             int
	PeriodUnit         string
	PromotionID        string
	RenewAmount        *int
	RenewMode          string
	RenewNodes         []string
}

// RenewAppInstanceGroup renews a subscription group and returns the order
// ID. It creates an order: never re-sent after an ambiguous failure.
// Typed SDK1 method unless RenewAmount/RenewMode/RenewNodes are set.
func (c *Client) RenewAppInstanceGroup(ctx context.Context, in RenewAppInstanceGroupInput) (orderID string, err error) {
	defer c.view.forget(in.AppInstanceGroupID)
	var s callSpec
	if in.RenewAmount != nil || in.RenewMode != "" || len(in.RenewNodes) > 0 {
		p := newParams()
		q := inQuery
		p.always(q, "AppInstanceGroupId", in.AppInstanceGroupID)
		p.always(q, "ProductType", ProductType)
		p.boolPtr(q, "AutoPay", in.AutoPay)
		p.intNZ(q, "Period", in.Period)
		p.str(q, "PeriodUnit", in.PeriodUnit)
		p.str(q, "PromotionId", in.PromotionID)
		p.intPtr(q, "RenewAmount", in.RenewAmount)
		p.str(q, "RenewMode", in.RenewMode)
		if len(in.RenewNodes) > 0 {
			if err := p.json(q, "RenewNodes", in.RenewNodes); err != nil {
				return "", err
			}
		}
		s = c.viaCallAPI("RenewAppInstanceGroup", p.query, p.body)
	} else {
		req := &appstream.RenewAppInstanceGroupRequest{AppInstanceGroupId: tea.String(in.AppInstanceGroupID), ProductType: tea.String(ProductType),
			AutoPay: in.AutoPay, PeriodUnit: strPtr(in.PeriodUnit), PromotionId: strPtr(in.PromotionID)}
		if in.Period != 0 {
			req.Period = tea.Int32(int32(in.Period))
		}
		s = viaTyped("RenewAppInstanceGroup", map[string]any{"request": req.String()}, func() (*int32, any, error) {
			r, err := c.sdk.RenewAppInstanceGroup(req)
			if err != nil {
				return nil, nil, err
			}
			return r.StatusCode, r.Body, nil
		})
	}
	s.nonIdempotent = true
	s.check = checkCode
	res, err := c.invoke(ctx, s)
	if err != nil {
		return "", err
	}
	return firstString(res.body, "OrderId"), nil
}

// ---------- DeleteAppInstanceGroup ----------

// DeleteAppInstanceGroup deletes a PostPaid group (typed SDK1). Deleting is
// idempotent from the caller's view: a retry after an ambiguous failure
// either deletes or gets NotFound, which callers treat as success.
func (c *Client) DeleteAppInstanceGroup(ctx context.Context, groupID string) error {
	defer c.view.forget(groupID)
	req := &appstream.DeleteAppInstanceGroupRequest{AppInstanceGroupId: tea.String(groupID), ProductType: tea.String(ProductType)}
	_, err := c.invoke(ctx, viaTyped("DeleteAppInstanceGroup", map[string]any{"request": req.String()}, func() (*int32, any, error) {
		r, err := c.sdk.DeleteAppInstanceGroup(req)
		if err != nil {
			return nil, nil, err
		}
		return r.StatusCode, r.Body, nil
	}))
	return err
}

// ---------- LogOffAllSessionsInAppInstanceGroup ----------

// LogOffAllSessionsInAppInstanceGroup logs off every session (typed SDK1).
func (c *Client) LogOffAllSessionsInAppInstanceGroup(ctx context.Context, groupID string) error {
	defer c.view.forget(groupID)
	req := &appstream.LogOffAllSessionsInAppInstanceGroupRequest{AppInstanceGroupId: tea.String(groupID), ProductType: tea.String(ProductType)}
	s := viaTyped("LogOffAllSessionsInAppInstanceGroup", map[string]any{"request": req.String()}, func() (*int32, any, error) {
		r, err := c.sdk.LogOffAllSessionsInAppInstanceGroup(req)
		if err != nil {
			return nil, nil, err
		}
		return r.StatusCode, r.Body, nil
	})
	s.check = checkCode
	_, err := c.invoke(ctx, s)
	return err
}

// ---------- helpers ----------

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return tea.String(s)
}

func int32Ptr(v *int) *int32 {
	if v == nil {
		return nil
	}
	return tea.Int32(int32(*v))
}

// checkCode treats a 200 body whose Code is present and not a success value
// as a failure (§1.8: several actions report errors this way).
func checkCode(action string, r *response) error {
	code := firstString(r.body, "Code")
	switch code {
	case "", "success", "Success", "SUCCESS", "200", "OK", "ok":
		return nil
	}
	return &APIError{Action: action, Code: code, Message: firstString(r.body, "Message"),
		RequestID: firstString(r.body, "RequestId"), HTTPStatus: r.status, Kind: kindOf(code, r.status)}
}
