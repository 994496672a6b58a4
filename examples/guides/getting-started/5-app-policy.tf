# How the apps are streamed: the display policy of the group's policy object.
resource "appstreaming_app_policy" "office" {
  app_policy_id       = appstreaming_delivery_group.office.app_policy_id
  frame_rate          = 60
  protocol            = "webrtc"
  resolution_adaptive = true
  resolution_width    = 1920
  resolution_height   = 1080
  visual_quality      = "adaptive"
}
