import {
  to = appstreaming_delivery_group.example
  id = "aig-9ciijz60n4xsv0000"
}
