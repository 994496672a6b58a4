package validators

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// attrName returns the name a user wrote for the attribute at p: the last
// attribute-name step, so an element path such as users[Value("x")] reads as
// "users" and node_pool.capacity as "capacity". The full location is carried
// by the diagnostic's path anyway.
func attrName(p path.Path) string {
	steps := p.Steps()
	for i := len(steps) - 1; i >= 0; i-- {
		if name, ok := steps[i].(path.PathStepAttributeName); ok {
			return string(name)
		}
	}
	if s := p.String(); s != "" {
		return s
	}
	return "value"
}

// quoteList renders allowed string values as "A", "B" or "C".
func quoteList(values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = fmt.Sprintf("%q", v)
	}
	return joinOr(q)
}

// intList renders allowed numbers as 1, 2, 3 or 6.
func intList(values []int64) string {
	s := make([]string, len(values))
	for i, v := range values {
		s[i] = fmt.Sprintf("%d", v)
	}
	return joinOr(s)
}

func joinOr(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

// configValue is one attribute value found in a config by a path expression.
type configValue struct {
	path  path.Path
	value attr.Value
}

// knownValues resolves expr against config and returns the matches whose
// values are neither null nor unknown. PathMatches returns a null or unknown
// parent instead of the leaf when a parent block is absent; those are dropped
// with the other null/unknown values, which is what we want.
//
// total is the number of matched paths before dropping, so callers can tell a
// single-location attribute from a list whose other elements are null.
func knownValues(ctx context.Context, config tfsdk.Config, expr path.Expression) (out []configValue, total int, diags diag.Diagnostics) {
	paths, d := config.PathMatches(ctx, expr)
	diags.Append(d...)
	if d.HasError() {
		return nil, 0, diags
	}
	for _, p := range paths {
		var v attr.Value
		d := config.GetAttribute(ctx, p, &v)
		diags.Append(d...)
		if d.HasError() || v == nil || v.IsNull() || v.IsUnknown() {
			continue
		}
		out = append(out, configValue{path: p, value: v})
	}
	return out, len(paths), diags
}

// companion finds the value that belongs with target: the one under the same
// parent (e.g. node_pools[2].instance_type for node_pools[2].capacity), or the
// single match when the expression resolved to exactly one path.
func companion(target path.Path, candidates []configValue, total int) (configValue, bool) {
	parent := target.ParentPath()
	for _, c := range candidates {
		if c.path.ParentPath().Equal(parent) {
			return c, true
		}
	}
	if total == 1 && len(candidates) == 1 {
		return candidates[0], true
	}
	return configValue{}, false
}

// asString extracts a Go string from a (possibly custom) string value.
func asString(ctx context.Context, v attr.Value) (string, bool) {
	sv, ok := v.(basetypes.StringValuable)
	if !ok {
		return "", false
	}
	s, d := sv.ToStringValue(ctx)
	if d.HasError() || s.IsNull() || s.IsUnknown() {
		return "", false
	}
	return s.ValueString(), true
}

// asInt64 extracts an integer from an Int64 or Int32 (possibly custom) value;
// the API declares most counts as int32, so resources may use either.
func asInt64(ctx context.Context, v attr.Value) (int64, bool) {
	switch iv := v.(type) {
	case basetypes.Int64Valuable:
		n, d := iv.ToInt64Value(ctx)
		if d.HasError() || n.IsNull() || n.IsUnknown() {
			return 0, false
		}
		return n.ValueInt64(), true
	case basetypes.Int32Valuable:
		n, d := iv.ToInt32Value(ctx)
		if d.HasError() || n.IsNull() || n.IsUnknown() {
			return 0, false
		}
		return int64(n.ValueInt32()), true
	}
	return 0, false
}
