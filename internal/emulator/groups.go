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

// getGroupReq is GetAppInstanceGroup's request.
type getGroupReq struct{ g *Group }

func (r *getGroupReq) validate(e *Emulator, c *call) *apiError {
	id, ae := c.p.required("AppInstanceGroupId")
	if ae != nil {
		return ae
	}
	if ae := checkProduct(c.p); ae != nil {
		return ae
	}
	if r.g = e.st.groups[id]; r.g == nil {
		return notFoundGroup(id)
	}
	return nil
}

func (e *Emulator) getGroup(r *getGroupReq) map[string]any {
	return map[string]any{"AppInstanceGroupModels": e.view(r.g)}
}

// listView turns a Get view into a List row: List lacks three fields and
// adds three (api-notes §2.3).
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

// listGroupsReq is ListAppInstanceGroup's request: a page and filters.
type listGroupsReq struct {
	page                                     pageReq
	id, name, imageID, region                string
	instanceType, officeSiteID               string
	statuses, userGroups, excludedUserGroups []string
	tags                                     []map[string]string
}

func (r *listGroupsReq) validate(_ *Emulator, c *call) *apiError {
	p := c.p
	if ae := checkProduct(p); ae != nil {
		return ae
	}
	var ae *apiError
	if r.page, ae = readPage(p, 10, 100, false); ae != nil {
		return ae
	}
	r.statuses = p.list("Status")
	for _, s := range r.statuses {
		if !oneOf(s, groupStatuses...) {
			return invalid("Status", "unknown status %q", s)
		}
	}
	r.tags = p.objList("Tag")
	for _, t := range r.tags {
		if t["Key"] == "" {
			return missing("Tag.Key")
		}
	}
	r.region = p.str("BizRegionId")
	if r.region == "" {
		r.region = p.str("RegionId")
	}
	r.userGroups, r.excludedUserGroups = p.list("UserGroupIds"), p.list("ExcludedUserGroupIds")
	r.id, r.name, r.imageID = p.str("AppInstanceGroupId"), p.str("AppInstanceGroupName"), p.str("AppCenterImageId")
	r.instanceType, r.officeSiteID = p.str("NodeInstanceType"), p.str("OfficeSiteId")
	return nil
}

// matches applies the filters; Name matches a part of the name, a tag
// filter without a value any value, and tag filters see system tags too.
func (r *listGroupsReq) matches(g *Group) bool {
	switch {
	case r.id != "" && r.id != g.ID,
		r.name != "" && !strings.Contains(g.Name, r.name),
		r.imageID != "" && r.imageID != g.ImageID,
		r.region != "" && r.region != g.RegionID,
		r.instanceType != "" && r.instanceType != g.NodePool.InstanceType,
		r.officeSiteID != "" && r.officeSiteID != g.OfficeSiteID,
		len(r.statuses) > 0 && !oneOf(g.Status, r.statuses...),
		len(r.userGroups) > 0 && !intersects(r.userGroups, g.UserGroups),
		len(r.excludedUserGroups) > 0 && intersects(r.excludedUserGroups, g.UserGroups):
		return false
	}
	for _, t := range r.tags {
		v, ok := g.Tags[t["Key"]]
		if !ok {
			v, ok = g.SystemTags[t["Key"]]
		}
		if !ok || (t["Value"] != "" && t["Value"] != v) {
			return false
		}
	}
	return true
}

func (e *Emulator) listGroups(r *listGroupsReq) map[string]any {
	var rows []map[string]any
	for _, id := range e.st.order {
		if g := e.st.groups[id]; r.matches(g) {
			rows = append(rows, e.listView(g))
		}
	}
	return r.page.answer("AppInstanceGroupModels", rows)
}

// modifyGroupReq is ModifyAppInstanceGroupAttribute's request; next is
// the group as it will be, so nothing changes unless everything is valid.
type modifyGroupReq struct {
	g    *Group
	next Group
}

func (r *modifyGroupReq) validate(e *Emulator, c *call) *apiError {
	p := c.p
	g, ae := e.productGroup(p)
	if ae != nil {
		return ae
	}
	if !modifiable(g) {
		return incorrectStatus(g.ID, g.Status, "ModifyAppInstanceGroupAttribute")
	}
	r.g, r.next = g, *g
	ng := &r.next
	if name := p.str("AppInstanceGroupName"); name != "" {
		ng.Name = name
	}
	if st, ok, ae := p.intParam("SessionTimeout"); ae != nil {
		return ae
	} else if ok {
		if ae := checkSessionTimeout(st); ae != nil {
			return ae
		}
		ng.SessionTimeout = int(st)
	}
	var npr nodePoolReq
	if ok, ae := p.jsonParam("NodePool", &npr); ae != nil {
		return ae
	} else if ok {
		if npr.NodePoolID != nil && *npr.NodePoolID != "" && *npr.NodePoolID != g.NodePool.ID {
			return invalid("NodePoolId", "node pool %s does not belong to %s", *npr.NodePoolID, g.ID)
		}
		if npr.NodeCapacity != nil {
			if ae := e.checkCapacity(g.NodePool.InstanceType, *npr.NodeCapacity); ae != nil {
				return ae
			}
			ng.NodePool.NodeCapacity = *npr.NodeCapacity
		}
	}
	if ae := readPreOpen(p, ng); ae != nil {
		return ae
	}
	return readGroupPolicies(p, ng)
}

// readPreOpen reads PreOpenMode, PreOpenAppId and PerSessionPerApp.
func readPreOpen(p params, ng *Group) *apiError {
	mode := p.str("PreOpenMode")
	if mode != "" {
		if !oneOf(mode, "SINGLE_APP", "OFF") {
			return invalid("PreOpenMode", "must be SINGLE_APP or OFF")
		}
		if mode == "SINGLE_APP" && p.str("PreOpenAppId") == "" {
			return missing("PreOpenAppId")
		}
		ng.PreOpenMode = mode
	}
	if v := p.str("PreOpenAppId"); v != "" {
		ng.PreOpenAppID = v
	}
	if b, ok, ae := p.boolParam("PerSessionPerApp"); ae != nil {
		return ae
	} else if ok {
		ng.PerSessionPerApp = b
	}
	return nil
}

// readGroupPolicies reads the SecurityPolicy, StoragePolicy and Network
// changes of ModifyAppInstanceGroupAttribute.
func readGroupPolicies(p params, ng *Group) *apiError {
	var sec securityReq
	if _, ae := p.jsonParam("SecurityPolicy", &sec); ae != nil {
		return ae
	}
	if sec.SkipUserAuthCheck != nil {
		ng.SkipUserAuthCheck = *sec.SkipUserAuthCheck
	}
	if sec.ResetAfterUnbind != nil {
		ng.ResetAfterUnbind = *sec.ResetAfterUnbind
	}
	var sto storageReq
	if ok, ae := p.jsonParam("StoragePolicy", &sto); ae != nil {
		return ae
	} else if ok {
		if ae := checkStorage(&sto); ae != nil {
			return ae
		}
		ng.StoragePolicy = toMap(sto)
	}
	var netw networkReq
	if ok, ae := p.jsonParam("Network", &netw); ae != nil {
		return ae
	} else if ok {
		if ae := checkNetwork(&netw); ae != nil {
			return ae
		}
		ng.Network = toMap(netw)
	}
	return nil
}

func (e *Emulator) modifyGroupAttribute(r *modifyGroupReq) map[string]any {
	*r.g = r.next
	return map[string]any{}
}

// updateImageReq is UpdateAppInstanceGroupImage's request.
type updateImageReq struct {
	g       *Group
	imageID string
}

func (r *updateImageReq) validate(e *Emulator, c *call) *apiError {
	p := c.p
	var ae *apiError
	if r.imageID, ae = p.required("AppCenterImageId"); ae != nil {
		return ae
	}
	if r.g, ae = e.groupParam(p); ae != nil {
		return ae
	}
	region, ae := p.required("BizRegionId")
	if ae != nil {
		return ae
	}
	if ae := checkProduct(p); ae != nil {
		return ae
	}
	if region != r.g.RegionID {
		return invalid("BizRegionId", "group %s is in %s", r.g.ID, r.g.RegionID)
	}
	if _, ae := e.checkImage(r.imageID, region); ae != nil {
		return ae
	}
	if !modifiable(r.g) {
		return incorrectStatus(r.g.ID, r.g.Status, "UpdateAppInstanceGroupImage")
	}
	return nil
}

func (e *Emulator) updateImage(r *updateImageReq) map[string]any {
	g := r.g
	_, maintain := e.outcomes()
	g.PrevImageID, g.ImageID = g.ImageID, r.imageID
	g.Status, g.StatusUntil, g.NextStatus = "MAINTAINING", e.now().Add(e.opts.MaintainDuration), "PUBLISHED"
	if maintain == "MAINTAIN_FAILED" {
		g.NextStatus = "MAINTAIN_FAILED"
	}
	// Every resource reboots: sessions end.
	e.endSessions(g)
	return map[string]any{}
}

// deletable lists the statuses DeleteAppInstanceGroup accepts: the console
// Purge list for PostPaid, plus FAILED so a failed publish can be cleaned up.
var deletable = []string{"PUBLISHED", "MAINTAINING", "MAINTAIN_FAILED", "CEASED", "FAILED"}

// deleteGroupReq is DeleteAppInstanceGroup's request.
type deleteGroupReq struct{ g *Group }

func (r *deleteGroupReq) validate(e *Emulator, c *call) *apiError {
	var ae *apiError
	if r.g, ae = e.productGroup(c.p); ae != nil {
		return ae
	}
	if r.g.ChargeType != "PostPaid" {
		return invalid("ChargeType", "subscription (PrePaid) groups cannot be deleted; they expire and are recycled")
	}
	if !r.g.Deleting && !oneOf(r.g.Status, deletable...) {
		return incorrectStatus(r.g.ID, r.g.Status, "DeleteAppInstanceGroup")
	}
	return nil
}

func (e *Emulator) deleteGroup(r *deleteGroupReq) map[string]any {
	if !r.g.Deleting { // a repeated delete is accepted and changes nothing
		r.g.Deleting, r.g.DeleteAt = true, e.now().Add(e.opts.DeleteDuration)
	}
	return map[string]any{}
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
