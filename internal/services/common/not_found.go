package common

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// DeliveryGroupNotFound is the plan-time error for a delivery_group_id that
// names no existing group.
func DeliveryGroupNotFound(diags *diag.Diagnostics, groupID, region string) {
	diags.AddAttributeError(path.Root("delivery_group_id"), "Delivery group not found",
		fmt.Sprintf("There is no delivery group %s in region %s. Check delivery_group_id: use "+
			"appstreaming_delivery_group.<name>.id, or list existing groups with the appstreaming_delivery_groups data source.",
			groupID, region))
}
