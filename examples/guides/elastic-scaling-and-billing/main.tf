terraform {
  required_providers {
    appstreaming = {
      source = "appstreaming-iac/appstreaming"
    }
  }
}

provider "appstreaming" {}

# The console's worked example: 2 subscription resources of
# appstreaming.general.4c8g for one week, 2 sessions per resource.
resource "appstreaming_delivery_group" "office" {
  name        = "office-week"
  image_id    = "img-win2019-office"
  charge_type = "PrePaid"
  period      = 1
  period_unit = "Week"
  auto_pay    = true

  node_pool = {
    instance_type = "appstreaming.general.4c8g"
    amount        = 2
    capacity      = 2
  }
}

# Above 85 % session usage add 2 elastic resources, at most 2 in all;
# release one after 60 idle minutes.
resource "appstreaming_scaling_policy" "office" {
  delivery_group_id = appstreaming_delivery_group.office.id
  strategy_type     = "NODE_SCALING_BY_USAGE"

  usage = {
    max_scaling_amount              = 2
    scaling_step                    = 2
    scaling_usage_threshold         = 85
    scaling_down_after_idle_minutes = 60
  }
}

# List prices, at plan time: the week's subscription and one elastic
# resource-hour (pay-as-you-go price of the same type).
data "appstreaming_resource_price" "week" {
  instance_type = "appstreaming.general.4c8g"
  amount        = 2
  charge_type   = "PrePaid"
  period        = 1
  period_unit   = "Week"
}

data "appstreaming_resource_price" "elastic_hour" {
  instance_type = "appstreaming.general.4c8g"
  amount        = 1
  charge_type   = "PostPaid"
}

output "subscription_cny" {
  description = "What the 2 subscription resources cost for the week."
  value       = data.appstreaming_resource_price.week.trade_price
}

output "elastic_cny_per_hour" {
  description = "What one elastic resource costs per hour while it exists."
  value       = data.appstreaming_resource_price.elastic_hour.trade_price
}
