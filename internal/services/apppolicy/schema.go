package apppolicy

import (
	"context"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Protocol values and the Webrtc/StreamingMode pair each one stands for
// (api-notes §4 rule 27). The undocumented pair Webrtc=true + mix has
// no name, so it cannot be configured.
const (
	ProtocolWebRTC = "webrtc"
	ProtocolVideo  = "video"
	ProtocolMix    = "mix"
)

var (
	protocols       = []string{ProtocolWebRTC, ProtocolVideo, ProtocolMix}
	visualQualities = []string{"adaptive", "smooth", "quality"}
	policyIDPattern = regexp.MustCompile(`^pg-[A-Za-z0-9]+$`)
)

func (r *appPolicyResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Display (video) policy of a delivery group: frame rate, streaming protocol, resolution and " +
			"visual quality, applied with the API action `ModifyAppPolicy` on the group's policy object (`pg-…`).\n\n" +
			"The API has **no action that reads a policy back**: the resource keeps in state what it applied, and on " +
			"refresh only checks that the policy still exists (through the delivery group whose `AppPolicyId` names it). " +
			"Changes made in the console are therefore not detected. Arguments left out are not sent and keep their " +
			"current value on the service. Destroying the resource leaves the policy as it is.\n\n" +
			"**Import**: since nothing can be read, an imported policy (and configuration generated with " +
			"`terraform plan -generate-config-out`) has every setting null; such a configuration validates with a warning " +
			"and manages nothing until you write the settings to manage into it. Creating the resource with no setting fails " +
			"at plan. Because the current settings cannot be read, the provider cannot tell whether another configuration " +
			"manages a policy: keep one `appstreaming_app_policy` per policy.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Same as `app_policy_id`.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"app_policy_id": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "ID of the policy object to manage (`AppPolicyId`, `pg-…`), usually " +
					"`appstreaming_delivery_group.<name>.app_policy_id`. Changing it replaces the resource.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators: []validator.String{stringvalidator.RegexMatches(policyIDPattern,
					"must be a policy ID such as pg-8z4nztpaqvay4xxxx")},
			},
			"delivery_group_id": schema.StringAttribute{
				Computed: true,
				MarkdownDescription: "A delivery group (`AppInstanceGroupId`, `aig-…`) whose `AppPolicyId` is this policy, " +
					"found by `ListAppInstanceGroup`; refresh uses it to check that the policy still exists.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"frame_rate": schema.Int64Attribute{
				Optional:            true,
				MarkdownDescription: "Frames per second (`VideoPolicy.FrameRate`): `30` or `60`.",
				Validators:          []validator.Int64{int64validator.OneOf(30, 60)},
			},
			"protocol": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Streaming protocol, sent as the pair `VideoPolicy.Webrtc` + `VideoPolicy.StreamingMode`: " +
					"`webrtc` (WebRTC stream: `Webrtc=true`, `video`), `video` (video stream: `false`, `video`) or " +
					"`mix` (mixed stream: `false`, `mix`). The undocumented pair `Webrtc=true` + `mix` cannot be expressed.",
				Validators: []validator.String{stringvalidator.OneOf(protocols...)},
			},
			"resolution_adaptive": schema.BoolAttribute{
				Optional: true,
				MarkdownDescription: "`VideoPolicy.TerminalResolutionAdaptive`: `true` makes `resolution_width`/`resolution_height` " +
					"the maximum resolution that follows the end user's screen; `false` fixes the resolution.",
			},
			"resolution_width": schema.Int64Attribute{
				Optional:            true,
				MarkdownDescription: "Session resolution width in pixels (`VideoPolicy.SessionResolutionWidth`), > 0. Set together with `resolution_height`.",
				Validators: []validator.Int64{int64validator.AtLeast(1),
					int64validator.AlsoRequires(path.MatchRoot("resolution_height"))},
			},
			"resolution_height": schema.Int64Attribute{
				Optional:            true,
				MarkdownDescription: "Session resolution height in pixels (`VideoPolicy.SessionResolutionHeight`), > 0. Set together with `resolution_width`.",
				Validators: []validator.Int64{int64validator.AtLeast(1),
					int64validator.AlsoRequires(path.MatchRoot("resolution_width"))},
			},
			"visual_quality": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Picture quality strategy (`VideoPolicy.VisualQualityStrategy`): `adaptive`, `smooth` or `quality`.",
				Validators:          []validator.String{stringvalidator.OneOf(visualQualities...)},
			},
		},
	}
}
