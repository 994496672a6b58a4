# terraform apply -invoke=action.appstreaming_renew_delivery_group.one_year
action "appstreaming_renew_delivery_group" "one_year" {
  config {
    delivery_group_id = "aig-9ciijz60n4xsv0000" # a subscription (PrePaid) group
    period            = 1
    period_unit       = "Year"
    auto_pay          = true
  }
}
