package emulator_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	appstream "github.com/alibabacloud-go/appstream-center-20210901/client"
	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	util "github.com/alibabacloud-go/tea-utils/v2/service"
	"github.com/alibabacloud-go/tea/tea"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
)

// testStart is a Monday, 10:00 in UTC+8.
var testStart = time.Date(2026, 6, 1, 2, 0, 0, 0, time.UTC)

func sdkConfig(endpoint, ak, sk string) *openapi.Config {
	return &openapi.Config{
		AccessKeyId: tea.String(ak), AccessKeySecret: tea.String(sk),
		Endpoint: tea.String(endpoint), Protocol: tea.String("HTTP"), RegionId: tea.String("cn-shanghai"),
		ReadTimeout: tea.Int(5000), ConnectTimeout: tea.Int(2000),
	}
}

func newSDK(t *testing.T, srv *emulator.Server, ak, sk string) *appstream.Client {
	t.Helper()
	c, err := appstream.NewClient(sdkConfig(srv.Endpoint(), ak, sk))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func sdkCode(err error) string {
	var se *tea.SDKError
	if errors.As(err, &se) {
		return tea.StringValue(se.Code)
	}
	return ""
}

func rpcParams(action string) *openapi.Params {
	return &openapi.Params{Action: tea.String(action), Version: tea.String("2021-09-01"), Protocol: tea.String("HTTP"),
		Pathname: tea.String("/"), Method: tea.String("POST"), AuthType: tea.String("AK"), Style: tea.String("RPC"),
		ReqBodyType: tea.String("formData"), BodyType: tea.String("json")}
}

// callAPI calls an action SDK1 lacks through CallApi on the same client.
func callAPI(t *testing.T, c *appstream.Client, action string, query map[string]*string, body map[string]interface{}) map[string]interface{} {
	t.Helper()
	res, err := c.CallApi(rpcParams(action), &openapi.OpenApiRequest{Query: query, Body: body}, &util.RuntimeOptions{})
	if err != nil {
		t.Fatalf("%s: %v", action, err)
	}
	b, _ := res["body"].(map[string]interface{})
	if b == nil || b["RequestId"] == nil {
		t.Fatalf("%s: no body/RequestId: %v", action, res)
	}
	return b
}

func mustJSON(v any) string { b, _ := json.Marshal(v); return string(b) }

func createPostPaid(t *testing.T, c *appstream.Client, name string) *appstream.CreateAppInstanceGroupResponse {
	t.Helper()
	resp, err := c.CreateAppInstanceGroup(&appstream.CreateAppInstanceGroupRequest{
		AppCenterImageId: tea.String("img-win2019-office"), AppInstanceGroupName: tea.String(name),
		BizRegionId: tea.String("cn-shanghai"), ChargeResourceMode: tea.String("Node"), ChargeType: tea.String("PostPaid"),
		Period: tea.Int32(1), PeriodUnit: tea.String("Month"), ProductType: tea.String("CloudApp"), SessionTimeout: tea.Int32(15),
		AutoPay: tea.Bool(true),
		NodePool: &appstream.CreateAppInstanceGroupRequestNodePool{NodeInstanceType: tea.String("appstreaming.general.4c8g"),
			NodeAmount: tea.Int32(2), NodeCapacity: tea.Int32(2), StrategyType: tea.String("NODE_FIXED")},
		Users: []*string{tea.String("alice"), tea.String("bob")}, UserInfo: &appstream.CreateAppInstanceGroupRequestUserInfo{Type: tea.String("Simple")},
		RuntimePolicy:  &appstream.CreateAppInstanceGroupRequestRuntimePolicy{SessionType: tea.String("NORMAL"), DebugMode: tea.String("OFF")},
		SecurityPolicy: &appstream.CreateAppInstanceGroupRequestSecurityPolicy{SkipUserAuthCheck: tea.Bool(false), ResetAfterUnbind: tea.Bool(true)},
		StoragePolicy:  &appstream.CreateAppInstanceGroupRequestStoragePolicy{StorageTypeList: []*string{tea.String("PDS")}},
	})
	if err != nil {
		t.Fatalf("create: %v", err)
	}
	return resp
}

func TestSDKRoundTripAllActions(t *testing.T) {
	clock := emulator.NewManualClock(testStart)
	srv := emulator.NewServer(emulator.Options{Clock: clock, MaintainDuration: time.Hour})
	defer srv.Close()
	c := newSDK(t, srv, emulator.DefaultAccessKeyID, emulator.DefaultAccessKeySecret)

	// ListRegions: lower-case regionId must decode.
	regions, err := c.ListRegions()
	if err != nil {
		t.Fatal(err)
	}
	if len(regions.Body.RegionModels) != 3 || tea.StringValue(regions.Body.RegionModels[0].RegionId) == "" {
		t.Fatalf("regions: %v", regions.Body)
	}

	// ListNodeInstanceType: string Cpu, int64 Memory.
	types, err := c.ListNodeInstanceType(&appstream.ListNodeInstanceTypeRequest{ProductType: tea.String("CloudApp"), PageNumber: tea.Int32(1), PageSize: tea.Int32(100), BizRegionId: tea.String("cn-shanghai")})
	if err != nil {
		t.Fatal(err)
	}
	if tea.Int32Value(types.Body.TotalCount) != 6 || len(types.Body.NodeInstanceTypeModels) != 6 {
		t.Fatalf("types: %v", types.Body)
	}
	first := types.Body.NodeInstanceTypeModels[0]
	if tea.StringValue(first.NodeInstanceType) != "appstreaming.general.4c8g" || tea.StringValue(first.Cpu) != "4" || tea.Int64Value(first.Memory) != 8192 || tea.Int32Value(first.MaxCapacity) != 2 {
		t.Fatalf("4c8g row: %v", first)
	}

	// GetResourcePrice.
	price, err := c.GetResourcePrice(&appstream.GetResourcePriceRequest{ProductType: tea.String("CloudApp"), BizRegionId: tea.String("cn-shanghai"),
		ChargeType: tea.String("PrePaid"), NodeInstanceType: tea.String("appstreaming.general.4c8g"), Period: tea.Int64(1), PeriodUnit: tea.String("Month"), Amount: tea.Int64(1)})
	if err != nil {
		t.Fatal(err)
	}
	if got := tea.StringValue(price.Body.PriceModel.Price.OriginalPrice); got != "199.00" {
		t.Fatalf("PrePaid month price = %q", got)
	}
	price, err = c.GetResourcePrice(&appstream.GetResourcePriceRequest{ProductType: tea.String("CloudApp"), BizRegionId: tea.String("cn-shanghai"),
		ChargeType: tea.String("PostPaid"), AppInstanceType: tea.String("appstreaming.general.4c8g"), Period: tea.Int64(1), PeriodUnit: tea.String("Month"), Amount: tea.Int64(1)})
	if err != nil {
		t.Fatal(err)
	}
	if len(price.Body.PriceList) == 0 || tea.StringValue(price.Body.PriceList[0].Price.TradePrice) != "0.726736" || tea.StringValue(price.Body.PriceList[0].PriceType) != "Connected" {
		t.Fatalf("PostPaid session price: %v", price.Body)
	}

	// Create + Get.
	cr := createPostPaid(t, c, "sdk-group")
	gid := tea.StringValue(cr.Body.AppInstanceGroupModel.AppInstanceGroupId)
	poolID := tea.StringValue(cr.Body.AppInstanceGroupModel.NodePoolId)
	if len(gid) != 21 || tea.StringValue(cr.Body.AppInstanceGroupModel.OrderId) == "" || poolID == "" {
		t.Fatalf("create body: %v", cr.Body)
	}
	get := func() *appstream.GetAppInstanceGroupResponseBodyAppInstanceGroupModels {
		t.Helper()
		r, err := c.GetAppInstanceGroup(&appstream.GetAppInstanceGroupRequest{AppInstanceGroupId: tea.String(gid), ProductType: tea.String("CloudApp")})
		if err != nil {
			t.Fatal(err)
		}
		return r.Body.AppInstanceGroupModels
	}
	g := get()
	if tea.StringValue(g.AppCenterImageId) != "img-win2019-office" || tea.StringValue(g.SessionTimeout) != "15" || tea.StringValue(g.Status) != "PUBLISHED" ||
		tea.StringValue(g.AppInstanceGroupName) != "sdk-group" || tea.StringValue(g.ChargeType) != "PostPaid" || len(g.NodePool) != 1 ||
		tea.Int32Value(g.NodePool[0].NodeAmount) != 2 || tea.Int32Value(g.NodePool[0].NodeCapacity) != 2 || tea.StringValue(g.NodePool[0].NodePoolId) != poolID ||
		tea.StringValue(g.RegionId) != "cn-shanghai" || tea.StringValue(g.OsType) != "Windows" || len(g.Apps) != 2 || tea.StringValue(g.AppPolicyId) == "" {
		t.Fatalf("get: %v", g)
	}
	policyID := tea.StringValue(g.AppPolicyId)

	// List with a status filter.
	lr, err := c.ListAppInstanceGroup(&appstream.ListAppInstanceGroupRequest{ProductType: tea.String("CloudApp"), PageNumber: tea.Int32(1), PageSize: tea.Int32(100),
		Status: []*string{tea.String("PUBLISHED")}, BizRegionId: tea.String("cn-shanghai")})
	if err != nil {
		t.Fatal(err)
	}
	if tea.Int32Value(lr.Body.TotalCount) != 1 || tea.StringValue(lr.Body.AppInstanceGroupModels[0].AppInstanceGroupId) != gid || tea.StringValue(lr.Body.AppInstanceGroupModels[0].SessionTimeout) != "15" {
		t.Fatalf("list: %v", lr.Body)
	}

	// ModifyAppInstanceGroupAttribute.
	if _, err := c.ModifyAppInstanceGroupAttribute(&appstream.ModifyAppInstanceGroupAttributeRequest{AppInstanceGroupId: tea.String(gid), ProductType: tea.String("CloudApp"),
		AppInstanceGroupName: tea.String("renamed"), SessionTimeout: tea.Int32(-1),
		NodePool: &appstream.ModifyAppInstanceGroupAttributeRequestNodePool{NodePoolId: tea.String(poolID), NodeCapacity: tea.Int32(1)}}); err != nil {
		t.Fatal(err)
	}
	g = get()
	if tea.StringValue(g.AppInstanceGroupName) != "renamed" || tea.StringValue(g.SessionTimeout) != "-1" || tea.Int32Value(g.NodePool[0].NodeCapacity) != 1 {
		t.Fatalf("after modify: %v", g)
	}

	// ModifyNodePoolAttribute → usage scaling.
	if _, err := c.ModifyNodePoolAttribute(&appstream.ModifyNodePoolAttributeRequest{PoolId: tea.String(poolID), ProductType: tea.String("CloudApp"), BizRegionId: tea.String("cn-shanghai"),
		NodeCapacity: tea.Int32(2), NodePoolStrategy: &appstream.ModifyNodePoolAttributeRequestNodePoolStrategy{StrategyType: tea.String("NODE_SCALING_BY_USAGE"),
			NodeAmount: tea.Int32(3), MaxScalingAmount: tea.Int32(5), ScalingStep: tea.Int32(2), ScalingUsageThreshold: tea.String("80"), ScalingDownAfterIdleMinutes: tea.Int32(10)}}); err != nil {
		t.Fatal(err)
	}
	np := get().NodePool[0]
	if tea.StringValue(np.StrategyType) != "NODE_SCALING_BY_USAGE" || tea.Int32Value(np.NodeAmount) != 3 || tea.StringValue(np.ScalingUsageThreshold) != "80" ||
		tea.Int32Value(np.MaxScalingAmount) != 5 || tea.Int32Value(np.ScalingStep) != 2 || tea.Int32Value(np.ScalingDownAfterIdleMinutes) != 10 || tea.Int32Value(np.NodeCapacity) != 2 {
		t.Fatalf("node pool: %v", np)
	}

	// AuthorizeInstanceGroup + PageListAppInstanceGroupUser.
	if _, err := c.AuthorizeInstanceGroup(&appstream.AuthorizeInstanceGroupRequest{AppInstanceGroupId: tea.String(gid), ProductType: tea.String("CloudApp"),
		AuthorizeUserIds: []*string{tea.String("carol")}, UnAuthorizeUserIds: []*string{tea.String("bob")}}); err != nil {
		t.Fatal(err)
	}
	ul, err := c.PageListAppInstanceGroupUser(&appstream.PageListAppInstanceGroupUserRequest{AppInstanceGroupId: tea.String(gid), ProductType: tea.String("CloudApp"), PageNumber: tea.Int32(1), PageSize: tea.Int32(100)})
	if err != nil {
		t.Fatal(err)
	}
	if got := tea.StringSliceValue(ul.Body.Users); len(got) != 2 || got[0] != "alice" || got[1] != "carol" {
		t.Fatalf("users: %v", got)
	}

	// GetConnectionTicket, two phases, then ListAppInstances.
	t1, err := c.GetConnectionTicket(&appstream.GetConnectionTicketRequest{AppId: tea.String("ca-office0000000001"), EndUserId: tea.String("alice"), ProductType: tea.String("CloudApp"), BizRegionId: tea.String("cn-shanghai")})
	if err != nil {
		t.Fatal(err)
	}
	if tea.StringValue(t1.Body.TaskStatus) != "Running" || tea.StringValue(t1.Body.TaskId) == "" {
		t.Fatalf("ticket phase 1: %v", t1.Body)
	}
	t2, err := c.GetConnectionTicket(&appstream.GetConnectionTicketRequest{TaskId: t1.Body.TaskId, EndUserId: tea.String("alice"), ProductType: tea.String("CloudApp")})
	if err != nil {
		t.Fatal(err)
	}
	if tea.StringValue(t2.Body.TaskStatus) != "Finished" || tea.StringValue(t2.Body.Ticket) == "" || tea.StringValue(t2.Body.AppInstanceGroupId) != gid || tea.Int64Value(t2.Body.TenantId) == 0 {
		t.Fatalf("ticket phase 2: %v", t2.Body)
	}
	ai, err := c.ListAppInstances(&appstream.ListAppInstancesRequest{AppInstanceGroupId: tea.String(gid), PageNumber: tea.Int32(1), PageSize: tea.Int32(20)})
	if err != nil {
		t.Fatal(err)
	}
	if tea.Int32Value(ai.Body.TotalCount) != 1 || tea.StringValue(ai.Body.AppInstanceModels[0].BindInfo.EndUserId) != "alice" || tea.StringValue(ai.Body.AppInstanceModels[0].AppInstanceId) != tea.StringValue(t2.Body.AppInstanceId) {
		t.Fatalf("instances: %v", ai.Body)
	}

	// OTA: the first group has a pending task; approving changes the TaskId.
	oldTask := tea.StringValue(get().OtaInfo.TaskId)
	if oldTask == "" || tea.StringValue(get().OtaInfo.NewOtaVersion) == "" {
		t.Fatalf("expected a pending OTA task: %v", get().OtaInfo)
	}
	ol, err := c.ListOtaTask(&appstream.ListOtaTaskRequest{AppInstanceGroupId: tea.String(gid), OtaType: tea.String("Fota"), PageNumber: tea.Int32(1), PageSize: tea.Int32(10)})
	if err != nil {
		t.Fatal(err)
	}
	if tea.Int32Value(ol.Body.TotalCount) != 1 || tea.StringValue(ol.Body.TaskList[0].TaskId) != oldTask {
		t.Fatalf("ota list: %v", ol.Body)
	}
	ap, err := c.ApproveOtaTask(&appstream.ApproveOtaTaskRequest{AppInstanceGroupId: tea.String(gid), BizRegionId: tea.String("cn-shanghai"), OtaType: tea.String("Fota"),
		TaskId: tea.String(oldTask), StartTime: tea.String(testStart.Add(time.Hour).Format(time.RFC3339))})
	if err != nil {
		t.Fatal(err)
	}
	if tea.StringValue(ap.Body.Code) != "success" || tea.StringValue(get().OtaInfo.TaskId) == oldTask {
		t.Fatalf("approve: %v / %v", ap.Body, get().OtaInfo)
	}

	// UpdateAppInstanceGroupImage → MAINTAINING → PUBLISHED after an hour.
	if _, err := c.UpdateAppInstanceGroupImage(&appstream.UpdateAppInstanceGroupImageRequest{AppInstanceGroupId: tea.String(gid), AppCenterImageId: tea.String("img-cnshanghaioffice2"),
		BizRegionId: tea.String("cn-shanghai"), ProductType: tea.String("CloudApp")}); err != nil {
		t.Fatal(err)
	}
	if g := get(); tea.StringValue(g.Status) != "MAINTAINING" || tea.StringValue(g.AppCenterImageId) != "img-cnshanghaioffice2" {
		t.Fatalf("update image: %v", g)
	}
	clock.Advance(time.Hour)
	if s := tea.StringValue(get().Status); s != "PUBLISHED" {
		t.Fatalf("after maintain: %s", s)
	}

	// PrePaid group: Renew, ModifyNodePoolAmount (CallApi).
	pre, err := c.CreateAppInstanceGroup(&appstream.CreateAppInstanceGroupRequest{
		AppCenterImageId: tea.String("img-win2019-office"), BizRegionId: tea.String("cn-shanghai"), ChargeResourceMode: tea.String("Node"), ChargeType: tea.String("PrePaid"),
		Period: tea.Int32(1), PeriodUnit: tea.String("Month"), ProductType: tea.String("CloudApp"), SessionTimeout: tea.Int32(15), AutoRenew: tea.Bool(true),
		NodePool: &appstream.CreateAppInstanceGroupRequestNodePool{NodeInstanceType: tea.String("appstreaming.general.8c16g"), NodeAmount: tea.Int32(1), NodeCapacity: tea.Int32(4)},
	})
	if err != nil {
		t.Fatal(err)
	}
	preID := tea.StringValue(pre.Body.AppInstanceGroupModel.AppInstanceGroupId)
	rn, err := c.RenewAppInstanceGroup(&appstream.RenewAppInstanceGroupRequest{AppInstanceGroupId: tea.String(preID), Period: tea.Int32(1), PeriodUnit: tea.String("Year"), ProductType: tea.String("CloudApp"), AutoPay: tea.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	if tea.StringValue(rn.Body.OrderId) == "" {
		t.Fatalf("renew: %v", rn.Body)
	}
	pg, _ := srv.Group(preID)
	if pg.ExpiredTime != testStart.Add(time.Hour).AddDate(1, 1, 0).UTC().Format("2006-01-02T15:04:05.000+00:00") {
		t.Fatalf("expiry after renew: %s", pg.ExpiredTime)
	}
	mna := callAPI(t, c, "ModifyNodePoolAmount", nil, map[string]interface{}{"AppInstanceGroupId": preID, "ProductType": "CloudApp", "NodePool": mustJSON(map[string]any{"NodeAmount": 3})})
	if d, _ := mna["Data"].(map[string]interface{}); d == nil || d["OrderId"] == "" {
		t.Fatalf("ModifyNodePoolAmount: %v", mna)
	}
	if pg, _ := srv.Group(preID); pg.NodePool[0].NodeAmount != 3 {
		t.Fatalf("node amount: %d", pg.NodePool[0].NodeAmount)
	}
	// Delete of a PrePaid group is refused.
	if _, err := c.DeleteAppInstanceGroup(&appstream.DeleteAppInstanceGroupRequest{AppInstanceGroupId: tea.String(preID), ProductType: tea.String("CloudApp")}); sdkCode(err) != "InvalidParameter.ChargeType" {
		t.Fatalf("delete PrePaid: %v", err)
	}

	// ModifyAppPolicy (CallApi, query-only) changes the policy state.
	callAPI(t, c, "ModifyAppPolicy", map[string]*string{"AppPolicyId": tea.String(policyID), "ProductType": tea.String("CloudApp"),
		"VideoPolicy": tea.String(mustJSON(map[string]any{"FrameRate": 60, "Webrtc": true, "StreamingMode": "video", "VisualQualityStrategy": "quality"}))}, nil)
	if pol, ok := srv.Policy(policyID); !ok || pol.FrameRate != 60 || !pol.Webrtc || pol.VisualQualityStrategy != "quality" {
		t.Fatalf("policy: %+v", pol)
	}

	// ListAuthorizedUserGroups after authorizing a group through CallApi-only fields.
	callAPI(t, c, "AuthorizeInstanceGroup", nil, map[string]interface{}{"AppInstanceGroupId": gid, "ProductType": "CloudApp", "AuthorizeUserGroupIds": []string{"ug-engineering0001", "ug-adhoc12345"}})
	ug := callAPI(t, c, "ListAuthorizedUserGroups", nil, map[string]interface{}{"AppInstanceGroupId": gid, "ProductType": "CloudApp", "PageNumber": 1, "PageSize": 1})
	if tc, _ := ug["TotalCount"].(json.Number); tc.String() != "2" {
		if f, ok := ug["TotalCount"].(float64); !ok || f != 2 {
			t.Fatalf("user groups: %v", ug)
		}
	}
	if rows, _ := ug["UserGroups"].([]interface{}); len(rows) != 1 || rows[0].(map[string]interface{})["GroupName"] != "engineering" {
		t.Fatalf("user group page: %v", ug)
	}

	// ListImage (CallApi).
	li := callAPI(t, c, "ListImage", nil, map[string]interface{}{"ProductType": "CloudApp", "BizRegionIdList": []string{"cn-shanghai"}, "ImageType": "User", "PageSize": 100})
	if li["Code"] != "200" || li["Success"] != true {
		t.Fatalf("list image: %v", li)
	}
	if data, _ := li["Data"].([]interface{}); len(data) != 3 {
		t.Fatalf("user images in cn-shanghai: %d", len(data))
	}

	// Tag / List / Untag (CallApi).
	tr := callAPI(t, c, "TagCloudResources", nil, map[string]interface{}{"ResourceType": "AppInstanceGroupId", "ResourceIds": []string{gid},
		"Tags": []map[string]string{{"Key": "env", "Value": "dev"}, {"Key": "team", "Value": "a b"}}})
	if f, _ := tr["FailedResources"].([]interface{}); len(f) != 0 {
		t.Fatalf("tag: %v", tr)
	}
	lt := callAPI(t, c, "ListTagCloudResources", nil, map[string]interface{}{"ResourceType": "AppInstanceGroupId", "ResourceIds": []string{gid}, "Scope": "Custom"})
	rt, _ := lt["ResourceTags"].([]interface{})
	if len(rt) != 1 || len(rt[0].(map[string]interface{})["Tags"].([]interface{})) != 2 {
		t.Fatalf("list tags: %v", lt)
	}
	callAPI(t, c, "UntagCloudResources", nil, map[string]interface{}{"ResourceType": "AppInstanceGroupId", "ResourceIds": []string{gid}, "TagKeys": []string{"env"}})
	if rec, _ := srv.GroupRecord(gid); len(rec.Tags) != 1 || rec.Tags["team"] != "a b" {
		t.Fatalf("tags after untag: %v", rec.Tags)
	}

	// LogOffAllSessions: a PostPaid schedule group outside its windows (weekend windows, Monday now).
	sch, err := c.CreateAppInstanceGroup(&appstream.CreateAppInstanceGroupRequest{
		AppCenterImageId: tea.String("img-win2019-office"), BizRegionId: tea.String("cn-shanghai"), ChargeResourceMode: tea.String("Node"), ChargeType: tea.String("PostPaid"),
		Period: tea.Int32(1), PeriodUnit: tea.String("Month"), ProductType: tea.String("CloudApp"), SessionTimeout: tea.Int32(15),
		NodePool: &appstream.CreateAppInstanceGroupRequestNodePool{NodeInstanceType: tea.String("appstreaming.general.4c8g"), StrategyType: tea.String("NODE_SCALING_BY_SCHEDULE"),
			StrategyEnableDate: tea.String("2026-06-01"), StrategyDisableDate: tea.String("2026-07-01"), WarmUp: tea.Bool(true),
			RecurrenceSchedules: []*appstream.CreateAppInstanceGroupRequestNodePoolRecurrenceSchedules{{RecurrenceType: tea.String("weekly"), RecurrenceValues: []*int32{tea.Int32(6), tea.Int32(7)},
				TimerPeriods: []*appstream.CreateAppInstanceGroupRequestNodePoolRecurrenceSchedulesTimerPeriods{{StartTime: tea.String("09:00"), EndTime: tea.String("12:00"), Amount: tea.Int32(2)}}}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	schID := tea.StringValue(sch.Body.AppInstanceGroupModel.AppInstanceGroupId)
	if err := srv.Connect(schID, 2); err != nil {
		t.Fatal(err)
	}
	if _, err := c.LogOffAllSessionsInAppInstanceGroup(&appstream.LogOffAllSessionsInAppInstanceGroupRequest{AppInstanceGroupId: tea.String(schID), ProductType: tea.String("CloudApp")}); err != nil {
		t.Fatal(err)
	}
	if rec, _ := srv.GroupRecord(schID); rec.Sessions != 0 {
		t.Fatalf("sessions after logoff: %d", rec.Sessions)
	}
	// Not allowed for a fixed-size group.
	if _, err := c.LogOffAllSessionsInAppInstanceGroup(&appstream.LogOffAllSessionsInAppInstanceGroupRequest{AppInstanceGroupId: tea.String(gid), ProductType: tea.String("CloudApp")}); sdkCode(err) != "OperationDenied.NotScheduledScaling" {
		t.Fatalf("logoff on usage group: %v", err)
	}

	// Delete, then Get gives InvalidAppInstanceGroup.NotFound.
	if _, err := c.DeleteAppInstanceGroup(&appstream.DeleteAppInstanceGroupRequest{AppInstanceGroupId: tea.String(gid), ProductType: tea.String("CloudApp")}); err != nil {
		t.Fatal(err)
	}
	_, err = c.GetAppInstanceGroup(&appstream.GetAppInstanceGroupRequest{AppInstanceGroupId: tea.String(gid), ProductType: tea.String("CloudApp")})
	var se *tea.SDKError
	if !errors.As(err, &se) || tea.StringValue(se.Code) != "InvalidAppInstanceGroup.NotFound" || tea.IntValue(se.StatusCode) != 400 {
		t.Fatalf("get after delete: %v", err)
	}

	// Every SDK call was counted, and all 25 actions were served.
	st := srv.Stats()
	for _, a := range []string{"CreateAppInstanceGroup", "GetAppInstanceGroup", "ListAppInstanceGroup", "ModifyAppInstanceGroupAttribute", "ModifyNodePoolAttribute",
		"AuthorizeInstanceGroup", "PageListAppInstanceGroupUser", "UpdateAppInstanceGroupImage", "RenewAppInstanceGroup", "DeleteAppInstanceGroup",
		"LogOffAllSessionsInAppInstanceGroup", "ListNodeInstanceType", "ListRegions", "GetResourcePrice", "GetConnectionTicket", "ListOtaTask", "ApproveOtaTask",
		"ListAppInstances", "ModifyNodePoolAmount", "ModifyAppPolicy", "ListAuthorizedUserGroups", "ListImage", "TagCloudResources", "UntagCloudResources", "ListTagCloudResources"} {
		if st.Actions[a].OK == 0 {
			t.Errorf("action %s never succeeded: %+v", a, st.Actions[a])
		}
	}
	if st.Actions["GetAppInstanceGroup"].Errors != 1 || st.Actions["DeleteAppInstanceGroup"].Errors != 1 {
		t.Errorf("error counts: %+v %+v", st.Actions["GetAppInstanceGroup"], st.Actions["DeleteAppInstanceGroup"])
	}
}
