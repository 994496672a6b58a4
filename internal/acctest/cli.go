package acctest

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/provider"
)

// CLI runs the terraform CLI directly (not through resource.Test) against
// the provider served in-process, for what the test harness cannot do:
// interrupting a command with SIGINT, or running many commands in a row
// with the same working directory.
type CLI struct {
	Dir  string
	env  []string
	path string
}

// ProviderAddress is the provider's full source address.
const ProviderAddress = "registry.terraform.io/appstreaming-iac/appstreaming"

// NewCLI serves the provider in this process (reattach, as the test
// harness does) and prepares a working directory holding main.tf.
func NewCLI(t *testing.T, mainTF string) *CLI {
	t.Helper()
	PreCheck(t)
	path := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if path == "" {
		path = CachedTerraformPath()
	}
	ctx, cancel := context.WithCancel(context.Background())
	cfgCh := make(chan *plugin.ReattachConfig, 1)
	closeCh := make(chan struct{})
	factory := providerserver.NewProtocol6(provider.New("acctest")())
	go func() {
		err := tf6server.Serve(ProviderAddress, func() tfprotov6.ProviderServer { return factory() },
			tf6server.WithDebug(ctx, cfgCh, closeCh), tf6server.WithLoggingSink(t))
		if err != nil {
			t.Errorf("serving the provider: %v", err)
		}
	}()
	var rc *plugin.ReattachConfig
	select {
	case rc = <-cfgCh:
	case <-time.After(30 * time.Second):
		t.Fatal("provider server did not start")
	}
	t.Cleanup(func() {
		cancel()
		select {
		case <-closeCh:
		case <-time.After(10 * time.Second):
		}
	})
	reattach, _ := json.Marshal(map[string]any{ProviderAddress: map[string]any{
		"Protocol": string(rc.Protocol), "ProtocolVersion": rc.ProtocolVersion, "Pid": rc.Pid, "Test": true,
		"Addr": map[string]string{"Network": rc.Addr.Network(), "String": rc.Addr.String()},
	}})
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(`terraform {
  required_providers {
    appstreaming = { source = "appstreaming-iac/appstreaming" }
  }
}
`+mainTF), 0o644); err != nil {
		t.Fatal(err)
	}
	// An empty CLI configuration: no dev overrides or mirrors of the
	// developer's own leak into the run.
	if err := os.WriteFile(filepath.Join(dir, "cli.tfrc"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	c := &CLI{Dir: dir, path: path, env: append(os.Environ(), "TF_REATTACH_PROVIDERS="+string(reattach),
		"TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1", "TF_CLI_CONFIG_FILE="+filepath.Join(dir, "cli.tfrc"))}
	if out, err := c.Run("init", "-backend=false"); err != nil {
		t.Fatalf("terraform init: %v\n%s", err, out)
	}
	return c
}

// Command returns terraform with args, ready to start, in the directory.
func (c *CLI) Command(args ...string) *exec.Cmd {
	cmd := exec.Command(c.path, append(args, "-no-color")...)
	cmd.Dir, cmd.Env = c.Dir, c.env
	return cmd
}

// Run runs terraform with args and returns its combined output.
func (c *CLI) Run(args ...string) ([]byte, error) {
	return c.Command(args...).CombinedOutput()
}

// StateIDs returns the IDs of resources of type typ in the state.
func (c *CLI) StateIDs(t *testing.T, typ string) (ids []string, tainted int) {
	t.Helper()
	out, err := c.Command("show", "-json").Output()
	if err != nil {
		t.Fatalf("terraform show: %v\n%s", err, out)
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
	if err := json.Unmarshal(out, &st); err != nil {
		t.Fatalf("terraform show -json: %v", err)
	}
	for _, r := range st.Values.Root.Resources {
		if r.Type != typ {
			continue
		}
		if r.Tainted {
			tainted++
		}
		if id, _ := r.Values["id"].(string); id != "" {
			ids = append(ids, id)
		}
	}
	return ids, tainted
}
