package instancetypes

import (
	"strings"
	"testing"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
)

var catalog = []client.NodeInstanceType{
	{NodeInstanceType: "appstreaming.vgpu.8c31g.16g", NodeTypeName: "Graphics 8c31g", CPU: 8, GPU: 1, Memory: 31744, GPUMemory: 16384, MaxCapacity: 4},
	{NodeInstanceType: "appstreaming.general.8c16g", NodeTypeName: "Office 8c16g", CPU: 8, Memory: 16384, MaxCapacity: 4},
	{NodeInstanceType: "appstreaming.general.4c8g", NodeTypeName: "Office 4c8g", CPU: 4, Memory: 8192, MaxCapacity: 2},
	{NodeInstanceType: "appstreaming.vgpu.8c16g.4g", NodeTypeName: "Graphics 8c16g", CPU: 8, GPU: 1, Memory: 16384, GPUMemory: 4096, MaxCapacity: 4},
	{NodeInstanceType: "appstreaming.half.2c7g", NodeTypeName: "Half", CPU: 2, Memory: 7680, MaxCapacity: 1},
}

func names(ts []client.NodeInstanceType) string {
	var s []string
	for _, t := range ts {
		s = append(s, t.NodeInstanceType)
	}
	return strings.Join(s, ",")
}

func ptr[T any](v T) *T { return &v }

func TestSelectTypes(t *testing.T) {
	cases := []struct {
		name string
		q    query
		want string
	}{
		{"all smallest first", query{}, "appstreaming.half.2c7g,appstreaming.general.4c8g,appstreaming.general.8c16g,appstreaming.vgpu.8c16g.4g,appstreaming.vgpu.8c31g.16g"},
		{"cpu", query{CPU: ptr(int64(4))}, "appstreaming.general.4c8g"},
		{"memory GiB from MB", query{MemoryGiB: ptr(16.0)}, "appstreaming.general.8c16g,appstreaming.vgpu.8c16g.4g"},
		{"fractional GiB", query{MemoryGiB: ptr(7.5)}, "appstreaming.half.2c7g"},
		{"gpu true", query{GPU: ptr(true)}, "appstreaming.vgpu.8c16g.4g,appstreaming.vgpu.8c31g.16g"},
		{"gpu false and cpu", query{GPU: ptr(false), CPU: ptr(int64(8))}, "appstreaming.general.8c16g"},
		{"regex on id", query{NameRegex: `^appstreaming\.general\.`}, "appstreaming.general.4c8g,appstreaming.general.8c16g"},
		{"regex on display name", query{NameRegex: `^Half$`}, "appstreaming.half.2c7g"},
		{"nothing", query{CPU: ptr(int64(64))}, ""},
	}
	for _, c := range cases {
		got, err := selectTypes(catalog, c.q)
		if err != nil {
			t.Fatal(err)
		}
		if names(got) != c.want {
			t.Errorf("%s: got %s, want %s", c.name, names(got), c.want)
		}
	}
}

func TestFlattenType(t *testing.T) {
	m := flattenType(catalog[0])
	if m.CPU.ValueInt64() != 8 || m.MemoryGiB.ValueFloat64() != 31 || m.GPUMemoryGiB.ValueFloat64() != 16 ||
		!m.GPU.ValueBool() || m.GPUCount.ValueFloat64() != 1 || m.MaxCapacity.ValueInt64() != 4 {
		t.Errorf("flatten = %+v", m)
	}
	if m := flattenType(catalog[4]); m.MemoryGiB.ValueFloat64() != 7.5 || m.GPU.ValueBool() || m.GPUMemoryGiB.ValueFloat64() != 0 {
		t.Errorf("flatten = %+v", m)
	}
}
