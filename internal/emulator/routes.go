package emulator

import "sort"

// routes is the one list of App Streaming actions the emulator serves and
// the handler of each, grouped by API area (the file that holds it).
var routes = map[string]handlerFunc{
	// catalog.go
	"ListRegions":          (*Emulator).listRegions,
	"ListImage":            (*Emulator).listImage,
	"ListNodeInstanceType": (*Emulator).listNodeInstanceType,
	// groups.go
	"CreateAppInstanceGroup":          (*Emulator).createGroup,
	"GetAppInstanceGroup":             (*Emulator).getGroup,
	"ListAppInstanceGroup":            (*Emulator).listGroups,
	"ModifyAppInstanceGroupAttribute": (*Emulator).modifyGroupAttribute,
	"UpdateAppInstanceGroupImage":     (*Emulator).updateImage,
	"DeleteAppInstanceGroup":          (*Emulator).deleteGroup,
	// nodepool.go
	"ModifyNodePoolAttribute": (*Emulator).modifyNodePoolAttribute,
	"ModifyNodePoolAmount":    (*Emulator).modifyNodePoolAmount,
	// policies.go
	"ModifyAppPolicy": (*Emulator).modifyAppPolicy,
	// users.go
	"AuthorizeInstanceGroup":       (*Emulator).authorize,
	"PageListAppInstanceGroupUser": (*Emulator).pageListUsers,
	"ListAuthorizedUserGroups":     (*Emulator).listAuthorizedUserGroups,
	// tags.go
	"TagCloudResources":     (*Emulator).tagResources,
	"UntagCloudResources":   (*Emulator).untagResources,
	"ListTagCloudResources": (*Emulator).listTagResources,
	// sessions.go
	"GetConnectionTicket":                 (*Emulator).getConnectionTicket,
	"LogOffAllSessionsInAppInstanceGroup": (*Emulator).logOffAll,
	"ListAppInstances":                    (*Emulator).listAppInstances,
	// ota.go
	"ListOtaTask":    (*Emulator).listOtaTask,
	"ApproveOtaTask": (*Emulator).approveOtaTask,
	// billing.go
	"GetResourcePrice":      (*Emulator).getResourcePrice,
	"RenewAppInstanceGroup": (*Emulator).renewGroup,
}

// stsRoutes are the STS actions (sts.go), chosen when Version is STSVersion.
var stsRoutes = map[string]handlerFunc{
	"AssumeRole":         (*Emulator).assumeRole,
	"AssumeRoleWithOIDC": (*Emulator).assumeRoleWithOIDC,
	"GetCallerIdentity":  (*Emulator).getCallerIdentity,
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
