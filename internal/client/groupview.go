package client

import (
	"context"
	"sync"
)

// groupView answers reads of delivery groups from ListAppInstanceGroup
// pages (PageSize 100, the client's business region) shared by every
// resource of one provider process. A provider process lives for one
// Terraform command, so the view is never reused across commands and
// out-of-band changes made between two commands are always seen.
//
// Get or paging: the first read of a command fetches page 1, which costs
// the same one call a Get would and tells TotalCount. A group on a loaded
// page is answered from it. For a group not on a loaded page the view
// compares what is left to fetch (the pages not yet requested) with the
// demand seen so far (distinct groups looked up and not found on loaded
// pages, plus name look-ups of creates): while the demand is smaller it
// answers with one Get per group, once it reaches the number of missing
// pages it fetches them all. An account with 5,000 groups of which one is
// managed thus costs 2 calls (page 1 + one Get); 200 managed groups among
// 200 cost 2 pages; in between the cost stays within twice the cheaper
// of "one Get each" and "every page" (the ski-rental bound).
//
// Concurrent readers share one request per page (single flight). A write
// through this client marks its group stale: later reads of it use Get, so
// a reader never sees a row listed before its own change. A group missing
// from a complete listing is confirmed with Get (NotFound, another region,
// or created after the listing).
//
// Fields only Get returns (AppCenterImageName, AppInstanceTypeName,
// SessionType) are empty in rows answered from a page: callers that need
// them call GetAppInstanceGroup, or keep the value they already hold (the
// delivery group resource keeps runtime_policy.session_type from state).
type groupView struct {
	c *Client

	mu        sync.Mutex
	pages     map[int]*pageLoad
	pageCount int // pages the listing has, known once page 1 is loaded
	// totalUnknown: page 1 came without TotalCount; a full page means
	// there may be another.
	totalUnknown bool
	rows         map[string]AppInstanceGroup
	stale        map[string]bool // groups written through this client
	stalePools   map[string]bool // node pools written through this client
	demand       map[string]bool // look-ups not answered by loaded pages
}

type pageLoad struct {
	done chan struct{}
	err  error
}

func (p *pageLoad) finished() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// failed says the page could not be listed; readers fall back to Get.
func (p *pageLoad) failed() bool { return p.err != nil }

// viewPageSize is the largest page ListAppInstanceGroup serves.
const viewPageSize = 100

func newGroupView(c *Client) *groupView {
	return &groupView{c: c, pages: map[int]*pageLoad{}, rows: map[string]AppInstanceGroup{},
		stale: map[string]bool{}, stalePools: map[string]bool{}, demand: map[string]bool{}}
}

// forget marks groups as written: their listed rows are no longer used.
func (v *groupView) forget(ids ...string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	for _, id := range ids {
		if id != "" {
			v.stale[id] = true
		}
	}
}

// forgetPool marks the group owning a node pool as written.
func (v *groupView) forgetPool(poolID string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if poolID != "" {
		v.stalePools[poolID] = true
	}
}

func (v *groupView) usableLocked(id string) (AppInstanceGroup, bool) {
	if v.stale[id] {
		return AppInstanceGroup{}, false
	}
	g, ok := v.rows[id]
	if !ok {
		return g, false
	}
	for _, p := range g.NodePool {
		if v.stalePools[p.NodePoolID] {
			return g, false
		}
	}
	return g, true
}

// startLocked begins loading page n once; concurrent callers share it.
func (v *groupView) startLocked(ctx context.Context, n int) *pageLoad {
	if p := v.pages[n]; p != nil {
		return p
	}
	p := &pageLoad{done: make(chan struct{})}
	v.pages[n] = p
	// Not tied to the first reader's cancellation: others wait on it too.
	lctx := context.WithoutCancel(ctx)
	go func() {
		out, err := v.c.ListAppInstanceGroups(lctx, ListAppInstanceGroupsInput{BizRegionID: v.c.cfg.RegionID, PageNumber: n, PageSize: viewPageSize})
		v.mu.Lock()
		if err != nil {
			p.err = err
			delete(v.pages, n) // a later reader may try again
		} else {
			for _, g := range out.Groups {
				v.rows[g.AppInstanceGroupID] = g
			}
			if n == 1 {
				v.pageCount = (out.TotalCount + viewPageSize - 1) / viewPageSize
				v.totalUnknown = out.TotalCount == 0 && len(out.Groups) > 0
			}
			if v.totalUnknown && len(out.Groups) == viewPageSize && v.pageCount <= n {
				v.pageCount = n + 1 // no usable TotalCount: there may be more
			}
		}
		v.mu.Unlock()
		close(p.done)
	}()
	return p
}

// awaitPages waits for every page in flight, or ctx's end.
func awaitPages(ctx context.Context, ps []*pageLoad) error {
	for _, p := range ps {
		select {
		case <-p.done:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

// settle makes sure page 1 is loaded and, when the demand (with key added)
// justifies it, every other page too. It reports whether the listing is
// complete; false with a nil error means "answer this one with a Get".
func (v *groupView) settle(ctx context.Context, key string) (complete bool, err error) {
	counted := false
	for {
		v.mu.Lock()
		p1 := v.pages[1]
		if p1 == nil {
			p1 = v.startLocked(ctx, 1)
		}
		if !p1.finished() {
			v.mu.Unlock()
			if err := awaitPages(ctx, []*pageLoad{p1}); err != nil {
				return false, err
			}
			if p1.failed() {
				return false, nil // answered with a Get instead
			}
			continue
		}
		if !counted {
			v.demand[key], counted = true, true
		}
		var missing []int
		var inflight []*pageLoad
		for n := 2; n <= v.pageCount; n++ {
			p := v.pages[n]
			switch {
			case p == nil:
				missing = append(missing, n)
			case !p.finished():
				inflight = append(inflight, p)
			}
		}
		if len(missing) > 0 && len(v.demand) >= len(missing) {
			for _, n := range missing {
				inflight = append(inflight, v.startLocked(ctx, n))
			}
			missing = nil
		}
		v.mu.Unlock()
		if len(inflight) > 0 {
			if err := awaitPages(ctx, inflight); err != nil {
				return false, err
			}
			for _, p := range inflight {
				if p.failed() {
					return false, nil // answered with a Get instead
				}
			}
			continue
		}
		return len(missing) == 0, nil
	}
}

// ReadAppInstanceGroup reads one group through the shared view (see
// groupView). Rows answered from a page lack the Get-only fields.
func (c *Client) ReadAppInstanceGroup(ctx context.Context, id string) (*AppInstanceGroup, error) {
	v := c.view
	v.mu.Lock()
	g, ok := v.usableLocked(id)
	stale := v.stale[id]
	v.mu.Unlock()
	if ok {
		return &g, nil
	}
	if !stale {
		if _, err := v.settle(ctx, "id:"+id); err != nil {
			return nil, err
		}
		v.mu.Lock()
		g, ok = v.usableLocked(id)
		v.mu.Unlock()
		if ok {
			return &g, nil
		}
	}
	return c.GetAppInstanceGroup(ctx, id)
}

// groupIDsByName returns the IDs of groups named exactly name. The
// look-up before a create goes through the view, so that an apply of many
// groups lists once instead of once per group; with a large account and
// few creates it lists by name as before.
func (c *Client) groupIDsByName(ctx context.Context, name string) (map[string]bool, error) {
	complete, err := c.view.settle(ctx, "name:"+name)
	if err != nil {
		return nil, err
	}
	if !complete {
		gs, err := c.listGroupsByName(ctx, name)
		if err != nil {
			return nil, err
		}
		m := map[string]bool{}
		for _, g := range gs {
			m[g.AppInstanceGroupID] = true
		}
		return m, nil
	}
	v := c.view
	v.mu.Lock()
	defer v.mu.Unlock()
	m := map[string]bool{}
	for id, g := range v.rows {
		// A group written through this client may have been renamed to
		// name; counting it as "existed before" is always safe.
		if g.AppInstanceGroupName == name || v.stale[id] {
			m[id] = true
		}
	}
	return m, nil
}
