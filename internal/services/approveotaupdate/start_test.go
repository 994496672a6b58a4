package approveotaupdate

import (
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCheckStart(t *testing.T) {
	now := time.Date(2026, 6, 1, 10, 0, 0, 0, time.UTC)
	cases := map[string]bool{
		"2026-06-01T10:00:01Z":      true,
		"2026-06-08T10:00:00Z":      true, // exactly 7 days ahead
		"2026-06-08T10:00:01Z":      false,
		"2026-06-01T10:00:00Z":      false, // now is not the future
		"2026-06-01T18:30:00+08:00": true,
		"2026-06-01T17:59:00+08:00": false, // 09:59 UTC
		"2026-06-02 10:00":          false,
	}
	for in, want := range cases {
		var d diag.Diagnostics
		if _, ok := checkStart(types.StringValue(in), now, &d); ok != want || d.HasError() == want {
			t.Errorf("%s: ok %v (diags %v), want %v", in, ok, d, want)
		}
	}
	var d diag.Diagnostics
	if _, ok := checkStart(types.StringUnknown(), now, &d); !ok || d.HasError() {
		t.Error("an unknown start time must pass until it is known")
	}
}
