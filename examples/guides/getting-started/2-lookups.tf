# The newest available Windows system image with office apps.
data "appstreaming_images" "office" {
  image_type  = "System"
  os_type     = "Windows"
  name_regex  = "Office$"
  status      = "AVAILABLE"
  most_recent = true
}

# A general-purpose type: 4 vCPUs, 8 GiB, no GPU.
data "appstreaming_instance_types" "office" {
  cpu        = 4
  memory_gib = 8
  gpu        = false
}
