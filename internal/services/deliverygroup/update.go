package deliverygroup

// update.go: what Update sends — the changed attributes, and a new node
// count that keeps the pool's scaling strategy.

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/services/common"
)

// modifyInput collects only the changed attributes that
// ModifyAppInstanceGroupAttribute handles.
func modifyInput(plan, state *resourceModel) (client.ModifyAppInstanceGroupAttributeInput, bool) {
	var in client.ModifyAppInstanceGroupAttributeInput
	changed := false
	if !plan.Name.Equal(state.Name) {
		in.AppInstanceGroupName, changed = plan.Name.ValueString(), true
	}
	if !plan.SessionTimeout.Equal(state.SessionTimeout) {
		in.SessionTimeout, changed = common.IntPtr(plan.SessionTimeout), true
	}
	if !plan.NodePool.Capacity.IsUnknown() && !plan.NodePool.Capacity.Equal(state.NodePool.Capacity) {
		in.NodeCapacity, in.NodePoolID, changed = common.IntPtr(plan.NodePool.Capacity), state.NodePool.ID.ValueString(), true
	}
	if !securityEqual(plan.SecurityPolicy, state.SecurityPolicy) {
		in.SecurityPolicy = plan.SecurityPolicy.expand()
		if in.SecurityPolicy == nil {
			// Removing the object restores the API default.
			f := false
			in.SecurityPolicy = &client.SecurityPolicy{SkipUserAuthCheck: &f}
		}
		changed = true
	}
	if pt, st := storageTypes(plan), storageTypes(state); !stringSetEqual(pt, st) {
		if pt == nil {
			pt = []string{"OFF"} // no storage: the documented "off" value
		}
		in.StoragePolicy, changed = &client.StoragePolicy{StorageTypeList: pt}, true
	}
	if pr, sr := domainRules(plan), domainRules(state); !domainRulesEqual(pr, sr) {
		in.Network, changed = &client.Network{DomainRules: expandDomainRules(pr)}, true
		if plan.Network != nil {
			in.Network.StrategyType = plan.Network.StrategyType.ValueString()
		}
	}
	if pp, sp := perSessionPerApp(plan), perSessionPerApp(state); !pp.Equal(sp) {
		b := pp.ValueBool()
		in.PerSessionPerApp, changed = &b, true
	}
	if !plan.PreOpenAppID.Equal(state.PreOpenAppID) {
		if plan.PreOpenAppID.IsNull() {
			in.PreOpenMode = "OFF"
		} else {
			in.PreOpenMode, in.PreOpenAppID = "SINGLE_APP", plan.PreOpenAppID.ValueString()
		}
		changed = true
	}
	return in, changed
}

func securityEqual(a, b *securityPolicyModel) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.ResetAfterUnbind.Equal(b.ResetAfterUnbind) && a.SkipUserAuthCheck.Equal(b.SkipUserAuthCheck)
}

func storageTypes(m *resourceModel) []string {
	if m.StoragePolicy == nil {
		return nil
	}
	return stringValues(m.StoragePolicy.StorageTypes)
}

func domainRules(m *resourceModel) []domainRuleModel {
	if m.Network == nil {
		return nil
	}
	return m.Network.DomainRules
}

func perSessionPerApp(m *resourceModel) types.Bool {
	if m.RuntimePolicy == nil {
		return types.BoolNull()
	}
	return m.RuntimePolicy.PerSessionPerApp
}

func stringSetEqual(a, b []string) bool {
	if (a == nil) != (b == nil) || len(a) != len(b) {
		return false
	}
	seen := map[string]int{}
	for _, s := range a {
		seen[s]++
	}
	for _, s := range b {
		seen[s]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return true
}

func domainRulesEqual(a, b []domainRuleModel) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !a[i].Domain.Equal(b[i].Domain) || !a[i].Policy.Equal(b[i].Policy) {
			return false
		}
	}
	return true
}

// updateAmount changes the node count: PrePaid through ModifyNodePoolAmount
// (an order for the new total); PostPaid through ModifyNodePoolAttribute,
// re-sending the pool's current strategy so that it is kept. A scheduled
// pool cannot take an amount (api-notes §4 rule 11), so it is left alone (ModifyPlan warned).
func (r *deliveryGroupResource) updateAmount(ctx context.Context, plan, state *resourceModel, diags *diag.Diagnostics) bool {
	id := state.ID.ValueString()
	amount := int(plan.NodePool.Amount.ValueInt64())
	if state.ChargeType.ValueString() == common.ChargePrePaid {
		if _, err := r.Client.ModifyNodePoolAmount(ctx, client.ModifyNodePoolAmountInput{AppInstanceGroupID: id, NodeAmount: amount}); err != nil {
			hint := ""
			if client.IsAmbiguous(err) {
				hint = "The outcome is unknown and this call places an order, so it was not repeated. Check the group's node count in the console, then run terraform apply -refresh-only."
			}
			common.APIError(diags, "Cannot change the node amount of the subscription delivery group", err, hint)
			return false
		}
		return true
	}
	g, err := r.Client.GetAppInstanceGroup(ctx, id)
	if err != nil {
		common.APIError(diags, "Cannot read delivery group before changing the node amount", err, "")
		return false
	}
	if len(g.NodePool) == 0 {
		diags.AddError("Cannot change the node amount", fmt.Sprintf("Delivery group %s has no node pool.", id))
		return false
	}
	st, ok := keepStrategy(g.NodePool[0], amount)
	if !ok {
		diags.AddAttributeWarning(path.Root("node_pool").AtName("amount"), "Node amount not sent",
			"The node pool follows a schedule set by appstreaming_scaling_policy, which drives the node count; node_pool.amount was recorded but not sent.")
		return true
	}
	err = r.Client.ModifyNodePoolAttribute(ctx, client.ModifyNodePoolAttributeInput{PoolID: g.NodePool[0].NodePoolID,
		BizRegionID: state.RegionID.ValueString(), Strategy: st})
	if err != nil {
		common.APIError(diags, "Cannot change the node amount of the delivery group", err, "")
		return false
	}
	return true
}

// keepStrategy is the NodePoolStrategy that sets amount while keeping the
// pool's current strategy and its settings; false for a schedule, which
// takes no amount.
func keepStrategy(p client.NodePool, amount int) (*client.NodePoolStrategy, bool) {
	st := &client.NodePoolStrategy{StrategyType: firstNonEmpty(p.StrategyType, common.StrategyFixed), NodeAmount: &amount}
	switch st.StrategyType {
	case common.StrategyFixed:
		return st, true
	case common.StrategyUsage:
		ptr := func(v int) *int {
			if v == 0 {
				return nil
			}
			return &v
		}
		st.MaxScalingAmount, st.ScalingStep = ptr(p.MaxScalingAmount), ptr(p.ScalingStep)
		st.ScalingUsageThreshold, st.ScalingDownAfterIdleMinutes = &p.ScalingUsageThreshold, ptr(p.ScalingDownAfterIdleMinutes)
		st.MaxIdleAppInstanceAmount = ptr(p.MaxIdleAppInstanceAmount)
		return st, true
	}
	return nil, false
}
