package userauthorization

import (
	"context"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
)

type diagnostics = diag.Diagnostics

type model struct {
	ID              types.String `tfsdk:"id"`
	DeliveryGroupID types.String `tfsdk:"delivery_group_id"`
	Users           types.Set    `tfsdk:"users"`
	UserGroups      types.Set    `tfsdk:"user_groups"`
	UserType        types.String `tfsdk:"user_type"`
	ADDomain        types.String `tfsdk:"ad_domain"`
}

// maxIDsPerCall is AuthorizeInstanceGroup's limit per list (api-notes §4 rule 36).
const maxIDsPerCall = 100

// strings returns the known elements of a string set (null → none).
func setStrings(ctx context.Context, s types.Set, diags *diag.Diagnostics) []string {
	if s.IsNull() || s.IsUnknown() {
		return nil
	}
	var out []string
	diags.Append(s.ElementsAs(ctx, &out, false)...)
	return out
}

// flattenSet builds the state value for what the service reports. An empty
// result keeps the form the prior value had (null or []), so a configuration
// that omits the attribute and one that sets it to [] both plan cleanly.
func flattenSet(values []string, prior types.Set) types.Set {
	if len(values) == 0 && (prior.IsNull() || prior.IsUnknown()) {
		return types.SetNull(types.StringType)
	}
	sorted := append([]string(nil), values...)
	sort.Strings(sorted)
	elems := make([]types.String, 0, len(sorted))
	for _, v := range sorted {
		elems = append(elems, types.StringValue(v))
	}
	s, _ := types.SetValueFrom(context.Background(), types.StringType, elems)
	return s
}

// difference returns the entries of a not in b, sorted.
func difference(a, b []string) []string {
	in := make(map[string]bool, len(b))
	for _, v := range b {
		in[v] = true
	}
	var out []string
	for _, v := range a {
		if !in[v] {
			out = append(out, v)
			in[v] = true // dedupe a
		}
	}
	sort.Strings(out)
	return out
}

// change is what one apply must add and remove.
type change struct {
	addUsers, removeUsers, addGroups, removeGroups []string
}

func diff(wantUsers, haveUsers, wantGroups, haveGroups []string) change {
	return change{
		addUsers: difference(wantUsers, haveUsers), removeUsers: difference(haveUsers, wantUsers),
		addGroups: difference(wantGroups, haveGroups), removeGroups: difference(haveGroups, wantGroups),
	}
}

// batches packs a change into as few AuthorizeInstanceGroup calls as the
// 100-per-list limit allows: call i carries the i-th chunk of every list, so
// adds and removes travel together (1,000 adds → 10 calls; +75/−75 → 1).
func batches(groupID string, c change, meta *client.UserMeta) []client.AuthorizeInstanceGroupInput {
	lists := [][]string{c.addUsers, c.removeUsers, c.addGroups, c.removeGroups}
	n := 0
	for _, l := range lists {
		if k := (len(l) + maxIDsPerCall - 1) / maxIDsPerCall; k > n {
			n = k
		}
	}
	chunk := func(l []string, i int) []string {
		lo := i * maxIDsPerCall
		if lo >= len(l) {
			return nil
		}
		return l[lo:min(lo+maxIDsPerCall, len(l))]
	}
	out := make([]client.AuthorizeInstanceGroupInput, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, client.AuthorizeInstanceGroupInput{
			AppInstanceGroupID:      groupID,
			AuthorizeUserIDs:        chunk(c.addUsers, i),
			UnAuthorizeUserIDs:      chunk(c.removeUsers, i),
			AuthorizeUserGroupIDs:   chunk(c.addGroups, i),
			UnAuthorizeUserGroupIDs: chunk(c.removeGroups, i),
			UserMeta:                meta,
		})
	}
	return out
}

// userMeta is the UserMeta sent with every call. A null user_type (only
// after an import, before the first apply) falls back to the default.
func userMeta(m model) *client.UserMeta {
	t := m.UserType.ValueString()
	if m.UserType.IsNull() || m.UserType.IsUnknown() || t == "" {
		t = UserTypeSimple
	}
	meta := &client.UserMeta{Type: t}
	if t == UserTypeAD {
		meta.AdDomain = m.ADDomain.ValueString()
	}
	return meta
}
