# Growing the team's group changes it in place: the second run compares the
# group's ID with the first run's (run references: Terraform only).

variables {
  team  = "design"
  users = ["erin"]
}

run "first" {}

run "more_resources_and_users" {
  variables {
    users     = ["erin", "frank"]
    resources = 2
  }

  assert {
    condition     = output.delivery_group_id == run.first.delivery_group_id
    error_message = "adding a resource and a user replaced the group"
  }
}
