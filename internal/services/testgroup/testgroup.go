// Package testgroup creates delivery groups for acceptance tests of
// resources that need one (app policy, user authorization) without
// depending on the appstreaming_delivery_group resource. It goes through
// internal/client over real HTTP, like the provider.
package testgroup

import (
	"context"
	"testing"
	"time"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
)

// Region is the business region of the groups created here.
const Region = "cn-shanghai"

// Client returns an API client for the emulator at url (http://host:port).
func Client(t *testing.T, url string) *client.Client {
	t.Helper()
	cred, err := client.ResolveCredential(client.CredentialConfig{
		AccessKey: emulator.DefaultAccessKeyID, SecretKey: emulator.DefaultAccessKeySecret})
	if err != nil {
		t.Fatalf("credential: %v", err)
	}
	c, err := client.New(client.Config{Endpoint: url, Credential: cred, RegionID: Region, PollInterval: 10 * time.Millisecond})
	if err != nil {
		t.Fatalf("client: %v", err)
	}
	return c
}

// Group is a published delivery group and its policy.
type Group struct {
	ID       string
	PolicyID string
}

// Create publishes a small pay-as-you-go delivery group and waits until it
// is PUBLISHED.
func Create(t *testing.T, c *client.Client, name string) Group {
	t.Helper()
	ctx := context.Background()
	amount, capacity, timeout, autoPay := 1, 1, 15, true
	out, err := c.CreateAppInstanceGroup(ctx, client.CreateAppInstanceGroupInput{
		AppCenterImageID: "img-win2019-office", AppInstanceGroupName: name, BizRegionID: Region,
		ChargeResourceMode: "Node", ChargeType: "PostPaid", Period: 1, PeriodUnit: "Month", SessionTimeout: &timeout,
		AutoPay: &autoPay,
		NodePool: &client.NodePoolStrategy{NodeInstanceType: "appstreaming.general.4c8g", NodeAmount: &amount,
			NodeCapacity: &capacity, StrategyType: "NODE_FIXED"},
	})
	if err != nil {
		t.Fatalf("CreateAppInstanceGroup: %v", err)
	}
	g, err := c.GetAppInstanceGroup(ctx, out.AppInstanceGroupID)
	if err != nil {
		t.Fatalf("GetAppInstanceGroup: %v", err)
	}
	if g.AppPolicyID == "" {
		t.Fatalf("group %s has no AppPolicyId", g.AppInstanceGroupID)
	}
	return Group{ID: g.AppInstanceGroupID, PolicyID: g.AppPolicyID}
}
