package deliverygroup

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// After an import bind_app_policy_id is null: naming the group's current
// policy adopts it, naming another replaces the group; a recorded value
// replaces only when it changes, and removing it never does.
func TestBindsAnotherPolicy(t *testing.T) {
	s := testSchema(t)
	st := model("PostPaid", "img-1", "NODE_FIXED", 1)
	st.AppPolicyID = types.StringValue("pg-current0001")
	st.BindPolicyID = types.StringNull()
	for _, tc := range []struct {
		name         string
		state, plan  types.String
		wantReplaced bool
	}{
		{"imported, names current policy", types.StringNull(), types.StringValue("pg-current0001"), false},
		{"imported, names another policy", types.StringNull(), types.StringValue("pg-other000001"), true},
		{"recorded, changed", types.StringValue("pg-current0001"), types.StringValue("pg-other000001"), true},
		{"recorded, removed", types.StringValue("pg-current0001"), types.StringNull(), false},
	} {
		st.BindPolicyID = tc.state
		req := planmodifier.StringRequest{Path: path.Root("bind_app_policy_id"), StateValue: tc.state, PlanValue: tc.plan,
			State: tfsdk.State{Schema: s, Raw: raw(t, s, &st)}}
		var resp stringplanmodifier.RequiresReplaceIfFuncResponse
		bindsAnotherPolicy(context.Background(), req, &resp)
		if resp.Diagnostics.HasError() || resp.RequiresReplace != tc.wantReplaced {
			t.Errorf("%s: replace = %v (%v), want %v", tc.name, resp.RequiresReplace, resp.Diagnostics, tc.wantReplaced)
		}
	}
}
