package emulator

import "encoding/json"

// createGroupReq is CreateAppInstanceGroup's request, read and checked by
// validate in the order the service reports faults (the first fault wins).
type createGroupReq struct {
	imageID, region, name          string
	chargeResourceMode, chargeType string
	period                         int64
	periodUnit                     string
	sessionTimeout                 int64
	autoPay, autoRenew             bool
	authMode, subPayType           string
	preOpenAppID, clusterID        string
	appPackageType                 string

	nodePool NodePool

	runtime    runtimeReq
	security   securityReq
	storage    storageReq
	network    networkReq
	userDefine userDefineReq
	video      videoReq
	// Which optional policy JSON parameters were sent.
	hasStorage, hasNetwork, hasUserDefine, hasVideo bool

	users, userGroups []string
	policy            *AppPolicy // AppPolicyId's policy; nil: a new one
}

// userDefineReq is the UserDefinePolicy JSON.
type userDefineReq struct {
	CustomConfig *string `json:"CustomConfig"`
}

func (r *createGroupReq) validate(e *Emulator, c *call) *apiError {
	if ae := e.createFault(); ae != nil {
		return ae
	}
	for _, step := range []func(*Emulator, params) *apiError{
		r.validateBilling, r.validateNodePool, r.validatePolicies, r.validateUsers, r.validateReferences,
	} {
		if ae := step(e, c.p); ae != nil {
			return ae
		}
	}
	return nil
}

// validateBilling reads the product, image, region and the billing and
// session parameters.
func (r *createGroupReq) validateBilling(e *Emulator, p params) *apiError {
	var ae *apiError
	if ae = checkProduct(p); ae != nil {
		return ae
	}
	if r.imageID, ae = p.required("AppCenterImageId"); ae != nil {
		return ae
	}
	if r.region, ae = e.checkRegion(p, "BizRegionId", true); ae != nil {
		return ae
	}
	if r.chargeResourceMode, ae = p.required("ChargeResourceMode"); ae != nil {
		return ae
	}
	if r.chargeResourceMode != "Node" {
		return invalid("ChargeResourceMode", "must be Node")
	}
	if r.chargeType, ae = chargeTypeParam(p); ae != nil {
		return ae
	}
	if r.period, r.periodUnit, ae = periodParams(p); ae != nil {
		return ae
	}
	if !oneOf(r.periodUnit, "Week", "Month", "Year") {
		return invalid("PeriodUnit", "must be Week, Month or Year")
	}
	st, ok, ae := p.intParam("SessionTimeout")
	if ae != nil {
		return ae
	}
	if !ok {
		return missing("SessionTimeout")
	}
	if ae := checkSessionTimeout(st); ae != nil {
		return ae
	}
	r.sessionTimeout = st
	if r.autoPay, _, ae = p.boolParam("AutoPay"); ae != nil {
		return ae
	}
	if r.autoRenew, _, ae = p.boolParam("AutoRenew"); ae != nil {
		return ae
	}
	if r.autoRenew && r.chargeType != "PrePaid" {
		return invalid("AutoRenew", "auto-renewal only applies to PrePaid groups")
	}
	r.authMode = p.str("AuthMode")
	if r.authMode != "" && !oneOf(r.authMode, "App", "AppInstanceGroup", "Session") {
		return invalid("AuthMode", "must be App, AppInstanceGroup or Session")
	}
	if r.authMode == "" {
		r.authMode = "App"
	}
	r.subPayType = p.str("SubPayType")
	if r.subPayType != "" && !oneOf(r.subPayType, "postPaid", "monthPackage", "prePaid") {
		return invalid("SubPayType", "must be postPaid, monthPackage or prePaid")
	}
	r.name, r.preOpenAppID = p.str("AppInstanceGroupName"), p.str("PreOpenAppId")
	r.clusterID, r.appPackageType = p.str("ClusterId"), p.str("AppPackageType")
	return nil
}

// validateNodePool reads NodePool: the instance type, the scaling
// strategy and the sessions per resource.
func (r *createGroupReq) validateNodePool(e *Emulator, p params) *apiError {
	var npr nodePoolReq
	ok, ae := p.jsonParam("NodePool", &npr)
	if ae != nil {
		return ae
	}
	if !ok {
		return missing("NodePool")
	}
	if npr.NodeInstanceType == nil || *npr.NodeInstanceType == "" {
		return missing("NodeInstanceType")
	}
	it, found := e.st.catalog.instanceType(*npr.NodeInstanceType)
	if !found {
		return invalid("NodeInstanceType", "unknown instance type %q", *npr.NodeInstanceType)
	}
	np, ae := e.applyStrategy(NodePool{InstanceType: it.ID}, &npr, r.chargeType, true)
	if ae != nil {
		return ae
	}
	np.NodeCapacity = 1 // default: one session per resource
	if npr.NodeCapacity != nil {
		if ae := e.checkCapacity(it.ID, *npr.NodeCapacity); ae != nil {
			return ae
		}
		np.NodeCapacity = *npr.NodeCapacity
	}
	r.nodePool = np
	return nil
}

// validatePolicies reads the policy JSON parameters.
func (r *createGroupReq) validatePolicies(_ *Emulator, p params) *apiError {
	var ae *apiError
	if _, ae = p.jsonParam("RuntimePolicy", &r.runtime); ae != nil {
		return ae
	}
	if ae = checkRuntime(&r.runtime); ae != nil {
		return ae
	}
	if _, ae = p.jsonParam("SecurityPolicy", &r.security); ae != nil {
		return ae
	}
	if r.hasStorage, ae = p.jsonParam("StoragePolicy", &r.storage); ae != nil {
		return ae
	}
	if ae = checkStorage(&r.storage); ae != nil {
		return ae
	}
	if r.hasNetwork, ae = p.jsonParam("Network", &r.network); ae != nil {
		return ae
	}
	if ae = checkNetwork(&r.network); ae != nil {
		return ae
	}
	if r.hasUserDefine, ae = p.jsonParam("UserDefinePolicy", &r.userDefine); ae != nil {
		return ae
	}
	if cc := r.userDefine.CustomConfig; cc != nil && !json.Valid([]byte(*cc)) {
		return invalid("CustomConfig", "must be JSON text")
	}
	r.hasVideo, ae = p.jsonParam("VideoPolicy", &r.video)
	return ae
}

// validateUsers reads the users and user groups to authorize (api-notes §4 rule 31).
func (r *createGroupReq) validateUsers(_ *Emulator, p params) *apiError {
	r.users = p.list("Users")
	var ui struct {
		Type *string `json:"Type"`
	}
	hasUI, ae := p.jsonParam("UserInfo", &ui)
	if ae != nil {
		return ae
	}
	if len(r.users) > 0 && !hasUI {
		return missing("UserInfo")
	}
	if hasUI && (ui.Type == nil || *ui.Type != "Simple") {
		return invalid("UserInfo.Type", "must be Simple")
	}
	for _, u := range r.users {
		if u == "" {
			return invalid("Users", "user names must not be empty")
		}
	}
	r.userGroups = p.list("UserGroupIds")
	for _, u := range r.userGroups {
		if !ugPattern.MatchString(u) {
			return invalid("UserGroupIds", "%q is not a user group ID (ug-…)", u)
		}
	}
	return nil
}

// validateReferences checks what the request points at: the app policy
// (and the video settings merged into it), the image, and last the
// subscription length.
func (r *createGroupReq) validateReferences(e *Emulator, p params) *apiError {
	if id := p.str("AppPolicyId"); id != "" {
		r.policy = e.st.policies[id]
		if r.policy == nil {
			return invalid("AppPolicyId", "policy %s does not exist", id)
		}
	}
	if r.hasVideo {
		base := defaultPolicy()
		if r.policy != nil {
			base = *r.policy
		}
		if ae := applyVideo(&base, &r.video); ae != nil {
			return ae
		}
	}
	// Image last: it is the costliest lookup in the real service, and the
	// order of checks only matters for which error comes first.
	if _, ae := e.checkImage(r.imageID, r.region); ae != nil {
		return ae
	}
	if ae := checkPeriod(r.period, r.periodUnit); ae != nil {
		// The real API accepts a bad pair and the ORDER fails; the emulator
		// answers that failed order synchronously with this 400.
		ae.Message += " (the order for this group would fail)"
		return ae
	}
	return nil
}

func (e *Emulator) createGroup(r *createGroupReq) map[string]any {
	s := e.st
	s.created++
	g := e.newGroup(r)
	e.attachPolicy(g, r)
	e.seedGroupExtras(g)
	order := s.newOrderID()
	g.Orders = []string{order}
	s.groups[g.ID] = g
	s.order = append(s.order, g.ID)
	return map[string]any{"AppInstanceGroupModel": map[string]any{
		"AppInstanceGroupId": g.ID, "NodePoolId": g.NodePool.ID, "OrderId": order,
	}}
}

// newGroup builds the group a valid request creates, deploying.
func (e *Emulator) newGroup(r *createGroupReq) *Group {
	s := e.st
	now := e.now()
	g := &Group{
		ID: s.newID("aig-", 17), Name: r.name, RegionID: r.region, ImageID: r.imageID,
		ProductType: "CloudApp", ChargeType: r.chargeType, ChargeResourceMode: r.chargeResourceMode,
		Period: int(r.period), PeriodUnit: r.periodUnit, AutoRenew: r.autoRenew, AutoPay: r.autoPay,
		SessionTimeout: int(r.sessionTimeout), AuthMode: r.authMode, SubPayType: r.subPayType,
		PreOpenAppID: r.preOpenAppID, ClusterID: r.clusterID, AppPackageType: r.appPackageType,
		SpecID: s.newID("spec-", 14), CreatedAt: now, Tags: map[string]string{}, SystemTags: map[string]string{},
		Users: dedupe(r.users), UserGroups: dedupe(r.userGroups), OfficeSiteID: r.network.OfficeSiteID, SessionType: "NORMAL",
	}
	if g.Name == "" {
		g.Name = "delivery-group-" + g.ID[len(g.ID)-6:]
	}
	g.NodePool = r.nodePool
	g.NodePool.ID = s.newID("rg-", 17)
	if r.runtime.SessionType != nil {
		g.SessionType = *r.runtime.SessionType
	}
	if r.runtime.PerSessionPerApp != nil {
		g.PerSessionPerApp = *r.runtime.PerSessionPerApp
	}
	if r.security.SkipUserAuthCheck != nil {
		g.SkipUserAuthCheck = *r.security.SkipUserAuthCheck
	}
	if r.security.ResetAfterUnbind != nil {
		g.ResetAfterUnbind = *r.security.ResetAfterUnbind
	}
	g.RuntimePolicy = toMap(r.runtime)
	if r.hasStorage {
		g.StoragePolicy = toMap(r.storage)
	}
	if r.hasNetwork {
		g.Network = toMap(r.network)
	}
	if r.hasUserDefine {
		g.UserDefinePolicy = toMap(r.userDefine)
	}
	if r.chargeType == "PrePaid" {
		g.ExpiredAt = addPeriod(now, int(r.period), r.periodUnit)
	}
	deploy, _ := e.outcomes()
	g.Status, g.StatusUntil, g.NextStatus = "DEPLOYING", now.Add(e.opts.DeployDuration), "PUBLISHED"
	if deploy == "FAILED" {
		g.NextStatus = "FAILED"
	}
	return g
}

// attachPolicy binds g to the requested app policy, or to a new one, with
// the request's video settings merged in.
func (e *Emulator) attachPolicy(g *Group, r *createGroupReq) {
	pol := r.policy
	if pol == nil {
		pol = e.st.newPolicy()
	}
	if r.hasVideo {
		_ = applyVideo(pol, &r.video) // checked in validateReferences
	}
	pol.Groups = append(pol.Groups, g.ID)
	g.PolicyID = pol.ID
}

// seedGroupExtras gives a new group its OTA state (a pending task on every
// OtaEvery-th group) and the configured system tags (every
// SystemTagsEvery-th group).
func (e *Emulator) seedGroupExtras(g *Group) {
	s := e.st
	g.Ota = OtaState{OtaVersion: "2.0.0-R-20260101.100000"}
	if e.opts.OtaEvery > 0 && (s.created-1)%e.opts.OtaEvery == 0 {
		g.Ota.NewOtaVersion = "2.1.0-R-20261101.100000"
		g.Ota.TaskID = s.newID("ota-", 17)
		g.Ota.History = []OtaTask{{TaskID: g.Ota.TaskID, OtaVersion: g.Ota.NewOtaVersion, Status: "STANDBY", StartTime: g.CreatedAt}}
	}
	if e.opts.SystemTagsEvery > 0 && s.created%e.opts.SystemTagsEvery == 0 {
		for k, v := range e.opts.SystemTags {
			g.SystemTags[k] = v
		}
	}
}
