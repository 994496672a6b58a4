# Working hours: 4 resources on weekday mornings and 6 in the afternoon,
# created ahead (warm_up) so they are ready when people arrive; the group's
# 2 resources outside those hours.
resource "appstreaming_scaling_policy" "office" {
  delivery_group_id = appstreaming_delivery_group.office.id
  strategy_type     = "NODE_SCALING_BY_SCHEDULE"

  schedule = {
    enable_date  = "2027-01-04"
    disable_date = "2027-06-30"
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
}
