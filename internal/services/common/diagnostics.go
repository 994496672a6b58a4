package common

import "github.com/hashicorp/terraform-plugin-framework/diag"

// Error summaries follow one style:
//   - an API call that failed: "Cannot <verb> <the thing>", e.g. "Cannot
//     read the delivery group"; the detail is the client's error (it
//     carries the API code and request ID), then what to do next;
//   - a configuration that breaks a rule: what is wrong ("Missing period",
//     "Invalid Node Capacity"), on the attribute, with the rule and the fix
//     in the detail.

// APIError reports a failed API call: summary is "Cannot …", next (may be
// "") says what the user can do about it.
func APIError(diags *diag.Diagnostics, summary string, err error, next string) {
	detail := err.Error()
	if next != "" {
		detail += "\n\n" + next
	}
	diags.AddError(summary, detail)
}
