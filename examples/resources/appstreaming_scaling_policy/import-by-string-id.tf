import {
  to = appstreaming_scaling_policy.example
  id = "aig-9ciijz60n4xsv0000"
}
