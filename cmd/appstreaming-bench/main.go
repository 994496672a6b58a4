// Command appstreaming-bench measures the provider at scale against the
// emulator and prints one table (scripts/bench, `make bench`). It runs the
// real terraform CLI with the provider and the emulator built by the
// script; latency, the QPS cap and faults are set through the emulator's
// admin API. It is a benchmark that prints figures, not a test: nothing
// here passes or fails on time.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"text/tabwriter"
	"time"
)

type options struct {
	terraform, providerDir, emulatorBin, work   string
	groups, stacks, applyGroups, qps, latencyMS int
	deploySeconds                               float64
	faults                                      bool
	faultGroups                                 int
}

func main() {
	if filepath.Base(os.Args[0]) == noopBinary {
		serveNoop()
		return
	}
	var o options
	fs := flag.NewFlagSet("appstreaming-bench", flag.ExitOnError)
	fs.StringVar(&o.terraform, "terraform", "terraform", "terraform CLI")
	fs.StringVar(&o.providerDir, "provider-dir", "", "directory holding terraform-provider-appstreaming")
	fs.StringVar(&o.emulatorBin, "emulator", "", "appstreaming-emulator binary")
	fs.StringVar(&o.work, "work", "", "scratch directory (default: a temporary one)")
	fs.IntVar(&o.groups, "groups", 200, "delivery groups for the refresh figures")
	fs.IntVar(&o.stacks, "stacks", 50, "stacks (group + scaling policy + app policy + 5-user authorization)")
	fs.IntVar(&o.applyGroups, "apply-groups", 50, "groups applied under the QPS cap")
	fs.IntVar(&o.qps, "qps", 10, "emulator QPS cap for the apply figure")
	fs.IntVar(&o.latencyMS, "latency-ms", 150, "per-call latency for the slow plan")
	fs.Float64Var(&o.deploySeconds, "deploy-seconds", 3, "deployment time for the waiter-lag figure")
	fs.BoolVar(&o.faults, "faults", true, "also run apply + destroy with 50% of calls failing")
	fs.IntVar(&o.faultGroups, "fault-groups", 50, "groups for the fault run")
	small := fs.Bool("small", false, "quick run: 20 groups, 5 stacks, 10 applied, 10 under faults")
	_ = fs.Parse(os.Args[1:])
	if *small {
		o.groups, o.stacks, o.applyGroups, o.faultGroups = 20, 5, 10, 10
	}
	if o.providerDir == "" || o.emulatorBin == "" {
		fmt.Fprintln(os.Stderr, "appstreaming-bench: -provider-dir and -emulator are required (use scripts/bench)")
		os.Exit(2)
	}
	if o.work == "" {
		d, err := os.MkdirTemp("", "appstreaming-bench-")
		check(err)
		defer os.RemoveAll(d)
		o.work = d
	}
	rows, err := run(o)
	printTable(os.Stdout, o, rows)
	if err != nil {
		fmt.Fprintln(os.Stderr, "appstreaming-bench:", err)
		os.Exit(1)
	}
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "appstreaming-bench:", err)
		os.Exit(1)
	}
}

type row struct{ scenario, figure, value string }

func run(o options) ([]row, error) {
	var rows []row
	add := func(s, f, format string, a ...any) {
		r := row{s, f, fmt.Sprintf(format, a...)}
		rows = append(rows, r)
		fmt.Fprintf(os.Stderr, "  %-40s %-44s %s\n", r.scenario, r.figure, r.value)
	}
	rc, err := writeCLIConfig(o)
	if err != nil {
		return rows, err
	}

	// 1. Refresh of N groups.
	{
		name := fmt.Sprintf("%d delivery groups", o.groups)
		fmt.Fprintln(os.Stderr, "==", name)
		w, err := newWorkspace(o, rc, "groups", 0)
		if err != nil {
			return rows, err
		}
		defer w.close()
		if err := w.write(groupsConfig(o.groups)); err != nil {
			return rows, err
		}
		if _, err := w.tf("apply", "-auto-approve", "-parallelism=20"); err != nil {
			return rows, err
		}
		fig, err := w.planFigures(o, o.groups)
		if err != nil {
			return rows, err
		}
		add(name, "refresh API calls per group", "%.3f (%d calls)", float64(fig.calls)/float64(o.groups), fig.calls)
		add(name, "plan wall at 0 ms per call", "%.2f s", fig.wall0.Seconds())
		add(name, fmt.Sprintf("plan wall at %d ms per call", o.latencyMS), "%.2f s", fig.wallSlow.Seconds())
		add(name, fmt.Sprintf("ratio %d ms ÷ 0 ms", o.latencyMS), "%.2f", fig.wallSlow.Seconds()/fig.wall0.Seconds())
		add(name, fmt.Sprintf("floor: plan -refresh=false at %d ms", o.latencyMS), "%.2f s", fig.noRefresh.Seconds())
		add(name, "floor: no-API provider, same N, plan", "%.2f s", fig.noop.Seconds())
		w.close()
	}

	// 2. Refresh of M stacks.
	{
		name := fmt.Sprintf("%d stacks (4 resources each)", o.stacks)
		fmt.Fprintln(os.Stderr, "==", name)
		w, err := newWorkspace(o, rc, "stacks", 0)
		if err != nil {
			return rows, err
		}
		defer w.close()
		if err := w.write(stacksConfig(o.stacks)); err != nil {
			return rows, err
		}
		if _, err := w.tf("apply", "-auto-approve", "-parallelism=20"); err != nil {
			return rows, err
		}
		fig, err := w.planFigures(o, o.stacks*4)
		if err != nil {
			return rows, err
		}
		add(name, "refresh API calls per stack", "%.3f (%d calls)", float64(fig.calls)/float64(o.stacks), fig.calls)
		add(name, "plan wall at 0 ms per call", "%.2f s", fig.wall0.Seconds())
		add(name, fmt.Sprintf("plan wall at %d ms per call", o.latencyMS), "%.2f s", fig.wallSlow.Seconds())
		add(name, fmt.Sprintf("ratio %d ms ÷ 0 ms", o.latencyMS), "%.2f", fig.wallSlow.Seconds()/fig.wall0.Seconds())
		add(name, fmt.Sprintf("floor: plan -refresh=false at %d ms", o.latencyMS), "%.2f s", fig.noRefresh.Seconds())
		add(name, "floor: no-API provider, same N, plan", "%.2f s", fig.noop.Seconds())
		w.close()
	}

	// 3. Apply of K groups under a QPS cap.
	{
		name := fmt.Sprintf("apply %d groups, %d calls/s cap", o.applyGroups, o.qps)
		fmt.Fprintln(os.Stderr, "==", name)
		w, err := newWorkspace(o, rc, "qps", 0.5)
		if err != nil {
			return rows, err
		}
		defer w.close()
		if err := w.write(groupsConfig(o.applyGroups)); err != nil {
			return rows, err
		}
		if err := w.admin("POST", "/_emulator/faults", map[string]any{"qps_limit": o.qps}); err != nil {
			return rows, err
		}
		w.resetStats()
		start := time.Now()
		_, aerr := w.tf("apply", "-auto-approve")
		wall := time.Since(start)
		calls, throttled := w.calls()
		tainted, dups, orphans := w.audit()
		add(name, "exit status", "%s", exitText(aerr))
		add(name, "API calls (throttled)", "%d (%d)", calls, throttled)
		add(name, "wall", "%.1f s", wall.Seconds())
		add(name, fmt.Sprintf("wall ÷ (calls ÷ %d)", o.qps), "%.2f", wall.Seconds()/(float64(calls)/float64(o.qps)))
		add(name, "tainted / duplicates / orphans", "%d / %d / %d", tainted, dups, orphans)
		w.close()
	}

	// 4. Waiter lag.
	{
		name := fmt.Sprintf("1 group, deployment %.0f s", o.deploySeconds)
		fmt.Fprintln(os.Stderr, "==", name)
		w, err := newWorkspace(o, rc, "lag", o.deploySeconds)
		if err != nil {
			return rows, err
		}
		defer w.close()
		if err := w.write(groupsConfig(1)); err != nil {
			return rows, err
		}
		// The CLI's own start-up, measured with nothing to do.
		if _, err := w.tf("apply", "-auto-approve", "-refresh=false", "-target=terraform_data.none"); err != nil {
			return rows, err
		}
		start := time.Now()
		_, aerr := w.tf("apply", "-auto-approve")
		wall := time.Since(start)
		add(name, "exit status", "%s", exitText(aerr))
		add(name, "apply wall − deployment", "%.2f s", wall.Seconds()-o.deploySeconds)
		w.close()
	}

	// 5. Apply + destroy with half of all calls failing.
	if o.faults {
		name := fmt.Sprintf("%d groups, 50%% of calls failing, max_retries = 15", o.faultGroups)
		fmt.Fprintln(os.Stderr, "==", name)
		w, err := newWorkspace(o, rc, "faults", 0.5)
		if err != nil {
			return rows, err
		}
		defer w.close()
		// At 50% failures the default 5 retries leave 1.6% of calls failing.
		hcl := strings.Replace(groupsConfig(o.faultGroups), `provider "appstreaming" {}`, `provider "appstreaming" {
  max_retries = 15
}`, 1)
		if err := w.write(hcl); err != nil {
			return rows, err
		}
		if err := w.admin("POST", "/_emulator/faults", map[string]any{"failure_rate": 0.5, "seed": 11,
			"failure_codes": []string{"Throttling.User", "ServiceUnavailable", "InternalError", "Drop"},
			"ambiguous":     map[string]int{"CreateAppInstanceGroup": o.faultGroups / 5}}); err != nil {
			return rows, err
		}
		w.resetStats()
		start := time.Now()
		_, aerr := w.tf("apply", "-auto-approve")
		applyWall := time.Since(start)
		tainted, dups, orphans := w.audit()
		calls, _ := w.calls()
		add(name, "apply: exit status", "%s", exitText(aerr))
		add(name, "apply: calls, wall", "%d, %.1f s", calls, applyWall.Seconds())
		add(name, "apply: tainted / duplicates / orphans", "%d / %d / %d", tainted, dups, orphans)
		start = time.Now()
		_, derr := w.tf("destroy", "-auto-approve")
		add(name, "destroy: exit status, wall", "%s, %.1f s", exitText(derr), time.Since(start).Seconds())
		left, _ := w.groupNames()
		add(name, "destroy: groups left in the emulator", "%d", len(left))
		w.close()
	}
	return rows, nil
}

func exitText(err error) string {
	if err == nil {
		return "0"
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return fmt.Sprintf("%d", ee.ExitCode())
	}
	return err.Error()
}

func printTable(out io.Writer, o options, rows []row) {
	host, _ := os.Hostname()
	fmt.Fprintf(out, "\nappstreaming-bench %s on %s (%s)\n\n", time.Now().UTC().Format("2006-01-02 15:04 UTC"), host, machine())
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "| scenario\t| figure\t| value\t|")
	fmt.Fprintln(tw, "|---\t|---\t|---\t|")
	for _, r := range rows {
		fmt.Fprintf(tw, "| %s\t| %s\t| %s\t|\n", r.scenario, r.figure, r.value)
	}
	_ = tw.Flush()
}

func machine() string {
	cpu := ""
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		if m := regexp.MustCompile(`model name\s*:\s*(.*)`).FindSubmatch(b); m != nil {
			cpu = strings.TrimSpace(string(m[1]))
		}
	}
	n := 0
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		n = bytes.Count(b, []byte("processor\t:"))
	}
	return fmt.Sprintf("%d CPUs, %s", n, cpu)
}

// ---------- workspace: one emulator process and one configuration ----------

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

// writeCLIConfig points terraform at the built provider and at this
// program serving the no-API provider (dev_overrides: no init, no network).
func writeCLIConfig(o options) (string, error) {
	bin := filepath.Join(o.work, "noop-bin")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		return "", err
	}
	self, err := os.Executable()
	if err != nil {
		return "", err
	}
	b, err := os.ReadFile(self)
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(bin, noopBinary), b, 0o755); err != nil {
		return "", err
	}
	abs, err := filepath.Abs(o.providerDir)
	if err != nil {
		return "", err
	}
	rc := filepath.Join(o.work, "terraformrc")
	return rc, os.WriteFile(rc, []byte(fmt.Sprintf(`provider_installation {
  dev_overrides {
    "appstreaming-iac/appstreaming" = %q
    "appstreaming-iac/noop"         = %q
  }
  direct {}
}
`, abs, bin)), 0o644)
}

// ---------- configurations ----------

const header = `terraform {
  required_providers {
    appstreaming = { source = "appstreaming-iac/appstreaming" }
  }
}
provider "appstreaming" {}
resource "terraform_data" "none" {}
`

func groupsConfig(n int) string {
	return header + fmt.Sprintf(`
resource "appstreaming_delivery_group" "g" {
  count       = %d
  name        = "bench-${count.index}"
  image_id    = "img-win2019-office"
  charge_type = "PostPaid"
  node_pool = {
    instance_type = "appstreaming.general.4c8g"
    amount        = 1
    capacity      = 1
  }
}
`, n)
}

func stacksConfig(n int) string {
	return header + fmt.Sprintf(`
locals { n = %d }
resource "appstreaming_delivery_group" "g" {
  count       = local.n
  name        = "stack-${count.index}"
  image_id    = "img-win2019-office"
  charge_type = "PostPaid"
  node_pool = {
    instance_type = "appstreaming.general.4c8g"
    amount        = 1
    capacity      = 1
  }
}
resource "appstreaming_scaling_policy" "s" {
  count             = local.n
  delivery_group_id = appstreaming_delivery_group.g[count.index].id
  strategy_type     = "NODE_SCALING_BY_USAGE"
  usage = {
    max_scaling_amount              = 4
    scaling_step                    = 2
    scaling_usage_threshold         = 85
    scaling_down_after_idle_minutes = 60
  }
}
resource "appstreaming_app_policy" "a" {
  count         = local.n
  app_policy_id = appstreaming_delivery_group.g[count.index].app_policy_id
  frame_rate    = 60
}
resource "appstreaming_user_authorization" "u" {
  count             = local.n
  delivery_group_id = appstreaming_delivery_group.g[count.index].id
  users             = [for i in range(5) : "user${i}-${count.index}"]
}
`, n)
}

func noopConfig(n int) string {
	return fmt.Sprintf(`terraform {
  required_providers {
    noop = { source = "appstreaming-iac/noop" }
  }
}
resource "noop_item" "x" {
  count = %d
  name  = "item-${count.index}"
}
`, n)
}
