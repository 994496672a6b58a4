terraform {
  required_version = ">= 1.8"
  required_providers {
    appstreaming = {
      source = "appstreaming-iac/appstreaming"
    }
  }
}

# Credentials and region from the environment (ALIBABA_CLOUD_ACCESS_KEY_ID,
# ALIBABA_CLOUD_ACCESS_KEY_SECRET, ALIBABA_CLOUD_REGION_ID), never from a file
# in the repository. APPSTREAMING_ENDPOINT points it at the emulator.
provider "appstreaming" {}
