package validators

import (
	"reflect"
	"testing"
	"time"
)

func TestCheckTimerPeriods(t *testing.T) {
	tp := func(start, end string, amount int64) TimerPeriod { return TimerPeriod{start, end, amount} }
	pp := func(i int, field, msg string) PeriodProblem { return PeriodProblem{i, field, msg} }
	tests := map[string]struct {
		in   []TimerPeriod
		want []PeriodProblem
	}{
		"one":               {[]TimerPeriod{tp("12:00", "15:00", 2)}, nil},
		"exactly 15 min":    {[]TimerPeriod{tp("12:00", "12:15", 1)}, nil},
		"exactly 5 min gap": {[]TimerPeriod{tp("08:00", "09:00", 1), tp("09:05", "10:00", 1)}, nil},
		"unsorted input":    {[]TimerPeriod{tp("18:00", "20:00", 1), tp("08:00", "09:00", 1), tp("12:00", "13:00", 1)}, nil},
		// The longest day one schedule can describe: 1439 minutes in total.
		"whole day": {[]TimerPeriod{tp("00:00", "23:59", 3)}, nil},
		"three covering the day": {[]TimerPeriod{
			tp("00:00", "07:55", 1), tp("08:00", "15:55", 1), tp("16:00", "23:59", 1)}, nil},
		"none": {nil, []PeriodProblem{pp(-1, "", "at least 1 timer period is required, got none")}},
		"four": {[]TimerPeriod{tp("00:00", "01:00", 1), tp("02:00", "03:00", 1), tp("04:00", "05:00", 1), tp("06:00", "07:00", 1)},
			[]PeriodProblem{pp(-1, "", "at most 3 timer periods are allowed, got 4")}},
		"14 min": {[]TimerPeriod{tp("12:00", "12:14", 1)},
			[]PeriodProblem{pp(0, "end_time", "each timer period must last at least 15 minutes, got 12:00-12:14 (14 minutes)")}},
		"4 min gap": {[]TimerPeriod{tp("08:00", "09:00", 1), tp("09:04", "10:00", 1)},
			[]PeriodProblem{pp(1, "start_time", "timer periods must be at least 5 minutes apart, got 09:04-10:00 starting 4 minutes after 08:00-09:00 ends")}},
		"touching": {[]TimerPeriod{tp("09:00", "10:00", 1), tp("08:00", "09:00", 1)},
			[]PeriodProblem{pp(0, "start_time", "timer periods must be at least 5 minutes apart, got 09:00-10:00 starting 0 minutes after 08:00-09:00 ends")}},
		"overlap": {[]TimerPeriod{tp("08:00", "10:00", 1), tp("09:30", "11:00", 1)},
			[]PeriodProblem{pp(1, "start_time", "timer periods must not overlap, got 09:30-11:00 which overlaps 08:00-10:00")}},
		"nested in earlier long period": {[]TimerPeriod{tp("08:00", "18:00", 1), tp("09:00", "10:00", 1), tp("12:00", "13:00", 1)},
			[]PeriodProblem{
				pp(1, "start_time", "timer periods must not overlap, got 09:00-10:00 which overlaps 08:00-18:00"),
				pp(2, "start_time", "timer periods must not overlap, got 12:00-13:00 which overlaps 08:00-18:00"),
			}},
		"overlap by 1 minute": {[]TimerPeriod{tp("08:00", "09:00", 1), tp("08:59", "10:00", 1)},
			[]PeriodProblem{pp(1, "start_time", "timer periods must not overlap, got 08:59-10:00 which overlaps 08:00-09:00")}},
		"identical": {[]TimerPeriod{tp("08:00", "09:00", 1), tp("08:00", "09:00", 1)},
			[]PeriodProblem{pp(1, "start_time", "timer periods must not overlap, got 08:00-09:00 which overlaps 08:00-09:00")}},
		"end before start": {[]TimerPeriod{tp("22:00", "02:00", 1)},
			[]PeriodProblem{pp(0, "end_time", "end_time must be later than start_time on the same day (a period cannot cross midnight), got 22:00-02:00")}},
		"end equals start": {[]TimerPeriod{tp("10:00", "10:00", 1)},
			[]PeriodProblem{pp(0, "end_time", "end_time must be later than start_time on the same day (a period cannot cross midnight), got 10:00-10:00")}},
		"24:00 rejected": {[]TimerPeriod{tp("20:00", "24:00", 1)},
			[]PeriodProblem{pp(0, "end_time", `end_time must be a time of day in HH:mm form (00:00 to 23:59), got "24:00"`)}},
		"bad formats and amount": {[]TimerPeriod{tp("8:00", "9:00", 0)},
			[]PeriodProblem{
				pp(0, "start_time", `start_time must be a time of day in HH:mm form (00:00 to 23:59), got "8:00"`),
				pp(0, "end_time", `end_time must be a time of day in HH:mm form (00:00 to 23:59), got "9:00"`),
				pp(0, "amount", "amount must be at least 1 (it is the number of resources kept during the period), got 0"),
			}},
		"negative amount": {[]TimerPeriod{tp("08:00", "09:00", -1)},
			[]PeriodProblem{pp(0, "amount", "amount must be at least 1 (it is the number of resources kept during the period), got -1")}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got := CheckTimerPeriods(tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %#v\nwant %#v", got, tt.want)
			}
		})
	}
}

func TestCheckStrategyWindow(t *testing.T) {
	today := time.Date(2024, 3, 5, 23, 30, 0, 0, ServiceLocation())
	dp := func(field, msg string) DateProblem { return DateProblem{field, msg} }
	tests := map[string]struct {
		enable, disable string
		checkPast       bool
		want            []DateProblem
	}{
		"7 days":               {"2024-03-05", "2024-03-12", true, nil},
		"1 year":               {"2024-03-05", "2025-03-05", true, nil},
		"1 year across leap":   {"2023-03-01", "2024-03-01", false, nil},
		"1 year from leap day": {"2024-02-29", "2025-02-28", false, nil},
		"past not checked":     {"2020-01-01", "2020-02-01", false, nil},
		"6 days": {"2024-03-05", "2024-03-11", true, []DateProblem{dp("disable_date",
			"disable_date must be 7 days to 1 year after enable_date 2024-03-05, i.e. between 2024-03-12 and 2025-03-05, got 2024-03-11")}},
		"1 year + 1 day": {"2024-03-05", "2025-03-06", true, []DateProblem{dp("disable_date",
			"disable_date must be 7 days to 1 year after enable_date 2024-03-05, i.e. between 2024-03-12 and 2025-03-05, got 2025-03-06")}},
		"from leap day + 1 year rolls too far": {"2024-02-29", "2025-03-01", false, []DateProblem{dp("disable_date",
			"disable_date must be 7 days to 1 year after enable_date 2024-02-29, i.e. between 2024-03-07 and 2025-02-28, got 2025-03-01")}},
		"disable before enable": {"2024-04-01", "2024-03-20", true, []DateProblem{dp("disable_date",
			"disable_date must be 7 days to 1 year after enable_date 2024-04-01, i.e. between 2024-04-08 and 2025-04-01, got 2024-03-20")}},
		"yesterday": {"2024-03-04", "2024-04-01", true, []DateProblem{dp("enable_date",
			"enable_date must be today (2024-03-05) or later, got 2024-03-04")}},
		"bad formats": {"2024-3-5", "2024-02-30", true, []DateProblem{
			dp("enable_date", `enable_date must be a real calendar date in yyyy-MM-dd form, got "2024-3-5"`),
			dp("disable_date", `disable_date must be a real calendar date in yyyy-MM-dd form, got "2024-02-30"`),
		}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got := CheckStrategyWindow(tt.enable, tt.disable, today, tt.checkPast)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %#v\nwant %#v", got, tt.want)
			}
		})
	}

	// "Today" is the caller's calendar date in the caller's zone: 23:30 UTC on
	// 4 March is already 5 March in UTC+8.
	utcLate := time.Date(2024, 3, 4, 23, 30, 0, 0, time.UTC)
	if got := CheckStrategyWindow("2024-03-04", "2024-03-20", utcLate.In(ServiceLocation()), true); len(got) != 1 || got[0].Field != FieldEnableDate {
		t.Errorf("in UTC+8 2024-03-04 is already past, got %#v", got)
	}
	if got := CheckStrategyWindow("2024-03-04", "2024-03-20", utcLate, true); got != nil {
		t.Errorf("in UTC 2024-03-04 is today, got %#v", got)
	}
}

func TestCheckWeekdays(t *testing.T) {
	tests := map[string]struct {
		in   []int64
		want []string
	}{
		"all":        {[]int64{1, 2, 3, 4, 5, 6, 7}, nil},
		"one":        {[]int64{7}, nil},
		"empty":      {nil, []string{"at least 1 day is required: use 1 (Monday) to 7 (Sunday), got none"}},
		"day 0":      {[]int64{0}, []string{"days must be 1 (Monday) to 7 (Sunday), got 0"}},
		"day 8":      {[]int64{1, 8}, []string{"days must be 1 (Monday) to 7 (Sunday), got 8"}},
		"duplicate":  {[]int64{3, 1, 3, 3}, []string{"days must not repeat, got 3 more than once"}},
		"both kinds": {[]int64{0, 2, 2}, []string{"days must be 1 (Monday) to 7 (Sunday), got 0", "days must not repeat, got 2 more than once"}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			if got := CheckWeekdays(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
