package deliverygroup

import (
	"context"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/customtypes"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/groupview"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/validators"
)

// resourceModel is the whole resource. Optional nested objects without
// computed parts are pointers (nil = null); everything that can be unknown
// in a plan is a framework type.
type resourceModel struct {
	ID                 types.String `tfsdk:"id"`
	Name               types.String `tfsdk:"name"`
	RegionID           types.String `tfsdk:"region_id"`
	ImageID            types.String `tfsdk:"image_id"`
	ProductType        types.String `tfsdk:"product_type"`
	ChargeResourceMode types.String `tfsdk:"charge_resource_mode"`
	ChargeType         types.String `tfsdk:"charge_type"`
	Period             types.Int64  `tfsdk:"period"`
	PeriodUnit         types.String `tfsdk:"period_unit"`
	AutoRenew          types.Bool   `tfsdk:"auto_renew"`
	AutoPay            types.Bool   `tfsdk:"auto_pay"`
	PromotionID        types.String `tfsdk:"promotion_id"`
	SessionTimeout     types.Int64  `tfsdk:"session_timeout"`

	NodePool         *nodePoolModel         `tfsdk:"node_pool"`
	Network          *networkModel          `tfsdk:"network"`
	StoragePolicy    *storagePolicyModel    `tfsdk:"storage_policy"`
	RuntimePolicy    *runtimePolicyModel    `tfsdk:"runtime_policy"`
	SecurityPolicy   *securityPolicyModel   `tfsdk:"security_policy"`
	UserDefinePolicy *userDefinePolicyModel `tfsdk:"user_define_policy"`

	PreOpenAppID   types.String `tfsdk:"pre_open_app_id"`
	AppPolicyID    types.String `tfsdk:"app_policy_id"`
	BindPolicyID   types.String `tfsdk:"bind_app_policy_id"`
	ClusterID      types.String `tfsdk:"cluster_id"`
	SubPayType     types.String `tfsdk:"sub_pay_type"`
	AppPackageType types.String `tfsdk:"app_package_type"`
	AuthMode       types.String `tfsdk:"auth_mode"`
	Tags           types.Map    `tfsdk:"tags"`

	Status         types.String `tfsdk:"status"`
	ResourceStatus types.String `tfsdk:"resource_status"`
	OsType         types.String `tfsdk:"os_type"`
	SpecID         types.String `tfsdk:"spec_id"`
	OrderID        types.String `tfsdk:"order_id"`
	CreatedAt      types.String `tfsdk:"created_at"`
	ExpiredAt      types.String `tfsdk:"expired_at"`
	Apps           types.List   `tfsdk:"apps"`
	Ota            types.Object `tfsdk:"ota"`

	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

type nodePoolModel struct {
	ID           types.String `tfsdk:"id"`
	InstanceType types.String `tfsdk:"instance_type"`
	Amount       types.Int64  `tfsdk:"amount"`
	Capacity     types.Int64  `tfsdk:"capacity"`
	StrategyType types.String `tfsdk:"strategy_type"`
}

type networkModel struct {
	StrategyType    types.String      `tfsdk:"strategy_type"`
	OfficeSiteID    types.String      `tfsdk:"office_site_id"`
	VSwitchIDs      []types.String    `tfsdk:"vswitch_ids"`
	IPExpireMinutes types.Int64       `tfsdk:"ip_expire_minutes"`
	Routes          []routeModel      `tfsdk:"routes"`
	DomainRules     []domainRuleModel `tfsdk:"domain_rules"`
}

type routeModel struct {
	Destination types.String `tfsdk:"destination"`
	Mode        types.String `tfsdk:"mode"`
}

type domainRuleModel struct {
	Domain types.String `tfsdk:"domain"`
	Policy types.String `tfsdk:"policy"`
}

type storagePolicyModel struct {
	StorageTypes []types.String    `tfsdk:"storage_types"`
	UserProfile  *userProfileModel `tfsdk:"user_profile"`
}

type userProfileModel struct {
	Enabled           types.Bool   `tfsdk:"enabled"`
	RemoteStorageType types.String `tfsdk:"remote_storage_type"`
	RemoteStoragePath types.String `tfsdk:"remote_storage_path"`
}

type runtimePolicyModel struct {
	SessionType                       types.String `tfsdk:"session_type"`
	DebugMode                         types.Bool   `tfsdk:"debug_mode"`
	SessionUserGenerationMode         types.String `tfsdk:"session_user_generation_mode"`
	SessionPreOpen                    types.Bool   `tfsdk:"session_pre_open"`
	PerSessionPerApp                  types.Bool   `tfsdk:"per_session_per_app"`
	PersistentAppInstanceScheduleMode types.String `tfsdk:"persistent_app_instance_schedule_mode"`
}

type securityPolicyModel struct {
	ResetAfterUnbind  types.Bool `tfsdk:"reset_after_unbind"`
	SkipUserAuthCheck types.Bool `tfsdk:"skip_user_auth_check"`
}

type userDefinePolicyModel struct {
	CustomConfig customtypes.NormalizedJSONValue `tfsdk:"custom_config"`
}

// ---------- expand ----------

func stringValues(vs []types.String) []string {
	if vs == nil {
		return nil
	}
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		out = append(out, v.ValueString())
	}
	return out
}

// onOff turns a bool into the API's "ON"/"OFF" (DebugMode).
func onOff(v types.Bool) string {
	if v.IsNull() || v.IsUnknown() {
		return ""
	}
	if v.ValueBool() {
		return "ON"
	}
	return "OFF"
}

// trueFalse turns a bool into the API's string "true"/"false" (SessionPreOpen).
func trueFalse(v types.Bool) string {
	if v.IsNull() || v.IsUnknown() {
		return ""
	}
	if v.ValueBool() {
		return "true"
	}
	return "false"
}

func (n *networkModel) expand() *client.Network {
	if n == nil {
		return nil
	}
	out := &client.Network{StrategyType: n.StrategyType.ValueString(), OfficeSiteID: n.OfficeSiteID.ValueString(),
		VSwitchIDs: stringValues(n.VSwitchIDs), IPExpireMinutes: common.IntPtr(n.IPExpireMinutes), DomainRules: expandDomainRules(n.DomainRules)}
	for _, r := range n.Routes {
		out.Routes = append(out.Routes, client.Route{Destination: r.Destination.ValueString(), Mode: r.Mode.ValueString()})
	}
	return out
}

func expandDomainRules(rules []domainRuleModel) []client.DomainRule {
	var out []client.DomainRule
	for _, d := range rules {
		out = append(out, client.DomainRule{Domain: d.Domain.ValueString(), Policy: d.Policy.ValueString()})
	}
	return out
}

func (s *storagePolicyModel) expand() *client.StoragePolicy {
	if s == nil {
		return nil
	}
	out := &client.StoragePolicy{StorageTypeList: stringValues(s.StorageTypes)}
	if up := s.UserProfile; up != nil {
		out.UserProfile = &client.UserProfile{UserProfileSwitch: common.BoolPtr(up.Enabled),
			RemoteStorageType: up.RemoteStorageType.ValueString(), RemoteStoragePath: up.RemoteStoragePath.ValueString()}
	}
	return out
}

func (r *runtimePolicyModel) expand() *client.RuntimePolicy {
	if r == nil {
		return nil
	}
	return &client.RuntimePolicy{SessionType: r.SessionType.ValueString(), DebugMode: onOff(r.DebugMode),
		SessionUserGenerationMode: r.SessionUserGenerationMode.ValueString(), SessionPreOpen: trueFalse(r.SessionPreOpen),
		PerSessionPerApp: common.BoolPtr(r.PerSessionPerApp), PersistentAppInstanceScheduleMode: r.PersistentAppInstanceScheduleMode.ValueString()}
}

func (s *securityPolicyModel) expand() *client.SecurityPolicy {
	if s == nil {
		return nil
	}
	return &client.SecurityPolicy{ResetAfterUnbind: common.BoolPtr(s.ResetAfterUnbind), SkipUserAuthCheck: common.BoolPtr(s.SkipUserAuthCheck)}
}

// createInput builds CreateAppInstanceGroup from a fully known plan. The
// pool is always created NODE_FIXED: strategies belong to
// appstreaming_scaling_policy.
func (m *resourceModel) createInput(name, region string) client.CreateAppInstanceGroupInput {
	in := client.CreateAppInstanceGroupInput{
		AppCenterImageID: m.ImageID.ValueString(), AppInstanceGroupName: name, BizRegionID: region,
		ChargeResourceMode: m.ChargeResourceMode.ValueString(), ChargeType: m.ChargeType.ValueString(),
		AutoPay: common.BoolPtr(m.AutoPay), AutoRenew: common.BoolPtr(m.AutoRenew), PromotionID: m.PromotionID.ValueString(),
		SessionTimeout: common.IntPtr(m.SessionTimeout), PreOpenAppID: m.PreOpenAppID.ValueString(), AppPolicyID: m.BindPolicyID.ValueString(),
		ClusterID: m.ClusterID.ValueString(), SubPayType: m.SubPayType.ValueString(), AppPackageType: m.AppPackageType.ValueString(),
		AuthMode: m.AuthMode.ValueString(),
		Network:  m.Network.expand(), StoragePolicy: m.StoragePolicy.expand(), RuntimePolicy: m.RuntimePolicy.expand(),
		SecurityPolicy: m.SecurityPolicy.expand(),
		NodePool: &client.NodePoolStrategy{NodeInstanceType: m.NodePool.InstanceType.ValueString(), StrategyType: common.StrategyFixed,
			NodeAmount: common.IntPtr(m.NodePool.Amount), NodeCapacity: common.IntPtr(m.NodePool.Capacity)},
	}
	if m.ChargeType.ValueString() == common.ChargePrePaid {
		in.Period, in.PeriodUnit = int(m.Period.ValueInt64()), m.PeriodUnit.ValueString()
	} else {
		// PostPaid: the API still wants a period; the docs say send 1 Month.
		in.Period, in.PeriodUnit = 1, validators.PeriodUnitMonth
	}
	if u := m.UserDefinePolicy; u != nil && !u.CustomConfig.IsNull() && !u.CustomConfig.IsUnknown() {
		in.UserDefinePolicy = &client.UserDefinePolicy{CustomConfig: u.CustomConfig.ValueString()}
	}
	return in
}

// ---------- flatten ----------

// flatten writes what the API returns into m, leaving the arguments the API
// never returns (period, network details, storage/runtime policy…) as they
// are in m — Terraform's record is the only source for those.
func (m *resourceModel) flatten(ctx context.Context, g *client.AppInstanceGroup) diag.Diagnostics {
	var diags diag.Diagnostics
	m.ID = types.StringValue(g.AppInstanceGroupID)
	m.Name = types.StringValue(g.AppInstanceGroupName)
	if g.RegionID != "" {
		m.RegionID = types.StringValue(g.RegionID)
	}
	m.ImageID = types.StringValue(g.AppCenterImageID)
	m.ProductType = types.StringValue(firstNonEmpty(g.ProductType, "CloudApp"))
	m.ChargeResourceMode = types.StringValue(firstNonEmpty(g.ChargeResourceMode, "Node"))
	m.ChargeType = types.StringValue(g.ChargeType)
	m.SessionTimeout = types.Int64Value(int64(g.SessionTimeout))
	m.AppPolicyID = common.StringOrNull(g.AppPolicyID)
	m.AuthMode = common.StringOrNull(g.AuthMode)

	if len(g.NodePool) > 0 {
		p := g.NodePool[0]
		if m.NodePool == nil {
			m.NodePool = &nodePoolModel{Amount: types.Int64Null()}
		}
		np := m.NodePool
		np.ID = types.StringValue(p.NodePoolID)
		np.InstanceType = types.StringValue(p.NodeInstanceType)
		np.Capacity = types.Int64Value(int64(p.NodeCapacity))
		np.StrategyType = types.StringValue(firstNonEmpty(p.StrategyType, common.StrategyFixed))
		// The amount is ours, except while a PostPaid pool follows a schedule
		// (appstreaming_scaling_policy): then the schedule's periods drive
		// the count, and the recorded value stays (no fight, no perpetual diff).
		if g.ChargeType != common.ChargePostPaid || np.StrategyType.ValueString() != common.StrategySchedule || np.Amount.IsNull() || np.Amount.IsUnknown() {
			np.Amount = types.Int64Value(int64(firstNonZero(p.NodeAmount, p.Amount)))
		}
	}

	// Of the nested policies only these fields come back; they are filled
	// in only when the user manages the object (or, for office_site_id, when
	// one is set), so unmanaged defaults don't become diffs.
	if m.Network != nil {
		m.Network.OfficeSiteID = common.StringOrNull(g.OfficeSiteID)
	} else if g.OfficeSiteID != "" {
		m.Network = &networkModel{StrategyType: types.StringNull(), OfficeSiteID: types.StringValue(g.OfficeSiteID), IPExpireMinutes: types.Int64Null()}
	}
	if sp := m.SecurityPolicy; sp != nil {
		if !sp.SkipUserAuthCheck.IsNull() || g.SkipUserAuthCheck {
			sp.SkipUserAuthCheck = types.BoolValue(g.SkipUserAuthCheck)
		}
	} else if g.SkipUserAuthCheck {
		m.SecurityPolicy = &securityPolicyModel{ResetAfterUnbind: types.BoolNull(), SkipUserAuthCheck: types.BoolValue(true)}
	}
	// SessionType comes from Get only; a group read from a List page (the
	// provider's shared view) has none, and then the state value is kept.
	if rp := m.RuntimePolicy; rp != nil && !rp.SessionType.IsNull() && g.SessionType != "" {
		rp.SessionType = types.StringValue(g.SessionType)
	}

	view := groupview.Flatten(*g)
	tags := view.Tags
	if len(tags) == 0 && (m.Tags.IsNull() || m.Tags.IsUnknown()) {
		m.Tags = types.MapNull(types.StringType)
	} else {
		v, d := types.MapValueFrom(ctx, types.StringType, tags)
		diags.Append(d...)
		m.Tags = v
	}

	m.Status = types.StringValue(g.Status)
	m.ResourceStatus = types.StringValue(g.ResourceStatus)
	m.OsType = types.StringValue(g.OsType)
	m.SpecID = types.StringValue(g.SpecID)
	m.CreatedAt = view.CreatedAt
	m.ExpiredAt = types.StringValue(g.ExpiredTime)
	if m.OrderID.IsNull() || m.OrderID.IsUnknown() {
		m.OrderID = types.StringValue("")
	}

	apps := make([]attr.Value, 0, len(g.Apps))
	sorted := append([]client.App(nil), g.Apps...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].AppID < sorted[j].AppID })
	for _, a := range sorted {
		o, d := types.ObjectValue(appAttrTypes, map[string]attr.Value{
			"id": types.StringValue(a.AppID), "name": types.StringValue(a.AppName), "version": types.StringValue(a.AppVersion)})
		diags.Append(d...)
		apps = append(apps, o)
	}
	m.Apps, _ = types.ListValue(types.ObjectType{AttrTypes: appAttrTypes}, apps)

	ota := client.OtaInfo{}
	if g.OtaInfo != nil {
		ota = *g.OtaInfo
	}
	m.Ota, _ = types.ObjectValue(otaAttrTypes, map[string]attr.Value{
		"current_version": types.StringValue(ota.OtaVersion), "new_version": types.StringValue(ota.NewOtaVersion),
		"task_id": types.StringValue(ota.TaskID)})
	return diags
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

func firstNonZero(vs ...int) int {
	for _, v := range vs {
		if v != 0 {
			return v
		}
	}
	return 0
}
