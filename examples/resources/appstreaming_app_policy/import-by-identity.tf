import {
  to = appstreaming_app_policy.example
  identity = {
    id        = "pg-8z4nztpaqvay4xxxx"
    region_id = "cn-shanghai" # optional
  }
}
