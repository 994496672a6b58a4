package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestResolveSettingsMaxRequestsPerSecond(t *testing.T) {
	env := envOf(map[string]string{"APPSTREAMING_MAX_REQUESTS_PER_SECOND": "7.5"})
	s, diags := resolveSettings(providerModel{}, "dev", env)
	if diags.HasError() || s.client.MaxRequestsPerSecond != 7.5 {
		t.Fatalf("from the environment: %v %v", s.client.MaxRequestsPerSecond, diags)
	}
	s, diags = resolveSettings(providerModel{MaxRequestsPerSecond: types.Float64Value(3)}, "dev", env)
	if diags.HasError() || s.client.MaxRequestsPerSecond != 3 {
		t.Fatalf("config must win: %v %v", s.client.MaxRequestsPerSecond, diags)
	}
	if s, _ := resolveSettings(providerModel{}, "dev", envOf(nil)); s.client.MaxRequestsPerSecond != 0 {
		t.Fatalf("default = %v, want 0 (adaptive only)", s.client.MaxRequestsPerSecond)
	}
	if _, diags := resolveSettings(providerModel{}, "dev", envOf(map[string]string{"APPSTREAMING_MAX_REQUESTS_PER_SECOND": "fast"})); !diags.HasError() {
		t.Fatal("a non-number must be an error")
	}
}
