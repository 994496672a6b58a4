// Package userauthorization implements the appstreaming_user_authorization
// resource: the authoritative list of users and user groups of one delivery
// group (AuthorizeInstanceGroup, PageListAppInstanceGroupUser, ListAuthorizedUserGroups).
package userauthorization

import (
	"context"
	"fmt"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
)

// NewResource is the constructor the provider registers.
func NewResource() resource.Resource {
	return &userAuthorizationResource{ResourceBase: common.ResourceBase{TypeSuffix: "_user_authorization"}}
}

type userAuthorizationResource struct {
	common.ResourceBase
}

var (
	_ resource.Resource                   = (*userAuthorizationResource)(nil)
	_ resource.ResourceWithConfigure      = (*userAuthorizationResource)(nil)
	_ resource.ResourceWithImportState    = (*userAuthorizationResource)(nil)
	_ resource.ResourceWithValidateConfig = (*userAuthorizationResource)(nil)
)

// remote is what the service currently authorizes.
type remote struct{ users, groups []string }

func (r *userAuthorizationResource) readRemote(ctx context.Context, groupID string) (remote, error) {
	// The two listings cannot be batched across groups; they run side by
	// side so a refresh pays one round trip, not two.
	var (
		users   []string
		ugs     []client.UserGroup
		userErr error
		wg      sync.WaitGroup
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		users, userErr = r.Client.ListAllAppInstanceGroupUsers(ctx, groupID)
	}()
	ugs, err := r.Client.ListAllAuthorizedUserGroups(ctx, groupID)
	wg.Wait()
	if userErr != nil {
		return remote{}, userErr
	}
	if err != nil {
		return remote{}, err
	}
	out := remote{users: users}
	for _, g := range ugs {
		out.groups = append(out.groups, g.GroupID)
	}
	return out, nil
}

func (r *userAuthorizationResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan model
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !r.configured(&resp.Diagnostics) {
		return
	}
	resp.Diagnostics.Append(checkRules(plan)...) // values unknown at plan time
	if resp.Diagnostics.HasError() {
		return
	}
	groupID := plan.DeliveryGroupID.ValueString()
	have, err := r.readRemote(ctx, groupID)
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("delivery_group_id"), "Cannot read the delivery group's authorizations",
			fmt.Sprintf("Listing the users and user groups of %s failed: %s. Check delivery_group_id.", groupID, err))
		return
	}
	// Never take over: authorizations the configuration does not list belong
	// to someone else (another workspace, the console) until imported.
	wantUsers := setStrings(ctx, plan.Users, &resp.Diagnostics)
	wantGroups := setStrings(ctx, plan.UserGroups, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if d, ok := takeoverError(groupID, difference(have.users, wantUsers), difference(have.groups, wantGroups)); !ok {
		resp.Diagnostics.Append(d)
		return
	}
	plan.ID = types.StringValue(groupID)
	r.converge(ctx, &plan, have, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		// Nothing is saved: the state of a failed create would otherwise hold
		// what was there before, and destroying the tainted resource would
		// revoke it. What was authorized so far is listed in the configuration,
		// so the next apply adopts it.
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	common.SetIdentity(ctx, resp.Identity, identityIDAttr, groupID, r.identityRegion(ctx, resp.Identity), &resp.Diagnostics)
}

func (r *userAuthorizationResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var st model
	resp.Diagnostics.Append(req.State.Get(ctx, &st)...)
	if resp.Diagnostics.HasError() || !r.configured(&resp.Diagnostics) {
		return
	}
	groupID := st.ID.ValueString()
	have, err := r.readRemote(ctx, groupID)
	if client.IsNotFound(err) {
		common.RemoveFromState(ctx, resp, identityIDAttr, groupID, "")
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Cannot read the delivery group's authorizations",
			fmt.Sprintf("Listing the users and user groups of %s failed: %s", groupID, err))
		return
	}
	st.DeliveryGroupID = types.StringValue(groupID)
	st.Users = flattenSet(have.users, st.Users)
	st.UserGroups = flattenSet(have.groups, st.UserGroups)
	resp.Diagnostics.Append(resp.State.Set(ctx, st)...)
	common.SetIdentity(ctx, resp.Identity, identityIDAttr, groupID, r.identityRegion(ctx, req.Identity), &resp.Diagnostics)
}

func (r *userAuthorizationResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, st model
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &st)...)
	if resp.Diagnostics.HasError() || !r.configured(&resp.Diagnostics) {
		return
	}
	resp.Diagnostics.Append(checkRules(plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// The prior state was just refreshed, so it is what the service holds.
	have := remote{users: setStrings(ctx, st.Users, &resp.Diagnostics), groups: setStrings(ctx, st.UserGroups, &resp.Diagnostics)}
	plan.ID = st.ID
	r.converge(ctx, &plan, have, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	// CLIs before 1.12 keep no identity, so it is set again on every update.
	common.SetIdentity(ctx, resp.Identity, identityIDAttr, st.ID.ValueString(), r.identityRegion(ctx, resp.Identity), &resp.Diagnostics)
}

func (r *userAuthorizationResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var st model
	resp.Diagnostics.Append(req.State.Get(ctx, &st)...)
	if resp.Diagnostics.HasError() || !r.configured(&resp.Diagnostics) {
		return
	}
	// Revoke exactly what this resource manages; nothing else is touched.
	c := change{removeUsers: setStrings(ctx, st.Users, &resp.Diagnostics), removeGroups: setStrings(ctx, st.UserGroups, &resp.Diagnostics)}
	for _, in := range batches(st.ID.ValueString(), c, userMeta(st)) {
		err := r.Client.AuthorizeInstanceGroup(ctx, in)
		if client.IsNotFound(err) {
			return // the delivery group is gone, and its authorizations with it
		}
		if err != nil {
			resp.Diagnostics.AddError("Cannot revoke authorizations",
				fmt.Sprintf("AuthorizeInstanceGroup on %s failed: %s. Run terraform destroy again.", st.ID.ValueString(), err))
			return
		}
	}
}

func (r *userAuthorizationResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	common.ImportByIDOrIdentity(ctx, req, resp, identityIDAttr, "id", "delivery_group_id")
}

func (r *userAuthorizationResource) configured(diags *diag.Diagnostics) bool {
	return common.RequireClient(r.Client, diags)
}

// converge sends the calls that turn have into the plan. On a failed call it
// leaves in m what the service holds by then (users/groups of the batches
// that succeeded), so the state stays true and the next plan shows the rest.
func (r *userAuthorizationResource) converge(ctx context.Context, m *model, have remote, diags *diag.Diagnostics) {
	wantUsers := setStrings(ctx, m.Users, diags)
	wantGroups := setStrings(ctx, m.UserGroups, diags)
	if diags.HasError() {
		return
	}
	groupID := m.ID.ValueString()
	c := diff(wantUsers, have.users, wantGroups, have.groups)
	users, groups := have.users, have.groups
	for _, in := range batches(groupID, c, userMeta(*m)) {
		if err := r.Client.AuthorizeInstanceGroup(ctx, in); err != nil {
			diags.AddError("Cannot change authorizations",
				fmt.Sprintf("AuthorizeInstanceGroup on %s failed: %s. Part of the change may have been applied; "+
					"run terraform apply again to finish it.", groupID, err))
			m.Users = flattenSet(users, m.Users)
			m.UserGroups = flattenSet(groups, m.UserGroups)
			return
		}
		users = append(difference(users, in.UnAuthorizeUserIDs), in.AuthorizeUserIDs...)
		groups = append(difference(groups, in.UnAuthorizeUserGroupIDs), in.AuthorizeUserGroupIDs...)
	}
}
