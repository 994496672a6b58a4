package emulator

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Catalog is the read-only world the emulator sells from.
type Catalog struct {
	Regions       []string
	InstanceTypes []InstanceType
	Images        []Image
}

// InstanceType is one resource spec (ListNodeInstanceType row) with its
// list prices.
type InstanceType struct {
	ID          string  `json:"NodeInstanceType"`
	Family      string  `json:"NodeInstanceTypeFamily"`
	Name        string  `json:"NodeTypeName"`
	CPU         string  `json:"Cpu"`
	GPU         string  `json:"Gpu"`
	MemoryMB    int64   `json:"Memory"`
	GPUMemoryMB int64   `json:"GpuMemory"`
	MaxCapacity int     `json:"MaxCapacity"`
	Monthly     float64 `json:"monthly_cny"` // PrePaid list price per node per month
	Hourly      float64 `json:"hourly_cny"`  // PostPaid list price per node per hour; 0 = derive
}

// App is one application shipped in an image.
type App struct {
	AppID          string `json:"AppId"`
	AppName        string `json:"AppName"`
	AppVersion     string `json:"AppVersion"`
	AppVersionName string `json:"AppVersionName"`
	AppIcon        string `json:"AppIcon"`
}

// Image is one image in the catalog; Regions says where it is usable.
type Image struct {
	ID           string    `json:"ImageId"`
	Name         string    `json:"ImageName"`
	Type         string    `json:"ImageType"` // System | User
	OsType       string    `json:"OsType"`    // Windows | Linux
	PlatformName string    `json:"PlatformName"`
	Status       string    `json:"Status"` // AVAILABLE | CREATING | INIT | CREATE_FAILED
	Description  string    `json:"Description"`
	Regions      []string  `json:"ImageRegionList"`
	GmtCreate    time.Time `json:"GmtCreate"`
	Apps         []App     `json:"AppList"`
	Language     string    `json:"Language"`
}

func (c *Catalog) instanceType(id string) (InstanceType, bool) {
	for _, t := range c.InstanceTypes {
		if t.ID == id {
			return t, true
		}
	}
	return InstanceType{}, false
}

func (c *Catalog) hasRegion(r string) bool {
	for _, x := range c.Regions {
		if x == r {
			return true
		}
	}
	return false
}

func (c *Catalog) image(id string) (Image, bool) {
	for _, im := range c.Images {
		if im.ID == id {
			return im, true
		}
	}
	return Image{}, false
}

func (im Image) inRegion(r string) bool {
	for _, x := range im.Regions {
		if x == r {
			return true
		}
	}
	return false
}

// postPaidPerMonthRatio turns a monthly list price into an hourly one:
// 0.726736 CNY/hour ÷ 199 CNY/month, the pair the console's billing example
// gives for appstreaming.general.4c8g.
const postPaidPerMonthRatio = 0.726736 / 199

// hourly returns the PostPaid price per node-hour.
func (t InstanceType) hourly() float64 {
	if t.Hourly > 0 {
		return t.Hourly
	}
	return round(t.Monthly*postPaidPerMonthRatio, 6)
}

func round(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}

var allRegions = []string{"cn-shanghai", "cn-hangzhou", "ap-southeast-1"}

// DefaultCatalog is the deterministic seed catalog.
func DefaultCatalog() *Catalog {
	d := func(s string) time.Time { t, _ := time.Parse(time.RFC3339, s); return t }
	office := []App{
		{AppID: "ca-office0000000001", AppName: "WPS Office", AppVersion: "1.0.0", AppVersionName: "initial", AppIcon: "https://app-center-icon.example/wps.png"},
		{AppID: "ca-browser000000001", AppName: "Chrome", AppVersion: "120.0", AppVersionName: "stable", AppIcon: "https://app-center-icon.example/chrome.png"},
	}
	cad := []App{{AppID: "ca-cad0000000000001", AppName: "FreeCAD", AppVersion: "0.21", AppVersionName: "0.21", AppIcon: "https://app-center-icon.example/freecad.png"}}
	dev := []App{{AppID: "ca-vscode000000001", AppName: "VS Code", AppVersion: "1.90", AppVersionName: "1.90", AppIcon: "https://app-center-icon.example/vscode.png"}}
	c := &Catalog{
		Regions: append([]string(nil), allRegions...),
		InstanceTypes: []InstanceType{
			{ID: "appstreaming.general.4c8g", Family: "appstreaming.general", Name: "Office - 4 vCPU 8 GiB", CPU: "4", GPU: "0", MemoryMB: 8192, MaxCapacity: 2, Monthly: 199, Hourly: 0.726736},
			{ID: "appstreaming.general.8c16g", Family: "appstreaming.general", Name: "Office - 8 vCPU 16 GiB", CPU: "8", GPU: "0", MemoryMB: 16384, MaxCapacity: 4, Monthly: 398},
			{ID: "appstreaming.vgpu.4c8g.2g", Family: "appstreaming.vgpu", Name: "Graphics - 4 vCPU 8 GiB 2 GiB vGPU", CPU: "4", GPU: "1", MemoryMB: 8192, GPUMemoryMB: 2048, MaxCapacity: 2, Monthly: 499},
			{ID: "appstreaming.vgpu.8c16g.4g", Family: "appstreaming.vgpu", Name: "Graphics - 8 vCPU 16 GiB 4 GiB vGPU", CPU: "8", GPU: "1", MemoryMB: 16384, GPUMemoryMB: 4096, MaxCapacity: 4, Monthly: 899},
			{ID: "appstreaming.vgpu.8c31g.16g", Family: "appstreaming.vgpu", Name: "Graphics - 8 vCPU 31 GiB 16 GiB vGPU", CPU: "8", GPU: "1", MemoryMB: 31744, GPUMemoryMB: 16384, MaxCapacity: 4, Monthly: 1999},
			{ID: "appstreaming.vgpu.14c93g.12g", Family: "appstreaming.vgpu", Name: "Graphics - 14 vCPU 93 GiB 12 GiB vGPU", CPU: "14", GPU: "1", MemoryMB: 95232, GPUMemoryMB: 12288, MaxCapacity: 6, Monthly: 2599},
		},
		Images: []Image{
			{ID: "img-win2019-office", Name: "System Windows Server 2019 Office", Type: "System", OsType: "Windows", PlatformName: "Windows Server 2019", Status: "AVAILABLE", Description: "Office apps on Windows Server 2019", Regions: allRegions, GmtCreate: d("2025-06-01T02:00:00Z"), Apps: office, Language: "en-US"},
			{ID: "img-win2022-cad", Name: "System Windows Server 2022 CAD", Type: "System", OsType: "Windows", PlatformName: "Windows Server 2022", Status: "AVAILABLE", Description: "CAD on Windows Server 2022", Regions: allRegions, GmtCreate: d("2025-09-15T03:30:00Z"), Apps: cad, Language: "en-US"},
			{ID: "img-ubuntu2204-dev", Name: "System Ubuntu 22.04 Dev", Type: "System", OsType: "Linux", PlatformName: "Ubuntu", Status: "AVAILABLE", Description: "Developer tools on Ubuntu 22.04", Regions: allRegions, GmtCreate: d("2025-10-20T08:00:00Z"), Apps: dev, Language: "en-US"},
		},
	}
	for i, r := range allRegions {
		short := strings.ReplaceAll(r, "-", "")
		// Two custom images made on the same day at different times, so
		// "latest by GmtCreate" lookups have something to decide.
		c.Images = append(c.Images,
			Image{ID: "img-" + short + "office1", Name: "custom-office-" + r + "-v1", Type: "User", OsType: "Windows", PlatformName: "Windows Server 2019", Status: "AVAILABLE", Description: "custom office v1", Regions: []string{r}, GmtCreate: d("2026-03-10T01:15:00Z").Add(time.Duration(i) * time.Minute), Apps: office, Language: "en-US"},
			Image{ID: "img-" + short + "office2", Name: "custom-office-" + r + "-v2", Type: "User", OsType: "Windows", PlatformName: "Windows Server 2019", Status: "AVAILABLE", Description: "custom office v2", Regions: []string{r}, GmtCreate: d("2026-03-10T09:40:00Z").Add(time.Duration(i) * time.Minute), Apps: office, Language: "en-US"},
			Image{ID: "img-" + short + "linux1", Name: "custom-linux-" + r + "-dev", Type: "User", OsType: "Linux", PlatformName: "Ubuntu", Status: "CREATING", Description: "custom image still being built", Regions: []string{r}, GmtCreate: d("2026-04-02T06:00:00Z"), Apps: dev, Language: "en-US"},
		)
	}
	return c
}

// DefaultUserGroups is the seed directory of user groups.
func DefaultUserGroups() map[string]string {
	return map[string]string{
		"ug-engineering0001": "engineering",
		"ug-design000000002": "design",
		"ug-finance00000003": "finance",
	}
}

func imageView(im Image) map[string]any {
	apps := make([]map[string]any, 0, len(im.Apps))
	for _, a := range im.Apps {
		apps = append(apps, map[string]any{"AppId": a.AppID, "AppName": a.AppName})
	}
	dist := make([]map[string]any, 0, len(im.Regions))
	for _, r := range im.Regions {
		st := "AVAILABLE"
		prog := "100%"
		if im.Status != "AVAILABLE" {
			st, prog = "INIT", "70%"
		}
		dist = append(dist, map[string]any{"ImageId": im.ID, "RegionId": r, "Status": st, "Progress": prog, "VersionId": "iv-" + strings.TrimPrefix(im.ID, "img-")})
	}
	return map[string]any{
		"ImageId": im.ID, "ImageName": im.Name, "ImageType": im.Type, "OsType": im.OsType,
		"PlatformName": im.PlatformName, "Status": im.Status, "Description": im.Description,
		"GmtCreate": apiTime(im.GmtCreate), "GmtModified": apiTime(im.GmtCreate),
		"ImageRegionList": im.Regions, "ImageRegionDistributeList": dist, "AppList": apps,
		"ProductType": "CloudApp", "PackageType": "Ecs", "ProtocolType": "ASP", "SessionType": "MULTIPLE_SESSION",
		"Language": im.Language, "SupportedLanguageList": []string{im.Language}, "BizType": 1,
		"AliUid": int64(1234567890123456), "VersionId": "iv-" + strings.TrimPrefix(im.ID, "img-"), "VersionName": "v1.0.0",
		"OnlineVersion": true, "SystemDiskSize": 80, "DataDiskSize": 0, "FeatureList": []string{}, "TagList": []any{},
	}
}

// listRegionsReq is ListRegions' request.
type listRegionsReq struct{}

func (r *listRegionsReq) validate(_ *Emulator, c *call) *apiError {
	return checkOptionalProduct(c.p)
}

func (e *Emulator) listRegions(*listRegionsReq) map[string]any {
	var out []map[string]any
	for _, r := range e.st.catalog.Regions {
		out = append(out, map[string]any{"regionId": r}) // lower-case key, as the service sends it
	}
	return map[string]any{"RegionModels": out}
}

// checkOptionalProduct: ProductType may be left out, else it is CloudApp.
func checkOptionalProduct(p params) *apiError {
	if pt := p.str("ProductType"); pt != "" && pt != "CloudApp" {
		return invalid("ProductType", "must be CloudApp")
	}
	return nil
}

// checkProduct: ProductType is required and CloudApp.
func checkProduct(p params) *apiError {
	pt, ae := p.required("ProductType")
	if ae != nil {
		return ae
	}
	if pt != "CloudApp" {
		return invalid("ProductType", "must be CloudApp")
	}
	return nil
}

func (e *Emulator) checkRegion(p params, name string, required bool) (string, *apiError) {
	r := p.str(name)
	if r == "" {
		if required {
			return "", missing(name)
		}
		return "", nil
	}
	if !e.st.catalog.hasRegion(r) {
		return "", invalid(name, "region %q is not supported", r)
	}
	return r, nil
}

// listTypesReq is ListNodeInstanceType's request: a page and filters
// (the number filters are optional; a zero value is a filter too).
type listTypesReq struct {
	page                  pageReq
	id, family            string
	cpu, gpu, mem, gpuMem float64
	hasCPU, hasGPU        bool
	hasMem, hasGPUMem     bool
}

func (r *listTypesReq) validate(e *Emulator, c *call) *apiError {
	p := c.p
	if ae := checkProduct(p); ae != nil {
		return ae
	}
	if _, ae := e.checkRegion(p, "BizRegionId", false); ae != nil {
		return ae
	}
	var ae *apiError
	if r.page, ae = readPage(p, 10, 100, true); ae != nil {
		return ae
	}
	if os := p.str("OsType"); os != "" && os != "Windows" && os != "Linux" {
		return invalid("OsType", "must be Windows or Linux")
	}
	if l := p.str("Language"); l != "" && l != "en-US" && l != "zh-CN" {
		return invalid("Language", "must be en-US or zh-CN")
	}
	for _, f := range []struct {
		name string
		v    *float64
		has  *bool
	}{{"Cpu", &r.cpu, &r.hasCPU}, {"Gpu", &r.gpu, &r.hasGPU}, {"Memory", &r.mem, &r.hasMem}, {"GpuMemory", &r.gpuMem, &r.hasGPUMem}} {
		if *f.v, *f.has, ae = p.floatParam(f.name); ae != nil {
			return ae
		}
	}
	r.id, r.family = p.str("NodeInstanceType"), p.str("NodeInstanceTypeFamily")
	return nil
}

func (r *listTypesReq) matches(t InstanceType) bool {
	if r.id != "" && r.id != t.ID || r.family != "" && r.family != t.Family {
		return false
	}
	tc, _ := strconv.ParseFloat(t.CPU, 64)
	tg, _ := strconv.ParseFloat(t.GPU, 64)
	if r.hasCPU && tc != r.cpu || r.hasGPU && tg != r.gpu {
		return false
	}
	// Memory filters accept MB or GiB: the unit is undocumented.
	if r.hasMem && r.mem != float64(t.MemoryMB) && r.mem*1024 != float64(t.MemoryMB) {
		return false
	}
	return !r.hasGPUMem || r.gpuMem == float64(t.GPUMemoryMB) || r.gpuMem*1024 == float64(t.GPUMemoryMB)
}

func (e *Emulator) listNodeInstanceType(r *listTypesReq) map[string]any {
	var rows []map[string]any
	for _, t := range e.st.catalog.InstanceTypes {
		if !r.matches(t) {
			continue
		}
		rows = append(rows, map[string]any{
			"NodeInstanceType": t.ID, "NodeInstanceTypeFamily": t.Family, "NodeTypeName": t.Name,
			"Cpu": t.CPU, "Gpu": t.GPU, "Memory": t.MemoryMB, "GpuMemory": t.GPUMemoryMB, "MaxCapacity": t.MaxCapacity,
		})
	}
	return r.page.answer("NodeInstanceTypeModels", rows)
}

// listImagesReq is ListImage's request: a page and filters.
type listImagesReq struct {
	page                                          pageReq
	id, name, imageType, osType, status, platform string
	regions                                       []string
}

func (r *listImagesReq) validate(_ *Emulator, c *call) *apiError {
	p := c.p
	if pt := p.str("ProductType"); pt != "" && pt != "CloudApp" && pt != "CloudDesktop" && pt != "WuyingServer" {
		return invalid("ProductType", "must be CloudApp, CloudDesktop or WuyingServer")
	}
	var ae *apiError
	if r.page, ae = readPage(p, 10, 100, false); ae != nil {
		return ae
	}
	r.imageType, r.status = p.str("ImageType"), p.str("Status")
	if r.imageType != "" && !oneOf(r.imageType, "User", "Shared", "System", "Community") {
		return invalid("ImageType", "must be User, Shared, System or Community")
	}
	if r.status != "" && !oneOf(r.status, "AVAILABLE", "INIT", "CREATE_FAILED", "CREATING") {
		return invalid("Status", "must be AVAILABLE, INIT, CREATE_FAILED or CREATING")
	}
	r.id, r.name, r.osType, r.platform = p.str("ImageId"), p.str("ImageName"), p.str("OsType"), p.str("PlatformName")
	r.regions = p.list("BizRegionIdList")
	return nil
}

// matches applies the filters; ImageName matches a part of the name, and
// BizRegionIdList any of its regions.
func (r *listImagesReq) matches(im Image) bool {
	switch {
	case r.id != "" && r.id != im.ID,
		r.name != "" && !strings.Contains(im.Name, r.name),
		r.imageType != "" && r.imageType != im.Type,
		r.osType != "" && r.osType != im.OsType,
		r.status != "" && r.status != im.Status,
		r.platform != "" && r.platform != im.PlatformName:
		return false
	}
	if len(r.regions) == 0 {
		return true
	}
	for _, reg := range r.regions {
		if im.inRegion(reg) {
			return true
		}
	}
	return false
}

func (e *Emulator) listImage(r *listImagesReq) map[string]any {
	var rows []map[string]any
	for _, im := range e.st.catalog.Images {
		if r.matches(im) {
			rows = append(rows, imageView(im))
		}
	}
	return map[string]any{"Code": "200", "Success": true, "Message": "success", "Count": len(rows), "Data": r.page.rows(rows), "PageNumber": r.page.num, "PageSize": r.page.size}
}
