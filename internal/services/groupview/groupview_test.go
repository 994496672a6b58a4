package groupview

import (
	"testing"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
)

func TestFlattenGroup(t *testing.T) {
	g := client.AppInstanceGroup{AppInstanceGroupID: "aig-1", SessionTimeout: -1, GmtCreate: "2022-04-26T15:06:16.000+00:00",
		OtaInfo: &client.OtaInfo{OtaVersion: "1.0", TaskID: "t-1"},
		NodePool: []client.NodePool{{NodePoolID: "rg-1", NodeAmount: 3, Amount: 2, NodeUsed: 1, ScalingNodeAmount: 8, ScalingNodeUsed: 4,
			ScalingUsageThreshold: 85, StrategyType: "NODE_SCALING_BY_SCHEDULE",
			RecurrenceSchedules: []client.RecurrenceSchedule{{RecurrenceType: "Weekly", RecurrenceValues: []int{1, 5},
				TimerPeriods: []client.TimerPeriod{{StartTime: "09:30", EndTime: "11:00", Amount: 5}}}}}}}
	m := Flatten(g)
	np := m.NodePool
	if m.SessionTimeout.ValueInt64() != -1 || m.CreatedAt.ValueString() != "2022-04-26T15:06:16Z" || !m.Ota.NewVersion.IsNull() ||
		np.Amount.ValueInt64() != 3 || np.PurchasedAmount.ValueInt64() != 2 || np.ScalingNodeUsed.ValueInt64() != 4 ||
		np.ScalingUsageThreshold.ValueInt64() != 85 || len(np.RecurrenceSchedules) != 1 ||
		np.RecurrenceSchedules[0].Days[1] != 5 || np.RecurrenceSchedules[0].Periods[0].Amount.ValueInt64() != 5 {
		t.Errorf("flatten = %+v / %+v", m, np)
	}
}

// TestTagsOneRule: the rule the resource and the data source share. A
// reserved key is the service's even when the API labels it Custom, and a
// List page without Tags falls back to ResourceTags.
func TestTagsOneRule(t *testing.T) {
	user, system := Tags(client.AppInstanceGroup{Tags: []client.Tag{
		{Key: "env", Value: "prod", Scope: "Custom"},
		{Key: "System/Scheduler/GRAYSCALE", Value: "false", Scope: "System"},
		{Key: "acs:owner", Value: "svc", Scope: "Custom"},
		{Key: "team", Value: "x", Scope: "system"},
	}})
	if len(user) != 1 || user["env"] != "prod" {
		t.Errorf("user tags = %v", user)
	}
	if len(system) != 3 || system["acs:owner"] != "svc" || system["team"] != "x" {
		t.Errorf("system tags = %v", system)
	}
	user, _ = Tags(client.AppInstanceGroup{ResourceTags: []client.Tag{{Key: "env", Value: "dev", Scope: "Custom"}}})
	if user["env"] != "dev" {
		t.Errorf("ResourceTags not used when Tags is empty: %v", user)
	}
}
