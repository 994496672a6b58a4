package common

import (
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// IntPtr is the API's optional int for a framework value: nil when the value
// is null or unknown, so the request leaves the field out.
func IntPtr(v types.Int64) *int {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	n := int(v.ValueInt64())
	return &n
}

// BoolPtr is the API's optional bool for a framework value (nil when null or unknown).
func BoolPtr(v types.Bool) *bool {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	b := v.ValueBool()
	return &b
}

// StringOrNull maps "" to null: the API leaves fields empty that it does
// not know, and null says "unknown to the service" more honestly than "".
func StringOrNull(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
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
// (an unexpected format is shown rather than hidden); null when s is "".
// Every timestamp attribute of the provider goes through it.
func FormatTime(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	if t, ok := ParseTime(s); ok {
		return types.StringValue(t.Format(time.RFC3339))
	}
	return types.StringValue(s)
}
