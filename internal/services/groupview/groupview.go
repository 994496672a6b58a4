// Package groupview is the one flatten of a delivery group shared by the
// appstreaming_delivery_group resource and the appstreaming_delivery_groups
// data source: timestamps in RFC 3339 (UTC) and one rule for user tags.
package groupview

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/validators"
)

// Group is one delivery group as the data source shows it.
type Group struct {
	ID                          types.String      `tfsdk:"id"`
	Name                        types.String      `tfsdk:"name"`
	RegionID                    types.String      `tfsdk:"region_id"`
	ImageID                     types.String      `tfsdk:"image_id"`
	ProductType                 types.String      `tfsdk:"product_type"`
	OsType                      types.String      `tfsdk:"os_type"`
	Status                      types.String      `tfsdk:"status"`
	ResourceStatus              types.String      `tfsdk:"resource_status"`
	ChargeType                  types.String      `tfsdk:"charge_type"`
	ChargeResourceMode          types.String      `tfsdk:"charge_resource_mode"`
	AppPolicyID                 types.String      `tfsdk:"app_policy_id"`
	AppPolicyVersion            types.String      `tfsdk:"app_policy_version"`
	AppPolicyImageCheck         types.Bool        `tfsdk:"app_policy_image_check"`
	AppInstanceType             types.String      `tfsdk:"app_instance_type"`
	SpecID                      types.String      `tfsdk:"spec_id"`
	SessionTimeout              types.Int64       `tfsdk:"session_timeout"`
	AuthMode                    types.String      `tfsdk:"auth_mode"`
	AccessType                  types.String      `tfsdk:"access_type"`
	OfficeSiteID                types.String      `tfsdk:"office_site_id"`
	SkipUserAuthCheck           types.Bool        `tfsdk:"skip_user_auth_check"`
	UserGroupAuthMode           types.String      `tfsdk:"user_group_auth_mode"`
	Amount                      types.Int64       `tfsdk:"amount"`
	MinAmount                   types.Int64       `tfsdk:"min_amount"`
	MaxAmount                   types.Int64       `tfsdk:"max_amount"`
	ReserveAmountRatio          types.String      `tfsdk:"reserve_amount_ratio"`
	ReserveMinAmount            types.Int64       `tfsdk:"reserve_min_amount"`
	ReserveMaxAmount            types.Int64       `tfsdk:"reserve_max_amount"`
	ScalingStep                 types.Int64       `tfsdk:"scaling_step"`
	ScalingUsageThreshold       types.Int64       `tfsdk:"scaling_usage_threshold"`
	ScalingDownAfterIdleMinutes types.Int64       `tfsdk:"scaling_down_after_idle_minutes"`
	CreatedAt                   types.String      `tfsdk:"created_at"`
	ExpiredAt                   types.String      `tfsdk:"expired_at"`
	Tags                        map[string]string `tfsdk:"tags"`
	SystemTags                  map[string]string `tfsdk:"system_tags"`
	Apps                        []App             `tfsdk:"apps"`
	Ota                         *Ota              `tfsdk:"ota"`
	NodePool                    *NodePool         `tfsdk:"node_pool"`
}

type App struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Version     types.String `tfsdk:"version"`
	VersionName types.String `tfsdk:"version_name"`
	Icon        types.String `tfsdk:"icon"`
}

type Ota struct {
	CurrentVersion types.String `tfsdk:"current_version"`
	NewVersion     types.String `tfsdk:"new_version"`
	TaskID         types.String `tfsdk:"task_id"`
}

type NodePool struct {
	ID                          types.String `tfsdk:"id"`
	InstanceType                types.String `tfsdk:"instance_type"`
	InstanceTypeName            types.String `tfsdk:"instance_type_name"`
	Capacity                    types.Int64  `tfsdk:"capacity"`
	Amount                      types.Int64  `tfsdk:"amount"`
	PurchasedAmount             types.Int64  `tfsdk:"purchased_amount"`
	NodeUsed                    types.Int64  `tfsdk:"node_used"`
	ScalingNodeAmount           types.Int64  `tfsdk:"scaling_node_amount"`
	ScalingNodeUsed             types.Int64  `tfsdk:"scaling_node_used"`
	StrategyType                types.String `tfsdk:"strategy_type"`
	MaxScalingAmount            types.Int64  `tfsdk:"max_scaling_amount"`
	ScalingStep                 types.Int64  `tfsdk:"scaling_step"`
	ScalingUsageThreshold       types.Int64  `tfsdk:"scaling_usage_threshold"`
	ScalingDownAfterIdleMinutes types.Int64  `tfsdk:"scaling_down_after_idle_minutes"`
	MaxIdleAppInstanceAmount    types.Int64  `tfsdk:"max_idle_app_instance_amount"`
	StrategyEnableDate          types.String `tfsdk:"strategy_enable_date"`
	StrategyDisableDate         types.String `tfsdk:"strategy_disable_date"`
	WarmUp                      types.Bool   `tfsdk:"warm_up"`
	RecurrenceSchedules         []Schedule   `tfsdk:"recurrence_schedules"`
}

type Schedule struct {
	Type    types.String `tfsdk:"type"`
	Days    []int64      `tfsdk:"days"`
	Periods []Period     `tfsdk:"periods"`
}

type Period struct {
	StartTime types.String `tfsdk:"start_time"`
	EndTime   types.String `tfsdk:"end_time"`
	Amount    types.Int64  `tfsdk:"amount"`
}

// Flatten is the one reading of a delivery group as the API returns it
// (Get, or a List page). appstreaming_delivery_groups shows all of it; the
// appstreaming_delivery_group resource takes its computed attributes from it,
// so the two never disagree on a value (created_at, tags).
func Flatten(g client.AppInstanceGroup) Group {
	m := Group{
		ID:                          types.StringValue(g.AppInstanceGroupID),
		Name:                        types.StringValue(g.AppInstanceGroupName),
		RegionID:                    common.StringOrNull(g.RegionID),
		ImageID:                     common.StringOrNull(g.AppCenterImageID),
		ProductType:                 common.StringOrNull(g.ProductType),
		OsType:                      common.StringOrNull(g.OsType),
		Status:                      common.StringOrNull(g.Status),
		ResourceStatus:              common.StringOrNull(g.ResourceStatus),
		ChargeType:                  common.StringOrNull(g.ChargeType),
		ChargeResourceMode:          common.StringOrNull(g.ChargeResourceMode),
		AppPolicyID:                 common.StringOrNull(g.AppPolicyID),
		AppPolicyVersion:            common.StringOrNull(g.AppPolicyVersion),
		AppPolicyImageCheck:         types.BoolValue(g.AppPolicyImageCheck),
		AppInstanceType:             common.StringOrNull(g.AppInstanceType),
		SpecID:                      common.StringOrNull(g.SpecID),
		SessionTimeout:              types.Int64Value(int64(g.SessionTimeout)),
		AuthMode:                    common.StringOrNull(g.AuthMode),
		AccessType:                  common.StringOrNull(g.AccessType),
		OfficeSiteID:                common.StringOrNull(g.OfficeSiteID),
		SkipUserAuthCheck:           types.BoolValue(g.SkipUserAuthCheck),
		UserGroupAuthMode:           common.StringOrNull(g.UserGroupAuthMode),
		Amount:                      types.Int64Value(int64(g.Amount)),
		MinAmount:                   types.Int64Value(int64(g.MinAmount)),
		MaxAmount:                   types.Int64Value(int64(g.MaxAmount)),
		ReserveAmountRatio:          common.StringOrNull(g.ReserveAmountRatio),
		ReserveMinAmount:            types.Int64Value(int64(g.ReserveMinAmount)),
		ReserveMaxAmount:            types.Int64Value(int64(g.ReserveMaxAmount)),
		ScalingStep:                 types.Int64Value(int64(g.ScalingStep)),
		ScalingUsageThreshold:       types.Int64Value(int64(g.ScalingUsageThreshold)),
		ScalingDownAfterIdleMinutes: types.Int64Value(int64(g.ScalingDownAfterIdleMinutes)),
		CreatedAt:                   common.FormatTime(g.GmtCreate),
		ExpiredAt:                   common.FormatTime(g.ExpiredTime),
		Apps:                        make([]App, 0, len(g.Apps)),
	}
	m.Tags, m.SystemTags = Tags(g)
	for _, a := range g.Apps {
		m.Apps = append(m.Apps, App{ID: types.StringValue(a.AppID), Name: common.StringOrNull(a.AppName),
			Version: common.StringOrNull(a.AppVersion), VersionName: common.StringOrNull(a.AppVersionName), Icon: common.StringOrNull(a.AppIcon)})
	}
	if g.OtaInfo != nil {
		m.Ota = &Ota{CurrentVersion: common.StringOrNull(g.OtaInfo.OtaVersion),
			NewVersion: common.StringOrNull(g.OtaInfo.NewOtaVersion), TaskID: common.StringOrNull(g.OtaInfo.TaskID)}
	}
	if len(g.NodePool) > 0 {
		m.NodePool = flattenPool(g.NodePool[0])
	}
	return m
}

func flattenPool(p client.NodePool) *NodePool {
	m := &NodePool{
		ID:                          common.StringOrNull(p.NodePoolID),
		InstanceType:                common.StringOrNull(p.NodeInstanceType),
		InstanceTypeName:            common.StringOrNull(p.NodeTypeName),
		Capacity:                    types.Int64Value(int64(p.NodeCapacity)),
		Amount:                      types.Int64Value(int64(p.NodeAmount)),
		PurchasedAmount:             types.Int64Value(int64(p.Amount)),
		NodeUsed:                    types.Int64Value(int64(p.NodeUsed)),
		ScalingNodeAmount:           types.Int64Value(int64(p.ScalingNodeAmount)),
		ScalingNodeUsed:             types.Int64Value(int64(p.ScalingNodeUsed)),
		StrategyType:                common.StringOrNull(p.StrategyType),
		MaxScalingAmount:            types.Int64Value(int64(p.MaxScalingAmount)),
		ScalingStep:                 types.Int64Value(int64(p.ScalingStep)),
		ScalingUsageThreshold:       types.Int64Value(int64(p.ScalingUsageThreshold)),
		ScalingDownAfterIdleMinutes: types.Int64Value(int64(p.ScalingDownAfterIdleMinutes)),
		MaxIdleAppInstanceAmount:    types.Int64Value(int64(p.MaxIdleAppInstanceAmount)),
		StrategyEnableDate:          common.StringOrNull(p.StrategyEnableDate),
		StrategyDisableDate:         common.StringOrNull(p.StrategyDisableDate),
		WarmUp:                      types.BoolValue(p.WarmUp),
		RecurrenceSchedules:         make([]Schedule, 0, len(p.RecurrenceSchedules)),
	}
	for _, s := range p.RecurrenceSchedules {
		sm := Schedule{Type: common.StringOrNull(s.RecurrenceType), Days: make([]int64, 0, len(s.RecurrenceValues)),
			Periods: make([]Period, 0, len(s.TimerPeriods))}
		for _, d := range s.RecurrenceValues {
			sm.Days = append(sm.Days, int64(d))
		}
		for _, t := range s.TimerPeriods {
			sm.Periods = append(sm.Periods, Period{StartTime: types.StringValue(t.StartTime), EndTime: types.StringValue(t.EndTime),
				Amount: types.Int64Value(int64(t.Amount))})
		}
		m.RecurrenceSchedules = append(m.RecurrenceSchedules, sm)
	}
	return m
}

// Tags splits a group's tags into the ones a user manages and the ones the
// service sets. A tag is the service's when its scope is System or its key
// is reserved (System/…, aliyun…, acs:…): those never show as drift in the resource.
// Get carries Tags, a List page may carry only ResourceTags.
func Tags(g client.AppInstanceGroup) (user, system map[string]string) {
	tags := g.Tags
	if len(tags) == 0 {
		tags = g.ResourceTags
	}
	user, system = map[string]string{}, map[string]string{}
	for _, t := range tags {
		if strings.EqualFold(t.Scope, common.TagScopeSystem) || validators.ReservedTagKeyReason(t.Key) != "" {
			system[t.Key] = t.Value
		} else {
			user[t.Key] = t.Value
		}
	}
	return user, system
}
