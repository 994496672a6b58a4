# A delivery group is imported by its ID.
terraform import appstreaming_delivery_group.example aig-9ciijz60n4xsv0000
