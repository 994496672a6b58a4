package deliverygroup

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func testSchema(t *testing.T) schema.Schema {
	t.Helper()
	var resp resource.SchemaResponse
	(&deliveryGroupResource{}).Schema(context.Background(), resource.SchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	return resp.Schema
}

// model is a published group as the state would hold it.
func model(charge, image, strategy string, amount int64) resourceModel {
	return resourceModel{
		ID: types.StringValue("aig-test"), Name: types.StringValue("n"), RegionID: types.StringValue("cn-shanghai"),
		ImageID: types.StringValue(image), ProductType: types.StringValue("CloudApp"), ChargeResourceMode: types.StringValue("Node"),
		ChargeType: types.StringValue(charge), SessionTimeout: types.Int64Value(15),
		NodePool: &nodePoolModel{ID: types.StringValue("rg-1"), InstanceType: types.StringValue("appstreaming.general.4c8g"),
			Amount: types.Int64Value(amount), Capacity: types.Int64Value(1), StrategyType: types.StringValue(strategy)},
		Tags: types.MapNull(types.StringType), ExpiredAt: types.StringValue("2026-12-23T00:00:00.000+00:00"),
		Apps: types.ListNull(types.ObjectType{AttrTypes: appAttrTypes}), Ota: types.ObjectNull(otaAttrTypes),
		Timeouts: timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{
			"create": types.StringType, "update": types.StringType, "delete": types.StringType})},
	}
}

func raw(t *testing.T, s schema.Schema, m *resourceModel) tftypes.Value {
	t.Helper()
	st := tfsdk.State{Schema: s, Raw: tftypes.NewValue(s.Type().TerraformType(context.Background()), nil)}
	if m != nil {
		if d := st.Set(context.Background(), m); d.HasError() {
			t.Fatal(d)
		}
	}
	return st.Raw
}

func modifyPlan(t *testing.T, state, plan *resourceModel) diag.Diagnostics {
	t.Helper()
	s := testSchema(t)
	req := resource.ModifyPlanRequest{
		State: tfsdk.State{Schema: s, Raw: raw(t, s, state)},
		Plan:  tfsdk.Plan{Schema: s, Raw: raw(t, s, plan)},
	}
	resp := resource.ModifyPlanResponse{Plan: req.Plan}
	(&deliveryGroupResource{}).ModifyPlan(context.Background(), req, &resp)
	return resp.Diagnostics
}

func warningOn(diags diag.Diagnostics, p path.Path, text string) bool {
	for _, d := range diags.Warnings() {
		wp, ok := d.(diag.DiagnosticWithPath)
		if (p.Equal(path.Empty()) || ok && wp.Path().Equal(p)) && strings.Contains(d.Summary()+" "+d.Detail(), text) {
			return true
		}
	}
	return false
}

func TestModifyPlanWarnings(t *testing.T) {
	t.Run("image change reboots everything", func(t *testing.T) {
		st, pl := model("PostPaid", "img-a", "NODE_FIXED", 1), model("PostPaid", "img-b", "NODE_FIXED", 1)
		d := modifyPlan(t, &st, &pl)
		if !warningOn(d, path.Root("image_id"), "every resource of the group reboots") || d.HasError() {
			t.Fatalf("want an image_id warning, got %v", d)
		}
	})
	t.Run("no change, no warning", func(t *testing.T) {
		st, pl := model("PostPaid", "img-a", "NODE_FIXED", 1), model("PostPaid", "img-a", "NODE_FIXED", 1)
		if d := modifyPlan(t, &st, &pl); len(d) != 0 {
			t.Fatalf("want no diagnostics, got %v", d)
		}
	})
	t.Run("PrePaid destroy only forgets", func(t *testing.T) {
		st := model("PrePaid", "img-a", "NODE_FIXED", 1)
		d := modifyPlan(t, &st, nil)
		if !warningOn(d, path.Empty(), "Renewal Management") || !warningOn(d, path.Empty(), "keeps running") {
			t.Fatalf("want the subscription destroy warning, got %v", d)
		}
	})
	t.Run("PostPaid destroy is silent", func(t *testing.T) {
		st := model("PostPaid", "img-a", "NODE_FIXED", 1)
		if d := modifyPlan(t, &st, nil); len(d) != 0 {
			t.Fatalf("want no diagnostics, got %v", d)
		}
	})
	t.Run("amount under a schedule is not sent", func(t *testing.T) {
		st, pl := model("PostPaid", "img-a", "NODE_SCALING_BY_SCHEDULE", 1), model("PostPaid", "img-a", "NODE_SCALING_BY_SCHEDULE", 2)
		if d := modifyPlan(t, &st, &pl); !warningOn(d, path.Root("node_pool").AtName("amount"), "recorded but not sent") {
			t.Fatalf("want an amount warning, got %v", d)
		}
		st, pl = model("PostPaid", "img-a", "NODE_SCALING_BY_USAGE", 1), model("PostPaid", "img-a", "NODE_SCALING_BY_USAGE", 2)
		if d := modifyPlan(t, &st, &pl); len(d) != 0 {
			t.Fatalf("usage scaling keeps the amount ours; got %v", d)
		}
	})
	t.Run("creation-only arguments", func(t *testing.T) {
		st, pl := model("PrePaid", "img-a", "NODE_FIXED", 1), model("PrePaid", "img-a", "NODE_FIXED", 1)
		st.AutoRenew, pl.AutoRenew = types.BoolValue(true), types.BoolValue(false)
		if d := modifyPlan(t, &st, &pl); !warningOn(d, path.Root("auto_renew"), "only affects the order") {
			t.Fatalf("want an auto_renew warning, got %v", d)
		}
	})
}

func TestDeletePrePaidWarns(t *testing.T) {
	s := testSchema(t)
	st := model("PrePaid", "img-a", "NODE_FIXED", 1)
	req := resource.DeleteRequest{State: tfsdk.State{Schema: s, Raw: raw(t, s, &st)}}
	resp := resource.DeleteResponse{State: req.State}
	// No client: a subscription must be released without any API call.
	(&deliveryGroupResource{}).Delete(context.Background(), req, &resp)
	if resp.Diagnostics.HasError() || !warningOn(resp.Diagnostics, path.Empty(), "aig-test is a subscription") ||
		!warningOn(resp.Diagnostics, path.Empty(), "2026-12-23") {
		t.Fatalf("want the subscription warning, got %v", resp.Diagnostics)
	}
}
