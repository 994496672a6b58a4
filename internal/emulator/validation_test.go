package emulator

import (
	"fmt"
	"strings"
	"testing"
)

func np(m map[string]any) string {
	base := map[string]any{"NodeInstanceType": "appstreaming.general.4c8g", "NodeAmount": 1}
	for k, v := range m {
		if v == nil {
			delete(base, k)
		} else {
			base[k] = v
		}
	}
	return js(base)
}

func sched(values []int, periods ...[2]string) []map[string]any {
	var tps []map[string]any
	for _, p := range periods {
		tps = append(tps, map[string]any{"StartTime": p[0], "EndTime": p[1], "Amount": 1})
	}
	return []map[string]any{{"RecurrenceType": "Weekly", "RecurrenceValues": values, "TimerPeriods": tps}}
}

func schedPool(m map[string]any) string {
	base := map[string]any{"NodeInstanceType": "appstreaming.general.4c8g", "StrategyType": "NODE_SCALING_BY_SCHEDULE",
		"StrategyEnableDate": "2026-06-01", "StrategyDisableDate": "2026-06-08", "WarmUp": true,
		"RecurrenceSchedules": sched([]int{1, 2}, [2]string{"09:00", "12:00"})}
	for k, v := range m {
		if v == nil {
			delete(base, k)
		} else {
			base[k] = v
		}
	}
	return js(base)
}

func TestCreateValidation(t *testing.T) {
	cases := []struct {
		name string
		over []string
		code string // "" = accepted
	}{
		{"valid", nil, ""},
		{"no product", []string{"ProductType", "<nil>"}, "MissingParameter.ProductType"},
		{"bad product", []string{"ProductType", "CloudDesktop"}, "InvalidParameter.ProductType"},
		{"no image", []string{"AppCenterImageId", "<nil>"}, "MissingParameter.AppCenterImageId"},
		{"unknown image", []string{"AppCenterImageId", "img-nope"}, "InvalidParameter.AppCenterImageId"},
		{"image of other region", []string{"AppCenterImageId", "img-cnhangzhouoffice1"}, "InvalidParameter.AppCenterImageId"},
		{"creating image", []string{"AppCenterImageId", "img-cnshanghailinux1"}, "IncorrectStatus.AppCenterImage"},
		{"unknown region", []string{"BizRegionId", "us-west-1"}, "InvalidParameter.BizRegionId"},
		{"bad charge type", []string{"ChargeType", "Free"}, "InvalidParameter.ChargeType"},
		{"bad resource mode", []string{"ChargeResourceMode", "AppInstance"}, "InvalidParameter.ChargeResourceMode"},
		{"session timeout 2", []string{"SessionTimeout", "2"}, "InvalidParameter.SessionTimeout"},
		{"session timeout 301", []string{"SessionTimeout", "301"}, "InvalidParameter.SessionTimeout"},
		{"session timeout -1", []string{"SessionTimeout", "-1"}, ""},
		{"session timeout 3", []string{"SessionTimeout", "3"}, ""},
		{"session timeout missing", []string{"SessionTimeout", "<nil>"}, "MissingParameter.SessionTimeout"},
		{"period 2 week", []string{"Period", "2", "PeriodUnit", "Week"}, "InvalidParameter.Period"},
		{"period 4 month", []string{"Period", "4", "PeriodUnit", "Month"}, "InvalidParameter.Period"},
		{"period 6 month", []string{"Period", "6", "PeriodUnit", "Month", "ChargeType", "PrePaid"}, ""},
		{"period 4 year", []string{"Period", "4", "PeriodUnit", "Year", "ChargeType", "PrePaid"}, "InvalidParameter.Period"},
		{"period unit case", []string{"PeriodUnit", "month"}, "InvalidParameter.PeriodUnit"},
		{"no node pool", []string{"NodePool", "<nil>"}, "MissingParameter.NodePool"},
		{"bad json", []string{"NodePool", "{"}, "InvalidParameter.NodePool"},
		{"unknown type", []string{"NodePool", np(map[string]any{"NodeInstanceType": "appstreaming.general.64c"})}, "InvalidParameter.NodeInstanceType"},
		{"amount 0", []string{"NodePool", np(map[string]any{"NodeAmount": 0})}, "InvalidParameter.NodeAmount"},
		{"amount 101", []string{"NodePool", np(map[string]any{"NodeAmount": 101})}, "InvalidParameter.NodeAmount"},
		{"amount missing fixed", []string{"NodePool", np(map[string]any{"NodeAmount": nil})}, "MissingParameter.NodeAmount"},
		{"amount missing prepaid", []string{"ChargeType", "PrePaid", "NodePool", np(map[string]any{"NodeAmount": nil})}, "MissingParameter.NodeAmount"},
		{"capacity 3 on 4c8g", []string{"NodePool", np(map[string]any{"NodeCapacity": 3})}, "InvalidParameter.NodeCapacity"},
		{"capacity 4 on 8c16g", []string{"NodePool", np(map[string]any{"NodeInstanceType": "appstreaming.general.8c16g", "NodeCapacity": 4})}, ""},
		{"capacity 5 on 8c16g", []string{"NodePool", np(map[string]any{"NodeInstanceType": "appstreaming.general.8c16g", "NodeCapacity": 5})}, "InvalidParameter.NodeCapacity"},
		{"capacity 6 on 14c93g", []string{"NodePool", np(map[string]any{"NodeInstanceType": "appstreaming.vgpu.14c93g.12g", "NodeCapacity": 6})}, ""},
		{"capacity 7 on 14c93g", []string{"NodePool", np(map[string]any{"NodeInstanceType": "appstreaming.vgpu.14c93g.12g", "NodeCapacity": 7})}, "InvalidParameter.NodeCapacity"},
		{"capacity 0", []string{"NodePool", np(map[string]any{"NodeCapacity": 0})}, "InvalidParameter.NodeCapacity"},
		{"bad strategy", []string{"NodePool", np(map[string]any{"StrategyType": "NODE_MAGIC"})}, "InvalidParameter.StrategyType"},
		{"usage ok", []string{"NodePool", np(map[string]any{"StrategyType": "NODE_SCALING_BY_USAGE", "MaxScalingAmount": 3, "ScalingStep": 1, "ScalingUsageThreshold": "85"})}, ""},
		{"usage no step", []string{"NodePool", np(map[string]any{"StrategyType": "NODE_SCALING_BY_USAGE", "MaxScalingAmount": 3, "ScalingUsageThreshold": "85"})}, "MissingParameter.ScalingStep"},
		{"usage no max", []string{"NodePool", np(map[string]any{"StrategyType": "NODE_SCALING_BY_USAGE", "ScalingStep": 1, "ScalingUsageThreshold": "85"})}, "MissingParameter.MaxScalingAmount"},
		{"usage no threshold", []string{"NodePool", np(map[string]any{"StrategyType": "NODE_SCALING_BY_USAGE", "ScalingStep": 1, "MaxScalingAmount": 3})}, "MissingParameter.ScalingUsageThreshold"},
		{"usage step 11", []string{"NodePool", np(map[string]any{"StrategyType": "NODE_SCALING_BY_USAGE", "MaxScalingAmount": 3, "ScalingStep": 11, "ScalingUsageThreshold": "85"})}, "InvalidParameter.ScalingStep"},
		{"usage threshold 101", []string{"NodePool", np(map[string]any{"StrategyType": "NODE_SCALING_BY_USAGE", "MaxScalingAmount": 3, "ScalingStep": 1, "ScalingUsageThreshold": "101"})}, "InvalidParameter.ScalingUsageThreshold"},
		{"idle 4", []string{"NodePool", np(map[string]any{"ScalingDownAfterIdleMinutes": 4})}, "InvalidParameter.ScalingDownAfterIdleMinutes"},
		{"idle 121", []string{"NodePool", np(map[string]any{"ScalingDownAfterIdleMinutes": 121})}, "InvalidParameter.ScalingDownAfterIdleMinutes"},
		{"schedule ok", []string{"NodePool", schedPool(nil)}, ""},
		{"schedule prepaid", []string{"ChargeType", "PrePaid", "NodePool", schedPool(map[string]any{"NodeAmount": 1})}, "InvalidParameter.StrategyType"},
		{"schedule no warmup", []string{"NodePool", schedPool(map[string]any{"WarmUp": nil})}, "MissingParameter.WarmUp"},
		{"schedule no enable", []string{"NodePool", schedPool(map[string]any{"StrategyEnableDate": nil})}, "MissingParameter.StrategyEnableDate"},
		{"schedule enable yesterday", []string{"NodePool", schedPool(map[string]any{"StrategyEnableDate": "2026-05-31"})}, "InvalidParameter.StrategyEnableDate"},
		{"schedule bad date", []string{"NodePool", schedPool(map[string]any{"StrategyEnableDate": "2026/06/01"})}, "InvalidParameter.StrategyEnableDate"},
		{"schedule 6 days", []string{"NodePool", schedPool(map[string]any{"StrategyDisableDate": "2026-06-07"})}, "InvalidParameter.StrategyDisableDate"},
		{"schedule 1 year", []string{"NodePool", schedPool(map[string]any{"StrategyDisableDate": "2027-06-01"})}, ""},
		{"schedule > 1 year", []string{"NodePool", schedPool(map[string]any{"StrategyDisableDate": "2027-06-02"})}, "InvalidParameter.StrategyDisableDate"},
		{"schedule none", []string{"NodePool", schedPool(map[string]any{"RecurrenceSchedules": nil})}, "MissingParameter.RecurrenceSchedules"},
		{"schedule type", []string{"NodePool", schedPool(map[string]any{"RecurrenceSchedules": []map[string]any{{"RecurrenceType": "Daily", "RecurrenceValues": []int{1}, "TimerPeriods": []map[string]any{{"StartTime": "09:00", "EndTime": "10:00"}}}}})}, "InvalidParameter.RecurrenceType"},
		{"schedule lower weekly", []string{"NodePool", schedPool(map[string]any{"RecurrenceSchedules": []map[string]any{{"RecurrenceType": "weekly", "RecurrenceValues": []int{1}, "TimerPeriods": []map[string]any{{"StartTime": "09:00", "EndTime": "10:00"}}}}})}, ""},
		{"schedule day 8", []string{"NodePool", schedPool(map[string]any{"RecurrenceSchedules": sched([]int{8}, [2]string{"09:00", "10:00"})})}, "InvalidParameter.RecurrenceValues"},
		{"schedule dup day", []string{"NodePool", schedPool(map[string]any{"RecurrenceSchedules": sched([]int{1, 1}, [2]string{"09:00", "10:00"})})}, "InvalidParameter.RecurrenceValues"},
		{"schedule no day", []string{"NodePool", schedPool(map[string]any{"RecurrenceSchedules": sched([]int{}, [2]string{"09:00", "10:00"})})}, "MissingParameter.RecurrenceValues"},
		{"schedule 14 min", []string{"NodePool", schedPool(map[string]any{"RecurrenceSchedules": sched([]int{1}, [2]string{"09:00", "09:14"})})}, "InvalidParameter.TimerPeriods"},
		{"schedule 15 min", []string{"NodePool", schedPool(map[string]any{"RecurrenceSchedules": sched([]int{1}, [2]string{"09:00", "09:15"})})}, ""},
		{"schedule end before start", []string{"NodePool", schedPool(map[string]any{"RecurrenceSchedules": sched([]int{1}, [2]string{"10:00", "09:00"})})}, "InvalidParameter.EndTime"},
		{"schedule bad time", []string{"NodePool", schedPool(map[string]any{"RecurrenceSchedules": sched([]int{1}, [2]string{"9:00", "10:00"})})}, "InvalidParameter.StartTime"},
		{"schedule overlap", []string{"NodePool", schedPool(map[string]any{"RecurrenceSchedules": sched([]int{1}, [2]string{"09:00", "10:00"}, [2]string{"09:30", "11:00"})})}, "InvalidParameter.TimerPeriods"},
		{"schedule gap 4", []string{"NodePool", schedPool(map[string]any{"RecurrenceSchedules": sched([]int{1}, [2]string{"09:00", "10:00"}, [2]string{"10:04", "11:00"})})}, "InvalidParameter.TimerPeriods"},
		{"schedule gap 5", []string{"NodePool", schedPool(map[string]any{"RecurrenceSchedules": sched([]int{1}, [2]string{"09:00", "10:00"}, [2]string{"10:05", "11:00"})})}, ""},
		{"schedule 4 periods", []string{"NodePool", schedPool(map[string]any{"RecurrenceSchedules": sched([]int{1}, [2]string{"01:00", "02:00"}, [2]string{"03:00", "04:00"}, [2]string{"05:00", "06:00"}, [2]string{"07:00", "08:00"})})}, "InvalidParameter.TimerPeriods"},
		{"users without info", []string{"Users.1", "alice"}, "MissingParameter.UserInfo"},
		{"users with info", []string{"Users.1", "alice", "UserInfo", `{"Type":"Simple"}`}, ""},
		{"user info type", []string{"Users.1", "alice", "UserInfo", `{"Type":"AD"}`}, "InvalidParameter.UserInfo.Type"},
		{"auth mode", []string{"AuthMode", "Group"}, "InvalidParameter.AuthMode"},
		{"sub pay type", []string{"SubPayType", "weekly"}, "InvalidParameter.SubPayType"},
		{"auto renew postpaid", []string{"AutoRenew", "true"}, "InvalidParameter.AutoRenew"},
		{"storage", []string{"StoragePolicy", `{"StorageTypeList":["NAS"]}`}, "InvalidParameter.StorageTypeList"},
		{"storage ok", []string{"StoragePolicy", `{"StorageTypeList":["PDS"],"UserProfile":{"RemoteStorageType":"NAS","UserProfileSwitch":true}}`}, ""},
		{"storage remote type", []string{"StoragePolicy", `{"UserProfile":{"RemoteStorageType":"OSS"}}`}, "InvalidParameter.RemoteStorageType"},
		{"video fps", []string{"VideoPolicy", `{"FrameRate":45}`}, "InvalidParameter.FrameRate"},
		{"video webrtc mix", []string{"VideoPolicy", `{"Webrtc":true,"StreamingMode":"mix"}`}, "InvalidParameter.StreamingMode"},
		{"video no-webrtc mix", []string{"VideoPolicy", `{"Webrtc":false,"StreamingMode":"mix"}`}, ""},
		{"video mode", []string{"VideoPolicy", `{"StreamingMode":"audio"}`}, "InvalidParameter.StreamingMode"},
		{"runtime session type", []string{"RuntimePolicy", `{"SessionType":"RDP"}`}, "InvalidParameter.SessionType"},
		{"runtime wyid needs preopen false", []string{"RuntimePolicy", `{"SessionUserGenerationMode":"wyid"}`}, "InvalidParameter.SessionPreOpen"},
		{"runtime wyid ok", []string{"RuntimePolicy", `{"SessionUserGenerationMode":"wyid","SessionPreOpen":"false"}`}, ""},
		{"runtime preopen bool", []string{"RuntimePolicy", `{"SessionPreOpen":"yes"}`}, "InvalidParameter.SessionPreOpen"},
		{"runtime schedule mode", []string{"RuntimePolicy", `{"PersistentAppInstanceScheduleMode":"ANY"}`}, "InvalidParameter.PersistentAppInstanceScheduleMode"},
		{"network strategy", []string{"Network", `{"StrategyType":"Private"}`}, "InvalidParameter.Network.StrategyType"},
		{"network routes shared", []string{"Network", `{"StrategyType":"Shared","Routes":[{"Destination":"1.2.3.4/32","Mode":"Shared"}]}`}, "InvalidParameter.Network.Routes"},
		{"network ok", []string{"Network", `{"StrategyType":"Mixed","Routes":[{"Destination":"1.2.3.4/32","Mode":"Shared"}],"IpExpireMinutes":60}`}, ""},
		{"network ip minutes", []string{"Network", `{"StrategyType":"Mixed","IpExpireMinutes":59}`}, "InvalidParameter.Network.IpExpireMinutes"},
		{"network domain policy", []string{"Network", `{"DomainRules":[{"Domain":"x.com","Policy":"deny"}]}`}, "InvalidParameter.Network.DomainRules.Policy"},
		{"user define policy", []string{"UserDefinePolicy", js(map[string]any{"CustomConfig": `[{"target":"agent","config":{"a":1}}]`})}, ""},
		{"user define policy bad", []string{"UserDefinePolicy", js(map[string]any{"CustomConfig": `[{`})}, "InvalidParameter.CustomConfig"},
		{"user group id", []string{"UserGroupIds.1", "group-1"}, "InvalidParameter.UserGroupIds"},
		{"unknown policy", []string{"AppPolicyId", "pg-nothere"}, "InvalidParameter.AppPolicyId"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e, _ := newTestEmu(Options{})
			st, m := do(t, e, "CreateAppInstanceGroup", createArgs(tc.over...)...)
			if tc.code == "" {
				if st != 200 {
					t.Fatalf("rejected: %d %v", st, m)
				}
				return
			}
			if st != 400 || m["Code"] != tc.code {
				t.Fatalf("got %d %v, want 400 %s", st, m["Code"], tc.code)
			}
			if len(e.GroupIDs()) != 0 {
				t.Fatal("a rejected create left a group behind")
			}
		})
	}
}

func TestModifyValidation(t *testing.T) {
	e, _ := newTestEmu(Options{})
	post := create(t, e, "NodePool", np(map[string]any{"NodeAmount": 2}))
	pre := create(t, e, "ChargeType", "PrePaid", "NodePool", np(map[string]any{"NodeAmount": 2}))
	mustOK(t, e, "ListRegions") // tick: both PUBLISHED
	pv, _ := e.Group(post)
	prv, _ := e.Group(pre)
	pool, prePool := pv.NodePool[0].NodePoolID, prv.NodePool[0].NodePoolID
	cases := []struct {
		name   string
		action string
		kv     []string
		code   string
	}{
		{"attr timeout", "ModifyAppInstanceGroupAttribute", []string{"AppInstanceGroupId", post, "ProductType", "CloudApp", "SessionTimeout", "0"}, "InvalidParameter.SessionTimeout"},
		{"attr capacity", "ModifyAppInstanceGroupAttribute", []string{"AppInstanceGroupId", post, "ProductType", "CloudApp", "NodePool", `{"NodeCapacity":3}`}, "InvalidParameter.NodeCapacity"},
		{"attr wrong pool", "ModifyAppInstanceGroupAttribute", []string{"AppInstanceGroupId", post, "ProductType", "CloudApp", "NodePool", `{"NodePoolId":"rg-other","NodeCapacity":1}`}, "InvalidParameter.NodePoolId"},
		{"attr preopen", "ModifyAppInstanceGroupAttribute", []string{"AppInstanceGroupId", post, "ProductType", "CloudApp", "PreOpenMode", "SINGLE_APP"}, "MissingParameter.PreOpenAppId"},
		{"attr preopen mode", "ModifyAppInstanceGroupAttribute", []string{"AppInstanceGroupId", post, "ProductType", "CloudApp", "PreOpenMode", "ALL"}, "InvalidParameter.PreOpenMode"},
		{"attr unknown group", "ModifyAppInstanceGroupAttribute", []string{"AppInstanceGroupId", "aig-nothere", "ProductType", "CloudApp"}, "InvalidAppInstanceGroup.NotFound"},
		{"attr ok", "ModifyAppInstanceGroupAttribute", []string{"AppInstanceGroupId", post, "ProductType", "CloudApp", "PreOpenMode", "SINGLE_APP", "PreOpenAppId", "ca-office0000000001", "PerSessionPerApp", "true"}, ""},
		{"pool missing id", "ModifyNodePoolAttribute", []string{"ProductType", "CloudApp", "NodeCapacity", "1"}, "MissingParameter.PoolId"},
		{"pool unknown", "ModifyNodePoolAttribute", []string{"PoolId", "rg-nothere", "NodeCapacity", "1"}, "InvalidParameter.PoolId"},
		{"pool prepaid amount", "ModifyNodePoolAttribute", []string{"PoolId", prePool, "NodePoolStrategy", `{"NodeAmount":3}`}, "InvalidParameter.NodeAmount"},
		{"pool prepaid same amount", "ModifyNodePoolAttribute", []string{"PoolId", prePool, "NodePoolStrategy", `{"NodeAmount":2}`}, ""},
		{"pool prepaid schedule", "ModifyNodePoolAttribute", []string{"PoolId", prePool, "NodePoolStrategy", schedPool(map[string]any{"NodeInstanceType": nil})}, "InvalidParameter.StrategyType"},
		{"pool postpaid schedule", "ModifyNodePoolAttribute", []string{"PoolId", pool, "NodePoolStrategy", schedPool(map[string]any{"NodeInstanceType": nil})}, ""},
		{"pool usage missing", "ModifyNodePoolAttribute", []string{"PoolId", pool, "NodePoolStrategy", `{"StrategyType":"NODE_SCALING_BY_USAGE"}`}, "MissingParameter.MaxScalingAmount"},
		{"pool capacity", "ModifyNodePoolAttribute", []string{"PoolId", pool, "NodeCapacity", "9"}, "InvalidParameter.NodeCapacity"},
		{"pool region", "ModifyNodePoolAttribute", []string{"PoolId", pool, "BizRegionId", "cn-hangzhou", "NodeCapacity", "1"}, "InvalidParameter.BizRegionId"},
		{"amount postpaid", "ModifyNodePoolAmount", []string{"AppInstanceGroupId", post, "ProductType", "CloudApp", "NodePool", `{"NodeAmount":3}`}, "InvalidParameter.ChargeType"},
		{"amount range", "ModifyNodePoolAmount", []string{"AppInstanceGroupId", pre, "ProductType", "CloudApp", "NodePool", `{"NodeAmount":101}`}, "InvalidParameter.NodeAmount"},
		{"amount missing", "ModifyNodePoolAmount", []string{"AppInstanceGroupId", pre, "ProductType", "CloudApp"}, "MissingParameter.NodePool"},
		{"renew postpaid", "RenewAppInstanceGroup", []string{"AppInstanceGroupId", post, "ProductType", "CloudApp", "Period", "1", "PeriodUnit", "Month"}, "InvalidParameter.ChargeType"},
		{"renew period", "RenewAppInstanceGroup", []string{"AppInstanceGroupId", pre, "ProductType", "CloudApp", "Period", "5", "PeriodUnit", "Month"}, "InvalidParameter.Period"},
		{"image other region", "UpdateAppInstanceGroupImage", []string{"AppInstanceGroupId", post, "ProductType", "CloudApp", "BizRegionId", "cn-shanghai", "AppCenterImageId", "img-apsoutheast1office1"}, "InvalidParameter.AppCenterImageId"},
		{"image wrong region", "UpdateAppInstanceGroupImage", []string{"AppInstanceGroupId", post, "ProductType", "CloudApp", "BizRegionId", "cn-hangzhou", "AppCenterImageId", "img-win2022-cad"}, "InvalidParameter.BizRegionId"},
		{"policy webrtc mix", "ModifyAppPolicy", []string{"AppPolicyId", pv.AppPolicyID, "ProductType", "CloudApp", "VideoPolicy", `{"Webrtc":true,"StreamingMode":"mix"}`}, "InvalidParameter.StreamingMode"},
		{"policy quality", "ModifyAppPolicy", []string{"AppPolicyId", pv.AppPolicyID, "ProductType", "CloudApp", "VideoPolicy", `{"VisualQualityStrategy":"best"}`}, "InvalidParameter.VisualQualityStrategy"},
		{"policy unknown", "ModifyAppPolicy", []string{"AppPolicyId", "pg-none", "ProductType", "CloudApp"}, "InvalidAppPolicy.NotFound"},
		{"auth too many", "AuthorizeInstanceGroup", append([]string{"AppInstanceGroupId", post, "ProductType", "CloudApp"}, manyUsers(101)...), "InvalidParameter.AuthorizeUserIds"},
		{"auth 100", "AuthorizeInstanceGroup", append([]string{"AppInstanceGroupId", post, "ProductType", "CloudApp"}, manyUsers(100)...), ""},
		{"auth nothing", "AuthorizeInstanceGroup", []string{"AppInstanceGroupId", post, "ProductType", "CloudApp"}, "MissingParameter.AuthorizeUserIds"},
		{"auth unknown group", "AuthorizeInstanceGroup", []string{"AppInstanceGroupId", "aig-x", "ProductType", "CloudApp", "AuthorizeUserIds.1", "a"}, "InvalidAppInstanceGroup.NotFound"},
		{"auth bad ug", "AuthorizeInstanceGroup", []string{"AppInstanceGroupId", post, "ProductType", "CloudApp", "AuthorizeUserGroupIds.1", "group"}, "InvalidParameter.AuthorizeUserGroupIds"},
		{"auth user meta", "AuthorizeInstanceGroup", []string{"AppInstanceGroupId", post, "ProductType", "CloudApp", "AuthorizeUserIds.1", "a", "UserMeta", `{"Type":"ldap"}`}, "InvalidParameter.UserMeta.Type"},
		{"list page size", "ListAppInstanceGroup", []string{"ProductType", "CloudApp", "PageSize", "101"}, "InvalidParameter.PageSize"},
		{"list status", "ListAppInstanceGroup", []string{"ProductType", "CloudApp", "Status.1", "RUNNING"}, "InvalidParameter.Status"},
		{"users page size", "PageListAppInstanceGroupUser", []string{"AppInstanceGroupId", post, "ProductType", "CloudApp", "PageSize", "101"}, "InvalidParameter.PageSize"},
		{"types page required", "ListNodeInstanceType", []string{"ProductType", "CloudApp", "PageSize", "10"}, "MissingParameter.PageNumber"},
		{"ota page size", "ListOtaTask", []string{"AppInstanceGroupId", post, "OtaType", "Fota", "PageNumber", "1", "PageSize", "0"}, "InvalidParameter.PageSize"},
		{"ota type", "ListOtaTask", []string{"AppInstanceGroupId", post, "OtaType", "Other", "PageNumber", "1", "PageSize", "10"}, "InvalidParameter.OtaType"},
		{"user groups page", "ListAuthorizedUserGroups", []string{"AppInstanceGroupId", post, "ProductType", "CloudApp", "PageNumber", "1"}, "MissingParameter.PageSize"},
		{"images page", "ListImage", []string{"PageSize", "101"}, "InvalidParameter.PageSize"},
		{"instances include deleted", "ListAppInstances", []string{"AppInstanceGroupId", post, "IncludeDeleted", "true"}, "MissingParameter.AppInstanceIdList"},
		{"price unit", "GetResourcePrice", []string{"ProductType", "CloudApp", "BizRegionId", "cn-shanghai", "ChargeType", "PrePaid", "NodeInstanceType", "appstreaming.general.4c8g", "Amount", "1", "Period", "2", "PeriodUnit", "Week"}, "InvalidParameter.Period"},
		{"price type", "GetResourcePrice", []string{"ProductType", "CloudApp", "BizRegionId", "cn-shanghai", "ChargeType", "PrePaid", "Amount", "1", "Period", "1", "PeriodUnit", "Week"}, "MissingParameter.NodeInstanceType"},
		{"price amount", "GetResourcePrice", []string{"ProductType", "CloudApp", "BizRegionId", "cn-shanghai", "ChargeType", "PrePaid", "NodeInstanceType", "appstreaming.general.4c8g", "Period", "1", "PeriodUnit", "Week"}, "MissingParameter.Amount"},
		{"ticket first call", "GetConnectionTicket", []string{"ProductType", "CloudApp", "EndUserId", "alice"}, "MissingParameter.AppId"},
		{"ticket instance needs one group", "GetConnectionTicket", []string{"ProductType", "CloudApp", "EndUserId", "alice", "AppId", "ca-office0000000001", "AppInstanceId", "ai-1"}, "InvalidParameter.AppInstanceGroupIdList"},
		{"ticket unknown task", "GetConnectionTicket", []string{"ProductType", "CloudApp", "EndUserId", "alice", "TaskId", "nope"}, "InvalidParameter.TaskId"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			st, m := do(t, e, tc.action, tc.kv...)
			if tc.code == "" {
				if st != 200 {
					t.Fatalf("rejected: %d %v", st, m)
				}
				return
			}
			if st != 400 || m["Code"] != tc.code {
				t.Fatalf("got %d %v (%v), want %s", st, m["Code"], m["Message"], tc.code)
			}
		})
	}
}

func manyUsers(n int) []string {
	var out []string
	for i := 1; i <= n; i++ {
		out = append(out, "AuthorizeUserIds."+itoa(i), "user"+itoa(i))
	}
	return out
}

func itoa(i int) string { return fmt.Sprintf("%03d", i) }

func TestTagValidation(t *testing.T) {
	e, _ := newTestEmu(Options{})
	id := create(t, e)
	tagArgs := func(n int, key string) []string {
		kv := []string{"ResourceType", "AppInstanceGroupId", "ResourceIds.1", id}
		for i := 1; i <= n; i++ {
			kv = append(kv, "Tags."+itoa(i)+".Key", key+itoa(i), "Tags."+itoa(i)+".Value", "v")
		}
		return kv
	}
	if st, m := do(t, e, "TagCloudResources", tagArgs(21, "k")...); st != 400 || m["Code"] != "InvalidParameter.Tags" {
		t.Fatalf("21 tags: %d %v", st, m)
	}
	mustOK(t, e, "TagCloudResources", tagArgs(20, "k")...)
	// System tags do not count against the limit.
	mustOK(t, e, "TagCloudResources", "ResourceType", "AppInstanceGroupId", "ResourceIds.1", id, "Tags.1.Key", "System/Scheduler/GRAYSCALE", "Tags.1.Value", "true")
	if st, m := do(t, e, "TagCloudResources", "ResourceType", "AppInstanceGroupId", "ResourceIds.1", id, "Tags.1.Key", "System/Other", "Tags.1.Value", "x"); st != 400 || m["Code"] != "InvalidParameter.Tags.Key" {
		t.Fatalf("reserved key: %v", m)
	}
	if st, m := do(t, e, "TagCloudResources", "ResourceType", "AppInstanceGroupId", "ResourceIds.1", id, "Tags.1.Key", strings.Repeat("k", 129), "Tags.1.Value", "x"); st != 400 || m["Code"] != "InvalidParameter.Tags.Key" {
		t.Fatalf("long key: %v", m)
	}
	if st, m := do(t, e, "TagCloudResources", "ResourceType", "AppInstanceGroupId", "ResourceIds.1", id, "Tags.1.Key", "a", "Tags.1.Value", ""); st != 400 || m["Code"] != "InvalidParameter.Tags.Value" {
		t.Fatalf("empty value: %v", m)
	}
	m := mustOK(t, e, "TagCloudResources", "ResourceType", "AppInstanceGroupId", "ResourceIds.1", id, "Tags.1.Key", "k001", "Tags.1.Value", "a", "Tags.2.Key", "k001", "Tags.2.Value", "b")
	if f := m["FailedResources"].([]any); len(f) != 1 || f[0].(map[string]any)["Code"] != "TAG_KEY_DUPLICATED" {
		t.Fatalf("duplicate keys: %v", m)
	}
	var ids []string
	for i := 1; i <= 51; i++ {
		ids = append(ids, "ResourceIds."+itoa(i), id)
	}
	if st, m := do(t, e, "TagCloudResources", append(ids, "ResourceType", "AppInstanceGroupId", "Tags.1.Key", "a", "Tags.1.Value", "b")...); st != 400 || m["Code"] != "InvalidParameter.ResourceIds" {
		t.Fatalf("51 ids: %v", m)
	}
	var keys []string
	for i := 1; i <= 11; i++ {
		keys = append(keys, "TagKeys."+itoa(i), "k"+itoa(i))
	}
	if st, m := do(t, e, "UntagCloudResources", append(keys, "ResourceType", "AppInstanceGroupId", "ResourceIds.1", id)...); st != 400 || m["Code"] != "InvalidParameter.TagKeys" {
		t.Fatalf("11 keys: %v", m)
	}
	if st, m := do(t, e, "TagCloudResources", "ResourceType", "Disk", "ResourceIds.1", id, "Tags.1.Key", "a", "Tags.1.Value", "b"); st != 400 || m["Code"] != "InvalidParameter.ResourceType" {
		t.Fatalf("resource type: %v", m)
	}
	// Token paging over ListTagCloudResources.
	for i := 0; i < 4; i++ {
		g := create(t, e)
		mustOK(t, e, "TagCloudResources", "ResourceType", "AppInstanceGroupId", "ResourceIds.1", g, "Tags.1.Key", "env", "Tags.1.Value", "x")
	}
	seen, token, pages := 0, "", 0
	for {
		kv := []string{"ResourceType", "AppInstanceGroupId", "MaxResults", "2"}
		if token != "" {
			kv = append(kv, "NextToken", token)
		}
		m := mustOK(t, e, "ListTagCloudResources", kv...)
		seen += len(m["ResourceTags"].([]any))
		pages++
		tok, _ := m["NextToken"].(string)
		if tok == "" {
			break
		}
		token = tok
	}
	if seen != 5 || pages != 3 {
		t.Fatalf("token paging: %d resources in %d pages", seen, pages)
	}
}
