# A module a team might write around the provider: one pay-as-you-go
# delivery group for an office team, its users and a usage-based scaling
# policy, with the team's naming and tagging rules. tests/ holds its
# `terraform test` suite, which runs against the App Streaming emulator.

terraform {
  required_version = ">= 1.8"
  required_providers {
    appstreaming = {
      source = "appstreaming-iac/appstreaming"
    }
  }
}

locals {
  name = "${var.team}-office"
  tags = merge(var.tags, { team = var.team, managed-by = "terraform" })
}

data "appstreaming_images" "office" {
  image_type  = "System"
  os_type     = "Windows"
  name_regex  = "Office$"
  status      = "AVAILABLE"
  most_recent = true
}

resource "appstreaming_delivery_group" "this" {
  name            = local.name
  image_id        = data.appstreaming_images.office.images[0].id
  charge_type     = "PostPaid"
  session_timeout = var.session_timeout

  node_pool = {
    instance_type = var.instance_type
    amount        = var.resources
    capacity      = var.sessions_per_resource
  }

  tags = local.tags
}

resource "appstreaming_user_authorization" "this" {
  delivery_group_id = appstreaming_delivery_group.this.id
  users             = var.users
}

resource "appstreaming_scaling_policy" "this" {
  count = var.max_elastic_resources > 0 ? 1 : 0

  delivery_group_id = appstreaming_delivery_group.this.id
  strategy_type     = "NODE_SCALING_BY_USAGE"

  usage = {
    max_scaling_amount              = var.max_elastic_resources
    scaling_step                    = min(2, var.max_elastic_resources)
    scaling_usage_threshold         = 85
    scaling_down_after_idle_minutes = 60
  }
}
