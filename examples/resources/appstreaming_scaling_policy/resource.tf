# A fixed number of resources: the count set on the delivery group
# (node_pool.amount) is kept as is.
resource "appstreaming_scaling_policy" "fixed" {
  delivery_group_id = appstreaming_delivery_group.kiosk.id
  strategy_type     = "NODE_FIXED"
}

# Auto scaling by session usage (subscription or pay-as-you-go groups):
# when more than 85 % of the session slots are used, add 2 elastic
# resources, at most 10; release one after it has been idle for 60 minutes.
resource "appstreaming_scaling_policy" "office" {
  delivery_group_id = appstreaming_delivery_group.office.id
  strategy_type     = "NODE_SCALING_BY_USAGE"

  usage = {
    max_scaling_amount              = 10
    scaling_step                    = 2
    scaling_usage_threshold         = 85
    scaling_down_after_idle_minutes = 60
    max_idle_app_instance_amount    = 3
  }
}

# Scheduled scaling (pay-as-you-go groups only): 4 resources in the
# morning and 6 in the afternoon on weekdays, 1 all day at weekends.
# Outside the periods only the group's node_pool.amount resources run
# (and are billed); elastic ones are released.
#
# The window starts today and lasts 90 days. Dates are yyyy-MM-dd in the
# service's time zone (UTC+8), computed from the plan time so the example
# never goes stale; ignore_changes keeps later plans from moving them
# (remove it, or write fixed dates, to change the window).
locals {
  schedule_start = formatdate("YYYY-MM-DD", timeadd(plantimestamp(), "8h"))
  schedule_end   = formatdate("YYYY-MM-DD", timeadd(plantimestamp(), "${8 + 90 * 24}h"))
}

resource "appstreaming_scaling_policy" "training" {
  delivery_group_id = appstreaming_delivery_group.training.id
  strategy_type     = "NODE_SCALING_BY_SCHEDULE"

  schedule = {
    enable_date  = local.schedule_start
    disable_date = local.schedule_end
    warm_up      = true
    recurrences = [
      {
        type = "Weekly"
        days = [1, 2, 3, 4, 5]
        periods = [
          { start_time = "08:30", end_time = "12:00", amount = 4 },
          { start_time = "13:00", end_time = "18:00", amount = 6 },
        ]
      },
      {
        type    = "Weekly"
        days    = [6, 7]
        periods = [{ start_time = "09:00", end_time = "17:00", amount = 1 }]
      },
    ]
  }

  timeouts {
    create = "30m"
    update = "30m"
  }

  lifecycle {
    ignore_changes = [schedule.enable_date, schedule.disable_date]
  }
}

# The delivery group this example works on.
resource "appstreaming_delivery_group" "office" {
  name        = "office"
  image_id    = "img-win2019-office"
  charge_type = "PostPaid"

  node_pool = {
    instance_type = "appstreaming.general.4c8g"
    amount        = 2
    capacity      = 2
  }
}

# The delivery group this example works on.
resource "appstreaming_delivery_group" "training" {
  name        = "training"
  image_id    = "img-win2019-office"
  charge_type = "PostPaid"

  node_pool = {
    instance_type = "appstreaming.general.4c8g"
    amount        = 2
    capacity      = 2
  }
}

# The delivery group this example works on.
resource "appstreaming_delivery_group" "kiosk" {
  name        = "kiosk"
  image_id    = "img-win2019-office"
  charge_type = "PostPaid"

  node_pool = {
    instance_type = "appstreaming.general.4c8g"
    amount        = 2
    capacity      = 2
  }
}
