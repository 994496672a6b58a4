package apppolicy

import (
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestProtocolPairs(t *testing.T) {
	want := map[string]struct {
		webrtc bool
		mode   string
	}{"webrtc": {true, "video"}, "video": {false, "video"}, "mix": {false, "mix"}}
	for p, w := range want {
		webrtc, mode, ok := protocolPair(p)
		if !ok || webrtc != w.webrtc || mode != w.mode {
			t.Errorf("%s → (%v,%s,%v), want (%v,%s)", p, webrtc, mode, ok, w.webrtc, w.mode)
		}
		if back, ok := protocolName(webrtc, mode); !ok || back != p {
			t.Errorf("round trip of %s gave %q", p, back)
		}
	}
	if _, ok := protocolName(true, "mix"); ok {
		t.Error("the undocumented pair Webrtc=true + mix must have no protocol name")
	}
	if _, _, ok := protocolPair("rtp"); ok {
		t.Error("unknown protocol accepted")
	}
}

func TestExpandSendsOnlyConfigured(t *testing.T) {
	m := model{FrameRate: types.Int64Value(60), Protocol: types.StringValue("mix"),
		ResolutionAdaptive: types.BoolValue(false), ResolutionWidth: types.Int64Null(), ResolutionHeight: types.Int64Null(),
		VisualQuality: types.StringNull()}
	b, _ := json.Marshal(expand(m))
	if got, want := string(b), `{"FrameRate":60,"StreamingMode":"mix","TerminalResolutionAdaptive":false,"Webrtc":false}`; got != want {
		t.Errorf("VideoPolicy = %s, want %s", got, want)
	}
	full := model{FrameRate: types.Int64Value(30), Protocol: types.StringValue("webrtc"), ResolutionAdaptive: types.BoolValue(true),
		ResolutionWidth: types.Int64Value(1280), ResolutionHeight: types.Int64Value(720), VisualQuality: types.StringValue("smooth")}
	b, _ = json.Marshal(expand(full))
	if got, want := string(b), `{"FrameRate":30,"SessionResolutionHeight":720,"SessionResolutionWidth":1280,"StreamingMode":"video","TerminalResolutionAdaptive":true,"VisualQualityStrategy":"smooth","Webrtc":true}`; got != want {
		t.Errorf("VideoPolicy = %s, want %s", got, want)
	}
	if !isEmpty(expand(model{})) {
		t.Error("an all-null model must expand to an empty VideoPolicy")
	}
}
