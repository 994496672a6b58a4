// Package emulator is a local stand-in for the Alibaba Cloud App Streaming
// OpenAPI (appstream-center 2021-09-01, RPC style). It reads the wire on its
// own (no SDK types), verifies V2 and V3 signatures, models delivery groups
// with their statuses, and offers fault injection plus an admin API under
// /_emulator/. See README.md in this directory.
package emulator

import (
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"
)

// APIVersion is the only version the emulator serves.
const APIVersion = "2021-09-01"

// Options configures an Emulator. The zero value is usable.
type Options struct {
	Credentials      []Credential  // default: one key, DefaultAccessKeyID / DefaultAccessKeySecret
	SkipSignature    bool          // accept unsigned requests (curl)
	DeployDuration   time.Duration // DEPLOYING→PUBLISHED
	MaintainDuration time.Duration // MAINTAINING→PUBLISHED
	DeleteDuration   time.Duration // Delete accepted → group gone
	Clock            Clock         // nil: real time
	Logf             func(format string, args ...any)

	// Catalog overrides the seed catalog (regions, instance types, images).
	// nil: DefaultCatalog().
	Catalog *Catalog
	// UserGroups is the directory of known user groups (id → name). nil:
	// DefaultUserGroups(). Any well-formed ug- id is accepted regardless.
	UserGroups map[string]string
	// SystemTagsEvery attaches SystemTags (default
	// System/Scheduler/GRAYSCALE=false) to every Nth created group; 0 = never.
	SystemTagsEvery int
	SystemTags      map[string]string
	// OtaEvery gives every Nth created group a pending OTA task. 0 means the
	// default (every 2nd group, starting with the first); negative: never.
	OtaEvery int
	// TicketPolls is how many GetConnectionTicket polls of a task answer
	// Running before it is Finished (0: the first poll finishes it).
	TicketPolls int
	// Seed drives generated IDs (deterministic per emulator).
	Seed uint64

	// Roles and OIDCProviders configure STS (sts.go). Both nil: the default
	// role DefaultRoleARN trusting DefaultOIDCProviderARN.
	Roles         []Role
	OIDCProviders []OIDCProvider
}

// ActionStats counts the calls of one action. Calls = OK + Errors + calls
// dropped without an answer. Injected counts calls hit by any fault
// (injected error, Drop, ambiguous drop, QPS throttle).
type ActionStats struct {
	Calls    int `json:"calls"`
	OK       int `json:"ok"`
	Errors   int `json:"errors"`
	Injected int `json:"injected"`
}

// Stats is the call accounting since start or the last reset.
type Stats struct {
	TotalCalls int                    `json:"total_calls"`
	Actions    map[string]ActionStats `json:"actions"`
}

// Emulator is an http.Handler serving the API and the admin API.
type Emulator struct {
	opts  Options
	clock Clock

	clockMu     sync.Mutex
	clockOffset time.Duration

	mu sync.Mutex // guards st
	st *state

	statsMu sync.Mutex
	stats   Stats

	faultMu   sync.Mutex
	faults    Faults
	rng       *rand.Rand
	qpsSecond int64
	qpsCount  int

	nonceMu sync.Mutex
	nonces  map[string]time.Time

	adminOnce sync.Once
	admin     http.Handler

	stsOnce sync.Once
	stsData *stsBox

	persist *persister // --state-file (persist.go); nil: memory only
}

type handlerFunc func(e *Emulator, c *call) (map[string]any, *apiError)

// call is one decoded API request.
type call struct {
	action string
	p      params
	r      *http.Request
}

// New builds an emulator with the seed state.
func New(opts Options) *Emulator {
	if len(opts.Credentials) == 0 {
		opts.Credentials = []Credential{{AccessKeyID: DefaultAccessKeyID, AccessKeySecret: DefaultAccessKeySecret}}
	}
	if opts.Catalog == nil {
		opts.Catalog = DefaultCatalog()
	}
	if opts.UserGroups == nil {
		opts.UserGroups = DefaultUserGroups()
	}
	if opts.SystemTagsEvery > 0 && len(opts.SystemTags) == 0 {
		opts.SystemTags = map[string]string{"System/Scheduler/GRAYSCALE": "false"}
	}
	if opts.OtaEvery == 0 {
		opts.OtaEvery = 2
	}
	e := &Emulator{opts: opts, clock: opts.Clock, nonces: map[string]time.Time{}}
	if e.clock == nil {
		e.clock = RealClock{}
	}
	e.st = newState(opts)
	e.SetFaults(Faults{})
	e.ResetStats()
	return e
}

func (e *Emulator) logf(format string, args ...any) {
	if e.opts.Logf != nil {
		e.opts.Logf(format, args...)
	}
}

// Reset restores the seed state, zeroes the stats and clears faults. The
// clock offset set through the admin API is cleared too, and STS is back to
// the configured roles with no issued credentials.
func (e *Emulator) Reset() {
	e.mu.Lock()
	e.st = newState(e.opts)
	e.mu.Unlock()
	e.SetFaults(Faults{})
	e.ResetStats()
	e.clockMu.Lock()
	e.clockOffset = 0
	e.clockMu.Unlock()
	e.nonceMu.Lock()
	e.nonces = map[string]time.Time{}
	e.nonceMu.Unlock()
	e.resetSTS()
}

// Stats returns a copy of the call counters.
func (e *Emulator) Stats() Stats {
	e.statsMu.Lock()
	defer e.statsMu.Unlock()
	s := Stats{TotalCalls: e.stats.TotalCalls, Actions: map[string]ActionStats{}}
	for k, v := range e.stats.Actions {
		s.Actions[k] = v
	}
	return s
}

// ResetStats zeroes the counters.
func (e *Emulator) ResetStats() {
	e.statsMu.Lock()
	e.stats = Stats{Actions: map[string]ActionStats{}}
	e.statsMu.Unlock()
}

func (e *Emulator) count(action string, fn func(a *ActionStats)) {
	e.statsMu.Lock()
	a := e.stats.Actions[action]
	fn(&a)
	e.stats.Actions[action] = a
	e.statsMu.Unlock()
}

// ServeHTTP routes admin calls and API calls; with a state file, the
// answer waits until the changes are saved.
func (e *Emulator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if e.persist != nil {
		e.servePersisting(w, r)
		return
	}
	e.dispatch(w, r)
}

func (e *Emulator) dispatch(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/_emulator/") || r.URL.Path == "/_emulator" {
		e.serveAdmin(w, r)
		return
	}
	e.serveAPI(w, r)
}

func (e *Emulator) serveAPI(w http.ResponseWriter, r *http.Request) {
	reqID := newRequestID()
	start := time.Now()
	if r.URL.Path != "/" {
		writeError(w, reqID, errf(404, "InvalidPath.NotFound", "Only POST / is served; %s was requested.", r.URL.Path))
		return
	}
	if r.Method != http.MethodPost {
		writeError(w, reqID, errf(405, "UnsupportedHTTPMethod", "Method %s is not allowed; use POST.", r.Method))
		return
	}
	body, err := readBody(r)
	if err != nil {
		writeError(w, reqID, errf(400, "InvalidParameter", "Cannot read the request body: %v.", err))
		return
	}
	action := r.URL.Query().Get("Action")
	if action == "" {
		action = r.Header.Get("x-acs-action")
	}
	x := &exchange{e: e, w: w, reqID: reqID, start: start, stat: action}
	if x.stat == "" {
		x.stat = "(none)"
	}
	e.statsMu.Lock()
	e.stats.TotalCalls++
	e.statsMu.Unlock()
	e.count(x.stat, func(a *ActionStats) { a.Calls++ })

	h, p, ae := e.admit(r, body, action)
	if ae != nil {
		x.fail(ae, false)
		return
	}
	e.execute(x, h, &call{action: action, p: p, r: r})
}

// admit decodes and authenticates a counted call and finds its handler.
func (e *Emulator) admit(r *http.Request, body []byte, action string) (handlerFunc, params, *apiError) {
	p, ae := readParams(r, body)
	if ae != nil {
		return nil, p, ae
	}
	version := r.URL.Query().Get("Version")
	if version == "" {
		version = r.Header.Get("x-acs-version")
	}
	if !e.opts.SkipSignature && !isAnonymousSTS(action, version) {
		if ae := e.verifySignature(r, p, body); ae != nil {
			return nil, p, ae
		}
	}
	if version != STSVersion {
		e.noteKeyUse(r, p)
	}
	if action == "" {
		return nil, p, errf(400, "MissingParameter.Action", "The input parameter Action that is mandatory for processing this request is not supplied.")
	}
	if version != "" && version != APIVersion && version != STSVersion {
		return nil, p, errf(400, "InvalidVersion", "Specified parameter Version %q is not valid; use %s.", version, APIVersion)
	}
	h, ok := route(action, version)
	if !ok {
		return nil, p, errf(404, "InvalidAction.NotFound", "Specified api %s is not found, please check your url and method.", action)
	}
	return h, p, nil
}

// execute runs an admitted call under the state lock, with the faults
// picked for it, and answers.
func (e *Emulator) execute(x *exchange, h handlerFunc, c *call) {
	inj, latency := e.pickFault(c.action)
	if latency > 0 {
		select {
		case <-time.After(latency):
		case <-c.r.Context().Done():
		}
	}
	if inj.drop {
		x.drop("dropped (injected)")
		return
	}
	if inj.err != nil {
		x.fail(inj.err, true)
		return
	}
	e.mu.Lock()
	e.tick()
	resp, ae := h(e, c)
	e.mu.Unlock()
	if inj.ambiguous {
		x.drop("executed, dropped (ambiguous)")
		return
	}
	if ae != nil {
		x.fail(ae, false)
		return
	}
	if resp == nil {
		resp = map[string]any{}
	}
	resp["RequestId"] = x.reqID
	e.count(x.stat, func(a *ActionStats) { a.OK++ })
	e.logf("%s %s -> 200 (%s)", x.reqID, x.stat, time.Since(x.start))
	writeJSON(x.w, 200, resp)
}

// exchange is one counted API call on its way to an answer.
type exchange struct {
	e     *Emulator
	w     http.ResponseWriter
	reqID string
	start time.Time
	stat  string // the action name in the stats ("(none)" when absent)
}

// fail answers an error; injected: it came from a fault.
func (x *exchange) fail(ae *apiError, injected bool) {
	x.e.count(x.stat, func(a *ActionStats) {
		a.Errors++
		if injected {
			a.Injected++
		}
	})
	x.e.logf("%s %s -> %d %s (%s)", x.reqID, x.stat, ae.Status, ae.Code, time.Since(x.start))
	writeError(x.w, x.reqID, ae)
}

// drop closes the connection without an answer (an injected fault).
func (x *exchange) drop(note string) {
	x.e.count(x.stat, func(a *ActionStats) { a.Injected++ })
	x.e.logf("%s %s -> %s", x.reqID, x.stat, note)
	hijackClose(x.w)
}

// Server is an emulator listening on loopback, for tests.
type Server struct {
	*Emulator
	URL string // http://127.0.0.1:PORT
	srv *httptest.Server
}

// NewServer starts an emulator on 127.0.0.1 with a random port.
func NewServer(opts Options) *Server {
	e := New(opts)
	ts := httptest.NewUnstartedServer(e) // listens on 127.0.0.1:0
	// TLS and plain HTTP on the same port (loopback_tls.go), for STS clients
	// that speak only HTTPS.
	if ln, err := SniffTLS(ts.Listener); err == nil {
		ts.Listener = ln
	}
	ts.Start()
	return &Server{Emulator: e, URL: ts.URL, srv: ts}
}

// TLSURL is https://127.0.0.1:PORT, the same listener over TLS (certificate
// signed by LoopbackCAPEM).
func (s *Server) TLSURL() string { return "https://" + s.Endpoint() }

// Endpoint is host:port, the value for the SDK's Config.Endpoint.
func (s *Server) Endpoint() string { return strings.TrimPrefix(s.URL, "http://") }

// Close stops the listener and closes open connections.
func (s *Server) Close() { s.srv.Close() }
