package userauthorization

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func names(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s%04d", prefix, i)
	}
	return out
}

func TestBatches(t *testing.T) {
	cases := []struct {
		name      string
		c         change
		wantCalls int
	}{
		{"nothing", change{}, 0},
		{"1000 adds", change{addUsers: names("u", 1000)}, 10},
		{"1001 adds", change{addUsers: names("u", 1001)}, 11},
		{"75 adds and 75 removes share one call", change{addUsers: names("a", 75), removeUsers: names("r", 75)}, 1},
		{"lists are packed side by side", change{addUsers: names("a", 250), removeUsers: names("r", 120), addGroups: names("ug-a", 30), removeGroups: names("ug-r", 201)}, 3},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := batches("aig-1", tc.c, nil)
			if len(got) != tc.wantCalls {
				t.Fatalf("calls = %d, want %d", len(got), tc.wantCalls)
			}
			seen := map[string]int{}
			for _, in := range got {
				for _, l := range [][]string{in.AuthorizeUserIDs, in.UnAuthorizeUserIDs, in.AuthorizeUserGroupIDs, in.UnAuthorizeUserGroupIDs} {
					if len(l) > maxIDsPerCall {
						t.Fatalf("a list of %d IDs exceeds the limit", len(l))
					}
				}
				if len(in.AuthorizeUserIDs)+len(in.UnAuthorizeUserIDs)+len(in.AuthorizeUserGroupIDs)+len(in.UnAuthorizeUserGroupIDs) == 0 {
					t.Fatal("empty call")
				}
				for _, v := range in.AuthorizeUserIDs {
					seen["+u"+v]++
				}
				for _, v := range in.UnAuthorizeUserIDs {
					seen["-u"+v]++
				}
				for _, v := range in.AuthorizeUserGroupIDs {
					seen["+g"+v]++
				}
				for _, v := range in.UnAuthorizeUserGroupIDs {
					seen["-g"+v]++
				}
			}
			want := len(tc.c.addUsers) + len(tc.c.removeUsers) + len(tc.c.addGroups) + len(tc.c.removeGroups)
			if len(seen) != want {
				t.Fatalf("%d distinct IDs sent, want %d", len(seen), want)
			}
			for k, n := range seen {
				if n != 1 {
					t.Fatalf("%s sent %d times", k, n)
				}
			}
		})
	}
}

func TestDiff(t *testing.T) {
	c := diff([]string{"a", "b", "c"}, []string{"b", "c", "d", "e"}, []string{"ug-1"}, nil)
	if got := fmt.Sprint(c.addUsers, c.removeUsers, c.addGroups, c.removeGroups); got != "[a] [d e] [ug-1] []" {
		t.Fatalf("diff = %s", got)
	}
}

func TestFlattenSetKeepsNullOrEmpty(t *testing.T) {
	empty, _ := types.SetValueFrom(context.Background(), types.StringType, []string{})
	if s := flattenSet(nil, types.SetNull(types.StringType)); !s.IsNull() {
		t.Errorf("null prior, no users: got %s, want null", s)
	}
	if s := flattenSet(nil, empty); s.IsNull() || len(s.Elements()) != 0 {
		t.Errorf("empty prior, no users: got %s, want []", s)
	}
	if s := flattenSet([]string{"b", "a"}, types.SetNull(types.StringType)); len(s.Elements()) != 2 {
		t.Errorf("got %s", s)
	}
}

func TestCaseInsensitiveUnique(t *testing.T) {
	for _, tc := range []struct {
		in      []string
		wantErr bool
	}{
		{[]string{"alice", "bob"}, false},
		{[]string{"alice", "Alice"}, true},
		{[]string{"ALICE", "bob", "alice"}, true},
	} {
		set, _ := types.SetValueFrom(context.Background(), types.StringType, tc.in)
		resp := &validator.SetResponse{}
		caseInsensitiveUnique().ValidateSet(context.Background(), validator.SetRequest{Path: path.Root("users"), ConfigValue: set}, resp)
		if resp.Diagnostics.HasError() != tc.wantErr {
			t.Errorf("%v: error = %v, want %v (%v)", tc.in, resp.Diagnostics.HasError(), tc.wantErr, resp.Diagnostics)
		}
	}
}

func TestCheckRules(t *testing.T) {
	users, _ := types.SetValueFrom(context.Background(), types.StringType, []string{"alice"})
	empty, _ := types.SetValueFrom(context.Background(), types.StringType, []string{})
	null := types.SetNull(types.StringType)
	str := types.StringValue
	for _, tc := range []struct {
		name string
		m    model
		want string // "" = valid; else the attribute the error must name
	}{
		{"simple", model{Users: users, UserType: types.StringNull(), ADDomain: types.StringNull()}, ""},
		{"ad with domain", model{Users: users, UserType: str("ad"), ADDomain: str("corp.example.com")}, ""},
		{"nothing", model{Users: null, UserGroups: null, UserType: types.StringNull(), ADDomain: types.StringNull()}, "users"},
		{"both empty", model{Users: empty, UserGroups: empty, UserType: types.StringNull(), ADDomain: types.StringNull()}, "users"},
		{"unknown users are checked at apply", model{Users: types.SetUnknown(types.StringType), UserGroups: null, UserType: types.StringNull(), ADDomain: types.StringNull()}, ""},
		{"ad without domain", model{Users: users, UserType: str("ad"), ADDomain: types.StringNull()}, "ad_domain"},
		{"simple with domain", model{Users: users, UserType: str("simple"), ADDomain: str("corp")}, "ad_domain"},
		{"default with domain", model{Users: users, UserType: types.StringNull(), ADDomain: str("corp")}, "ad_domain"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := checkRules(tc.m)
			if tc.want == "" {
				if d.HasError() {
					t.Fatalf("unexpected errors: %v", d)
				}
				return
			}
			if d.ErrorsCount() != 1 {
				t.Fatalf("errors = %v, want one on %s", d, tc.want)
			}
			if p := fmt.Sprint(d.Errors()[0]); !strings.Contains(fmt.Sprintf("%v", d.Errors()[0].(interface{ Path() path.Path }).Path()), tc.want) {
				t.Fatalf("error %s not on %s", p, tc.want)
			}
		})
	}
}
