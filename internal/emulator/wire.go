package emulator

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// apiError is an answer in the service's error shape. Handlers return it
// instead of writing, so the dispatcher can count, drop or rewrite answers.
type apiError struct {
	Status  int
	Code    string
	Message string
}

func (e *apiError) Error() string { return e.Code + ": " + e.Message }

func errf(status int, code, format string, args ...any) *apiError {
	return &apiError{Status: status, Code: code, Message: fmt.Sprintf(format, args...)}
}

// missing reports a required parameter that was not sent.
func missing(name string) *apiError {
	return errf(400, "MissingParameter."+name, "The input parameter %s that is mandatory for processing this request is not supplied.", name)
}

// invalid reports a parameter with a bad value; why explains the rule.
func invalid(name, why string, args ...any) *apiError {
	msg := fmt.Sprintf("The parameter %s is invalid", name)
	if why != "" {
		msg += ": " + fmt.Sprintf(why, args...)
	}
	return errf(400, "InvalidParameter."+name, "%s.", msg)
}

func notFoundGroup(id string) *apiError {
	return errf(400, "InvalidAppInstanceGroup.NotFound", "The app instance group is not found: %s.", id)
}

func incorrectStatus(id, status, op string) *apiError {
	return errf(400, "IncorrectStatus.AppInstanceGroup", "The current status %s of app instance group %s does not support %s.", status, id, op)
}

// params is the merged view of the query string and the form body. The
// real gateway is believed to accept a parameter in either place, and the
// SDK splits them per action, so one map is the honest model.
type params struct{ v url.Values }

// readParams merges query and form body. Body values come after query
// values for the same key; str() takes the first, so the query wins.
func readParams(r *http.Request, body []byte) (params, *apiError) {
	p := params{v: url.Values{}}
	for k, vs := range r.URL.Query() {
		p.v[k] = append(p.v[k], vs...)
	}
	if len(body) > 0 {
		ct := r.Header.Get("Content-Type")
		mt, _, _ := mime.ParseMediaType(ct)
		if mt == "" || mt == "application/x-www-form-urlencoded" {
			form, err := url.ParseQuery(string(body))
			if err != nil {
				return p, errf(400, "InvalidParameter", "The request body is not a valid form: %v.", err)
			}
			for k, vs := range form {
				p.v[k] = append(p.v[k], vs...)
			}
		} else if mt != "application/json" {
			return p, errf(415, "UnsupportedMediaType", "Content-Type %q is not supported.", ct)
		}
	}
	return p, nil
}

func readBody(r *http.Request) ([]byte, error) {
	if r.Body == nil {
		return nil, nil
	}
	return io.ReadAll(io.LimitReader(r.Body, 8<<20))
}

func (p params) str(k string) string {
	if vs := p.v[k]; len(vs) > 0 {
		return vs[0]
	}
	return ""
}

// required returns the value or MissingParameter.<k> when absent/empty.
func (p params) required(k string) (string, *apiError) {
	s := p.str(k)
	if s == "" {
		return "", missing(k)
	}
	return s, nil
}

// requiredAll reads several required parameters, in order; the first
// missing one is the error.
func (p params) requiredAll(keys ...string) ([]string, *apiError) {
	out := make([]string, len(keys))
	for i, k := range keys {
		v, ae := p.required(k)
		if ae != nil {
			return nil, ae
		}
		out[i] = v
	}
	return out, nil
}

// intParam parses an optional integer; ok=false when absent.
func (p params) intParam(k string) (n int64, ok bool, e *apiError) {
	s := p.str(k)
	if s == "" {
		return 0, false, nil
	}
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil {
		return 0, true, invalid(k, "%q is not an integer", s)
	}
	return n, true, nil
}

// floatParam parses an optional number; ok=false when absent.
func (p params) floatParam(k string) (f float64, ok bool, e *apiError) {
	s := p.str(k)
	if s == "" {
		return 0, false, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, true, invalid(k, "%q is not a number", s)
	}
	return f, true, nil
}

func (p params) boolParam(k string) (b bool, ok bool, e *apiError) {
	s := p.str(k)
	if s == "" {
		return false, false, nil
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		return false, true, invalid(k, "%q is not a boolean", s)
	}
	return b, true, nil
}

// list decodes a flattened list `Prefix.1`, `Prefix.2`, … ordered by index.
// Gaps are allowed (the SDK never makes them, curl users might).
func (p params) list(prefix string) []string {
	type item struct {
		n int
		v string
	}
	var items []item
	for k, vs := range p.v {
		rest, ok := strings.CutPrefix(k, prefix+".")
		if !ok || strings.Contains(rest, ".") || len(vs) == 0 {
			continue
		}
		n, err := strconv.Atoi(rest)
		if err != nil || n < 1 {
			continue
		}
		items = append(items, item{n, vs[0]})
	}
	sort.Slice(items, func(i, j int) bool { return items[i].n < items[j].n })
	out := make([]string, 0, len(items))
	for _, it := range items {
		out = append(out, it.v)
	}
	return out
}

// objList decodes `Prefix.N.Field` into one map per index, ordered by N.
func (p params) objList(prefix string) []map[string]string {
	byN := map[int]map[string]string{}
	for k, vs := range p.v {
		rest, ok := strings.CutPrefix(k, prefix+".")
		if !ok || len(vs) == 0 {
			continue
		}
		idx, field, ok := strings.Cut(rest, ".")
		if !ok {
			continue
		}
		n, err := strconv.Atoi(idx)
		if err != nil || n < 1 {
			continue
		}
		if byN[n] == nil {
			byN[n] = map[string]string{}
		}
		byN[n][field] = vs[0]
	}
	keys := make([]int, 0, len(byN))
	for n := range byN {
		keys = append(keys, n)
	}
	sort.Ints(keys)
	out := make([]map[string]string, 0, len(keys))
	for _, n := range keys {
		out = append(out, byN[n])
	}
	return out
}

// jsonParam decodes a JSON-string ("Shrink") parameter into dst. It
// returns ok=false when the parameter is absent.
func (p params) jsonParam(k string, dst any) (bool, *apiError) {
	s := p.str(k)
	if s == "" {
		return false, nil
	}
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	if err := dec.Decode(dst); err != nil {
		return true, invalid(k, "not valid JSON for this parameter: %v", err)
	}
	return true, nil
}

// pageParams reads PageNumber/PageSize with defaults and limits (api-notes §4 rule 38).
func (p params) pageParams(defSize, maxSize int, required bool) (num, size int, e *apiError) {
	n, okN, e := p.intParam("PageNumber")
	if e != nil {
		return 0, 0, e
	}
	s, okS, e := p.intParam("PageSize")
	if e != nil {
		return 0, 0, e
	}
	if required && !okN {
		return 0, 0, missing("PageNumber")
	}
	if required && !okS {
		return 0, 0, missing("PageSize")
	}
	if !okN {
		n = 1
	}
	if !okS {
		s = int64(defSize)
	}
	if n < 1 {
		return 0, 0, invalid("PageNumber", "must be 1 or more")
	}
	if s < 1 || s > int64(maxSize) {
		return 0, 0, invalid("PageSize", "must be 1..%d", maxSize)
	}
	return int(n), int(s), nil
}

// pageReq is the page a List action asks for.
type pageReq struct{ num, size int }

// readPage reads PageNumber and PageSize (see pageParams).
func readPage(p params, defSize, maxSize int, required bool) (pageReq, *apiError) {
	num, size, ae := p.pageParams(defSize, maxSize, required)
	return pageReq{num: num, size: size}, ae
}

// rows cuts the page out of all matching rows (never nil: JSON []).
func (pr pageReq) rows(all []map[string]any) []map[string]any {
	lo, hi := page(len(all), pr.num, pr.size)
	return nonNil(all[lo:hi])
}

// answer is the usual List answer: the page under key, with TotalCount,
// PageNumber and PageSize.
func (pr pageReq) answer(key string, all []map[string]any) map[string]any {
	return map[string]any{key: pr.rows(all), "TotalCount": len(all), "PageNumber": pr.num, "PageSize": pr.size}
}

// page returns the [lo,hi) bounds of page num in a list of total items.
func page(total, num, size int) (int, int) {
	lo := (num - 1) * size
	if lo > total {
		lo = total
	}
	hi := lo + size
	if hi > total {
		hi = total
	}
	return lo, hi
}

func newRequestID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	h := strings.ToUpper(hex.EncodeToString(b[:]))
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

const hostID = "appstream-center.aliyuncs.com"

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = 500
		b = []byte(`{"Code":"InternalError","Message":"encoding failed"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

func writeError(w http.ResponseWriter, reqID string, e *apiError) {
	writeJSON(w, e.Status, map[string]any{
		"RequestId": reqID,
		"HostId":    hostID,
		"Code":      e.Code,
		"Message":   e.Message,
		"Recommend": "https://api.aliyun.com/troubleshoot?q=" + url.QueryEscape(e.Code) + "&product=appstream-center",
	})
}

// hijackClose drops the connection without an answer: the "sent, no
// answer" case. Without a hijackable writer it falls back to a panic that
// net/http turns into an aborted response.
func hijackClose(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			_ = conn.Close()
			return
		}
	}
	panic(http.ErrAbortHandler)
}

func oneOf(s string, vals ...string) bool {
	for _, v := range vals {
		if s == v {
			return true
		}
	}
	return false
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// toMap keeps a decoded policy object for the state dump.
func toMap(v any) map[string]any {
	b, _ := json.Marshal(v)
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	return m
}

// orList joins values as "a, b or c".
func orList(vals []string) string {
	if len(vals) < 2 {
		return strings.Join(vals, "")
	}
	return strings.Join(vals[:len(vals)-1], ", ") + " or " + vals[len(vals)-1]
}
