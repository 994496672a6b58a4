# The newest available custom image whose name starts with "office-".
data "appstreaming_images" "office" {
  name_regex  = "^office-"
  image_type  = "Custom"
  status      = "AVAILABLE"
  most_recent = true
}

# Every Windows system image usable in cn-hangzhou.
data "appstreaming_images" "windows" {
  image_type = "System"
  os_type    = "Windows"
  region_id  = "cn-hangzhou"
}

output "office_image_id" {
  value = data.appstreaming_images.office.images[0].id
}

output "windows_image_names" {
  value = data.appstreaming_images.windows.images[*].name
}
