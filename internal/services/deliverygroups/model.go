package deliverygroups

import (
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/groupview"
)

type model struct {
	ID           types.String      `tfsdk:"id"`
	IDs          types.List        `tfsdk:"ids"`
	Name         types.String      `tfsdk:"name"`
	Status       types.List        `tfsdk:"status"`
	ImageID      types.String      `tfsdk:"image_id"`
	RegionID     types.String      `tfsdk:"region_id"`
	InstanceType types.String      `tfsdk:"instance_type"`
	OfficeSiteID types.String      `tfsdk:"office_site_id"`
	Tags         types.Map         `tfsdk:"tags"`
	Groups       []groupview.Group `tfsdk:"groups"`
}

// query is the filter set as read from the configuration.
type query struct {
	IDs          []string          `json:"ids,omitempty"`
	Name         string            `json:"name,omitempty"`
	Status       []string          `json:"status,omitempty"`
	ImageID      string            `json:"image_id,omitempty"`
	RegionID     string            `json:"region_id,omitempty"`
	InstanceType string            `json:"instance_type,omitempty"`
	OfficeSiteID string            `json:"office_site_id,omitempty"`
	Tags         map[string]string `json:"tags,omitempty"`
}

// input is the API filter for everything but the IDs.
func (q query) input() client.ListAppInstanceGroupsInput {
	in := client.ListAppInstanceGroupsInput{
		AppCenterImageID:     q.ImageID,
		AppInstanceGroupName: q.Name,
		BizRegionID:          q.RegionID,
		NodeInstanceType:     q.InstanceType,
		OfficeSiteID:         q.OfficeSiteID,
		Status:               q.Status,
	}
	keys := make([]string, 0, len(q.Tags))
	for k := range q.Tags {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		in.Tags = append(in.Tags, client.Tag{Key: k, Value: q.Tags[k]})
	}
	return in
}

// keep reports whether a listed group belongs in the result. IDs and tags
// are checked here too: several IDs are matched client-side by design, and
// the API does not document whether several Tag entries mean AND or OR, so
// AND (what the attribute promises) is enforced here.
func (q query) keep(g client.AppInstanceGroup) bool {
	if len(q.IDs) > 0 {
		found := false
		for _, id := range q.IDs {
			found = found || id == g.AppInstanceGroupID
		}
		if !found {
			return false
		}
	}
	if len(q.Tags) > 0 {
		have := map[string]string{}
		for _, t := range append(append([]client.Tag{}, g.Tags...), g.ResourceTags...) {
			have[t.Key] = t.Value
		}
		for k, v := range q.Tags {
			if got, ok := have[k]; !ok || got != v {
				return false
			}
		}
	}
	return true
}
