package images

import (
	"fmt"
	"regexp"
	"sort"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/lookup"
)

type model struct {
	ID         types.String `tfsdk:"id"`
	IDs        types.List   `tfsdk:"ids"`
	NameRegex  types.String `tfsdk:"name_regex"`
	ImageType  types.String `tfsdk:"image_type"`
	OsType     types.String `tfsdk:"os_type"`
	Status     types.String `tfsdk:"status"`
	RegionID   types.String `tfsdk:"region_id"`
	MostRecent types.Bool   `tfsdk:"most_recent"`
	Images     []imageModel `tfsdk:"images"`
}

type imageModel struct {
	ID                      types.String      `tfsdk:"id"`
	Name                    types.String      `tfsdk:"name"`
	Type                    types.String      `tfsdk:"type"`
	OsType                  types.String      `tfsdk:"os_type"`
	Status                  types.String      `tfsdk:"status"`
	RegionID                types.String      `tfsdk:"region_id"`
	RegionIDs               []string          `tfsdk:"region_ids"`
	CreatedAt               types.String      `tfsdk:"created_at"`
	ModifiedAt              types.String      `tfsdk:"modified_at"`
	PlatformName            types.String      `tfsdk:"platform_name"`
	Distro                  types.String      `tfsdk:"distro"`
	ProtocolType            types.String      `tfsdk:"protocol_type"`
	Description             types.String      `tfsdk:"description"`
	ProductType             types.String      `tfsdk:"product_type"`
	PackageType             types.String      `tfsdk:"package_type"`
	SessionType             types.String      `tfsdk:"session_type"`
	Language                types.String      `tfsdk:"language"`
	SupportedLanguages      []string          `tfsdk:"supported_languages"`
	VersionID               types.String      `tfsdk:"version_id"`
	VersionName             types.String      `tfsdk:"version_name"`
	OnlineVersionID         types.String      `tfsdk:"online_version_id"`
	LatestVersionID         types.String      `tfsdk:"latest_version_id"`
	FotaVersion             types.String      `tfsdk:"fota_version"`
	BaseImageID             types.String      `tfsdk:"base_image_id"`
	BaseImageVersion        types.String      `tfsdk:"base_image_version"`
	ParentImageID           types.String      `tfsdk:"parent_image_id"`
	SystemDiskSize          types.Int64       `tfsdk:"system_disk_size"`
	DataDiskSize            types.Int64       `tfsdk:"data_disk_size"`
	VolumeEncryptionEnabled types.Bool        `tfsdk:"volume_encryption_enabled"`
	Features                []string          `tfsdk:"features"`
	Tags                    map[string]string `tfsdk:"tags"`
	Apps                    []appModel        `tfsdk:"apps"`
}

type appModel struct {
	ID   types.String `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
}

// query is the filter set after defaults, used for the API call, the
// client-side matching and the lookup's ID.
type query struct {
	IDs        []string `json:"ids,omitempty"`
	NameRegex  string   `json:"name_regex,omitempty"`
	ImageType  string   `json:"image_type,omitempty"`
	OsType     string   `json:"os_type,omitempty"`
	Status     string   `json:"status,omitempty"`
	RegionID   string   `json:"region_id"`
	MostRecent bool     `json:"most_recent,omitempty"`
}

// apiImageType maps the Terraform vocabulary to ListImage's ImageType.
func apiImageType(t string) string {
	if t == "Custom" {
		return "User"
	}
	return t
}

// tfImageType is the reverse of apiImageType for results.
func tfImageType(t string) string {
	if t == "User" {
		return "Custom"
	}
	return t
}

func (q query) input() client.ListImagesInput {
	in := client.ListImagesInput{
		ImageType: apiImageType(q.ImageType),
		OsType:    q.OsType,
		Status:    q.Status,
	}
	if q.RegionID != "" {
		in.BizRegionIDList = []string{q.RegionID}
	}
	if len(q.IDs) == 1 {
		in.ImageID = q.IDs[0]
	}
	return in
}

// selectImages applies the filters the API cannot (several IDs, the name
// regex; the others are checked again in case a service ignores one), sorts
// newest first and applies most_recent.
func selectImages(all []client.Image, q query) ([]client.Image, error) {
	var re *regexp.Regexp
	if q.NameRegex != "" {
		var err error
		if re, err = regexp.Compile(q.NameRegex); err != nil {
			return nil, fmt.Errorf("name_regex: %w", err)
		}
	}
	want := map[string]bool{}
	for _, id := range q.IDs {
		want[id] = true
	}
	seen := map[string]bool{}
	out := make([]client.Image, 0, len(all))
	for _, im := range all {
		switch {
		case seen[im.ImageID]:
		case len(want) > 0 && !want[im.ImageID]:
		case re != nil && !re.MatchString(im.ImageName):
		case q.ImageType != "" && tfImageType(im.ImageType) != q.ImageType:
		case q.OsType != "" && im.OsType != q.OsType:
		case q.Status != "" && im.Status != q.Status:
		default:
			seen[im.ImageID] = true
			out = append(out, im)
		}
	}
	sortNewestFirst(out)
	if q.MostRecent && len(out) > 1 {
		out = out[:1]
	}
	return out, nil
}

// sortNewestFirst orders by parsed GmtCreate, newest first; images whose
// time does not parse go last; ties are broken by ID so reads are stable.
func sortNewestFirst(ims []client.Image) {
	type keyed struct {
		t  time.Time
		ok bool
	}
	keys := make(map[string]keyed, len(ims))
	for _, im := range ims {
		t, ok := common.ParseTime(im.GmtCreate)
		keys[im.ImageID] = keyed{t, ok}
	}
	sort.SliceStable(ims, func(i, j int) bool {
		a, b := keys[ims[i].ImageID], keys[ims[j].ImageID]
		if a.ok != b.ok {
			return a.ok
		}
		if !a.t.Equal(b.t) {
			return a.t.After(b.t)
		}
		return ims[i].ImageID < ims[j].ImageID
	})
}

func flattenImage(im client.Image, region string) imageModel {
	m := imageModel{
		ID:                      types.StringValue(im.ImageID),
		Name:                    types.StringValue(im.ImageName),
		Type:                    common.StringOrNull(tfImageType(im.ImageType)),
		OsType:                  common.StringOrNull(im.OsType),
		Status:                  common.StringOrNull(im.Status),
		RegionID:                common.StringOrNull(region),
		RegionIDs:               lookup.Strings(im.ImageRegionList),
		CreatedAt:               common.FormatTime(im.GmtCreate),
		ModifiedAt:              common.FormatTime(im.GmtModified),
		PlatformName:            common.StringOrNull(im.PlatformName),
		Distro:                  common.StringOrNull(im.Distro),
		ProtocolType:            common.StringOrNull(im.ProtocolType),
		Description:             common.StringOrNull(im.Description),
		ProductType:             common.StringOrNull(im.ProductType),
		PackageType:             common.StringOrNull(im.PackageType),
		SessionType:             common.StringOrNull(im.SessionType),
		Language:                common.StringOrNull(im.Language),
		SupportedLanguages:      lookup.Strings(im.SupportedLanguageList),
		VersionID:               common.StringOrNull(im.VersionID),
		VersionName:             common.StringOrNull(im.VersionName),
		OnlineVersionID:         common.StringOrNull(im.OnlineVersionID),
		LatestVersionID:         common.StringOrNull(im.LatestVersionID),
		FotaVersion:             common.StringOrNull(im.FotaVersion),
		BaseImageID:             common.StringOrNull(im.BaseImageID),
		BaseImageVersion:        common.StringOrNull(im.BaseImageVersion),
		ParentImageID:           common.StringOrNull(im.ParentImageID),
		SystemDiskSize:          types.Int64Value(int64(im.SystemDiskSize)),
		DataDiskSize:            types.Int64Value(int64(im.DataDiskSize)),
		VolumeEncryptionEnabled: types.BoolValue(im.VolumeEncryptionEnabled),
		Features:                lookup.Strings(im.FeatureList),
		Tags:                    map[string]string{},
		Apps:                    make([]appModel, 0, len(im.AppList)),
	}
	for _, t := range im.TagList {
		m.Tags[t.Key] = t.Value
	}
	for _, a := range im.AppList {
		m.Apps = append(m.Apps, appModel{ID: types.StringValue(a.AppID), Name: types.StringValue(a.AppName)})
	}
	return m
}
