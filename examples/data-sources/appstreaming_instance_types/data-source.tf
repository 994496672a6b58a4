# General-purpose types (no GPU) with 4 vCPUs and 8 GiB of memory.
data "appstreaming_instance_types" "office" {
  cpu        = 4
  memory_gib = 8
  gpu        = false
}

# Every GPU type, smallest first.
data "appstreaming_instance_types" "graphics" {
  gpu        = true
  name_regex = "^appstreaming\\.vgpu\\."
}

output "office_type" {
  value = data.appstreaming_instance_types.office.instance_types[0].id
}

output "graphics_types" {
  value = {
    for t in data.appstreaming_instance_types.graphics.instance_types :
    t.id => "${t.cpu} vCPU, ${t.memory_gib} GiB, ${t.gpu_memory_gib} GiB GPU, up to ${t.max_capacity} sessions"
  }
}
