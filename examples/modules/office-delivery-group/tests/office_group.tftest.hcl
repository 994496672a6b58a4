# `terraform test` for the module, against the App Streaming emulator:
# APPSTREAMING_ENDPOINT and the emulator's keys come from the environment
# (see docs/guides/testing-modules-with-the-emulator.md). Each run applies
# for real on the emulator; everything is destroyed at the end. Runs with
# `terraform test` and `tofu test` alike; in_place.tftest.hcl uses run
# references, which only Terraform has.

variables {
  team  = "finance"
  users = ["alice", "bob"]
}

run "publishes_a_tagged_group" {
  assert {
    condition     = output.status == "PUBLISHED"
    error_message = "the group is not published: ${output.status}"
  }
  assert {
    condition     = appstreaming_delivery_group.this.name == "finance-office"
    error_message = "the group is not named after the team"
  }
  assert {
    condition     = appstreaming_delivery_group.this.tags == tomap({ team = "finance", managed-by = "terraform" })
    error_message = "unexpected tags: ${jsonencode(appstreaming_delivery_group.this.tags)}"
  }
  assert {
    condition     = toset(appstreaming_user_authorization.this.users) == toset(["alice", "bob"])
    error_message = "the users are not authorized"
  }
  assert {
    condition     = appstreaming_scaling_policy.this[0].strategy_type == "NODE_SCALING_BY_USAGE"
    error_message = "usage-based scaling is not on"
  }
}

run "grows_in_place" {
  variables {
    users                 = ["alice", "bob", "carol"]
    sessions_per_resource = 2
    resources             = 2
  }

  assert {
    condition     = output.max_sessions == 4
    error_message = "max_sessions = ${output.max_sessions}, want 4"
  }
  assert {
    condition     = length(appstreaming_user_authorization.this.users) == 3
    error_message = "carol was not added"
  }
}

run "fixed_group_has_no_scaling_policy" {
  variables {
    users                 = ["alice", "bob", "carol"]
    resources             = 2
    max_elastic_resources = 0
  }

  assert {
    condition     = length(appstreaming_scaling_policy.this) == 0
    error_message = "a scaling policy exists with max_elastic_resources = 0"
  }
}

run "rejects_a_bad_team_name" {
  command = plan

  variables {
    team = "Finance Team"
  }

  expect_failures = [var.team]
}
