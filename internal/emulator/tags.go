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

// tagResourceTypes are the resource types TagCloudResources accepts;
// UntagCloudResources and ListTagCloudResources accept all but the first.
var tagResourceTypes = []string{"CenterImageId", "AppId", "WyId", "AppInstanceGroupId", "AliUid"}

// resourceTypeParam reads the required ResourceType, one of allowed.
func resourceTypeParam(p params, allowed []string) (string, *apiError) {
	rtype, ae := p.required("ResourceType")
	if ae != nil {
		return "", ae
	}
	if !oneOf(rtype, allowed...) {
		return "", invalid("ResourceType", "must be %s", orList(allowed))
	}
	return rtype, nil
}

// tagReq is TagCloudResources' request.
type tagReq struct {
	rtype string
	ids   []string
	tags  []map[string]string
	dup   bool // a key appears twice: every resource fails, nothing changes
}

func (r *tagReq) validate(e *Emulator, c *call) *apiError {
	p := c.p
	var ae *apiError
	if r.rtype, ae = resourceTypeParam(p, tagResourceTypes); ae != nil {
		return ae
	}
	if r.ids, ae = tagResourceIDs(p, r.rtype); ae != nil {
		return ae
	}
	r.tags = p.objList("Tags")
	if len(r.tags) == 0 {
		return missing("Tags")
	}
	seen := map[string]bool{}
	for _, t := range r.tags {
		k, v := t["Key"], t["Value"]
		if n := utf8.RuneCountInString(k); n < 1 || n > 128 {
			return invalid("Tags.Key", "tag keys are 1..128 characters")
		}
		if n := utf8.RuneCountInString(v); n < 1 || n > 128 {
			return invalid("Tags.Value", "tag values are 1..128 characters")
		}
		if isSystemKey(k) && !oneOf(k, systemTagKeys...) {
			return invalid("Tags.Key", "%q is a reserved system key", k)
		}
		r.dup = r.dup || seen[k]
		seen[k] = true
	}
	// Check every resource first, so a limit error changes nothing.
	for _, id := range r.ids {
		custom, _, ae := e.tagTarget(r.rtype, id, false)
		if ae != nil {
			return ae
		}
		n := len(custom)
		for k := range seen {
			if _, ok := custom[k]; !ok && !isSystemKey(k) {
				n++
			}
		}
		if n > maxCustomTags {
			return errf(400, "InvalidParameter.Tags", "Resource %s would have %d custom tags; at most %d are allowed.", id, n, maxCustomTags)
		}
	}
	return nil
}

func (e *Emulator) tagResources(r *tagReq) map[string]any {
	failed := []map[string]any{}
	for _, id := range r.ids {
		if r.dup {
			failed = append(failed, map[string]any{"ResourceId": id, "ResourceType": r.rtype, "Code": "TAG_KEY_DUPLICATED", "Message": "the same tag key appears twice in one request", "Tags": tagRows(r.tags)})
			continue
		}
		custom, system, _ := e.tagTarget(r.rtype, id, true)
		for _, t := range r.tags {
			if isSystemKey(t["Key"]) {
				system[t["Key"]] = t["Value"]
			} else {
				custom[t["Key"]] = t["Value"]
			}
		}
	}
	return map[string]any{"FailedResources": failed}
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

// untagReq is UntagCloudResources' request.
type untagReq struct {
	rtype     string
	ids, keys []string
}

func (r *untagReq) validate(e *Emulator, c *call) *apiError {
	p := c.p
	var ae *apiError
	if r.rtype, ae = resourceTypeParam(p, tagResourceTypes[1:]); ae != nil {
		return ae
	}
	if r.ids, ae = tagResourceIDs(p, r.rtype); ae != nil {
		return ae
	}
	r.keys = p.list("TagKeys")
	if len(r.keys) == 0 {
		return missing("TagKeys")
	}
	if len(r.keys) > 10 {
		return invalid("TagKeys", "at most 10 keys per call")
	}
	for _, id := range r.ids {
		if _, _, ae := e.tagTarget(r.rtype, id, false); ae != nil {
			return ae
		}
	}
	return nil
}

func (e *Emulator) untagResources(r *untagReq) map[string]any {
	for _, id := range r.ids {
		custom, system, _ := e.tagTarget(r.rtype, id, false)
		for _, k := range r.keys {
			delete(custom, k)
			delete(system, k)
		}
	}
	return map[string]any{"FailedResources": []any{}}
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

// listTagsReq is ListTagCloudResources' request: token paging
// (NextToken, MaxResults) rather than pages.
type listTagsReq struct {
	rtype, scope string
	maxResults   int
	offset       int
	ids          []string
}

func (r *listTagsReq) validate(_ *Emulator, c *call) *apiError {
	p := c.p
	var ae *apiError
	if r.rtype, ae = resourceTypeParam(p, tagResourceTypes[1:]); ae != nil {
		return ae
	}
	r.scope = p.str("Scope")
	if r.scope == "" {
		r.scope = "All"
	}
	if !oneOf(r.scope, "All", "Custom", "System") {
		return invalid("Scope", "must be All, Custom or System")
	}
	maxR, ok, ae := p.intParam("MaxResults")
	if ae != nil {
		return ae
	}
	if !ok {
		maxR = 50
	}
	if maxR < 1 || maxR > 1000 {
		return invalid("MaxResults", "must be 1..1000")
	}
	r.maxResults = int(maxR)
	if t := p.str("NextToken"); t != "" {
		if r.offset, ok = decodeToken(t); !ok {
			return invalid("NextToken", "unknown token")
		}
	}
	r.ids = p.list("ResourceIds")
	if len(r.ids) > 50 {
		return invalid("ResourceIds", "at most 50 resources per call")
	}
	return nil
}

// resourceIDs is what the request names, or every resource of its type.
func (e *Emulator) resourceIDs(r *listTagsReq) []string {
	if len(r.ids) > 0 {
		return r.ids
	}
	var ids []string
	switch r.rtype {
	case "AppInstanceGroupId":
		ids = append(ids, e.st.order...)
	case "AliUid":
		ids = []string{"self"}
	default:
		for k := range e.st.otherTags {
			if strings.HasPrefix(k, r.rtype+"/") && strings.HasSuffix(k, "#c") {
				ids = append(ids, strings.TrimSuffix(strings.TrimPrefix(k, r.rtype+"/"), "#c"))
			}
		}
	}
	return ids
}

func (e *Emulator) listTagResources(r *listTagsReq) map[string]any {
	var rows []map[string]any
	for _, id := range e.resourceIDs(r) {
		var custom, system map[string]string
		if r.rtype == "AppInstanceGroupId" {
			g := e.st.groups[id]
			if g == nil {
				continue // unknown IDs are skipped, as a filter would
			}
			custom, system = g.Tags, g.SystemTags
		} else {
			custom, system, _ = e.tagTarget(r.rtype, id, false)
		}
		var tags []map[string]any
		if r.scope != "System" {
			for _, k := range sortedKeys(custom) {
				tags = append(tags, map[string]any{"Key": k, "Value": custom[k], "Scope": "Custom"})
			}
		}
		if r.scope != "Custom" {
			for _, k := range sortedKeys(system) {
				tags = append(tags, map[string]any{"Key": k, "Value": system[k], "Scope": "System"})
			}
		}
		if len(tags) == 0 {
			continue
		}
		rows = append(rows, map[string]any{"ResourceId": id, "ResourceType": r.rtype, "Tags": tags})
	}
	off := min(r.offset, len(rows))
	end := off + r.maxResults
	resp := map[string]any{"TotalCount": len(rows)}
	if end < len(rows) {
		resp["NextToken"] = encodeToken(end)
	} else {
		end = len(rows)
	}
	resp["ResourceTags"] = nonNil(rows[off:end])
	return resp
}
