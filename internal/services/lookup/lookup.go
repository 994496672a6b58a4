// Package lookup holds what the list data sources (images, instance types,
// delivery groups, resource price) share: the region-ID check, parsing the
// API's timestamps, and a stable ID for a set of filters.
package lookup

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// RegionID checks the shape of a region ID (cn-shanghai, ap-southeast-1).
// Which regions exist is ListRegions' business, so the value is not pinned
// to a list.
func RegionID() validator.String {
	return stringvalidator.RegexMatches(regexp.MustCompile(`^[a-z]{2,}(-[a-z0-9]+)+$`),
		"must be a region ID such as cn-shanghai (see the appstreaming_regions data source)")
}

// apiTimeLayouts are the timestamp shapes App Streaming answers with: Get and
// List use 2022-04-26T15:06:16.000+00:00; other actions use RFC 3339 with or
// without seconds, and some consoles show "2006-01-02 15:04:05".
var apiTimeLayouts = []string{
	"2006-01-02T15:04:05.000-07:00",
	time.RFC3339Nano,
	time.RFC3339,
	"2006-01-02T15:04Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04:05",
	"2006-01-02",
}

// ParseTime parses an API timestamp. Values without a zone are taken as UTC.
// It must be used instead of comparing strings: the API's offsets differ and
// a later time can sort lower as text.
func ParseTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, l := range apiTimeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// FormatTime returns s as RFC 3339 in UTC when it parses, else s unchanged
// (an unexpected format is shown rather than hidden).
func FormatTime(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	if t, ok := ParseTime(s); ok {
		return types.StringValue(t.Format(time.RFC3339))
	}
	return types.StringValue(s)
}

// FilterID returns a short stable ID for a data source read from the values
// that select its result, so two lookups with the same filters share an ID.
func FilterID(prefix string, filters any) string {
	b, _ := json.Marshal(filters)
	sum := sha256.Sum256(b)
	return prefix + "-" + hex.EncodeToString(sum[:6])
}

// StringOrNull maps "" to null: the API leaves fields empty that it does
// not know, and null says "unknown to the service" more honestly than "".
func StringOrNull(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// Strings returns a non-nil copy, so an empty API list becomes [] in state.
func Strings(in []string) []string {
	out := make([]string, 0, len(in))
	return append(out, in...)
}
