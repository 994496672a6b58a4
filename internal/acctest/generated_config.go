package acctest

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
)

// ImportRoundTrip is the "import with generated configuration" check of one
// existing object, as a user runs it:
//
//  1. an import block alone, planned with -generate-config-out;
//  2. the generated file, with the import block, validated, planned and
//     applied as the whole configuration;
//  3. the plan after that apply must be empty.
//
// The generated text is handed to check (e.g. to assert what it leaves out).
// It sets TF_ACC_TEMP_DIR (to find the file) and configures the provider
// through its environment variables (the harness refuses a provider block in
// a configuration file), so the test must not be parallel: use
// resource.Test, not ParallelTest.
type ImportRoundTrip struct {
	ResourceName string // e.g. appstreaming_app_policy.test
	ImportID     string
	// ImportChanges says the import plan itself is not a no-op (e.g. an
	// argument the API cannot read is recorded by the first apply).
	ImportChanges bool
	Check         func(generated string) error
	// ApplyCheck runs after the generated configuration was applied.
	ApplyCheck resource.TestCheckFunc

	dir       string
	generated string
}

// Steps returns the two test steps. env provides the provider block.
func (rt *ImportRoundTrip) Steps(t *testing.T, env *Env) []resource.TestStep {
	t.Helper()
	rt.dir = t.TempDir()
	t.Setenv("TF_ACC_TEMP_DIR", rt.dir)
	roundTrip := filepath.Join(t.TempDir(), "roundtrip.tf")
	if env.IsEmulator() {
		t.Setenv("APPSTREAMING_ENDPOINT", env.Server.URL)
		t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", emulator.DefaultAccessKeyID)
		t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", emulator.DefaultAccessKeySecret)
		t.Setenv("ALIBABA_CLOUD_REGION_ID", DefaultRegion)
	}
	// Written now because the harness validates every step's file up front;
	// step 1 replaces it with the generated configuration.
	if err := os.WriteFile(roundTrip, []byte("# replaced by the generated configuration\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	importBlock := fmt.Sprintf("\nimport {\n  to = %s\n  id = %q\n}\n", rt.ResourceName, rt.ImportID)
	return []resource.TestStep{
		{
			Config:             "# only the import block the harness adds\n",
			ResourceName:       rt.ResourceName,
			ImportState:        true,
			ImportStateKind:    resource.ImportBlockWithID,
			ImportStateId:      rt.ImportID,
			GenerateConfig:     true,
			ExpectNonEmptyPlan: rt.ImportChanges,
			ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{capture{rt, func(text string) error {
				return os.WriteFile(roundTrip, []byte(importBlock+text), 0o600)
			}}}},
		},
		{
			ConfigFile: config.StaticFile(roundTrip),
			Check:      rt.ApplyCheck,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
		},
	}
}

// Generated is the text Terraform generated.
func (rt *ImportRoundTrip) Generated() string { return rt.generated }

type capture struct {
	rt    *ImportRoundTrip
	write func(string) error
}

func (c capture) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	var found string
	_ = filepath.WalkDir(c.rt.dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() == "generated.tf" {
			found = p
		}
		return nil
	})
	if found == "" {
		resp.Error = fmt.Errorf("no generated.tf under %s", c.rt.dir)
		return
	}
	b, err := os.ReadFile(found) //nolint:gosec // a file the test harness wrote under this test's own temporary directory
	if err != nil {
		resp.Error = err
		return
	}
	c.rt.generated = string(b)
	if c.rt.Check != nil {
		if err := c.rt.Check(c.rt.generated); err != nil {
			resp.Error = fmt.Errorf("generated configuration:\n%s\n%w", c.rt.generated, err)
			return
		}
	}
	resp.Error = c.write(c.rt.generated)
}
