package validators

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
)

// documentedCapacity is the rule-9 table from CreateAppInstanceGroup: the
// number of concurrent sessions one resource of each type may serve. Other
// types exist (ListNodeInstanceType is authoritative), so a type missing here
// is not an error at plan time.
var documentedCapacity = map[string]int64{
	"appstreaming.general.4c8g":    2,
	"appstreaming.general.8c16g":   4,
	"appstreaming.vgpu.8c16g.4g":   4,
	"appstreaming.vgpu.8c31g.16g":  4,
	"appstreaming.vgpu.14c93g.12g": 6,
}

// MinNodeCapacity is the smallest capacity of any instance type.
const MinNodeCapacity int64 = 1

// DocumentedCapacityRange returns the documented session-capacity range for
// instanceType (exact ID) and whether the type is in the documented table.
func DocumentedCapacityRange(instanceType string) (min, max int64, ok bool) {
	m, ok := documentedCapacity[instanceType]
	if !ok {
		return 0, 0, false
	}
	return MinNodeCapacity, m, true
}

// CheckCapacity is the apply-time check: capacity must be between 1 and
// maxCapacity as reported by ListNodeInstanceType. The API value wins over
// the documented table because it is authoritative; when maxCapacity <= 0
// (unknown) the documented table is used, and for an undocumented type only
// the lower bound is checked.
func CheckCapacity(instanceType string, capacity, maxCapacity int64) error {
	max := maxCapacity
	if max <= 0 {
		if _, m, ok := DocumentedCapacityRange(instanceType); ok {
			max = m
		}
	}
	if capacity < MinNodeCapacity {
		if max > 0 {
			return fmt.Errorf("capacity must be between %d and %d for instance type %q, got %d",
				MinNodeCapacity, max, instanceType, capacity)
		}
		return fmt.Errorf("capacity must be at least %d, got %d", MinNodeCapacity, capacity)
	}
	if max > 0 && capacity > max {
		return fmt.Errorf("capacity must be between %d and %d for instance type %q, got %d",
			MinNodeCapacity, max, instanceType, capacity)
	}
	return nil
}

var (
	_ resource.ConfigValidator   = NodeCapacityValidator{}
	_ datasource.ConfigValidator = NodeCapacityValidator{}
)

// NodeCapacityValidator checks a node pool's capacity against its instance
// type (api-notes §4 rule 9).
type NodeCapacityValidator struct {
	InstanceTypePath path.Expression
	CapacityPath     path.Expression
}

// NodeCapacityForInstanceType returns a resource-level validator: capacity is
// always >= 1, and at most the documented maximum for a documented instance
// type. Undocumented or unknown instance types pass at plan time (CheckCapacity
// runs at apply). Errors go on the capacity attribute. Wildcard expressions
// pair values under the same parent.
func NodeCapacityForInstanceType(instanceTypePath, capacityPath path.Expression) NodeCapacityValidator {
	return NodeCapacityValidator{InstanceTypePath: instanceTypePath, CapacityPath: capacityPath}
}

func (v NodeCapacityValidator) Description(_ context.Context) string {
	return fmt.Sprintf("%s must be at least 1 and within the documented range for %s "+
		"(general.4c8g 1-2; general.8c16g, vgpu.8c16g.4g, vgpu.8c31g.16g 1-4; vgpu.14c93g.12g 1-6)",
		v.CapacityPath, v.InstanceTypePath)
}

func (v NodeCapacityValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v NodeCapacityValidator) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	resp.Diagnostics.Append(v.Validate(ctx, req.Config)...)
}

func (v NodeCapacityValidator) ValidateDataSource(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	resp.Diagnostics.Append(v.Validate(ctx, req.Config)...)
}

// Validate runs the check against any config.
func (v NodeCapacityValidator) Validate(ctx context.Context, config tfsdk.Config) diag.Diagnostics {
	capacities, _, diags := knownValues(ctx, config, v.CapacityPath)
	types, typePaths, d := knownValues(ctx, config, v.InstanceTypePath)
	diags.Append(d...)
	if diags.HasError() {
		return diags
	}
	for _, c := range capacities {
		n, ok := asInt64(ctx, c.value)
		if !ok {
			continue
		}
		name := attrName(c.path)
		instanceType, typeName, max := "", "", int64(0)
		if t, ok := companion(c.path, types, typePaths); ok {
			if s, ok := asString(ctx, t.value); ok {
				instanceType, typeName = s, attrName(t.path)
				_, max, _ = DocumentedCapacityRange(s)
			}
		}
		switch {
		case max > 0 && (n < MinNodeCapacity || n > max):
			diags.AddAttributeError(c.path, "Invalid Node Capacity",
				fmt.Sprintf("%s must be between %d and %d sessions per resource when %s is %q, got %d",
					name, MinNodeCapacity, max, typeName, instanceType, n))
		case n < MinNodeCapacity:
			diags.AddAttributeError(c.path, "Invalid Node Capacity",
				fmt.Sprintf("%s must be at least %d session per resource, got %d", name, MinNodeCapacity, n))
		}
	}
	return diags
}
