package main

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/guidetest"
)

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{"127.0.0.1:8090": true, "localhost:1": true, "[::1]:80": true, "0.0.0.0:8090": false, ":8090": false, "10.0.0.1:80": false} {
		if got := isLoopback(addr); got != want {
			t.Errorf("%s: %v", addr, got)
		}
	}
}

func TestRefusesRemote(t *testing.T) {
	if err := run([]string{"--listen", "0.0.0.0:0"}, os.Stdout, os.Stderr); err == nil || !strings.Contains(err.Error(), "allow-remote") {
		t.Fatalf("err = %v", err)
	}
}

// TestBinaryReadyLineAndSignal runs the real command: one ready line on
// stdout, serves, exits 0 on SIGTERM.
func TestBinaryReadyLineAndSignal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := t.TempDir() + "/emu"
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v %s", err, out)
	}
	cmd := exec.Command(bin, "--listen", "127.0.0.1:0", "--skip-signature", "--quiet")
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "appstreaming-emulator listening on http://127.0.0.1:") {
		t.Fatalf("ready line %q %v", line, err)
	}
	url := strings.TrimSpace(strings.TrimPrefix(line, "appstreaming-emulator listening on "))
	resp, err := http.Post(url+"/?Action=ListRegions", "application/x-www-form-urlencoded", nil)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("call: %v", err)
	}
	resp.Body.Close()
	_ = cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("exit: %v", err)
		}
	case <-time.After(10 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatal("did not stop on SIGTERM")
	}
}

func TestSTSConfigFile(t *testing.T) {
	dir := t.TempDir()
	good := dir + "/sts.json"
	_ = os.WriteFile(good, []byte(`{"roles":[{"arn":"acs:ram::1234567890123456:role/ci","external_id":"x1"}],
 "oidc_providers":[{"arn":"acs:ram::1234567890123456:oidc-provider/gh","issuer_url":"https://token.actions.githubusercontent.com"}]}`), 0o600)
	var opts emulator.Options
	if err := loadSTSConfig(good, &opts); err != nil {
		t.Fatal(err)
	}
	if len(opts.Roles) != 1 || opts.Roles[0].ExternalID != "x1" || len(opts.OIDCProviders) != 1 {
		t.Errorf("parsed %+v", opts)
	}
	bad := dir + "/bad.json"
	_ = os.WriteFile(bad, []byte(`{"roles":[{"arn":"terraform"}]}`), 0o600)
	if err := loadSTSConfig(bad, &emulator.Options{}); err == nil || !strings.Contains(err.Error(), "role ARN") {
		t.Errorf("a malformed role ARN was accepted: %v", err)
	}
}

func TestHelpExitsZero(t *testing.T) {
	if err := run([]string{"--help"}, os.Stdout, os.Stderr); err != nil {
		t.Fatalf("--help: %v", err)
	}
}

func TestBadCatalogFileFailsAtStartNamingTheField(t *testing.T) {
	path := filepath.Join(t.TempDir(), "catalog.json")
	sample, err := os.ReadFile(filepath.Join("..", "..", "examples", "emulator", "catalog.json"))
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(sample), `"max_capacity": 4`, `"max_capacity": 0`, 1)
	if err := os.WriteFile(path, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	err = run([]string{"--listen", "127.0.0.1:0", "--catalog-file", path}, os.Stdout, os.Stderr)
	if err == nil || !strings.Contains(err.Error(), "instance_types[1].max_capacity") || !strings.Contains(err.Error(), path) {
		t.Fatalf("err = %v, want the file and instance_types[1].max_capacity named", err)
	}
}

func TestCorruptStateFileFailsAtStartAndIsKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	const torn = `{"format":"appstreaming-emulator-state","version":1,"state":{"groups":[{"ID":"aig-`
	if err := os.WriteFile(path, []byte(torn), 0o600); err != nil {
		t.Fatal(err)
	}
	err := run([]string{"--listen", "127.0.0.1:0", "--state-file", path}, os.Stdout, os.Stderr)
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "truncated") {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != torn {
		t.Fatal("the corrupt state file was changed")
	}
}

// emulatorBinary builds the command once per test.
func emulatorBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := t.TempDir() + "/emu"
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v %s", err, out)
	}
	return bin
}

// startEmulator runs the binary and returns its URL and a stop function
// (SIGTERM, wait for a clean exit).
func startEmulator(t *testing.T, bin string, args ...string) (string, func()) {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"--listen", "127.0.0.1:0", "--skip-signature", "--quiet", "--deploy-seconds", "0"}, args...)...)
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		_ = cmd.Process.Kill()
		t.Fatalf("ready line %q %v", line, err)
	}
	stop := func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		if err := cmd.Wait(); err != nil {
			t.Errorf("exit: %v", err)
		}
	}
	return strings.TrimSpace(strings.TrimPrefix(line, "appstreaming-emulator listening on ")), stop
}

func apiCall(t *testing.T, base, action string, kv ...string) map[string]any {
	t.Helper()
	form := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		form.Add(kv[i], kv[i+1])
	}
	resp, err := http.PostForm(base+"/?Action="+action+"&Version=2021-09-01", form)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil || resp.StatusCode != 200 {
		t.Fatalf("%s: %d %s", action, resp.StatusCode, body)
	}
	return m
}

// TestBinaryStateFileRestart: what a developer's sandbox does — create a
// group with users and tags, stop the emulator, start it again on the same
// --state-file, and find everything, with the same catalog file.
func TestBinaryStateFileRestart(t *testing.T) {
	bin := emulatorBinary(t)
	state := filepath.Join(t.TempDir(), "sandbox.json")
	catalog := filepath.Join("..", "..", "examples", "emulator", "catalog.json")
	base, stop := startEmulator(t, bin, "--state-file", state, "--catalog-file", catalog)
	created := apiCall(t, base, "CreateAppInstanceGroup", "ProductType", "CloudApp", "AppCenterImageId", "img-acme-office-v7",
		"BizRegionId", "cn-beijing", "ChargeResourceMode", "Node", "ChargeType", "PostPaid", "Period", "1", "PeriodUnit", "Month",
		"SessionTimeout", "15", "AppInstanceGroupName", "sandbox",
		"NodePool", `{"NodeInstanceType":"appstreaming.general.4c8g","NodeAmount":1,"NodeCapacity":2}`)
	id := created["AppInstanceGroupModel"].(map[string]any)["AppInstanceGroupId"].(string)
	apiCall(t, base, "AuthorizeInstanceGroup", "AppInstanceGroupId", id, "ProductType", "CloudApp", "AuthorizeUserIds.1", "carol")
	apiCall(t, base, "TagCloudResources", "ResourceType", "AppInstanceGroupId", "ResourceIds.1", id, "Tags.1.Key", "env", "Tags.1.Value", "dev")
	stop()

	base, stop = startEmulator(t, bin, "--state-file", state, "--catalog-file", catalog)
	defer stop()
	got := apiCall(t, base, "GetAppInstanceGroup", "AppInstanceGroupId", id, "ProductType", "CloudApp")
	g := got["AppInstanceGroupModels"].(map[string]any)
	if g["AppInstanceGroupName"] != "sandbox" || g["Status"] != "PUBLISHED" || g["AppCenterImageName"] != "acme-office-v7" {
		t.Errorf("group after restart: %v", g)
	}
	if tags, _ := json.Marshal(g["Tags"]); !strings.Contains(string(tags), `"Key":"env"`) {
		t.Errorf("tags after restart: %s", tags)
	}
	users := apiCall(t, base, "PageListAppInstanceGroupUser", "AppInstanceGroupId", id, "ProductType", "CloudApp")
	if u, _ := json.Marshal(users["Users"]); string(u) != `["carol"]` {
		t.Errorf("users after restart: %s", u)
	}
}

// The emulator reference guide shows --help verbatim, fenced; this keeps
// it true. Regenerate with UPDATE_GUIDES=1 go test ./cmd/appstreaming-emulator
// -run TestEmulatorReferenceHelp, then scripts/docs.
func TestEmulatorReferenceHelp(t *testing.T) {
	out, err := os.CreateTemp(t.TempDir(), "help")
	if err != nil {
		t.Fatal(err)
	}
	if err := run([]string{"--help"}, out, out); err != nil {
		t.Fatal(err)
	}
	help, _ := os.ReadFile(out.Name())
	want := "```text\n" + string(help) + "```\n"
	guidetest.Check(t, "../../templates/guides/emulator-reference.md.tmpl", "TestEmulatorReferenceHelp (cmd/appstreaming-emulator)", want)
}

// Every admin route the emulator registers is in the reference's table.
func TestEmulatorReferenceListsEveryAdminRoute(t *testing.T) {
	guide, err := os.ReadFile("../../templates/guides/emulator-reference.md.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	sources, _ := filepath.Glob("../../internal/emulator/*.go")
	route := regexp.MustCompile(`HandleFunc\("((GET|POST|DELETE|PUT|PATCH) /_emulator/[^"]*)"`)
	found := 0
	for _, f := range sources {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, _ := os.ReadFile(f)
		for _, m := range route.FindAllStringSubmatch(string(src), -1) {
			found++
			if !strings.Contains(string(guide), "`"+m[1]+"`") {
				t.Errorf("%s (%s) is not in the admin API table of the emulator reference", m[1], filepath.Base(f))
			}
		}
	}
	if found < 10 {
		t.Fatalf("found only %d admin routes; has the registration changed?", found)
	}
}
