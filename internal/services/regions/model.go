package regions

import (
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
)

type model struct {
	ID      types.String  `tfsdk:"id"`
	Regions []regionModel `tfsdk:"regions"`
}

type regionModel struct {
	ID   types.String `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
}

// displayNames are Alibaba Cloud's English region names; ListRegions returns IDs only.
var displayNames = map[string]string{
	"cn-hangzhou":    "China (Hangzhou)",
	"cn-shanghai":    "China (Shanghai)",
	"cn-beijing":     "China (Beijing)",
	"cn-shenzhen":    "China (Shenzhen)",
	"cn-hongkong":    "China (Hong Kong)",
	"ap-southeast-1": "Singapore",
	"ap-northeast-1": "Japan (Tokyo)",
	"eu-central-1":   "Germany (Frankfurt)",
	"us-west-1":      "US (Silicon Valley)",
	"us-east-1":      "US (Virginia)",
}

func regionName(id string) string {
	if n, ok := displayNames[id]; ok {
		return n
	}
	return id
}

func flatten(in []client.Region) model {
	ids := make([]string, 0, len(in))
	seen := map[string]bool{}
	for _, r := range in {
		if r.ID == "" || seen[r.ID] {
			continue
		}
		seen[r.ID] = true
		ids = append(ids, r.ID)
	}
	sort.Strings(ids)
	out := model{ID: types.StringValue("regions"), Regions: make([]regionModel, 0, len(ids))}
	for _, id := range ids {
		out.Regions = append(out.Regions, regionModel{ID: types.StringValue(id), Name: types.StringValue(regionName(id))})
	}
	return out
}
