package acctest

import (
	"strings"
	"testing"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/guidetest"
)

func TestCLIFeatureSkipReason(t *testing.T) {
	for _, tc := range []struct {
		f        CLIFeature
		openTofu bool
		version  string
		want     string // "" = runs
	}{
		{FeatureQuery, false, "1.15.0", ""},
		{FeatureQuery, false, "1.14.0", ""},
		{FeatureQuery, false, "1.8.5", "Terraform 1.8.5 is older than 1.14.0, the first Terraform release with list resources"},
		{FeatureQuery, true, "1.12.6", "OpenTofu 1.12.6 has no list resources (terraform query): skipped"},
		{FeatureActions, true, "1.12.6", "OpenTofu 1.12.6 has no actions"},
		{FeatureIdentity, true, "1.12.6", ""},
		{FeatureIdentity, true, "1.11.4", "OpenTofu 1.11.4 is older than 1.12.0"},
		{FeatureEphemeral, true, "1.11.0", ""},
		{FeatureEphemeral, false, "1.10.0-beta1", ""},
		{FeatureWriteOnly, false, "1.10.9", "older than 1.11.0"},
	} {
		got := tc.f.skipReason(tc.openTofu, tc.version)
		if tc.want == "" && got != "" || tc.want != "" && !strings.Contains(got, tc.want) {
			t.Errorf("%s on openTofu=%v %s: %q, want %q", tc.f.Name, tc.openTofu, tc.version, got, tc.want)
		}
	}
}

func TestIsOpenTofuVersionOutput(t *testing.T) {
	if !isOpenTofuVersionOutput("OpenTofu v1.12.6\non linux_amd64\n") {
		t.Error("OpenTofu not recognised")
	}
	if isOpenTofuVersionOutput("Terraform v1.15.0\non linux_amd64\n") {
		t.Error("Terraform taken for OpenTofu")
	}
	// A CLI configuration warning may come first.
	if !isOpenTofuVersionOutput("Warning: Unable to open CLI configuration file\n\nOpenTofu v1.12.6\n") {
		t.Error("OpenTofu after a warning not recognised")
	}
}

// The supported-CLIs guide shows the feature table generated from
// CLIFeatures. Regenerate with UPDATE_GUIDES=1 go test ./internal/acctest
// -run TestSupportedCLITable, then scripts/docs.
func TestSupportedCLITable(t *testing.T) {
	short := func(v string) string { return strings.TrimSuffix(v, ".0") }
	var b strings.Builder
	b.WriteString("| Feature | Terraform | OpenTofu |\n|---|---|---|\n")
	b.WriteString("| resources, data sources, `import` blocks | 1.8 or later | 1.10 or later |\n")
	for _, f := range CLIFeatures {
		tofu := "not available (1.12)"
		if f.OpenTofu != "" {
			tofu = short(f.OpenTofu) + " or later"
		}
		b.WriteString("| " + f.Name + " | " + short(f.Terraform) + " or later | " + tofu + " |\n")
	}
	guidetest.Check(t, "../../templates/guides/terraform-and-opentofu.md.tmpl", "TestSupportedCLITable (internal/acctest)", b.String())
}
