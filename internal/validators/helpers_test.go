package validators

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// wantDiag is an expected error diagnostic: its attribute path (as
// path.Path.String()), summary and exact detail.
type wantDiag struct {
	path, summary, detail string
}

func checkDiags(t *testing.T, got diag.Diagnostics, want []wantDiag) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d diagnostics, want %d:\n%s", len(got), len(want), dump(got))
	}
	for i, w := range want {
		d := got[i]
		if d.Severity() != diag.SeverityError {
			t.Errorf("diag %d: severity %v, want error", i, d.Severity())
		}
		p := "<no path>"
		if dp, ok := d.(diag.DiagnosticWithPath); ok {
			p = dp.Path().String()
		}
		if p != w.path {
			t.Errorf("diag %d: path %q, want %q", i, p, w.path)
		}
		if d.Summary() != w.summary {
			t.Errorf("diag %d: summary %q, want %q", i, d.Summary(), w.summary)
		}
		if d.Detail() != w.detail {
			t.Errorf("diag %d: detail\n got %q\nwant %q", i, d.Detail(), w.detail)
		}
	}
}

func dump(ds diag.Diagnostics) string {
	s := ""
	for _, d := range ds {
		p := ""
		if dp, ok := d.(diag.DiagnosticWithPath); ok {
			p = dp.Path().String()
		}
		s += "  [" + p + "] " + d.Summary() + ": " + d.Detail() + "\n"
	}
	return s
}
