import {
  to = appstreaming_app_policy.example
  id = "pg-8z4nztpaqvay4xxxx"
}
