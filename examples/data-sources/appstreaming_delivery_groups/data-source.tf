# Published or updating groups of the design team in cn-shanghai whose name
# contains "cad".
data "appstreaming_delivery_groups" "design" {
  name      = "cad"
  status    = ["PUBLISHED", "MAINTAINING"]
  region_id = "cn-shanghai"
  tags = {
    team = "design"
  }
}

# Two groups by ID.
data "appstreaming_delivery_groups" "pair" {
  ids = ["aig-9ciijz60n4xsv0001", "aig-9ciijz60n4xsv0002"]
}

output "design_groups" {
  value = {
    for g in data.appstreaming_delivery_groups.design.groups :
    g.id => "${g.name}: ${g.node_pool.amount} x ${g.node_pool.instance_type}, ${g.status}"
  }
}
