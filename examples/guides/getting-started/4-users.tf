# Who may open the group's apps. The list is complete: anyone added in the
# console is revoked at the next apply.
resource "appstreaming_user_authorization" "office" {
  delivery_group_id = appstreaming_delivery_group.office.id
  users             = ["alice", "bob"]
  user_groups       = ["ug-finance00000003"]
}
