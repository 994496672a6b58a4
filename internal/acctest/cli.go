package acctest

import (
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/provider"
)

// CLI runs terraform commands that resource.Test has no step for (for
// instance `terraform query -generate-config-out`), in its own directory,
// against the provider served in-process (reattach), like the test steps.
type CLI struct {
	Dir string
	t   *testing.T
	env []string
}

// providerAddress is where `provider "appstreaming"` without
// required_providers resolves, as in the test configurations: the CLI's
// default registry host (TF_ACC_PROVIDER_HOST, as terraform-plugin-testing
// reads it, for OpenTofu) and the hashicorp namespace.
func providerAddress() string {
	host := os.Getenv("TF_ACC_PROVIDER_HOST")
	if host == "" {
		host = "registry.terraform.io"
	}
	return host + "/hashicorp/appstreaming"
}

// NewCLI serves the provider until the test ends and returns a runner in a
// fresh directory.
func NewCLI(t *testing.T) *CLI {
	t.Helper()
	PreCheck(t)
	ctx, cancel := context.WithCancel(context.Background())
	reattach := make(chan *plugin.ReattachConfig, 1)
	closed := make(chan struct{})
	go func() {
		_ = tf6server.Serve(providerAddress(), providerserver.NewProtocol6(provider.New("acctest")()),
			tf6server.WithDebug(ctx, reattach, closed),
			tf6server.WithGoPluginLogger(hclog.New(&hclog.LoggerOptions{Output: io.Discard})),
			tf6server.WithLoggingSink(t),
			tf6server.WithoutLogStderrOverride())
	}()
	cfg := <-reattach
	t.Cleanup(func() {
		cancel()
		<-closed
	})
	type addr struct{ Network, String string }
	info, err := json.Marshal(map[string]any{providerAddress(): map[string]any{
		"Protocol": string(cfg.Protocol), "ProtocolVersion": cfg.ProtocolVersion, "Pid": cfg.Pid, "Test": cfg.Test,
		"Addr": addr{cfg.Addr.Network(), cfg.Addr.String()},
	}})
	if err != nil {
		t.Fatal(err)
	}
	return &CLI{Dir: t.TempDir(), t: t, env: append(os.Environ(), "TF_REATTACH_PROVIDERS="+string(info), "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")}
}

// Write puts a file into the working directory.
func (c *CLI) Write(name, content string) {
	c.t.Helper()
	if err := os.WriteFile(filepath.Join(c.Dir, name), []byte(content), 0o600); err != nil {
		c.t.Fatal(err)
	}
}

// Read returns a file of the working directory.
func (c *CLI) Read(name string) string {
	c.t.Helper()
	b, err := fs.ReadFile(os.DirFS(c.Dir), name)
	if err != nil {
		c.t.Fatal(err)
	}
	return string(b)
}

// Run runs terraform with args and returns its combined output and exit code.
func (c *CLI) Run(args ...string) (string, int) {
	c.t.Helper()
	// The CLI PreCheck chose (TF_ACC_TERRAFORM_PATH), as for every test step.
	cmd := exec.Command(os.Getenv("TF_ACC_TERRAFORM_PATH"), append(args[:1:1], append([]string{"-no-color"}, args[1:]...)...)...) //nolint:gosec // test harness

	cmd.Dir, cmd.Env = c.Dir, c.env
	out, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		c.t.Fatalf("terraform %v: %v", args, err)
	}
	return string(out), code
}

// MustRun runs terraform and fails the test unless it exits 0.
func (c *CLI) MustRun(args ...string) string {
	c.t.Helper()
	out, code := c.Run(args...)
	if code != 0 {
		c.t.Fatalf("terraform %v exited %d:\n%s", args, code, out)
	}
	return out
}

// Invoke runs `terraform apply -invoke=<address>`: the one way to run an
// action on its own (Terraform 1.14+).
func (c *CLI) Invoke(address string) (string, int) {
	c.t.Helper()
	return c.Run("apply", "-input=false", "-auto-approve", "-invoke="+address)
}
