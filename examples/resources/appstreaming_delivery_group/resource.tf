# A pay-as-you-go delivery group: two resources, two sessions each.
resource "appstreaming_delivery_group" "office" {
  name            = "office-apps"
  image_id        = "img-win2019-office"
  charge_type     = "PostPaid"
  session_timeout = 30

  node_pool = {
    instance_type = "appstreaming.general.4c8g"
    amount        = 2
    capacity      = 2
  }

  security_policy = {
    reset_after_unbind   = true
    skip_user_auth_check = false
  }

  storage_policy = {
    storage_types = ["PDS"]
  }

  tags = {
    team = "finance"
  }
}

# A one-month subscription that renews itself. Destroying it only removes it
# from Terraform: a subscription runs until it expires.
resource "appstreaming_delivery_group" "design" {
  image_id    = "img-win2022-cad"
  charge_type = "PrePaid"
  period      = 1
  period_unit = "Month"
  auto_renew  = true
  auto_pay    = true

  node_pool = {
    instance_type = "appstreaming.vgpu.8c16g.4g"
    amount        = 1
    capacity      = 4
  }

  timeouts {
    create = "45m"
  }
}
