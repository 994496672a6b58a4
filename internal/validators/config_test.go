package validators

import (
	"context"
	"math/big"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dsschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The test schema mirrors how resources use these validators: top-level
// period/period_unit, a single nested node_pool, and a list of node pools to
// exercise wildcard pairing.
var (
	poolType = tftypes.Object{AttributeTypes: map[string]tftypes.Type{
		"instance_type": tftypes.String,
		"capacity":      tftypes.Number,
	}}
	rootType = tftypes.Object{AttributeTypes: map[string]tftypes.Type{
		"period":      tftypes.Number,
		"period_unit": tftypes.String,
		"node_pool":   poolType,
		"node_pools":  tftypes.List{ElementType: poolType},
	}}
	poolAttrs = map[string]schema.Attribute{
		"instance_type": schema.StringAttribute{Optional: true},
		"capacity":      schema.Int64Attribute{Optional: true},
	}
	testSchema = schema.Schema{Attributes: map[string]schema.Attribute{
		"period":      schema.Int64Attribute{Optional: true},
		"period_unit": schema.StringAttribute{Optional: true},
		"node_pool":   schema.SingleNestedAttribute{Optional: true, Attributes: poolAttrs},
		"node_pools": schema.ListNestedAttribute{Optional: true,
			NestedObject: schema.NestedAttributeObject{Attributes: poolAttrs}},
	}}
)

// unknownV marks a value as unknown in the helpers below.
type unknownV struct{}

func num(v any) tftypes.Value {
	switch x := v.(type) {
	case nil:
		return tftypes.NewValue(tftypes.Number, nil)
	case unknownV:
		return tftypes.NewValue(tftypes.Number, tftypes.UnknownValue)
	case int:
		return tftypes.NewValue(tftypes.Number, big.NewFloat(float64(x)))
	}
	panic("bad num")
}

func str(v any) tftypes.Value {
	switch x := v.(type) {
	case nil:
		return tftypes.NewValue(tftypes.String, nil)
	case unknownV:
		return tftypes.NewValue(tftypes.String, tftypes.UnknownValue)
	case string:
		return tftypes.NewValue(tftypes.String, x)
	}
	panic("bad str")
}

func pool(instanceType, capacity any) tftypes.Value {
	return tftypes.NewValue(poolType, map[string]tftypes.Value{
		"instance_type": str(instanceType), "capacity": num(capacity),
	})
}

type cfg struct {
	period, unit any
	pool         *tftypes.Value
	pools        []tftypes.Value
}

func (c cfg) config() tfsdk.Config {
	p := tftypes.NewValue(poolType, nil)
	if c.pool != nil {
		p = *c.pool
	}
	ps := tftypes.NewValue(tftypes.List{ElementType: poolType}, nil)
	if c.pools != nil {
		ps = tftypes.NewValue(tftypes.List{ElementType: poolType}, c.pools)
	}
	return tfsdk.Config{Schema: testSchema, Raw: tftypes.NewValue(rootType, map[string]tftypes.Value{
		"period": num(c.period), "period_unit": str(c.unit), "node_pool": p, "node_pools": ps,
	})}
}

func ptr(v tftypes.Value) *tftypes.Value { return &v }

func TestPeriodUnitPair(t *testing.T) {
	v := PeriodUnitPair(path.MatchRoot("period"), path.MatchRoot("period_unit"))
	const sum = "Invalid Period"
	tests := map[string]struct {
		c    cfg
		want []wantDiag
	}{
		"week 1":         {cfg{period: 1, unit: "Week"}, nil},
		"month 1":        {cfg{period: 1, unit: "Month"}, nil},
		"month 2":        {cfg{period: 2, unit: "Month"}, nil},
		"month 3":        {cfg{period: 3, unit: "Month"}, nil},
		"month 6":        {cfg{period: 6, unit: "Month"}, nil},
		"year 1":         {cfg{period: 1, unit: "Year"}, nil},
		"year 2":         {cfg{period: 2, unit: "Year"}, nil},
		"year 3":         {cfg{period: 3, unit: "Year"}, nil},
		"both null":      {cfg{}, nil},
		"period null":    {cfg{unit: "Week"}, nil},
		"unit null":      {cfg{period: 5}, nil},
		"period unknown": {cfg{period: unknownV{}, unit: "Week"}, nil},
		"unit unknown":   {cfg{period: 2, unit: unknownV{}}, nil},
		// Left to PeriodUnit() so the user sees one error, not two.
		"bad unit": {cfg{period: 2, unit: "week"}, nil},
		"week 2": {cfg{period: 2, unit: "Week"}, []wantDiag{
			{"period", sum, `period must be 1 when period_unit is "Week", got 2`}}},
		"month 4": {cfg{period: 4, unit: "Month"}, []wantDiag{
			{"period", sum, `period must be one of 1, 2, 3 or 6 when period_unit is "Month", got 4`}}},
		"month 12": {cfg{period: 12, unit: "Month"}, []wantDiag{
			{"period", sum, `period must be one of 1, 2, 3 or 6 when period_unit is "Month", got 12`}}},
		"year 6": {cfg{period: 6, unit: "Year"}, []wantDiag{
			{"period", sum, `period must be one of 1, 2 or 3 when period_unit is "Year", got 6`}}},
		"year 0": {cfg{period: 0, unit: "Year"}, []wantDiag{
			{"period", sum, `period must be one of 1, 2 or 3 when period_unit is "Year", got 0`}}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			resp := resource.ValidateConfigResponse{}
			v.ValidateResource(context.Background(), resource.ValidateConfigRequest{Config: tt.c.config()}, &resp)
			checkDiags(t, resp.Diagnostics, tt.want)
		})
	}
}

func TestPeriodUnitPairDataSource(t *testing.T) {
	ds := dsschema.Schema{Attributes: map[string]dsschema.Attribute{
		"period":      dsschema.Int64Attribute{Optional: true},
		"period_unit": dsschema.StringAttribute{Optional: true},
	}}
	raw := tftypes.NewValue(tftypes.Object{AttributeTypes: map[string]tftypes.Type{
		"period": tftypes.Number, "period_unit": tftypes.String,
	}}, map[string]tftypes.Value{"period": num(3), "period_unit": str("Week")})
	var v datasource.ConfigValidator = PeriodUnitPair(path.MatchRoot("period"), path.MatchRoot("period_unit"))
	resp := datasource.ValidateConfigResponse{}
	v.ValidateDataSource(context.Background(), datasource.ValidateConfigRequest{Config: tfsdk.Config{Schema: ds, Raw: raw}}, &resp)
	checkDiags(t, resp.Diagnostics, []wantDiag{{"period", "Invalid Period", `period must be 1 when period_unit is "Week", got 3`}})
	if v.Description(context.Background()) == "" {
		t.Error("empty description")
	}
}

func TestNodeCapacityForInstanceType(t *testing.T) {
	single := NodeCapacityForInstanceType(path.MatchRoot("node_pool").AtName("instance_type"), path.MatchRoot("node_pool").AtName("capacity"))
	const sum = "Invalid Node Capacity"
	tests := map[string]struct {
		pool tftypes.Value
		want []wantDiag
	}{
		"4c8g 1":           {pool("appstreaming.general.4c8g", 1), nil},
		"4c8g 2":           {pool("appstreaming.general.4c8g", 2), nil},
		"8c16g 4":          {pool("appstreaming.general.8c16g", 4), nil},
		"vgpu 8c16g 4":     {pool("appstreaming.vgpu.8c16g.4g", 4), nil},
		"vgpu 8c31g 4":     {pool("appstreaming.vgpu.8c31g.16g", 4), nil},
		"vgpu 14c93g 6":    {pool("appstreaming.vgpu.14c93g.12g", 6), nil},
		"undocumented 50":  {pool("appstreaming.vgpu.4c8g.2g", 50), nil},
		"type unknown 9":   {pool(unknownV{}, 9), nil},
		"type null 9":      {pool(nil, 9), nil},
		"capacity null":    {pool("appstreaming.general.4c8g", nil), nil},
		"capacity unknown": {pool("appstreaming.general.4c8g", unknownV{}), nil},
		"pool null":        {tftypes.NewValue(poolType, nil), nil},
		"pool unknown":     {tftypes.NewValue(poolType, tftypes.UnknownValue), nil},
		"4c8g 3": {pool("appstreaming.general.4c8g", 3), []wantDiag{{"node_pool.capacity", sum,
			`capacity must be between 1 and 2 sessions per resource when instance_type is "appstreaming.general.4c8g", got 3`}}},
		"8c16g 5": {pool("appstreaming.general.8c16g", 5), []wantDiag{{"node_pool.capacity", sum,
			`capacity must be between 1 and 4 sessions per resource when instance_type is "appstreaming.general.8c16g", got 5`}}},
		"vgpu 14c93g 7": {pool("appstreaming.vgpu.14c93g.12g", 7), []wantDiag{{"node_pool.capacity", sum,
			`capacity must be between 1 and 6 sessions per resource when instance_type is "appstreaming.vgpu.14c93g.12g", got 7`}}},
		"4c8g 0": {pool("appstreaming.general.4c8g", 0), []wantDiag{{"node_pool.capacity", sum,
			`capacity must be between 1 and 2 sessions per resource when instance_type is "appstreaming.general.4c8g", got 0`}}},
		"undocumented 0": {pool("appstreaming.vgpu.4c8g.2g", 0), []wantDiag{{"node_pool.capacity", sum,
			`capacity must be at least 1 session per resource, got 0`}}},
		"type unknown -1": {pool(unknownV{}, -1), []wantDiag{{"node_pool.capacity", sum,
			`capacity must be at least 1 session per resource, got -1`}}},
		// IDs are exact: a differently-cased type is not in the table.
		"case differs": {pool("APPSTREAMING.GENERAL.4C8G", 3), nil},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			resp := resource.ValidateConfigResponse{}
			single.ValidateResource(context.Background(), resource.ValidateConfigRequest{Config: cfg{pool: ptr(tt.pool)}.config()}, &resp)
			checkDiags(t, resp.Diagnostics, tt.want)
		})
	}

	t.Run("list pairs by element", func(t *testing.T) {
		v := NodeCapacityForInstanceType(
			path.MatchRoot("node_pools").AtAnyListIndex().AtName("instance_type"),
			path.MatchRoot("node_pools").AtAnyListIndex().AtName("capacity"))
		c := cfg{pools: []tftypes.Value{
			pool("appstreaming.vgpu.14c93g.12g", 5), // fine for this type, too big for 4c8g below
			pool("appstreaming.general.4c8g", 5),
			pool(nil, 5),
			pool("appstreaming.general.8c16g", 0),
		}}
		resp := resource.ValidateConfigResponse{}
		v.ValidateResource(context.Background(), resource.ValidateConfigRequest{Config: c.config()}, &resp)
		checkDiags(t, resp.Diagnostics, []wantDiag{
			{"node_pools[1].capacity", sum, `capacity must be between 1 and 2 sessions per resource when instance_type is "appstreaming.general.4c8g", got 5`},
			{"node_pools[3].capacity", sum, `capacity must be between 1 and 4 sessions per resource when instance_type is "appstreaming.general.8c16g", got 0`},
		})
	})

	t.Run("list never pairs across elements", func(t *testing.T) {
		v := NodeCapacityForInstanceType(
			path.MatchRoot("node_pools").AtAnyListIndex().AtName("instance_type"),
			path.MatchRoot("node_pools").AtAnyListIndex().AtName("capacity"))
		// Element 1 has no instance type; the 4c8g limit of element 0 must not apply to it.
		c := cfg{pools: []tftypes.Value{pool("appstreaming.general.4c8g", 1), pool(nil, 5)}}
		resp := resource.ValidateConfigResponse{}
		v.ValidateResource(context.Background(), resource.ValidateConfigRequest{Config: c.config()}, &resp)
		checkDiags(t, resp.Diagnostics, nil)
	})

	t.Run("bad expression reports schema error", func(t *testing.T) {
		v := NodeCapacityForInstanceType(path.MatchRoot("nope"), path.MatchRoot("node_pool").AtName("capacity"))
		resp := resource.ValidateConfigResponse{}
		v.ValidateResource(context.Background(), resource.ValidateConfigRequest{Config: cfg{pool: ptr(pool("x", 1))}.config()}, &resp)
		if !resp.Diagnostics.HasError() || resp.Diagnostics[0].Summary() != "Invalid Path Expression for Schema" {
			t.Fatalf("want a path-expression error, got:\n%s", dump(resp.Diagnostics))
		}
	})
}

func TestDocumentedCapacityRange(t *testing.T) {
	tests := []struct {
		typ      string
		min, max int64
		ok       bool
	}{
		{"appstreaming.general.4c8g", 1, 2, true},
		{"appstreaming.general.8c16g", 1, 4, true},
		{"appstreaming.vgpu.8c16g.4g", 1, 4, true},
		{"appstreaming.vgpu.8c31g.16g", 1, 4, true},
		{"appstreaming.vgpu.14c93g.12g", 1, 6, true},
		{"appstreaming.vgpu.4c8g.2g", 0, 0, false},
		{"", 0, 0, false},
	}
	for _, tt := range tests {
		min, max, ok := DocumentedCapacityRange(tt.typ)
		if min != tt.min || max != tt.max || ok != tt.ok {
			t.Errorf("DocumentedCapacityRange(%q) = %d, %d, %v; want %d, %d, %v", tt.typ, min, max, ok, tt.min, tt.max, tt.ok)
		}
	}
}

func TestCheckCapacity(t *testing.T) {
	tests := []struct {
		typ           string
		capacity, max int64
		err           string
	}{
		{"appstreaming.general.4c8g", 2, 0, ""},
		{"appstreaming.general.4c8g", 3, 0, `capacity must be between 1 and 2 for instance type "appstreaming.general.4c8g", got 3`},
		// The API's MaxCapacity is authoritative over the documented table.
		{"appstreaming.general.4c8g", 3, 3, ""},
		{"appstreaming.general.4c8g", 2, 1, `capacity must be between 1 and 1 for instance type "appstreaming.general.4c8g", got 2`},
		{"appstreaming.vgpu.4c8g.2g", 3, 3, ""},
		{"appstreaming.vgpu.4c8g.2g", 4, 3, `capacity must be between 1 and 3 for instance type "appstreaming.vgpu.4c8g.2g", got 4`},
		{"appstreaming.vgpu.4c8g.2g", 99, 0, ""},
		{"appstreaming.vgpu.4c8g.2g", 0, 0, `capacity must be at least 1, got 0`},
		{"appstreaming.vgpu.4c8g.2g", 0, 3, `capacity must be between 1 and 3 for instance type "appstreaming.vgpu.4c8g.2g", got 0`},
	}
	for _, tt := range tests {
		err := CheckCapacity(tt.typ, tt.capacity, tt.max)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.err {
			t.Errorf("CheckCapacity(%q, %d, %d) = %q, want %q", tt.typ, tt.capacity, tt.max, got, tt.err)
		}
	}
}
