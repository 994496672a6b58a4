// Command appstreaming-bench measures the provider at scale against the
// emulator and prints one table (scripts/bench, `make bench`). It runs the
// real terraform CLI with the provider and the emulator built by the
// script; latency, the QPS cap and faults are set through the emulator's
// admin API. It is a benchmark that prints figures, not a test: nothing
// here passes or fails on time.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
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

	// 1. Refresh of N groups; 2. refresh of M stacks (4 resources each).
	type refreshCase struct {
		name, workspace, unit, config string
		units, resources              int
	}
	for _, c := range []refreshCase{
		{fmt.Sprintf("%d delivery groups", o.groups), "groups", "group", groupsConfig(o.groups), o.groups, o.groups},
		{fmt.Sprintf("%d stacks (4 resources each)", o.stacks), "stacks", "stack", stacksConfig(o.stacks), o.stacks, o.stacks * 4},
	} {
		fig, err := refreshFigures(o, rc, c.name, c.workspace, c.config, c.resources)
		if err != nil {
			return rows, err
		}
		add(c.name, "refresh API calls per "+c.unit, "%.3f (%d calls)", float64(fig.calls)/float64(c.units), fig.calls)
		add(c.name, "plan wall at 0 ms per call", "%.2f s", fig.wall0.Seconds())
		add(c.name, fmt.Sprintf("plan wall at %d ms per call", o.latencyMS), "%.2f s", fig.wallSlow.Seconds())
		add(c.name, fmt.Sprintf("ratio %d ms ÷ 0 ms", o.latencyMS), "%.2f", fig.wallSlow.Seconds()/fig.wall0.Seconds())
		add(c.name, fmt.Sprintf("floor: plan -refresh=false at %d ms", o.latencyMS), "%.2f s", fig.noRefresh.Seconds())
		add(c.name, "floor: no-API provider, same N, plan", "%.2f s", fig.noop.Seconds())
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

// refreshFigures applies config in a fresh workspace, then measures its plans.
func refreshFigures(o options, rc, name, workspace, config string, resources int) (planFigures, error) {
	fmt.Fprintln(os.Stderr, "==", name)
	w, err := newWorkspace(o, rc, workspace, 0)
	if err != nil {
		return planFigures{}, err
	}
	defer w.close()
	if err := w.write(config); err != nil {
		return planFigures{}, err
	}
	if _, err := w.tf("apply", "-auto-approve", "-parallelism=20"); err != nil {
		return planFigures{}, err
	}
	return w.planFigures(o, resources)
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
