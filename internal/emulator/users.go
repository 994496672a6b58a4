package emulator

import "strings"

func applyAuth(current, add, remove []string) []string {
	out := dedupe(append(append([]string{}, current...), add...))
	for _, r := range remove {
		out = removeStr(out, r)
	}
	return out
}

// authorizeReq is AuthorizeInstanceGroup's request: the four ID lists by
// parameter name.
type authorizeReq struct {
	g     *Group
	lists map[string][]string
}

func (r *authorizeReq) validate(e *Emulator, c *call) *apiError {
	p := c.p
	var ae *apiError
	if r.g, ae = e.productGroup(p); ae != nil {
		return ae
	}
	r.lists = map[string][]string{}
	anyList := false
	for _, k := range []string{"AuthorizeUserIds", "UnAuthorizeUserIds", "AuthorizeUserGroupIds", "UnAuthorizeUserGroupIds"} {
		l := p.list(k)
		if len(l) > 100 {
			return invalid(k, "at most 100 IDs per call")
		}
		for _, v := range l {
			if v == "" {
				return invalid(k, "IDs must not be empty")
			}
			if strings.Contains(k, "Group") && !ugPattern.MatchString(v) {
				return invalid(k, "%q is not a user group ID (ug-…)", v)
			}
		}
		anyList = anyList || len(l) > 0
		r.lists[k] = l
	}
	var meta struct {
		Type     *string `json:"Type"`
		AdDomain *string `json:"AdDomain"`
	}
	if _, ae := p.jsonParam("UserMeta", &meta); ae != nil {
		return ae
	}
	if meta.Type != nil && !oneOf(*meta.Type, "ad", "simple") {
		return invalid("UserMeta.Type", "must be ad or simple")
	}
	if !anyList {
		return errf(400, "MissingParameter.AuthorizeUserIds", "At least one of AuthorizeUserIds, UnAuthorizeUserIds, AuthorizeUserGroupIds or UnAuthorizeUserGroupIds is required.")
	}
	if r.g.Deleting {
		return incorrectStatus(r.g.ID, "DELETING", "AuthorizeInstanceGroup")
	}
	return nil
}

func (e *Emulator) authorize(r *authorizeReq) map[string]any {
	g := r.g
	g.Users = applyAuth(g.Users, r.lists["AuthorizeUserIds"], r.lists["UnAuthorizeUserIds"])
	g.UserGroups = applyAuth(g.UserGroups, r.lists["AuthorizeUserGroupIds"], r.lists["UnAuthorizeUserGroupIds"])
	return map[string]any{}
}

// listUsersReq is PageListAppInstanceGroupUser's request.
type listUsersReq struct {
	g    *Group
	page pageReq
}

func (r *listUsersReq) validate(e *Emulator, c *call) *apiError {
	var ae *apiError
	if r.g, ae = e.productGroup(c.p); ae != nil {
		return ae
	}
	r.page, ae = readPage(c.p, 10, 100, false)
	return ae
}

func (e *Emulator) pageListUsers(r *listUsersReq) map[string]any {
	lo, hi := page(len(r.g.Users), r.page.num, r.page.size)
	return map[string]any{"Users": append([]string{}, r.g.Users[lo:hi]...)}
}

func (e *Emulator) userGroupName(id string) string {
	if n, ok := e.st.userGroups[id]; ok {
		return n
	}
	return id
}

// listUserGroupsReq is ListAuthorizedUserGroups' request.
type listUserGroupsReq struct {
	g             *Group
	page          pageReq
	groupID, name string
}

func (r *listUserGroupsReq) validate(e *Emulator, c *call) *apiError {
	var ae *apiError
	if r.g, ae = e.productGroup(c.p); ae != nil {
		return ae
	}
	if r.page, ae = readPage(c.p, 10, 100, true); ae != nil {
		return ae
	}
	r.groupID, r.name = c.p.str("GroupId"), c.p.str("GroupName")
	return nil
}

func (e *Emulator) listAuthorizedUserGroups(r *listUserGroupsReq) map[string]any {
	g := r.g
	var rows []map[string]any
	for _, id := range g.UserGroups {
		name := e.userGroupName(id)
		if r.groupID != "" && r.groupID != id || r.name != "" && !strings.Contains(name, r.name) {
			continue
		}
		rows = append(rows, map[string]any{"AppInstanceGroupId": g.ID, "AuthMode": g.AuthMode, "GroupId": id, "GroupName": name})
	}
	return r.page.answer("UserGroups", rows)
}
