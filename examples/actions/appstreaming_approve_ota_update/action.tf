# terraform apply -invoke=action.appstreaming_approve_ota_update.tonight
action "appstreaming_approve_ota_update" "tonight" {
  config {
    delivery_group_id = "aig-9ciijz60n4xsv0000"
    start_time        = "2026-12-02T22:00:00+08:00" # in the future, at most 7 days ahead
  }
}

# Or approve whenever the maintenance window changes, as part of an apply.
resource "terraform_data" "maintenance_window" {
  input = "2026-w49"

  lifecycle {
    action_trigger {
      events  = [after_create, after_update]
      actions = [action.appstreaming_approve_ota_update.tonight]
    }
  }
}
