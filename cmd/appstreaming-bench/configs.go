package main

// The CLI configuration and the Terraform configurations the benchmark plans and applies.

import (
	"fmt"
	"os"
	"path/filepath"
)

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
