# The scaling policies of scheduled groups, to bring under Terraform:
#   terraform query -generate-config-out=generated.tf
list "appstreaming_scaling_policy" "scheduled" {
  provider         = appstreaming
  include_resource = true

  config {
    region_id     = "cn-shanghai"
    strategy_type = "NODE_SCALING_BY_SCHEDULE"
  }
}
