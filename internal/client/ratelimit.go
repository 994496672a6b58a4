package client

import (
	"context"
	"math"
	"sync"
	"time"
)

// adaptiveLimiter is the one token bucket every call of a Client passes
// through. It follows the AWS SDKs' "adaptive" retry mode: until the API
// first answers Throttling.* it does not hold anything back (unless a
// maximum rate is configured); after a throttle its fill rate drops to
// β × the rate actually measured, then grows back along a cubic curve
// towards (and past) the rate that was throttled, so it settles just under
// the account's flow-control limit and speeds up again when that lifts.
type adaptiveLimiter struct {
	clock limiterClock
	// max caps the fill rate (max_requests_per_second); 0 = no cap.
	max float64

	mu            sync.Mutex
	enabled       bool    // a cap is configured or a throttle was seen
	fillRate      float64 // tokens per second
	capacity      float64
	tokens        float64
	lastRefill    time.Time
	lastMaxRate   float64 // rate at the last throttle
	lastThrottle  time.Time
	timeWindow    float64 // K of the cubic, seconds
	scale         float64 // C of the cubic
	measuredRate  float64 // smoothed requests per second actually sent
	answeredRate  float64 // smoothed requests per second not throttled
	measureBucket time.Time
	measureCount  float64
	answeredCount float64
	lastDecrease  time.Time
}

// limiterDecreaseGap: throttles within this time of a decrease answer
// calls sent before it took effect, so they do not lower the rate again
// (one decrease per round, as in TCP).
const limiterDecreaseGap = time.Second

// limiterClock is time for the limiter; tests inject a fake one so that
// slowing down and recovering are checked by counts, not wall time.
type limiterClock interface {
	Now() time.Time
	// Sleep waits d or until ctx ends.
	Sleep(ctx context.Context, d time.Duration) error
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }
func (realClock) Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

const (
	limiterBeta       = 0.7         // multiplicative decrease on a throttle
	limiterRecovery   = time.Second // back to the throttled rate after this
	limiterMinRate    = 0.5         // never below one call per two seconds
	limiterSmoothing  = 0.8         // weight of the newest measurement
	limiterBucketSecs = 0.5         // measurement window
)

func newAdaptiveLimiter(maxRate float64, clock limiterClock) *adaptiveLimiter {
	if clock == nil {
		clock = realClock{}
	}
	l := &adaptiveLimiter{clock: clock, max: maxRate}
	now := clock.Now()
	l.lastRefill, l.lastThrottle, l.measureBucket = now, now, now
	if maxRate > 0 {
		l.enabled = true
		l.setRate(maxRate)
		l.tokens = l.capacity
	}
	return l
}

// setRate sets the fill rate within [min, max] and sizes the bucket to one
// second of it, so that a burst never exceeds what one second allows.
func (l *adaptiveLimiter) setRate(r float64) {
	if l.max > 0 && r > l.max {
		r = l.max
	}
	r = math.Max(r, limiterMinRate)
	l.fillRate = r
	l.capacity = math.Max(r, 1)
	if l.tokens > l.capacity {
		l.tokens = l.capacity
	}
}

func (l *adaptiveLimiter) refill(now time.Time) {
	if el := now.Sub(l.lastRefill).Seconds(); el > 0 {
		l.tokens = math.Min(l.capacity, l.tokens+el*l.fillRate)
	}
	l.lastRefill = now
}

// Wait takes one token, sleeping until one is available or ctx ends.
func (l *adaptiveLimiter) Wait(ctx context.Context) error {
	for {
		l.mu.Lock()
		if !l.enabled {
			l.mu.Unlock()
			return nil
		}
		now := l.clock.Now()
		l.refill(now)
		if l.tokens >= 1 {
			l.tokens--
			l.mu.Unlock()
			return nil
		}
		wait := time.Duration((1 - l.tokens) / l.fillRate * float64(time.Second))
		l.mu.Unlock()
		if wait < time.Millisecond {
			wait = time.Millisecond
		}
		if err := l.clock.Sleep(ctx, wait); err != nil {
			return err
		}
	}
}

// measure updates the smoothed send and answer rates with one request.
func (l *adaptiveLimiter) measure(now time.Time, throttled bool) {
	l.measureCount++
	if !throttled {
		l.answeredCount++
	}
	el := now.Sub(l.measureBucket).Seconds()
	if el >= limiterBucketSecs {
		l.measuredRate = l.measureCount/el*limiterSmoothing + l.measuredRate*(1-limiterSmoothing)
		l.answeredRate = l.answeredCount/el*limiterSmoothing + l.answeredRate*(1-limiterSmoothing)
		l.measureCount, l.answeredCount, l.measureBucket = 0, 0, now
	}
}

// Observe feeds back the outcome of one attempt: throttled or answered.
// Transport failures and other errors say nothing about flow control.
func (l *adaptiveLimiter) Observe(throttled bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.clock.Now()
	l.measure(now, throttled)
	var rate float64
	if throttled {
		if l.enabled && l.lastMaxRate > 0 && now.Sub(l.lastDecrease) < limiterDecreaseGap {
			return
		}
		base := l.measuredRate
		if el := now.Sub(l.measureBucket).Seconds(); base <= 0 && el > 0 {
			base = l.measureCount / el // first bucket not complete yet
		}
		if base <= 0 {
			base = l.fillRate
		}
		if l.enabled && l.fillRate < base {
			base = l.fillRate
		}
		if base <= 0 {
			base = limiterMinRate * 2
		}
		// Never below the rate the API still answers: a flow-control limit
		// shows as a ceiling on answered calls, while throttles that come
		// at any rate (an overloaded service) must not starve the client.
		answered := l.answeredRate
		if answered <= 0 {
			answered = base * limiterBeta
		}
		rate = math.Max(base*limiterBeta, math.Min(answered, base))
		l.lastMaxRate = base
		// The cubic returns to base after limiterRecovery, whatever the
		// rate: throttles that keep coming at any rate then cost a dip
		// each, not a slide to the minimum.
		l.timeWindow = limiterRecovery.Seconds()
		l.scale = math.Max(base-rate, 0.1) / cube(l.timeWindow)
		l.lastThrottle, l.lastDecrease = now, now
		if !l.enabled {
			l.enabled = true
			l.refill(now)
			l.tokens = 0
		}
	} else {
		if !l.enabled || l.lastMaxRate == 0 {
			// Not limiting, or a configured cap and no throttle yet.
			return
		}
		t := now.Sub(l.lastThrottle).Seconds()
		rate = l.scale*cube(t-l.timeWindow) + l.lastMaxRate
		// Never run far ahead of what is actually being sent.
		if l.measuredRate > 0 {
			rate = math.Min(rate, 2*l.measuredRate)
		}
		rate = math.Max(rate, l.fillRate) // success never slows down
	}
	l.refill(now)
	l.setRate(rate)
}

// Rate returns the current fill rate (0 when not limiting).
func (l *adaptiveLimiter) Rate() float64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.enabled {
		return 0
	}
	return l.fillRate
}

func cube(x float64) float64 { return x * x * x }
