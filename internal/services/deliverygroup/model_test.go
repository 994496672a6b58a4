package deliverygroup

import (
	"context"
	"testing"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
)

func TestFlattenOwnership(t *testing.T) {
	g := &client.AppInstanceGroup{AppInstanceGroupID: "aig-1", ChargeType: "PostPaid", SessionTimeout: 15,
		NodePool: []client.NodePool{{NodePoolID: "rg-1", NodeAmount: 7, NodeCapacity: 2, StrategyType: "NODE_SCALING_BY_SCHEDULE"}},
		Tags: []client.Tag{{Key: "env", Value: "dev", Scope: "Custom"}, {Key: "System/Scheduler/GRAYSCALE", Value: "true", Scope: "System"},
			{Key: "System/Scheduler/STOP_NEW_USER_CONNECTION", Value: "x"}}}
	m := model("PostPaid", "img-a", "NODE_FIXED", 3)
	if d := m.flatten(context.Background(), g); d.HasError() {
		t.Fatal(d)
	}
	if got := m.NodePool.Amount.ValueInt64(); got != 3 {
		t.Errorf("schedule-driven amount: got %d, want the recorded 3", got)
	}
	if tags := m.Tags.Elements(); len(tags) != 1 || tags["env"] == nil {
		t.Errorf("tags = %v, want only env", tags)
	}
	g.NodePool[0].StrategyType = "NODE_SCALING_BY_USAGE"
	_ = m.flatten(context.Background(), g)
	if got := m.NodePool.Amount.ValueInt64(); got != 7 {
		t.Errorf("usage scaling: amount %d, want the service's 7 (drift visible)", got)
	}
	g.ChargeType, g.NodePool[0].StrategyType, g.NodePool[0].NodeAmount = "PrePaid", "NODE_SCALING_BY_USAGE", 4
	_ = m.flatten(context.Background(), g)
	if got := m.NodePool.Amount.ValueInt64(); got != 4 {
		t.Errorf("PrePaid: amount %d, want 4", got)
	}
}
