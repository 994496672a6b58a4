package userauthorization_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
)

const addr = "appstreaming_user_authorization.test"

func strSet(vs ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(vs))
	for i, v := range vs {
		checks[i] = knownvalue.StringExact(v)
	}
	return knownvalue.SetExact(checks)
}

// expectService checks what the emulator holds for a group.
func expectService(env *acctest.Env, groupID string, users, groups []string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		g, ok := env.Emulator.GroupRecord(groupID)
		if !ok {
			return fmt.Errorf("group %s not found in the emulator", groupID)
		}
		got, gotG := slices.Sorted(slices.Values(g.Users)), slices.Sorted(slices.Values(g.UserGroups))
		sort.Strings(users)
		sort.Strings(groups)
		if !slices.Equal(got, users) || !slices.Equal(gotG, groups) {
			return fmt.Errorf("service holds users %v, groups %v; want %v, %v", got, gotG, users, groups)
		}
		return nil
	}
}

// usersChange checks the planned change of users: before has every entry of
// gone and none of back, after the reverse. This is how "the plan shows both
// the added and the removed user" is asserted.
type usersChange struct{ gone, back []string }

func (c usersChange) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address != addr {
			continue
		}
		before, after := asStrings(rc.Change.Before, "users"), asStrings(rc.Change.After, "users")
		for _, u := range c.gone {
			if !slices.Contains(before, u) || slices.Contains(after, u) {
				resp.Error = fmt.Errorf("plan should remove %q: before %v, after %v", u, before, after)
				return
			}
		}
		for _, u := range c.back {
			if slices.Contains(before, u) || !slices.Contains(after, u) {
				resp.Error = fmt.Errorf("plan should add %q: before %v, after %v", u, before, after)
				return
			}
		}
		return
	}
	resp.Error = fmt.Errorf("no change planned for %s", addr)
}

func asStrings(v any, key string) []string {
	m, _ := v.(map[string]any)
	l, _ := m[key].([]any)
	out := make([]string, 0, len(l))
	for _, e := range l {
		out = append(out, fmt.Sprint(e))
	}
	return out
}

func config(env *acctest.Env, groupID, body string) string {
	return env.Config(fmt.Sprintf(`
resource "appstreaming_user_authorization" "test" {
  delivery_group_id = %q
%s
}
`, groupID, body))
}

// Create, update in place, drift both ways, import, a change of account type
// (replace), destroy. Also: create adopts users that were there before when
// the configuration lists them, and destroy leaves other groups alone.
func TestAccUserAuthorization_lifecycle(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	g := env.PublishGroup(t, "ua-lifecycle")
	other := env.PublishGroup(t, "ua-other")
	if err := env.Emulator.AuthorizeUsers(g.ID, []string{"alice"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := env.Emulator.AuthorizeUsers(other.ID, []string{"zoe"}, nil); err != nil {
		t.Fatal(err)
	}
	const ug1, ug2 = "ug-engineering0001", "ug-design000000002"

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: resource.ComposeTestCheckFunc(
			expectService(env, g.ID, nil, nil),
			expectService(env, other.ID, []string{"zoe"}, nil)),
		Steps: []resource.TestStep{
			{
				Config: config(env, g.ID, `
  users       = ["alice", "bob"]
  user_groups = ["`+ug1+`"]`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact(g.ID)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("users"), strSet("alice", "bob")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("user_groups"), strSet(ug1)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("user_type"), knownvalue.StringExact("simple")),
				},
				Check: expectService(env, g.ID, []string{"alice", "bob"}, []string{ug1}),
			},
			{
				Config: config(env, g.ID, `
  users       = ["alice", "carol"]
  user_groups = ["`+ug2+`"]`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
				}},
				Check: expectService(env, g.ID, []string{"alice", "carol"}, []string{ug2}),
			},
			{
				// Drift: one user added and one removed in the console.
				PreConfig: func() {
					if err := env.Emulator.AuthorizeUsers(g.ID, []string{"mallory"}, []string{"alice"}); err != nil {
						t.Fatal(err)
					}
				},
				Config: config(env, g.ID, `
  users       = ["alice", "carol"]
  user_groups = ["`+ug2+`"]`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
					usersChange{gone: []string{"mallory"}, back: []string{"alice"}},
				}},
				Check: expectService(env, g.ID, []string{"alice", "carol"}, []string{ug2}),
			},
			{
				ResourceName:      addr,
				ImportState:       true,
				ImportStateId:     g.ID,
				ImportStateVerify: true,
				// UserMeta cannot be read back; after import the first apply records it.
				ImportStateVerifyIgnore: []string{"user_type"},
			},
			{
				Config: config(env, g.ID, `
  users       = ["alice", "carol"]
  user_groups = ["`+ug2+`"]
  user_type   = "ad"
  ad_domain   = "corp.example.com"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionReplace),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("user_type"), knownvalue.StringExact("ad")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("ad_domain"), knownvalue.StringExact("corp.example.com")),
				},
				Check: expectService(env, g.ID, []string{"alice", "carol"}, []string{ug2}),
			},
		},
	})
}

// An import block adopts the group's authorizations; user_type is unknown
// after import, so the first plan is an in-place update that only records it
// (no AuthorizeInstanceGroup call), then the plan is empty. Then the group is
// deleted out of band: the resource leaves the state and the plan fails on
// the missing group.
func TestAccUserAuthorization_importBlock(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	g := env.PublishGroup(t, "ua-import")
	if err := env.Emulator.AuthorizeUsers(g.ID, []string{"alice", "bob"}, nil); err != nil {
		t.Fatal(err)
	}
	var before int
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			PreConfig: func() { before = env.Calls("AuthorizeInstanceGroup") },
			Config: env.Config(fmt.Sprintf(`
import {
  to = appstreaming_user_authorization.test
  id = %[1]q
}

resource "appstreaming_user_authorization" "test" {
  delivery_group_id = %[1]q
  users             = ["alice", "bob"]
}
`, g.ID)),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)},
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("user_type"), knownvalue.StringExact("simple")),
				statecheck.ExpectKnownValue(addr, tfjsonpath.New("users"), strSet("alice", "bob")),
			},
			Check: func(*terraform.State) error {
				if n := env.Calls("AuthorizeInstanceGroup") - before; n != 0 {
					return fmt.Errorf("adopting an import made %d AuthorizeInstanceGroup calls, want 0", n)
				}
				return nil
			},
		}, {
			// The delivery group vanishes: refresh drops the resource, and
			// planning it again fails at plan on the missing group.
			PreConfig: func() {
				if err := env.Emulator.DeleteGroup(g.ID); err != nil {
					t.Fatal(err)
				}
			},
			Config:      config(env, g.ID, `  users = ["alice", "bob"]`),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`Delivery group not found`),
		}},
	})
}

// 1,000 users in at most 10 calls, then +75/−75 in at most 2 more, each
// followed by an empty plan; the read pages through 100 names at a time.
func TestAccUserAuthorization_batches(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	g := env.PublishGroup(t, "ua-batches")
	names := func(from, to int) []string {
		var out []string
		for i := from; i < to; i++ {
			out = append(out, fmt.Sprintf("user%04d", i))
		}
		return out
	}
	cfg := func(from, to int) string {
		return config(env, g.ID, fmt.Sprintf(`  users = [for i in range(%d, %d) : format("user%%04d", i)]`, from, to))
	}
	var before int
	calls := func(max int) resource.TestCheckFunc {
		return func(*terraform.State) error {
			if n := env.Calls("AuthorizeInstanceGroup") - before; n > max || n == 0 {
				return fmt.Errorf("AuthorizeInstanceGroup calls = %d, want 1..%d", n, max)
			}
			return nil
		}
	}
	mark := func() { before = env.Calls("AuthorizeInstanceGroup") }
	empty := resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: mark, Config: cfg(0, 1000), ConfigPlanChecks: empty,
				Check: resource.ComposeTestCheckFunc(calls(10), expectService(env, g.ID, names(0, 1000), nil),
					resource.TestCheckResourceAttr(addr, "users.#", "1000")),
			},
			{
				PreConfig: mark, Config: cfg(75, 1075), ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeTestCheckFunc(calls(2), expectService(env, g.ID, names(75, 1075), nil)),
			},
		},
	})
}

// Every plan-time rule fails on its attribute with zero API calls.
func TestAccUserAuthorization_validation(t *testing.T) {
	env := acctest.NewEnv(t)
	cases := []struct{ name, body, err string }{
		{"no users or groups", ``, `(?s)Nothing to authorize.*users`},
		{"empty users and user_groups", `
  users       = []
  user_groups = []`, `(?s)Nothing to authorize.*\d+:\s+users\s+= \[\]\n`},
		{"ad without ad_domain", `
  users     = ["alice"]
  user_type = "ad"`, `(?s)Missing AD domain.*ad_domain is required when user_type is "ad"`},
		{"simple with ad_domain", `
  users     = ["alice"]
  user_type = "simple"
  ad_domain = "corp.example.com"`, `(?s)AD domain not allowed.*\d+:\s+ad_domain = "corp.example.com"\n`},
		{"default type with ad_domain", `
  users     = ["alice"]
  ad_domain = "corp.example.com"`, `AD domain not allowed`},
		{"bad user_type", `
  users     = ["alice"]
  user_type = "ldap"`, `(?s)\d+:\s+user_type = "ldap"\n.*Attribute user_type value must be one of`},
		{"duplicate usernames (case)", `
  users = ["alice", "Alice"]`, `(?s)Duplicate Entry.*\d+:\s+users = \["alice", "Alice"\]\n.*differ only in letter case`},
		{"empty username", `
  users = ["alice", ""]`, `(?s)Invalid Entry.*\d+:\s+users = \["alice", ""\]\n.*must not be empty`},
		{"whitespace username", `
  users = [" alice"]`, `(?s)Invalid Entry.*\d+:\s+users = \[" alice"\]\n.*leading or trailing whitespace`},
		{"empty user group", `
  user_groups = [""]`, `(?s)Invalid Entry.*\d+:\s+user_groups = \[""\]\n`},
		{"user group name instead of ID", `
  user_groups = ["finance"]`, `(?s)Invalid ID.*must\s+be\s+a\s+user\s+group\s+ID\s+such\s+as\s+"ug-engineering0001".*got\s+"finance"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      config(env, "aig-000000000000validate", tc.body),
					PlanOnly:    true,
					ExpectError: regexp.MustCompile(tc.err),
				}},
			})
		})
	}
	t.Run("delivery group name instead of ID", func(t *testing.T) {
		resource.ParallelTest(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
			Steps: []resource.TestStep{{
				Config: config(env, "finance-apps", `  users = ["alice"]`), PlanOnly: true,
				ExpectError: regexp.MustCompile(`(?s)Invalid ID.*must\s+be\s+a\s+delivery\s+group\s+ID.*got\s+"finance-apps"`),
			}},
		})
	})
	t.Cleanup(func() {
		if !env.IsEmulator() {
			return // no call counter on the cloud: the plan errors are the test there
		}
		if n := env.Calls(""); n != 0 {
			t.Errorf("validation failures made %d API calls, want 0", n)
		}
	})
}

// A delivery_group_id known at plan that names no group fails the plan on
// that attribute: one GetAppInstanceGroup, plus the provider's one
// ListRegions credential check, and nothing else.
func TestAccUserAuthorization_groupNotFoundAtPlan(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: config(env, "aig-0000000doesnotexist", `  users = ["alice"]`), PlanOnly: true,
			ExpectError: regexp.MustCompile(`(?s)Delivery group not found.*aig-0000000doesnotexist.*Check\s+delivery_group_id`),
		}},
	})
	if get, check, all := env.Calls("GetAppInstanceGroup"), env.Calls("ListRegions"), env.Calls(""); get != 1 || check != 1 || all != 2 {
		t.Errorf("GetAppInstanceGroup %d (want 1), ListRegions %d (want 1, the credential check), all %d (want 2)", get, check, all)
	}
}
