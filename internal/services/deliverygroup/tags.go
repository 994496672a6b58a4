package deliverygroup

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
)

func mapOf(ctx context.Context, m types.Map, diags *diag.Diagnostics) map[string]string {
	out := map[string]string{}
	if m.IsNull() || m.IsUnknown() {
		return out
	}
	diags.Append(m.ElementsAs(ctx, &out, false)...)
	return out
}

// applyTags makes the custom tags go from old to new: untag removed keys,
// tag new or changed ones.
func (r *deliveryGroupResource) applyTags(ctx context.Context, id string, old, new map[string]string, diags *diag.Diagnostics) bool {
	var remove []string
	for k := range old {
		if _, ok := new[k]; !ok {
			remove = append(remove, k)
		}
	}
	var set []client.Tag
	for k, v := range new {
		if ov, ok := old[k]; !ok || ov != v {
			set = append(set, client.Tag{Key: k, Value: v})
		}
	}
	const resourceType = common.TagResourceTypeGroup
	// UntagCloudResources takes at most 10 keys per call (api-notes §4 rule 39).
	for len(remove) > 0 {
		n := min(10, len(remove))
		failed, err := r.Client.UntagCloudResources(ctx, resourceType, []string{id}, remove[:n])
		if err == nil && len(failed) > 0 {
			err = fmt.Errorf("UntagCloudResources: %s: %s", failed[0].Code, failed[0].Message)
		}
		if err != nil {
			common.APIError(diags, "Cannot remove delivery group tags", err, "")
			return false
		}
		remove = remove[n:]
	}
	if len(set) > 0 {
		failed, err := r.Client.TagCloudResources(ctx, resourceType, []string{id}, set)
		if err == nil && len(failed) > 0 {
			err = fmt.Errorf("TagCloudResources: %s: %s", failed[0].Code, failed[0].Message)
		}
		if err != nil {
			common.APIError(diags, "Cannot tag delivery group", err, "")
			return false
		}
	}
	return true
}
