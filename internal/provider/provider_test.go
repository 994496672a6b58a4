package provider

import (
	"context"
	"testing"

	fwprovider "github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Every schema attribute must carry a description: the docs are generated from them.
func TestSchemaIsValidAndDescribed(t *testing.T) {
	p := New("test")()
	var resp fwprovider.SchemaResponse
	p.Schema(context.Background(), fwprovider.SchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	if diags := resp.Schema.ValidateImplementation(context.Background()); diags.HasError() {
		t.Fatal(diags)
	}
	for name, a := range resp.Schema.Attributes {
		if a.GetMarkdownDescription() == "" {
			t.Errorf("provider attribute %q has no description", name)
		}
	}
	for name, b := range resp.Schema.Blocks {
		if b.GetMarkdownDescription() == "" {
			t.Errorf("provider block %q has no description", name)
		}
	}
}

func TestEveryResourceAndDataSourceIsPrefixed(t *testing.T) {
	p := New("test")()
	for _, f := range p.Resources(context.Background()) {
		var md resource.MetadataResponse
		f().Metadata(context.Background(), resource.MetadataRequest{ProviderTypeName: TypeName}, &md)
		if len(md.TypeName) <= len(TypeName)+1 || md.TypeName[:len(TypeName)+1] != TypeName+"_" {
			t.Errorf("resource type %q is not appstreaming_*", md.TypeName)
		}
	}
	if len(p.DataSources(context.Background())) == 0 {
		t.Error("the provider has no data sources")
	}
}
