package deliverygrouplist

import (
	"regexp"
	"testing"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
)

func TestQueryKeep(t *testing.T) {
	g := func(id, name, status, charge string, tags ...client.Tag) client.AppInstanceGroup {
		return client.AppInstanceGroup{AppInstanceGroupID: id, AppInstanceGroupName: name, Status: status, ChargeType: charge,
			RegionID: "cn-shanghai", AppCenterImageID: "img-a", Tags: tags,
			NodePool: []client.NodePool{{NodeInstanceType: "appstreaming.general.4c8g"}}}
	}
	groups := []client.AppInstanceGroup{
		g("aig-3", "office-subscription", "PUBLISHED", "PrePaid"),
		g("aig-1", "office", "PUBLISHED", "PostPaid", client.Tag{Key: "team", Value: "finance"}),
		g("aig-2", "cad", "FAILED", "PostPaid", client.Tag{Key: "team", Value: "design"}, client.Tag{Key: "env", Value: "prod"}),
		g("aig-1", "office", "PUBLISHED", "PostPaid"), // a duplicate across pages
	}
	cases := map[string]struct {
		q    query
		want []string
	}{
		"none":           {query{}, []string{"aig-1", "aig-2", "aig-3"}},
		"exact name":     {query{name: "office"}, []string{"aig-1"}},
		"regex":          {query{nameRegex: regexp.MustCompile(`^office`)}, []string{"aig-1", "aig-3"}},
		"charge type":    {query{chargeType: "PrePaid"}, []string{"aig-3"}},
		"status":         {query{status: []string{"FAILED", "EXPIRED"}}, []string{"aig-2"}},
		"tags are AND":   {query{tags: map[string]string{"team": "design", "env": "prod"}}, []string{"aig-2"}},
		"tag value":      {query{tags: map[string]string{"team": "design", "env": "dev"}}, nil},
		"instance type":  {query{instanceType: "appstreaming.general.8c16g"}, nil},
		"other region":   {query{regionID: "cn-hangzhou"}, nil},
		"image + status": {query{imageID: "img-a", status: []string{"PUBLISHED"}}, []string{"aig-1", "aig-3"}},
	}
	for name, c := range cases {
		got := c.q.keep(groups)
		var ids []string
		for _, x := range got {
			ids = append(ids, x.AppInstanceGroupID)
		}
		if len(ids) != len(c.want) {
			t.Errorf("%s: %v, want %v", name, ids, c.want)
			continue
		}
		for i := range ids {
			if ids[i] != c.want[i] {
				t.Errorf("%s: %v, want %v", name, ids, c.want)
			}
		}
	}
}
