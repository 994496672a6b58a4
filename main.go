// Command terraform-provider-appstreaming serves the Alibaba Cloud App Streaming
// (WUYING AppStreaming) provider over Terraform plugin protocol 6.
package main

import (
	"context"
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/provider"
)

// version is stamped by the release build (goreleaser ldflags).
var version = "dev"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve")
	flag.Parse()

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: "registry.terraform.io/appstreaming-iac/appstreaming",
		Debug:   debug,
	})
	if err != nil {
		log.Fatal(err)
	}
}
