// Package lookup holds what the list data sources (images, instance types,
// delivery groups, resource price) share: the region-ID check, a stable ID
// for a set of filters and the computed-string attribute. Timestamps and
// nulls are common's (common.FormatTime).
package lookup

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// RegionID checks the shape of a region ID (cn-shanghai, ap-southeast-1).
// Which regions exist is ListRegions' business, so the value is not pinned
// to a list.
func RegionID() validator.String {
	return stringvalidator.RegexMatches(regexp.MustCompile(`^[a-z]{2,}(-[a-z0-9]+)+$`),
		"must be a region ID such as cn-shanghai (see the appstreaming_regions data source)")
}

// FilterID returns a short stable ID for a data source read from the values
// that select its result, so two lookups with the same filters share an ID.
func FilterID(prefix string, filters any) string {
	b, _ := json.Marshal(filters)
	sum := sha256.Sum256(b)
	return prefix + "-" + hex.EncodeToString(sum[:6])
}

// Strings returns a non-nil copy, so an empty API list becomes [] in state.
func Strings(in []string) []string {
	out := make([]string, 0, len(in))
	return append(out, in...)
}

// Computed returns a computed string attribute (most result fields).
func Computed(desc string) schema.StringAttribute {
	return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
}
