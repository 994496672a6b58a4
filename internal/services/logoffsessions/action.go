// Package logoffsessions implements the appstreaming_log_off_sessions action
// (LogOffAllSessionsInAppInstanceGroup).
package logoffsessions

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/validators"
)

// NewAction is the constructor the provider registers.
func NewAction() action.Action {
	return &logOffAction{ActionBase: common.ActionBase{TypeSuffix: "_log_off_sessions"}}
}

type logOffAction struct {
	common.ActionBase
}

var (
	_ action.ActionWithConfigure  = (*logOffAction)(nil)
	_ action.ActionWithModifyPlan = (*logOffAction)(nil)
)

// ModifyPlan refuses at plan what the API would refuse, when the group is
// already known: one GetAppInstanceGroup, no change.
func (a *logOffAction) ModifyPlan(ctx context.Context, req action.ModifyPlanRequest, resp *action.ModifyPlanResponse) {
	var m model
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || a.Client == nil || m.DeliveryGroupID.IsUnknown() {
		return
	}
	g, err := a.Client.GetAppInstanceGroup(ctx, m.DeliveryGroupID.ValueString())
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("delivery_group_id"), "Cannot read the delivery group", err.Error())
		return
	}
	checkAllowed(g, time.Now(), &resp.Diagnostics)
}

func (a *logOffAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var m model
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || !common.RequireClient(a.Client, &resp.Diagnostics) {
		return
	}
	id := m.DeliveryGroupID.ValueString()
	common.Progress(resp, "Checking delivery group %s", id)
	g, err := a.Client.GetAppInstanceGroup(ctx, id)
	if err != nil {
		common.APIError(&resp.Diagnostics, "Cannot read the delivery group", err, "")
		return
	}
	if !checkAllowed(g, time.Now(), &resp.Diagnostics) {
		return
	}
	if open := sessionsOpen(ctx, a.Client, id); open >= 0 {
		common.Progress(resp, "Logging off %d open session(s) of %s", open, id)
	} else {
		common.Progress(resp, "Logging off every session of %s", id)
	}
	if err := a.Client.LogOffAllSessionsInAppInstanceGroup(ctx, id); err != nil {
		resp.Diagnostics.AddError("Cannot log off the sessions", explain(id, err))
		return
	}
	common.Progress(resp, "All sessions of %s are logged off", id)
}

// sessionsOpen counts the group's bound sessions for the progress message;
// -1 when the listing fails (the log-off does not depend on it).
func sessionsOpen(ctx context.Context, c *client.Client, id string) int {
	out, err := c.ListAppInstances(ctx, client.ListAppInstancesInput{AppInstanceGroupID: id, PageSize: 100})
	if err != nil {
		return -1
	}
	return out.TotalCount
}

// checkAllowed applies the documented rule: PostPaid, scheduled scaling,
// outside every time window (service time, UTC+8).
func checkAllowed(g *client.AppInstanceGroup, at time.Time, diags *diag.Diagnostics) bool {
	id := g.AppInstanceGroupID
	if g.ChargeType != common.ChargePostPaid {
		diags.AddAttributeError(path.Root("delivery_group_id"), "Sessions cannot be logged off in this group",
			fmt.Sprintf("Delivery group %s is %s (subscription). LogOffAllSessionsInAppInstanceGroup only works for pay-as-you-go "+
				"(PostPaid) groups with scheduled scaling.", id, g.ChargeType))
		return false
	}
	if len(g.NodePool) == 0 || g.NodePool[0].StrategyType != common.StrategySchedule {
		strategy := "no node pool"
		if len(g.NodePool) > 0 {
			strategy = g.NodePool[0].StrategyType
		}
		diags.AddAttributeError(path.Root("delivery_group_id"), "Sessions cannot be logged off in this group",
			fmt.Sprintf("Delivery group %s scales by %s. LogOffAllSessionsInAppInstanceGroup only works for groups whose node pool "+
				"scales by schedule (NODE_SCALING_BY_SCHEDULE; set it with appstreaming_scaling_policy).", id, strategy))
		return false
	}
	if w, ok := activeWindow(g.NodePool[0].RecurrenceSchedules, at); ok {
		diags.AddAttributeError(path.Root("delivery_group_id"), "Inside a scheduled time window",
			fmt.Sprintf("Delivery group %s is inside its scheduled window %s (service time, UTC+8); the API refuses to log off "+
				"sessions then. Run the action after the window ends.", id, w))
		return false
	}
	return true
}

// activeWindow returns the schedule window that contains at, if any.
// Weekdays are 1 (Monday) to 7 (Sunday); windows are [start, end).
func activeWindow(schedules []client.RecurrenceSchedule, at time.Time) (string, bool) {
	t := at.In(validators.ServiceLocation())
	wd := int(t.Weekday())
	if wd == 0 {
		wd = 7
	}
	mins := t.Hour()*60 + t.Minute()
	for _, s := range schedules {
		for _, d := range s.RecurrenceValues {
			if d != wd {
				continue
			}
			for _, p := range s.TimerPeriods {
				start, ok1 := minutes(p.StartTime)
				end, ok2 := minutes(p.EndTime)
				if ok1 && ok2 && mins >= start && mins < end {
					return fmt.Sprintf("%s %s–%s", t.Weekday(), p.StartTime, p.EndTime), true
				}
			}
		}
	}
	return "", false
}

func minutes(hhmm string) (int, bool) {
	t, err := time.Parse("15:04", hhmm)
	if err != nil {
		return 0, false
	}
	return t.Hour()*60 + t.Minute(), true
}

// explain turns the API's refusals into what to do.
func explain(id string, err error) string {
	switch client.ErrorCode(err) {
	case "OperationDenied.InScheduledPeriod":
		return fmt.Sprintf("The service says delivery group %s is inside a scheduled time window (%s). Run the action after the window ends.", id, err)
	case "OperationDenied.NotScheduledScaling":
		return fmt.Sprintf("The service only logs off sessions of PostPaid groups with NODE_SCALING_BY_SCHEDULE (%s).", err)
	}
	return err.Error()
}
