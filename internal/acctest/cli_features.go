package acctest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// CLIFeature is a language feature the provider uses that only some CLIs
// have: the first Terraform and the first OpenTofu release with it ("" when
// OpenTofu has none). The supported-CLIs table in the docs lists the same
// values (TestSupportedCLITableMatchesFeatures keeps them in step).
type CLIFeature struct {
	Name      string
	Terraform string
	OpenTofu  string
}

// The features acceptance tests gate on.
var (
	FeatureEphemeral = CLIFeature{Name: "ephemeral resources", Terraform: "1.10.0", OpenTofu: "1.11.0"}
	FeatureWriteOnly = CLIFeature{Name: "write-only attributes", Terraform: "1.11.0", OpenTofu: "1.11.0"}
	FeatureIdentity  = CLIFeature{Name: "resource identity (import by identity)", Terraform: "1.12.0", OpenTofu: "1.12.0"}
	FeatureQuery     = CLIFeature{Name: "list resources (terraform query)", Terraform: "1.14.0"}
	FeatureActions   = CLIFeature{Name: "actions (action blocks, -invoke)", Terraform: "1.14.0"}
)

// CLIFeatures lists them in the order the docs show them.
var CLIFeatures = []CLIFeature{FeatureEphemeral, FeatureWriteOnly, FeatureIdentity, FeatureQuery, FeatureActions}

// RequireCLIFeature is a TerraformVersionCheck (TestCase.TerraformVersionChecks)
// that skips the test, naming the feature and the CLI, when the CLI under
// test lacks f. Use it instead of tfversion.SkipBelow: OpenTofu reports its
// own version numbers, so a Terraform minimum alone would misjudge it.
func RequireCLIFeature(f CLIFeature) tfversion.TerraformVersionCheck { return featureCheck(f) }

type featureCheck CLIFeature

func (f featureCheck) CheckTerraformVersion(_ context.Context, req tfversion.CheckTerraformVersionRequest, resp *tfversion.CheckTerraformVersionResponse) {
	if req.TerraformVersion == nil {
		return
	}
	resp.Skip = CLIFeature(f).skipReason(IsOpenTofu(), req.TerraformVersion.String())
}

// skipReason is "" when the CLI (OpenTofu or Terraform, at version v) has f.
func (f CLIFeature) skipReason(openTofu bool, v string) string {
	cli, first := "Terraform", f.Terraform
	if openTofu {
		cli, first = "OpenTofu", f.OpenTofu
	}
	if first == "" {
		return fmt.Sprintf("%s %s has no %s: skipped (Terraform %s or later runs this test)", cli, v, f.Name, f.Terraform)
	}
	if versionLess(v, first) {
		return fmt.Sprintf("%s %s is older than %s, the first %s release with %s: skipped", cli, v, first, cli, f.Name)
	}
	return ""
}

var (
	openTofuOnce sync.Once
	openTofu     bool
)

// IsOpenTofu reports whether TF_ACC_TERRAFORM_PATH is an OpenTofu CLI.
func IsOpenTofu() bool {
	openTofuOnce.Do(func() {
		bin := os.Getenv("TF_ACC_TERRAFORM_PATH")
		if bin == "" {
			return
		}
		out, _ := exec.Command(bin, "version").Output() //nolint:gosec // the CLI the developer chose for the tests
		openTofu = isOpenTofuVersionOutput(string(out))
	})
	return openTofu
}

func isOpenTofuVersionOutput(out string) bool {
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "OpenTofu v") {
			return true
		}
	}
	return false
}

// versionLess compares dotted release numbers (1.12.6 < 1.14.0); anything
// after a "-" (pre-release) is ignored.
func versionLess(a, b string) bool {
	pa, pb := versionParts(a), versionParts(b)
	for i := 0; i < 3; i++ {
		if pa[i] != pb[i] {
			return pa[i] < pb[i]
		}
	}
	return false
}

func versionParts(v string) [3]int {
	var out [3]int
	v, _, _ = strings.Cut(strings.TrimPrefix(v, "v"), "-")
	for i, s := range strings.SplitN(v, ".", 3) {
		out[i], _ = strconv.Atoi(s)
	}
	return out
}

// SkipUnlessCLIHas skips a test that drives the CLI itself (acctest.CLI)
// when the CLI PreCheck chose lacks f, with the same reason RequireCLIFeature
// gives a resource.Test.
func SkipUnlessCLIHas(t *testing.T, f CLIFeature) {
	t.Helper()
	out, _ := exec.Command(os.Getenv("TF_ACC_TERRAFORM_PATH"), "version").Output() //nolint:gosec // the CLI the developer chose for the tests
	m := cliVersionRE.FindStringSubmatch(string(out))
	if m == nil {
		t.Skipf("cannot tell the version of %s, which %s needs", os.Getenv("TF_ACC_TERRAFORM_PATH"), f.Name)
	}
	if reason := f.skipReason(IsOpenTofu(), m[1]); reason != "" {
		t.Skip(reason)
	}
}

var cliVersionRE = regexp.MustCompile(`(?m)^(?:Terraform|OpenTofu) v(\d+\.\d+\.\d+)`)
