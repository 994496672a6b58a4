package lookup

import "github.com/hashicorp/terraform-plugin-framework/datasource/schema"

// Computed returns a computed string attribute (most result fields).
func Computed(desc string) schema.StringAttribute {
	return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
}
