package deliverygroup_test

import (
	"encoding/json"
	"regexp"
	"testing"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
)

// TestAccDeliveryGroup_createdAtFromOlderState: releases before the shared
// flatten stored created_at as the API's raw string
// (2026-03-10T09:40:00.000+00:00). Such a state needs no upgrade: the
// attribute is computed only, so the plan is empty, and the refresh that
// comes with the next plan or apply rewrites it as RFC 3339.
func TestAccDeliveryGroup_createdAtFromOlderState(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t) // edits a local state file of an emulator-backed group
	cli := acctest.NewCLI(t)
	cli.Write("main.tf", env.ProviderConfig()+groupCfg{name: "tf-acc-old-state", image: imageOffice, charge: "PostPaid",
		instanceType: type4c8g, amount: 1, capacity: 1}.hcl())
	cli.MustRun("init", "-input=false")
	cli.MustRun("apply", "-auto-approve", "-input=false")

	createdAt := func() string {
		var st struct {
			Resources []struct {
				Instances []struct {
					Attributes map[string]any `json:"attributes"`
				} `json:"instances"`
			} `json:"resources"`
		}
		if err := json.Unmarshal([]byte(cli.Read("terraform.tfstate")), &st); err != nil {
			t.Fatal(err)
		}
		v, _ := st.Resources[0].Instances[0].Attributes["created_at"].(string)
		return v
	}
	rfc3339 := regexp.MustCompile(`^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)Z$`)
	m := rfc3339.FindStringSubmatch(createdAt())
	if m == nil {
		t.Fatalf("created_at after apply = %q, want RFC 3339 in UTC", createdAt())
	}
	// Make the state look like an older release wrote it.
	old := m[1] + ".000+00:00"
	state := cli.Read("terraform.tfstate")
	cli.Write("terraform.tfstate", regexp.MustCompile(`"created_at": "[^"]*"`).ReplaceAllString(state, `"created_at": "`+old+`"`))
	if createdAt() != old {
		t.Fatalf("state not rewritten: %q", createdAt())
	}

	if o, code := cli.Run("plan", "-detailed-exitcode", "-input=false"); code != 0 {
		t.Fatalf("plan over an older state is not empty (exit %d):\n%s", code, o)
	}
	cli.MustRun("apply", "-refresh-only", "-auto-approve", "-input=false")
	if got := createdAt(); got != m[0] {
		t.Fatalf("created_at after refresh = %q, want %q", got, m[0])
	}
}
