package validators

import (
	"fmt"
	"sort"
	"time"
)

// Scheduled-scaling limits (api-notes §4 rules 18–22).
const (
	MaxTimerPeriods       = 3
	MinTimerPeriodMinutes = 15
	MinTimerGapMinutes    = 5
	MinStrategyWindowDays = 7
)

// Field names used in PeriodProblem and DateProblem; callers map them to
// their own attribute paths.
const (
	FieldStartTime   = "start_time"
	FieldEndTime     = "end_time"
	FieldAmount      = "amount"
	FieldEnableDate  = "enable_date"
	FieldDisableDate = "disable_date"
)

// TimerPeriod is one entry of RecurrenceSchedules[].TimerPeriods, as written
// by the user: Start and End are "HH:mm", Amount is the target resource count.
type TimerPeriod struct {
	Start, End string
	Amount     int64
}

// PeriodProblem is one rule-22 violation. Index is the position in the input
// slice (-1 for a problem with the list as a whole); Field is FieldStartTime,
// FieldEndTime, FieldAmount, or "" for the list.
type PeriodProblem struct {
	Index   int
	Field   string
	Message string
}

// CheckTimerPeriods applies api-notes §4 rule 22 to one schedule's periods: 1–3 periods;
// HH:mm times; end later than start on the same day; each at least 15
// minutes; no overlap; at least 5 minutes between consecutive periods (sorted
// by start; exactly 5 passes); amount >= 1.
//
// Times are instants within one day: 00:00 is minute 0 and 23:59 minute 1439.
// "24:00" is not accepted — the API documents HH:mm and no source shows
// 24:00, so a period meant to run to midnight ends at 23:59. A period cannot
// cross midnight (end must be later than start). Because periods lie inside
// one day and may not overlap, the documented "total at most 24 h" rule is
// always met once the other rules pass, so it has no separate check.
func CheckTimerPeriods(periods []TimerPeriod) []PeriodProblem {
	var problems []PeriodProblem
	add := func(i int, field, format string, args ...any) {
		problems = append(problems, PeriodProblem{Index: i, Field: field, Message: fmt.Sprintf(format, args...)})
	}
	switch {
	case len(periods) == 0:
		add(-1, "", "at least 1 timer period is required, got none")
		return problems
	case len(periods) > MaxTimerPeriods:
		add(-1, "", "at most %d timer periods are allowed, got %d", MaxTimerPeriods, len(periods))
	}

	type span struct{ index, start, end int }
	var spans []span
	for i, p := range periods {
		start, okStart := parseHHMM(p.Start)
		if !okStart {
			add(i, FieldStartTime, "start_time must be a time of day in HH:mm form (00:00 to 23:59), got %q", p.Start)
		}
		end, okEnd := parseHHMM(p.End)
		if !okEnd {
			add(i, FieldEndTime, "end_time must be a time of day in HH:mm form (00:00 to 23:59), got %q", p.End)
		}
		if p.Amount < 1 {
			add(i, FieldAmount, "amount must be at least 1 (it is the number of resources kept during the period), got %d", p.Amount)
		}
		if !okStart || !okEnd {
			continue
		}
		switch length := end - start; {
		case length <= 0:
			add(i, FieldEndTime, "end_time must be later than start_time on the same day (a period cannot cross midnight), got %s-%s", p.Start, p.End)
			continue
		case length < MinTimerPeriodMinutes:
			add(i, FieldEndTime, "each timer period must last at least %d minutes, got %s-%s (%d minutes)", MinTimerPeriodMinutes, p.Start, p.End, length)
		}
		spans = append(spans, span{i, start, end})
	}

	// Compare each period with the one reaching furthest so far, so a period
	// nested in an earlier long one is caught, not only adjacent pairs.
	sort.SliceStable(spans, func(a, b int) bool { return spans[a].start < spans[b].start })
	label := func(s span) string { return periods[s.index].Start + "-" + periods[s.index].End }
	for k := 1; k < len(spans); k++ {
		prev := spans[0]
		for _, s := range spans[1:k] {
			if s.end > prev.end {
				prev = s
			}
		}
		cur := spans[k]
		switch gap := cur.start - prev.end; {
		case gap < 0:
			add(cur.index, FieldStartTime, "timer periods must not overlap, got %s which overlaps %s", label(cur), label(prev))
		case gap < MinTimerGapMinutes:
			add(cur.index, FieldStartTime, "timer periods must be at least %d minutes apart, got %s starting %d minutes after %s ends", MinTimerGapMinutes, label(cur), gap, label(prev))
		}
	}
	return problems
}

// DateProblem is one rule-18/19 violation; Field is FieldEnableDate or
// FieldDisableDate.
type DateProblem struct {
	Field   string
	Message string
}

// ServiceLocation is the time zone assumed for "today" in api-notes §4 rule 18: the
// service's own zone is undocumented, and China Standard Time (UTC+8) is the
// likely one for a service in cn-* regions. Fixed, so it needs no tz database.
func ServiceLocation() *time.Location { return time.FixedZone("UTC+8", 8*60*60) }

// CheckStrategyWindow applies api-notes §4 rules 18–19 to a scheduled policy's dates,
// both yyyy-MM-dd: disable must be 7 days to 1 year after enable, both ends
// inclusive. One year means the same month and day in the next year; from
// 29 February it means 28 February of the next year (the shorter reading, so
// a window we accept is never longer than the service's year). When checkPast
// is set, enable must not be before today's calendar date in today's location
// (pass time.Now().In(ServiceLocation())); the caller sets it only for new or
// changed dates so a policy in state never starts failing plans as time passes.
func CheckStrategyWindow(enable, disable string, today time.Time, checkPast bool) []DateProblem {
	var problems []DateProblem
	add := func(field, format string, args ...any) {
		problems = append(problems, DateProblem{Field: field, Message: fmt.Sprintf(format, args...)})
	}
	en, errEn := parseDate(enable)
	if errEn != nil {
		add(FieldEnableDate, "enable_date must be a real calendar date in yyyy-MM-dd form, got %q", enable)
	}
	dis, errDis := parseDate(disable)
	if errDis != nil {
		add(FieldDisableDate, "disable_date must be a real calendar date in yyyy-MM-dd form, got %q", disable)
	}
	if errEn == nil && checkPast {
		y, m, d := today.Date()
		t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		if en.Before(t) {
			add(FieldEnableDate, "enable_date must be today (%s) or later, got %s", t.Format(dateLayout), enable)
		}
	}
	if errEn == nil && errDis == nil {
		lo, hi := en.AddDate(0, 0, MinStrategyWindowDays), oneYearAfter(en)
		if dis.Before(lo) || dis.After(hi) {
			add(FieldDisableDate, "disable_date must be 7 days to 1 year after enable_date %s, i.e. between %s and %s, got %s",
				enable, lo.Format(dateLayout), hi.Format(dateLayout), disable)
		}
	}
	return problems
}

// oneYearAfter is the same calendar day a year later, 29 Feb → 28 Feb (Go's
// AddDate would roll over to 1 March, one day too far).
func oneYearAfter(t time.Time) time.Time {
	y, m, d := t.Date()
	if m == time.February && d == 29 {
		d = 28
	}
	return time.Date(y+1, m, d, 0, 0, 0, 0, time.UTC)
}

// CheckWeekdays applies api-notes §4 rule 21 to RecurrenceValues: non-empty, each 1
// (Monday) to 7 (Sunday), no repeats. It returns one message per problem.
func CheckWeekdays(days []int64) []string {
	if len(days) == 0 {
		return []string{"at least 1 day is required: use 1 (Monday) to 7 (Sunday), got none"}
	}
	var problems []string
	count := map[int64]int{}
	for _, d := range days {
		if d < 1 || d > 7 {
			problems = append(problems, fmt.Sprintf("days must be 1 (Monday) to 7 (Sunday), got %d", d))
			continue
		}
		// Report a repeated day once, however often it repeats.
		if count[d]++; count[d] == 2 {
			problems = append(problems, fmt.Sprintf("days must not repeat, got %d more than once", d))
		}
	}
	return problems
}
