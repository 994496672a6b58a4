package acctest

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
	"testing"
)

// MinPreferredTerraform is the oldest CLI that supports every feature the tests
// exercise (list resources, actions). Older CLIs still run the tests; the steps
// that need newer features skip through tfversion checks.
const (
	minPreferredMajor = 1
	minPreferredMinor = 14
)

// CachedTerraformPath is where scripts/install-terraform puts the CLI it builds.
func CachedTerraformPath() string {
	if p := os.Getenv("APPSTREAMING_TOOLS_DIR"); p != "" {
		return filepath.Join(p, "terraform-1.15.0", "terraform")
	}
	home, _ := os.UserHomeDir()
	return filepath.Join(home, ".cache", "appstreaming-tools", "terraform-1.15.0", "terraform")
}

var (
	terraformOnce sync.Once
	terraformErr  string
)

// PreCheck makes sure acceptance tests use a local terraform CLI and never
// download one: TF_ACC_TERRAFORM_PATH wins; else terraform on PATH when it is
// new enough; else the CLI the project's install script caches; else an older
// terraform on PATH. It also turns off Terraform's update checks.
func PreCheck(t *testing.T) {
	t.Helper()
	terraformOnce.Do(func() {
		_ = os.Setenv("CHECKPOINT_DISABLE", "1")
		if p := os.Getenv("TF_ACC_TERRAFORM_PATH"); p != "" {
			if _, err := os.Stat(p); err != nil {
				terraformErr = "TF_ACC_TERRAFORM_PATH=" + p + " does not exist"
			}
			return
		}
		onPath, _ := exec.LookPath("terraform")
		cached := CachedTerraformPath()
		choice := ""
		switch {
		case onPath != "" && terraformAtLeast(onPath, minPreferredMajor, minPreferredMinor):
			choice = onPath
		case fileExists(cached):
			choice = cached
		case onPath != "":
			choice = onPath
		}
		if choice == "" {
			terraformErr = "no terraform CLI found: run scripts/install-terraform (builds Terraform 1.15.0 " +
				"from Go modules into " + cached + ") or set TF_ACC_TERRAFORM_PATH"
			return
		}
		_ = os.Setenv("TF_ACC_TERRAFORM_PATH", choice)
	})
	if terraformErr != "" {
		t.Fatal(terraformErr)
	}
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance tests run only with TF_ACC=1 (scripts/test sets it)")
	}
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

var versionRE = regexp.MustCompile(`Terraform v(\d+)\.(\d+)\.`)

func terraformAtLeast(bin string, major, minor int) bool {
	out, err := exec.Command(bin, "version").Output() //nolint:gosec // the CLI the developer chose for the tests
	if err != nil {
		return false
	}
	m := versionRE.FindSubmatch(out)
	if m == nil {
		return false
	}
	ma, _ := strconv.Atoi(string(m[1]))
	mi, _ := strconv.Atoi(string(m[2]))
	return ma > major || (ma == major && mi >= minor)
}
