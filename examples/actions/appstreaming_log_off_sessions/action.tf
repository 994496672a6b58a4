# Before maintenance: terraform apply -invoke=action.appstreaming_log_off_sessions.before_maintenance
action "appstreaming_log_off_sessions" "before_maintenance" {
  config {
    delivery_group_id = "aig-9ciijz60n4xsv0000"
  }
}
