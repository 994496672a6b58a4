package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestResolveSettingsSTSEndpoint(t *testing.T) {
	env := envOf(map[string]string{"ALIBABA_CLOUD_STS_ENDPOINT": "sts-vpc.cn-shanghai.aliyuncs.com"})
	s, _ := resolveSettings(providerModel{}, "dev", env)
	if s.credentials.STSEndpoint != "sts-vpc.cn-shanghai.aliyuncs.com" {
		t.Errorf("ALIBABA_CLOUD_STS_ENDPOINT not used: %q", s.credentials.STSEndpoint)
	}
	s, _ = resolveSettings(providerModel{STSEndpoint: types.StringValue("https://sts.aliyuncs.com")}, "dev", env)
	if s.credentials.STSEndpoint != "https://sts.aliyuncs.com" {
		t.Errorf("sts_endpoint in config did not win: %q", s.credentials.STSEndpoint)
	}
	cfg := providerModel{AssumeRoleWithOIDC: &assumeRoleOIDCModel{
		OIDCProviderARN: types.StringValue("p"), RoleARN: types.StringValue("r"), OIDCToken: types.StringValue("t"),
		SessionExpiration: types.Int64Value(900), Policy: types.StringValue(`{"Version":"1"}`),
	}}
	s, _ = resolveSettings(cfg, "dev", envOf(nil))
	if o := s.credentials.AssumeRoleWithOIDC; o.SessionExpiration != 900 || o.Policy == "" {
		t.Errorf("OIDC session_expiration/policy not passed on: %+v", o)
	}
}

// A plain-HTTP sts_endpoint is reported on sts_endpoint before any network use.
func TestNewClientRefusesPlainHTTPSTSEndpoint(t *testing.T) {
	cfg := providerModel{
		AccessKey: types.StringValue("ak"), SecretKey: types.StringValue("sk"),
		STSEndpoint: types.StringValue("http://127.0.0.1:1"),
		AssumeRole:  &assumeRoleModel{RoleARN: types.StringValue("acs:ram::1234567890123456:role/terraform")},
	}
	_, diags := newClient(context.Background(), cfg, "dev", envOf(nil))
	if !diags.HasError() {
		t.Fatal("no error")
	}
	d := diags.Errors()[0]
	withPath, ok := d.(interface{ Path() path.Path })
	if !ok || !withPath.Path().Equal(path.Root("sts_endpoint")) || !strings.Contains(d.Detail(), "HTTPS") {
		t.Errorf("diagnostic %q / %q not on sts_endpoint", d.Summary(), d.Detail())
	}
}
