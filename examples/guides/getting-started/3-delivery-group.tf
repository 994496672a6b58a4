# The delivery group: it buys the resources, installs the image on them and
# publishes its apps. Pay-as-you-go (PostPaid), two resources with two
# sessions each to start with.
resource "appstreaming_delivery_group" "office" {
  name            = "office-apps"
  image_id        = data.appstreaming_images.office.images[0].id
  charge_type     = "PostPaid"
  session_timeout = 30

  node_pool = {
    instance_type = data.appstreaming_instance_types.office.instance_types[0].id
    amount        = 2
    capacity      = 2
  }

  tags = {
    team = "finance"
  }
}

output "delivery_group_id" {
  description = "ID of the published delivery group."
  value       = appstreaming_delivery_group.office.id
}
