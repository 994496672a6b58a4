package deliverygroups

import (
	"context"
	"fmt"
	"testing"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/groupview"
)

// fakeLister serves n groups (aig-000 …) like the API: paged, with
// TotalCount, filtered by AppInstanceGroupId; it counts the calls.
type fakeLister struct {
	n     int
	calls int
	sizes []int
}

func (f *fakeLister) ListAppInstanceGroups(_ context.Context, in client.ListAppInstanceGroupsInput) (*client.ListAppInstanceGroupsOutput, error) {
	f.calls++
	f.sizes = append(f.sizes, in.PageSize)
	var all []client.AppInstanceGroup
	for i := 0; i < f.n; i++ {
		id := fmt.Sprintf("aig-%03d", i)
		if in.AppInstanceGroupID == "" || in.AppInstanceGroupID == id {
			all = append(all, client.AppInstanceGroup{AppInstanceGroupID: id})
		}
	}
	lo := (in.PageNumber - 1) * in.PageSize
	hi := min(lo+in.PageSize, len(all))
	lo = min(lo, hi)
	return &client.ListAppInstanceGroupsOutput{Groups: all[lo:hi], TotalCount: len(all), PageNumber: in.PageNumber, PageSize: in.PageSize}, nil
}

func TestCollectCalls(t *testing.T) {
	cases := []struct {
		name      string
		n         int
		ids       []string
		wantCalls int
		wantLen   int
	}{
		{"250 groups: 3 pages", 250, nil, 3, 250},
		{"exactly 200: 2 pages", 200, nil, 2, 200},
		{"none: 1 call, empty", 0, nil, 1, 0},
		{"one id: 1 call", 250, []string{"aig-249"}, 1, 1},
		{"unknown id: 1 call, empty", 250, []string{"aig-999"}, 1, 0},
		{"ids on the first page: 1 call", 250, []string{"aig-001", "aig-050"}, 1, 2},
		{"2 ids beyond page 1, 2 pages left: page on", 250, []string{"aig-150", "aig-249"}, 3, 2},
		{"1 id beyond page 1 of 1000 groups: ask for it", 1000, []string{"aig-001", "aig-999"}, 2, 2},
		{"3 ids beyond page 1 of 1000: 1 + 3 calls", 1000, []string{"aig-500", "aig-700", "aig-999"}, 4, 3},
	}
	for _, c := range cases {
		f := &fakeLister{n: c.n}
		got, err := collect(context.Background(), f, query{IDs: c.ids})
		if err != nil {
			t.Fatal(err)
		}
		if f.calls != c.wantCalls || len(got) != c.wantLen {
			t.Errorf("%s: %d calls, %d groups; want %d calls, %d groups", c.name, f.calls, len(got), c.wantCalls, c.wantLen)
		}
		for _, s := range f.sizes {
			if s != pageSize {
				t.Errorf("%s: page size %d, want %d", c.name, s, pageSize)
			}
		}
		for i := 1; i < len(got); i++ {
			if got[i-1].AppInstanceGroupID >= got[i].AppInstanceGroupID {
				t.Errorf("%s: not sorted by ID", c.name)
			}
		}
	}
}

func TestKeepTags(t *testing.T) {
	g := client.AppInstanceGroup{AppInstanceGroupID: "aig-1", Tags: []client.Tag{{Key: "env", Value: "prod", Scope: "Custom"},
		{Key: "System/Scheduler/GRAYSCALE", Value: "false", Scope: "System"}}}
	if !(query{Tags: map[string]string{"env": "prod"}}).keep(g) {
		t.Error("matching tag dropped")
	}
	if (query{Tags: map[string]string{"env": "prod", "team": "x"}}).keep(g) {
		t.Error("tags must all match (AND)")
	}
	if (query{Tags: map[string]string{"env": "dev"}}).keep(g) {
		t.Error("wrong value kept")
	}
	m := groupview.Flatten(g)
	if m.Tags["env"] != "prod" || m.SystemTags["System/Scheduler/GRAYSCALE"] != "false" || len(m.Tags) != 1 {
		t.Errorf("tags split wrong: %v %v", m.Tags, m.SystemTags)
	}
	if m.NodePool != nil || m.Ota != nil {
		t.Error("absent node pool / OTA must be null")
	}
}
