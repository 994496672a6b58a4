package client

import (
	"context"
	"errors"
	"fmt"
	"time"

	appstream "github.com/alibabacloud-go/appstream-center-20210901/client"
	"github.com/alibabacloud-go/tea/tea"
)

// ---------- GetConnectionTicket ----------

// GetConnectionTicketInput mirrors api-notes §2.22.
type GetConnectionTicketInput struct {
	AccessType              string   `wire:"body,AccessType"`
	AppID                   string   `wire:"body,AppId"`
	AppInstanceGroupIDList  []string `wire:"body,AppInstanceGroupIdList"`
	AppInstanceID           string   `wire:"body,AppInstanceId"`
	AppInstancePersistentID string   `wire:"body,AppInstancePersistentId"`
	AppPolicyID             string   `wire:"body,AppPolicyId"`
	AppStartParam           string   `wire:"body,AppStartParam"`
	AppVersion              string   `wire:"body,AppVersion"`
	BizRegionID             string   `wire:"body,BizRegionId"`
	EndUserID               string   `wire:"body,EndUserId,always"`
	EnvironmentConfig       string   `wire:"body,EnvironmentConfig"`
	ProductType             string   `wire:"body,ProductType,always"` // default CloudApp
	TaskID                  string   `wire:"body,TaskId"`
}

// GetConnectionTicketOutput is the task state (Ticket once Finished).
type GetConnectionTicketOutput struct {
	AppInstanceGroupID      string `json:"AppInstanceGroupId"`
	AppInstanceID           string `json:"AppInstanceId"`
	AppInstancePersistentID string `json:"AppInstancePersistentId"`
	AvatarID                string `json:"AvatarId"`
	BizRegionID             string `json:"BizRegionId"`
	OsType                  string `json:"OsType"`
	TaskID                  string `json:"TaskId"`
	TaskStatus              string `json:"TaskStatus"`
	TenantID                int64  `json:"TenantId"`
	Ticket                  string `json:"Ticket"`
}

// GetConnectionTicket starts or polls a session task. CallApi: SDK1 lacks
// AccessType/AppPolicyId/EnvironmentConfig and AvatarId in the answer.
func (c *Client) GetConnectionTicket(ctx context.Context, in GetConnectionTicketInput) (*GetConnectionTicketOutput, error) {
	in.ProductType = defaultString(in.ProductType, ProductType)
	s := c.encodedRPC("GetConnectionTicket", in)
	// The first phase allocates a session; do not start a second one blindly.
	s.nonIdempotent = in.TaskID == ""
	return call[GetConnectionTicketOutput](ctx, c, s)
}

// ---------- LogOffAllSessionsInAppInstanceGroup ----------

// LogOffAllSessionsInAppInstanceGroup logs off every session (typed SDK1).
func (c *Client) LogOffAllSessionsInAppInstanceGroup(ctx context.Context, groupID string) error {
	defer c.view.forget(groupID)
	req := &appstream.LogOffAllSessionsInAppInstanceGroupRequest{AppInstanceGroupId: tea.String(groupID), ProductType: tea.String(ProductType)}
	s := typed("LogOffAllSessionsInAppInstanceGroup", req, c.sdk.LogOffAllSessionsInAppInstanceGroup)
	s.check = checkCode
	_, err := call[noAnswer](ctx, c, s)
	return err
}

// ---------- ListAppInstances ----------

// ListAppInstancesInput mirrors api-notes §2.25.
type ListAppInstancesInput struct {
	AppInstanceGroupID string   `wire:"query,AppInstanceGroupId,always"`
	AppInstanceID      string   `wire:"query,AppInstanceId"`
	AppInstanceIDList  []string `wire:"body,AppInstanceIdList"`
	IncludeDeleted     *bool    `wire:"query,IncludeDeleted"`
	PageNumber         int      `wire:"query,PageNumber"`
	PageSize           int      `wire:"query,PageSize"`
	Status             []string `wire:"body,Status"`
	UserIDList         []string `wire:"query,UserIdList"`
}

// ListAppInstancesOutput is one page.
type ListAppInstancesOutput struct {
	Instances  []AppInstance `json:"AppInstanceModels"`
	PageNumber int           `json:"PageNumber"`
	PageSize   int           `json:"PageSize"`
	TotalCount int           `json:"TotalCount"`
}

// ListAppInstances lists session instances. CallApi: SDK1 lacks UserIdList
// and the ChargeType/NodeId/NetworkInterface* answer fields.
func (c *Client) ListAppInstances(ctx context.Context, in ListAppInstancesInput) (*ListAppInstancesOutput, error) {
	return call[ListAppInstancesOutput](ctx, c, c.encodedRPC("ListAppInstances", in))
}

// ErrTicketFailed says a connection task ended Failed (for instance, the
// user is not authorized to the group that was chosen).
var ErrTicketFailed = errors.New("connection task failed")

// ConnectionTicket starts a GetConnectionTicket task (in.TaskID empty) and
// polls it until Finished, Failed or timeout. The start is sent once (it
// allocates a session); polls are safe to repeat.
func (c *Client) ConnectionTicket(ctx context.Context, in GetConnectionTicketInput, timeout time.Duration) (*GetConnectionTicketOutput, error) {
	in.TaskID = ""
	started, err := c.GetConnectionTicket(ctx, in)
	if err != nil {
		return nil, err
	}
	if started.TaskID == "" {
		return nil, fmt.Errorf("GetConnectionTicket: no TaskId in the answer")
	}
	poll := GetConnectionTicketInput{EndUserID: in.EndUserID, ProductType: in.ProductType, TaskID: started.TaskID}
	first, maxD := c.pollDelays()
	out, err := waitFor(ctx, func() (TaskStatus, *GetConnectionTicketOutput, error) {
		out, err := c.GetConnectionTicket(ctx, poll)
		if err != nil {
			return "", nil, err
		}
		return TaskStatus(out.TaskStatus), out, nil
	}, waitConfig[TaskStatus]{target: []TaskStatus{TaskFinished}, pending: []TaskStatus{TaskRunning}, fail: []TaskStatus{TaskFailed},
		timeout: timeout, interval: first, maxDelay: maxD})
	var use *UnexpectedStateError
	if errors.As(err, &use) && use.State == string(TaskFailed) {
		return out, fmt.Errorf("%w: task %s in delivery group %s", ErrTicketFailed, started.TaskID, started.AppInstanceGroupID)
	}
	if err != nil {
		return out, fmt.Errorf("connection task %s: %w", started.TaskID, err)
	}
	return out, nil
}
