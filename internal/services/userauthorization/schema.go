package userauthorization

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/validators"
)

// User types (UserMeta.Type, api-notes §4 rule 37).
const (
	UserTypeSimple = "simple"
	UserTypeAD     = "ad"
)

func (r *userAuthorizationResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The complete list of end users and user groups authorized to use one delivery group " +
			"(API `AuthorizeInstanceGroup`, read with `PageListAppInstanceGroupUser` and `ListAuthorizedUserGroups`).\n\n" +
			"The resource is **authoritative**: apply authorizes what the configuration lists and revokes every other " +
			"user and user group of the delivery group, including those added in the console (they show up as drift). " +
			"Use one `appstreaming_user_authorization` per delivery group. It never takes over: creating it on a delivery " +
			"group that already authorizes users or user groups the configuration does not list fails without changing " +
			"anything, and says to import the group's authorizations first (the plan after the import shows exactly who " +
			"would be added and revoked). User group IDs (`ug-…`) are listed in the WUYING console under Users > User Groups. " +
			"Changes are sent in batches of at most 100 " +
			"IDs per list per call.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Same as `delivery_group_id`.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"delivery_group_id": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Delivery group (`AppInstanceGroupId`, `aig-…`) whose authorizations this resource owns. " +
					"Changing it replaces the resource. When known at plan, its existence is checked then (one `GetAppInstanceGroup`).",
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:    []validator.String{validators.DeliveryGroupID},
			},
			"users": schema.SetAttribute{
				ElementType: types.StringType,
				Optional:    true,
				MarkdownDescription: "Usernames allowed to use the delivery group (`AuthorizeUserIds` / `UnAuthorizeUserIds`, " +
					"read from `PageListAppInstanceGroupUser.Users`). Entries must be non-empty, without leading or trailing " +
					"whitespace, and must not differ only in letter case (whether the service treats `Alice` and `alice` as " +
					"one account is undocumented, so such pairs are rejected). Null or empty means no users.",
				Validators: []validator.Set{validators.NoEmptyStrings(), caseInsensitiveUnique()},
			},
			"user_groups": schema.SetAttribute{
				ElementType: types.StringType,
				Optional:    true,
				MarkdownDescription: "User group IDs (`ug-…`, not names; checked at plan) allowed to use the delivery group (`AuthorizeUserGroupIds` / " +
					"`UnAuthorizeUserGroupIds`, read from `ListAuthorizedUserGroups`). Null or empty means no user groups.",
				Validators: []validator.Set{validators.NoEmptyStrings(), caseInsensitiveUnique(),
					setvalidator.ValueStringsAre(validators.UserGroupID)},
			},
			"user_type": schema.StringAttribute{
				Optional: true,
				Computed: true,
				Default:  stringdefault.StaticString(UserTypeSimple),
				MarkdownDescription: "Account type of `users` (`UserMeta.Type`): `simple` (convenience accounts, the default) " +
					"or `ad` (Active Directory; needs `ad_domain`). The API cannot read it back: after an import it is " +
					"unknown to the state and the next apply records the configured value without changing any authorization. " +
					"Changing it later replaces the resource (users are revoked, then authorized again with the new type).",
				Validators: []validator.String{stringvalidator.OneOf(UserTypeSimple, UserTypeAD)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplaceIf(knownBeforeAndChanged,
					"Changing the account type re-authorizes every user.", "Changing the account type re-authorizes every user.")},
			},
			"ad_domain": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Active Directory domain of `users` (`UserMeta.AdDomain`), e.g. `corp.example.com`. " +
					"Required when `user_type` is `ad`, not allowed with `simple`. Changing it replaces the resource.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplaceIf(knownBeforeAndChanged,
					"Changing the AD domain re-authorizes every user.", "Changing the AD domain re-authorizes every user.")},
			},
		},
	}
}

// knownBeforeAndChanged asks for replacement only when the state held a
// value: after an import user_type/ad_domain are null (the API cannot read
// them), and adopting the configured value must not revoke anybody.
func knownBeforeAndChanged(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
	resp.RequiresReplace = !req.StateValue.IsNull()
}
