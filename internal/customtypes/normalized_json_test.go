package customtypes

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func TestJSONSemanticallyEqual(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{`{"a":1,"b":[1,2]}`, "{\n  \"b\": [1, 2],\n  \"a\": 1\n}", true},
		{`[{"target":"agent","config":{"x":true}}]`, `[ { "config" : { "x" : true } , "target" : "agent" } ]`, true},
		{`1`, `1.0`, true},
		{`100`, `1e2`, true},
		{`"x"`, ` "x" `, true},
		{`null`, `null`, true},
		{`{}`, `{ }`, true},
		{`{"a":1}`, `{"a":2}`, false},
		{`{"a":1}`, `{"a":1,"b":null}`, false},
		{`[1,2]`, `[2,1]`, false},
		{`{"a":"1"}`, `{"a":1}`, false},
		{`true`, `"true"`, false},
		{`null`, `{}`, false},
		// Beyond float64 precision: must not compare equal.
		{`17440009123456789`, `17440009123456788`, false},
		{`12345678901234567890123`, `12345678901234567890123.0`, true},
		{`"a\u0062"`, `"ab"`, true},
	}
	for _, tt := range tests {
		got, err := JSONSemanticallyEqual(tt.a, tt.b)
		if err != nil || got != tt.want {
			t.Errorf("JSONSemanticallyEqual(%s, %s) = %v, %v; want %v", tt.a, tt.b, got, err, tt.want)
		}
	}
	for _, bad := range [][2]string{{`{`, `{}`}, {`{}`, `{} {}`}, {``, `1`}} {
		if _, err := JSONSemanticallyEqual(bad[0], bad[1]); err == nil {
			t.Errorf("JSONSemanticallyEqual(%q, %q): want error", bad[0], bad[1])
		}
	}
}

func TestValidateJSON(t *testing.T) {
	tests := map[string]string{
		`{"a":1}`:   "",
		` [ ] `:     "",
		"1\n":       "",
		``:          "empty input: expected a JSON value",
		`   `:       "empty input: expected a JSON value",
		`{"a":}`:    "invalid character '}' looking for beginning of value (at byte 6)",
		`{"a":1}}`:  "unexpected data after the JSON value (at byte 8)",
		`{'a':1}`:   "invalid character '\\'' looking for beginning of object key string (at byte 2)",
		`[1,2`:      "unexpected EOF",
		`{"a":1} 2`: "unexpected data after the JSON value (at byte 9)",
	}
	for in, want := range tests {
		err := ValidateJSON(in)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != want {
			t.Errorf("ValidateJSON(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCanonicalJSON(t *testing.T) {
	got, err := CanonicalJSON("{ \"b\": [1, 2.50], \"a\": {\"y\": \"<&>\", \"x\": null} }")
	if err != nil || got != `{"a":{"x":null,"y":"<&>"},"b":[1,2.50]}` {
		t.Errorf("CanonicalJSON = %q, %v", got, err)
	}
	if _, err := CanonicalJSON(`{`); err == nil {
		t.Error("CanonicalJSON({): want error")
	}
}

func TestNormalizedJSONSemanticEquals(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name      string
		prior, nv NormalizedJSONValue
		want      bool
	}{
		{"reformatted", NewNormalizedJSONValue(`{"a":1,"b":2}`), NewNormalizedJSONValue("{\n \"b\": 2,\n \"a\": 1\n}"), true},
		{"identical", NewNormalizedJSONValue(`[1]`), NewNormalizedJSONValue(`[1]`), true},
		{"changed", NewNormalizedJSONValue(`{"a":1}`), NewNormalizedJSONValue(`{"a":2}`), false},
		{"invalid new", NewNormalizedJSONValue(`{"a":1}`), NewNormalizedJSONValue(`{"a":1`), false},
		{"invalid both same", NewNormalizedJSONValue(`{`), NewNormalizedJSONValue(`{`), false},
		{"null prior", NormalizedJSONNull(), NewNormalizedJSONValue(`{}`), false},
		{"unknown new", NewNormalizedJSONValue(`{}`), NormalizedJSONUnknown(), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, diags := tt.prior.StringSemanticEquals(ctx, tt.nv)
			if diags.HasError() || got != tt.want {
				t.Errorf("got %v (%v), want %v", got, diags, tt.want)
			}
		})
	}
	t.Run("wrong type", func(t *testing.T) {
		_, diags := NewNormalizedJSONValue(`{}`).StringSemanticEquals(ctx, types.StringValue(`{}`))
		if !diags.HasError() {
			t.Error("want an error diagnostic for a plain string")
		}
	})
}

func TestNormalizedJSONValidateAttribute(t *testing.T) {
	ctx := context.Background()
	p := path.Root("user_define_policy").AtName("custom_config")
	run := func(v NormalizedJSONValue) diag.Diagnostics {
		resp := xattr.ValidateAttributeResponse{}
		v.ValidateAttribute(ctx, xattr.ValidateAttributeRequest{Path: p}, &resp)
		return resp.Diagnostics
	}
	for _, v := range []NormalizedJSONValue{NewNormalizedJSONValue(`[{"target":"agent","config":{}}]`), NormalizedJSONNull(), NormalizedJSONUnknown()} {
		if d := run(v); d.HasError() {
			t.Errorf("%s: unexpected %v", v, d)
		}
	}
	d := run(NewNormalizedJSONValue(`{"a":}`))
	if len(d) != 1 {
		t.Fatalf("want 1 diagnostic, got %v", d)
	}
	dp, ok := d[0].(diag.DiagnosticWithPath)
	if !ok || !dp.Path().Equal(p) {
		t.Errorf("diagnostic path: got %v, want %s", d[0], p)
	}
	if d[0].Summary() != "Invalid JSON" ||
		d[0].Detail() != `custom_config must be valid JSON text, got "{\"a\":}": invalid character '}' looking for beginning of value (at byte 6)` {
		t.Errorf("got %q / %q", d[0].Summary(), d[0].Detail())
	}

	long := `{"k":"` + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	d = run(NewNormalizedJSONValue(long))
	if len(d) != 1 || len(d[0].Detail()) > 200 {
		t.Errorf("long input should be abbreviated in the message, got %q", d[0].Detail())
	}
}

func TestNormalizedJSONType(t *testing.T) {
	ctx := context.Background()
	typ := NormalizedJSONType{}
	if !typ.Equal(NormalizedJSONType{}) || typ.Equal(types.StringType) {
		t.Error("Type.Equal must only match NormalizedJSONType")
	}
	if _, ok := typ.ValueType(ctx).(NormalizedJSONValue); !ok {
		t.Error("ValueType must be NormalizedJSONValue")
	}
	for _, in := range []tftypes.Value{
		tftypes.NewValue(tftypes.String, `{"a":1}`),
		tftypes.NewValue(tftypes.String, nil),
		tftypes.NewValue(tftypes.String, tftypes.UnknownValue),
	} {
		v, err := typ.ValueFromTerraform(ctx, in)
		if err != nil {
			t.Fatalf("ValueFromTerraform(%v): %v", in, err)
		}
		nv, ok := v.(NormalizedJSONValue)
		if !ok {
			t.Fatalf("got %T", v)
		}
		back, err := nv.ToTerraformValue(ctx)
		if err != nil || !back.Equal(in) {
			t.Errorf("round trip %v -> %v (%v)", in, back, err)
		}
		if !nv.Type(ctx).Equal(typ) {
			t.Error("value type mismatch")
		}
	}
	if _, err := typ.ValueFromTerraform(ctx, tftypes.NewValue(tftypes.Number, 1)); err == nil {
		t.Error("ValueFromTerraform(number): want error")
	}

	a, b := NewNormalizedJSONValue(`{"a":1}`), NewNormalizedJSONValue(`{ "a": 1 }`)
	if a.Equal(b) || !a.Equal(NewNormalizedJSONValue(`{"a":1}`)) || a.Equal(types.StringValue(`{"a":1}`)) {
		t.Error("Equal must be exact and type-strict")
	}
	s := "x"
	if !NewNormalizedJSONPointerValue(nil).IsNull() || NewNormalizedJSONPointerValue(&s).ValueString() != "x" {
		t.Error("pointer constructor")
	}
	var _ basetypes.StringValuableWithSemanticEquals = a
}
