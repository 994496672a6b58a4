package common

import "github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"

// The API's enumerated values that several packages use, written once: the
// client's typed enums (internal/client/enums.go) as the plain strings that
// schemas, validators and models compare with, plus what the client has no
// enum for.
const (
	// ChargeType (api-notes §4 rule 2).
	ChargePrePaid  = "PrePaid"  // subscription
	ChargePostPaid = "PostPaid" // pay-as-you-go

	// NodePool StrategyType (api-notes §4 rule 12).
	StrategyFixed    = string(client.StrategyFixed)
	StrategyUsage    = string(client.StrategyScalingByUsage)
	StrategySchedule = string(client.StrategyScalingBySchedule)

	// TagScopeSystem is the scope of the tags the service sets itself.
	TagScopeSystem = "System"
	// TagResourceTypeGroup is the ResourceType of a delivery group in the tag actions.
	TagResourceTypeGroup = "AppInstanceGroupId"
)

// GroupStatuses are every delivery group Status (the ListAppInstanceGroup
// Status enum, api-notes §3.1), in the order the docs list them.
var GroupStatuses = func() []string {
	out := make([]string, 0, len(client.GroupStatuses))
	for _, s := range client.GroupStatuses {
		out = append(out, string(s))
	}
	return out
}()
