package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// workspace: one emulator process and one configuration, driven through the
// terraform CLI and the emulator's admin API.

type workspace struct {
	o        options
	dir, rc  string
	endpoint string
	emu      *exec.Cmd
}

func newWorkspace(o options, rc, name string, deploySeconds float64) (*workspace, error) {
	dir := filepath.Join(o.work, name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	emu := exec.Command(o.emulatorBin, "--listen", "127.0.0.1:0", "--quiet",
		"--deploy-seconds", fmt.Sprint(deploySeconds), "--maintain-seconds", "0.5", "--delete-seconds", "0")
	stdout, err := emu.StdoutPipe()
	if err != nil {
		return nil, err
	}
	emu.Stderr = io.Discard
	if err := emu.Start(); err != nil {
		return nil, err
	}
	w := &workspace{o: o, dir: dir, rc: rc, emu: emu}
	buf := make([]byte, 256)
	n, _ := io.ReadAtLeast(stdout, buf, 10)
	m := regexp.MustCompile(`listening on (http://\S+)`).FindSubmatch(buf[:n])
	if m == nil {
		w.close()
		return nil, fmt.Errorf("emulator did not report its address: %q", buf[:n])
	}
	w.endpoint = string(m[1])
	go func() { _, _ = io.Copy(io.Discard, stdout) }()
	return w, nil
}

func (w *workspace) close() {
	if w.emu != nil && w.emu.Process != nil {
		_ = w.emu.Process.Signal(os.Interrupt)
		_, _ = w.emu.Process.Wait()
		w.emu = nil
	}
}

func (w *workspace) write(hcl string) error {
	return os.WriteFile(filepath.Join(w.dir, "main.tf"), []byte(hcl), 0o644)
}

func (w *workspace) env() []string {
	return append(os.Environ(),
		"TF_CLI_CONFIG_FILE="+w.rc, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1",
		"APPSTREAMING_ENDPOINT="+w.endpoint,
		"ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI5tEmulatorKey00000000",
		"ALIBABA_CLOUD_ACCESS_KEY_SECRET=emulator-secret-0000000000000",
		"ALIBABA_CLOUD_REGION_ID=cn-shanghai", "ALIBABA_CLOUD_ECS_METADATA_DISABLED=true")
}

// tf runs one terraform command in the workspace; its output goes to
// tf.log there.
func (w *workspace) tf(args ...string) ([]byte, error) {
	return w.tfIn(w.dir, args...)
}

func (w *workspace) tfIn(dir string, args ...string) ([]byte, error) {
	if args[0] == "show" {
		args = append(args, "-no-color")
	} else {
		args = append(args, "-input=false", "-no-color")
	}
	cmd := exec.Command(w.o.terraform, args...)
	cmd.Dir, cmd.Env = dir, w.env()
	out, err := cmd.CombinedOutput()
	f, ferr := os.OpenFile(filepath.Join(dir, "tf.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if ferr == nil {
		fmt.Fprintf(f, "$ terraform %s\n%s\n", strings.Join(args, " "), out)
		_ = f.Close()
	}
	if err != nil {
		tail := out
		if len(tail) > 2000 {
			tail = tail[len(tail)-2000:]
		}
		fmt.Fprintf(os.Stderr, "terraform %s failed: %v\n%s\n", args[0], err, tail)
	}
	return out, err
}

func (w *workspace) admin(method, path string, body any) error {
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, w.endpoint+path, rd)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != 200 {
		b, _ := io.ReadAll(res.Body)
		return fmt.Errorf("%s %s: %s", method, path, b)
	}
	return nil
}

func (w *workspace) getJSON(path string, dst any) error {
	res, err := http.Get(w.endpoint + path)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	return json.NewDecoder(res.Body).Decode(dst)
}

func (w *workspace) resetStats() { _ = w.admin("POST", "/_emulator/stats/reset", nil) }

func (w *workspace) calls() (total, throttled int) {
	var st struct {
		Total   int `json:"total_calls"`
		Actions map[string]struct {
			Injected int `json:"injected"`
		} `json:"actions"`
	}
	_ = w.getJSON("/_emulator/stats", &st)
	for _, a := range st.Actions {
		throttled += a.Injected
	}
	return st.Total, throttled
}

// groupNames lists the names of the groups the emulator holds.
func (w *workspace) groupNames() (map[string]string, error) {
	var st struct {
		Groups []struct {
			ID, Name string
		} `json:"groups"`
	}
	if err := w.getJSON("/_emulator/state", &st); err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, g := range st.Groups {
		out[g.ID] = g.Name
	}
	return out, nil
}

// audit compares the terraform state with the emulator's groups: tainted
// resources, groups sharing a name (duplicates) and groups the state does
// not know (orphans).
func (w *workspace) audit() (tainted, dups, orphans int) {
	out, err := w.tf("show", "-json")
	if err != nil {
		return -1, -1, -1
	}
	var st struct {
		Values struct {
			Root struct {
				Resources []struct {
					Type    string         `json:"type"`
					Tainted bool           `json:"tainted"`
					Values  map[string]any `json:"values"`
				} `json:"resources"`
			} `json:"root_module"`
		} `json:"values"`
	}
	_ = json.Unmarshal(out, &st)
	inState := map[string]bool{}
	for _, r := range st.Values.Root.Resources {
		if r.Tainted {
			tainted++
		}
		if r.Type == "appstreaming_delivery_group" {
			if id, _ := r.Values["id"].(string); id != "" {
				inState[id] = true
			}
		}
	}
	groups, err := w.groupNames()
	if err != nil {
		return tainted, -1, -1
	}
	names := map[string]int{}
	for id, name := range groups {
		names[name]++
		if !inState[id] {
			orphans++
		}
	}
	for _, n := range names {
		if n > 1 {
			dups += n - 1
		}
	}
	return tainted, dups, orphans
}

type planFigures struct {
	calls                            int
	wall0, wallSlow, noRefresh, noop time.Duration
}

// planFigures times plans of the applied configuration: the best of three
// at 0 ms and at the configured latency, -refresh=false, and the no-API
// provider with the same number of resources.
func (w *workspace) planFigures(o options, resources int) (planFigures, error) {
	var f planFigures
	best := func(args ...string) (time.Duration, error) {
		var b time.Duration
		for i := 0; i < 3; i++ {
			start := time.Now()
			if _, err := w.tf(args...); err != nil {
				return 0, err
			}
			if d := time.Since(start); b == 0 || d < b {
				b = d
			}
		}
		return b, nil
	}
	w.resetStats()
	if _, err := w.tf("plan"); err != nil {
		return f, err
	}
	f.calls, _ = w.calls()
	var err error
	if f.wall0, err = best("plan"); err != nil {
		return f, err
	}
	if err := w.admin("POST", "/_emulator/faults", map[string]any{"latency_ms": o.latencyMS}); err != nil {
		return f, err
	}
	if f.wallSlow, err = best("plan"); err != nil {
		return f, err
	}
	if f.noRefresh, err = best("plan", "-refresh=false"); err != nil {
		return f, err
	}
	_ = w.admin("POST", "/_emulator/faults", map[string]any{})
	noopDir := filepath.Join(w.dir, "noop")
	if err := os.MkdirAll(noopDir, 0o755); err != nil {
		return f, err
	}
	if err := os.WriteFile(filepath.Join(noopDir, "main.tf"), []byte(noopConfig(resources)), 0o644); err != nil {
		return f, err
	}
	if _, err := w.tfIn(noopDir, "apply", "-auto-approve"); err != nil {
		return f, err
	}
	var b time.Duration
	for i := 0; i < 3; i++ {
		start := time.Now()
		if _, err := w.tfIn(noopDir, "plan"); err != nil {
			return f, err
		}
		if d := time.Since(start); b == 0 || d < b {
			b = d
		}
	}
	f.noop = b
	return f, nil
}
