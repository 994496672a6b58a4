package emulator

import (
	"regexp"
	"sort"
	"strings"
)

var groupStatuses = []string{"DEPLOYING", "PUBLISHED", "FAILED", "MAINTAINING", "MAINTAIN_FAILED", "EXPIRED", "CEASED", "EXPIRED_RECYCLING"}

var ugPattern = regexp.MustCompile(`^ug-[a-z0-9]{4,32}$`)

// groupParam resolves AppInstanceGroupId (required) to a group.
func (e *Emulator) groupParam(p params) (*Group, *apiError) {
	id, ae := p.required("AppInstanceGroupId")
	if ae != nil {
		return nil, ae
	}
	g := e.st.groups[id]
	if g == nil {
		return nil, notFoundGroup(id)
	}
	return g, nil
}

// productGroup is the prologue of most group actions: AppInstanceGroupId
// names an existing group (else NotFound), then ProductType is CloudApp.
// GetAppInstanceGroup, UpdateAppInstanceGroupImage and ModifyNodePoolAmount
// read their parameters in another order, kept as it is: the order decides
// which error a request with several faults gets.
func (e *Emulator) productGroup(p params) (*Group, *apiError) {
	g, ae := e.groupParam(p)
	if ae != nil {
		return nil, ae
	}
	if ae := checkProduct(p); ae != nil {
		return nil, ae
	}
	return g, nil
}

func (e *Emulator) checkImage(id, region string) (Image, *apiError) {
	im, ok := e.st.catalog.image(id)
	if !ok || !im.inRegion(region) {
		return im, invalid("AppCenterImageId", "image %s does not exist in %s", id, region)
	}
	if im.Status != "AVAILABLE" {
		return im, errf(400, "IncorrectStatus.AppCenterImage", "Image %s is %s; only AVAILABLE images can be published.", id, im.Status)
	}
	return im, nil
}

// checkSessionTimeout: -1 (never) or 3..300 minutes.
func checkSessionTimeout(minutes int64) *apiError {
	if minutes != -1 && (minutes < 3 || minutes > 300) {
		return invalid("SessionTimeout", "must be -1 or 3..300 minutes")
	}
	return nil
}

func dedupe(in []string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func (e *Emulator) getGroup(c *call) (map[string]any, *apiError) {
	id, ae := c.p.required("AppInstanceGroupId")
	if ae != nil {
		return nil, ae
	}
	if ae := checkProduct(c.p); ae != nil {
		return nil, ae
	}
	g := e.st.groups[id]
	if g == nil {
		return nil, notFoundGroup(id)
	}
	return map[string]any{"AppInstanceGroupModels": e.view(g)}, nil
}

// listView turns a Get view into a List row: List lacks three fields and
// adds three (api-reference §2.3).
func (e *Emulator) listView(g *Group) map[string]any {
	m := toMap(e.view(g))
	delete(m, "AppCenterImageName")
	delete(m, "AppInstanceTypeName")
	delete(m, "SessionType")
	m["AppPolicyImageCheck"] = true
	m["AppPolicyVersion"] = "CENTER"
	m["ResourceTags"] = m["Tags"]
	return m
}

func intersects(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func (e *Emulator) listGroups(c *call) (map[string]any, *apiError) {
	p := c.p
	if ae := checkProduct(p); ae != nil {
		return nil, ae
	}
	num, size, ae := p.pageParams(10, 100, false)
	if ae != nil {
		return nil, ae
	}
	statuses := p.list("Status")
	for _, s := range statuses {
		if !oneOf(s, groupStatuses...) {
			return nil, invalid("Status", "unknown status %q", s)
		}
	}
	tagFilter := p.objList("Tag")
	for _, t := range tagFilter {
		if t["Key"] == "" {
			return nil, missing("Tag.Key")
		}
	}
	region := p.str("BizRegionId")
	if region == "" {
		region = p.str("RegionId")
	}
	ugs, exUgs := p.list("UserGroupIds"), p.list("ExcludedUserGroupIds")
	var rows []map[string]any
	for _, id := range e.st.order {
		g := e.st.groups[id]
		if v := p.str("AppInstanceGroupId"); v != "" && v != g.ID {
			continue
		}
		if v := p.str("AppInstanceGroupName"); v != "" && !strings.Contains(g.Name, v) {
			continue
		}
		if v := p.str("AppCenterImageId"); v != "" && v != g.ImageID {
			continue
		}
		if region != "" && region != g.RegionID {
			continue
		}
		if v := p.str("NodeInstanceType"); v != "" && v != g.NodePool.InstanceType {
			continue
		}
		if v := p.str("OfficeSiteId"); v != "" && v != g.OfficeSiteID {
			continue
		}
		if len(statuses) > 0 && !oneOf(g.Status, statuses...) {
			continue
		}
		if len(ugs) > 0 && !intersects(ugs, g.UserGroups) {
			continue
		}
		if len(exUgs) > 0 && intersects(exUgs, g.UserGroups) {
			continue
		}
		match := true
		for _, t := range tagFilter {
			v, ok := g.Tags[t["Key"]]
			if !ok {
				v, ok = g.SystemTags[t["Key"]]
			}
			if !ok || (t["Value"] != "" && t["Value"] != v) {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		rows = append(rows, e.listView(g))
	}
	lo, hi := page(len(rows), num, size)
	return map[string]any{"AppInstanceGroupModels": nonNil(rows[lo:hi]), "TotalCount": len(rows), "PageNumber": num, "PageSize": size}, nil
}

func (e *Emulator) modifyGroupAttribute(c *call) (map[string]any, *apiError) {
	p := c.p
	g, ae := e.productGroup(p)
	if ae != nil {
		return nil, ae
	}
	if !modifiable(g) {
		return nil, incorrectStatus(g.ID, g.Status, "ModifyAppInstanceGroupAttribute")
	}
	ng := *g // validate everything before changing anything
	if name := p.str("AppInstanceGroupName"); name != "" {
		ng.Name = name
	}
	if st, ok, ae := p.intParam("SessionTimeout"); ae != nil {
		return nil, ae
	} else if ok {
		if ae := checkSessionTimeout(st); ae != nil {
			return nil, ae
		}
		ng.SessionTimeout = int(st)
	}
	var npr nodePoolReq
	if ok, ae := p.jsonParam("NodePool", &npr); ae != nil {
		return nil, ae
	} else if ok {
		if npr.NodePoolID != nil && *npr.NodePoolID != "" && *npr.NodePoolID != g.NodePool.ID {
			return nil, invalid("NodePoolId", "node pool %s does not belong to %s", *npr.NodePoolID, g.ID)
		}
		if npr.NodeCapacity != nil {
			if ae := e.checkCapacity(g.NodePool.InstanceType, *npr.NodeCapacity); ae != nil {
				return nil, ae
			}
			ng.NodePool.NodeCapacity = *npr.NodeCapacity
		}
	}
	mode := p.str("PreOpenMode")
	if mode != "" {
		if !oneOf(mode, "SINGLE_APP", "OFF") {
			return nil, invalid("PreOpenMode", "must be SINGLE_APP or OFF")
		}
		if mode == "SINGLE_APP" && p.str("PreOpenAppId") == "" {
			return nil, missing("PreOpenAppId")
		}
		ng.PreOpenMode = mode
	}
	if v := p.str("PreOpenAppId"); v != "" {
		ng.PreOpenAppID = v
	}
	if b, ok, ae := p.boolParam("PerSessionPerApp"); ae != nil {
		return nil, ae
	} else if ok {
		ng.PerSessionPerApp = b
	}
	var sec securityReq
	if _, ae := p.jsonParam("SecurityPolicy", &sec); ae != nil {
		return nil, ae
	}
	if sec.SkipUserAuthCheck != nil {
		ng.SkipUserAuthCheck = *sec.SkipUserAuthCheck
	}
	if sec.ResetAfterUnbind != nil {
		ng.ResetAfterUnbind = *sec.ResetAfterUnbind
	}
	var sto storageReq
	if ok, ae := p.jsonParam("StoragePolicy", &sto); ae != nil {
		return nil, ae
	} else if ok {
		if ae := checkStorage(&sto, false); ae != nil {
			return nil, ae
		}
		ng.StoragePolicy = toMap(sto)
	}
	var netw networkReq
	if ok, ae := p.jsonParam("Network", &netw); ae != nil {
		return nil, ae
	} else if ok {
		if ae := checkNetwork(&netw); ae != nil {
			return nil, ae
		}
		ng.Network = toMap(netw)
	}
	*g = ng
	return map[string]any{}, nil
}

func (e *Emulator) updateImage(c *call) (map[string]any, *apiError) {
	p := c.p
	imageID, ae := p.required("AppCenterImageId")
	if ae != nil {
		return nil, ae
	}
	g, ae := e.groupParam(p)
	if ae != nil {
		return nil, ae
	}
	region, ae := p.required("BizRegionId")
	if ae != nil {
		return nil, ae
	}
	if ae := checkProduct(p); ae != nil {
		return nil, ae
	}
	if region != g.RegionID {
		return nil, invalid("BizRegionId", "group %s is in %s", g.ID, g.RegionID)
	}
	if _, ae := e.checkImage(imageID, region); ae != nil {
		return nil, ae
	}
	if !modifiable(g) {
		return nil, incorrectStatus(g.ID, g.Status, "UpdateAppInstanceGroupImage")
	}
	_, maintain := e.outcomes()
	g.PrevImageID, g.ImageID = g.ImageID, imageID
	g.Status, g.StatusUntil, g.NextStatus = "MAINTAINING", e.now().Add(e.opts.MaintainDuration), "PUBLISHED"
	if maintain == "MAINTAIN_FAILED" {
		g.NextStatus = "MAINTAIN_FAILED"
	}
	// Every resource reboots: sessions end.
	e.endSessions(g)
	return map[string]any{}, nil
}

// deletable lists the statuses DeleteAppInstanceGroup accepts: the console
// Purge list for PostPaid, plus FAILED so a failed publish can be cleaned up.
var deletable = []string{"PUBLISHED", "MAINTAINING", "MAINTAIN_FAILED", "CEASED", "FAILED"}

func (e *Emulator) deleteGroup(c *call) (map[string]any, *apiError) {
	p := c.p
	g, ae := e.productGroup(p)
	if ae != nil {
		return nil, ae
	}
	if g.ChargeType != "PostPaid" {
		return nil, invalid("ChargeType", "subscription (PrePaid) groups cannot be deleted; they expire and are recycled")
	}
	if g.Deleting {
		return map[string]any{}, nil // repeated delete: accepted, nothing more to do
	}
	if !oneOf(g.Status, deletable...) {
		return nil, incorrectStatus(g.ID, g.Status, "DeleteAppInstanceGroup")
	}
	g.Deleting, g.DeleteAt = true, e.now().Add(e.opts.DeleteDuration)
	return map[string]any{}, nil
}

// sortedKeys returns the keys of m in order.
func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
