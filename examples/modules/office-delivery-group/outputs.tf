output "delivery_group_id" {
  description = "ID of the delivery group."
  value       = appstreaming_delivery_group.this.id
}

output "status" {
  description = "Status of the delivery group (PUBLISHED once it is ready)."
  value       = appstreaming_delivery_group.this.status
}

output "max_sessions" {
  description = "Sessions the group serves at once before scaling."
  value       = var.resources * var.sessions_per_resource
}
