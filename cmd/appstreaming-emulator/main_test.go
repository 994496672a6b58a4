package main

import (
	"bufio"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
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
