# The scaling policy is imported by the ID of its delivery group.
terraform import appstreaming_scaling_policy.example aig-9ciijz60n4xsv0000
