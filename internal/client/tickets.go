package client

import (
	"context"
	"errors"
	"fmt"
	"time"
)

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
	obj, err := waitFor(ctx, func() (string, any, error) {
		out, err := c.GetConnectionTicket(ctx, poll)
		if err != nil {
			return "", nil, err
		}
		return out.TaskStatus, out, nil
	}, waitConfig{target: []string{"Finished"}, pending: []string{"Running"}, fail: []string{"Failed"}, timeout: timeout,
		interval: first, maxDelay: maxD})
	out, _ := obj.(*GetConnectionTicketOutput)
	var use *UnexpectedStateError
	if errors.As(err, &use) && use.State == "Failed" {
		return out, fmt.Errorf("%w: task %s in delivery group %s", ErrTicketFailed, started.TaskID, started.AppInstanceGroupID)
	}
	if err != nil {
		return out, fmt.Errorf("connection task %s: %w", started.TaskID, err)
	}
	return out, nil
}
