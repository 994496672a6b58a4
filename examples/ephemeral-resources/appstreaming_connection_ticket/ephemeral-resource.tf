# A ticket for alice to open WPS Office; never stored in plan or state.
ephemeral "appstreaming_connection_ticket" "alice" {
  app_id            = "ca-office0000000001"
  end_user_id       = "alice"
  delivery_group_id = "aig-9ciijz60n4xsv0000"

  timeouts {
    open = "2m"
  }
}

# Smoke test: fails the apply unless a ticket comes back.
resource "terraform_data" "smoke_test" {
  input = "office"

  lifecycle {
    precondition {
      condition     = length(ephemeral.appstreaming_connection_ticket.alice.ticket) > 0
      error_message = "No connection ticket for alice."
    }
  }
}
