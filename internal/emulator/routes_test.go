package emulator

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// The route table serves exactly the actions of the API-area map, and
// every one of them is reachable (answers something other than
// InvalidAction.NotFound).
func TestRouteTableServesTheAreaMap(t *testing.T) {
	want := []string{
		"ListRegions", "ListImage", "ListNodeInstanceType", // catalog.go
		"CreateAppInstanceGroup", "GetAppInstanceGroup", "ListAppInstanceGroup", // groups.go
		"ModifyAppInstanceGroupAttribute", "UpdateAppInstanceGroupImage", "DeleteAppInstanceGroup",
		"ModifyNodePoolAttribute", "ModifyNodePoolAmount", // nodepool.go
		"ModifyAppPolicy",                                                                    // policies.go
		"AuthorizeInstanceGroup", "PageListAppInstanceGroupUser", "ListAuthorizedUserGroups", // users.go
		"TagCloudResources", "UntagCloudResources", "ListTagCloudResources", // tags.go
		"GetConnectionTicket", "LogOffAllSessionsInAppInstanceGroup", "ListAppInstances", // sessions.go
		"ListOtaTask", "ApproveOtaTask", // ota.go
		"GetResourcePrice", "RenewAppInstanceGroup", // billing.go
	}
	slices.Sort(want)
	if got := Actions(); !slices.Equal(got, want) {
		t.Fatalf("Actions() = %v\nwant %v", got, want)
	}
	e, _ := newTestEmu(Options{})
	for _, a := range want {
		if _, m := do(t, e, a); m["Code"] == "InvalidAction.NotFound" {
			t.Errorf("%s is not routed: %v", a, m)
		}
	}
	for _, a := range []string{"AssumeRole", "AssumeRoleWithOIDC", "GetCallerIdentity"} {
		if _, ok := route(a, STSVersion); !ok {
			t.Errorf("STS action %s is not routed", a)
		}
		if _, ok := route(a, APIVersion); ok {
			t.Errorf("STS action %s is routed for App Streaming", a)
		}
	}
}

// A request refused by validate() changes nothing, even when its earlier
// parameters were valid.
func TestRefusedCallChangesNothing(t *testing.T) {
	e, clk := newTestEmu(Options{DeployDuration: time.Minute})
	id := create(t, e, "AppInstanceGroupName", "before")
	clk.Advance(time.Minute)
	before, _ := e.GroupRecord(id)
	st, m := do(t, e, "ModifyAppInstanceGroupAttribute", "AppInstanceGroupId", id, "ProductType", "CloudApp",
		"AppInstanceGroupName", "after", "SessionTimeout", "30", "NodePool", js(map[string]any{"NodeCapacity": 99}))
	if st != 400 || m["Code"] != "InvalidParameter.NodeCapacity" {
		t.Fatalf("modify with a bad capacity: %d %v", st, m)
	}
	after, _ := e.GroupRecord(id)
	if after.Name != before.Name || after.SessionTimeout != before.SessionTimeout || after.NodePool.NodeCapacity != before.NodePool.NodeCapacity {
		t.Fatalf("refused modify changed the group: name %q→%q, timeout %d→%d, capacity %d→%d",
			before.Name, after.Name, before.SessionTimeout, after.SessionTimeout, before.NodePool.NodeCapacity, after.NodePool.NodeCapacity)
	}
	pol, _ := e.Policy(before.PolicyID)
	st, m = do(t, e, "ModifyAppPolicy", "AppPolicyId", before.PolicyID, "ProductType", "CloudApp",
		"VideoPolicy", js(map[string]any{"FrameRate": 60, "StreamingMode": "bad"}))
	if st != 400 || !strings.HasPrefix(m["Code"].(string), "InvalidParameter.StreamingMode") {
		t.Fatalf("policy with a bad mode: %d %v", st, m)
	}
	if got, _ := e.Policy(before.PolicyID); got.FrameRate != pol.FrameRate {
		t.Fatalf("refused policy change set FrameRate %d→%d", pol.FrameRate, got.FrameRate)
	}
	// The same change without the fault goes through.
	mustOK(t, e, "ModifyAppInstanceGroupAttribute", "AppInstanceGroupId", id, "ProductType", "CloudApp",
		"AppInstanceGroupName", "after", "SessionTimeout", "30")
	if g, _ := e.GroupRecord(id); g.Name != "after" || g.SessionTimeout != 30 {
		t.Fatalf("valid modify: name %q, timeout %d", g.Name, g.SessionTimeout)
	}
}
