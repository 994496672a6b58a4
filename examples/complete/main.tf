terraform {
  required_version = ">= 1.8"
  required_providers {
    appstreaming = {
      source = "appstreaming-iac/appstreaming"
    }
  }
}

# Region, endpoint and credentials come from the environment, so the same
# configuration runs against the cloud and against the emulator (scripts/demo).
provider "appstreaming" {}

data "appstreaming_regions" "all" {}

output "regions" {
  description = "Regions App Streaming supports."
  value       = data.appstreaming_regions.all.regions
}
