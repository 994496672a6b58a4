package client

import (
	"context"

	appstream "github.com/alibabacloud-go/appstream-center-20210901/client"
	"github.com/alibabacloud-go/tea/tea"
)

// ---------- ListOtaTask / ApproveOtaTask ----------

// ListOtaTasksOutput is one page of OTA tasks.
type ListOtaTasksOutput struct {
	Tasks      []OtaTask `json:"TaskList"`
	PageNumber int       `json:"PageNumber"`
	PageSize   int       `json:"PageSize"`
	TotalCount int       `json:"TotalCount"`
}

// ListOtaTasks lists OTA tasks of a group (typed SDK1). otaType defaults to Fota.
func (c *Client) ListOtaTasks(ctx context.Context, groupID, otaType string, pageNumber, pageSize int) (*ListOtaTasksOutput, error) {
	firstPage(&pageNumber, &pageSize)
	req := &appstream.ListOtaTaskRequest{AppInstanceGroupId: tea.String(groupID), OtaType: tea.String(defaultString(otaType, "Fota")),
		PageNumber: tea.Int32(int32(pageNumber)), PageSize: tea.Int32(int32(pageSize))}
	return call[ListOtaTasksOutput](ctx, c, typed("ListOtaTask", req, c.sdk.ListOtaTask))
}

// ApproveOtaTaskInput mirrors api-notes §2.24.
type ApproveOtaTaskInput struct {
	AppInstanceGroupID string
	BizRegionID        string
	OtaType            string // default Fota
	StartTime          string // ISO-8601
	TaskID             string
}

// ApproveOtaTask approves an OTA task (typed SDK1). A 200 answer whose Code
// is not "success" (e.g. OtaTask.Running) becomes an *APIError.
func (c *Client) ApproveOtaTask(ctx context.Context, in ApproveOtaTaskInput) error {
	defer c.view.forget(in.AppInstanceGroupID)
	req := &appstream.ApproveOtaTaskRequest{AppInstanceGroupId: tea.String(in.AppInstanceGroupID), BizRegionId: strPtr(in.BizRegionID),
		OtaType: tea.String(defaultString(in.OtaType, "Fota")), StartTime: strPtr(in.StartTime), TaskId: tea.String(in.TaskID)}
	s := typed("ApproveOtaTask", req, c.sdk.ApproveOtaTask)
	s.check = checkCode
	_, err := call[noAnswer](ctx, c, s)
	return err
}
