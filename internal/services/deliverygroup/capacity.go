package deliverygroup

import (
	"context"
	"fmt"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/validators"
)

// instanceTypeLookups caches ListNodeInstanceType answers for one run: the
// provider builds one client per run (Configure), so keying by the client
// makes plan and apply of many groups of one undocumented type cost one call.
var instanceTypeLookups sync.Map // lookupKey → *lookupResult

type lookupKey struct {
	c                    *client.Client
	region, instanceType string
}

type lookupResult struct {
	once  sync.Once
	found *client.NodeInstanceType
	err   error
}

func (r *deliveryGroupResource) lookupInstanceType(ctx context.Context, region, instanceType string) (*client.NodeInstanceType, error) {
	v, _ := instanceTypeLookups.LoadOrStore(lookupKey{r.Client, region, instanceType}, &lookupResult{})
	res := v.(*lookupResult)
	res.once.Do(func() {
		out, err := r.Client.ListNodeInstanceTypes(ctx, client.ListNodeInstanceTypesInput{BizRegionID: region, NodeInstanceType: instanceType})
		if err != nil {
			res.err = err
			return
		}
		for i := range out.Types {
			if out.Types[i].NodeInstanceType == instanceType {
				res.found = &out.Types[i]
			}
		}
	})
	if res.err != nil {
		// A failed lookup is not remembered: the next check asks again.
		instanceTypeLookups.CompareAndDelete(lookupKey{r.Client, region, instanceType}, res)
	}
	return res.found, res.err
}

// checkCapacity checks node_pool.capacity against the instance type: the
// documented table without a call, any other type with one (cached)
// ListNodeInstanceType lookup, which must offer the type. It runs at plan
// when the values are known and again at apply, before anything is ordered.
func (r *deliveryGroupResource) checkCapacity(ctx context.Context, region, instanceType string, capacity types.Int64, diags *diag.Diagnostics) bool {
	if _, _, ok := validators.DocumentedCapacityRange(instanceType); ok {
		c := common.IntPtr(capacity)
		if c == nil {
			return true
		}
		if err := validators.CheckCapacity(instanceType, int64(*c), 0); err != nil {
			diags.AddAttributeError(path.Root("node_pool").AtName("capacity"), "Invalid Node Capacity", err.Error())
			return false
		}
		return true
	}
	found, err := r.lookupInstanceType(ctx, region, instanceType)
	if err != nil {
		common.APIError(diags, "Cannot look up the node instance type", err,
			"ListNodeInstanceType is needed to check node_pool.capacity for an instance type outside the documented table; "+
				"check the provider's region and credentials, then plan again.")
		return false
	}
	if found == nil {
		diags.AddAttributeError(path.Root("node_pool").AtName("instance_type"), "Unknown Instance Type",
			fmt.Sprintf("ListNodeInstanceType in %s does not offer %q. Use the appstreaming_instance_types data source to list the available types.", region, instanceType))
		return false
	}
	if c := common.IntPtr(capacity); c != nil {
		if err := validators.CheckCapacity(instanceType, int64(*c), int64(found.MaxCapacity)); err != nil {
			diags.AddAttributeError(path.Root("node_pool").AtName("capacity"), "Invalid Node Capacity",
				err.Error()+" (MaxCapacity from ListNodeInstanceType). Lower node_pool.capacity or choose a larger instance type.")
			return false
		}
	}
	return true
}
