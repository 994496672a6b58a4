package emulator

import "regexp"

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

// newPolicy stores a new policy object with the default settings.
func (s *state) newPolicy() *AppPolicy {
	pol := defaultPolicy()
	pol.ID = s.newID("pg-", 14)
	s.policies[pol.ID] = &pol
	return &pol
}

// applyVideo merges v into pol after checking api-notes §4 rules 26–29. The pair rule
// (Webrtc, StreamingMode) is judged on the merged result. On an error pol
// is unchanged. VisualQualityStrategy is a ModifyAppPolicy field; Create
// accepts it as well (tolerant).
func applyVideo(pol *AppPolicy, v *videoReq) *apiError {
	n := *pol
	if v.FrameRate != nil {
		if *v.FrameRate != 30 && *v.FrameRate != 60 {
			return invalid("FrameRate", "must be 30 or 60")
		}
		n.FrameRate = *v.FrameRate
	}
	if v.SessionResolutionWidth != nil {
		if *v.SessionResolutionWidth < 1 || *v.SessionResolutionWidth > 7680 {
			return invalid("SessionResolutionWidth", "must be 1..7680 pixels")
		}
		n.SessionResolutionWidth = *v.SessionResolutionWidth
	}
	if v.SessionResolutionHeight != nil {
		if *v.SessionResolutionHeight < 1 || *v.SessionResolutionHeight > 4320 {
			return invalid("SessionResolutionHeight", "must be 1..4320 pixels")
		}
		n.SessionResolutionHeight = *v.SessionResolutionHeight
	}
	if v.TerminalResolutionAdaptive != nil {
		n.TerminalResolutionAdaptive = *v.TerminalResolutionAdaptive
	}
	if v.StreamingMode != nil {
		if *v.StreamingMode != "video" && *v.StreamingMode != "mix" {
			return invalid("StreamingMode", "must be video or mix")
		}
		n.StreamingMode = *v.StreamingMode
	}
	if v.Webrtc != nil {
		n.Webrtc = *v.Webrtc
	}
	if n.Webrtc && n.StreamingMode == "mix" {
		return invalid("StreamingMode", "WebRTC (Webrtc=true) only works with StreamingMode video")
	}
	if v.VisualQualityStrategy != nil {
		if !oneOf(*v.VisualQualityStrategy, "adaptive", "smooth", "quality") {
			return invalid("VisualQualityStrategy", "must be adaptive, smooth or quality")
		}
		n.VisualQualityStrategy = *v.VisualQualityStrategy
	}
	*pol = n
	return nil
}

// modifyPolicyReq is ModifyAppPolicy's request; next is the policy as it
// will be.
type modifyPolicyReq struct {
	pol  *AppPolicy
	next AppPolicy
}

func (r *modifyPolicyReq) validate(e *Emulator, c *call) *apiError {
	p := c.p
	id, ae := p.required("AppPolicyId")
	if ae != nil {
		return ae
	}
	if ae := checkProduct(p); ae != nil {
		return ae
	}
	if r.pol = e.st.policies[id]; r.pol == nil {
		return errf(400, "InvalidAppPolicy.NotFound", "The app policy %s is not found.", id)
	}
	var v videoReq
	if _, ae := p.jsonParam("VideoPolicy", &v); ae != nil {
		return ae
	}
	r.next = *r.pol
	return applyVideo(&r.next, &v)
}

func (e *Emulator) modifyAppPolicy(r *modifyPolicyReq) map[string]any {
	*r.pol = r.next
	return map[string]any{}
}

// runtimeReq, securityReq, storageReq and networkReq are the policy JSON
// parameters of a delivery group, shared by Create and
// ModifyAppInstanceGroupAttribute.
type runtimeReq struct {
	DebugMode                         *string `json:"DebugMode"`
	PerSessionPerApp                  *bool   `json:"PerSessionPerApp"`
	PersistentAppInstanceScheduleMode *string `json:"PersistentAppInstanceScheduleMode"`
	SessionPreOpen                    *string `json:"SessionPreOpen"`
	SessionType                       *string `json:"SessionType"`
	SessionUserGenerationMode         *string `json:"SessionUserGenerationMode"`
}

type securityReq struct {
	ResetAfterUnbind  *bool `json:"ResetAfterUnbind"`
	SkipUserAuthCheck *bool `json:"SkipUserAuthCheck"`
}

type storageReq struct {
	StorageTypeList []string `json:"StorageTypeList"`
	UserProfile     *struct {
		RemoteStoragePath *string `json:"RemoteStoragePath"`
		RemoteStorageType *string `json:"RemoteStorageType"`
		UserProfileSwitch *bool   `json:"UserProfileSwitch"`
		FileSystemID      *string `json:"FileSystemId"`
	} `json:"UserProfile"`
	UserProfileFollow map[string]any `json:"UserProfileFollow"`
}

type networkReq struct {
	DomainRules []struct {
		Domain string `json:"Domain"`
		Policy string `json:"Policy"`
	} `json:"DomainRules"`
	IPExpireMinutes *int   `json:"IpExpireMinutes"`
	OfficeSiteID    string `json:"OfficeSiteId"`
	Routes          []struct {
		Destination string `json:"Destination"`
		Mode        string `json:"Mode"`
	} `json:"Routes"`
	StrategyType string   `json:"StrategyType"`
	VSwitchIDs   []string `json:"VSwitchIds"`
}

var cidrPattern = regexp.MustCompile(`^\d{1,3}(\.\d{1,3}){3}/\d{1,2}$`)

// checkNetwork applies api-notes §4 rule 23.
func checkNetwork(n *networkReq) *apiError {
	if n.StrategyType != "" && n.StrategyType != "Mixed" && n.StrategyType != "Shared" {
		return invalid("Network.StrategyType", "must be Mixed or Shared")
	}
	if len(n.Routes) > 0 && n.StrategyType != "Mixed" {
		return invalid("Network.Routes", "routes are only used with StrategyType Mixed")
	}
	for _, r := range n.Routes {
		if r.Mode != "Shared" {
			return invalid("Network.Routes.Mode", "must be Shared")
		}
		if !cidrPattern.MatchString(r.Destination) {
			return invalid("Network.Routes.Destination", "%q is not a CIDR block", r.Destination)
		}
	}
	if n.IPExpireMinutes != nil && *n.IPExpireMinutes < 60 {
		return invalid("Network.IpExpireMinutes", "must be 60 or more")
	}
	for _, d := range n.DomainRules {
		if d.Policy != "allow" && d.Policy != "block" {
			return invalid("Network.DomainRules.Policy", "must be allow or block")
		}
		if d.Domain == "" {
			return missing("Network.DomainRules.Domain")
		}
	}
	return nil
}

func checkStorage(s *storageReq) *apiError {
	for _, t := range s.StorageTypeList {
		if t != "OFF" && t != "PDS" {
			return invalid("StorageTypeList", "items must be OFF or PDS")
		}
	}
	if s.UserProfile != nil && s.UserProfile.RemoteStorageType != nil && *s.UserProfile.RemoteStorageType != "NAS" {
		return invalid("RemoteStorageType", "must be NAS")
	}
	return nil
}

func checkRuntime(r *runtimeReq) *apiError {
	if r.SessionType != nil && !oneOf(*r.SessionType, "CONSOLE", "NORMAL") {
		return invalid("SessionType", "must be CONSOLE or NORMAL")
	}
	if r.DebugMode != nil && !oneOf(*r.DebugMode, "ON", "OFF") {
		return invalid("DebugMode", "must be ON or OFF")
	}
	if r.SessionPreOpen != nil && !oneOf(*r.SessionPreOpen, "true", "false") {
		return invalid("SessionPreOpen", `must be the string "true" or "false"`)
	}
	if r.PersistentAppInstanceScheduleMode != nil && !oneOf(*r.PersistentAppInstanceScheduleMode, "DYNAMIC", "FIX_NODE") {
		return invalid("PersistentAppInstanceScheduleMode", "must be DYNAMIC or FIX_NODE")
	}
	if r.SessionUserGenerationMode != nil {
		if *r.SessionUserGenerationMode != "wyid" {
			return invalid("SessionUserGenerationMode", "must be wyid")
		}
		if r.SessionPreOpen == nil || *r.SessionPreOpen != "false" {
			return invalid("SessionPreOpen", `SessionUserGenerationMode wyid requires SessionPreOpen "false"`)
		}
	}
	return nil
}
