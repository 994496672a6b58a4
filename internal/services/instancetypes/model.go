package instancetypes

import (
	"fmt"
	"math"
	"regexp"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
)

type model struct {
	ID            types.String        `tfsdk:"id"`
	RegionID      types.String        `tfsdk:"region_id"`
	CPU           types.Int64         `tfsdk:"cpu"`
	MemoryGiB     types.Float64       `tfsdk:"memory_gib"`
	GPU           types.Bool          `tfsdk:"gpu"`
	NameRegex     types.String        `tfsdk:"name_regex"`
	InstanceTypes []instanceTypeModel `tfsdk:"instance_types"`
}

type instanceTypeModel struct {
	ID           types.String  `tfsdk:"id"`
	Name         types.String  `tfsdk:"name"`
	Family       types.String  `tfsdk:"family"`
	CPU          types.Int64   `tfsdk:"cpu"`
	MemoryGiB    types.Float64 `tfsdk:"memory_gib"`
	GPU          types.Bool    `tfsdk:"gpu"`
	GPUCount     types.Float64 `tfsdk:"gpu_count"`
	GPUMemoryGiB types.Float64 `tfsdk:"gpu_memory_gib"`
	MaxCapacity  types.Int64   `tfsdk:"max_capacity"`
}

// query is the filter set after defaults.
type query struct {
	RegionID  string   `json:"region_id"`
	CPU       *int64   `json:"cpu,omitempty"`
	MemoryGiB *float64 `json:"memory_gib,omitempty"`
	GPU       *bool    `json:"gpu,omitempty"`
	NameRegex string   `json:"name_regex,omitempty"`
}

// mbToGiB converts the API's MB to GiB, rounded to 3 decimals so 31744 MB
// reads 31 and 7680 MB reads 7.5.
func mbToGiB(mb int64) float64 {
	return math.Round(float64(mb)/1024*1000) / 1000
}

func hasGPU(t client.NodeInstanceType) bool { return t.GPU > 0 || t.GPUMemory > 0 }

func selectTypes(all []client.NodeInstanceType, q query) ([]client.NodeInstanceType, error) {
	var re *regexp.Regexp
	if q.NameRegex != "" {
		var err error
		if re, err = regexp.Compile(q.NameRegex); err != nil {
			return nil, fmt.Errorf("name_regex: %w", err)
		}
	}
	seen := map[string]bool{}
	out := make([]client.NodeInstanceType, 0, len(all))
	for _, t := range all {
		switch {
		case seen[t.NodeInstanceType]:
		case q.CPU != nil && math.Round(t.CPU) != float64(*q.CPU):
		case q.MemoryGiB != nil && math.Abs(mbToGiB(t.Memory)-*q.MemoryGiB) > 0.01:
		case q.GPU != nil && hasGPU(t) != *q.GPU:
		case re != nil && !re.MatchString(t.NodeInstanceType) && !re.MatchString(t.NodeTypeName):
		default:
			seen[t.NodeInstanceType] = true
			out = append(out, t)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		switch {
		case a.CPU != b.CPU:
			return a.CPU < b.CPU
		case a.Memory != b.Memory:
			return a.Memory < b.Memory
		case a.GPUMemory != b.GPUMemory:
			return a.GPUMemory < b.GPUMemory
		}
		return a.NodeInstanceType < b.NodeInstanceType
	})
	return out, nil
}

func flattenType(t client.NodeInstanceType) instanceTypeModel {
	return instanceTypeModel{
		ID:           types.StringValue(t.NodeInstanceType),
		Name:         types.StringValue(t.NodeTypeName),
		Family:       types.StringValue(t.NodeInstanceTypeFamily),
		CPU:          types.Int64Value(int64(math.Round(t.CPU))),
		MemoryGiB:    types.Float64Value(mbToGiB(t.Memory)),
		GPU:          types.BoolValue(hasGPU(t)),
		GPUCount:     types.Float64Value(t.GPU),
		GPUMemoryGiB: types.Float64Value(mbToGiB(t.GPUMemory)),
		MaxCapacity:  types.Int64Value(int64(t.MaxCapacity)),
	}
}
