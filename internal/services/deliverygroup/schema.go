package deliverygroup

import (
	"context"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/customtypes"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/validators"
)

// Values the API documents (api-notes §4); one place so schema, docs and
// tests agree.
const networkMixed = "Mixed"

// Small helpers keep the long schema readable.
func keepState() []planmodifier.String {
	return []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
}

func replaceString() []planmodifier.String {
	return []planmodifier.String{stringplanmodifier.RequiresReplace()}
}

func replaceBool() []planmodifier.Bool {
	return []planmodifier.Bool{boolplanmodifier.RequiresReplace()}
}

func oneOf(values ...string) []validator.String {
	return []validator.String{stringvalidator.OneOf(values...)}
}

func computedString(desc string) schema.StringAttribute {
	return schema.StringAttribute{Computed: true, MarkdownDescription: desc, PlanModifiers: keepState()}
}

func (r *deliveryGroupResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Publishes an App Streaming **delivery group** (API object `AppInstanceGroup`, " +
			"`CreateAppInstanceGroup`): resources of one instance type, started from an image, that deliver cloud apps to end users. " +
			"End users belong to `appstreaming_user_authorization`, the display policy to `appstreaming_app_policy` and the " +
			"scaling strategy to `appstreaming_scaling_policy`; this resource creates the group with a fixed node pool (`NODE_FIXED`) " +
			"and leaves those parts alone afterwards.",
		Attributes: map[string]schema.Attribute{
			"id": computedString("Delivery group ID (`AppInstanceGroupId`), e.g. `aig-9ciijz60n4xsv****`."),
			"name": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "Display name (`AppInstanceGroupName`), changed in place (`ModifyAppInstanceGroupAttribute`). " +
					"When omitted the provider generates a unique name `tf-<random>`: the name is how an interrupted create is " +
					"reconciled, so every group this provider publishes has one.",
				PlanModifiers: keepState(),
				Validators:    []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"region_id": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "Business region of the group (`BizRegionId`). Defaults to the provider's `region`. " +
					"Fixed once published: a change replaces the group.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()},
				Validators:    []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"image_id": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Image to publish (`AppCenterImageId`, `img-…`). Changed in place with `UpdateAppInstanceGroupImage`: " +
					"**every resource of the group reboots and active sessions end**; the plan carries a warning.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"product_type": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString("CloudApp"),
				MarkdownDescription: "Product (`ProductType`). Only `CloudApp` is valid.",
				Validators:          oneOf("CloudApp"), PlanModifiers: replaceString(),
			},
			"charge_resource_mode": schema.StringAttribute{
				Optional: true, Computed: true, Default: stringdefault.StaticString("Node"),
				MarkdownDescription: "Sales mode (`ChargeResourceMode`). Only `Node` (billed by resource) is valid for new groups.",
				Validators:          oneOf("Node"), PlanModifiers: replaceString(),
			},
			"charge_type": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Billing (`ChargeType`): `PostPaid` (pay-as-you-go) or `PrePaid` (subscription). A change replaces the group.",
				Validators:          oneOf(common.ChargePostPaid, common.ChargePrePaid), PlanModifiers: replaceString(),
			},
			"period": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: "Subscription length (`Period`) in `period_unit`s: `Week` 1; `Month` 1, 2, 3 or 6; `Year` 1, 2 or 3. " +
					"Required for `PrePaid`, not allowed for `PostPaid` (the provider sends 1 Month itself). Used only when the group is " +
					"created; a later change is recorded without an API call.",
				Validators: []validator.Int64{validators.Period()},
			},
			"period_unit": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Unit of `period` (`PeriodUnit`): `Week`, `Month` or `Year` (case-sensitive). Required for `PrePaid`, not allowed for `PostPaid`. Used only at creation.",
				Validators:          []validator.String{validators.PeriodUnit()},
			},
			"auto_renew": schema.BoolAttribute{
				Optional: true,
				MarkdownDescription: "Renew the subscription automatically (`AutoRenew`); `PrePaid` only. Used only at creation: " +
					"change auto-renewal later in the Alibaba Cloud billing console (Expenses > Renewal Management).",
			},
			"auto_pay": schema.BoolAttribute{
				Optional: true,
				MarkdownDescription: "Pay the order automatically (`AutoPay`; the API default is `false`). Used only at creation. " +
					"With `false` a `PrePaid` order can stay unpaid: the service does not document how such a group looks, so the " +
					"create may keep waiting until its timeout and the group is then recorded as tainted. Pay the order in the " +
					"billing console (Expenses > Orders) before the timeout, or set `auto_pay = true`.",
			},
			"promotion_id": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Coupon to apply to the order (`PromotionId`, from `GetResourcePrice`). Used only at creation.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"session_timeout": schema.Int64Attribute{
				Optional: true, Computed: true, Default: int64default.StaticInt64(15),
				MarkdownDescription: "Minutes a disconnected session is kept (`SessionTimeout`): `-1` (forever) or 3–300; default 15. Changed in place.",
				Validators:          []validator.Int64{validators.SessionTimeout()},
			},
			"node_pool": schema.SingleNestedAttribute{
				Required:            true,
				MarkdownDescription: "The group's resource pool (`NodePool`). Created with the fixed strategy `NODE_FIXED`.",
				Attributes: map[string]schema.Attribute{
					"id": computedString("Node pool ID (`NodePool[].NodePoolId`), e.g. `rg-…`; the `pool_id` of `appstreaming_scaling_policy`."),
					"instance_type": schema.StringAttribute{
						Required: true,
						MarkdownDescription: "Resource spec (`NodeInstanceType`), e.g. `appstreaming.general.4c8g`; see the " +
							"`appstreaming_instance_types` data source. A change replaces the group.",
						Validators: []validator.String{stringvalidator.LengthAtLeast(1)}, PlanModifiers: replaceString(),
					},
					"amount": schema.Int64Attribute{
						Required: true,
						MarkdownDescription: "Number of resources (`NodeAmount`), 1–100. Changed in place: `PrePaid` through " +
							"`ModifyNodePoolAmount` (places an order for the new total), `PostPaid` through `ModifyNodePoolAttribute` " +
							"re-sending the pool's current strategy, so a usage strategy set by `appstreaming_scaling_policy` is kept " +
							"(that resource never sends the amount). Only while a `PostPaid` pool follows a schedule " +
							"(`strategy_type = \"NODE_SCALING_BY_SCHEDULE\"`) does the schedule drive the count: then this value is not " +
							"compared with the service, and a change is recorded without an API call (the plan warns).",
						Validators: []validator.Int64{int64validator.Between(1, 100)},
					},
					"capacity": schema.Int64Attribute{
						Optional: true, Computed: true,
						MarkdownDescription: "Concurrent sessions per resource (`NodeCapacity`). Documented ranges: `general.4c8g` 1–2; " +
							"`general.8c16g`, `vgpu.8c16g.4g`, `vgpu.8c31g.16g` 1–4; `vgpu.14c93g.12g` 1–6 (checked at plan). Other types " +
							"are checked against `ListNodeInstanceType` `MaxCapacity` at plan (at apply when a value is unknown at plan), " +
							"with one lookup per instance type per run. Changed in place.",
						PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
					},
					"strategy_type": computedString("Current scaling strategy (`NodePool[].StrategyType`): `NODE_FIXED`, " +
						"`NODE_SCALING_BY_USAGE` or `NODE_SCALING_BY_SCHEDULE`. Read only here; set it with `appstreaming_scaling_policy`. " +
						"Because it mirrors the service, `terraform plan -refresh-only` lists a change made by the scaling policy (even " +
						"one of the same workspace) under \"Objects have changed outside of Terraform\" for this group; that is expected, " +
						"never planned as a change, and needs no action."),
				},
			},
			"network": schema.SingleNestedAttribute{
				Optional: true,
				MarkdownDescription: "Network policy (`Network`; an allow-listed feature that needs a support ticket). " +
					"`domain_rules` change in place; any other change replaces the group. Only `office_site_id` can be read back.",
				Attributes: map[string]schema.Attribute{
					"strategy_type": schema.StringAttribute{
						Optional: true, MarkdownDescription: "`Mixed` (dedicated public IP, two NICs) or `Shared` (NAT gateway) (`Network.StrategyType`).",
						Validators: oneOf(networkMixed, "Shared"), PlanModifiers: replaceString(),
					},
					"office_site_id": schema.StringAttribute{
						Optional: true, MarkdownDescription: "Office network ID (`Network.OfficeSiteId`), e.g. `cn-hangzhou+dir-…`.",
						Validators: []validator.String{stringvalidator.LengthAtLeast(1)}, PlanModifiers: replaceString(),
					},
					"vswitch_ids": schema.SetAttribute{
						Optional: true, ElementType: types.StringType,
						MarkdownDescription: "vSwitch IDs (`Network.VSwitchIds`); custom office networks only, so `office_site_id` must be set.",
						Validators:          []validator.Set{setvalidator.SizeAtLeast(1), validators.NoEmptyStrings()},
						PlanModifiers:       []planmodifier.Set{setplanmodifier.RequiresReplace()},
					},
					"ip_expire_minutes": schema.Int64Attribute{
						Optional: true, MarkdownDescription: "Lifetime of the public IP in minutes (`Network.IpExpireMinutes`), at least 60.",
						Validators:    []validator.Int64{int64validator.AtLeast(60)},
						PlanModifiers: []planmodifier.Int64{int64planmodifier.RequiresReplace()},
					},
					"routes": schema.ListNestedAttribute{
						Optional: true, MarkdownDescription: "Routes (`Network.Routes`); only with `strategy_type = \"Mixed\"`.",
						PlanModifiers: []planmodifier.List{listplanmodifier.RequiresReplace()},
						NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
							"destination": schema.StringAttribute{
								Required: true, MarkdownDescription: "Destination CIDR block (`Routes[].Destination`), e.g. `139.196.0.0/16`.",
								Validators: []validator.String{validators.CIDR()},
							},
							"mode": schema.StringAttribute{
								Optional: true, Computed: true, Default: stringdefault.StaticString("Shared"),
								MarkdownDescription: "Egress mode (`Routes[].Mode`); only `Shared` (through a NAT gateway) is documented.",
								Validators:          oneOf("Shared"),
							},
						}},
					},
					"domain_rules": schema.ListNestedAttribute{
						Optional: true, MarkdownDescription: "Domain access rules (`Network.DomainRules`), changed in place.",
						NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
							"domain": schema.StringAttribute{
								Required: true, MarkdownDescription: "Domain (`DomainRules[].Domain`), e.g. `www.example.com`.",
								Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
							},
							"policy": schema.StringAttribute{
								Required: true, MarkdownDescription: "`allow` or `block` (`DomainRules[].Policy`).",
								Validators: oneOf("allow", "block"),
							},
						}},
					},
				},
			},
			"storage_policy": schema.SingleNestedAttribute{
				Optional:            true,
				MarkdownDescription: "Storage policy (`StoragePolicy`). Not returned by the API, so changes made outside Terraform are not seen.",
				Attributes: map[string]schema.Attribute{
					"storage_types": schema.SetAttribute{
						Optional: true, ElementType: types.StringType,
						MarkdownDescription: "Storage types (`StorageTypeList`): `OFF` or `PDS` (Photo and Drive Service). Changed in place.",
						Validators:          []validator.Set{setvalidator.ValueStringsAre(stringvalidator.OneOf("OFF", "PDS"))},
					},
					"user_profile": schema.SingleNestedAttribute{
						Optional: true, MarkdownDescription: "User-data roaming (`UserProfile`). A change replaces the group.",
						PlanModifiers: []planmodifier.Object{objectplanmodifier.RequiresReplace()},
						Attributes: map[string]schema.Attribute{
							"enabled": schema.BoolAttribute{Optional: true, MarkdownDescription: "Enable roaming (`UserProfileSwitch`)."},
							"remote_storage_type": schema.StringAttribute{
								Optional: true, MarkdownDescription: "Remote storage (`RemoteStorageType`); only `NAS`.",
								Validators: oneOf("NAS"),
							},
							"remote_storage_path": schema.StringAttribute{
								Optional: true, MarkdownDescription: "Remote path (`RemoteStoragePath`); defaults to the group ID. " +
									"Groups that share roaming in one VPC must use the same value.",
								Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
							},
						},
					},
				},
			},
			"runtime_policy": schema.SingleNestedAttribute{
				Optional: true,
				MarkdownDescription: "Runtime policy (`RuntimePolicy`). Set at creation: a change replaces the group, except " +
					"`per_session_per_app`, which changes in place. Only `session_type` can be read back.",
				Attributes: map[string]schema.Attribute{
					"session_type": schema.StringAttribute{
						Optional: true, MarkdownDescription: "`CONSOLE` or `NORMAL` (RDP-based) (`SessionType`).",
						Validators: oneOf("CONSOLE", "NORMAL"), PlanModifiers: replaceString(),
					},
					"debug_mode": schema.BoolAttribute{
						Optional: true, MarkdownDescription: "Debug mode (`DebugMode` `ON`/`OFF`); needed for debug sessions and images made from the group.",
						PlanModifiers: replaceBool(),
					},
					"session_user_generation_mode": schema.StringAttribute{
						Optional: true, MarkdownDescription: "`wyid` (`SessionUserGenerationMode`); requires `session_pre_open = false`.",
						Validators: oneOf("wyid"), PlanModifiers: replaceString(),
					},
					"session_pre_open": schema.BoolAttribute{
						Optional: true, MarkdownDescription: "Pre-open sessions (`SessionPreOpen`; the API default is `true`).",
						PlanModifiers: replaceBool(),
					},
					"per_session_per_app": schema.BoolAttribute{
						Optional: true, MarkdownDescription: "One app per session (`PerSessionPerApp`). Changed in place.",
					},
					"persistent_app_instance_schedule_mode": schema.StringAttribute{
						Optional: true, MarkdownDescription: "`DYNAMIC` or `FIX_NODE` (`PersistentAppInstanceScheduleMode`).",
						Validators: oneOf("DYNAMIC", "FIX_NODE"), PlanModifiers: replaceString(),
					},
				},
			},
			"security_policy": schema.SingleNestedAttribute{
				Optional: true, MarkdownDescription: "Security policy (`SecurityPolicy`), changed in place.",
				Attributes: map[string]schema.Attribute{
					"reset_after_unbind":   schema.BoolAttribute{Optional: true, MarkdownDescription: "Reset a resource after its user is unbound (`ResetAfterUnbind`); not returned by the API."},
					"skip_user_auth_check": schema.BoolAttribute{Optional: true, MarkdownDescription: "Skip the user authorization check (`SkipUserAuthCheck`; default `false`)."},
				},
			},
			"user_define_policy": schema.SingleNestedAttribute{
				Optional: true, MarkdownDescription: "Custom policy (`UserDefinePolicy`, allow-listed). Set at creation; a change replaces the group.",
				Attributes: map[string]schema.Attribute{
					"custom_config": schema.StringAttribute{
						CustomType: customtypes.NormalizedJSONType{}, Optional: true,
						MarkdownDescription: "Custom configuration as JSON text (`CustomConfig`), compared semantically " +
							"(whitespace and key order don't matter). Must follow the image version's spec.",
						PlanModifiers: replaceString(),
					},
				},
			},
			"pre_open_app_id": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "App to pre-open (`PreOpenAppId`). Changed in place (`PreOpenMode` `SINGLE_APP`; removing it sets `OFF`). Not returned by the API.",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"app_policy_id": schema.StringAttribute{
				Computed: true,
				MarkdownDescription: "Display policy of the group (`AppPolicyId`, `pg-…`): the one named by `bind_app_policy_id`, or the " +
					"one the service created with the group. Manage its settings with `appstreaming_app_policy`.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"bind_app_policy_id": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Existing display policy (`pg-…`) to bind when the group is created (`AppPolicyId` of " +
					"`CreateAppInstanceGroup`); when omitted the service creates a policy for the group. A policy lives and dies " +
					"with the group that uses it, so this is for sharing another live group's policy. Not read back: it is null " +
					"after an import (so generated configuration never pins a policy that dies with the group), and setting it then " +
					"to the group's current `app_policy_id` changes nothing. Binding a different policy replaces the group.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplaceIf(bindsAnotherPolicy,
					"Binding a different display policy replaces the group.", "Binding a different display policy replaces the group.")},
				Validators: []validator.String{stringvalidator.RegexMatches(regexp.MustCompile(`^pg-[A-Za-z0-9]+$`),
					"must be a policy ID such as pg-8z4nztpaqvay4xxxx")},
			},
			"cluster_id": schema.StringAttribute{
				Optional: true, MarkdownDescription: "Cluster ID (`ClusterId`, `cls-…`). Set at creation; a change replaces the group.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)}, PlanModifiers: replaceString(),
			},
			"sub_pay_type": schema.StringAttribute{
				Optional: true, MarkdownDescription: "Sub-billing (`SubPayType`): `postPaid`, `monthPackage` (Cloud Browser only) or `prePaid`. Set at creation.",
				Validators: oneOf("postPaid", "monthPackage", "prePaid"), PlanModifiers: replaceString(),
			},
			"app_package_type": schema.StringAttribute{
				Optional: true, MarkdownDescription: "Package plan (`AppPackageType`, Cloud Browser plans). Set at creation.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)}, PlanModifiers: replaceString(),
			},
			"auth_mode": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "Authorization mode (`AuthMode`): `App`, `AppInstanceGroup` or `Session`. Set at creation.",
				Validators:          oneOf("App", "AppInstanceGroup", "Session"),
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplaceIfConfigured()},
			},
			"tags": schema.MapAttribute{
				Optional: true, ElementType: types.StringType,
				MarkdownDescription: "Custom tags (`TagCloudResources`, resource type `AppInstanceGroupId`): at most 20, keys and values " +
					"1–128 characters. System tags (`System/…`, scope `System`) set by the service are ignored.",
				Validators: []validator.Map{validators.Tags()},
			},
			"status":          schema.StringAttribute{Computed: true, MarkdownDescription: "Status (`Status`): `DEPLOYING`, `PUBLISHED`, `FAILED`, `MAINTAINING`, `MAINTAIN_FAILED`, `EXPIRED`, `CEASED` or `EXPIRED_RECYCLING`."},
			"resource_status": schema.StringAttribute{Computed: true, MarkdownDescription: "Resource status (`ResourceStatus`), e.g. `AVAILABLE` or `EXPIRED_IN_7_DAYS`."},
			"os_type":         computedString("Operating system of the image (`OsType`), e.g. `Windows`."),
			"spec_id":         computedString("Spec tied to the group (`SpecId`)."),
			"order_id":        computedString("Order placed by the create call (`OrderId`); empty after import or when the create was reconciled."),
			"created_at":      computedString("Creation time (`GmtCreate`) in RFC 3339, UTC."),
			"expired_at":      computedString("Expiry time (`ExpiredTime`); meaningful for `PrePaid`."),
			"apps": schema.ListNestedAttribute{
				Computed: true, MarkdownDescription: "Apps in the image (`Apps`).",
				PlanModifiers: []planmodifier.List{listplanmodifier.UseStateForUnknown()},
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":      schema.StringAttribute{Computed: true, MarkdownDescription: "App ID (`AppId`)."},
					"name":    schema.StringAttribute{Computed: true, MarkdownDescription: "App name (`AppName`)."},
					"version": schema.StringAttribute{Computed: true, MarkdownDescription: "App version (`AppVersion`)."},
				}},
			},
			"ota": schema.SingleNestedAttribute{
				Computed: true, MarkdownDescription: "Pending system-component update (`OtaInfo`); approve it with `ApproveOtaTask`.",
				Attributes: map[string]schema.Attribute{
					"current_version": schema.StringAttribute{Computed: true, MarkdownDescription: "Installed version (`OtaVersion`)."},
					"new_version":     schema.StringAttribute{Computed: true, MarkdownDescription: "Available version (`NewOtaVersion`); empty when none."},
					"task_id":         schema.StringAttribute{Computed: true, MarkdownDescription: "OTA task ID (`TaskId`)."},
				},
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}

// attrTypes of the nested objects, used when building values in flatten.
var (
	appAttrTypes = map[string]attr.Type{"id": types.StringType, "name": types.StringType, "version": types.StringType}
	otaAttrTypes = map[string]attr.Type{"current_version": types.StringType, "new_version": types.StringType, "task_id": types.StringType}
)

// bindsAnotherPolicy asks for replacement when the configured policy differs
// from the one the group uses: a value recorded before (state), else the
// group's current app_policy_id (after an import the state holds no
// bind_app_policy_id, and naming the current policy adopts it).
func bindsAnotherPolicy(ctx context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
	if req.PlanValue.IsUnknown() {
		resp.RequiresReplace = true
		return
	}
	if req.PlanValue.IsNull() {
		return // no longer pinned: the group keeps its policy
	}
	if !req.StateValue.IsNull() {
		resp.RequiresReplace = !req.StateValue.Equal(req.PlanValue)
		return
	}
	var current types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("app_policy_id"), &current)...)
	resp.RequiresReplace = current.ValueString() != req.PlanValue.ValueString()
}
