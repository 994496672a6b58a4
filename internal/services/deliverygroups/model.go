package deliverygroups

import (
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
)

type model struct {
	ID           types.String `tfsdk:"id"`
	IDs          types.List   `tfsdk:"ids"`
	Name         types.String `tfsdk:"name"`
	Status       types.List   `tfsdk:"status"`
	ImageID      types.String `tfsdk:"image_id"`
	RegionID     types.String `tfsdk:"region_id"`
	InstanceType types.String `tfsdk:"instance_type"`
	OfficeSiteID types.String `tfsdk:"office_site_id"`
	Tags         types.Map    `tfsdk:"tags"`
	Groups       []groupModel `tfsdk:"groups"`
}

type groupModel struct {
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
	Apps                        []appModel        `tfsdk:"apps"`
	Ota                         *otaModel         `tfsdk:"ota"`
	NodePool                    *nodePoolModel    `tfsdk:"node_pool"`
}

type appModel struct {
	ID          types.String `tfsdk:"id"`
	Name        types.String `tfsdk:"name"`
	Version     types.String `tfsdk:"version"`
	VersionName types.String `tfsdk:"version_name"`
	Icon        types.String `tfsdk:"icon"`
}

type otaModel struct {
	CurrentVersion types.String `tfsdk:"current_version"`
	NewVersion     types.String `tfsdk:"new_version"`
	TaskID         types.String `tfsdk:"task_id"`
}

type nodePoolModel struct {
	ID                          types.String    `tfsdk:"id"`
	InstanceType                types.String    `tfsdk:"instance_type"`
	InstanceTypeName            types.String    `tfsdk:"instance_type_name"`
	Capacity                    types.Int64     `tfsdk:"capacity"`
	Amount                      types.Int64     `tfsdk:"amount"`
	PurchasedAmount             types.Int64     `tfsdk:"purchased_amount"`
	NodeUsed                    types.Int64     `tfsdk:"node_used"`
	ScalingNodeAmount           types.Int64     `tfsdk:"scaling_node_amount"`
	ScalingNodeUsed             types.Int64     `tfsdk:"scaling_node_used"`
	StrategyType                types.String    `tfsdk:"strategy_type"`
	MaxScalingAmount            types.Int64     `tfsdk:"max_scaling_amount"`
	ScalingStep                 types.Int64     `tfsdk:"scaling_step"`
	ScalingUsageThreshold       types.Int64     `tfsdk:"scaling_usage_threshold"`
	ScalingDownAfterIdleMinutes types.Int64     `tfsdk:"scaling_down_after_idle_minutes"`
	MaxIdleAppInstanceAmount    types.Int64     `tfsdk:"max_idle_app_instance_amount"`
	StrategyEnableDate          types.String    `tfsdk:"strategy_enable_date"`
	StrategyDisableDate         types.String    `tfsdk:"strategy_disable_date"`
	WarmUp                      types.Bool      `tfsdk:"warm_up"`
	RecurrenceSchedules         []scheduleModel `tfsdk:"recurrence_schedules"`
}

type scheduleModel struct {
	Type    types.String  `tfsdk:"type"`
	Days    []int64       `tfsdk:"days"`
	Periods []periodModel `tfsdk:"periods"`
}

type periodModel struct {
	StartTime types.String `tfsdk:"start_time"`
	EndTime   types.String `tfsdk:"end_time"`
	Amount    types.Int64  `tfsdk:"amount"`
}

// query is the filter set as read from the configuration.
type query struct {
	IDs          []string          `json:"ids,omitempty"`
	Name         string            `json:"name,omitempty"`
	Status       []string          `json:"status,omitempty"`
	ImageID      string            `json:"image_id,omitempty"`
	RegionID     string            `json:"region_id,omitempty"`
	InstanceType string            `json:"instance_type,omitempty"`
	OfficeSiteID string            `json:"office_site_id,omitempty"`
	Tags         map[string]string `json:"tags,omitempty"`
}

// input is the API filter for everything but the IDs.
func (q query) input() client.ListAppInstanceGroupsInput {
	in := client.ListAppInstanceGroupsInput{
		AppCenterImageID:     q.ImageID,
		AppInstanceGroupName: q.Name,
		BizRegionID:          q.RegionID,
		NodeInstanceType:     q.InstanceType,
		OfficeSiteID:         q.OfficeSiteID,
		Status:               q.Status,
	}
	keys := make([]string, 0, len(q.Tags))
	for k := range q.Tags {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		in.Tags = append(in.Tags, client.Tag{Key: k, Value: q.Tags[k]})
	}
	return in
}

// keep reports whether a listed group belongs in the result. IDs and tags
// are checked here too: several IDs are matched client-side by design, and
// the API does not document whether several Tag entries mean AND or OR, so
// AND (what the attribute promises) is enforced here.
func (q query) keep(g client.AppInstanceGroup) bool {
	if len(q.IDs) > 0 {
		found := false
		for _, id := range q.IDs {
			found = found || id == g.AppInstanceGroupID
		}
		if !found {
			return false
		}
	}
	if len(q.Tags) > 0 {
		have := map[string]string{}
		for _, t := range append(append([]client.Tag{}, g.Tags...), g.ResourceTags...) {
			have[t.Key] = t.Value
		}
		for k, v := range q.Tags {
			if got, ok := have[k]; !ok || got != v {
				return false
			}
		}
	}
	return true
}

func flattenGroup(g client.AppInstanceGroup) groupModel {
	m := groupModel{
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
		Tags:                        map[string]string{},
		SystemTags:                  map[string]string{},
		Apps:                        make([]appModel, 0, len(g.Apps)),
	}
	tags := g.Tags
	if len(tags) == 0 {
		tags = g.ResourceTags // List carries both; either may be missing
	}
	for _, t := range tags {
		if t.Scope == "System" {
			m.SystemTags[t.Key] = t.Value
		} else {
			m.Tags[t.Key] = t.Value
		}
	}
	for _, a := range g.Apps {
		m.Apps = append(m.Apps, appModel{ID: types.StringValue(a.AppID), Name: common.StringOrNull(a.AppName),
			Version: common.StringOrNull(a.AppVersion), VersionName: common.StringOrNull(a.AppVersionName), Icon: common.StringOrNull(a.AppIcon)})
	}
	if g.OtaInfo != nil {
		m.Ota = &otaModel{CurrentVersion: common.StringOrNull(g.OtaInfo.OtaVersion),
			NewVersion: common.StringOrNull(g.OtaInfo.NewOtaVersion), TaskID: common.StringOrNull(g.OtaInfo.TaskID)}
	}
	if len(g.NodePool) > 0 {
		m.NodePool = flattenPool(g.NodePool[0])
	}
	return m
}

func flattenPool(p client.NodePool) *nodePoolModel {
	m := &nodePoolModel{
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
		RecurrenceSchedules:         make([]scheduleModel, 0, len(p.RecurrenceSchedules)),
	}
	for _, s := range p.RecurrenceSchedules {
		sm := scheduleModel{Type: common.StringOrNull(s.RecurrenceType), Days: make([]int64, 0, len(s.RecurrenceValues)),
			Periods: make([]periodModel, 0, len(s.TimerPeriods))}
		for _, d := range s.RecurrenceValues {
			sm.Days = append(sm.Days, int64(d))
		}
		for _, t := range s.TimerPeriods {
			sm.Periods = append(sm.Periods, periodModel{StartTime: types.StringValue(t.StartTime), EndTime: types.StringValue(t.EndTime),
				Amount: types.Int64Value(int64(t.Amount))})
		}
		m.RecurrenceSchedules = append(m.RecurrenceSchedules, sm)
	}
	return m
}
