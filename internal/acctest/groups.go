package acctest

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
)

// Group is a published delivery group made for a test, and its app policy.
type Group struct {
	ID       string
	PolicyID string
}

// APIClient returns an API client for the test's target, for tests of
// resources that need a group (app policy, user authorization) without
// depending on appstreaming_delivery_group. It goes through internal/client
// over real HTTP like the provider: to the emulator with its demo keys, or to
// the cloud with the ALIBABA_CLOUD_* credentials and region.
func (e *Env) APIClient(t *testing.T) *client.Client {
	t.Helper()
	cc := client.CredentialConfig{AccessKey: emulator.DefaultAccessKeyID, SecretKey: emulator.DefaultAccessKeySecret}
	cfg := client.Config{RegionID: DefaultRegion, PollInterval: 10 * time.Millisecond}
	if e.IsEmulator() {
		cfg.Endpoint = e.Server.URL
	} else {
		cc = client.CredentialConfig{AccessKey: os.Getenv("ALIBABA_CLOUD_ACCESS_KEY_ID"),
			SecretKey: os.Getenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), SecurityToken: os.Getenv("ALIBABA_CLOUD_SECURITY_TOKEN")}
		cfg.RegionID, cfg.PollInterval = e.Region(), 0
	}
	cred, err := client.ResolveCredential(cc)
	if err != nil {
		t.Fatalf("credential: %v", err)
	}
	cfg.Credential = cred
	c, err := client.New(cfg)
	if err != nil {
		t.Fatalf("client: %v", err)
	}
	return c
}

// Region is the business region the test's provider works in.
func (e *Env) Region() string {
	if r := os.Getenv("ALIBABA_CLOUD_REGION_ID"); !e.IsEmulator() && r != "" {
		return r
	}
	return DefaultRegion
}

// PublishGroup creates a small pay-as-you-go delivery group, waits until it
// is PUBLISHED, and deletes it when the test ends (after Terraform's own
// destroy). It fails the test on any error.
func (e *Env) PublishGroup(t *testing.T, name string) Group {
	t.Helper()
	c := e.APIClient(t)
	ctx := context.Background()
	amount, capacity, timeout, autoPay := 1, 1, 15, true
	out, err := c.CreateAppInstanceGroup(ctx, client.CreateAppInstanceGroupInput{
		AppCenterImageID: "img-win2019-office", AppInstanceGroupName: name, BizRegionID: e.Region(),
		ChargeResourceMode: "Node", ChargeType: "PostPaid", Period: 1, PeriodUnit: "Month", SessionTimeout: &timeout,
		AutoPay: &autoPay,
		NodePool: &client.NodePoolStrategy{NodeInstanceType: "appstreaming.general.4c8g", NodeAmount: &amount,
			NodeCapacity: &capacity, StrategyType: "NODE_FIXED"},
	})
	if err != nil {
		t.Fatalf("CreateAppInstanceGroup: %v", err)
	}
	t.Cleanup(func() {
		if err := c.DeleteAppInstanceGroup(context.Background(), out.AppInstanceGroupID); err != nil && !client.IsNotFound(err) {
			t.Errorf("DeleteAppInstanceGroup %s: %v", out.AppInstanceGroupID, err)
		}
	})
	g, err := c.GetAppInstanceGroup(ctx, out.AppInstanceGroupID)
	// The emulator publishes at once; the cloud takes minutes.
	poll := 10 * time.Millisecond
	if !e.IsEmulator() {
		poll = 30 * time.Second
	}
	for deadline := time.Now().Add(30 * time.Minute); err == nil && g.Status == "DEPLOYING" && time.Now().Before(deadline); {
		time.Sleep(poll)
		g, err = c.GetAppInstanceGroup(ctx, out.AppInstanceGroupID)
	}
	if err != nil {
		t.Fatalf("GetAppInstanceGroup: %v", err)
	}
	if g.AppPolicyID == "" {
		t.Fatalf("group %s (%s) has no AppPolicyId", g.AppInstanceGroupID, g.Status)
	}
	return Group{ID: g.AppInstanceGroupID, PolicyID: g.AppPolicyID}
}
