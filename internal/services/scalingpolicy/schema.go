package scalingpolicy

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/validators"
)

// Defaults the service applies when the field is omitted (api-notes §4 rules 15, 16).
const (
	defaultUsageThreshold = 85
	defaultIdleMinutes    = 5
)

func (r *scalingPolicyResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Scaling strategy of a delivery group's node pool: a fixed count (`NODE_FIXED`), " +
			"auto scaling by session usage (`NODE_SCALING_BY_USAGE`) or scheduled scaling (`NODE_SCALING_BY_SCHEDULE`, " +
			"PostPaid groups only). Managed with `ModifyNodePoolAttribute` (`NodePoolStrategy`) and read back from " +
			"`GetAppInstanceGroup` (`NodePool[0]`). Destroying this resource returns the group to `NODE_FIXED` with " +
			"its current resource count; the group itself is not deleted. It never takes over: creating it on a group whose " +
			"pool already uses another strategy than `NODE_FIXED` (set by another workspace or the console) fails at plan " +
			"(or at apply when the group ID is not known yet) and says to import the policy instead.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Same as `delivery_group_id` (`AppInstanceGroupId`); the policy has no ID of its own.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"delivery_group_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "ID of the delivery group (`AppInstanceGroupId`, `aig-…`) whose node pool this policy scales. Changing it replaces the resource.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:          []validator.String{validators.DeliveryGroupID},
			},
			"node_pool_id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "ID of the node pool the strategy is applied to (`NodePool[].NodePoolId`, `rg-…`; sent as `PoolId`).",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"strategy_type": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Scaling strategy (`NodePoolStrategy.StrategyType`): `NODE_FIXED`, `NODE_SCALING_BY_USAGE` " +
					"(requires `usage`) or `NODE_SCALING_BY_SCHEDULE` (requires `schedule`; PostPaid groups only).",
				Validators: []validator.String{stringvalidator.OneOf(common.StrategyFixed, common.StrategyUsage, common.StrategySchedule)},
			},
			"usage": schema.SingleNestedAttribute{
				Optional:            true,
				MarkdownDescription: "Auto scaling by session usage. Required with `NODE_SCALING_BY_USAGE`, not allowed with the other strategies.",
				Attributes: map[string]schema.Attribute{
					"max_scaling_amount": schema.Int64Attribute{
						Required:            true,
						MarkdownDescription: "Most elastic resources scale-out may add (`MaxScalingAmount`), at least 1.",
						Validators:          []validator.Int64{int64validator.AtLeast(1)},
					},
					"scaling_step": schema.Int64Attribute{
						Required:            true,
						MarkdownDescription: "Resources added per scale-out (`ScalingStep`), 1–10.",
						Validators:          []validator.Int64{int64validator.Between(1, 10)},
					},
					"scaling_usage_threshold": schema.Int64Attribute{
						Optional: true, Computed: true,
						Default:             int64default.StaticInt64(defaultUsageThreshold),
						MarkdownDescription: "Session usage in percent above which scale-out starts (`ScalingUsageThreshold`, sent as a string), 0–100. Defaults to 85.",
						Validators:          []validator.Int64{int64validator.Between(0, 100)},
					},
					"scaling_down_after_idle_minutes": schema.Int64Attribute{
						Optional: true, Computed: true,
						Default:             int64default.StaticInt64(defaultIdleMinutes),
						MarkdownDescription: "Minutes an elastic resource stays without sessions before it is released (`ScalingDownAfterIdleMinutes`), 5–120. Defaults to 5.",
						Validators:          []validator.Int64{int64validator.Between(5, 120)},
					},
					"max_idle_app_instance_amount": schema.Int64Attribute{
						Optional:            true,
						MarkdownDescription: "Scale out only while fewer idle sessions than this exist (`MaxIdleAppInstanceAmount`), at least 1.",
						Validators:          []validator.Int64{int64validator.AtLeast(1)},
					},
				},
			},
			"schedule": schema.SingleNestedAttribute{
				Optional: true,
				MarkdownDescription: "Scheduled scaling. Required with `NODE_SCALING_BY_SCHEDULE`, not allowed with the other strategies. " +
					"Only PostPaid (pay-as-you-go) groups support it.",
				Attributes: map[string]schema.Attribute{
					"enable_date": schema.StringAttribute{
						Required: true,
						MarkdownDescription: "First day of the schedule (`StrategyEnableDate`), `yyyy-MM-dd`. Must be today (UTC+8) or later " +
							"when the schedule is created or this date is changed; a date that has since passed is left alone.",
					},
					"disable_date": schema.StringAttribute{
						Required:            true,
						MarkdownDescription: "Last day of the schedule (`StrategyDisableDate`), `yyyy-MM-dd`, 7 days to 1 year after `enable_date`.",
					},
					"warm_up": schema.BoolAttribute{
						Required:            true,
						MarkdownDescription: "Create the resources of a period ahead of its start so they are ready on time (`WarmUp`).",
					},
					"recurrences": schema.ListNestedAttribute{
						Required:            true,
						MarkdownDescription: "Weekly rules (`RecurrenceSchedules`), at least one.",
						Validators:          []validator.List{listvalidator.SizeAtLeast(1)},
						NestedObject: schema.NestedAttributeObject{
							Attributes: map[string]schema.Attribute{
								"type": schema.StringAttribute{
									Required:            true,
									MarkdownDescription: "Recurrence (`RecurrenceType`): `Weekly` or `weekly` (the API documents both spellings; the value is sent as written).",
									Validators:          []validator.String{stringvalidator.OneOf("Weekly", "weekly")},
								},
								"days": schema.SetAttribute{
									Required:            true,
									ElementType:         types.Int64Type,
									MarkdownDescription: "Weekdays the periods apply to (`RecurrenceValues`): 1 (Monday) to 7 (Sunday), at least one.",
								},
								"periods": schema.ListNestedAttribute{
									Required: true,
									MarkdownDescription: "Time windows of those days (`TimerPeriods`): 1–3, each at least 15 minutes, " +
										"not overlapping, at least 5 minutes apart, within one day (at most 24 hours in total).",
									NestedObject: schema.NestedAttributeObject{
										Attributes: map[string]schema.Attribute{
											"start_time": schema.StringAttribute{
												Required:            true,
												MarkdownDescription: "Start of the window (`StartTime`), `HH:mm`.",
											},
											"end_time": schema.StringAttribute{
												Required:            true,
												MarkdownDescription: "End of the window (`EndTime`), `HH:mm`, later than `start_time` on the same day.",
											},
											"amount": schema.Int64Attribute{
												Required:            true,
												MarkdownDescription: "Resources kept during the window (`Amount`), at least 1.",
											},
										},
									},
								},
							},
						},
					},
				},
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}
