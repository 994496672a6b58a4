package deliverygroups

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/lookup"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/validators"
)

func num(desc string) schema.Int64Attribute {
	return schema.Int64Attribute{Computed: true, MarkdownDescription: desc}
}

func boolean(desc string) schema.BoolAttribute {
	return schema.BoolAttribute{Computed: true, MarkdownDescription: desc}
}

func filterString(desc string) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, MarkdownDescription: desc,
		Validators: []validator.String{stringvalidator.LengthAtLeast(1)}}
}

func (d *dataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists delivery groups (API `ListAppInstanceGroup`), for example to use groups published " +
			"elsewhere. Every filter of the API is available; filters combine with AND. Paging is done for you (100 " +
			"groups per call). A lookup that matches nothing returns an empty `groups` list.",
		Attributes: map[string]schema.Attribute{
			"id": lookup.Computed("Identifier of this lookup, derived from the filters."),
			"ids": schema.ListAttribute{
				Optional: true, ElementType: types.StringType,
				MarkdownDescription: "Only these groups (`AppInstanceGroupId`, `aig-…`). One ID is one filtered call; for several " +
					"the provider takes whichever costs fewer calls: paging through the listing of the other filters, or one " +
					"call per ID. Unknown IDs are simply not in the result.",
				Validators: []validator.List{listvalidator.SizeAtLeast(1), validators.NoEmptyStrings(), validators.UniqueStrings(),
					listvalidator.ValueStringsAre(validators.DeliveryGroupID)},
			},
			"name": filterString("Only groups whose name contains this text (`AppInstanceGroupName`, a fuzzy match done by the service)."),
			"status": schema.ListAttribute{
				Optional: true, ElementType: types.StringType,
				MarkdownDescription: "Only groups in one of these statuses (`Status`): `DEPLOYING`, `PUBLISHED`, `FAILED`, " +
					"`MAINTAINING`, `MAINTAIN_FAILED`, `EXPIRED`, `CEASED`, `EXPIRED_RECYCLING`.",
				Validators: []validator.List{listvalidator.SizeAtLeast(1), validators.UniqueStrings(),
					listvalidator.ValueStringsAre(stringvalidator.OneOf(common.GroupStatuses...))},
			},
			"image_id": filterString("Only groups running this image (`AppCenterImageId`), e.g. an ID from `appstreaming_images`."),
			"region_id": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Only groups in this region (`BizRegionId`). Unlike most lookups this does not default " +
					"to the provider's region: omitted, groups of every region are listed.",
				Validators: []validator.String{lookup.RegionID()},
			},
			"instance_type":  filterString("Only groups whose resources are of this type (`NodeInstanceType`), e.g. `appstreaming.general.4c8g`."),
			"office_site_id": filterString("Only groups in this office network (`OfficeSiteId`), e.g. `cn-hongkong+dir-643067****`."),
			"tags": schema.MapAttribute{
				Optional: true, ElementType: types.StringType,
				MarkdownDescription: "Only groups that carry every one of these tags (`Tag`), custom or system. At most 20; keys and values 1–128 characters.",
				Validators: []validator.Map{mapvalidator.SizeBetween(1, validators.MaxTags),
					mapvalidator.KeysAre(stringvalidator.LengthBetween(1, validators.MaxTagKeyLen)),
					mapvalidator.ValueStringsAre(stringvalidator.LengthBetween(1, validators.MaxTagValueLen))},
			},
			"groups": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "Matching delivery groups, sorted by ID.",
				NestedObject:        schema.NestedAttributeObject{Attributes: groupAttributes()},
			},
		},
	}
}

func groupAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":                              lookup.Computed("Delivery group ID (`AppInstanceGroupId`)."),
		"name":                            lookup.Computed("Name (`AppInstanceGroupName`)."),
		"region_id":                       lookup.Computed("Region (`RegionId`)."),
		"image_id":                        lookup.Computed("Image (`AppCenterImageId`)."),
		"product_type":                    lookup.Computed("Product (`ProductType`), `CloudApp`."),
		"os_type":                         lookup.Computed("Operating system of the image (`OsType`)."),
		"status":                          lookup.Computed("Status (`Status`): `DEPLOYING`, `PUBLISHED`, `FAILED`, `MAINTAINING`, `MAINTAIN_FAILED`, `EXPIRED`, `CEASED` or `EXPIRED_RECYCLING`."),
		"resource_status":                 lookup.Computed("Resource status (`ResourceStatus`): `AVAILABLE`, `RELEASED`, `EXPIRED_IN_7_DAYS`, `UNAVAILABLE`, `UPGRADING` or `CREATING`."),
		"charge_type":                     lookup.Computed("Billing method (`ChargeType`): `PrePaid` or `PostPaid`."),
		"charge_resource_mode":            lookup.Computed("Billing unit (`ChargeResourceMode`): `Node` or `AppInstance`."),
		"app_policy_id":                   lookup.Computed("Display policy ID (`AppPolicyId`, `pg-…`)."),
		"app_policy_version":              lookup.Computed("Policy model (`AppPolicyVersion`): `CENTER` (unified) or `DEFAULT` (legacy)."),
		"app_policy_image_check":          boolean("Whether the image supports the unified policy (`AppPolicyImageCheck`)."),
		"app_instance_type":               lookup.Computed("Session spec of the group (`AppInstanceType`), e.g. `__dynamic__`."),
		"spec_id":                         lookup.Computed("Spec tied 1:1 to the group (`SpecId`)."),
		"session_timeout":                 num("Minutes a disconnected session is kept (`SessionTimeout`, a string in the API): `-1` (forever) or 3–300."),
		"auth_mode":                       lookup.Computed("Authorization mode (`AuthMode`): `App`, `AppInstanceGroup` or `Session`."),
		"access_type":                     lookup.Computed("Access type (`AccessType`): `INTERNET`, `VPC` or `ANY`."),
		"office_site_id":                  lookup.Computed("Office network (`OfficeSiteId`)."),
		"skip_user_auth_check":            boolean("Whether the user authorization check is skipped (`SkipUserAuthCheck`)."),
		"user_group_auth_mode":            lookup.Computed("User-group authorization mode (`UserGroupAuthMode`; undocumented)."),
		"amount":                          num("Subscription resources of the group (`Amount`)."),
		"min_amount":                      num("Minimum instances (`MinAmount`)."),
		"max_amount":                      num("Maximum instances, by-session mode (`MaxAmount`)."),
		"reserve_amount_ratio":            lookup.Computed("Reserved idle-session ratio, 0–99 (`ReserveAmountRatio`, a string in the API)."),
		"reserve_min_amount":              num("Minimum reserved idle sessions (`ReserveMinAmount`)."),
		"reserve_max_amount":              num("Maximum reserved idle sessions (`ReserveMaxAmount`)."),
		"scaling_step":                    num("Sessions added per scale-out, group level (`ScalingStep`)."),
		"scaling_usage_threshold":         num("Session usage % that triggers scale-out, group level (`ScalingUsageThreshold`, a string in the API)."),
		"scaling_down_after_idle_minutes": num("Idle minutes before scale-in, group level (`ScalingDownAfterIdleMinutes`)."),
		"created_at":                      lookup.Computed("Creation time (`GmtCreate`) in RFC 3339, UTC."),
		"expired_at":                      lookup.Computed("Expiry time (`ExpiredTime`) in RFC 3339, UTC; meaningful for `PrePaid`."),
		"tags":                            schema.MapAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Custom tags (`Tags` with scope `Custom`)."},
		"system_tags":                     schema.MapAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Tags the service set (`Tags` with scope `System`, e.g. `System/Scheduler/GRAYSCALE`)."},
		"apps": schema.ListNestedAttribute{
			Computed: true, MarkdownDescription: "Applications in the group's image (`Apps`).",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"id":           lookup.Computed("App ID (`AppId`)."),
				"name":         lookup.Computed("App name (`AppName`)."),
				"version":      lookup.Computed("App version (`AppVersion`)."),
				"version_name": lookup.Computed("App version name (`AppVersionName`)."),
				"icon":         lookup.Computed("Icon URL (`AppIcon`)."),
			}},
		},
		"ota": schema.SingleNestedAttribute{
			Computed: true, MarkdownDescription: "Over-the-air update information (`OtaInfo`).",
			Attributes: map[string]schema.Attribute{
				"current_version": lookup.Computed("Installed version (`OtaVersion`)."),
				"new_version":     lookup.Computed("Available version (`NewOtaVersion`); null when none waits."),
				"task_id":         lookup.Computed("OTA task ID (`TaskId`), the input of `ApproveOtaTask`."),
			},
		},
		"node_pool": schema.SingleNestedAttribute{
			Computed: true, MarkdownDescription: "The group's resource pool (first entry of `NodePool`); null when the service returns none.",
			Attributes: nodePoolAttributes(),
		},
	}
}

func nodePoolAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":                              lookup.Computed("Node pool ID (`NodePoolId`, `rg-…`)."),
		"instance_type":                   lookup.Computed("Resource spec (`NodeInstanceType`)."),
		"instance_type_name":              lookup.Computed("Display name of the spec (`NodeTypeName`)."),
		"capacity":                        num("Concurrent sessions per resource (`NodeCapacity`)."),
		"amount":                          num("Total subscription resources (`NodeAmount`)."),
		"purchased_amount":                num("Resources bought when the group was created (`Amount`)."),
		"node_used":                       num("Subscription resources in use (`NodeUsed`)."),
		"scaling_node_amount":             num("Elastic (scaled-out) resources (`ScalingNodeAmount`)."),
		"scaling_node_used":               num("Elastic resources in use (`ScalingNodeUsed`)."),
		"strategy_type":                   lookup.Computed("Scaling strategy (`StrategyType`): `NODE_FIXED`, `NODE_SCALING_BY_USAGE` or `NODE_SCALING_BY_SCHEDULE`."),
		"max_scaling_amount":              num("Most resources scale-out may add (`MaxScalingAmount`)."),
		"scaling_step":                    num("Resources added per scale-out (`ScalingStep`)."),
		"scaling_usage_threshold":         num("Session usage % that triggers scale-out (`ScalingUsageThreshold`, a string in the API)."),
		"scaling_down_after_idle_minutes": num("Idle minutes before scale-in (`ScalingDownAfterIdleMinutes`)."),
		"max_idle_app_instance_amount":    num("Idle-session cap for usage scaling (`MaxIdleAppInstanceAmount`)."),
		"strategy_enable_date":            lookup.Computed("First day of scheduled scaling (`StrategyEnableDate`, `yyyy-MM-dd`)."),
		"strategy_disable_date":           lookup.Computed("Last day of scheduled scaling (`StrategyDisableDate`, `yyyy-MM-dd`)."),
		"warm_up":                         boolean("Whether resources are warmed up before a scheduled window (`WarmUp`)."),
		"recurrence_schedules": schema.ListNestedAttribute{
			Computed: true, MarkdownDescription: "Scheduled-scaling rules (`RecurrenceSchedules`).",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"type": lookup.Computed("Schedule type (`RecurrenceType`), `Weekly`."),
				"days": schema.ListAttribute{Computed: true, ElementType: types.Int64Type,
					MarkdownDescription: "Weekdays, 1 = Monday … 7 = Sunday (`RecurrenceValues`)."},
				"periods": schema.ListNestedAttribute{
					Computed: true, MarkdownDescription: "Time windows (`TimerPeriods`).",
					NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
						"start_time": lookup.Computed("Start, `HH:mm` (`StartTime`)."),
						"end_time":   lookup.Computed("End, `HH:mm` (`EndTime`)."),
						"amount":     num("Target number of resources (`Amount`)."),
					}},
				},
			}},
		},
	}
}
