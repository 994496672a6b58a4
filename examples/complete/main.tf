terraform {
  required_version = ">= 1.8"
  required_providers {
    appstreaming = {
      source = "appstreaming-iac/appstreaming"
    }
  }
}

# Region, endpoint and credentials come from the environment, so the same
# configuration runs against the cloud and against the emulator (scripts/demo).
provider "appstreaming" {}

data "appstreaming_regions" "all" {}

output "regions" {
  description = "Regions App Streaming supports."
  value       = data.appstreaming_regions.all.regions
}

locals {
  charge_type = "PostPaid"
  node_amount = 1
  # 8760 hours a year / 12: the hours a pay-as-you-go resource runs in an
  # average month when it is never stopped (NODE_FIXED keeps it running).
  hours_per_month = 730
}

# The newest available Windows system image with office apps.
data "appstreaming_images" "office" {
  name_regex  = "Office$"
  image_type  = "System"
  os_type     = "Windows"
  status      = "AVAILABLE"
  most_recent = true
}

# A general-purpose type with 4 vCPUs and 8 GiB of memory, no GPU.
data "appstreaming_instance_types" "office" {
  cpu        = 4
  memory_gib = 8
  gpu        = false
}

locals {
  instance_type = data.appstreaming_instance_types.office.instance_types[0]
}

# What the group below costs, known at plan time.
data "appstreaming_resource_price" "group" {
  instance_type = local.instance_type.id
  amount        = local.node_amount
  charge_type   = local.charge_type
}

# The same resources as a one-month subscription, for comparison.
data "appstreaming_resource_price" "subscription" {
  instance_type = local.instance_type.id
  amount        = local.node_amount
  charge_type   = "PrePaid"
  period        = 1
  period_unit   = "Month"
}

# A pay-as-you-go delivery group on the image and type looked up above.
resource "appstreaming_delivery_group" "demo" {
  name        = "complete-example"
  image_id    = data.appstreaming_images.office.images[0].id
  charge_type = local.charge_type

  node_pool = {
    instance_type = local.instance_type.id
    amount        = local.node_amount
    capacity      = min(2, local.instance_type.max_capacity)
  }
}

# Auto scaling by session usage: up to 4 elastic resources, two at a time.
resource "appstreaming_scaling_policy" "demo" {
  delivery_group_id = appstreaming_delivery_group.demo.id
  strategy_type     = "NODE_SCALING_BY_USAGE"

  usage = {
    max_scaling_amount              = 4
    scaling_step                    = 2
    scaling_usage_threshold         = 85
    scaling_down_after_idle_minutes = 60
  }
}

# Display policy of the group: WebRTC at 60 fps, up to full HD.
resource "appstreaming_app_policy" "demo" {
  app_policy_id       = appstreaming_delivery_group.demo.app_policy_id
  frame_rate          = 60
  protocol            = "webrtc"
  resolution_adaptive = true
  resolution_width    = 1920
  resolution_height   = 1080
  visual_quality      = "adaptive"
}

# Who may open the group's apps: the complete list.
resource "appstreaming_user_authorization" "demo" {
  delivery_group_id = appstreaming_delivery_group.demo.id
  users             = ["alice", "bob", "carol"]
}

output "image" {
  description = "The image the group runs."
  value       = "${data.appstreaming_images.office.images[0].name} (${data.appstreaming_images.office.images[0].id})"
}

output "instance_type" {
  description = "The instance type of the group's resources."
  value       = "${local.instance_type.id}: ${local.instance_type.cpu} vCPU, ${local.instance_type.memory_gib} GiB"
}

output "monthly_price" {
  description = "Estimated monthly price of the published group: its pay-as-you-go hourly price (GetResourcePrice) × 730 hours."
  value       = "${format("%.2f", data.appstreaming_resource_price.group.trade_price * local.hours_per_month)} ${data.appstreaming_resource_price.group.currency}"
}

output "monthly_subscription_price" {
  description = "What the same resources would cost as a one-month subscription (PrePaid)."
  value       = "${format("%.2f", data.appstreaming_resource_price.subscription.trade_price)} ${data.appstreaming_resource_price.subscription.currency}"
}

output "delivery_group_id" {
  description = "ID of the published delivery group."
  value       = appstreaming_delivery_group.demo.id
}

output "delivery_group_status" {
  description = "Status of the delivery group (PUBLISHED once it is ready)."
  value       = appstreaming_delivery_group.demo.status
}

output "authorized_users" {
  description = "End users who may use the delivery group."
  value       = appstreaming_user_authorization.demo.users
}
