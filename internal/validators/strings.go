package validators

import (
	"context"
	"fmt"
	"net/netip"
	"regexp"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/customtypes"
)

// stringCheck is a validator.String built from a check function; each public
// constructor below gives it a name, a description and the check.
type stringCheck struct {
	summary string
	desc    string
	mdDesc  string
	check   func(name, s string) string // returns the detail, "" when valid
}

var _ validator.String = stringCheck{}

func (v stringCheck) Description(_ context.Context) string { return v.desc }

func (v stringCheck) MarkdownDescription(_ context.Context) string {
	if v.mdDesc != "" {
		return v.mdDesc
	}
	return v.desc
}

func (v stringCheck) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if detail := v.check(attrName(req.Path), req.ConfigValue.ValueString()); detail != "" {
		resp.Diagnostics.AddAttributeError(req.Path, v.summary, detail)
	}
}

// CIDR returns a validator for an IPv4 or IPv6 CIDR block (e.g. a route
// destination, api-notes §4 rule 23). A block with host bits set ("10.0.0.1/24") is
// rejected and the message shows the network address to use instead, because
// the service would store the canonical block and the plan would never settle.
func CIDR() validator.String {
	return stringCheck{
		summary: "Invalid CIDR Block",
		desc:    "value must be an IPv4 or IPv6 CIDR block with no host bits set, e.g. 10.0.0.0/16",
		mdDesc:  "value must be an IPv4 or IPv6 CIDR block with no host bits set, e.g. `10.0.0.0/16`",
		check:   checkCIDR,
	}
}

func checkCIDR(name, s string) string {
	p, err := netip.ParsePrefix(s)
	if err != nil {
		return fmt.Sprintf("%s must be a CIDR block such as 10.0.0.0/16 or 2001:db8::/32, got %q", name, s)
	}
	if m := p.Masked(); m != p {
		return fmt.Sprintf("%s must be the network address of the block, got %q which has host bits set; use %q",
			name, s, m.String())
	}
	return ""
}

// HHMM returns a validator for a time of day written HH:mm, 00:00 to 23:59,
// two digits each (timer periods, api-notes §4 rule 22). "24:00" is rejected: see
// CheckTimerPeriods.
func HHMM() validator.String {
	return stringCheck{
		summary: "Invalid Time of Day",
		desc:    "value must be a time of day in HH:mm form, 00:00 to 23:59",
		mdDesc:  "value must be a time of day in `HH:mm` form, `00:00` to `23:59`",
		check: func(name, s string) string {
			if _, ok := parseHHMM(s); !ok {
				return fmt.Sprintf("%s must be a time of day in HH:mm form (00:00 to 23:59, two digits each), got %q", name, s)
			}
			return ""
		},
	}
}

// Date returns a validator for a calendar date written yyyy-MM-dd that
// exists (2023-02-29 fails) — strategy dates, api-notes §4 rules 18–19.
func Date() validator.String {
	return stringCheck{
		summary: "Invalid Date",
		desc:    "value must be a real calendar date in yyyy-MM-dd form",
		mdDesc:  "value must be a real calendar date in `yyyy-MM-dd` form",
		check: func(name, s string) string {
			if _, err := parseDate(s); err != nil {
				return fmt.Sprintf("%s must be a real calendar date in yyyy-MM-dd form, got %q", name, s)
			}
			return ""
		},
	}
}

// Regex returns a validator for a Go (RE2) regular expression, e.g. a name
// filter in a data source.
func Regex() validator.String {
	return stringCheck{
		summary: "Invalid Regular Expression",
		desc:    "value must be a valid regular expression (RE2 syntax)",
		check: func(name, s string) string {
			if _, err := regexp.Compile(s); err != nil {
				return fmt.Sprintf("%s must be a valid regular expression (RE2 syntax), got %q: %v", name, s, err)
			}
			return ""
		},
	}
}

// JSON returns a validator for JSON text (one value, nothing after it), e.g.
// custom_config (api-notes §4 rule 34) when the attribute does not use the NormalizedJSON
// custom type.
func JSON() validator.String {
	return stringCheck{
		summary: "Invalid JSON",
		desc:    "value must be valid JSON text",
		check: func(name, s string) string {
			if err := customtypes.ValidateJSON(s); err != nil {
				return fmt.Sprintf("%s must be valid JSON text, got %s: %v", name, abbreviate(s), err)
			}
			return ""
		},
	}
}

// abbreviate quotes s, shortening long text so a big document doesn't flood
// the terminal.
func abbreviate(s string) string {
	const max = 80
	r := []rune(s)
	if len(r) <= max {
		return fmt.Sprintf("%q", s)
	}
	return fmt.Sprintf("%q… (%d characters)", string(r[:max]), len(r))
}

// parseHHMM returns minutes since midnight for "HH:mm" (exactly two digits
// each, 00:00–23:59).
func parseHHMM(s string) (int, bool) {
	if len(s) != 5 || s[2] != ':' {
		return 0, false
	}
	for _, i := range []int{0, 1, 3, 4} {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	h := int(s[0]-'0')*10 + int(s[1]-'0')
	m := int(s[3]-'0')*10 + int(s[4]-'0')
	if h > 23 || m > 59 {
		return 0, false
	}
	return h*60 + m, true
}

// parseDate parses yyyy-MM-dd strictly; time.Parse rejects days that don't
// exist in the month and requires the fixed two-digit fields.
func parseDate(s string) (time.Time, error) {
	return time.Parse(dateLayout, s)
}

const dateLayout = "2006-01-02"
