package emulator

import "strings"

func applyAuth(current, add, remove []string) []string {
	out := dedupe(append(append([]string{}, current...), add...))
	for _, r := range remove {
		out = removeStr(out, r)
	}
	return out
}

func (e *Emulator) authorize(c *call) (map[string]any, *apiError) {
	p := c.p
	g, ae := e.productGroup(p)
	if ae != nil {
		return nil, ae
	}
	lists := map[string][]string{}
	anyList := false
	for _, k := range []string{"AuthorizeUserIds", "UnAuthorizeUserIds", "AuthorizeUserGroupIds", "UnAuthorizeUserGroupIds"} {
		l := p.list(k)
		if len(l) > 100 {
			return nil, invalid(k, "at most 100 IDs per call")
		}
		for _, v := range l {
			if v == "" {
				return nil, invalid(k, "IDs must not be empty")
			}
			if strings.Contains(k, "Group") && !ugPattern.MatchString(v) {
				return nil, invalid(k, "%q is not a user group ID (ug-…)", v)
			}
		}
		anyList = anyList || len(l) > 0
		lists[k] = l
	}
	var meta struct {
		Type     *string `json:"Type"`
		AdDomain *string `json:"AdDomain"`
	}
	if _, ae := p.jsonParam("UserMeta", &meta); ae != nil {
		return nil, ae
	}
	if meta.Type != nil && !oneOf(*meta.Type, "ad", "simple") {
		return nil, invalid("UserMeta.Type", "must be ad or simple")
	}
	if !anyList {
		return nil, errf(400, "MissingParameter.AuthorizeUserIds", "At least one of AuthorizeUserIds, UnAuthorizeUserIds, AuthorizeUserGroupIds or UnAuthorizeUserGroupIds is required.")
	}
	if g.Deleting {
		return nil, incorrectStatus(g.ID, "DELETING", "AuthorizeInstanceGroup")
	}
	g.Users = applyAuth(g.Users, lists["AuthorizeUserIds"], lists["UnAuthorizeUserIds"])
	g.UserGroups = applyAuth(g.UserGroups, lists["AuthorizeUserGroupIds"], lists["UnAuthorizeUserGroupIds"])
	return map[string]any{}, nil
}

func (e *Emulator) pageListUsers(c *call) (map[string]any, *apiError) {
	p := c.p
	g, ae := e.productGroup(p)
	if ae != nil {
		return nil, ae
	}
	num, size, ae := p.pageParams(10, 100, false)
	if ae != nil {
		return nil, ae
	}
	lo, hi := page(len(g.Users), num, size)
	return map[string]any{"Users": append([]string{}, g.Users[lo:hi]...)}, nil
}

func (e *Emulator) userGroupName(id string) string {
	if n, ok := e.st.userGroups[id]; ok {
		return n
	}
	return id
}

func (e *Emulator) listAuthorizedUserGroups(c *call) (map[string]any, *apiError) {
	p := c.p
	g, ae := e.productGroup(p)
	if ae != nil {
		return nil, ae
	}
	num, size, ae := p.pageParams(10, 100, true)
	if ae != nil {
		return nil, ae
	}
	var rows []map[string]any
	for _, id := range g.UserGroups {
		name := e.userGroupName(id)
		if v := p.str("GroupId"); v != "" && v != id {
			continue
		}
		if v := p.str("GroupName"); v != "" && !strings.Contains(name, v) {
			continue
		}
		rows = append(rows, map[string]any{"AppInstanceGroupId": g.ID, "AuthMode": g.AuthMode, "GroupId": id, "GroupName": name})
	}
	lo, hi := page(len(rows), num, size)
	return map[string]any{"UserGroups": nonNil(rows[lo:hi]), "TotalCount": len(rows), "PageNumber": num, "PageSize": size}, nil
}
