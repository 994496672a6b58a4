package emulator

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"
)

// State persistence (--state-file): the emulator's model is written to one
// JSON file after every request that changed it, before the answer goes
// out, so a sandbox keeps its groups across restarts and the Terraform state
// keeps pointing at something.
//
// Writes are atomic: the new content goes to a temporary file in the same
// directory, is synced, and is renamed over the old one, so a crash at any
// point leaves either the previous or the new complete file. A file that
// cannot be read back is a startup error and is never overwritten.
//
// What is kept: everything in the model (groups with node pools, users,
// tags, OTA, sessions and app instances, policies, connection tasks, the
// scaling engine, the ID generator, the admin clock offset). What is not:
// the catalog and the user-group directory (they come from the options,
// e.g. --catalog-file, at every start), faults, call stats and signature
// nonces.

// stateFileFormat names the file's content; stateFileVersion is bumped when
// a change makes older files unreadable.
const (
	stateFileFormat  = "appstreaming-emulator-state"
	stateFileVersion = 1
)

// stateFile is the on-disk document.
type stateFile struct {
	Format  string         `json:"format"`
	Version int            `json:"version"`
	State   persistedState `json:"state"`
}

// persistedState is the whole model in serialisable form. A field added to
// state (model.go) is added here and in snapshot/restore below.
type persistedState struct {
	ClockOffset time.Duration                `json:"clock_offset_ns"`
	Groups      []Group                      `json:"groups"` // creation order
	Policies    []AppPolicy                  `json:"policies"`
	Instances   map[string][]AppInstance     `json:"app_instances"`
	Tasks       []persistedTask              `json:"connection_tasks"`
	OtherTags   map[string]map[string]string `json:"other_tags"`
	Created     int                          `json:"groups_created"`
	IDSource    []byte                       `json:"id_source"` // PCG state of the ID generator
	OrderSeq    int64                        `json:"order_seq"`
	Scaling     map[string]persistedRuntime  `json:"scaling"`
	Latency     ScalingLatency               `json:"scaling_latency"`
}

type persistedTask struct {
	ID         string `json:"id"`
	GroupID    string `json:"group_id"`
	InstanceID string `json:"instance_id"`
	UserID     string `json:"user_id"`
	AppID      string `json:"app_id"`
	Polls      int    `json:"polls"`
}

type persistedRuntime struct {
	Nodes  []elasticNode `json:"nodes"`
	Gone   []elasticNode `json:"gone"`
	EvalAt time.Time     `json:"eval_at"`
	Seq    int           `json:"seq"`
}

// snapshot copies the model; it runs under e.mu.
func (e *Emulator) snapshot() (persistedState, error) {
	s := e.st
	src, err := s.src.MarshalBinary()
	if err != nil {
		return persistedState{}, err
	}
	e.clockMu.Lock()
	off := e.clockOffset
	e.clockMu.Unlock()
	p := persistedState{
		ClockOffset: off, Groups: []Group{}, Policies: []AppPolicy{}, Instances: map[string][]AppInstance{},
		Tasks: []persistedTask{}, OtherTags: map[string]map[string]string{}, Created: s.created,
		IDSource: src, OrderSeq: s.orderSeq, Scaling: map[string]persistedRuntime{}, Latency: s.latency,
	}
	for _, id := range s.order {
		if g := s.groups[id]; g != nil {
			p.Groups = append(p.Groups, copyGroup(g))
		}
	}
	for _, id := range mapKeys(s.policies) {
		pol := *s.policies[id]
		pol.Groups = append([]string{}, pol.Groups...)
		p.Policies = append(p.Policies, pol)
	}
	for gid, list := range s.instances {
		for _, ai := range list {
			p.Instances[gid] = append(p.Instances[gid], *ai)
		}
	}
	for _, id := range mapKeys(s.tasks) {
		t := s.tasks[id]
		p.Tasks = append(p.Tasks, persistedTask{ID: t.ID, GroupID: t.GroupID, InstanceID: t.InstanceID, UserID: t.UserID, AppID: t.AppID, Polls: t.Polls})
	}
	for k, v := range s.otherTags {
		p.OtherTags[k] = copyMap(v)
	}
	for gid, rt := range s.scaling {
		pr := persistedRuntime{Nodes: []elasticNode{}, Gone: []elasticNode{}, EvalAt: rt.evalAt, Seq: rt.seq}
		for _, n := range rt.nodes {
			pr.Nodes = append(pr.Nodes, *n)
		}
		for _, n := range rt.gone {
			pr.Gone = append(pr.Gone, *n)
		}
		p.Scaling[gid] = pr
	}
	return p, nil
}

// restore rebuilds the model from a snapshot, on top of a fresh state made
// from the options (catalog, user-group directory).
func (e *Emulator) restore(p persistedState) error {
	s := newState(e.opts)
	if err := s.src.UnmarshalBinary(p.IDSource); err != nil {
		return fmt.Errorf("id_source: %v", err)
	}
	for i := range p.Groups {
		g := p.Groups[i]
		if g.ID == "" {
			return fmt.Errorf("groups[%d].ID is empty", i)
		}
		if s.groups[g.ID] != nil {
			return fmt.Errorf("groups[%d].ID %s appears twice", i, g.ID)
		}
		if g.Tags == nil {
			g.Tags = map[string]string{}
		}
		if g.SystemTags == nil {
			g.SystemTags = map[string]string{}
		}
		s.groups[g.ID] = &g
		s.order = append(s.order, g.ID)
	}
	for i := range p.Policies {
		pol := p.Policies[i]
		s.policies[pol.ID] = &pol
	}
	for gid, list := range p.Instances {
		for i := range list {
			ai := list[i]
			s.instances[gid] = append(s.instances[gid], &ai)
		}
	}
	for _, t := range p.Tasks {
		s.tasks[t.ID] = &connTask{ID: t.ID, GroupID: t.GroupID, InstanceID: t.InstanceID, UserID: t.UserID, AppID: t.AppID, Polls: t.Polls}
	}
	for k, v := range p.OtherTags {
		s.otherTags[k] = copyMap(v)
	}
	s.created, s.orderSeq, s.latency = p.Created, p.OrderSeq, p.Latency
	if len(p.Scaling) > 0 {
		s.scaling = map[string]*poolRuntime{}
	}
	for gid, pr := range p.Scaling {
		rt := &poolRuntime{evalAt: pr.EvalAt, seq: pr.Seq}
		for i := range pr.Nodes {
			n := pr.Nodes[i]
			rt.nodes = append(rt.nodes, &n)
		}
		for i := range pr.Gone {
			n := pr.Gone[i]
			rt.gone = append(rt.gone, &n)
		}
		s.scaling[gid] = rt
	}
	e.st = s
	e.clockMu.Lock()
	e.clockOffset = p.ClockOffset
	e.clockMu.Unlock()
	return nil
}

func mapKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// persister owns the state file of one emulator.
type persister struct {
	path string
	mu   sync.Mutex // serialises snapshot + write, so files never go back in time
	last []byte     // content of the file on disk
}

// UseStateFile makes the emulator keep its model in path. An existing file
// is loaded (and must be a complete state written by this emulator); a
// missing one is created with the current state at once, so a directory it
// cannot write to fails here rather than at the first change. Call it
// before serving.
func (e *Emulator) UseStateFile(path string) error {
	data, err := os.ReadFile(path) //nolint:gosec // the operator's --state-file
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return fmt.Errorf("cannot read state file %s: %w", path, err)
	default:
		p, err := decodeStateFile(data)
		if err != nil {
			return fmt.Errorf("state file %s cannot be loaded: %v; it was left as it is — move it away "+
				"(or pass another --state-file) to start from the seed state", path, err)
		}
		e.mu.Lock()
		err = e.restore(p)
		e.mu.Unlock()
		if err != nil {
			return fmt.Errorf("state file %s cannot be loaded: state.%v; it was left as it is", path, err)
		}
	}
	e.persist = &persister{path: path, last: data}
	return e.saveState()
}

func decodeStateFile(data []byte) (persistedState, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return persistedState{}, errors.New("the file is empty")
	}
	var f stateFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return persistedState{}, errors.New("the JSON ends early (truncated file)")
		}
		return persistedState{}, fmt.Errorf("invalid JSON: %v", err)
	}
	if dec.More() {
		return persistedState{}, errors.New("unexpected data after the JSON document")
	}
	if f.Format != stateFileFormat {
		return persistedState{}, fmt.Errorf("format is %q, want %q (not an emulator state file)", f.Format, stateFileFormat)
	}
	if f.Version != stateFileVersion {
		return persistedState{}, fmt.Errorf("version is %d; this emulator reads version %d", f.Version, stateFileVersion)
	}
	return f.State, nil
}

// saveState writes the model when it differs from what the file holds.
func (e *Emulator) saveState() error {
	ps := e.persist
	if ps == nil {
		return nil
	}
	ps.mu.Lock()
	defer ps.mu.Unlock()
	e.mu.Lock()
	snap, err := e.snapshot()
	e.mu.Unlock()
	if err != nil {
		return err
	}
	data, err := json.MarshalIndent(stateFile{Format: stateFileFormat, Version: stateFileVersion, State: snap}, "", " ")
	if err != nil {
		return err
	}
	data = append(data, '\n')
	if bytes.Equal(data, ps.last) {
		return nil
	}
	if err := writeFileAtomic(ps.path, data); err != nil {
		return err
	}
	ps.last = data
	return nil
}

// beforeRename is a test hook: a non-nil error stands for a crash after
// the temporary file was written and before it replaced the state file.
var beforeRename func(tmp string) error

// writeFileAtomic replaces path with data: temp file in the same
// directory, fsync, rename, fsync of the directory.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	crashed := false
	defer func() {
		if !crashed {
			_ = os.Remove(tmp) //nolint:gosec // our own temp file next to --state-file; a no-op after the rename
		}
	}()
	if _, err := f.Write(data); err != nil {
		_ = f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		_ = f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if beforeRename != nil {
		if err := beforeRename(tmp); err != nil {
			crashed = true // leave the debris a real crash would leave
			return err
		}
	}
	if err := os.Rename(tmp, path); err != nil { //nolint:gosec // our temp file onto the operator's --state-file
		return err
	}
	if d, err := os.Open(dir); err == nil { //nolint:gosec // the --state-file's directory, synced for the rename
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}

// servePersisting answers a request only after its changes are on disk:
// the answer is held in a buffer while the model is saved.
func (e *Emulator) servePersisting(w http.ResponseWriter, r *http.Request) {
	bw := &heldResponse{ResponseWriter: w, header: http.Header{}, status: http.StatusOK}
	e.dispatch(bw, r)
	if err := e.saveState(); err != nil {
		e.logf("state file %s: %v", e.persist.path, err)
		if !bw.hijacked {
			writeError(w, newRequestID(), errf(500, "InternalError", "The emulator could not save its state file: %v.", err))
		}
		return
	}
	if bw.hijacked {
		return
	}
	for k, v := range bw.header {
		w.Header()[k] = v
	}
	w.WriteHeader(bw.status)
	_, _ = w.Write(bw.body.Bytes())
}

// heldResponse buffers an answer; Hijack (dropped connections) passes through.
type heldResponse struct {
	http.ResponseWriter
	header   http.Header
	status   int
	body     bytes.Buffer
	hijacked bool
}

func (h *heldResponse) Header() http.Header         { return h.header }
func (h *heldResponse) WriteHeader(status int)      { h.status = status }
func (h *heldResponse) Write(b []byte) (int, error) { return h.body.Write(b) }

// Hijack passes through to the real connection (injected drops).
func (h *heldResponse) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	hj, ok := h.ResponseWriter.(http.Hijacker)
	if !ok {
		return nil, nil, errors.New("the connection cannot be hijacked")
	}
	h.hijacked = true
	return hj.Hijack()
}
