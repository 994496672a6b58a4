package emulator

import "sort"

// routes is the one list of App Streaming actions the emulator serves and
// the handler of each, grouped by API area (the file that holds it).
var routes = map[string]handlerFunc{
	// catalog.go
	"ListRegions":          handle((*Emulator).listRegions),
	"ListImage":            handle((*Emulator).listImage),
	"ListNodeInstanceType": handle((*Emulator).listNodeInstanceType),
	// groups.go
	"CreateAppInstanceGroup":          handle((*Emulator).createGroup),
	"GetAppInstanceGroup":             handle((*Emulator).getGroup),
	"ListAppInstanceGroup":            handle((*Emulator).listGroups),
	"ModifyAppInstanceGroupAttribute": handle((*Emulator).modifyGroupAttribute),
	"UpdateAppInstanceGroupImage":     handle((*Emulator).updateImage),
	"DeleteAppInstanceGroup":          handle((*Emulator).deleteGroup),
	// nodepool.go
	"ModifyNodePoolAttribute": handle((*Emulator).modifyNodePoolAttribute),
	"ModifyNodePoolAmount":    handle((*Emulator).modifyNodePoolAmount),
	// policies.go
	"ModifyAppPolicy": handle((*Emulator).modifyAppPolicy),
	// users.go
	"AuthorizeInstanceGroup":       handle((*Emulator).authorize),
	"PageListAppInstanceGroupUser": handle((*Emulator).pageListUsers),
	"ListAuthorizedUserGroups":     handle((*Emulator).listAuthorizedUserGroups),
	// tags.go
	"TagCloudResources":     handle((*Emulator).tagResources),
	"UntagCloudResources":   handle((*Emulator).untagResources),
	"ListTagCloudResources": handle((*Emulator).listTagResources),
	// sessions.go
	"GetConnectionTicket":                 handle((*Emulator).getConnectionTicket),
	"LogOffAllSessionsInAppInstanceGroup": handle((*Emulator).logOffAll),
	"ListAppInstances":                    handle((*Emulator).listAppInstances),
	// ota.go
	"ListOtaTask":    handle((*Emulator).listOtaTask),
	"ApproveOtaTask": handle((*Emulator).approveOtaTask),
	// billing.go
	"GetResourcePrice":      handle((*Emulator).getResourcePrice),
	"RenewAppInstanceGroup": handle((*Emulator).renewGroup),
}

// stsRoutes are the STS actions (sts.go), chosen when Version is STSVersion.
var stsRoutes = map[string]handlerFunc{
	"AssumeRole":         handle((*Emulator).assumeRole),
	"AssumeRoleWithOIDC": handle((*Emulator).assumeRoleWithOIDC),
	"GetCallerIdentity":  handle((*Emulator).getCallerIdentity),
}

// request is an action's request struct. validate reads the action's
// parameters from the call and checks them, and the state they point at,
// in the order the service reports faults (the first one wins). The
// handler then runs on a valid request and cannot fail, so a refused call
// changes nothing.
type request interface {
	validate(e *Emulator, c *call) *apiError
}

// handle makes the handlerFunc of an action from its request struct R and
// the function that runs a valid R.
func handle[R any, P interface {
	*R
	request
}](run func(*Emulator, P) map[string]any) handlerFunc {
	return func(e *Emulator, c *call) (map[string]any, *apiError) {
		r := P(new(R))
		if ae := r.validate(e, c); ae != nil {
			return nil, ae
		}
		return run(e, r), nil
	}
}

// route finds the handler of an action in the API version it was sent for.
func route(action, version string) (handlerFunc, bool) {
	if version == STSVersion {
		h, ok := stsRoutes[action]
		return h, ok
	}
	h, ok := routes[action]
	return h, ok
}

// Actions lists the served App Streaming action names, sorted.
func Actions() []string {
	out := make([]string, 0, len(routes))
	for k := range routes {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// isAnonymousSTS: AssumeRoleWithOIDC carries no access key and no signature.
func isAnonymousSTS(action, version string) bool {
	return version == STSVersion && action == "AssumeRoleWithOIDC"
}
