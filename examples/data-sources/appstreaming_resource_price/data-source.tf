# What two 4 vCPU / 8 GiB resources cost for a one-month subscription.
data "appstreaming_resource_price" "monthly" {
  instance_type = "appstreaming.general.4c8g"
  amount        = 2
  charge_type   = "PrePaid"
  period        = 1
  period_unit   = "Month"
}

# The pay-as-you-go price of one resource per hour (no period).
data "appstreaming_resource_price" "hourly" {
  instance_type = "appstreaming.general.4c8g"
  charge_type   = "PostPaid"
}

output "monthly_price" {
  value = "${data.appstreaming_resource_price.monthly.trade_price} ${data.appstreaming_resource_price.monthly.currency}"
}

output "hourly_price" {
  value = "${data.appstreaming_resource_price.hourly.trade_price} ${data.appstreaming_resource_price.hourly.currency}/hour"
}
