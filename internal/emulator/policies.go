package emulator

// videoReq is the VideoPolicy JSON (Create and ModifyAppPolicy).
type videoReq struct {
	FrameRate                  *int    `json:"FrameRate"`
	SessionResolutionHeight    *int    `json:"SessionResolutionHeight"`
	SessionResolutionWidth     *int    `json:"SessionResolutionWidth"`
	StreamingMode              *string `json:"StreamingMode"`
	TerminalResolutionAdaptive *bool   `json:"TerminalResolutionAdaptive"`
	VisualQualityStrategy      *string `json:"VisualQualityStrategy"`
	Webrtc                     *bool   `json:"Webrtc"`
}

// defaultPolicy is what a new policy object holds before any change. The
// values are the emulator's choice; the service does not document them.
func defaultPolicy() AppPolicy {
	return AppPolicy{FrameRate: 30, SessionResolutionWidth: 1920, SessionResolutionHeight: 1080,
		TerminalResolutionAdaptive: true, Webrtc: false, StreamingMode: "video", VisualQualityStrategy: "adaptive", Groups: []string{}}
}

// applyVideo merges v into pol after checking rules 26–29. The pair rule
// (Webrtc, StreamingMode) is judged on the merged result. allowQuality:
// VisualQualityStrategy is a ModifyAppPolicy-only field, but it is
// accepted on Create as well (tolerant).
func applyVideo(pol *AppPolicy, v *videoReq, _ bool) (*AppPolicy, *apiError) {
	n := *pol
	if v.FrameRate != nil {
		if *v.FrameRate != 30 && *v.FrameRate != 60 {
			return nil, invalid("FrameRate", "must be 30 or 60")
		}
		n.FrameRate = *v.FrameRate
	}
	if v.SessionResolutionWidth != nil {
		if *v.SessionResolutionWidth < 1 || *v.SessionResolutionWidth > 7680 {
			return nil, invalid("SessionResolutionWidth", "must be 1..7680 pixels")
		}
		n.SessionResolutionWidth = *v.SessionResolutionWidth
	}
	if v.SessionResolutionHeight != nil {
		if *v.SessionResolutionHeight < 1 || *v.SessionResolutionHeight > 4320 {
			return nil, invalid("SessionResolutionHeight", "must be 1..4320 pixels")
		}
		n.SessionResolutionHeight = *v.SessionResolutionHeight
	}
	if v.TerminalResolutionAdaptive != nil {
		n.TerminalResolutionAdaptive = *v.TerminalResolutionAdaptive
	}
	if v.StreamingMode != nil {
		if *v.StreamingMode != "video" && *v.StreamingMode != "mix" {
			return nil, invalid("StreamingMode", "must be video or mix")
		}
		n.StreamingMode = *v.StreamingMode
	}
	if v.Webrtc != nil {
		n.Webrtc = *v.Webrtc
	}
	if n.Webrtc && n.StreamingMode == "mix" {
		return nil, invalid("StreamingMode", "WebRTC (Webrtc=true) only works with StreamingMode video")
	}
	if v.VisualQualityStrategy != nil {
		if !oneOf(*v.VisualQualityStrategy, "adaptive", "smooth", "quality") {
			return nil, invalid("VisualQualityStrategy", "must be adaptive, smooth or quality")
		}
		n.VisualQualityStrategy = *v.VisualQualityStrategy
	}
	*pol = n
	return pol, nil
}

func (e *Emulator) modifyAppPolicy(c *call) (map[string]any, *apiError) {
	p := c.p
	id, ae := p.required("AppPolicyId")
	if ae != nil {
		return nil, ae
	}
	if ae := checkProduct(p); ae != nil {
		return nil, ae
	}
	pol := e.st.policies[id]
	if pol == nil {
		return nil, errf(400, "InvalidAppPolicy.NotFound", "The app policy %s is not found.", id)
	}
	var v videoReq
	if _, ae := p.jsonParam("VideoPolicy", &v); ae != nil {
		return nil, ae
	}
	if _, ae := applyVideo(pol, &v, true); ae != nil {
		return nil, ae
	}
	return map[string]any{}, nil
}
