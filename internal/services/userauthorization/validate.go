package userauthorization

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
)

// caseUniqueValidator rejects entries of a set that differ only in letter
// case. A set already collapses exact duplicates (Terraform does that before
// the provider sees the value), so case-only pairs are the duplicates left to
// catch; whether the service treats them as one account is undocumented, and
// keeping both would make the authoritative diff unstable.
type caseUniqueValidator struct{}

func caseInsensitiveUnique() validator.Set { return caseUniqueValidator{} }

func (caseUniqueValidator) Description(_ context.Context) string {
	return "entries must be unique, ignoring letter case"
}

func (v caseUniqueValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (caseUniqueValidator) ValidateSet(_ context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	seen := map[string]string{}
	for _, e := range req.ConfigValue.Elements() {
		s, ok := e.(types.String)
		if !ok || s.IsNull() || s.IsUnknown() {
			continue
		}
		k := strings.ToLower(s.ValueString())
		if prev, dup := seen[k]; dup {
			resp.Diagnostics.AddAttributeError(req.Path.AtSetValue(s), "Duplicate Entry",
				fmt.Sprintf("%s lists %q and %q, which differ only in letter case; keep one of them.",
					req.Path.String(), prev, s.ValueString()))
			continue
		}
		seen[k] = s.ValueString()
	}
}

// ValidateConfig checks the rules that involve several attributes. Unknown
// values are left for apply (see checkApply).
func (r *userAuthorizationResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var cfg model
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(checkRules(cfg)...)
}

// emptyIfKnown reports whether a set is known and has no elements (null counts as empty).
func emptyIfKnown(s types.Set) bool {
	return s.IsNull() || (!s.IsUnknown() && len(s.Elements()) == 0)
}

func checkRules(m model) (diags diagnostics) {
	if emptyIfKnown(m.Users) && emptyIfKnown(m.UserGroups) {
		diags.AddAttributeError(path.Root("users"), "Nothing to authorize",
			"Set at least one of users and user_groups to a non-empty set. To revoke every authorization of the "+
				"delivery group, remove this resource instead.")
	}
	if m.UserType.IsUnknown() || m.ADDomain.IsUnknown() {
		return diags
	}
	userType := m.UserType.ValueString()
	if m.UserType.IsNull() {
		userType = UserTypeSimple // the default
	}
	switch {
	case userType == UserTypeAD && m.ADDomain.IsNull():
		diags.AddAttributeError(path.Root("ad_domain"), "Missing AD domain",
			`ad_domain is required when user_type is "ad" (UserMeta.AdDomain), e.g. ad_domain = "corp.example.com".`)
	case userType == UserTypeSimple && !m.ADDomain.IsNull():
		diags.AddAttributeError(path.Root("ad_domain"), "AD domain not allowed",
			`ad_domain applies only to user_type = "ad"; remove it or set user_type = "ad".`)
	}
	return diags
}

var _ resource.ResourceWithModifyPlan = (*userAuthorizationResource)(nil)

// ModifyPlan checks, with one GetAppInstanceGroup, that a delivery group
// known at plan exists, so a wrong delivery_group_id fails the plan rather
// than the apply. Other errors leave the check to apply.
func (r *userAuthorizationResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || r.Client == nil {
		return
	}
	var groupID, prior types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("delivery_group_id"), &groupID)...)
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("delivery_group_id"), &prior)...)
	}
	if resp.Diagnostics.HasError() || groupID.IsUnknown() || groupID.IsNull() || groupID.Equal(prior) {
		return
	}
	_, err := r.Client.GetAppInstanceGroup(ctx, groupID.ValueString())
	switch {
	case client.IsNotFound(err):
		common.DeliveryGroupNotFound(&resp.Diagnostics, groupID.ValueString(), r.Client.RegionID())
	case err != nil:
		tflog.Debug(ctx, "user authorization: delivery group check deferred to apply", map[string]any{"error": err.Error()})
	}
}
