# The complete list of who may use the delivery group: anyone else
# (for example a user added in the console) is revoked on the next apply.
resource "appstreaming_user_authorization" "office" {
  delivery_group_id = appstreaming_delivery_group.office.id
  users             = ["alice", "bob"]
  user_groups       = ["ug-8b2xk3m9q1"]
}

# Active Directory accounts.
resource "appstreaming_user_authorization" "engineering" {
  delivery_group_id = appstreaming_delivery_group.engineering.id
  users             = ["carol", "dave"]
  user_type         = "ad"
  ad_domain         = "corp.example.com"
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
resource "appstreaming_delivery_group" "engineering" {
  name        = "engineering"
  image_id    = "img-win2019-office"
  charge_type = "PostPaid"

  node_pool = {
    instance_type = "appstreaming.general.4c8g"
    amount        = 2
    capacity      = 2
  }
}
