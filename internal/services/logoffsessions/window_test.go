package logoffsessions

import (
	"testing"
	"time"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
)

func TestActiveWindow(t *testing.T) {
	zone := time.FixedZone("UTC+8", 8*3600)
	monday := func(h, m int) time.Time { return time.Date(2026, 6, 1, h, m, 0, 0, zone) } // 2026-06-01 is a Monday
	sched := []client.RecurrenceSchedule{{RecurrenceType: "Weekly", RecurrenceValues: []int{1, 7},
		TimerPeriods: []client.TimerPeriod{{StartTime: "09:00", EndTime: "12:00"}, {StartTime: "14:00", EndTime: "18:30"}}}}
	cases := []struct {
		at   time.Time
		want bool
	}{
		{monday(8, 59), false},
		{monday(9, 0), true},
		{monday(11, 59), true},
		{monday(12, 0), false}, // windows end exclusively
		{monday(18, 29), true},
		{monday(18, 30), false},
		{monday(10, 0).AddDate(0, 0, 1), false},              // Tuesday: no rule
		{monday(10, 0).AddDate(0, 0, 6), true},               // Sunday is day 7
		{time.Date(2026, 6, 1, 1, 30, 0, 0, time.UTC), true}, // 09:30 in UTC+8
	}
	for _, c := range cases {
		if _, got := activeWindow(sched, c.at); got != c.want {
			t.Errorf("%s: in window %v, want %v", c.at.Format(time.RFC3339), got, c.want)
		}
	}
}
