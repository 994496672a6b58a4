package client

import (
	"context"
	"sync"
	"time"
)

// statusWatcher is the one poller of a Client (its business region) that
// every wait subscribes to: create, image update, delete and node-pool
// changes. Each tick it reads the statuses of all groups being waited on —
// one Get each while that is cheaper, otherwise the region's
// ListAppInstanceGroup pages — and hands every waiter the latest status of
// its group. Polls are single attempts: a throttled, 5xx or dropped poll
// delivers nothing and the next tick tries again, so a transient error
// never ends a wait; only the waiter's own deadline or a terminal status
// does. The tick is constant (watchInterval) so that a transition is seen
// within about half a second; the cost is per region, not per group.
type statusWatcher struct {
	c        *Client
	interval time.Duration

	mu      sync.Mutex
	subs    map[string]map[*watchSub]struct{}
	running bool
	gen     uint64 // poll number, to skip rows read before a subscription
	total   int    // groups in the region at the last listing (0: unknown)
}

type watchSub struct {
	gen uint64
	ch  chan groupStatus // capacity 1, always the latest status
}

// groupStatus is one observation: the group, or gone (NotFound).
type groupStatus struct {
	g    *AppInstanceGroup
	gone bool
}

// maxWatchInterval bounds the tick so that a transition is noticed in ≤ 1 s
// even with 150 ms per call.
const maxWatchInterval = 500 * time.Millisecond

func newStatusWatcher(c *Client) *statusWatcher {
	iv := c.cfg.PollInterval / 2
	if iv <= 0 || iv > maxWatchInterval {
		iv = maxWatchInterval
	}
	return &statusWatcher{c: c, interval: iv, subs: map[string]map[*watchSub]struct{}{}}
}

// subscribe registers interest in id; the returned func unsubscribes. The
// poller starts with the first subscriber and stops with the last.
func (w *statusWatcher) subscribe(ctx context.Context, id string) (*watchSub, func()) {
	w.mu.Lock()
	defer w.mu.Unlock()
	s := &watchSub{gen: w.gen, ch: make(chan groupStatus, 1)}
	if w.subs[id] == nil {
		w.subs[id] = map[*watchSub]struct{}{}
	}
	w.subs[id][s] = struct{}{}
	if !w.running {
		w.running = true
		go w.loop(withoutRetries(context.WithoutCancel(ctx)))
	}
	return s, func() {
		w.mu.Lock()
		defer w.mu.Unlock()
		delete(w.subs[id], s)
		if len(w.subs[id]) == 0 {
			delete(w.subs, id)
		}
	}
}

func (w *statusWatcher) loop(ctx context.Context) {
	for {
		w.mu.Lock()
		if len(w.subs) == 0 {
			w.running = false
			w.mu.Unlock()
			return
		}
		w.gen++
		gen := w.gen
		ids := make([]string, 0, len(w.subs))
		for id := range w.subs {
			ids = append(ids, id)
		}
		total := w.total
		w.mu.Unlock()

		w.poll(ctx, gen, ids, total)
		time.Sleep(w.interval)
	}
}

// poll reads the statuses of ids. Listing costs one call per 100 groups of
// the region; it is used when that is fewer calls than one Get per group.
func (w *statusWatcher) poll(ctx context.Context, gen uint64, ids []string, total int) {
	pages := max(1, (total+viewPageSize-1)/viewPageSize)
	var getIDs []string
	if len(ids) > 1 && pages < len(ids) {
		listed, n, ok := w.listRegion(ctx)
		if ok {
			w.mu.Lock()
			w.total = n
			w.mu.Unlock()
			for _, id := range ids {
				if g, found := listed[id]; found {
					w.deliver(gen, id, groupStatus{g: g})
				} else {
					getIDs = append(getIDs, id) // confirm gone with a Get
				}
			}
		}
	} else {
		getIDs = ids
	}
	var wg sync.WaitGroup
	for _, id := range getIDs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			g, err := w.c.GetAppInstanceGroup(ctx, id)
			switch {
			case IsNotFound(err):
				w.deliver(gen, id, groupStatus{gone: true})
			case err == nil:
				w.deliver(gen, id, groupStatus{g: g})
			}
			// Any other error: nothing delivered, the next tick retries.
		}()
	}
	wg.Wait()
}

func (w *statusWatcher) listRegion(ctx context.Context) (map[string]*AppInstanceGroup, int, bool) {
	reported := 0
	all, err := listAll[AppInstanceGroup](ctx, viewPageSize, "", func(ctx context.Context, n int, _ string) (*ListAppInstanceGroupsOutput, error) {
		res, err := w.c.ListAppInstanceGroups(ctx, ListAppInstanceGroupsInput{BizRegionID: w.c.cfg.RegionID, PageNumber: n, PageSize: viewPageSize})
		if err == nil {
			reported = res.TotalCount
		}
		return res, err
	})
	if err != nil {
		return nil, 0, false
	}
	out := make(map[string]*AppInstanceGroup, len(all))
	for i := range all {
		out[all[i].AppInstanceGroupID] = &all[i]
	}
	return out, max(reported, len(out)), true
}

// deliver replaces the pending status of every subscriber of id that
// subscribed before this poll began.
func (w *statusWatcher) deliver(gen uint64, id string, st groupStatus) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for s := range w.subs[id] {
		if s.gen >= gen {
			continue
		}
		select {
		case <-s.ch:
		default:
		}
		s.ch <- st
	}
}
