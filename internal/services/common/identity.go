package common

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// IdentityRegionAttr is the region attribute every resource identity carries.
const IdentityRegionAttr = "region_id"

// IdentitySchema is the identity of an App Streaming object: its ID under
// idAttr (required to import) and the business region it lives in (optional
// to import: the provider's region when left out).
func IdentitySchema(idAttr, idDescription string) identityschema.Schema {
	return identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			idAttr: identityschema.StringAttribute{RequiredForImport: true, Description: idDescription},
			IdentityRegionAttr: identityschema.StringAttribute{OptionalForImport: true,
				Description: "Business region of the object (BizRegionId). When importing, the provider's region if left out."},
		},
	}
}

// SetIdentity records id and region in a resource identity. identity is nil
// when the resource has no identity schema; a Terraform CLI older than 1.12
// simply ignores what is set.
func SetIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, idAttr, id, region string, diags *diag.Diagnostics) {
	if identity == nil {
		return
	}
	diags.Append(identity.SetAttribute(ctx, path.Root(idAttr), id)...)
	diags.Append(identity.SetAttribute(ctx, path.Root(IdentityRegionAttr), region)...)
}

// IdentityRegion is the region already recorded in an identity (set by a
// previous read, or given in an import block), "" when there is none.
func IdentityRegion(ctx context.Context, identity *tfsdk.ResourceIdentity) string {
	if identity == nil || identity.Raw.IsNull() {
		return ""
	}
	var region types.String
	if d := identity.GetAttribute(ctx, path.Root(IdentityRegionAttr), &region); d.HasError() {
		return ""
	}
	return region.ValueString()
}

// RegionMismatch reports, as an error, an identity region_id that differs from
// where the object really is: an import block naming the wrong region.
func RegionMismatch(ctx context.Context, identity *tfsdk.ResourceIdentity, id, actual string, diags *diag.Diagnostics) bool {
	want := IdentityRegion(ctx, identity)
	if want == "" || actual == "" || want == actual {
		return false
	}
	diags.AddError("Wrong region in the resource identity",
		"Object "+id+" is in region "+actual+", but the identity says region_id = "+want+
			". Correct region_id in the import block (or leave it out).")
	return true
}

// ImportByIDOrIdentity imports from `terraform import ID`, an import block's
// id, or an import block's identity: the ID goes to every state attribute in
// stateAttrs. The identity given (with its region, if any) is kept for Read,
// which completes it.
func ImportByIDOrIdentity(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse, idAttr string, stateAttrs ...string) {
	id := req.ID
	if id == "" && req.Identity != nil {
		var v types.String
		resp.Diagnostics.Append(req.Identity.GetAttribute(ctx, path.Root(idAttr), &v)...)
		id = v.ValueString()
	}
	if id == "" {
		resp.Diagnostics.AddError("Missing import ID", "Give the object's ID: terraform import ADDRESS ID, or an import block with id or identity."+idAttr+".")
		return
	}
	for _, a := range stateAttrs {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(a), id)...)
	}
}

// RemoveFromState drops a resource that no longer exists, in Read. The
// framework insists on an identity even then, and a CLI before 1.12 keeps
// none, so the known ID (and region, if any) is recorded first.
func RemoveFromState(ctx context.Context, resp *resource.ReadResponse, idAttr, id, region string) {
	if resp.Identity != nil && resp.Identity.Raw.IsFullyNull() {
		SetIdentity(ctx, resp.Identity, idAttr, id, region, &resp.Diagnostics)
	}
	resp.State.RemoveResource(ctx)
}
