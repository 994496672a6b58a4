package emulator

import (
	"sync"
	"time"
)

// Clock is the emulator's notion of "now" for the service model (status
// transitions, expiry, schedule dates). Signature timestamps always use the
// real clock, because the SDK signs with real time.
type Clock interface{ Now() time.Time }

// RealClock is wall-clock time.
type RealClock struct{}

// Now returns time.Now().
func (RealClock) Now() time.Time { return time.Now() }

// ManualClock only moves when told to; tests use it to step through
// DEPLOYING → PUBLISHED without sleeping.
type ManualClock struct {
	mu sync.Mutex
	t  time.Time
}

// NewManualClock starts a manual clock at t.
func NewManualClock(t time.Time) *ManualClock { return &ManualClock{t: t} }

// Now returns the current virtual time.
func (c *ManualClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

// Set moves the clock to t (backwards is allowed).
func (c *ManualClock) Set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }

// Advance moves the clock forward by d.
func (c *ManualClock) Advance(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

// chinaTZ is where "today" is judged for StrategyEnableDate: the service
// is operated in UTC+8 (the docs do not say; this is the likely reading).
var chinaTZ = time.FixedZone("UTC+8", 8*3600)

// now is the model time: the configured clock plus an admin offset (the
// offset lets /_emulator/clock move a real clock).
func (e *Emulator) now() time.Time {
	e.clockMu.Lock()
	off := e.clockOffset
	e.clockMu.Unlock()
	return e.clock.Now().Add(off)
}

// SetTime moves the model clock to t.
func (e *Emulator) SetTime(t time.Time) {
	if mc, ok := e.clock.(*ManualClock); ok {
		mc.Set(t)
		return
	}
	e.clockMu.Lock()
	e.clockOffset = t.Sub(e.clock.Now())
	e.clockMu.Unlock()
}

// AdvanceTime moves the model clock forward by d.
func (e *Emulator) AdvanceTime(d time.Duration) {
	if mc, ok := e.clock.(*ManualClock); ok {
		mc.Advance(d)
		return
	}
	e.clockMu.Lock()
	e.clockOffset += d
	e.clockMu.Unlock()
}

// Now is the emulator's model time.
func (e *Emulator) Now() time.Time { return e.now() }

// apiTime formats timestamps the way Get/List do: 2022-04-27T16:00:00.000+00:00.
func apiTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02T15:04:05.000+00:00")
}
