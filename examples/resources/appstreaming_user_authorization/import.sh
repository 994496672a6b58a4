# Import by delivery group ID.
terraform import appstreaming_user_authorization.example aig-9ciijz60n4xsvxxxx
