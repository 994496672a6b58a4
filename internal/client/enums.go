package client

// Typed values the API uses as strings. Waiters take these types, so a
// status list is checked by the compiler instead of being a string
// literal at each call site.

// GroupStatus is a delivery group's Status (AppInstanceGroup.Status).
type GroupStatus string

// Delivery group statuses (api-notes §3).
const (
	GroupDeploying        GroupStatus = "DEPLOYING"
	GroupPublished        GroupStatus = "PUBLISHED"
	GroupFailed           GroupStatus = "FAILED"
	GroupMaintaining      GroupStatus = "MAINTAINING"
	GroupMaintainFailed   GroupStatus = "MAINTAIN_FAILED"
	GroupExpired          GroupStatus = "EXPIRED"
	GroupCeased           GroupStatus = "CEASED"
	GroupExpiredRecycling GroupStatus = "EXPIRED_RECYCLING"
)

// GroupStatuses lists every documented delivery group status.
var GroupStatuses = []GroupStatus{GroupDeploying, GroupPublished, GroupFailed, GroupMaintaining, GroupMaintainFailed,
	GroupExpired, GroupCeased, GroupExpiredRecycling}

// groupFailureStatuses end a wait at once unless they are its target.
var groupFailureStatuses = []GroupStatus{GroupFailed, GroupMaintainFailed}

// StrategyType is a node pool's scaling strategy (NodePool.StrategyType,
// NodePoolStrategy.StrategyType).
type StrategyType string

// Node pool scaling strategies.
const (
	StrategyFixed             StrategyType = "NODE_FIXED"
	StrategyScalingByUsage    StrategyType = "NODE_SCALING_BY_USAGE"
	StrategyScalingBySchedule StrategyType = "NODE_SCALING_BY_SCHEDULE"
)

// TaskStatus is the TaskStatus of a GetConnectionTicket task.
type TaskStatus string

// Connection task statuses.
const (
	TaskRunning  TaskStatus = "Running"
	TaskFinished TaskStatus = "Finished"
	TaskFailed   TaskStatus = "Failed"
)
