variable "team" {
  description = "Team name: names the group and tags it."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,20}$", var.team))
    error_message = "team must be 2-21 lower-case letters, digits or dashes, starting with a letter."
  }
}

variable "users" {
  description = "End users who may open the group's apps (the complete list)."
  type        = list(string)
}

variable "instance_type" {
  description = "Instance type of the group's resources."
  type        = string
  default     = "appstreaming.general.4c8g"
}

variable "resources" {
  description = "Subscription-less (pay-as-you-go) resources the group keeps."
  type        = number
  default     = 1
}

variable "sessions_per_resource" {
  description = "Sessions each resource serves."
  type        = number
  default     = 2
}

variable "session_timeout" {
  description = "Minutes a disconnected session is kept."
  type        = number
  default     = 15
}

variable "max_elastic_resources" {
  description = "Elastic resources usage-based scaling may add; 0 keeps the group fixed."
  type        = number
  default     = 2

  validation {
    condition     = var.max_elastic_resources >= 0 && var.max_elastic_resources <= 10
    error_message = "max_elastic_resources must be 0..10."
  }
}

variable "tags" {
  description = "Extra tags."
  type        = map(string)
  default     = {}
}
