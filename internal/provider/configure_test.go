package provider

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func envOf(m map[string]string) envFunc {
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

func TestResolveSettingsConfigWinsOverEnvironment(t *testing.T) {
	env := envOf(map[string]string{
		"ALIBABA_CLOUD_REGION_ID":         "cn-hangzhou",
		"ALIBABA_CLOUD_ACCESS_KEY_ID":     "env-ak",
		"ALIBABA_CLOUD_ACCESS_KEY_SECRET": "env-sk",
		"APPSTREAMING_ENDPOINT":           "http://127.0.0.1:1",
	})
	cfg := providerModel{
		Region:         types.StringValue("cn-shanghai"),
		AccessKey:      types.StringValue("cfg-ak"),
		SecretKey:      types.StringValue("cfg-sk"),
		RequestTimeout: types.StringValue("45s"),
		MaxRetries:     types.Int64Value(2),
	}
	s, diags := resolveSettings(cfg, "1.0.0", env)
	if diags.HasError() {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
	if s.client.RegionID != "cn-shanghai" || s.credentials.AccessKey != "cfg-ak" || s.credentials.SecretKey != "cfg-sk" {
		t.Errorf("config did not win: region=%q ak=%q sk=%q", s.client.RegionID, s.credentials.AccessKey, s.credentials.SecretKey)
	}
	if s.client.Endpoint != "http://127.0.0.1:1" {
		t.Errorf("endpoint from env not used: %q", s.client.Endpoint)
	}
	if s.client.RequestTimeout != 45*time.Second || *s.client.MaxRetries != 2 {
		t.Errorf("timeouts/retries: %v %d", s.client.RequestTimeout, *s.client.MaxRetries)
	}
}

func TestResolveSettingsEnvironmentFallbacks(t *testing.T) {
	env := envOf(map[string]string{
		"ALICLOUD_REGION":         "cn-hangzhou",
		"ALICLOUD_ACCESS_KEY":     "legacy-ak",
		"ALICLOUD_SECRET_KEY":     "legacy-sk",
		"ALICLOUD_SECURITY_TOKEN": "legacy-token",
	})
	s, diags := resolveSettings(providerModel{}, "dev", env)
	if diags.HasError() {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
	if s.client.RegionID != "cn-hangzhou" || s.credentials.AccessKey != "legacy-ak" ||
		s.credentials.SecretKey != "legacy-sk" || s.credentials.SecurityToken != "legacy-token" {
		t.Errorf("ALICLOUD_* fallbacks not used: %+v %+v", s.client, s.credentials)
	}
	if *s.client.MaxRetries != defaultMaxRetries || s.client.RequestTimeout != defaultRequestTimeout {
		t.Errorf("defaults not applied: %d %v", *s.client.MaxRetries, s.client.RequestTimeout)
	}
}

func TestResolveSettingsHalfAKeyIsAnError(t *testing.T) {
	_, diags := resolveSettings(providerModel{AccessKey: types.StringValue("ak")}, "dev", envOf(nil))
	if !diags.HasError() {
		t.Fatal("expected an error for access_key without secret_key")
	}
	if got := diags.Errors()[0].Summary(); got != "Incomplete access key" {
		t.Errorf("summary = %q", got)
	}
}

func TestResolveSettingsOIDCTokenFromTerraformCloud(t *testing.T) {
	env := envOf(map[string]string{"TFC_WORKLOAD_IDENTITY_TOKEN": "tfc-jwt"})
	cfg := providerModel{AssumeRoleWithOIDC: &assumeRoleOIDCModel{
		OIDCProviderARN: types.StringValue("acs:ram::1:oidc-provider/tfc"),
		RoleARN:         types.StringValue("acs:ram::1:role/tf"),
	}}
	s, diags := resolveSettings(cfg, "dev", env)
	if diags.HasError() {
		t.Fatalf("unexpected diagnostics: %v", diags)
	}
	o := s.credentials.AssumeRoleWithOIDC
	if o == nil || o.OIDCToken != "tfc-jwt" || o.SessionName != "terraform" {
		t.Fatalf("OIDC token not taken from TFC_WORKLOAD_IDENTITY_TOKEN: %+v", o)
	}
}

func TestResolveSettingsOIDCNeedsAToken(t *testing.T) {
	cfg := providerModel{AssumeRoleWithOIDC: &assumeRoleOIDCModel{
		OIDCProviderARN: types.StringValue("p"), RoleARN: types.StringValue("r"),
	}}
	_, diags := resolveSettings(cfg, "dev", envOf(nil))
	if !diags.HasError() || !strings.Contains(diags.Errors()[0].Detail(), "TFC_WORKLOAD_IDENTITY_TOKEN") {
		t.Fatalf("expected a missing-token error naming TFC_WORKLOAD_IDENTITY_TOKEN, got %v", diags)
	}
}

func TestNewClientWithoutCredentialsNamesEveryOption(t *testing.T) {
	t.Setenv("HOME", t.TempDir()) // no CLI profile file
	// Tests never reach past loopback: without this the chain would probe the
	// ECS metadata address.
	t.Setenv("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true")
	for _, k := range []string{"ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALICLOUD_ACCESS_KEY",
		"ALICLOUD_SECRET_KEY", "ALIBABA_CLOUD_PROFILE", "ALIBABA_CLOUD_ECS_METADATA", "ALIBABA_CLOUD_CREDENTIALS_FILE",
		"ALIBABA_CLOUD_ROLE_ARN", "ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "ALIBABA_CLOUD_OIDC_TOKEN_FILE"} {
		t.Setenv(k, "")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	_, diags := newClient(ctx, providerModel{}, "dev", envOf(nil))
	if !diags.HasError() {
		t.Fatal("expected a diagnostic when no credentials resolve")
	}
	if len(diags.Errors()) != 1 {
		t.Errorf("want exactly one diagnostic, got %d: %v", len(diags.Errors()), diags)
	}
	detail := diags.Errors()[0].Detail()
	for _, want := range []string{"access_key", "ALIBABA_CLOUD_ACCESS_KEY_ID", "profile", "assume_role", "TFC_WORKLOAD_IDENTITY_TOKEN", "ECS"} {
		if !strings.Contains(detail, want) {
			t.Errorf("diagnostic does not name %q:\n%s", want, detail)
		}
	}
}
