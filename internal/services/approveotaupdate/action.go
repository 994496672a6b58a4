// Package approveotaupdate implements the appstreaming_approve_ota_update
// action (ListOtaTask, ApproveOtaTask).
package approveotaupdate

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
)

// NewAction is the constructor the provider registers.
func NewAction() action.Action {
	return &approveAction{ActionBase: common.ActionBase{TypeSuffix: "_approve_ota_update"}}
}

type approveAction struct {
	common.ActionBase
}

var (
	_ action.ActionWithConfigure      = (*approveAction)(nil)
	_ action.ActionWithValidateConfig = (*approveAction)(nil)
)

// maxAhead is how far ahead an update may be scheduled (the console's rule).
const maxAhead = 7 * 24 * time.Hour

// otaType is the OTA kind ListOtaTask lists and OtaInfo describes.
const otaType = "Fota"

// ValidateConfig checks start_time when it is known, with no API call.
func (a *approveAction) ValidateConfig(ctx context.Context, req action.ValidateConfigRequest, resp *action.ValidateConfigResponse) {
	var m model
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	checkStart(m.StartTime, time.Now(), &resp.Diagnostics)
}

// checkStart parses start_time and checks it is ahead of now by at most 7 days.
func checkStart(v types.String, now time.Time, diags *diag.Diagnostics) (time.Time, bool) {
	if v.IsNull() || v.IsUnknown() {
		return time.Time{}, true
	}
	t, err := time.Parse(time.RFC3339, v.ValueString())
	if err != nil {
		diags.AddAttributeError(path.Root("start_time"), "Invalid Start Time",
			fmt.Sprintf("start_time must be an RFC 3339 time such as 2026-08-04T22:00:00+08:00: %s", err))
		return t, false
	}
	switch {
	case !t.After(now):
		diags.AddAttributeError(path.Root("start_time"), "Start Time in the Past",
			fmt.Sprintf("start_time %s is not in the future (now %s). Choose a time within the next 7 days; timestamp() plus timeadd() "+
				"gives one relative to the run.", v.ValueString(), now.UTC().Format(time.RFC3339)))
		return t, false
	case t.After(now.Add(maxAhead)):
		diags.AddAttributeError(path.Root("start_time"), "Start Time Too Far Ahead",
			fmt.Sprintf("start_time %s is more than 7 days ahead (latest %s).", v.ValueString(), now.Add(maxAhead).UTC().Format(time.RFC3339)))
		return t, false
	}
	return t, true
}

func (a *approveAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var m model
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || !common.RequireClient(a.Client, &resp.Diagnostics) {
		return
	}
	start, ok := checkStart(m.StartTime, time.Now(), &resp.Diagnostics)
	if !ok {
		return
	}
	id := m.DeliveryGroupID.ValueString()
	common.Progress(resp, "Reading the OTA state of %s", id)
	// Re-read right before approving: the task ID changes after every approval.
	g, err := a.Client.GetAppInstanceGroup(ctx, id)
	if err != nil {
		common.APIError(&resp.Diagnostics, "Cannot read the delivery group", err, "")
		return
	}
	ota := g.OtaInfo
	if ota == nil || ota.NewOtaVersion == "" || ota.TaskID == "" {
		current := ""
		if ota != nil {
			current = ota.OtaVersion
		}
		resp.Diagnostics.AddError("Nothing to approve",
			fmt.Sprintf("Delivery group %s has no OTA update waiting (installed version %q). Nothing was changed.", id, current))
		return
	}
	task, err := findTask(ctx, a.Client, id, ota.TaskID)
	if err != nil {
		common.APIError(&resp.Diagnostics, "Cannot list the OTA tasks", err, "")
		return
	}
	if task != nil {
		switch task.TaskDisplayStatus {
		case "RUNNING":
			resp.Diagnostics.AddError("OTA update already running",
				fmt.Sprintf("The update of %s to %s is running (task %s) and cannot be approved again.", id, ota.NewOtaVersion, task.TaskID))
			return
		case "STANDBY":
			if at, err := time.Parse(time.RFC3339, task.TaskStartTime); err == nil && at.Equal(start) {
				common.Progress(resp, "The update of %s to %s is already scheduled for %s; nothing to do", id, ota.NewOtaVersion, task.TaskStartTime)
				return
			}
		}
	}
	common.Progress(resp, "Approving the update of %s from %s to %s (task %s), start %s", id, ota.OtaVersion, ota.NewOtaVersion,
		ota.TaskID, start.Format(time.RFC3339))
	err = a.Client.ApproveOtaTask(ctx, client.ApproveOtaTaskInput{AppInstanceGroupID: id, BizRegionID: g.RegionID, OtaType: otaType,
		StartTime: start.Format(time.RFC3339), TaskID: ota.TaskID})
	if err != nil {
		detail := err.Error()
		if client.ErrorCode(err) == "OtaTask.Running" {
			detail += "\n\nThe update is already running; it cannot be rescheduled now."
		}
		resp.Diagnostics.AddError("Cannot approve the OTA update", detail)
		return
	}
	common.Progress(resp, "Approved: %s updates to %s at %s", id, ota.NewOtaVersion, start.Format(time.RFC3339))
}

// findTask returns the ListOtaTask row of taskID, nil if it is not listed.
func findTask(ctx context.Context, c *client.Client, groupID, taskID string) (*client.OtaTask, error) {
	for page := 1; page <= 10; page++ {
		out, err := c.ListOtaTasks(ctx, groupID, otaType, page, 100)
		if err != nil {
			return nil, err
		}
		for i := range out.Tasks {
			if out.Tasks[i].TaskID == taskID {
				return &out.Tasks[i], nil
			}
		}
		if len(out.Tasks) < 100 {
			break
		}
	}
	return nil, nil
}
