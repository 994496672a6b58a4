# Import by policy ID (the AppPolicyId of the delivery group). The settings
# cannot be read back, so the next apply re-applies the configured values.
terraform import appstreaming_app_policy.example pg-8z4nztpaqvay4xxxx
