package emulator

import (
	"encoding/base64"
	"strconv"
	"strings"
	"unicode/utf8"
)

// System tag keys the service lets callers set; any other "System/" key is
// reserved. System tags never count against the 20-custom-tag limit.
var systemTagKeys = []string{"System/Scheduler/GRAYSCALE", "System/Scheduler/STOP_NEW_USER_CONNECTION"}

const maxCustomTags = 20

func isSystemKey(k string) bool { return strings.HasPrefix(k, "System/") }

// tagTarget returns the custom and system tag maps of one resource.
func (e *Emulator) tagTarget(rtype, id string, create bool) (custom, system map[string]string, ae *apiError) {
	if rtype == "AppInstanceGroupId" {
		g := e.st.groups[id]
		if g == nil {
			return nil, nil, notFoundGroup(id)
		}
		return g.Tags, g.SystemTags, nil
	}
	ck, sk := rtype+"/"+id+"#c", rtype+"/"+id+"#s"
	if create {
		if e.st.otherTags[ck] == nil {
			e.st.otherTags[ck], e.st.otherTags[sk] = map[string]string{}, map[string]string{}
		}
	}
	return e.st.otherTags[ck], e.st.otherTags[sk], nil
}

func tagResourceIDs(p params, rtype string) ([]string, *apiError) {
	ids := p.list("ResourceIds")
	if len(ids) > 50 {
		return nil, invalid("ResourceIds", "at most 50 resources per call")
	}
	if rtype == "AliUid" {
		return []string{"self"}, nil
	}
	if len(ids) == 0 {
		return nil, missing("ResourceIds")
	}
	return ids, nil
}

func (e *Emulator) tagResources(c *call) (map[string]any, *apiError) {
	p := c.p
	rtype, ae := p.required("ResourceType")
	if ae != nil {
		return nil, ae
	}
	if !oneOf(rtype, "CenterImageId", "AppId", "WyId", "AppInstanceGroupId", "AliUid") {
		return nil, invalid("ResourceType", "must be CenterImageId, AppId, WyId, AppInstanceGroupId or AliUid")
	}
	ids, ae := tagResourceIDs(p, rtype)
	if ae != nil {
		return nil, ae
	}
	tags := p.objList("Tags")
	if len(tags) == 0 {
		return nil, missing("Tags")
	}
	dup := false
	seen := map[string]bool{}
	for _, t := range tags {
		k, v := t["Key"], t["Value"]
		if n := utf8.RuneCountInString(k); n < 1 || n > 128 {
			return nil, invalid("Tags.Key", "tag keys are 1..128 characters")
		}
		if n := utf8.RuneCountInString(v); n < 1 || n > 128 {
			return nil, invalid("Tags.Value", "tag values are 1..128 characters")
		}
		if isSystemKey(k) && !oneOf(k, systemTagKeys...) {
			return nil, invalid("Tags.Key", "%q is a reserved system key", k)
		}
		dup = dup || seen[k]
		seen[k] = true
	}
	// Check every resource first, so a limit error changes nothing.
	for _, id := range ids {
		custom, _, ae := e.tagTarget(rtype, id, false)
		if ae != nil {
			return nil, ae
		}
		n := len(custom)
		for k := range seen {
			if _, ok := custom[k]; !ok && !isSystemKey(k) {
				n++
			}
		}
		if n > maxCustomTags {
			return nil, errf(400, "InvalidParameter.Tags", "Resource %s would have %d custom tags; at most %d are allowed.", id, n, maxCustomTags)
		}
	}
	failed := []map[string]any{}
	for _, id := range ids {
		if dup {
			failed = append(failed, map[string]any{"ResourceId": id, "ResourceType": rtype, "Code": "TAG_KEY_DUPLICATED", "Message": "the same tag key appears twice in one request", "Tags": tagRows(tags)})
			continue
		}
		custom, system, _ := e.tagTarget(rtype, id, true)
		for _, t := range tags {
			if isSystemKey(t["Key"]) {
				system[t["Key"]] = t["Value"]
			} else {
				custom[t["Key"]] = t["Value"]
			}
		}
	}
	return map[string]any{"FailedResources": failed}, nil
}

func tagRows(tags []map[string]string) []map[string]any {
	out := []map[string]any{}
	for _, t := range tags {
		scope := "Custom"
		if isSystemKey(t["Key"]) {
			scope = "System"
		}
		out = append(out, map[string]any{"Key": t["Key"], "Value": t["Value"], "Scope": scope})
	}
	return out
}

func (e *Emulator) untagResources(c *call) (map[string]any, *apiError) {
	p := c.p
	rtype, ae := p.required("ResourceType")
	if ae != nil {
		return nil, ae
	}
	if !oneOf(rtype, "AppId", "WyId", "AppInstanceGroupId", "AliUid") {
		return nil, invalid("ResourceType", "must be AppId, WyId, AppInstanceGroupId or AliUid")
	}
	ids, ae := tagResourceIDs(p, rtype)
	if ae != nil {
		return nil, ae
	}
	keys := p.list("TagKeys")
	if len(keys) == 0 {
		return nil, missing("TagKeys")
	}
	if len(keys) > 10 {
		return nil, invalid("TagKeys", "at most 10 keys per call")
	}
	for _, id := range ids {
		if _, _, ae := e.tagTarget(rtype, id, false); ae != nil {
			return nil, ae
		}
	}
	for _, id := range ids {
		custom, system, _ := e.tagTarget(rtype, id, false)
		for _, k := range keys {
			delete(custom, k)
			delete(system, k)
		}
	}
	return map[string]any{"FailedResources": []any{}}, nil
}

func encodeToken(off int) string {
	return base64.StdEncoding.EncodeToString([]byte("emu:" + strconv.Itoa(off)))
}

func decodeToken(t string) (int, bool) {
	b, err := base64.StdEncoding.DecodeString(t)
	if err != nil {
		return 0, false
	}
	s, ok := strings.CutPrefix(string(b), "emu:")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 0
}

func (e *Emulator) listTagResources(c *call) (map[string]any, *apiError) {
	p := c.p
	rtype, ae := p.required("ResourceType")
	if ae != nil {
		return nil, ae
	}
	if !oneOf(rtype, "AppId", "WyId", "AppInstanceGroupId", "AliUid") {
		return nil, invalid("ResourceType", "must be AppId, WyId, AppInstanceGroupId or AliUid")
	}
	scope := p.str("Scope")
	if scope == "" {
		scope = "All"
	}
	if !oneOf(scope, "All", "Custom", "System") {
		return nil, invalid("Scope", "must be All, Custom or System")
	}
	maxR, ok, ae := p.intParam("MaxResults")
	if ae != nil {
		return nil, ae
	}
	if !ok {
		maxR = 50
	}
	if maxR < 1 || maxR > 1000 {
		return nil, invalid("MaxResults", "must be 1..1000")
	}
	off := 0
	if t := p.str("NextToken"); t != "" {
		if off, ok = decodeToken(t); !ok {
			return nil, invalid("NextToken", "unknown token")
		}
	}
	ids := p.list("ResourceIds")
	if len(ids) > 50 {
		return nil, invalid("ResourceIds", "at most 50 resources per call")
	}
	if len(ids) == 0 {
		switch rtype {
		case "AppInstanceGroupId":
			ids = append(ids, e.st.order...)
		case "AliUid":
			ids = []string{"self"}
		default:
			for k := range e.st.otherTags {
				if strings.HasPrefix(k, rtype+"/") && strings.HasSuffix(k, "#c") {
					ids = append(ids, strings.TrimSuffix(strings.TrimPrefix(k, rtype+"/"), "#c"))
				}
			}
		}
	}
	var rows []map[string]any
	for _, id := range ids {
		var custom, system map[string]string
		if rtype == "AppInstanceGroupId" {
			g := e.st.groups[id]
			if g == nil {
				continue // unknown IDs are skipped, as a filter would
			}
			custom, system = g.Tags, g.SystemTags
		} else {
			custom, system, _ = e.tagTarget(rtype, id, false)
		}
		var tags []map[string]any
		if scope != "System" {
			for _, k := range sortedKeys(custom) {
				tags = append(tags, map[string]any{"Key": k, "Value": custom[k], "Scope": "Custom"})
			}
		}
		if scope != "Custom" {
			for _, k := range sortedKeys(system) {
				tags = append(tags, map[string]any{"Key": k, "Value": system[k], "Scope": "System"})
			}
		}
		if len(tags) == 0 {
			continue
		}
		rows = append(rows, map[string]any{"ResourceId": id, "ResourceType": rtype, "Tags": tags})
	}
	if off > len(rows) {
		off = len(rows)
	}
	end := off + int(maxR)
	resp := map[string]any{"TotalCount": len(rows)}
	if end < len(rows) {
		resp["NextToken"] = encodeToken(end)
	} else {
		end = len(rows)
	}
	resp["ResourceTags"] = nonNil(rows[off:end])
	return resp, nil
}
