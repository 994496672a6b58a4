import {
  to = appstreaming_user_authorization.example
  id = "aig-9ciijz60n4xsvxxxx"
}
