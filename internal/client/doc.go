// Package client is the only door from the provider to the App Streaming
// OpenAPI (appstream-center 2021-09-01). It hides the SDK, darabonba and tea
// behind Go-native inputs and outputs, and adds what the SDK does not do
// reliably: retries, typed errors, a concurrency limit, logging and waiters.
//
// # Files
//
// One file per API area, with the same names as the emulator's
// (internal/emulator), so a reader finds an action on both sides at once:
//
//	catalog.go   ListRegions, ListImage, ListNodeInstanceType
//	groups.go    GetAppInstanceGroup, ListAppInstanceGroup, ModifyAppInstanceGroupAttribute,
//	             UpdateAppInstanceGroupImage, DeleteAppInstanceGroup
//	groups_create.go  CreateAppInstanceGroup and its reconciliation by name
//	nodepool.go  ModifyNodePoolAttribute, ModifyNodePoolAmount
//	policies.go  ModifyAppPolicy
//	users.go     AuthorizeInstanceGroup, PageListAppInstanceGroupUser, ListAuthorizedUserGroups
//	tags.go      TagCloudResources, UntagCloudResources, ListTagCloudResources
//	sessions.go  GetConnectionTicket (and the ConnectionTicket waiter),
//	             LogOffAllSessionsInAppInstanceGroup, ListAppInstances
//	ota.go       ListOtaTask, ApproveOtaTask
//	billing.go   GetResourcePrice, RenewAppInstanceGroup
//	sts.go       STS endpoint, errors and refresh locking (credentials-go does the exchange)
//
// The rest is plumbing used by every area: call.go (the one call helper
// call[Out], the encoders rpc/encodedRPC and typed, the retry loop),
// pager.go (listAll, the one pager behind every ListAll*), codec.go
// (encode, which places an Input's fields as their wire tags say, and the
// tolerant decoder), models.go (API objects), enums.go (typed statuses and
// strategies), errors.go, logging.go, ratelimit.go, groupview.go (shared
// reads of delivery groups), watcher.go and wait.go (status waiters),
// credentials.go.
//
// # One encoder per action
//
// Every action is encoded exactly once, never by two paths chosen by
// input. The typed SDK1 method is used where its request and response carry
// every field this package sends and reads; CallApiWithCtx on the same SDK
// client (same V2 signature, same transport) is used otherwise. Both
// produce the same {statusCode, body} envelope, decoded by one tolerant
// decoder into the action's typed answer.
//
//	action                               path     why
//	ListRegions                          CallApi  SDK1's method takes no ProductType/BizSource filter
//	ListImage                            CallApi  not in SDK1
//	ListNodeInstanceType                 CallApi  SDK1 lacks the Cpu, Gpu, GpuMemory, Memory, family and ordering filters
//	CreateAppInstanceGroup               CallApi  SDK1 lacks AppPolicyId, AuthMode, VideoPolicy, UserGroupIds, SubPayType…;
//	                                              its Network/NodePool/StoragePolicy are narrower
//	GetAppInstanceGroup                  CallApi  SDK1's answer lacks Tags, OfficeSiteId, AuthMode, SessionType, NodePool[].MaxIdle…
//	ListAppInstanceGroup                 CallApi  SDK1 lacks the Tag/OfficeSiteId filters and Tags/ResourceTags in the answer
//	ModifyAppInstanceGroupAttribute      CallApi  SDK1 lacks PerSessionPerApp; its Network/StoragePolicy are narrower
//	UpdateAppInstanceGroupImage          typed    SDK1 carries every field
//	DeleteAppInstanceGroup               typed    SDK1 carries every field
//	ModifyNodePoolAttribute              CallApi  SDK1's NodePoolStrategy lacks MaxIdleAppInstanceAmount
//	ModifyNodePoolAmount                 CallApi  not in SDK1
//	ModifyAppPolicy                      CallApi  not in SDK1
//	AuthorizeInstanceGroup               CallApi  SDK1 lacks the user-group lists, AvatarId, AppInstancePersistentId, UserMeta
//	PageListAppInstanceGroupUser         typed    SDK1 carries every field
//	ListAuthorizedUserGroups             CallApi  not in SDK1
//	TagCloudResources                    CallApi  not in SDK1
//	UntagCloudResources                  CallApi  not in SDK1
//	ListTagCloudResources                CallApi  not in SDK1
//	GetConnectionTicket                  CallApi  SDK1 lacks AccessType, AppPolicyId, EnvironmentConfig and AvatarId in the answer
//	LogOffAllSessionsInAppInstanceGroup  typed    SDK1 carries every field
//	ListAppInstances                     CallApi  SDK1 lacks UserIdList and the ChargeType/NodeId/NetworkInterface* answer fields
//	ListOtaTask                          typed    SDK1 carries every field
//	ApproveOtaTask                       typed    SDK1 carries every field
//	GetResourcePrice                     typed    SDK1 carries every field
//	RenewAppInstanceGroup                CallApi  SDK1 lacks RenewAmount, RenewMode, RenewNodes
//
// The STS actions (AssumeRole, AssumeRoleWithOIDC, GetCallerIdentity) are
// sent by aliyun/credentials-go, never by this package's encoders.
//
// # Adding an action
//
// Put it in its area file: an Input struct whose fields carry wire tags
// (`wire:"query,Name"`, see encode), one encoder (c.encodedRPC(action, in,
// <where ProductType goes>), or typed(action, req, c.sdk.Method) when the
// SDK carries every field), and call[Out] with the answer's typed struct.
// Set spec.nonIdempotent for actions that place an order, spec.check for
// actions that report failures in a 200 body, and c.view.forget for writes
// to a delivery group. A ListAll* hands a fetch to listAll (listPages for
// PageNumber/PageSize inputs); add the answer's page() method. Mirror the
// action in the emulator file of the same name.
package client
