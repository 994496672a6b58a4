import {
  to = appstreaming_scaling_policy.example
  identity = {
    delivery_group_id = "aig-9ciijz60n4xsv0000"
    region_id         = "cn-shanghai" # optional
  }
}
