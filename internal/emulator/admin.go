package emulator

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"time"
)

// serveAdmin handles /_emulator/… (no signature: it is a local test hook).
func (e *Emulator) serveAdmin(w http.ResponseWriter, r *http.Request) {
	e.adminOnce.Do(func() { e.admin = e.adminMux() })
	e.admin.ServeHTTP(w, r)
}

func adminErr(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]any{"error": msg})
}

func decodeAdmin(w http.ResponseWriter, r *http.Request, dst any) bool {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		adminErr(w, 400, "bad JSON body: "+err.Error())
		return false
	}
	return true
}

// GroupPatch is the body of POST /_emulator/groups/{id}; absent fields are
// left alone.
type GroupPatch struct {
	Name                        *string           `json:"name"`
	SessionTimeout              *int              `json:"session_timeout"`
	NodeAmount                  *int              `json:"node_amount"`
	Capacity                    *int              `json:"capacity"`
	StrategyType                *string           `json:"strategy_type"`
	MaxScalingAmount            *int              `json:"max_scaling_amount"`
	ScalingStep                 *int              `json:"scaling_step"`
	ScalingUsageThreshold       *string           `json:"scaling_usage_threshold"`
	ScalingDownAfterIdleMinutes *int              `json:"scaling_down_after_idle_minutes"`
	WarmUp                      *bool             `json:"warm_up"`
	StrategyEnableDate          *string           `json:"strategy_enable_date"`
	StrategyDisableDate         *string           `json:"strategy_disable_date"`
	Status                      *string           `json:"status"`
	ImageID                     *string           `json:"image_id"`
	SkipUserAuthCheck           *bool             `json:"skip_user_auth_check"`
	ExpiredTime                 *time.Time        `json:"expired_time"`
	Tags                        map[string]string `json:"tags"`
	SystemTags                  map[string]string `json:"system_tags"`
}

// Apply changes g according to the patch.
func (pt GroupPatch) Apply(g *Group) {
	set := func(dst *int, v *int) {
		if v != nil {
			*dst = *v
		}
	}
	if pt.Name != nil {
		g.Name = *pt.Name
	}
	set(&g.SessionTimeout, pt.SessionTimeout)
	set(&g.NodePool.NodeAmount, pt.NodeAmount)
	set(&g.NodePool.NodeCapacity, pt.Capacity)
	set(&g.NodePool.MaxScalingAmount, pt.MaxScalingAmount)
	set(&g.NodePool.ScalingStep, pt.ScalingStep)
	set(&g.NodePool.ScalingDownAfterIdleMinutes, pt.ScalingDownAfterIdleMinutes)
	if pt.StrategyType != nil {
		g.NodePool.StrategyType = *pt.StrategyType
	}
	if pt.ScalingUsageThreshold != nil {
		g.NodePool.ScalingUsageThreshold = *pt.ScalingUsageThreshold
	}
	if pt.WarmUp != nil {
		g.NodePool.WarmUp = *pt.WarmUp
	}
	if pt.StrategyEnableDate != nil {
		g.NodePool.StrategyEnableDate = *pt.StrategyEnableDate
	}
	if pt.StrategyDisableDate != nil {
		g.NodePool.StrategyDisableDate = *pt.StrategyDisableDate
	}
	if pt.Status != nil {
		g.Status, g.NextStatus = *pt.Status, ""
	}
	if pt.ImageID != nil {
		g.ImageID = *pt.ImageID
	}
	if pt.SkipUserAuthCheck != nil {
		g.SkipUserAuthCheck = *pt.SkipUserAuthCheck
	}
	if pt.ExpiredTime != nil {
		g.ExpiredAt = *pt.ExpiredTime
	}
	if pt.Tags != nil {
		g.Tags = copyMap(pt.Tags)
	}
	if pt.SystemTags != nil {
		g.SystemTags = copyMap(pt.SystemTags)
	}
}

func (e *Emulator) adminMux() *http.ServeMux {
	mux := http.NewServeMux()
	e.stsAdminRoutes(mux)
	e.controlAdminRoutes(mux)
	e.groupAdminRoutes(mux)
	mux.HandleFunc("/_emulator/", func(w http.ResponseWriter, r *http.Request) {
		adminErr(w, 404, "unknown admin path "+r.Method+" "+r.URL.Path+"; see README.md ("+strconv.Itoa(len(routes))+" API actions served)")
	})
	return mux
}

// controlAdminRoutes: stats, reset, state, actions, faults, clock and
// scaling latency.
func (e *Emulator) controlAdminRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /_emulator/stats", func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, e.Stats()) })
	mux.HandleFunc("POST /_emulator/stats/reset", func(w http.ResponseWriter, r *http.Request) {
		e.ResetStats()
		writeJSON(w, 200, map[string]any{"ok": true})
	})
	mux.HandleFunc("POST /_emulator/reset", func(w http.ResponseWriter, r *http.Request) {
		e.Reset()
		writeJSON(w, 200, map[string]any{"ok": true})
	})
	mux.HandleFunc("GET /_emulator/state", func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, e.State()) })
	mux.HandleFunc("GET /_emulator/actions", func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, Actions()) })
	mux.HandleFunc("GET /_emulator/faults", func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, e.Faults()) })
	mux.HandleFunc("POST /_emulator/faults", e.adminSetFaults)
	mux.HandleFunc("GET /_emulator/clock", func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, e.clockBody()) })
	mux.HandleFunc("POST /_emulator/clock", e.adminSetClock)
	mux.HandleFunc("POST /_emulator/scaling", e.adminSetScaling)
}

// groupAdminRoutes: /_emulator/groups/{id}[/users|/user_groups|/sessions|/bill]
// and /_emulator/policies/{id}.
func (e *Emulator) groupAdminRoutes(mux *http.ServeMux) {
	groupResult := func(w http.ResponseWriter, id string, err error) {
		if errors.Is(err, ErrNotFound) {
			adminErr(w, 404, err.Error())
			return
		}
		g, ok := e.Group(id)
		if !ok {
			adminErr(w, 404, "group not found: "+id)
			return
		}
		writeJSON(w, 200, g)
	}
	mux.HandleFunc("GET /_emulator/groups/{id}", func(w http.ResponseWriter, r *http.Request) {
		id := r.PathValue("id")
		rec, ok := e.GroupRecord(id)
		if !ok {
			adminErr(w, 404, "group not found: "+id)
			return
		}
		v, _ := e.Group(id)
		writeJSON(w, 200, GroupDump{Group: rec, View: v})
	})
	mux.HandleFunc("POST /_emulator/groups/{id}", func(w http.ResponseWriter, r *http.Request) {
		var pt GroupPatch
		if !decodeAdmin(w, r, &pt) {
			return
		}
		id := r.PathValue("id")
		groupResult(w, id, e.UpdateGroup(id, pt.Apply))
	})
	mux.HandleFunc("DELETE /_emulator/groups/{id}", func(w http.ResponseWriter, r *http.Request) {
		id := r.PathValue("id")
		if err := e.DeleteGroup(id); err != nil {
			adminErr(w, 404, err.Error())
			return
		}
		writeJSON(w, 200, map[string]any{"deleted": id})
	})
	addRemove := func(fn func(id string, add, remove []string) error) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			var b struct {
				Add    []string `json:"add"`
				Remove []string `json:"remove"`
			}
			if !decodeAdmin(w, r, &b) {
				return
			}
			id := r.PathValue("id")
			groupResult(w, id, fn(id, b.Add, b.Remove))
		}
	}
	mux.HandleFunc("POST /_emulator/groups/{id}/users", addRemove(e.AuthorizeUsers))
	mux.HandleFunc("POST /_emulator/groups/{id}/user_groups", addRemove(e.AuthorizeUserGroups))
	mux.HandleFunc("POST /_emulator/groups/{id}/sessions", e.adminSessions)
	mux.HandleFunc("GET /_emulator/groups/{id}/bill", func(w http.ResponseWriter, r *http.Request) {
		b, err := e.GroupBill(r.PathValue("id"))
		if err != nil {
			adminErr(w, 404, err.Error())
			return
		}
		writeJSON(w, 200, b)
	})
	mux.HandleFunc("GET /_emulator/policies/{id}", func(w http.ResponseWriter, r *http.Request) {
		p, ok := e.Policy(r.PathValue("id"))
		if !ok {
			adminErr(w, 404, "policy not found")
			return
		}
		writeJSON(w, 200, p)
	})
}

// stsAdminRoutes: GET/POST /_emulator/sts/roles, GET/POST
// /_emulator/sts/oidc-providers, GET /_emulator/sts/credentials (issued,
// without secrets), GET /_emulator/sts/key-calls.
func (e *Emulator) stsAdminRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /_emulator/sts/roles", func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, e.Roles()) })
	mux.HandleFunc("POST /_emulator/sts/roles", putHandler(e.PutRole))
	mux.HandleFunc("GET /_emulator/sts/oidc-providers", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, e.oidcProviders())
	})
	mux.HandleFunc("POST /_emulator/sts/oidc-providers", putHandler(e.PutOIDCProvider))
	mux.HandleFunc("GET /_emulator/sts/credentials", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, e.IssuedCredentials())
	})
	mux.HandleFunc("GET /_emulator/sts/key-calls", func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, e.KeyCalls()) })
}

// putHandler decodes a T from the body, stores it with put and echoes it;
// a value put refuses is a 400.
func putHandler[T any](put func(T) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var v T
		if !decodeAdmin(w, r, &v) {
			return
		}
		if err := put(v); err != nil {
			adminErr(w, 400, err.Error())
			return
		}
		writeJSON(w, 200, v)
	}
}

// adminSetFaults: POST /_emulator/faults replaces the fault configuration.
func (e *Emulator) adminSetFaults(w http.ResponseWriter, r *http.Request) {
	var f Faults
	if !decodeAdmin(w, r, &f) {
		return
	}
	if f.FailureRate < 0 || f.FailureRate > 1 {
		adminErr(w, 400, "failure_rate must be 0..1")
		return
	}
	for _, c := range f.FailureCodes {
		if c == "" {
			adminErr(w, 400, "failure_codes must not contain empty strings")
			return
		}
	}
	e.SetFaults(f)
	writeJSON(w, 200, e.Faults())
}

// adminSetClock: POST /_emulator/clock sets and/or advances the clock.
func (e *Emulator) adminSetClock(w http.ResponseWriter, r *http.Request) {
	var b struct {
		Advance string `json:"advance"`
		Set     string `json:"set"`
	}
	if !decodeAdmin(w, r, &b) {
		return
	}
	if b.Set != "" {
		t, err := time.Parse(time.RFC3339, b.Set)
		if err != nil {
			adminErr(w, 400, "set must be RFC 3339: "+err.Error())
			return
		}
		e.SetTime(t)
	}
	if b.Advance != "" {
		d, ok := nonNegativeDuration(b.Advance)
		if !ok {
			adminErr(w, 400, "advance must be a non-negative Go duration such as 90m")
			return
		}
		e.AdvanceTime(d)
	}
	writeJSON(w, 200, e.clockBody())
}

// adminSetScaling: POST /_emulator/scaling sets the elastic create/release latency.
func (e *Emulator) adminSetScaling(w http.ResponseWriter, r *http.Request) {
	var b struct {
		Create  string `json:"create"`
		Release string `json:"release"`
	}
	if !decodeAdmin(w, r, &b) {
		return
	}
	e.mu.Lock()
	l := e.st.latency
	e.mu.Unlock()
	for _, f := range []struct {
		s   string
		dst *time.Duration
	}{{b.Create, &l.Create}, {b.Release, &l.Release}} {
		if f.s == "" {
			continue
		}
		d, ok := nonNegativeDuration(f.s)
		if !ok {
			adminErr(w, 400, "create and release must be non-negative Go durations such as 5m18s")
			return
		}
		*f.dst = d
	}
	e.SetScalingLatency(l)
	writeJSON(w, 200, map[string]any{"create": l.Create.String(), "release": l.Release.String()})
}

// adminSessions: POST /_emulator/groups/{id}/sessions connects, then disconnects sessions.
func (e *Emulator) adminSessions(w http.ResponseWriter, r *http.Request) {
	var b struct {
		Connect    int `json:"connect"`
		Disconnect int `json:"disconnect"`
	}
	if !decodeAdmin(w, r, &b) {
		return
	}
	if b.Connect < 0 || b.Disconnect < 0 {
		adminErr(w, 400, "connect and disconnect must be >= 0")
		return
	}
	id := r.PathValue("id")
	err := e.Connect(id, b.Connect)
	if err == nil {
		err = e.Disconnect(id, b.Disconnect)
	}
	if err != nil {
		adminErr(w, 404, err.Error())
		return
	}
	rec, _ := e.GroupRecord(id)
	writeJSON(w, 200, map[string]any{"group": id, "sessions": rec.Sessions})
}

func (e *Emulator) clockBody() map[string]any {
	return map[string]any{"now": e.now().Format(time.RFC3339Nano)}
}

// nonNegativeDuration parses a Go duration such as 90m that is not negative.
func nonNegativeDuration(s string) (time.Duration, bool) {
	d, err := time.ParseDuration(s)
	return d, err == nil && d >= 0
}
