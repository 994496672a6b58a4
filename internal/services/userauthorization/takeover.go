package userauthorization

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// shownEntries is how many foreign users or groups an error names.
const shownEntries = 5

// takeoverError returns an error when the delivery group already authorizes
// users or user groups the configuration does not list: creating the
// resource would revoke them. ok is true when there is nothing foreign.
func takeoverError(groupID string, foreignUsers, foreignGroups []string) (d diag.Diagnostic, ok bool) {
	if len(foreignUsers) == 0 && len(foreignGroups) == 0 {
		return nil, true
	}
	var parts []string
	if n := len(foreignUsers); n > 0 {
		parts = append(parts, fmt.Sprintf("%d user(s) (%s)", n, firstFew(foreignUsers)))
	}
	if n := len(foreignGroups); n > 0 {
		parts = append(parts, fmt.Sprintf("%d user group(s) (%s)", n, firstFew(foreignGroups)))
	}
	return diag.NewAttributeErrorDiagnostic(path.Root("delivery_group_id"), "Delivery group already has authorizations",
		fmt.Sprintf("Delivery group %s already authorizes %s that this configuration does not list. "+
			"appstreaming_user_authorization is authoritative, so creating it would revoke them; nothing was changed. "+
			"If this configuration should own the group's authorizations, import them first:\n\n"+
			"  terraform import appstreaming_user_authorization.<name> %s\n\n"+
			"(or an import block with id = %q); the plan then shows exactly who would be added and revoked. "+
			"Otherwise add them to users / user_groups, or leave the group to the configuration that manages it.",
			groupID, strings.Join(parts, " and "), groupID, groupID)), false
}

func firstFew(vs []string) string {
	if len(vs) <= shownEntries {
		return strings.Join(quoteAll(vs), ", ")
	}
	return strings.Join(quoteAll(vs[:shownEntries]), ", ") + fmt.Sprintf(", and %d more", len(vs)-shownEntries)
}

func quoteAll(vs []string) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = fmt.Sprintf("%q", v)
	}
	return out
}
