package validators

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
)

// Subscription period units (api-notes §4 rule 3). The API docs contradict themselves on
// case; the newest revision says case-sensitive, so only these spellings pass.
const (
	PeriodUnitWeek  = "Week"
	PeriodUnitMonth = "Month"
	PeriodUnitYear  = "Year"
)

// PeriodUnits lists the accepted units in documentation order.
var PeriodUnits = []string{PeriodUnitWeek, PeriodUnitMonth, PeriodUnitYear}

// allowedPeriods is the rule-3 table. An invalid pair passes the API call but
// the order then fails, so it must be caught at plan time.
var allowedPeriods = map[string][]int64{
	PeriodUnitWeek:  {1},
	PeriodUnitMonth: {1, 2, 3, 6},
	PeriodUnitYear:  {1, 2, 3},
}

// AllowedPeriods returns the periods allowed for unit (exact case) and whether
// the unit is known.
func AllowedPeriods(unit string) ([]int64, bool) {
	p, ok := allowedPeriods[unit]
	if !ok {
		return nil, false
	}
	return append([]int64(nil), p...), true
}

// --- PeriodUnit -------------------------------------------------------------

var _ validator.String = PeriodUnitValidator{}

// PeriodUnitValidator checks that a unit is exactly Week, Month or Year.
type PeriodUnitValidator struct{}

// PeriodUnit returns a validator accepting exactly "Week", "Month" or "Year".
func PeriodUnit() PeriodUnitValidator { return PeriodUnitValidator{} }

func (PeriodUnitValidator) Description(_ context.Context) string {
	return "value must be exactly one of Week, Month or Year (case-sensitive)"
}

func (PeriodUnitValidator) MarkdownDescription(_ context.Context) string {
	return "value must be exactly one of `Week`, `Month` or `Year` (case-sensitive)"
}

func (PeriodUnitValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	s := req.ConfigValue.ValueString()
	if _, ok := allowedPeriods[s]; ok {
		return
	}
	detail := fmt.Sprintf("%s must be one of %s (case-sensitive), got %q",
		attrName(req.Path), quoteList(PeriodUnits), s)
	// "week" is the mistake the API docs themselves invite; point at the fix.
	for _, u := range PeriodUnits {
		if strings.EqualFold(u, strings.TrimSpace(s)) {
			detail += fmt.Sprintf("; did you mean %q?", u)
			break
		}
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid Period Unit", detail)
}

// --- Period -----------------------------------------------------------------

var _ validator.Int64 = PeriodValidator{}

// PeriodValidator checks that a period is one of the lengths any unit allows.
type PeriodValidator struct{}

// Period returns a validator accepting 1, 2, 3 or 6 — the union over all
// units; PeriodUnitPair narrows it per unit.
func Period() PeriodValidator { return PeriodValidator{} }

var anyPeriod = []int64{1, 2, 3, 6}

func (PeriodValidator) Description(_ context.Context) string {
	return "value must be one of 1, 2, 3 or 6"
}

func (v PeriodValidator) MarkdownDescription(ctx context.Context) string {
	return "value must be one of `1`, `2`, `3` or `6`"
}

func (PeriodValidator) ValidateInt64(_ context.Context, req validator.Int64Request, resp *validator.Int64Response) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	n := req.ConfigValue.ValueInt64()
	for _, a := range anyPeriod {
		if n == a {
			return
		}
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid Period",
		fmt.Sprintf("%s must be one of %s, got %d", attrName(req.Path), intList(anyPeriod), n))
}

// --- PeriodUnitPair ---------------------------------------------------------

var (
	_ resource.ConfigValidator   = PeriodUnitPairValidator{}
	_ datasource.ConfigValidator = PeriodUnitPairValidator{}
)

// PeriodUnitPairValidator checks the Period/PeriodUnit combination (api-notes §4 rule 3).
type PeriodUnitPairValidator struct {
	PeriodPath path.Expression
	UnitPath   path.Expression
}

// PeriodUnitPair returns a resource/data-source validator that checks the
// period at periodPath is allowed for the unit at unitPath: Week→1;
// Month→1,2,3,6; Year→1,2,3. The error goes on the period. A unit that is not
// exactly Week/Month/Year is left to PeriodUnit(), so it is reported once.
// Both expressions may use wildcards (e.g. list elements); a period is paired
// with the unit under the same parent.
func PeriodUnitPair(periodPath, unitPath path.Expression) PeriodUnitPairValidator {
	return PeriodUnitPairValidator{PeriodPath: periodPath, UnitPath: unitPath}
}

func (v PeriodUnitPairValidator) Description(_ context.Context) string {
	return fmt.Sprintf("%s must suit %s: Week allows 1; Month allows 1, 2, 3 or 6; Year allows 1, 2 or 3",
		v.PeriodPath, v.UnitPath)
}

func (v PeriodUnitPairValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v PeriodUnitPairValidator) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	resp.Diagnostics.Append(v.Validate(ctx, req.Config)...)
}

func (v PeriodUnitPairValidator) ValidateDataSource(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	resp.Diagnostics.Append(v.Validate(ctx, req.Config)...)
}

// Validate runs the check against any config (resource, data source, ...).
func (v PeriodUnitPairValidator) Validate(ctx context.Context, config tfsdk.Config) diag.Diagnostics {
	periods, _, diags := knownValues(ctx, config, v.PeriodPath)
	units, unitPaths, d := knownValues(ctx, config, v.UnitPath)
	diags.Append(d...)
	if diags.HasError() {
		return diags
	}
	for _, p := range periods {
		n, ok := asInt64(ctx, p.value)
		if !ok {
			continue
		}
		u, ok := companion(p.path, units, unitPaths)
		if !ok {
			continue
		}
		unit, ok := asString(ctx, u.value)
		if !ok {
			continue
		}
		allowed, ok := allowedPeriods[unit]
		if !ok {
			continue
		}
		if containsInt(allowed, n) {
			continue
		}
		want := "one of " + intList(allowed)
		if len(allowed) == 1 {
			want = intList(allowed)
		}
		diags.AddAttributeError(p.path, "Invalid Period",
			fmt.Sprintf("%s must be %s when %s is %q, got %d",
				attrName(p.path), want, attrName(u.path), unit, n))
	}
	return diags
}

func containsInt(values []int64, n int64) bool {
	for _, v := range values {
		if v == n {
			return true
		}
	}
	return false
}
