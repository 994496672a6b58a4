package emulator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The sample in examples/emulator is the one the docs show: it must load.
func TestCatalogFileSampleLoads(t *testing.T) {
	cat, ug, err := LoadCatalogFile(filepath.Join("..", "..", "examples", "emulator", "catalog.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cat.Regions) != 2 || len(cat.InstanceTypes) != 2 || len(cat.Images) != 2 || ug["ug-acmesupport01"] != "support" {
		t.Fatalf("catalog %+v, user groups %v", cat, ug)
	}
	vgpu := cat.InstanceTypes[1]
	if vgpu.Family != "appstreaming.vgpu" || vgpu.CPU != "8" || vgpu.GPU != "1" || vgpu.hourly() != round(899*postPaidPerMonthRatio, 6) {
		t.Errorf("derived fields: %+v", vgpu)
	}
	if cat.Images[0].Status != "AVAILABLE" || cat.Images[0].Language != "en-US" || cat.Images[1].Status != "CREATING" {
		t.Errorf("image defaults: %+v", cat.Images)
	}

	// An emulator built from it serves it (and only it).
	e, _ := newTestEmu(Options{Catalog: cat, UserGroups: ug})
	regions := mustOK(t, e, "ListRegions")
	if got := js(regions["RegionModels"]); got != `[{"regionId":"cn-beijing"},{"regionId":"cn-shenzhen"}]` {
		t.Errorf("regions: %s", got)
	}
	if st, m := do(t, e, "CreateAppInstanceGroup", createArgs("AppCenterImageId", "img-acme-office-v7", "BizRegionId", "cn-beijing")...); st != 200 {
		t.Errorf("create on the file's catalog: %d %v", st, m)
	}
	if st, _ := do(t, e, "CreateAppInstanceGroup", createArgs("BizRegionId", "cn-beijing")...); st == 200 {
		t.Error("a seed image was accepted although the catalog file replaced the seed catalog")
	}
}

func TestCatalogFileErrorsNameTheField(t *testing.T) {
	const good = `{
 "regions": ["cn-beijing"],
 "instance_types": [{"id": "appstreaming.general.4c8g", "name": "Office", "cpu": 4, "memory_mb": 8192, "max_capacity": 2, "monthly_cny": 199}],
 "images": [{"id": "img-acme1", "name": "acme", "type": "User", "os_type": "Windows", "regions": ["cn-beijing"], "created": "2026-05-04T08:30:00Z"}]
}`
	if _, _, err := ParseCatalog([]byte(good)); err != nil {
		t.Fatalf("the base document is valid: %v", err)
	}
	for name, tc := range map[string]struct{ from, to, want string }{
		"no regions":        {`["cn-beijing"],`, `[],`, "regions: at least one region"},
		"bad region":        {`"regions": ["cn-beijing"]`, `"regions": ["Beijing"]`, `regions[0]: "Beijing" is not a region ID`},
		"bad type id":       {`"appstreaming.general.4c8g"`, `"4c8g"`, `instance_types[0].id: "4c8g"`},
		"zero capacity":     {`"max_capacity": 2`, `"max_capacity": 0`, "instance_types[0].max_capacity: must be 1..1000"},
		"no price":          {`"monthly_cny": 199`, `"monthly_cny": 0`, "instance_types[0].monthly_cny: must be a positive price"},
		"no cpu":            {`"cpu": 4, `, ``, "instance_types[0].cpu: must be at least 1"},
		"cpu as string":     {`"cpu": 4`, `"cpu": "4"`, "instance_types.cpu: must be a JSON number"},
		"bad family":        {`"name": "Office"`, `"name": "Office", "family": "other"`, "instance_types[0].family"},
		"bad image id":      {`"img-acme1"`, `"acme1"`, `images[0].id: "acme1" is not an image ID`},
		"bad os":            {`"os_type": "Windows"`, `"os_type": "macOS"`, "images[0].os_type: must be Windows or Linux"},
		"bad image type":    {`"type": "User"`, `"type": "Custom"`, "images[0].type: must be System or User"},
		"unknown region":    {`"regions": ["cn-beijing"], "created"`, `"regions": ["cn-hangzhou"], "created"`, `images[0].regions[0]: "cn-hangzhou" is not one of the file's regions`},
		"bad time":          {`"2026-05-04T08:30:00Z"`, `"2026-05-04"`, "images[0].created: must be an RFC 3339 time"},
		"bad status":        {`"created"`, `"status": "READY", "created"`, "images[0].status"},
		"bad app":           {`"created"`, `"apps": [{"id": "office", "name": "x"}], "created"`, `images[0].apps[0].id: "office"`},
		"unknown field":     {`"cpu": 4`, `"cpus": 4`, `unknown field "cpus"`},
		"bad user group id": {`"images"`, `"user_groups": {"support": "x"}, "images"`, `user_groups: "support" is not a user group ID`},
		"duplicate type":    {`}],`, `}, {"id": "appstreaming.general.4c8g", "name": "Office", "cpu": 4, "memory_mb": 8192, "max_capacity": 2, "monthly_cny": 199}],`, `instance_types[1].id: "appstreaming.general.4c8g" is listed twice`},
	} {
		t.Run(name, func(t *testing.T) {
			doc := strings.Replace(good, tc.from, tc.to, 1)
			if doc == good {
				t.Fatalf("the case does not change the document (%q not found)", tc.from)
			}
			_, _, err := ParseCatalog([]byte(doc))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestCatalogFileMissingOrEmpty(t *testing.T) {
	dir := t.TempDir()
	if _, _, err := LoadCatalogFile(filepath.Join(dir, "nope.json")); err == nil || !strings.Contains(err.Error(), "nope.json") {
		t.Errorf("missing file: %v", err)
	}
	empty := filepath.Join(dir, "empty.json")
	_ = os.WriteFile(empty, nil, 0o600)
	if _, _, err := LoadCatalogFile(empty); err == nil || !strings.Contains(err.Error(), empty) {
		t.Errorf("empty file: %v", err)
	}
}
