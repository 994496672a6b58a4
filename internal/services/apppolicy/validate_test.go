package apppolicy

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func planFor(t *testing.T, m model, state *model) diag.Diagnostics {
	t.Helper()
	ctx := context.Background()
	var sr resource.SchemaResponse
	(&appPolicyResource{}).Schema(ctx, resource.SchemaRequest{}, &sr)
	null := tftypes.NewValue(sr.Schema.Type().TerraformType(ctx), nil)
	plan := tfsdk.Plan{Schema: sr.Schema, Raw: null}
	if d := plan.Set(ctx, &m); d.HasError() {
		t.Fatal(d)
	}
	st := tfsdk.State{Schema: sr.Schema, Raw: null}
	if state != nil {
		if d := st.Set(ctx, state); d.HasError() {
			t.Fatal(d)
		}
	}
	resp := resource.ModifyPlanResponse{Plan: plan}
	(&appPolicyResource{}).ModifyPlan(ctx, resource.ModifyPlanRequest{Plan: plan, State: st}, &resp)
	return resp.Diagnostics
}

func policyModel(id types.String) model {
	return model{ID: types.StringUnknown(), AppPolicyID: id, DeliveryGroupID: types.StringUnknown(),
		FrameRate: types.Int64Null(), Protocol: types.StringNull(), ResolutionAdaptive: types.BoolNull(),
		ResolutionWidth: types.Int64Null(), ResolutionHeight: types.Int64Null(), VisualQuality: types.StringNull()}
}

// Nothing set is an error on create, and nothing at all on an imported
// resource; a policy with settings plans without diagnostics, whether its ID
// is known at plan or not.
func TestModifyPlanSettings(t *testing.T) {
	for _, id := range []types.String{types.StringValue("pg-existing0001"), types.StringUnknown()} {
		m := policyModel(id)
		m.FrameRate = types.Int64Value(30)
		if d := planFor(t, m, nil); len(d) != 0 {
			t.Errorf("policy %s with a setting: want no diagnostics, got %v", id, d)
		}
	}
	empty := policyModel(types.StringValue("pg-existing0001"))
	if d := planFor(t, empty, nil); !d.HasError() || d.Errors()[0].Summary() != "Nothing to apply" {
		t.Errorf("create with no setting: want Nothing to apply, got %v", d)
	}
	imported := empty
	imported.ID, imported.DeliveryGroupID = types.StringValue("pg-existing0001"), types.StringValue("aig-1")
	if d := planFor(t, imported, &imported); len(d) != 0 {
		t.Errorf("imported policy with no setting: want no diagnostics at plan, got %v", d)
	}
}
