# Every region App Streaming supports.
data "appstreaming_regions" "all" {}

output "region_ids" {
  value = data.appstreaming_regions.all.regions[*].id
}
