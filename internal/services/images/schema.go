package images

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/lookup"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/validators"
)

// Terraform image types. "Custom" is the console's word for the images a
// user builds, which the API calls "User".
var imageTypes = []string{"System", "Custom", "Shared", "Community"}

var (
	osTypes  = []string{"Windows", "Linux", "Android", "Unknown"}
	statuses = []string{"AVAILABLE", "INIT", "CREATING", "CREATE_FAILED"}
)

func (d *dataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists App Streaming images (API `ListImage`) so a configuration can pick an image by name " +
			"instead of hard-coding its ID. Results are sorted by creation time, newest first. A lookup that matches " +
			"nothing returns an empty `images` list, except with `most_recent = true`, which asks for exactly one image " +
			"and fails when none matches.",
		Attributes: map[string]schema.Attribute{
			"id": lookup.Computed("Identifier of this lookup, derived from the filters."),
			"ids": schema.ListAttribute{
				Optional:    true,
				ElementType: types.StringType,
				MarkdownDescription: "Only images with these IDs (`ImageId`). One ID is sent to the API as the `ImageId` filter; " +
					"several are matched after one listing.",
				Validators: []validator.List{listvalidator.SizeAtLeast(1), validators.NoEmptyStrings(), validators.UniqueStrings()},
			},
			"name_regex": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Only images whose name (`ImageName`) matches this regular expression (RE2 syntax, " +
					"unanchored: use `^…$` for a full match).",
				Validators: []validator.String{validators.Regex()},
			},
			"image_type": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Only images of this type (`ImageType`): `System` (provided by Alibaba Cloud), `Custom` " +
					"(built by you; the API's `User`), `Shared` or `Community`.",
				Validators: []validator.String{stringvalidator.OneOf(imageTypes...)},
			},
			"os_type": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only images with this operating system type (`OsType`): `Windows`, `Linux`, `Android` or `Unknown`.",
				Validators:          []validator.String{stringvalidator.OneOf(osTypes...)},
			},
			"status": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Only images in this status (`Status`): `AVAILABLE`, `INIT`, `CREATING` or `CREATE_FAILED`. " +
					"When omitted, every image that is not deleted is listed; set `AVAILABLE` to get only usable images.",
				Validators: []validator.String{stringvalidator.OneOf(statuses...)},
			},
			"region_id": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Only images usable in this region (`BizRegionIdList`). Defaults to the provider's `region`; " +
					"it is also the `region_id` of every result.",
				Validators: []validator.String{lookup.RegionID()},
			},
			"most_recent": schema.BoolAttribute{
				Optional: true,
				MarkdownDescription: "Keep only the newest matching image (latest `GmtCreate`, compared as times, not text). " +
					"`images` then holds exactly one element, and the read fails when nothing matches.",
			},
			"images": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "Matching images, newest first (ties broken by ID).",
				NestedObject:        schema.NestedAttributeObject{Attributes: imageAttributes()},
			},
		},
	}
}

func imageAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":            lookup.Computed("Image ID (`ImageId`), the value for a delivery group's `image_id`."),
		"name":          lookup.Computed("Image name (`ImageName`)."),
		"type":          lookup.Computed("Image type: `System`, `Custom` (API `User`), `Shared` or `Community` (`ImageType`)."),
		"os_type":       lookup.Computed("Operating system type (`OsType`), e.g. `Windows`."),
		"status":        lookup.Computed("Image status (`Status`): `AVAILABLE`, `INIT`, `CREATING` or `CREATE_FAILED`."),
		"region_id":     lookup.Computed("The region this lookup ran for (the `region_id` filter or the provider's region)."),
		"region_ids":    schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Every region the image is deployed to (`ImageRegionList`)."},
		"created_at":    lookup.Computed("Creation time (`GmtCreate`) in RFC 3339, UTC."),
		"modified_at":   lookup.Computed("Last modification time (`GmtModified`) in RFC 3339, UTC."),
		"platform_name": lookup.Computed("Platform (`PlatformName`), e.g. `Windows Server 2022` or `Ubuntu`."),
		"distro":        lookup.Computed("Distribution name (`Distro`), e.g. `Ubuntu 22.04 64-bit`."),
		"protocol_type": lookup.Computed("Streaming protocol (`ProtocolType`): `ASP` or `HDX`."),
		"description":   lookup.Computed("Description (`Description`)."),
		"product_type":  lookup.Computed("Product the image is for (`ProductType`), e.g. `CloudApp`."),
		"package_type":  lookup.Computed("Packaging (`PackageType`), e.g. `Ecs`."),
		"session_type":  lookup.Computed("Session type (`SessionType`): `SINGLE_SESSION` or `MULTIPLE_SESSION`."),
		"language":      lookup.Computed("Image language (`Language`), e.g. `en-US`."),
		"supported_languages": schema.ListAttribute{Computed: true, ElementType: types.StringType,
			MarkdownDescription: "Languages the image supports (`SupportedLanguageList`)."},
		"version_id":         lookup.Computed("Version ID of this image entry (`VersionId`, `iv-…`)."),
		"version_name":       lookup.Computed("Version number (`VersionName`), e.g. `v0.1.0`."),
		"online_version_id":  lookup.Computed("Sub-version the image currently points to (`OnlineVersionId`)."),
		"latest_version_id":  lookup.Computed("Latest sub-version (`LatestVersionId`)."),
		"fota_version":       lookup.Computed("Image (FOTA) version (`FotaVersion`)."),
		"base_image_id":      lookup.Computed("Base image ID (`BaseImageId`)."),
		"base_image_version": lookup.Computed("Base image version (`BaseImageVersion`)."),
		"parent_image_id":    lookup.Computed("Parent image ID, for custom images (`ParentImageId`)."),
		"system_disk_size":   schema.Int64Attribute{Computed: true, MarkdownDescription: "System disk size in GiB (`SystemDiskSize`)."},
		"data_disk_size":     schema.Int64Attribute{Computed: true, MarkdownDescription: "Data disk size in GiB (`DataDiskSize`)."},
		"volume_encryption_enabled": schema.BoolAttribute{Computed: true,
			MarkdownDescription: "Whether disk encryption is on (`VolumeEncryptionEnabled`)."},
		"features": schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Feature tags (`FeatureList`)."},
		"tags":     schema.MapAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "Image tags (`TagList`)."},
		"apps": schema.ListNestedAttribute{
			Computed:            true,
			MarkdownDescription: "Applications installed in the image (`AppList`).",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"id":   lookup.Computed("Application ID (`AppId`)."),
				"name": lookup.Computed("Application name (`AppName`)."),
			}},
		},
	}
}
