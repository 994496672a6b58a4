# Working hours: 4 resources on weekday mornings and 6 in the afternoon,
# created ahead (warm_up) so they are ready when people arrive; the group's
# 2 resources outside those hours.
#
# The window starts today and lasts about six months: yyyy-MM-dd dates in
# the service's time zone (UTC+8), computed from the plan time so they never
# go stale; ignore_changes keeps later plans from moving them.
locals {
  office_hours_start = formatdate("YYYY-MM-DD", timeadd(plantimestamp(), "8h"))
  office_hours_end   = formatdate("YYYY-MM-DD", timeadd(plantimestamp(), "${8 + 180 * 24}h"))
}

resource "appstreaming_scaling_policy" "office" {
  delivery_group_id = appstreaming_delivery_group.office.id
  strategy_type     = "NODE_SCALING_BY_SCHEDULE"

  schedule = {
    enable_date  = local.office_hours_start
    disable_date = local.office_hours_end
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
    ]
  }

  lifecycle {
    ignore_changes = [schedule.enable_date, schedule.disable_date]
  }
}
