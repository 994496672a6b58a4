package deliverygrouplist

import (
	"context"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// filterModel is the list block's configuration.
type filterModel struct {
	Name         types.String `tfsdk:"name"`
	NameRegex    types.String `tfsdk:"name_regex"`
	Status       types.List   `tfsdk:"status"`
	ImageID      types.String `tfsdk:"image_id"`
	InstanceType types.String `tfsdk:"instance_type"`
	ChargeType   types.String `tfsdk:"charge_type"`
	RegionID     types.String `tfsdk:"region_id"`
	Tags         types.Map    `tfsdk:"tags"`
}

func (f filterModel) query(ctx context.Context) (query, diag.Diagnostics) {
	var diags diag.Diagnostics
	q := query{name: f.Name.ValueString(), imageID: f.ImageID.ValueString(), instanceType: f.InstanceType.ValueString(),
		chargeType: f.ChargeType.ValueString(), regionID: f.RegionID.ValueString()}
	if s := f.NameRegex.ValueString(); s != "" {
		re, err := regexp.Compile(s)
		if err != nil {
			diags.AddAttributeError(path.Root("name_regex"), "Invalid regular expression", err.Error())
			return q, diags
		}
		q.nameRegex = re
	}
	if !f.Status.IsNull() && !f.Status.IsUnknown() {
		diags.Append(f.Status.ElementsAs(ctx, &q.status, false)...)
	}
	if !f.Tags.IsNull() && !f.Tags.IsUnknown() {
		diags.Append(f.Tags.ElementsAs(ctx, &q.tags, false)...)
	}
	return q, diags
}
