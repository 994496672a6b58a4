package userauthorization_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
)

// Another workspace authorized alice and bob (and a user group). Creating a
// second appstreaming_user_authorization with users = ["zed"] must fail
// before any AuthorizeInstanceGroup call, name who would be revoked and say
// to import; the emulator still holds alice and bob and nothing is saved in
// the state. Importing the group's authorization then plans the exact
// difference (−alice, −bob, −the group, +zed), and applying it converges.
func TestAccUserAuthorization_noTakeover(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	g := env.PublishGroup(t, "ua-takeover")
	const ug = "ug-otherworkspace01"
	if err := env.Emulator.AuthorizeUsers(g.ID, []string{"alice", "bob"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := env.Emulator.AuthorizeUserGroups(g.ID, []string{ug}, nil); err != nil {
		t.Fatal(err)
	}
	var before int
	mark := func() { before = env.Calls("AuthorizeInstanceGroup") }
	noWrites := func(*terraform.State) error {
		if n := env.Calls("AuthorizeInstanceGroup") - before; n != 0 {
			return fmt.Errorf("a refused create made %d AuthorizeInstanceGroup calls, want 0", n)
		}
		return nil
	}
	zed := config(env, g.ID, `  users = ["zed"]`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             expectService(env, g.ID, nil, nil),
		Steps: []resource.TestStep{
			{
				PreConfig: mark,
				Config:    zed,
				ExpectError: regexp.MustCompile(`(?s)Delivery group already has authorizations.*already authorizes 2 user\(s\)\s+\("alice",\s+"bob"\)\s+and\s+1\s+user\s+group\(s\)\s+\("` + ug +
					`"\).*nothing was changed.*terraform import appstreaming_user_authorization.<name> ` + g.ID),
			},
			{
				// Nothing changed and nothing was saved: a plan still wants to create.
				Config:             zed,
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				Check:              noWrites,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate),
				}},
			},
			{
				PreConfig: func() {
					if err := noWrites(nil); err != nil {
						t.Fatal(err)
					}
					if err := expectService(env, g.ID, []string{"alice", "bob"}, []string{ug})(nil); err != nil {
						t.Fatal(err)
					}
				},
				Config: env.Config(fmt.Sprintf(`
import {
  to = appstreaming_user_authorization.test
  id = %[1]q
}

resource "appstreaming_user_authorization" "test" {
  delivery_group_id = %[1]q
  users             = ["zed"]
}
`, g.ID)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
					usersChange{gone: []string{"alice", "bob"}, back: []string{"zed"}},
					plancheck.ExpectKnownValue(addr, tfjsonpath.New("user_groups"), knownvalue.Null()),
					userGroupsBefore{ug},
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("users"), strSet("zed")),
				},
				Check: expectService(env, g.ID, []string{"zed"}, nil),
			},
		},
	})
}

// userGroupsBefore checks that the planned change starts from these user groups
// (what the import read), so their revocation is in the plan.
type userGroupsBefore []string

func (want userGroupsBefore) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address == addr {
			if got := asStrings(rc.Change.Before, "user_groups"); !slices.Equal(got, want) {
				resp.Error = fmt.Errorf("user_groups before the change = %v, want %v", got, []string(want))
			}
			return
		}
	}
	resp.Error = fmt.Errorf("no change planned for %s", addr)
}

// A create that fails part way (AuthorizeInstanceGroup answers 500) saves
// nothing in the state: the next plan creates again, instead of replacing a
// tainted resource whose destroy would revoke the users that were there
// before (alice, listed in the configuration and adopted). Once the fault is
// gone the create adopts what is there and finishes.
func TestAccUserAuthorization_failedCreateSavesNothing(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	g := env.PublishGroup(t, "ua-failed-create")
	if err := env.Emulator.AuthorizeUsers(g.ID, []string{"alice"}, nil); err != nil {
		t.Fatal(err)
	}
	cfg := strings.Replace(config(env, g.ID, `  users = ["alice", "bob"]`), "provider \"appstreaming\" {", "provider \"appstreaming\" {\n  max_retries = 0", 1)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					env.Emulator.SetFaults(emulator.Faults{FailureRate: 1, FailureCodes: []string{"InternalError"}, Actions: []string{"AuthorizeInstanceGroup"}})
				},
				Config:      cfg,
				ExpectError: regexp.MustCompile(`Cannot change authorizations`),
			},
			{
				PreConfig: func() { env.Emulator.SetFaults(emulator.Faults{}) },
				Config:    cfg,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate),
				}},
				Check: expectService(env, g.ID, []string{"alice", "bob"}, nil),
			},
		},
	})
}
