package validators

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// ID kinds of the App Streaming API: every object ID is a short prefix, a
// dash and letters/digits (api-notes terms: aig-, ug-, pg-, img-).
var (
	DeliveryGroupID = IDFormat{Prefix: "aig", What: "a delivery group ID", Example: "aig-9ciijz60n4xsv****",
		Hint: "use appstreaming_delivery_group.<name>.id or the appstreaming_delivery_groups data source"}
	UserGroupID = IDFormat{Prefix: "ug", What: "a user group ID", Example: "ug-engineering0001",
		Hint: "user groups are named by ID, not by name; the WUYING console lists them under Users > User Groups"}
)

// IDFormat is a string validator for one kind of ID, so a name given where
// an ID belongs (user_groups = ["finance"]) fails at plan, before any call.
type IDFormat struct {
	Prefix, What, Example, Hint string
}

func (f IDFormat) pattern() *regexp.Regexp {
	return regexp.MustCompile(`^` + regexp.QuoteMeta(f.Prefix) + `-[A-Za-z0-9]+$`)
}

func (f IDFormat) Description(context.Context) string {
	return fmt.Sprintf("must be %s (%s-…)", f.What, f.Prefix)
}

func (f IDFormat) MarkdownDescription(ctx context.Context) string { return f.Description(ctx) }

func (f IDFormat) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	f.check(req.ConfigValue, req.Path.String(), func(summary, detail string) {
		resp.Diagnostics.AddAttributeError(req.Path, summary, detail)
	})
}

func (f IDFormat) check(v types.String, where string, add func(summary, detail string)) {
	if s := v.ValueString(); !f.pattern().MatchString(s) {
		add("Invalid ID", fmt.Sprintf("%s must be %s such as %q (%s-…), got %q: %s.", where, f.What, f.Example, f.Prefix, s, f.Hint))
	}
}
