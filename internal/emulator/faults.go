package emulator

import (
	"math/rand/v2"
	"time"
)

// Faults configures injected failures. The JSON form is what
// POST /_emulator/faults takes and GET returns.
type Faults struct {
	// LatencyMS delays every API call (real time).
	LatencyMS int `json:"latency_ms"`
	// FailureRate is the fraction (0–1) of calls answered with a code from
	// FailureCodes, restricted to Actions when that is non-empty.
	FailureRate float64 `json:"failure_rate"`
	// FailureCodes: Throttling.User (400), ServiceUnavailable (503),
	// InternalError (500) or Drop (connection closed, no answer). Default
	// Throttling.User.
	FailureCodes []string `json:"failure_codes"`
	Actions      []string `json:"actions"`
	// QPSLimit: more than N calls within one real second → Throttling.User.
	QPSLimit int `json:"qps_limit"`
	// Seed makes the failure pattern repeatable.
	Seed int64 `json:"seed"`
	// CreateError makes every CreateAppInstanceGroup fail with this code
	// (e.g. StockError.NoStock) while set.
	CreateError string `json:"create_error"`
	// DeployOutcome "FAILED": new groups end FAILED instead of PUBLISHED.
	DeployOutcome string `json:"deploy_outcome"`
	// MaintainOutcome "MAINTAIN_FAILED": image updates end MAINTAIN_FAILED.
	MaintainOutcome string `json:"maintain_outcome"`
	// Ambiguous: action → N. The next N calls of that action are executed
	// and then the connection is dropped without an answer.
	Ambiguous map[string]int `json:"ambiguous"`
}

// faultStatus gives the HTTP status for an injected or configured code.
func faultStatus(code string) int {
	switch code {
	case "ServiceUnavailable":
		return 503
	case "InternalError", "InternalFailure", "StockError.InvalidResourceRequest":
		return 500
	default:
		return 400
	}
}

// SetFaults replaces the fault configuration and reseeds the generator.
func (e *Emulator) SetFaults(f Faults) {
	e.faultMu.Lock()
	defer e.faultMu.Unlock()
	amb := map[string]int{}
	for k, v := range f.Ambiguous {
		if v > 0 {
			amb[k] = v
		}
	}
	f.Ambiguous = amb
	f.FailureCodes = append([]string(nil), f.FailureCodes...)
	f.Actions = append([]string(nil), f.Actions...)
	e.faults = f
	e.rng = rand.New(rand.NewPCG(uint64(f.Seed), 0x5eed))
}

// Faults returns the current configuration (Ambiguous shows the calls left).
func (e *Emulator) Faults() Faults {
	e.faultMu.Lock()
	defer e.faultMu.Unlock()
	f := e.faults
	f.Ambiguous = map[string]int{}
	for k, v := range e.faults.Ambiguous {
		f.Ambiguous[k] = v
	}
	return f
}

// injection is what the dispatcher must do with one call.
type injection struct {
	err       *apiError
	drop      bool
	ambiguous bool
}

// pickFault decides, before the handler runs, whether this call is
// throttled or failed. Ambiguity is decided here too (the counter is
// consumed) but applied after the handler.
func (e *Emulator) pickFault(action string) (inj injection, latency time.Duration) {
	e.faultMu.Lock()
	defer e.faultMu.Unlock()
	f := &e.faults
	latency = time.Duration(f.LatencyMS) * time.Millisecond
	if f.QPSLimit > 0 {
		sec := time.Now().Unix()
		if sec != e.qpsSecond {
			e.qpsSecond, e.qpsCount = sec, 0
		}
		e.qpsCount++
		if e.qpsCount > f.QPSLimit {
			inj.err = errf(400, "Throttling.User", "Request was denied due to user flow control.")
			return inj, latency
		}
	}
	if f.FailureRate > 0 && actionSelected(f.Actions, action) {
		if e.rng.Float64() < f.FailureRate {
			codes := f.FailureCodes
			if len(codes) == 0 {
				codes = []string{"Throttling.User"}
			}
			code := codes[e.rng.IntN(len(codes))]
			if code == "Drop" {
				inj.drop = true
			} else {
				inj.err = errf(faultStatus(code), code, "Injected fault %s.", code)
			}
			return inj, latency
		}
	}
	if n := f.Ambiguous[action]; n > 0 {
		f.Ambiguous[action] = n - 1
		inj.ambiguous = true
	}
	return inj, latency
}

func actionSelected(actions []string, a string) bool {
	if len(actions) == 0 {
		return true
	}
	for _, x := range actions {
		if x == a {
			return true
		}
	}
	return false
}

// createFault returns the configured CreateAppInstanceGroup error, if any.
func (e *Emulator) createFault() *apiError {
	e.faultMu.Lock()
	defer e.faultMu.Unlock()
	if c := e.faults.CreateError; c != "" {
		return errf(faultStatus(c), c, "Injected create failure %s.", c)
	}
	return nil
}

func (e *Emulator) outcomes() (deploy, maintain string) {
	e.faultMu.Lock()
	defer e.faultMu.Unlock()
	return e.faults.DeployOutcome, e.faults.MaintainOutcome
}
