package images

import (
	"strings"
	"testing"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
)

func ids(ims []client.Image) string {
	var s []string
	for _, im := range ims {
		s = append(s, im.ImageID)
	}
	return strings.Join(s, ",")
}

// Same-day timestamps in different offsets: as text "…T12:00…+08:00" sorts
// after "…T09:40…+00:00", but it is 04:00 UTC, so it is older.
func TestSortNewestFirstSameDay(t *testing.T) {
	ims := []client.Image{
		{ImageID: "img-a", GmtCreate: "2026-03-10T01:15:00.000+00:00"},
		{ImageID: "img-b", GmtCreate: "2026-03-10T12:00:00.000+08:00"}, // 04:00 UTC
		{ImageID: "img-c", GmtCreate: "2026-03-10T09:40:00.000+00:00"},
		{ImageID: "img-d", GmtCreate: "not a time"},
		{ImageID: "img-e", GmtCreate: "2026-03-10T09:40:00Z"}, // ties with c: ID breaks it
		{ImageID: "img-f", GmtCreate: "2026-03-09T23:59:59.999+00:00"},
	}
	sortNewestFirst(ims)
	if got, want := ids(ims), "img-c,img-e,img-b,img-a,img-f,img-d"; got != want {
		t.Errorf("order = %s, want %s", got, want)
	}
}

func TestSelectImages(t *testing.T) {
	all := []client.Image{
		{ImageID: "img-1", ImageName: "custom-office-v1", ImageType: "User", OsType: "Windows", Status: "AVAILABLE", GmtCreate: "2026-03-10T01:15:00.000+00:00"},
		{ImageID: "img-2", ImageName: "custom-office-v2", ImageType: "User", OsType: "Windows", Status: "AVAILABLE", GmtCreate: "2026-03-10T09:40:00.000+00:00"},
		{ImageID: "img-3", ImageName: "System Ubuntu", ImageType: "System", OsType: "Linux", Status: "AVAILABLE", GmtCreate: "2025-10-20T08:00:00.000+00:00"},
		{ImageID: "img-4", ImageName: "custom-linux", ImageType: "User", OsType: "Linux", Status: "CREATING", GmtCreate: "2026-04-02T06:00:00.000+00:00"},
		{ImageID: "img-2", ImageName: "custom-office-v2", ImageType: "User", OsType: "Windows", Status: "AVAILABLE", GmtCreate: "2026-03-10T09:40:00.000+00:00"},
	}
	cases := []struct {
		name string
		q    query
		want string
	}{
		{"all newest first, duplicates dropped", query{}, "img-4,img-2,img-1,img-3"},
		{"regex", query{NameRegex: `^custom-office-v\d$`}, "img-2,img-1"},
		{"regex most recent", query{NameRegex: `office`, MostRecent: true}, "img-2"},
		{"custom maps to User", query{ImageType: "Custom", OsType: "Windows"}, "img-2,img-1"},
		{"system", query{ImageType: "System"}, "img-3"},
		{"status", query{Status: "CREATING"}, "img-4"},
		{"several ids", query{IDs: []string{"img-3", "img-1"}}, "img-1,img-3"},
		{"nothing", query{NameRegex: "^nope$"}, ""},
		{"nothing most recent", query{NameRegex: "^nope$", MostRecent: true}, ""},
	}
	for _, c := range cases {
		got, err := selectImages(all, c.q)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if ids(got) != c.want {
			t.Errorf("%s: got %s, want %s", c.name, ids(got), c.want)
		}
	}
	if _, err := selectImages(all, query{NameRegex: "("}); err == nil {
		t.Error("a bad regex must fail")
	}
}

func TestInputMapping(t *testing.T) {
	in := query{IDs: []string{"img-1"}, ImageType: "Custom", RegionID: "cn-shanghai"}.input()
	if in.ImageID != "img-1" || in.ImageType != "User" || len(in.BizRegionIDList) != 1 || in.BizRegionIDList[0] != "cn-shanghai" {
		t.Errorf("input = %+v", in)
	}
	if in := (query{IDs: []string{"a", "b"}}).input(); in.ImageID != "" {
		t.Errorf("several ids must not be sent as ImageId: %+v", in)
	}
	m := flattenImage(client.Image{ImageID: "img-1", ImageType: "User", GmtCreate: "2026-03-10T17:40:00.000+08:00",
		AppList: []client.ImageApp{{AppID: "ca-1", AppName: "WPS"}}, TagList: []client.Tag{{Key: "k", Value: "v"}}}, "cn-shanghai")
	if m.Type.ValueString() != "Custom" || m.CreatedAt.ValueString() != "2026-03-10T09:40:00Z" || m.RegionID.ValueString() != "cn-shanghai" ||
		len(m.Apps) != 1 || m.Tags["k"] != "v" || m.RegionIDs == nil {
		t.Errorf("flatten = %+v", m)
	}
}
