package emulator

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/guidetest"
)

// The elastic scaling and billing guide shows figures that come from here:
// TestBillingGuideFigures replays one business day under four node pool
// strategies through the API and the admin API, renders the tables, and
// checks that the guide template holds exactly them. After a change to the
// scaling engine or the prices, regenerate with
//
//	UPDATE_GUIDES=1 go test ./internal/emulator -run TestBillingGuideFigures
//
// and run scripts/docs.

const billingGuide = "../../templates/guides/elastic-scaling-and-billing.md.tmpl"

// guideDay is the Monday of the replay, in the service's time zone.
var guideDay = time.Date(2026, 6, 1, 0, 0, 0, 0, chinaTZ)

func guideAt(hms string) time.Time {
	d, err := time.Parse("15:04:05", hms)
	if err != nil {
		panic(err)
	}
	return guideDay.Add(time.Duration(d.Hour())*time.Hour + time.Duration(d.Minute())*time.Minute + time.Duration(d.Second())*time.Second)
}

// guideEvent is one row of the console's worked example.
type guideEvent struct {
	at              string
	connect, disc   int
	create, release string // elastic creation/release latency from here on
	what            string
}

// The console example: sessions arrive one by one, the 4th one pushes usage
// to 100 % (> 85 %), two elastic resources take 5 minutes to create, an idle
// one is released after 60 minutes, a session leaves at 11:08 and the second
// elastic resource goes at 11:13:18.
var guideEvents = []guideEvent{
	{at: "08:00:00", what: "2 subscription resources bought for a week"},
	{at: "08:22:00", connect: 1, what: "1st session"},
	{at: "08:45:00", connect: 1, what: "2nd session"},
	{at: "09:10:00", connect: 1, what: "3rd session (usage 75 %)"},
	{at: "09:55:00", connect: 1, create: "5m", what: "4th session: usage 100 % > 85 %, 2 elastic resources requested"},
	{at: "10:00:00", what: "the 2 elastic resources are ready (billing starts)"},
	{at: "11:00:00", release: "0s", what: "one elastic resource idle for 60 minutes is released"},
	{at: "11:08:00", disc: 1, release: "5m18s", what: "a session ends; the other elastic resource is idle and its release starts"},
	{at: "11:13:18", what: "the release has finished"},
	{at: "18:00:00", what: "end of the day"},
}

type guideStrategy struct {
	charge, name, setup string
	nodePool            string
	latency             ScalingLatency // before the first event (schedule warm-up)
}

const (
	guidePool2    = `{"NodeInstanceType":"appstreaming.general.4c8g","NodeCapacity":2,"NodeAmount":2,`
	guideByUsage  = `"StrategyType":"NODE_SCALING_BY_USAGE","MaxScalingAmount":2,"ScalingStep":2,"ScalingUsageThreshold":"85","ScalingDownAfterIdleMinutes":60}`
	guideUsageSet = "2 resources, threshold 85 %, step 2, at most 2 elastic, released after 60 idle minutes"
)

// guideConsoleExample is the index of the console's own case in guideStrategies.
const guideConsoleExample = 2

var guideStrategies = []guideStrategy{
	{charge: "PrePaid", name: "`NODE_FIXED`", setup: "2 resources; a 5th session would find no place",
		nodePool: guidePool2 + `"StrategyType":"NODE_FIXED"}`},
	{charge: "PrePaid", name: "`NODE_FIXED`", setup: "4 resources, sized for the peak all week",
		nodePool: `{"NodeInstanceType":"appstreaming.general.4c8g","NodeCapacity":2,"NodeAmount":4,"StrategyType":"NODE_FIXED"}`},
	{charge: "PrePaid", name: "`NODE_SCALING_BY_USAGE` (the console example)", setup: guideUsageSet, nodePool: guidePool2 + guideByUsage},
	{charge: "PostPaid", name: "`NODE_FIXED`", setup: "2 resources", nodePool: guidePool2 + `"StrategyType":"NODE_FIXED"}`},
	{charge: "PostPaid", name: "`NODE_SCALING_BY_USAGE`", setup: guideUsageSet, nodePool: guidePool2 + guideByUsage},
	{charge: "PostPaid", name: "`NODE_SCALING_BY_SCHEDULE`", setup: "2 resources, 4 on Mondays 09:30–11:30 with warm-up",
		nodePool: guidePool2 + `"StrategyType":"NODE_SCALING_BY_SCHEDULE","StrategyEnableDate":"2026-06-01","StrategyDisableDate":"2026-06-30","WarmUp":true,` +
			`"RecurrenceSchedules":[{"RecurrenceType":"Weekly","RecurrenceValues":[1],"TimerPeriods":[{"StartTime":"09:30","EndTime":"11:30","Amount":4}]}]}`,
		latency: ScalingLatency{Create: 5 * time.Minute}},
}

type guideRow struct {
	event              guideEvent
	sessions, resource int
	elastic            int
}

// replay runs the day for one strategy and returns the timeline and the bill.
func replayGuideDay(t *testing.T, s guideStrategy) ([]guideRow, Bill) {
	t.Helper()
	e := New(Options{Clock: NewManualClock(guideAt("08:00:00")), SkipSignature: true})
	srv := httptest.NewServer(e)
	defer srv.Close()
	e.SetScalingLatency(s.latency)
	id := newScalingGroup(t, srv, s.charge, "Week", s.nodePool)
	var rows []guideRow
	sessions := 0
	for _, ev := range guideEvents {
		if ev.create != "" || ev.release != "" {
			lat := map[string]string{}
			if ev.create != "" {
				lat["create"] = ev.create
			}
			if ev.release != "" {
				lat["release"] = ev.release
			}
			admin(t, srv, "POST", "/_emulator/scaling", lat)
		}
		admin(t, srv, "POST", "/_emulator/clock", map[string]string{"set": guideAt(ev.at).Format(time.RFC3339)})
		if ev.connect+ev.disc > 0 {
			admin(t, srv, "POST", "/_emulator/groups/"+id+"/sessions", map[string]int{"connect": ev.connect, "disconnect": ev.disc})
			sessions += ev.connect - ev.disc
		}
		total, elastic := resources(t, srv, id)
		rows = append(rows, guideRow{event: ev, sessions: sessions, resource: total, elastic: elastic})
	}
	bill, err := e.GroupBill(id)
	if err != nil {
		t.Fatal(err)
	}
	return rows, bill
}

func renderBillingGuide(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("Timeline of the console example (`NODE_SCALING_BY_USAGE`), as the emulator replays it:\n\n")
	b.WriteString("| Time (UTC+8) | What happens | Sessions | Resources (elastic) |\n|---|---|---:|---:|\n")
	usageRows, usageBill := replayGuideDay(t, guideStrategies[guideConsoleExample])
	for _, r := range usageRows {
		fmt.Fprintf(&b, "| %s | %s | %d | %d (%d) |\n", r.event.at, r.event.what, r.sessions, r.resource, r.elastic)
	}
	fmt.Fprintf(&b, "\nBill: subscription %.2f CNY + elastic %.2f CNY = **%.2f CNY**.\n\n", usageBill.Subscription, usageBill.Elastic, usageBill.Total)
	b.WriteString("The same day (08:00–18:00, the same sessions) under each strategy. A subscription (`PrePaid`) group pays " +
		"199 CNY per resource-month up front, here one week (7/30 of a month); pay-as-you-go (`PostPaid`) resources and every " +
		"elastic resource are billed per second at 0.726736 CNY per resource-hour, from when they are ready until they are released:\n\n")
	b.WriteString("| Charge type | Strategy | Set-up | Most resources | Subscription (CNY) | Pay-as-you-go (CNY) | Elastic (CNY) | Total (CNY) |\n" +
		"|---|---|---|---:|---:|---:|---:|---:|\n")
	for i, s := range guideStrategies {
		rows, bill := usageRows, usageBill
		if i != guideConsoleExample {
			rows, bill = replayGuideDay(t, s)
		}
		most := 0
		for _, r := range rows {
			most = max(most, r.resource)
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %d | %.2f | %.2f | %.2f | %.2f |\n", s.charge, s.name, s.setup, most, bill.Subscription, bill.PayAsYouGo, bill.Elastic, bill.Total)
	}
	return b.String()
}

func TestBillingGuideFigures(t *testing.T) {
	got := renderBillingGuide(t)
	// The console's own figure: the guide must still show it.
	if !strings.Contains(got, "= **94.48 CNY**") {
		t.Fatalf("the replay no longer gives the console's 94.48 CNY:\n%s", got)
	}
	guidetest.Check(t, billingGuide, "TestBillingGuideFigures (internal/emulator)", got)
}
