# Display policy of a delivery group's policy object (pg-…).
resource "appstreaming_app_policy" "office" {
  app_policy_id       = appstreaming_delivery_group.office.app_policy_id
  frame_rate          = 60       # 30 | 60
  protocol            = "webrtc" # webrtc | video | mix
  resolution_adaptive = true     # true: width/height are maxima; false: fixed
  resolution_width    = 1920     # set together with resolution_height
  resolution_height   = 1080
  visual_quality      = "adaptive" # adaptive | smooth | quality
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
