# Groups published in the console, to bring under Terraform:
#   terraform query -generate-config-out=generated.tf
list "appstreaming_delivery_group" "console" {
  provider         = appstreaming
  include_resource = true # full objects, needed for -generate-config-out

  config {
    region_id   = "cn-shanghai"
    name_regex  = "^cad-"
    status      = ["PUBLISHED"]
    charge_type = "PostPaid"
    tags = {
      team = "design"
    }
  }
}
