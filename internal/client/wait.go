package client

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"
)

// waitConfig controls waitFor.
type waitConfig struct {
	target   []string
	pending  []string
	timeout  time.Duration
	interval time.Duration // first poll delay
	maxDelay time.Duration // cap of the growing delay
	// fail lists states that end the wait with an error at once.
	fail []string
}

// UnexpectedStateError says a waited-for object reached a state that can no
// longer lead to the target.
type UnexpectedStateError struct {
	State  string
	Target []string
}

func (e *UnexpectedStateError) Error() string {
	return fmt.Sprintf("unexpected status %q while waiting for %v", e.State, e.Target)
}

// waitFor polls refresh until it reports a target state, a failure state or
// a state outside target∪pending, or until timeout/ctx end. The delay starts
// at interval and grows by half each poll up to maxDelay.
func waitFor(ctx context.Context, refresh func() (state string, obj any, err error), wc waitConfig) (any, error) {
	if wc.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, wc.timeout)
		defer cancel()
	}
	delay := wc.interval
	if delay <= 0 {
		delay = time.Second
	}
	last := ""
	for {
		state, obj, err := refresh()
		if err != nil {
			if ctx.Err() != nil {
				return obj, fmt.Errorf("waiting for %v (last status %q): %w", wc.target, last, ctx.Err())
			}
			return obj, err
		}
		last = state
		switch {
		case slices.Contains(wc.target, state):
			return obj, nil
		case slices.Contains(wc.fail, state):
			return obj, &UnexpectedStateError{State: state, Target: wc.target}
		case !slices.Contains(wc.pending, state) && !slices.Contains(wc.pending, "*"):
			return obj, &UnexpectedStateError{State: state, Target: wc.target}
		}
		t := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			t.Stop()
			return obj, fmt.Errorf("timeout waiting for %v (last status %q): %w", wc.target, last, ctx.Err())
		case <-t.C:
		}
		delay += delay / 2
		if wc.maxDelay > 0 && delay > wc.maxDelay {
			delay = wc.maxDelay
		}
	}
}

func (c *Client) pollDelays() (time.Duration, time.Duration) {
	first := c.cfg.PollInterval
	maxD := 10 * time.Second
	if first*10 < maxD {
		maxD = first * 10
	}
	return first, maxD
}

// WaitForGroupStatus polls GetAppInstanceGroup until Status is in target.
// FAILED and MAINTAIN_FAILED, or any status outside target∪pending, end the
// wait at once with an error naming the status.
func (c *Client) WaitForGroupStatus(ctx context.Context, id string, target, pending []string, timeout time.Duration) (*AppInstanceGroup, error) {
	first, maxD := c.pollDelays()
	fail := []string{"FAILED", "MAINTAIN_FAILED"}
	fail = slices.DeleteFunc(fail, func(s string) bool { return slices.Contains(target, s) })
	obj, err := waitFor(ctx, func() (string, any, error) {
		g, err := c.GetAppInstanceGroup(ctx, id)
		if err != nil {
			return "", nil, err
		}
		return g.Status, g, nil
	}, waitConfig{target: target, pending: pending, timeout: timeout, interval: first, maxDelay: maxD, fail: fail})
	g, _ := obj.(*AppInstanceGroup)
	if err != nil {
		return g, fmt.Errorf("delivery group %s: %w", id, err)
	}
	return g, nil
}

// WaitForGroupDeleted polls until GetAppInstanceGroup answers NotFound.
func (c *Client) WaitForGroupDeleted(ctx context.Context, id string, timeout time.Duration) error {
	first, maxD := c.pollDelays()
	const gone = "__deleted__"
	_, err := waitFor(ctx, func() (string, any, error) {
		g, err := c.GetAppInstanceGroup(ctx, id)
		if IsNotFound(err) {
			return gone, nil, nil
		}
		if err != nil {
			return "", nil, err
		}
		return g.Status, g, nil
	}, waitConfig{target: []string{gone}, timeout: timeout, interval: first, maxDelay: maxD, pending: anyState})
	if err != nil {
		var use *UnexpectedStateError
		if errors.As(err, &use) {
			return fmt.Errorf("delivery group %s: still present with status %q", id, use.State)
		}
		return fmt.Errorf("waiting for delivery group %s to be deleted: %w", id, err)
	}
	return nil
}

// anyState marks "every state is pending" for waitFor callers.
var anyState = []string{"*"}
