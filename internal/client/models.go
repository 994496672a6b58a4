package client

import (
	"encoding/json"
	"strconv"
)

// Model types are Go-native mirrors of the API objects (api-notes §2). JSON tags are
// the API names so one tolerant decoder fills them from either SDK path.
// Request-side JSON-string objects use pointers + omitempty so that unset
// fields are left out while explicit false/0 are sent.

// Region is one entry of ListRegions.
type Region struct {
	ID   string `json:"regionId"`
	Name string `json:"RegionName,omitempty"`
}

// Tag is a resource tag. Scope is "Custom" or "System" in answers.
type Tag struct {
	Key   string `json:"Key"`
	Value string `json:"Value"`
	Scope string `json:"Scope,omitempty"`
}

// App is an application contained in a group's image.
type App struct {
	AppIcon        string `json:"AppIcon"`
	AppID          string `json:"AppId"`
	AppName        string `json:"AppName"`
	AppVersion     string `json:"AppVersion"`
	AppVersionName string `json:"AppVersionName"`
}

// OtaInfo describes pending OTA updates of a group.
type OtaInfo struct {
	NewOtaVersion string `json:"NewOtaVersion"`
	OtaVersion    string `json:"OtaVersion"`
	TaskID        string `json:"TaskId"`
}

// TimerPeriod is one scheduled-scaling window.
type TimerPeriod struct {
	StartTime string `json:"StartTime"`
	EndTime   string `json:"EndTime"`
	Amount    int    `json:"Amount"`
}

// RecurrenceSchedule is one scheduled-scaling rule.
type RecurrenceSchedule struct {
	RecurrenceType   string        `json:"RecurrenceType,omitempty"`
	RecurrenceValues []int         `json:"RecurrenceValues,omitempty"`
	TimerPeriods     []TimerPeriod `json:"TimerPeriods,omitempty"`
}

// NodePool is a node (resource) pool as read back from Get/List.
type NodePool struct {
	NodePoolID                  string               `json:"NodePoolId"`
	Amount                      int                  `json:"Amount"`
	NodeAmount                  int                  `json:"NodeAmount"`
	NodeCapacity                int                  `json:"NodeCapacity"`
	NodeInstanceType            string               `json:"NodeInstanceType"`
	NodeTypeName                string               `json:"NodeTypeName"`
	NodeUsed                    int                  `json:"NodeUsed"`
	MaxIdleAppInstanceAmount    int                  `json:"MaxIdleAppInstanceAmount"`
	MaxScalingAmount            int                  `json:"MaxScalingAmount"`
	ScalingDownAfterIdleMinutes int                  `json:"ScalingDownAfterIdleMinutes"`
	ScalingNodeAmount           int                  `json:"ScalingNodeAmount"`
	ScalingNodeUsed             int                  `json:"ScalingNodeUsed"`
	ScalingStep                 int                  `json:"ScalingStep"`
	ScalingUsageThreshold       int                  `json:"ScalingUsageThreshold"` // a string on the wire
	StrategyType                string               `json:"StrategyType"`
	StrategyEnableDate          string               `json:"StrategyEnableDate"`
	StrategyDisableDate         string               `json:"StrategyDisableDate"`
	WarmUp                      bool                 `json:"WarmUp"`
	RecurrenceSchedules         []RecurrenceSchedule `json:"RecurrenceSchedules"`
}

// AppInstanceGroup is a delivery group (union of Get and List fields).
type AppInstanceGroup struct {
	AppInstanceGroupID          string     `json:"AppInstanceGroupId"`
	AppInstanceGroupName        string     `json:"AppInstanceGroupName"`
	AccessType                  string     `json:"AccessType"`
	Amount                      int        `json:"Amount"`
	AppCenterImageID            string     `json:"AppCenterImageId"`
	AppCenterImageName          string     `json:"AppCenterImageName"`
	AppInstanceType             string     `json:"AppInstanceType"`
	AppInstanceTypeName         string     `json:"AppInstanceTypeName"`
	AppPolicyID                 string     `json:"AppPolicyId"`
	AppPolicyImageCheck         bool       `json:"AppPolicyImageCheck"`
	AppPolicyVersion            string     `json:"AppPolicyVersion"`
	Apps                        []App      `json:"Apps"`
	AuthMode                    string     `json:"AuthMode"`
	ChargeResourceMode          string     `json:"ChargeResourceMode"`
	ChargeType                  string     `json:"ChargeType"`
	ExpiredTime                 string     `json:"ExpiredTime"`
	GmtCreate                   string     `json:"GmtCreate"`
	MaxAmount                   int        `json:"MaxAmount"`
	MinAmount                   int        `json:"MinAmount"`
	NodePool                    []NodePool `json:"NodePool"`
	OfficeSiteID                string     `json:"OfficeSiteId"`
	OsType                      string     `json:"OsType"`
	OtaInfo                     *OtaInfo   `json:"OtaInfo"`
	ProductType                 string     `json:"ProductType"`
	RegionID                    string     `json:"RegionId"`
	ReserveAmountRatio          string     `json:"ReserveAmountRatio"`
	ReserveMaxAmount            int        `json:"ReserveMaxAmount"`
	ReserveMinAmount            int        `json:"ReserveMinAmount"`
	ResourceStatus              string     `json:"ResourceStatus"`
	ResourceTags                []Tag      `json:"ResourceTags"`
	ScalingDownAfterIdleMinutes int        `json:"ScalingDownAfterIdleMinutes"`
	ScalingStep                 int        `json:"ScalingStep"`
	ScalingUsageThreshold       int        `json:"ScalingUsageThreshold"` // a string on the wire
	SessionTimeout              int        `json:"SessionTimeout"`        // a string on the wire ("-1", "15")
	SessionType                 string     `json:"SessionType"`
	SkipUserAuthCheck           bool       `json:"SkipUserAuthCheck"`
	SpecID                      string     `json:"SpecId"`
	Status                      string     `json:"Status"`
	SupportUserGroupMixedAuth   bool       `json:"SupportUserGroupMixedAuth"`
	Tags                        []Tag      `json:"Tags"`
	UserGroupAuthMode           string     `json:"UserGroupAuthMode"`
}

// NodePoolStrategy is the scaling strategy sent on Create (NodePool) and
// ModifyNodePoolAttribute (NodePoolStrategy). Pointers: sent only when set.
type NodePoolStrategy struct {
	NodeInstanceType            string               `json:"NodeInstanceType,omitempty"` // Create only
	NodeCapacity                *int                 `json:"NodeCapacity,omitempty"`     // Create only (Modify has a top-level NodeCapacity)
	StrategyType                string               `json:"StrategyType,omitempty"`
	NodeAmount                  *int                 `json:"NodeAmount,omitempty"`
	MaxScalingAmount            *int                 `json:"MaxScalingAmount,omitempty"`
	ScalingStep                 *int                 `json:"ScalingStep,omitempty"`
	ScalingUsageThreshold       *int                 `json:"-"` // sent as a string, see MarshalJSON
	ScalingDownAfterIdleMinutes *int                 `json:"ScalingDownAfterIdleMinutes,omitempty"`
	MaxIdleAppInstanceAmount    *int                 `json:"MaxIdleAppInstanceAmount,omitempty"`
	StrategyEnableDate          string               `json:"StrategyEnableDate,omitempty"`
	StrategyDisableDate         string               `json:"StrategyDisableDate,omitempty"`
	WarmUp                      *bool                `json:"WarmUp,omitempty"`
	RecurrenceSchedules         []RecurrenceSchedule `json:"RecurrenceSchedules,omitempty"`
}

// DomainRule is a network domain access rule.
type DomainRule struct {
	Domain string `json:"Domain,omitempty"`
	Policy string `json:"Policy,omitempty"`
}

// Route is a network route (StrategyType=Mixed).
type Route struct {
	Destination string `json:"Destination,omitempty"`
	Mode        string `json:"Mode,omitempty"`
}

// Network is the network policy object.
type Network struct {
	StrategyType    string       `json:"StrategyType,omitempty"`
	IPExpireMinutes *int         `json:"IpExpireMinutes,omitempty"`
	OfficeSiteID    string       `json:"OfficeSiteId,omitempty"`
	VSwitchIDs      []string     `json:"VSwitchIds,omitempty"`
	Routes          []Route      `json:"Routes,omitempty"`
	DomainRules     []DomainRule `json:"DomainRules,omitempty"`
}

// UserProfile is user-data roaming (Create uses RemoteStorage*, Modify FileSystemId).
type UserProfile struct {
	UserProfileSwitch *bool  `json:"UserProfileSwitch,omitempty"`
	RemoteStorageType string `json:"RemoteStorageType,omitempty"`
	RemoteStoragePath string `json:"RemoteStoragePath,omitempty"`
	FileSystemID      string `json:"FileSystemId,omitempty"`
}

// UserProfileFollow is the undocumented Modify-only "profile follow" block.
type UserProfileFollow struct {
	ProfileFollowSwitch *bool  `json:"ProfileFollowSwitch,omitempty"`
	FileSystemID        string `json:"FileSystemId,omitempty"`
}

// StoragePolicy is the storage policy object.
type StoragePolicy struct {
	StorageTypeList   []string           `json:"StorageTypeList,omitempty"`
	UserProfile       *UserProfile       `json:"UserProfile,omitempty"`
	UserProfileFollow *UserProfileFollow `json:"UserProfileFollow,omitempty"`
}

// RuntimePolicy is the runtime policy object (Create).
type RuntimePolicy struct {
	DebugMode                         string `json:"DebugMode,omitempty"`
	PerSessionPerApp                  *bool  `json:"PerSessionPerApp,omitempty"`
	PersistentAppInstanceScheduleMode string `json:"PersistentAppInstanceScheduleMode,omitempty"`
	SessionPreOpen                    string `json:"SessionPreOpen,omitempty"` // "true"/"false" (a string)
	SessionType                       string `json:"SessionType,omitempty"`
	SessionUserGenerationMode         string `json:"SessionUserGenerationMode,omitempty"`
}

// SecurityPolicy is the security policy object.
type SecurityPolicy struct {
	ResetAfterUnbind  *bool `json:"ResetAfterUnbind,omitempty"`
	SkipUserAuthCheck *bool `json:"SkipUserAuthCheck,omitempty"`
}

// VideoPolicy is the display policy (Create and ModifyAppPolicy).
type VideoPolicy struct {
	FrameRate                  *int   `json:"FrameRate,omitempty"`
	SessionResolutionHeight    *int   `json:"SessionResolutionHeight,omitempty"`
	SessionResolutionWidth     *int   `json:"SessionResolutionWidth,omitempty"`
	StreamingMode              string `json:"StreamingMode,omitempty"`
	TerminalResolutionAdaptive *bool  `json:"TerminalResolutionAdaptive,omitempty"`
	VisualQualityStrategy      string `json:"VisualQualityStrategy,omitempty"` // ModifyAppPolicy only
	Webrtc                     *bool  `json:"Webrtc,omitempty"`
}

// UserInfo describes the accounts in Create's Users.
type UserInfo struct {
	Type string `json:"Type,omitempty"`
}

// UserDefinePolicy is the allow-listed custom policy (Create, query).
type UserDefinePolicy struct {
	CustomConfig string `json:"CustomConfig,omitempty"`
}

// UserMeta is AuthorizeInstanceGroup's account metadata.
type UserMeta struct {
	Type     string `json:"Type,omitempty"`
	AdDomain string `json:"AdDomain,omitempty"`
}

// UserGroup is an authorized user group.
type UserGroup struct {
	AppInstanceGroupID string `json:"AppInstanceGroupId"`
	AuthMode           string `json:"AuthMode"`
	GroupID            string `json:"GroupId"`
	GroupName          string `json:"GroupName"`
}

// ImageApp is an app configured in an image.
type ImageApp struct {
	AppID   string `json:"AppId"`
	AppName string `json:"AppName"`
}

// ImageRegionDistribution is per-region distribution of an image.
type ImageRegionDistribution struct {
	ImageID   string `json:"ImageId"`
	Progress  string `json:"Progress"`
	RegionID  string `json:"RegionId"`
	Status    string `json:"Status"`
	VersionID string `json:"VersionId"`
}

// Image is one ListImage entry.
type Image struct {
	ImageID                   string                    `json:"ImageId"`
	ImageName                 string                    `json:"ImageName"`
	ImageType                 string                    `json:"ImageType"`
	Status                    string                    `json:"Status"`
	AliUID                    int64                     `json:"AliUid"`
	AppList                   []ImageApp                `json:"AppList"`
	BaseImageID               string                    `json:"BaseImageId"`
	BaseImageVersion          string                    `json:"BaseImageVersion"`
	BizType                   int                       `json:"BizType"`
	CompatibleMode            bool                      `json:"CompatibleMode"`
	DataDiskSize              int                       `json:"DataDiskSize"`
	Description               string                    `json:"Description"`
	Distro                    string                    `json:"Distro"`
	DriverList                []string                  `json:"DriverList"`
	FeatureList               []string                  `json:"FeatureList"`
	FotaVersion               string                    `json:"FotaVersion"`
	GmtCreate                 string                    `json:"GmtCreate"`
	GmtModified               string                    `json:"GmtModified"`
	ImageCreateMode           string                    `json:"ImageCreateMode"`
	ImageRegionDistributeList []ImageRegionDistribution `json:"ImageRegionDistributeList"`
	ImageRegionList           []string                  `json:"ImageRegionList"`
	Language                  string                    `json:"Language"`
	LatestVersionID           string                    `json:"LatestVersionId"`
	OnlineVersionID           string                    `json:"OnlineVersionId"`
	OsType                    string                    `json:"OsType"`
	PackageType               string                    `json:"PackageType"`
	ParentImageID             string                    `json:"ParentImageId"`
	PlatformName              string                    `json:"PlatformName"`
	ProductType               string                    `json:"ProductType"`
	ProtocolType              string                    `json:"ProtocolType"`
	ResourceInstanceCategory  string                    `json:"ResourceInstanceCategory"`
	SessionType               string                    `json:"SessionType"`
	SupportedLanguageList     []string                  `json:"SupportedLanguageList"`
	SystemDiskSize            int                       `json:"SystemDiskSize"`
	TagList                   []Tag                     `json:"TagList"`
	VersionID                 string                    `json:"VersionId"`
	VersionName               string                    `json:"VersionName"`
	VolumeEncryptionEnabled   bool                      `json:"VolumeEncryptionEnabled"`
	VolumeEncryptionKey       string                    `json:"VolumeEncryptionKey"`
}

// NodeInstanceType is a purchasable resource spec.
type NodeInstanceType struct {
	NodeInstanceType       string  `json:"NodeInstanceType"`
	NodeInstanceTypeFamily string  `json:"NodeInstanceTypeFamily"`
	NodeTypeName           string  `json:"NodeTypeName"`
	CPU                    float64 `json:"Cpu"` // a string on the wire
	GPU                    float64 `json:"Gpu"` // a string on the wire
	GPUMemory              int64   `json:"GpuMemory"`
	Memory                 int64   `json:"Memory"`
	MaxCapacity            int     `json:"MaxCapacity"`
}

// Promotion is a coupon in a price quote.
type Promotion struct {
	OptionCode    string `json:"OptionCode"`
	PromotionDesc string `json:"PromotionDesc"`
	PromotionID   string `json:"PromotionId"`
	PromotionName string `json:"PromotionName"`
	Selected      bool   `json:"Selected"`
}

// Price is a price detail (amounts are decimal strings).
type Price struct {
	Currency      string      `json:"Currency"`
	DiscountPrice string      `json:"DiscountPrice"`
	OriginalPrice string      `json:"OriginalPrice"`
	TradePrice    string      `json:"TradePrice"`
	Promotions    []Promotion `json:"Promotions"`
}

// PriceRule is a pricing rule.
type PriceRule struct {
	Description string `json:"Description"`
	RuleID      int64  `json:"RuleId"`
}

// PriceItem is one quote (PriceModel or a PriceList entry).
type PriceItem struct {
	Price     Price       `json:"Price"`
	PriceType string      `json:"PriceType,omitempty"`
	Rules     []PriceRule `json:"Rules"`
}

// OtaTask is one OTA task.
type OtaTask struct {
	OtaVersion        string `json:"OtaVersion"`
	TaskDisplayStatus string `json:"TaskDisplayStatus"`
	TaskID            string `json:"TaskId"`
	TaskStartTime     string `json:"TaskStartTime"`
}

// BindInfo binds an app instance to an end user.
type BindInfo struct {
	EndUserID     string `json:"EndUserId"`
	UsageDuration int64  `json:"UsageDuration"`
}

// AppInstance is one session instance.
type AppInstance struct {
	AppInstanceGroupID string    `json:"AppInstanceGroupId"`
	AppInstanceID      string    `json:"AppInstanceId"`
	BindInfo           *BindInfo `json:"BindInfo"`
	ChargeType         string    `json:"ChargeType"`
	GmtCreate          string    `json:"GmtCreate"`
	GmtModified        string    `json:"GmtModified"`
	MainEthPublicIP    string    `json:"MainEthPublicIp"`
	NetworkInterfaceID string    `json:"NetworkInterfaceId"`
	NetworkInterfaceIP string    `json:"NetworkInterfaceIp"`
	NodeID             string    `json:"NodeId"`
	SessionStatus      string    `json:"SessionStatus"`
	Status             string    `json:"Status"`
}

// FailedResource is a per-resource failure of (Un)TagCloudResources.
type FailedResource struct {
	Code         string `json:"Code"`
	Message      string `json:"Message"`
	ResourceID   string `json:"ResourceId"`
	ResourceType string `json:"ResourceType"`
	Tags         []Tag  `json:"Tags"`
}

// ResourceTags lists the tags of one resource.
type ResourceTags struct {
	ResourceID   string `json:"ResourceId"`
	ResourceType string `json:"ResourceType"`
	Tags         []Tag  `json:"Tags"`
}

// MarshalJSON sends ScalingUsageThreshold as the string the API wants.
func (s NodePoolStrategy) MarshalJSON() ([]byte, error) {
	type plain NodePoolStrategy
	var sut *string
	if s.ScalingUsageThreshold != nil {
		v := strconv.Itoa(*s.ScalingUsageThreshold)
		sut = &v
	}
	return json.Marshal(struct {
		plain
		ScalingUsageThreshold *string `json:"ScalingUsageThreshold,omitempty"`
	}{plain(s), sut})
}
