package customtypes

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

var _ basetypes.StringTypable = NormalizedJSONType{}

// NormalizedJSONType is a string type holding JSON text (e.g. custom_config,
// api-notes §4 rule 34). Use it as CustomType on a schema.StringAttribute and
// NormalizedJSONValue in the model.
type NormalizedJSONType struct {
	basetypes.StringType
}

func (t NormalizedJSONType) String() string { return "customtypes.NormalizedJSONType" }

// ValueType returns the value type this type produces.
func (t NormalizedJSONType) ValueType(_ context.Context) attr.Value { return NormalizedJSONValue{} }

// Equal is true only for another NormalizedJSONType, so plain strings and
// JSON strings are not mixed up by the framework.
func (t NormalizedJSONType) Equal(o attr.Type) bool {
	other, ok := o.(NormalizedJSONType)
	if !ok {
		return false
	}
	return t.StringType.Equal(other.StringType)
}

// ValueFromString wraps a framework string value.
func (t NormalizedJSONType) ValueFromString(_ context.Context, in basetypes.StringValue) (basetypes.StringValuable, diag.Diagnostics) {
	return NormalizedJSONValue{StringValue: in}, nil
}

// ValueFromTerraform converts the wire value.
func (t NormalizedJSONType) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	v, err := t.StringType.ValueFromTerraform(ctx, in)
	if err != nil {
		return nil, err
	}
	sv, ok := v.(basetypes.StringValue)
	if !ok {
		return nil, fmt.Errorf("unexpected value type %T", v)
	}
	vv, diags := t.ValueFromString(ctx, sv)
	if diags.HasError() {
		return nil, fmt.Errorf("unexpected error converting StringValue to NormalizedJSONValue: %v", diags)
	}
	return vv, nil
}

var (
	_ basetypes.StringValuableWithSemanticEquals = NormalizedJSONValue{}
	_ xattr.ValidateableAttribute                = NormalizedJSONValue{}
)

// NormalizedJSONValue is JSON text whose whitespace, key order and number
// spelling do not matter: the service may return custom_config reformatted,
// and that must not show up as a diff.
type NormalizedJSONValue struct {
	basetypes.StringValue
}

// NewNormalizedJSONValue returns a known value holding s (not validated here:
// validation happens on the attribute at plan time).
func NewNormalizedJSONValue(s string) NormalizedJSONValue {
	return NormalizedJSONValue{StringValue: basetypes.NewStringValue(s)}
}

// NewNormalizedJSONPointerValue returns null for nil, else the value.
func NewNormalizedJSONPointerValue(s *string) NormalizedJSONValue {
	return NormalizedJSONValue{StringValue: basetypes.NewStringPointerValue(s)}
}

// NormalizedJSONNull returns a null value.
func NormalizedJSONNull() NormalizedJSONValue {
	return NormalizedJSONValue{StringValue: basetypes.NewStringNull()}
}

// NormalizedJSONUnknown returns an unknown value.
func NormalizedJSONUnknown() NormalizedJSONValue {
	return NormalizedJSONValue{StringValue: basetypes.NewStringUnknown()}
}

// Type returns NormalizedJSONType.
func (v NormalizedJSONValue) Type(_ context.Context) attr.Type { return NormalizedJSONType{} }

// Equal is exact (byte-for-byte) equality, as the framework requires;
// semantic equality is StringSemanticEquals.
func (v NormalizedJSONValue) Equal(o attr.Value) bool {
	other, ok := o.(NormalizedJSONValue)
	if !ok {
		return false
	}
	return v.StringValue.Equal(other.StringValue)
}

// StringSemanticEquals reports whether newValuable holds the same JSON as v,
// so the framework keeps the prior text instead of planning a change. Invalid
// JSON is never semantically equal to anything (ValidateAttribute reports it).
func (v NormalizedJSONValue) StringSemanticEquals(_ context.Context, newValuable basetypes.StringValuable) (bool, diag.Diagnostics) {
	var diags diag.Diagnostics
	nv, ok := newValuable.(NormalizedJSONValue)
	if !ok {
		diags.AddError("Semantic Equality Check Error",
			fmt.Sprintf("An unexpected value type was received while performing semantic equality checks. "+
				"Please report this to the provider developers.\n\nExpected Value Type: %T\nGot Value Type: %T", v, newValuable))
		return false, diags
	}
	if v.IsNull() || v.IsUnknown() || nv.IsNull() || nv.IsUnknown() {
		return false, diags
	}
	eq, err := JSONSemanticallyEqual(v.ValueString(), nv.ValueString())
	return err == nil && eq, diags
}

// ValidateAttribute rejects invalid JSON at plan time, on the attribute path.
func (v NormalizedJSONValue) ValidateAttribute(_ context.Context, req xattr.ValidateAttributeRequest, resp *xattr.ValidateAttributeResponse) {
	if v.IsNull() || v.IsUnknown() {
		return
	}
	if err := ValidateJSON(v.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid JSON",
			fmt.Sprintf("%s must be valid JSON text, got %s: %v", attrName(req.Path), abbreviate(v.ValueString()), err))
	}
}

func attrName(p path.Path) string {
	steps := p.Steps()
	for i := len(steps) - 1; i >= 0; i-- {
		if name, ok := steps[i].(path.PathStepAttributeName); ok {
			return string(name)
		}
	}
	return "value"
}

func abbreviate(s string) string {
	const max = 80
	r := []rune(s)
	if len(r) <= max {
		return fmt.Sprintf("%q", s)
	}
	return fmt.Sprintf("%q… (%d characters)", string(r[:max]), len(r))
}
