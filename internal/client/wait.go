package client

import (
	"context"
	"fmt"
	"slices"
	"time"
)

// waitConfig controls waitFor.
type waitConfig[S ~string] struct {
	target   []S
	pending  []S
	timeout  time.Duration
	interval time.Duration // first poll delay
	maxDelay time.Duration // cap of the growing delay
	// fail lists states that end the wait with an error at once.
	fail []S
}

// UnexpectedStateError says a waited-for object reached a state that can no
// longer lead to the target.
type UnexpectedStateError struct {
	State  string
	Target []string
}

func unexpectedState[S ~string](state S, target []S) *UnexpectedStateError {
	e := &UnexpectedStateError{State: string(state)}
	for _, t := range target {
		e.Target = append(e.Target, string(t))
	}
	return e
}

func (e *UnexpectedStateError) Error() string {
	return fmt.Sprintf("unexpected status %q while waiting for %v", e.State, e.Target)
}

// waitFor is the generic poll loop (connection tickets); delivery groups
// are waited on through the status watcher instead.
// It polls refresh until it reports a target state, a failure state or
// a state outside target∪pending, or until timeout/ctx end. The delay starts
// at interval and grows by half each poll up to maxDelay.
func waitFor[S ~string, T any](ctx context.Context, refresh func() (state S, obj T, err error), wc waitConfig[S]) (T, error) {
	if wc.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, wc.timeout)
		defer cancel()
	}
	delay := wc.interval
	if delay <= 0 {
		delay = time.Second
	}
	var last S
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
		case slices.Contains(wc.fail, state), !slices.Contains(wc.pending, state):
			return obj, unexpectedState(state, wc.target)
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

// WaitForGroupStatus waits, through the client's one status watcher, until
// the group's Status is in target. FAILED and MAINTAIN_FAILED, or any
// status outside target∪pending, end the wait at once with an error naming
// the status; a NotFound answer ends it with that error. Throttled, 5xx or
// dropped polls never end it: only timeout (or ctx) does.
func (c *Client) WaitForGroupStatus(ctx context.Context, id string, target, pending []GroupStatus, timeout time.Duration) (*AppInstanceGroup, error) {
	fail := slices.DeleteFunc(slices.Clone(groupFailureStatuses), func(s GroupStatus) bool { return slices.Contains(target, s) })
	var last *AppInstanceGroup
	err := c.watch(ctx, id, timeout, func(st groupStatus) (bool, error) {
		if st.gone {
			return true, &APIError{Action: "GetAppInstanceGroup", Code: "InvalidAppInstanceGroup.NotFound",
				Message: "delivery group " + id + " does not exist", HTTPStatus: 404, Kind: KindNotFound}
		}
		last = st.g
		switch state := GroupStatus(st.g.Status); {
		case slices.Contains(target, state):
			return true, nil
		case slices.Contains(fail, state), !slices.Contains(pending, state):
			return true, unexpectedState(state, target)
		}
		return false, nil
	}, func() string { return lastStatus(last) }, fmt.Sprint(target))
	if err != nil {
		if IsNotFound(err) {
			return last, err
		}
		return last, fmt.Errorf("delivery group %s: %w", id, err)
	}
	return last, nil
}

// WaitForGroupDeleted waits until the group is gone (NotFound).
func (c *Client) WaitForGroupDeleted(ctx context.Context, id string, timeout time.Duration) error {
	var last *AppInstanceGroup
	err := c.watch(ctx, id, timeout, func(st groupStatus) (bool, error) {
		if st.gone {
			return true, nil
		}
		last = st.g
		return false, nil
	}, func() string { return lastStatus(last) }, "[deleted]")
	if err != nil {
		return fmt.Errorf("waiting for delivery group %s to be deleted: %w", id, err)
	}
	return nil
}

func lastStatus(g *AppInstanceGroup) string {
	if g == nil {
		return ""
	}
	return g.Status
}

// watch subscribes to id and feeds every observed status to done until it
// reports true, or until timeout/ctx end (exactly then: polls in flight do
// not hold the wait past its deadline).
func (c *Client) watch(ctx context.Context, id string, timeout time.Duration, done func(groupStatus) (bool, error), last func() string, target string) error {
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	sub, unsubscribe := c.watcher.subscribe(ctx, id)
	defer unsubscribe()
	for {
		select {
		case <-ctx.Done():
			return fmt.Errorf("timeout waiting for %s (last status %q): %w", target, last(), ctx.Err())
		case st := <-sub.ch:
			if ok, err := done(st); ok {
				return err
			}
		}
	}
}
