package validators

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func runInt64(v validator.Int64, p path.Path, val types.Int64) validator.Int64Response {
	resp := validator.Int64Response{}
	v.ValidateInt64(context.Background(), validator.Int64Request{Path: p, PathExpression: p.Expression(), ConfigValue: val}, &resp)
	return resp
}

func runString(v validator.String, p path.Path, val types.String) validator.StringResponse {
	resp := validator.StringResponse{}
	v.ValidateString(context.Background(), validator.StringRequest{Path: p, PathExpression: p.Expression(), ConfigValue: val}, &resp)
	return resp
}

func TestSessionTimeout(t *testing.T) {
	p := path.Root("session_timeout")
	const sum = "Invalid Session Timeout"
	tests := []struct {
		val  types.Int64
		want []wantDiag
	}{
		{types.Int64Value(-1), nil},
		{types.Int64Value(3), nil},
		{types.Int64Value(15), nil},
		{types.Int64Value(300), nil},
		{types.Int64Null(), nil},
		{types.Int64Unknown(), nil},
		{types.Int64Value(2), []wantDiag{{"session_timeout", sum, "session_timeout must be -1 or between 3 and 300 minutes, got 2"}}},
		{types.Int64Value(0), []wantDiag{{"session_timeout", sum, "session_timeout must be -1 or between 3 and 300 minutes, got 0"}}},
		{types.Int64Value(-2), []wantDiag{{"session_timeout", sum, "session_timeout must be -1 or between 3 and 300 minutes, got -2"}}},
		{types.Int64Value(301), []wantDiag{{"session_timeout", sum, "session_timeout must be -1 or between 3 and 300 minutes, got 301"}}},
	}
	for _, tt := range tests {
		t.Run(tt.val.String(), func(t *testing.T) {
			checkDiags(t, runInt64(SessionTimeout(), p, tt.val).Diagnostics, tt.want)
		})
	}
}

func TestPeriod(t *testing.T) {
	p := path.Root("period")
	for _, n := range []int64{1, 2, 3, 6} {
		checkDiags(t, runInt64(Period(), p, types.Int64Value(n)).Diagnostics, nil)
	}
	checkDiags(t, runInt64(Period(), p, types.Int64Null()).Diagnostics, nil)
	checkDiags(t, runInt64(Period(), p, types.Int64Unknown()).Diagnostics, nil)
	for _, n := range []int64{0, 4, 5, 7, 12, -1} {
		checkDiags(t, runInt64(Period(), p, types.Int64Value(n)).Diagnostics, []wantDiag{
			{"period", "Invalid Period", fmt.Sprintf("period must be one of 1, 2, 3 or 6, got %d", n)},
		})
	}
}

func TestPeriodUnit(t *testing.T) {
	p := path.Root("period_unit")
	const sum = "Invalid Period Unit"
	tests := []struct {
		val  types.String
		want []wantDiag
	}{
		{types.StringValue("Week"), nil},
		{types.StringValue("Month"), nil},
		{types.StringValue("Year"), nil},
		{types.StringNull(), nil},
		{types.StringUnknown(), nil},
		{types.StringValue("week"), []wantDiag{{"period_unit", sum, `period_unit must be one of "Week", "Month" or "Year" (case-sensitive), got "week"; did you mean "Week"?`}}},
		{types.StringValue("MONTH"), []wantDiag{{"period_unit", sum, `period_unit must be one of "Week", "Month" or "Year" (case-sensitive), got "MONTH"; did you mean "Month"?`}}},
		{types.StringValue("Day"), []wantDiag{{"period_unit", sum, `period_unit must be one of "Week", "Month" or "Year" (case-sensitive), got "Day"`}}},
		{types.StringValue(""), []wantDiag{{"period_unit", sum, `period_unit must be one of "Week", "Month" or "Year" (case-sensitive), got ""`}}},
	}
	for _, tt := range tests {
		t.Run(tt.val.String(), func(t *testing.T) {
			checkDiags(t, runString(PeriodUnit(), p, tt.val).Diagnostics, tt.want)
		})
	}
}

func TestTags(t *testing.T) {
	p := path.Root("tags")
	str := func(m map[string]string) types.Map {
		e := map[string]attr.Value{}
		for k, v := range m {
			e[k] = types.StringValue(v)
		}
		return types.MapValueMust(types.StringType, e)
	}
	many := func(n int) types.Map {
		m := map[string]string{}
		for i := 0; i < n; i++ {
			m[fmt.Sprintf("k%02d", i)] = "v"
		}
		return str(m)
	}
	long := strings.Repeat("é", 128) // 128 characters, 256 bytes: counted as characters
	tests := map[string]struct {
		val  types.Map
		want []wantDiag
	}{
		"ok":             {str(map[string]string{"env": "prod", "team": "x"}), nil},
		"20 entries":     {many(20), nil},
		"128 chars":      {str(map[string]string{long: long}), nil},
		"null":           {types.MapNull(types.StringType), nil},
		"unknown":        {types.MapUnknown(types.StringType), nil},
		"unknown value":  {types.MapValueMust(types.StringType, map[string]attr.Value{"a": types.StringUnknown()}), nil},
		"empty map":      {str(map[string]string{}), nil},
		"system-ish ok":  {str(map[string]string{"system/x": "v", "MySystem/x": "v", "my-aliyun": "v"}), nil},
		"21 entries":     {many(21), []wantDiag{{"tags", "Too Many Tags", "tags must have at most 20 entries, got 21"}}},
		"empty key":      {str(map[string]string{"": "v"}), []wantDiag{{`tags[""]`, "Invalid Tag Key", "tags keys must be 1 to 128 characters, got an empty key"}}},
		"long key":       {str(map[string]string{long + "x": "v"}), []wantDiag{{`tags["` + long + `x"]`, "Invalid Tag Key", fmt.Sprintf("tags keys must be 1 to 128 characters, got 129 characters in %q", long+"x")}}},
		"empty value":    {str(map[string]string{"env": ""}), []wantDiag{{`tags["env"]`, "Invalid Tag Value", `tags value for key "env" must be 1 to 128 characters, got an empty value`}}},
		"long value":     {str(map[string]string{"env": long + "x"}), []wantDiag{{`tags["env"]`, "Invalid Tag Value", `tags value for key "env" must be 1 to 128 characters, got 129 characters`}}},
		"system":         {str(map[string]string{"System/Scheduler/GRAYSCALE": "v"}), []wantDiag{{`tags["System/Scheduler/GRAYSCALE"]`, "Reserved Tag Key", `tags key "System/Scheduler/GRAYSCALE" cannot be used: keys starting with "System/" are reserved for system tags set by App Streaming`}}},
		"aliyun":         {str(map[string]string{"aliyun:x": "v"}), []wantDiag{{`tags["aliyun:x"]`, "Reserved Tag Key", `tags key "aliyun:x" cannot be used: keys starting with "aliyun" are reserved by Alibaba Cloud`}}},
		"Aliyun folded":  {str(map[string]string{"Aliyun-x": "v"}), []wantDiag{{`tags["Aliyun-x"]`, "Reserved Tag Key", `tags key "Aliyun-x" cannot be used: keys starting with "aliyun" are reserved by Alibaba Cloud`}}},
		"acs:":           {str(map[string]string{"ACS:x": "v"}), []wantDiag{{`tags["ACS:x"]`, "Reserved Tag Key", `tags key "ACS:x" cannot be used: keys starting with "acs:" are reserved by Alibaba Cloud`}}},
		"several sorted": {str(map[string]string{"b": "", "a": ""}), []wantDiag{{`tags["a"]`, "Invalid Tag Value", `tags value for key "a" must be 1 to 128 characters, got an empty value`}, {`tags["b"]`, "Invalid Tag Value", `tags value for key "b" must be 1 to 128 characters, got an empty value`}}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			resp := validator.MapResponse{}
			Tags().ValidateMap(context.Background(), validator.MapRequest{Path: p, ConfigValue: tt.val}, &resp)
			checkDiags(t, resp.Diagnostics, tt.want)
		})
	}
}

func TestReservedTagKeyReason(t *testing.T) {
	for key, reserved := range map[string]bool{
		"System/x": true, "System/": true, "system/x": false, "aliyun": true, "ALIYUNx": true,
		"aliyu": false, "acs:": true, "acs": false, "env": false, "": false,
	} {
		if got := ReservedTagKeyReason(key) != ""; got != reserved {
			t.Errorf("ReservedTagKeyReason(%q) reserved=%v, want %v", key, got, reserved)
		}
	}
}

func TestStringValidators(t *testing.T) {
	type tc struct {
		in     string
		detail string // "" = valid
	}
	tests := []struct {
		name    string
		v       validator.String
		attr    string
		summary string
		cases   []tc
	}{
		{"CIDR", CIDR(), "destination", "Invalid CIDR Block", []tc{
			{"10.0.0.0/8", ""},
			{"192.168.1.0/24", ""},
			{"139.196.1.2/32", ""},
			{"0.0.0.0/0", ""},
			{"2001:db8::/32", ""},
			{"::/0", ""},
			{"10.0.0.1/24", `destination must be the network address of the block, got "10.0.0.1/24" which has host bits set; use "10.0.0.0/24"`},
			{"2001:db8::1/32", `destination must be the network address of the block, got "2001:db8::1/32" which has host bits set; use "2001:db8::/32"`},
			{"10.0.0.0", `destination must be a CIDR block such as 10.0.0.0/16 or 2001:db8::/32, got "10.0.0.0"`},
			{"10.0.0.0/33", `destination must be a CIDR block such as 10.0.0.0/16 or 2001:db8::/32, got "10.0.0.0/33"`},
			{"10.0.0.0/8 ", `destination must be a CIDR block such as 10.0.0.0/16 or 2001:db8::/32, got "10.0.0.0/8 "`},
			{"", `destination must be a CIDR block such as 10.0.0.0/16 or 2001:db8::/32, got ""`},
		}},
		{"HHMM", HHMM(), "start_time", "Invalid Time of Day", []tc{
			{"00:00", ""}, {"09:30", ""}, {"12:00", ""}, {"23:59", ""},
			{"24:00", `start_time must be a time of day in HH:mm form (00:00 to 23:59, two digits each), got "24:00"`},
			{"9:30", `start_time must be a time of day in HH:mm form (00:00 to 23:59, two digits each), got "9:30"`},
			{"12:60", `start_time must be a time of day in HH:mm form (00:00 to 23:59, two digits each), got "12:60"`},
			{"12:00:00", `start_time must be a time of day in HH:mm form (00:00 to 23:59, two digits each), got "12:00:00"`},
			{"12-00", `start_time must be a time of day in HH:mm form (00:00 to 23:59, two digits each), got "12-00"`},
			{"+1:00", `start_time must be a time of day in HH:mm form (00:00 to 23:59, two digits each), got "+1:00"`},
			{"", `start_time must be a time of day in HH:mm form (00:00 to 23:59, two digits each), got ""`},
		}},
		{"Date", Date(), "enable_date", "Invalid Date", []tc{
			{"2024-02-29", ""}, {"2025-12-31", ""}, {"2022-08-01", ""},
			{"2023-02-29", `enable_date must be a real calendar date in yyyy-MM-dd form, got "2023-02-29"`},
			{"2024-04-31", `enable_date must be a real calendar date in yyyy-MM-dd form, got "2024-04-31"`},
			{"2024-13-01", `enable_date must be a real calendar date in yyyy-MM-dd form, got "2024-13-01"`},
			{"2024-1-01", `enable_date must be a real calendar date in yyyy-MM-dd form, got "2024-1-01"`},
			{"2024/01/01", `enable_date must be a real calendar date in yyyy-MM-dd form, got "2024/01/01"`},
			{"2024-01-01T00:00:00Z", `enable_date must be a real calendar date in yyyy-MM-dd form, got "2024-01-01T00:00:00Z"`},
			{"", `enable_date must be a real calendar date in yyyy-MM-dd form, got ""`},
		}},
		{"Regex", Regex(), "name_regex", "Invalid Regular Expression", []tc{
			{"^aig-[a-z0-9]+$", ""}, {"", ""}, {".*", ""},
			{"(", "name_regex must be a valid regular expression (RE2 syntax), got \"(\": error parsing regexp: missing closing ): `(`"},
			{"a(?=b)", "name_regex must be a valid regular expression (RE2 syntax), got \"a(?=b)\": error parsing regexp: invalid or unsupported Perl syntax: `(?=`"},
		}},
		{"JSON", JSON(), "custom_config", "Invalid JSON", []tc{
			{`{"a":1}`, ""}, {` [1, 2] `, ""}, {`"x"`, ""}, {`null`, ""},
			{`{"a":}`, `custom_config must be valid JSON text, got "{\"a\":}": invalid character '}' looking for beginning of value (at byte 6)`},
			{`{"a":1} x`, `custom_config must be valid JSON text, got "{\"a\":1} x": unexpected data after the JSON value (at byte 9)`},
			{``, `custom_config must be valid JSON text, got "": empty input: expected a JSON value`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := path.Root("node_pool").AtName(tt.attr)
			checkDiags(t, runString(tt.v, p, types.StringNull()).Diagnostics, nil)
			checkDiags(t, runString(tt.v, p, types.StringUnknown()).Diagnostics, nil)
			if tt.v.Description(context.Background()) == "" || tt.v.MarkdownDescription(context.Background()) == "" {
				t.Error("empty description")
			}
			for _, c := range tt.cases {
				t.Run(c.in, func(t *testing.T) {
					var want []wantDiag
					if c.detail != "" {
						want = []wantDiag{{"node_pool." + tt.attr, tt.summary, c.detail}}
					}
					checkDiags(t, runString(tt.v, p, types.StringValue(c.in)).Diagnostics, want)
				})
			}
		})
	}
}

func TestStringCollections(t *testing.T) {
	ctx := context.Background()
	p := path.Root("users")
	strs := func(ss ...string) []attr.Value {
		out := make([]attr.Value, len(ss))
		for i, s := range ss {
			out[i] = types.StringValue(s)
		}
		return out
	}
	list := func(ss ...string) types.List { return types.ListValueMust(types.StringType, strs(ss...)) }
	set := func(ss ...string) types.Set { return types.SetValueMust(types.StringType, strs(ss...)) }

	t.Run("NoEmptyStrings list", func(t *testing.T) {
		run := func(v types.List) validator.ListResponse {
			resp := validator.ListResponse{}
			NoEmptyStrings().ValidateList(ctx, validator.ListRequest{Path: p, ConfigValue: v}, &resp)
			return resp
		}
		checkDiags(t, run(list("alice", "bob")).Diagnostics, nil)
		checkDiags(t, run(types.ListNull(types.StringType)).Diagnostics, nil)
		checkDiags(t, run(types.ListUnknown(types.StringType)).Diagnostics, nil)
		checkDiags(t, run(types.ListValueMust(types.StringType, []attr.Value{types.StringUnknown(), types.StringNull()})).Diagnostics, nil)
		checkDiags(t, run(list("alice", "", "  ", " bob", "carol\t")).Diagnostics, []wantDiag{
			{"users[1]", "Invalid Entry", `users entries must not be empty or only whitespace, got ""`},
			{"users[2]", "Invalid Entry", `users entries must not be empty or only whitespace, got "  "`},
			{"users[3]", "Invalid Entry", `users entries must not have leading or trailing whitespace, got " bob"; use "bob"`},
			{"users[4]", "Invalid Entry", `users entries must not have leading or trailing whitespace, got "carol\t"; use "carol"`},
		})
	})
	t.Run("NoEmptyStrings set", func(t *testing.T) {
		run := func(v types.Set) validator.SetResponse {
			resp := validator.SetResponse{}
			NoEmptyStrings().ValidateSet(ctx, validator.SetRequest{Path: p, ConfigValue: v}, &resp)
			return resp
		}
		checkDiags(t, run(set("alice", "bob")).Diagnostics, nil)
		checkDiags(t, run(types.SetNull(types.StringType)).Diagnostics, nil)
		checkDiags(t, run(types.SetUnknown(types.StringType)).Diagnostics, nil)
		checkDiags(t, run(set("alice", " alice")).Diagnostics, []wantDiag{
			{`users[Value(" alice")]`, "Invalid Entry", `users entries must not have leading or trailing whitespace, got " alice"; use "alice"`},
		})
	})
	t.Run("UniqueStrings list", func(t *testing.T) {
		run := func(v types.List) validator.ListResponse {
			resp := validator.ListResponse{}
			UniqueStrings().ValidateList(ctx, validator.ListRequest{Path: p, ConfigValue: v}, &resp)
			return resp
		}
		checkDiags(t, run(list("a", "b", "A")).Diagnostics, nil)
		checkDiags(t, run(types.ListNull(types.StringType)).Diagnostics, nil)
		checkDiags(t, run(types.ListUnknown(types.StringType)).Diagnostics, nil)
		checkDiags(t, run(list("a", "b", "a", "a")).Diagnostics, []wantDiag{
			{"users[2]", "Duplicate Entry", `users entries must be unique, got "a" at positions 1 and 3`},
			{"users[3]", "Duplicate Entry", `users entries must be unique, got "a" at positions 1 and 4`},
		})
	})
	t.Run("UniqueStrings set", func(t *testing.T) {
		resp := validator.SetResponse{}
		UniqueStrings().ValidateSet(ctx, validator.SetRequest{Path: p, ConfigValue: set("a", "b")}, &resp)
		checkDiags(t, resp.Diagnostics, nil)
	})
}
