package apppolicy_test

import (
	"fmt"
	"regexp"
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

const addr = "appstreaming_app_policy.test"

func config(env *acctest.Env, policyID, body string) string {
	return env.Config(fmt.Sprintf(`
resource "appstreaming_app_policy" "test" {
  app_policy_id = %q
%s
}
`, policyID, body))
}

// expectPolicy checks the policy object held by the emulator (the API has no
// read action, so this is the only way to see what was applied). On the
// cloud target it checks nothing.
func expectPolicy(env *acctest.Env, id string, want func(p emulator.PolicyView) error) resource.TestCheckFunc {
	return env.OnEmulator(func(*terraform.State) error {
		p, ok := env.Emulator.Policy(id)
		if !ok {
			return fmt.Errorf("policy %s not found in the emulator", id)
		}
		return want(p)
	})
}

func video(frameRate, w, h int, adaptive, webrtc bool, mode, quality string) func(emulator.PolicyView) error {
	return func(p emulator.PolicyView) error {
		if p.FrameRate != frameRate || p.SessionResolutionWidth != w || p.SessionResolutionHeight != h ||
			p.TerminalResolutionAdaptive != adaptive || p.Webrtc != webrtc || p.StreamingMode != mode || p.VisualQualityStrategy != quality {
			return fmt.Errorf("policy holds %+v; want FrameRate=%d %dx%d adaptive=%v Webrtc=%v StreamingMode=%s quality=%s",
				p, frameRate, w, h, adaptive, webrtc, mode, quality)
		}
		return nil
	}
}

const full = `
  frame_rate          = 60
  protocol            = "webrtc"
  resolution_adaptive = true
  resolution_width    = 1920
  resolution_height   = 1080
  visual_quality      = "adaptive"`

// Create, update in place, import (terraform import), destroy leaving the
// policy as last applied.
func TestAccAppPolicy_lifecycle(t *testing.T) {
	env := acctest.NewEnv(t)
	g := env.PublishGroup(t, "ap-lifecycle")
	updated := video(30, 1280, 720, false, false, "mix", "quality")

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		// Destroy leaves the service's policy untouched.
		CheckDestroy: expectPolicy(env, g.PolicyID, updated),
		Steps: []resource.TestStep{
			{
				Config: config(env, g.PolicyID, full),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact(g.PolicyID)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("delivery_group_id"), knownvalue.StringExact(g.ID)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("protocol"), knownvalue.StringExact("webrtc")),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("frame_rate"), knownvalue.Int64Exact(60)),
				},
				Check: expectPolicy(env, g.PolicyID, video(60, 1920, 1080, true, true, "video", "adaptive")),
			},
			{
				Config: config(env, g.PolicyID, `
  frame_rate          = 30
  protocol            = "mix"
  resolution_adaptive = false
  resolution_width    = 1280
  resolution_height   = 720
  visual_quality      = "quality"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
				}},
				Check: expectPolicy(env, g.PolicyID, updated),
			},
			{
				ResourceName:      addr,
				ImportState:       true,
				ImportStateId:     g.PolicyID,
				ImportStateVerify: true,
				// No read API: after import only the IDs are known.
				ImportStateVerifyIgnore: []string{"frame_rate", "protocol", "resolution_adaptive",
					"resolution_width", "resolution_height", "visual_quality"},
			},
		},
	})
}

// An import block: the settings cannot be read, so the plan is an in-place
// update that applies them (protocol "video" → Webrtc=false, video), then the
// plan is empty. Later the group (and its policy) vanishes: the refresh drops
// the resource, the plan wants to create it, and the create fails clearly.
func TestAccAppPolicy_importAndVanish(t *testing.T) {
	env := acctest.NewEnv(t)
	env.RequireEmulator(t)
	g := env.PublishGroup(t, "ap-import")
	body := `
  frame_rate        = 30
  protocol          = "video"
  resolution_width  = 1600
  resolution_height = 900`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config(env, g.PolicyID, body) + fmt.Sprintf(`
import {
  to = appstreaming_app_policy.test
  id = %q
}
`, g.PolicyID),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(addr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(addr, tfjsonpath.New("frame_rate"), knownvalue.Int64Exact(30)),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("delivery_group_id"), knownvalue.StringExact(g.ID)),
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("resolution_adaptive"), knownvalue.Null()),
				},
				Check: func(s *terraform.State) error {
					p, _ := env.Emulator.Policy(g.PolicyID)
					// Only configured settings are sent: adaptive and quality keep the service's values.
					want := video(30, 1600, 900, p.TerminalResolutionAdaptive, false, "video", p.VisualQualityStrategy)
					return expectPolicy(env, g.PolicyID, want)(s)
				},
			},
			{
				PreConfig: func() {
					if err := env.Emulator.DeleteGroup(g.ID); err != nil {
						t.Fatal(err)
					}
				},
				Config: config(env, g.PolicyID, body),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(addr, plancheck.ResourceActionCreate),
				}},
				ExpectError: regexp.MustCompile(`App policy not in use`),
			},
		},
	})
}

// Every plan-time rule fails on its attribute before any call that matters.
func TestAccAppPolicy_validation(t *testing.T) {
	env := acctest.NewEnv(t)
	cases := []struct{ name, body, err string }{
		{"bad frame rate", `
  frame_rate = 45`, `(?s)\d+:\s+frame_rate = 45\n.*Attribute frame_rate value must be one of`},
		{"bad protocol", `
  protocol = "rtp"`, `(?s)\d+:\s+protocol = "rtp"\n.*Attribute protocol value must be one of`},
		{"only width", `
  resolution_width = 1920`, `(?s)\d+:\s+resolution_width = 1920\n.*Attribute "resolution_height" must be specified when "resolution_width"`},
		{"only height", `
  resolution_height = 1080`, `(?s)\d+:\s+resolution_height = 1080\n.*Attribute "resolution_width" must be specified when "resolution_height"`},
		{"non-positive width", `
  resolution_width  = 0
  resolution_height = 1080`, `(?s)\d+:\s+resolution_width\s+= 0\n.*Attribute resolution_width value must be at least 1, got: 0`},
		{"negative height", `
  resolution_width  = 1920
  resolution_height = -1`, `(?s)\d+:\s+resolution_height = -1\n.*Attribute resolution_height value must be at least 1, got: -1`},
		{"bad visual quality", `
  visual_quality = "crisp"`, `(?s)\d+:\s+visual_quality = "crisp"\n.*Attribute visual_quality value must be one of`},
		{"nothing to apply", ``, `(?s)Nothing to apply.*Set\s+at\s+least\s+one\s+of\s+frame_rate`},
		{"bad policy id", `
  frame_rate = 30`, `(?s)\d+:\s+app_policy_id = "aig-wrongkind"\n.*Attribute app_policy_id must be a policy ID`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			id := "pg-validate0001"
			if tc.name == "bad policy id" {
				id = "aig-wrongkind"
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      config(env, id, tc.body),
					PlanOnly:    true,
					ExpectError: regexp.MustCompile(tc.err),
				}},
			})
		})
	}
	// Attribute rules fail before the provider is configured (0 calls).
	// "nothing to apply" is checked in ModifyPlan (an imported policy with no
	// setting is valid), after Configure, whose credential check costs
	// exactly one ListRegions; nothing else may reach the API.
	t.Cleanup(func() {
		if !env.IsEmulator() {
			return // no call counter on the cloud: the plan errors are the test there
		}
		if n, check := env.Calls(""), env.Calls("ListRegions"); n-check != 0 || check != 1 {
			t.Errorf("validation failures made %d API calls besides %d credential checks, want 0 and 1", n-check, check)
		}
	})
}
