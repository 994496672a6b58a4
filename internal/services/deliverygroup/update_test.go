package deliverygroup

import (
	"testing"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
)

func TestKeepStrategy(t *testing.T) {
	st, ok := keepStrategy(client.NodePool{StrategyType: "NODE_SCALING_BY_USAGE", MaxScalingAmount: 5, ScalingStep: 2, ScalingUsageThreshold: 80, ScalingDownAfterIdleMinutes: 10}, 3)
	if !ok || st.StrategyType != "NODE_SCALING_BY_USAGE" || *st.NodeAmount != 3 || *st.MaxScalingAmount != 5 || *st.ScalingUsageThreshold != 80 {
		t.Fatalf("usage strategy not kept: %+v", st)
	}
	if _, ok := keepStrategy(client.NodePool{StrategyType: "NODE_SCALING_BY_SCHEDULE"}, 3); ok {
		t.Fatal("a schedule takes no amount")
	}
	if st, ok := keepStrategy(client.NodePool{}, 2); !ok || st.StrategyType != "NODE_FIXED" {
		t.Fatalf("empty strategy means NODE_FIXED: %+v", st)
	}
}
