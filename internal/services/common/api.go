package common

// The API's enumerated values that several packages use, written once.
// Waiter status lists stay with internal/client's waiters.
const (
	// ChargeType (api-reference §4 rule 2).
	ChargePrePaid  = "PrePaid"  // subscription
	ChargePostPaid = "PostPaid" // pay-as-you-go

	// NodePool StrategyType (§4 rule 12).
	StrategyFixed    = "NODE_FIXED"
	StrategyUsage    = "NODE_SCALING_BY_USAGE"
	StrategySchedule = "NODE_SCALING_BY_SCHEDULE"

	// TagScopeSystem is the scope of the tags the service sets itself.
	TagScopeSystem = "System"
	// TagResourceTypeGroup is the ResourceType of a delivery group in the tag actions.
	TagResourceTypeGroup = "AppInstanceGroupId"
)

// GroupStatuses are every delivery group Status (the ListAppInstanceGroup
// Status enum, §3.1), in the order the docs list them.
var GroupStatuses = []string{"DEPLOYING", "PUBLISHED", "FAILED", "MAINTAINING", "MAINTAIN_FAILED", "EXPIRED", "CEASED", "EXPIRED_RECYCLING"}
