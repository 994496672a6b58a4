package client

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
)

// fakeClock moves only when the limiter sleeps, so rates are checked by
// counting calls per simulated second.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fakeClock) Sleep(_ context.Context, d time.Duration) error {
	c.advance(d)
	return nil
}
func (c *fakeClock) advance(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

// simulate runs a client with 100 calls/s of demand for d of simulated
// time against a server that throttles above capPerSec calls per second
// (0: no cap) and, independently, answers a fraction randomThrottle of
// calls with a throttle. It returns the calls sent and throttled.
func simulate(l *adaptiveLimiter, clk *fakeClock, d time.Duration, capPerSec int, randomThrottle float64) (sent, throttled int) {
	end := clk.Now().Add(d)
	sec, inSec := clk.Now().Unix(), 0
	rng := rand.New(rand.NewPCG(1, 2))
	for clk.Now().Before(end) {
		_ = l.Wait(context.Background())
		if s := clk.Now().Unix(); s != sec {
			sec, inSec = s, 0
		}
		inSec++
		th := (capPerSec > 0 && inSec > capPerSec) || rng.Float64() < randomThrottle
		sent++
		if th {
			throttled++
		}
		l.Observe(th)
		clk.advance(10 * time.Millisecond)
	}
	return sent, throttled
}

func TestAdaptiveLimiterSlowsDownAndRecovers(t *testing.T) {
	clk := &fakeClock{t: time.Unix(1_000_000, 0)}
	l := newAdaptiveLimiter(0, clk)

	// No throttle seen: nothing is held back (100 calls/s of demand).
	if n, _ := simulate(l, clk, 2*time.Second, 0, 0); n < 195 {
		t.Fatalf("unthrottled: %d calls in 2 s, want ~200", n)
	}
	if l.Rate() != 0 {
		t.Fatalf("rate = %v before any throttle, want 0 (off)", l.Rate())
	}

	// The API allows 20 calls/s: the client slows down to about that.
	simulate(l, clk, 20*time.Second, 20, 0)
	sent, throttled := simulate(l, clk, 20*time.Second, 20, 0)
	if perSec := float64(sent) / 20; perSec < 16 || perSec > 26 {
		t.Fatalf("under a 20/s cap the client sent %.1f calls/s, want 16..26", perSec)
	}
	if frac := float64(throttled) / float64(sent); frac > 0.2 {
		t.Fatalf("%.0f%% of calls throttled after settling, want ≤ 20%%", frac*100)
	}

	// The cap is lifted: the rate grows back well past it.
	simulate(l, clk, 20*time.Second, 0, 0)
	if n, _ := simulate(l, clk, 5*time.Second, 0, 0); float64(n)/5 < 60 {
		t.Fatalf("after recovery %.1f calls/s, want ≥ 60", float64(n)/5)
	}
}

// TestAdaptiveLimiterRandomThrottles: throttles that come at any rate (an
// overloaded service) slow the client down but do not starve it.
func TestAdaptiveLimiterRandomThrottles(t *testing.T) {
	clk := &fakeClock{t: time.Unix(1_000_000, 0)}
	l := newAdaptiveLimiter(0, clk)
	simulate(l, clk, 20*time.Second, 0, 0.25)
	if n, _ := simulate(l, clk, 10*time.Second, 0, 0.25); float64(n)/10 < 25 {
		t.Fatalf("25%% random throttles: %.1f calls/s of 100 wanted, want ≥ 25 (not starved)", float64(n)/10)
	}
}

func TestAdaptiveLimiterConfiguredCap(t *testing.T) {
	clk := &fakeClock{t: time.Unix(1_000_000, 0)}
	l := newAdaptiveLimiter(5, clk)
	n, _ := simulate(l, clk, 10*time.Second, 0, 0)
	// 5 per second plus the initial one-second bucket.
	if n < 50 || n > 56 {
		t.Fatalf("cap 5/s: %d calls in 10 s, want 50..56", n)
	}
	if r := l.Rate(); r != 5 {
		t.Fatalf("rate = %v, want the cap 5", r)
	}
}

// TestAdaptiveLimiterAgainstQPSCap runs a burst of calls against the
// emulator's flow control (8 calls per second): every call succeeds and
// the limiter engages.
func TestAdaptiveLimiterAgainstQPSCap(t *testing.T) {
	srv, c := emulatorClient(t, func(cfg *Config) { cfg.MaxRetries = intp(15) })
	srv.SetFaults(emulator.Faults{QPSLimit: 8})
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.ListRegions(ctx, "", ""); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("call failed under the QPS cap: %v", err)
	}
	// Engaged by the throttles (how far it slows down and recovers is
	// checked with the fake clock above, not with wall time).
	if c.limiter.Rate() == 0 {
		t.Fatal("the limiter did not engage after Throttling.User answers")
	}
}

func emulatorClient(t *testing.T, mod ...func(*Config)) (*emulator.Server, *Client) {
	t.Helper()
	srv := emulator.NewServer(emulator.Options{})
	t.Cleanup(srv.Close)
	mod = append([]func(*Config){func(cfg *Config) {
		cfg.Credential = staticCred(emulator.DefaultAccessKeyID, emulator.DefaultAccessKeySecret, "")
		cfg.MaxRetries = intp(8)
		cfg.RetryBaseDelay = 50 * time.Millisecond
		cfg.RetryMaxDelay = 2 * time.Second
	}}, mod...)
	return srv, testClient(t, srv.URL, mod...)
}

func addGroups(t *testing.T, e *emulator.Emulator, n int) []string {
	t.Helper()
	ids := make([]string, n)
	for i := range ids {
		id, err := e.AddGroup(emulator.Group{ImageID: "img-win2019-office", RegionID: "cn-shanghai", SessionType: "CONSOLE",
			Name: fmt.Sprintf("bulk-%04d", i)})
		if err != nil {
			t.Fatal(err)
		}
		ids[i] = id
	}
	return ids
}

func calls(e *emulator.Emulator, action string) int { return e.Stats().Actions[action].Calls }

func TestGroupViewSingleFlight(t *testing.T) {
	srv, c := emulatorClient(t)
	ids := addGroups(t, srv.Emulator, 200)
	srv.ResetStats()
	var wg sync.WaitGroup
	errs := make(chan error, len(ids))
	for _, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			g, err := c.ReadAppInstanceGroup(context.Background(), id)
			if err == nil && g.AppInstanceGroupID != id {
				err = fmt.Errorf("read %s, got %s", id, g.AppInstanceGroupID)
			}
			if err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	// 200 concurrent readers: page 1 once, page 2 once, no Get.
	if l, g := calls(srv.Emulator, "ListAppInstanceGroup"), calls(srv.Emulator, "GetAppInstanceGroup"); l != 2 || g != 0 {
		t.Fatalf("200 reads cost %d List + %d Get, want 2 + 0", l, g)
	}
}

func TestGroupViewLargeAccountFewManaged(t *testing.T) {
	srv, c := emulatorClient(t)
	ids := addGroups(t, srv.Emulator, 5000)
	srv.ResetStats()
	// The one managed group is on the last page.
	g, err := c.ReadAppInstanceGroup(context.Background(), ids[len(ids)-1])
	if err != nil || g.AppInstanceGroupID != ids[len(ids)-1] {
		t.Fatalf("read: %v %v", g, err)
	}
	if total := srv.Stats().TotalCalls; total > 2 {
		t.Fatalf("5,000 groups, 1 managed: %d calls, want ≤ 2", total)
	}
}

func TestGroupViewInvalidatedByWrite(t *testing.T) {
	srv, c := emulatorClient(t)
	ids := addGroups(t, srv.Emulator, 3)
	ctx := context.Background()
	if _, err := c.ReadAppInstanceGroup(ctx, ids[0]); err != nil {
		t.Fatal(err)
	}
	if err := c.ModifyAppInstanceGroupAttribute(ctx, ModifyAppInstanceGroupAttributeInput{AppInstanceGroupID: ids[0], SessionTimeout: intp(30)}); err != nil {
		t.Fatal(err)
	}
	srv.ResetStats()
	g, err := c.ReadAppInstanceGroup(ctx, ids[0])
	if err != nil || g.SessionTimeout != 30 {
		t.Fatalf("after the write: SessionTimeout = %v (err %v), want 30", g, err)
	}
	if n := calls(srv.Emulator, "GetAppInstanceGroup"); n != 1 {
		t.Fatalf("written group read with %d Gets, want 1", n)
	}
	// The other groups are still answered from the page: no call.
	if _, err := c.ReadAppInstanceGroup(ctx, ids[1]); err != nil {
		t.Fatal(err)
	}
	if total := srv.Stats().TotalCalls; total != 1 {
		t.Fatalf("unwritten group cost %d calls, want 0", total-1)
	}
}

// TestGroupViewGetOnlyFields: List rows lack SessionType (and the image and
// instance type names); the view answers without them, Get has them.
func TestGroupViewGetOnlyFields(t *testing.T) {
	srv, c := emulatorClient(t)
	ids := addGroups(t, srv.Emulator, 1)
	ctx := context.Background()
	g, err := c.ReadAppInstanceGroup(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if g.SessionType != "" || g.AppCenterImageName != "" {
		t.Fatalf("view row carries Get-only fields: %q %q", g.SessionType, g.AppCenterImageName)
	}
	full, err := c.GetAppInstanceGroup(ctx, ids[0])
	if err != nil || full.SessionType != "CONSOLE" || full.AppCenterImageName == "" {
		t.Fatalf("Get: %+v %v", full, err)
	}
}

func TestGroupViewMissingGroupIsNotFound(t *testing.T) {
	srv, c := emulatorClient(t)
	addGroups(t, srv.Emulator, 2)
	_, err := c.ReadAppInstanceGroup(context.Background(), "aig-doesnotexist00")
	if !IsNotFound(err) {
		t.Fatalf("err = %v, want NotFound", err)
	}
}

// TestCreateNameLookupsBatched: 20 concurrent creates look their names up
// with one List page, not one List each.
func TestCreateNameLookupsBatched(t *testing.T) {
	srv, c := emulatorClient(t)
	addGroups(t, srv.Emulator, 5)
	srv.ResetStats()
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c.CreateAppInstanceGroup(context.Background(), CreateAppInstanceGroupInput{
				AppInstanceGroupName: fmt.Sprintf("batch-%d", i), AppCenterImageID: "img-win2019-office", BizRegionID: "cn-shanghai",
				ChargeType: "PostPaid", ChargeResourceMode: "Node", Period: 1, PeriodUnit: "Month", SessionTimeout: intp(15), AutoPay: boolp(true),
				NodePool: &NodePoolStrategy{NodeInstanceType: "appstreaming.general.4c8g", NodeCapacity: intp(1), StrategyType: "NODE_FIXED", NodeAmount: intp(1)},
			})
			if err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if n := calls(srv.Emulator, "ListAppInstanceGroup"); n != 1 {
		t.Fatalf("20 creates listed %d times, want 1", n)
	}
}

// TestWaitSurvivesThrottledPolls: half of all status polls are throttled,
// 5xx or dropped; the waits still end PUBLISHED, and many waiters share
// one poller.
func TestWaitSurvivesThrottledPolls(t *testing.T) {
	srv := emulator.NewServer(emulator.Options{DeployDuration: 300 * time.Millisecond})
	t.Cleanup(srv.Close)
	c := testClient(t, srv.URL, func(cfg *Config) {
		cfg.Credential = staticCred(emulator.DefaultAccessKeyID, emulator.DefaultAccessKeySecret, "")
		cfg.PollInterval = 40 * time.Millisecond
	})
	ids := addGroups(t, srv.Emulator, 10)
	for _, id := range ids {
		if err := srv.UpdateGroup(id, func(g *emulator.Group) {
			g.Status, g.NextStatus, g.StatusUntil = "DEPLOYING", "PUBLISHED", srv.Now().Add(300*time.Millisecond)
		}); err != nil {
			t.Fatal(err)
		}
	}
	srv.SetFaults(emulator.Faults{FailureRate: 0.5, Seed: 7, FailureCodes: []string{"Throttling.User", "ServiceUnavailable", "InternalError", "Drop"},
		Actions: []string{"GetAppInstanceGroup", "ListAppInstanceGroup"}})
	srv.ResetStats()
	var wg sync.WaitGroup
	errs := make(chan error, len(ids))
	for _, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			g, err := c.WaitForGroupStatus(context.Background(), id, []GroupStatus{GroupPublished}, []GroupStatus{GroupDeploying}, 30*time.Second)
			if err == nil && g.Status != "PUBLISHED" {
				err = fmt.Errorf("%s ended %s", id, g.Status)
			}
			if err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("wait ended by a transient error: %v", err)
	}
	st := srv.Stats()
	if st.Actions["ListAppInstanceGroup"].Injected == 0 {
		t.Fatal("no poll was failed: the test proves nothing")
	}
	// One poller: its List calls, not ten Get loops.
	if g := st.Actions["GetAppInstanceGroup"].Calls; g > st.Actions["ListAppInstanceGroup"].Calls {
		t.Fatalf("%d Gets vs %d Lists: waiters polled on their own", g, st.Actions["ListAppInstanceGroup"].Calls)
	}
}
