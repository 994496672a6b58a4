package acctest

import (
	"encoding/json"
	"os"
	"os/exec"
)

// Start returns terraform with args, not yet started, for tests that act
// on the running process (e.g. interrupt it with SIGINT).
func (c *CLI) Start(args ...string) *exec.Cmd {
	c.t.Helper()
	cmd := exec.Command(os.Getenv("TF_ACC_TERRAFORM_PATH"), append(args[:1:1], append([]string{"-no-color"}, args[1:]...)...)...) //nolint:gosec // test harness
	cmd.Dir, cmd.Env = c.Dir, c.env
	return cmd
}

// StateIDs returns the IDs of the resources of type typ in the state and
// how many of them are tainted.
func (c *CLI) StateIDs(typ string) (ids []string, tainted int) {
	c.t.Helper()
	cmd := c.Start("show", "-json")
	out, err := cmd.Output()
	if err != nil {
		c.t.Fatalf("terraform show -json: %v", err)
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
		c.t.Fatalf("terraform show -json: %v", err)
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
