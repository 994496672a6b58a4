package validators

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Tag limits (api-notes §4 rule 39).
const (
	MaxTags         = 20
	MaxTagKeyLen    = 128
	MaxTagValueLen  = 128
	SystemTagPrefix = "System/"
)

// reservedTagPrefixes are key prefixes users may not set. "System/" keys
// (e.g. System/Scheduler/GRAYSCALE) belong to the service, so case matters
// there; Alibaba Cloud reserves "aliyun" and "acs:" across products and we
// match those case-insensitively, because the tag service's own check is not
// documented as case-sensitive and a key like "Aliyun-x" is at best risky.
var reservedTagPrefixes = []struct {
	prefix   string
	foldCase bool
	why      string
}{
	{SystemTagPrefix, false, "reserved for system tags set by App Streaming"},
	{"aliyun", true, "reserved by Alibaba Cloud"},
	{"acs:", true, "reserved by Alibaba Cloud"},
}

// ReservedTagKeyReason reports why key may not be used as a custom tag key,
// or "" when it may. Resources can use it to skip system tags on read.
func ReservedTagKeyReason(key string) string {
	for _, r := range reservedTagPrefixes {
		p := key
		if len(p) > len(r.prefix) {
			p = p[:len(r.prefix)]
		}
		if p == r.prefix || (r.foldCase && strings.EqualFold(p, r.prefix)) {
			return fmt.Sprintf("keys starting with %q are %s", r.prefix, r.why)
		}
	}
	return ""
}

var _ validator.Map = TagsValidator{}

// TagsValidator checks a map of custom tags (api-notes §4 rule 39).
type TagsValidator struct{}

// Tags returns a validator for a map(string) of tags: at most 20 entries;
// keys and values 1–128 characters; keys must not start with "System/",
// "aliyun" or "acs:".
func Tags() TagsValidator { return TagsValidator{} }

func (TagsValidator) Description(_ context.Context) string {
	return "at most 20 tags; keys and values 1-128 characters; keys must not start with System/, aliyun or acs:"
}

func (TagsValidator) MarkdownDescription(_ context.Context) string {
	return "at most 20 tags; keys and values 1-128 characters; keys must not start with `System/`, `aliyun` or `acs:`"
}

func (TagsValidator) ValidateMap(ctx context.Context, req validator.MapRequest, resp *validator.MapResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	elems := req.ConfigValue.Elements()
	name := attrName(req.Path)
	if len(elems) > MaxTags {
		resp.Diagnostics.AddAttributeError(req.Path, "Too Many Tags",
			fmt.Sprintf("%s must have at most %d entries, got %d", name, MaxTags, len(elems)))
	}
	keys := make([]string, 0, len(elems))
	for k := range elems {
		keys = append(keys, k)
	}
	sort.Strings(keys) // stable diagnostic order
	for _, k := range keys {
		p := req.Path.AtMapKey(k)
		switch n := utf8.RuneCountInString(k); {
		case n == 0:
			resp.Diagnostics.AddAttributeError(p, "Invalid Tag Key",
				fmt.Sprintf("%s keys must be 1 to %d characters, got an empty key", name, MaxTagKeyLen))
		case n > MaxTagKeyLen:
			resp.Diagnostics.AddAttributeError(p, "Invalid Tag Key",
				fmt.Sprintf("%s keys must be 1 to %d characters, got %d characters in %q", name, MaxTagKeyLen, n, k))
		}
		if why := ReservedTagKeyReason(k); why != "" {
			resp.Diagnostics.AddAttributeError(p, "Reserved Tag Key",
				fmt.Sprintf("%s key %q cannot be used: %s", name, k, why))
		}
		v, ok := asString(ctx, elems[k])
		if !ok {
			continue // null or unknown value: checked at apply
		}
		switch n := utf8.RuneCountInString(v); {
		case n == 0:
			resp.Diagnostics.AddAttributeError(p, "Invalid Tag Value",
				fmt.Sprintf("%s value for key %q must be 1 to %d characters, got an empty value", name, k, MaxTagValueLen))
		case n > MaxTagValueLen:
			resp.Diagnostics.AddAttributeError(p, "Invalid Tag Value",
				fmt.Sprintf("%s value for key %q must be 1 to %d characters, got %d characters", name, k, MaxTagValueLen, n))
		}
	}
}
