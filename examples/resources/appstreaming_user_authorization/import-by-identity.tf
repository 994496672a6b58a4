import {
  to = appstreaming_user_authorization.example
  identity = {
    delivery_group_id = "aig-9ciijz60n4xsvxxxx"
    region_id         = "cn-shanghai" # optional
  }
}
