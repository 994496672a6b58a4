import {
  to = appstreaming_delivery_group.example
  identity = {
    id        = "aig-9ciijz60n4xsv0000"
    region_id = "cn-shanghai" # optional: the provider's region when left out
  }
}
