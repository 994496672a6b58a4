package apppolicy

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
)

type model struct {
	ID                 types.String `tfsdk:"id"`
	AppPolicyID        types.String `tfsdk:"app_policy_id"`
	DeliveryGroupID    types.String `tfsdk:"delivery_group_id"`
	FrameRate          types.Int64  `tfsdk:"frame_rate"`
	Protocol           types.String `tfsdk:"protocol"`
	ResolutionAdaptive types.Bool   `tfsdk:"resolution_adaptive"`
	ResolutionWidth    types.Int64  `tfsdk:"resolution_width"`
	ResolutionHeight   types.Int64  `tfsdk:"resolution_height"`
	VisualQuality      types.String `tfsdk:"visual_quality"`
}

// protocolPair maps a protocol name to (Webrtc, StreamingMode), api-notes §4 rule 27.
func protocolPair(p string) (webrtc bool, mode string, ok bool) {
	switch p {
	case ProtocolWebRTC:
		return true, "video", true
	case ProtocolVideo:
		return false, "video", true
	case ProtocolMix:
		return false, "mix", true
	}
	return false, "", false
}

// protocolName is the inverse of protocolPair; ok is false for the
// undocumented pair (true, mix) and for unknown modes.
func protocolName(webrtc bool, mode string) (string, bool) {
	for _, p := range protocols {
		if w, m, _ := protocolPair(p); w == webrtc && m == mode {
			return p, true
		}
	}
	return "", false
}

// expand builds the VideoPolicy to send: only the settings present in the
// configuration, so the service keeps the rest as they are.
func expand(m model) *client.VideoPolicy {
	vp := &client.VideoPolicy{
		FrameRate:               common.IntPtr(m.FrameRate),
		SessionResolutionWidth:  common.IntPtr(m.ResolutionWidth),
		SessionResolutionHeight: common.IntPtr(m.ResolutionHeight),
		VisualQualityStrategy:   m.VisualQuality.ValueString(),
	}
	if !m.ResolutionAdaptive.IsNull() && !m.ResolutionAdaptive.IsUnknown() {
		b := m.ResolutionAdaptive.ValueBool()
		vp.TerminalResolutionAdaptive = &b
	}
	if w, mode, ok := protocolPair(m.Protocol.ValueString()); ok {
		vp.Webrtc, vp.StreamingMode = &w, mode
	}
	return vp
}

// isEmpty reports whether vp would change nothing.
func isEmpty(vp *client.VideoPolicy) bool {
	return *vp == client.VideoPolicy{}
}
