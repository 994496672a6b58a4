package apppolicy

import (
	"context"
	"strings"
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

// Creating over a policy that already exists (its ID is known at plan)
// warns that its unreadable settings are overwritten, naming which; a policy
// created in the same run (ID unknown) does not warn; nothing set is an error
// on create, and nothing at all on an imported resource.
func TestModifyPlanOwnership(t *testing.T) {
	existing := policyModel(types.StringValue("pg-existing0001"))
	existing.FrameRate = types.Int64Value(60)
	existing.Protocol = types.StringValue("webrtc")
	d := planFor(t, existing, nil)
	if d.HasError() || d.WarningsCount() != 1 || d.Warnings()[0].Summary() != "Existing policy settings will be overwritten" ||
		!strings.Contains(d.Warnings()[0].Detail(), "Policy pg-existing0001 already exists") ||
		!strings.Contains(d.Warnings()[0].Detail(), "sets frame_rate, protocol,") {
		t.Errorf("existing policy: want one overwrite warning naming frame_rate, protocol; got %v", d)
	}

	fresh := policyModel(types.StringUnknown())
	fresh.FrameRate = types.Int64Value(30)
	if d := planFor(t, fresh, nil); len(d) != 0 {
		t.Errorf("policy of a group created in this run: want no diagnostics, got %v", d)
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
