package validators

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestIDFormat(t *testing.T) {
	p := path.Root("user_groups")
	for _, tc := range []struct {
		f    IDFormat
		val  types.String
		want string // "" = valid
	}{
		{UserGroupID, types.StringValue("ug-engineering0001"), ""},
		{UserGroupID, types.StringNull(), ""},
		{UserGroupID, types.StringUnknown(), ""},
		{UserGroupID, types.StringValue("finance"), `must be a user group ID such as "ug-engineering0001" (ug-…), got "finance": user groups are named by ID`},
		{UserGroupID, types.StringValue("ug-"), `got "ug-"`},
		{UserGroupID, types.StringValue("ug-a b"), `got "ug-a b"`},
		{DeliveryGroupID, types.StringValue("aig-9ciijz60n4xsv"), ""},
		{DeliveryGroupID, types.StringValue("my-group"), `must be a delivery group ID`},
		{DeliveryGroupID, types.StringValue("AIG-123"), `got "AIG-123"`},
	} {
		resp := runString(tc.f, p, tc.val)
		if tc.want == "" {
			if resp.Diagnostics.HasError() {
				t.Errorf("%v: unexpected error %v", tc.val, resp.Diagnostics)
			}
			continue
		}
		if !resp.Diagnostics.HasError() || !strings.Contains(resp.Diagnostics[0].Detail(), tc.want) || resp.Diagnostics[0].Summary() != "Invalid ID" {
			t.Errorf("%v: want error containing %q, got %v", tc.val, tc.want, resp.Diagnostics)
		}
	}
}
