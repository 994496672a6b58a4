package validators

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// elementPath returns where the diagnostic for element i of a collection goes.
type elementPath func(i int, v attr.Value) path.Path

var (
	_ validator.Set  = NoEmptyStringsValidator{}
	_ validator.List = NoEmptyStringsValidator{}
)

// NoEmptyStringsValidator checks every string in a set or list.
type NoEmptyStringsValidator struct{}

// NoEmptyStrings returns a set/list validator: every entry must be non-empty
// and have no leading or trailing whitespace. Usernames like " alice" would be
// sent verbatim and then never match the real account, so they are rejected
// rather than silently trimmed (trimming would make config and state differ).
func NoEmptyStrings() NoEmptyStringsValidator { return NoEmptyStringsValidator{} }

func (NoEmptyStringsValidator) Description(_ context.Context) string {
	return "entries must be non-empty and have no leading or trailing whitespace"
}

func (v NoEmptyStringsValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v NoEmptyStringsValidator) ValidateSet(ctx context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	resp.Diagnostics.Append(v.check(ctx, req.Path, req.ConfigValue.Elements(),
		func(_ int, e attr.Value) path.Path { return req.Path.AtSetValue(e) })...)
}

func (v NoEmptyStringsValidator) ValidateList(ctx context.Context, req validator.ListRequest, resp *validator.ListResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	resp.Diagnostics.Append(v.check(ctx, req.Path, req.ConfigValue.Elements(),
		func(i int, _ attr.Value) path.Path { return req.Path.AtListIndex(i) })...)
}

func (NoEmptyStringsValidator) check(ctx context.Context, p path.Path, elems []attr.Value, at elementPath) diag.Diagnostics {
	var diags diag.Diagnostics
	name := attrName(p)
	for i, e := range elems {
		s, ok := asString(ctx, e)
		if !ok {
			continue
		}
		switch {
		case strings.TrimSpace(s) == "":
			diags.AddAttributeError(at(i, e), "Invalid Entry",
				fmt.Sprintf("%s entries must not be empty or only whitespace, got %q", name, s))
		case strings.TrimSpace(s) != s:
			diags.AddAttributeError(at(i, e), "Invalid Entry",
				fmt.Sprintf("%s entries must not have leading or trailing whitespace, got %q; use %q",
					name, s, strings.TrimSpace(s)))
		}
	}
	return diags
}

var (
	_ validator.Set  = UniqueStringsValidator{}
	_ validator.List = UniqueStringsValidator{}
)

// UniqueStringsValidator checks that strings in a list (or set) are unique.
type UniqueStringsValidator struct{}

// UniqueStrings returns a list/set validator rejecting exact duplicates. A
// set already collapses exact duplicates, so on a set it never fires; it is
// accepted there so schemas can switch between list and set freely.
// Matching is exact: whether user names are case-sensitive is undocumented.
func UniqueStrings() UniqueStringsValidator { return UniqueStringsValidator{} }

func (UniqueStringsValidator) Description(_ context.Context) string {
	return "entries must be unique"
}

func (v UniqueStringsValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v UniqueStringsValidator) ValidateList(ctx context.Context, req validator.ListRequest, resp *validator.ListResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	resp.Diagnostics.Append(v.check(ctx, req.Path, req.ConfigValue.Elements(),
		func(i int, _ attr.Value) path.Path { return req.Path.AtListIndex(i) })...)
}

func (v UniqueStringsValidator) ValidateSet(ctx context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	resp.Diagnostics.Append(v.check(ctx, req.Path, req.ConfigValue.Elements(),
		func(_ int, e attr.Value) path.Path { return req.Path.AtSetValue(e) })...)
}

func (UniqueStringsValidator) check(ctx context.Context, p path.Path, elems []attr.Value, at elementPath) diag.Diagnostics {
	var diags diag.Diagnostics
	name := attrName(p)
	first := map[string]int{}
	for i, e := range elems {
		s, ok := asString(ctx, e)
		if !ok {
			continue
		}
		if j, dup := first[s]; dup {
			diags.AddAttributeError(at(i, e), "Duplicate Entry",
				fmt.Sprintf("%s entries must be unique, got %q at positions %d and %d", name, s, j+1, i+1))
			continue
		}
		first[s] = i
	}
	return diags
}
