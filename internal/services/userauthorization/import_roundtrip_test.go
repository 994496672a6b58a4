package userauthorization_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
)

// Import with -generate-config-out: the generated configuration validates,
// applies (recording user_type, which the API cannot read, without any
// AuthorizeInstanceGroup call) and then plans empty.
func TestAccUserAuthorization_importGeneratedConfig(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	g := env.PublishGroup(t, "ua-generated")
	if err := env.Emulator.AuthorizeUsers(g.ID, []string{"alice", "bob"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := env.Emulator.AuthorizeUserGroups(g.ID, []string{"ug-engineering0001"}, nil); err != nil {
		t.Fatal(err)
	}
	rt := &acctest.ImportRoundTrip{ResourceName: addr, ImportID: g.ID, ImportChanges: true,
		ApplyCheck: resource.ComposeTestCheckFunc(
			expectService(env, g.ID, []string{"alice", "bob"}, []string{"ug-engineering0001"}),
			func(*terraform.State) error {
				if n := env.Calls("AuthorizeInstanceGroup"); n != 0 {
					return fmt.Errorf("applying the generated configuration made %d AuthorizeInstanceGroup calls, want 0", n)
				}
				return nil
			})}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps:                    rt.Steps(t, env),
	})
	t.Logf("generated:\n%s", rt.Generated())
}
