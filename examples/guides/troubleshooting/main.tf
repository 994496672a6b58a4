terraform {
  required_providers {
    appstreaming = {
      source = "appstreaming-iac/appstreaming"
    }
  }
}

provider "appstreaming" {
  # Retries of throttled, unavailable and failed-connection calls, with
  # exponential backoff and jitter (default 5).
  max_retries = 10
  # How long one HTTP attempt may take (default 30s).
  request_timeout = "1m"
}

resource "appstreaming_delivery_group" "office" {
  name        = "office-apps"
  image_id    = "img-win2019-office"
  charge_type = "PostPaid"

  node_pool = {
    instance_type = "appstreaming.general.4c8g"
    amount        = 2
    capacity      = 2
  }

  # How long apply waits for PUBLISHED, for an update to settle and for the
  # group to be gone (defaults 30m, 30m, 20m).
  timeouts {
    create = "45m"
    update = "45m"
    delete = "30m"
  }
}
