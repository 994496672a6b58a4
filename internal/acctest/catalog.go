package acctest

import (
	"testing"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
)

// WithCatalogFile serves the catalog of a --catalog-file document (regions,
// instance types, images, user groups) instead of the seed catalog. A file
// that does not load fails the test.
func WithCatalogFile(t *testing.T, path string) Option {
	t.Helper()
	cat, userGroups, err := emulator.LoadCatalogFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return func(o *emulator.Options) { o.Catalog, o.UserGroups = cat, userGroups }
}
