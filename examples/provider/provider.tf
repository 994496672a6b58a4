# Credentials come from the environment (ALIBABA_CLOUD_ACCESS_KEY_ID,
# ALIBABA_CLOUD_ACCESS_KEY_SECRET), a CLI profile, an assumed role or OIDC.
provider "appstreaming" {
  region = "cn-shanghai"
}
