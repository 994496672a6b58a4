package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// max_retries = 0 reaches the client as "no retries", not as "default".
func TestResolveSettingsMaxRetriesZeroMeansNone(t *testing.T) {
	env := envOf(map[string]string{"ALIBABA_CLOUD_ACCESS_KEY_ID": "ak", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "sk"})
	s, diags := resolveSettings(providerModel{MaxRetries: types.Int64Value(0)}, "dev", env)
	if diags.HasError() {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
	if s.client.MaxRetries == nil || *s.client.MaxRetries != 0 {
		t.Fatalf("MaxRetries = %v, want a pointer to 0", s.client.MaxRetries)
	}
}
