package validators

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// api-notes §4 rule 1: SessionTimeout is -1 (never recycle) or 3–300 minutes.
const (
	SessionTimeoutForever int64 = -1
	SessionTimeoutMin     int64 = 3
	SessionTimeoutMax     int64 = 300
)

var _ validator.Int64 = SessionTimeoutValidator{}

// SessionTimeoutValidator checks SessionTimeout (api-notes §4 rule 1).
type SessionTimeoutValidator struct{}

// SessionTimeout returns a validator accepting -1 or 3–300 (minutes).
func SessionTimeout() SessionTimeoutValidator { return SessionTimeoutValidator{} }

func (SessionTimeoutValidator) Description(_ context.Context) string {
	return "value must be -1 (keep disconnected sessions forever) or between 3 and 300 minutes"
}

func (v SessionTimeoutValidator) MarkdownDescription(ctx context.Context) string {
	return "value must be `-1` (keep disconnected sessions forever) or between `3` and `300` minutes"
}

func (SessionTimeoutValidator) ValidateInt64(_ context.Context, req validator.Int64Request, resp *validator.Int64Response) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	n := req.ConfigValue.ValueInt64()
	if n == SessionTimeoutForever || (n >= SessionTimeoutMin && n <= SessionTimeoutMax) {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid Session Timeout",
		fmt.Sprintf("%s must be -1 or between %d and %d minutes, got %d",
			attrName(req.Path), SessionTimeoutMin, SessionTimeoutMax, n))
}
