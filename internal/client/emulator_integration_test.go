// End-to-end checks against internal/emulator over real HTTP with V2
// signatures.
package client

import (
	"context"
	"testing"
	"time"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
)

func TestEmulatorEndToEnd(t *testing.T) {
	srv := emulator.NewServer(emulator.Options{})
	t.Cleanup(srv.Close)
	c := testClient(t, srv.URL, func(cfg *Config) {
		cfg.Credential = staticCred(emulator.DefaultAccessKeyID, emulator.DefaultAccessKeySecret, "")
	})
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()

	regions, err := c.ListRegions(ctx, "", "")
	if err != nil || len(regions) == 0 || regions[0].ID == "" {
		t.Fatalf("ListRegions: %v %v", regions, err)
	}
	types, err := c.ListAllNodeInstanceTypes(ctx, ListNodeInstanceTypesInput{BizRegionID: regions[0].ID})
	if err != nil || len(types) == 0 {
		t.Fatalf("ListNodeInstanceType: %v %v", types, err)
	}
	images, err := c.ListAllImages(ctx, ListImagesInput{})
	if err != nil || len(images) == 0 {
		t.Fatalf("ListImage: %v %v", images, err)
	}
	out, err := c.CreateAppInstanceGroup(ctx, CreateAppInstanceGroupInput{
		AppInstanceGroupName: "it-" + time.Now().Format("150405.000"), AppCenterImageID: images[0].ImageID, BizRegionID: regions[0].ID,
		ChargeType: "PostPaid", ChargeResourceMode: "Node", Period: 1, PeriodUnit: "Month", SessionTimeout: intp(15), AutoPay: boolp(true),
		NodePool: &NodePoolStrategy{NodeInstanceType: types[0].NodeInstanceType, NodeCapacity: intp(1), StrategyType: "NODE_FIXED", NodeAmount: intp(1)},
	})
	if err != nil || out.AppInstanceGroupID == "" {
		t.Fatalf("Create: %+v %v", out, err)
	}
	g, err := c.WaitForGroupStatus(ctx, out.AppInstanceGroupID, []GroupStatus{GroupPublished}, []GroupStatus{GroupDeploying}, 30*time.Second)
	if err != nil || g.SessionTimeout != 15 {
		t.Fatalf("wait: %+v %v", g, err)
	}
	if err := c.ModifyAppInstanceGroupAttribute(ctx, ModifyAppInstanceGroupAttributeInput{AppInstanceGroupID: g.AppInstanceGroupID, SessionTimeout: intp(30)}); err != nil {
		t.Fatal(err)
	}
	if g, err = c.GetAppInstanceGroup(ctx, g.AppInstanceGroupID); err != nil || g.SessionTimeout != 30 {
		t.Fatalf("get after modify: %+v %v", g, err)
	}
	if _, err := c.TagCloudResources(ctx, "AppInstanceGroupId", []string{g.AppInstanceGroupID}, []Tag{{Key: "env", Value: "it"}}); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteAppInstanceGroup(ctx, g.AppInstanceGroupID); err != nil {
		t.Fatal(err)
	}
	if err := c.WaitForGroupDeleted(ctx, g.AppInstanceGroupID, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetAppInstanceGroup(ctx, g.AppInstanceGroupID); !IsNotFound(err) {
		t.Fatalf("get after delete: %v", err)
	}
}
