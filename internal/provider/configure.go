package provider

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
)

// Environment variables the provider reads, first match wins. The ALIBABA_CLOUD_*
// names are the Alibaba Cloud SDKs' own; ALICLOUD_* are what the alicloud provider uses.
var (
	envRegion          = []string{"ALIBABA_CLOUD_REGION_ID", "ALICLOUD_REGION"}
	envAccessKey       = []string{"ALIBABA_CLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY"}
	envSecretKey       = []string{"ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALICLOUD_SECRET_KEY"}
	envSecurityToken   = []string{"ALIBABA_CLOUD_SECURITY_TOKEN", "ALICLOUD_SECURITY_TOKEN"}
	envProfile         = []string{"ALIBABA_CLOUD_PROFILE", "ALICLOUD_PROFILE"}
	envCredentialsFile = []string{"ALIBABA_CLOUD_CONFIG_FILE", "ALICLOUD_SHARED_CREDENTIALS_FILE"}
	envEndpoint        = []string{"APPSTREAMING_ENDPOINT"}
	envOIDCToken       = []string{"TFC_WORKLOAD_IDENTITY_TOKEN"}
	envOIDCTokenFile   = []string{"ALIBABA_CLOUD_OIDC_TOKEN_FILE"}
	envOIDCProviderARN = []string{"ALIBABA_CLOUD_OIDC_PROVIDER_ARN"}
	envRoleARN         = []string{"ALIBABA_CLOUD_ROLE_ARN"}
	envMaxRPS          = []string{"APPSTREAMING_MAX_REQUESTS_PER_SECOND"}
	envSTSEndpoint     = []string{"ALIBABA_CLOUD_STS_ENDPOINT"}
)

const (
	defaultRequestTimeout = 30 * time.Second
	defaultMaxRetries     = client.DefaultMaxRetries
)

// envFunc looks up an environment variable; tests pass a map-backed one.
type envFunc func(string) (string, bool)

func lookupEnv(k string) (string, bool) { return os.LookupEnv(k) }

// pick returns the configured value when set, else the first non-empty variable.
func pick(v types.String, env envFunc, names []string) string {
	if !v.IsNull() && !v.IsUnknown() {
		return v.ValueString()
	}
	for _, n := range names {
		if s, ok := env(n); ok && s != "" {
			return s
		}
	}
	return ""
}

// settings is the provider configuration after config and environment are merged.
type settings struct {
	client      client.Config
	credentials client.CredentialConfig
}

func resolveSettings(cfg providerModel, version string, env envFunc) (settings, diag.Diagnostics) {
	var diags diag.Diagnostics
	s := settings{}
	s.client.RegionID = pick(cfg.Region, env, envRegion)
	s.client.Endpoint = pick(cfg.Endpoint, env, envEndpoint)
	s.client.UserAgent = "terraform-provider-appstreaming/" + version
	s.client.RequestTimeout = defaultRequestTimeout
	if !cfg.MaxRetries.IsNull() && !cfg.MaxRetries.IsUnknown() {
		n := int(cfg.MaxRetries.ValueInt64()) // 0 = no retries
		s.client.MaxRetries = &n
	} else {
		n := defaultMaxRetries
		s.client.MaxRetries = &n
	}
	if !cfg.MaxRequestsPerSecond.IsNull() && !cfg.MaxRequestsPerSecond.IsUnknown() {
		s.client.MaxRequestsPerSecond = cfg.MaxRequestsPerSecond.ValueFloat64()
	} else if v := pick(types.StringNull(), env, envMaxRPS); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f < 0.1 {
			diags.AddAttributeError(path.Root("max_requests_per_second"), "Invalid APPSTREAMING_MAX_REQUESTS_PER_SECOND",
				fmt.Sprintf("APPSTREAMING_MAX_REQUESTS_PER_SECOND must be a number of at least 0.1, got %q.", v))
		} else {
			s.client.MaxRequestsPerSecond = f
		}
	}
	if !cfg.RequestTimeout.IsNull() && !cfg.RequestTimeout.IsUnknown() {
		d, err := time.ParseDuration(cfg.RequestTimeout.ValueString())
		if err != nil || d <= 0 {
			diags.AddAttributeError(path.Root("request_timeout"), "Invalid request_timeout",
				fmt.Sprintf("request_timeout must be a positive Go duration such as \"30s\", got %q.", cfg.RequestTimeout.ValueString()))
		} else {
			s.client.RequestTimeout = d
		}
	}

	cc := client.CredentialConfig{
		AccessKey:             pick(cfg.AccessKey, env, envAccessKey),
		SecretKey:             pick(cfg.SecretKey, env, envSecretKey),
		SecurityToken:         pick(cfg.SecurityToken, env, envSecurityToken),
		Profile:               pick(cfg.Profile, env, envProfile),
		SharedCredentialsFile: pick(cfg.SharedCredentialsFile, env, envCredentialsFile),
		STSEndpoint:           pick(cfg.STSEndpoint, env, envSTSEndpoint),
	}
	if (cc.AccessKey == "") != (cc.SecretKey == "") {
		p := path.Root("secret_key")
		if cc.AccessKey == "" {
			p = path.Root("access_key")
		}
		diags.AddAttributeError(p, "Incomplete access key",
			"access_key and secret_key go together: set both (in the provider block or through "+
				"ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET) or neither.")
	}
	if ar := cfg.AssumeRole; ar != nil {
		if ar.RoleARN.IsNull() || ar.RoleARN.ValueString() == "" {
			diags.AddAttributeError(path.Root("assume_role").AtName("role_arn"), "Missing role_arn",
				"The assume_role block needs role_arn, the ARN of the RAM role to assume.")
		}
		cc.AssumeRole = &client.AssumeRoleConfig{
			RoleARN:           ar.RoleARN.ValueString(),
			SessionName:       valueOr(ar.SessionName, "terraform"),
			SessionExpiration: int(ar.SessionExpiration.ValueInt64()),
			Policy:            ar.Policy.ValueString(),
			ExternalID:        ar.ExternalID.ValueString(),
		}
	}
	if o := cfg.AssumeRoleWithOIDC; o != nil {
		oc := &client.OIDCConfig{
			OIDCProviderARN: pick(o.OIDCProviderARN, env, envOIDCProviderARN),
			RoleARN:         pick(o.RoleARN, env, envRoleARN),
			OIDCToken:       o.OIDCToken.ValueString(),
			OIDCTokenFile:   o.OIDCTokenFile.ValueString(),
			SessionName:     valueOr(o.SessionName, "terraform"),
			// Additive: AssumeRoleWithOIDC DurationSeconds and Policy.
			SessionExpiration: int(o.SessionExpiration.ValueInt64()),
			Policy:            o.Policy.ValueString(),
		}
		if oc.OIDCToken == "" && oc.OIDCTokenFile == "" {
			// Terraform Cloud puts the workload identity token in the environment.
			oc.OIDCToken = pick(types.StringNull(), env, envOIDCToken)
			if oc.OIDCToken == "" {
				oc.OIDCTokenFile = pick(types.StringNull(), env, envOIDCTokenFile)
			}
		}
		base := path.Root("assume_role_with_oidc")
		if oc.OIDCProviderARN == "" {
			diags.AddAttributeError(base.AtName("oidc_provider_arn"), "Missing oidc_provider_arn",
				"assume_role_with_oidc needs oidc_provider_arn (or ALIBABA_CLOUD_OIDC_PROVIDER_ARN).")
		}
		if oc.RoleARN == "" {
			diags.AddAttributeError(base.AtName("role_arn"), "Missing role_arn",
				"assume_role_with_oidc needs role_arn (or ALIBABA_CLOUD_ROLE_ARN).")
		}
		if oc.OIDCToken == "" && oc.OIDCTokenFile == "" {
			diags.AddAttributeError(base.AtName("oidc_token"), "Missing OIDC token",
				"assume_role_with_oidc needs a token: oidc_token, oidc_token_file, TFC_WORKLOAD_IDENTITY_TOKEN "+
					"(Terraform Cloud workload identity) or ALIBABA_CLOUD_OIDC_TOKEN_FILE.")
		}
		cc.AssumeRoleWithOIDC = oc
	}
	s.credentials = cc
	return s, diags
}

func newClient(ctx context.Context, cfg providerModel, version string, env envFunc) (*client.Client, diag.Diagnostics) {
	s, diags := resolveSettings(cfg, version, env)
	if diags.HasError() {
		return nil, diags
	}
	if f, ok := env(client.LoopbackCAFileEnv); ok && f != "" {
		if err := client.TrustLoopbackCA(f); err != nil {
			diags.AddError("Cannot read "+client.LoopbackCAFileEnv, err.Error())
			return nil, diags
		}
	}
	cred, err := client.ResolveCredential(s.credentials)
	if err != nil {
		var ce *client.CredentialError
		switch {
		case errors.Is(err, client.ErrNoCredentials):
			diags.AddError("No credentials for App Streaming", err.Error())
		case errors.As(err, &ce):
			diags.Append(credentialDiagnostic(ce, s.credentials))
		default:
			diags.AddError("Cannot resolve App Streaming credentials", err.Error())
		}
		return nil, diags
	}
	s.client.Credential = cred
	s.client.SensitiveStrings = []string{s.credentials.SecretKey, s.credentials.SecurityToken}
	if o := s.credentials.AssumeRoleWithOIDC; o != nil {
		s.client.SensitiveStrings = append(s.client.SensitiveStrings, o.OIDCToken)
	}
	c, err := client.New(s.client)
	if err != nil {
		diags.AddAttributeError(path.Root("endpoint"), "Cannot configure the App Streaming client", err.Error())
		return nil, diags
	}
	if !skipCredentialsValidation(cfg, env) {
		if diags.Append(validateCredentials(ctx, c, s)...); diags.HasError() {
			return nil, diags
		}
	}
	return c, diags
}

func skipCredentialsValidation(cfg providerModel, env envFunc) bool {
	if !cfg.SkipCredsValidation.IsNull() && !cfg.SkipCredsValidation.IsUnknown() {
		return cfg.SkipCredsValidation.ValueBool()
	}
	v := strings.ToLower(pick(types.StringNull(), env, envSkipCredentialsValidation))
	return v == "true" || v == "1"
}

func valueOr(v types.String, def string) string {
	if v.IsNull() || v.IsUnknown() || v.ValueString() == "" {
		return def
	}
	return v.ValueString()
}

func pathExpr(steps ...string) path.Expression {
	p := path.MatchRoot(steps[0])
	for _, s := range steps[1:] {
		p = p.AtName(s)
	}
	return p
}

// durationValidator checks that a string parses as a positive Go duration.
type durationValidator struct{}

func (durationValidator) Description(context.Context) string {
	return "must be a positive Go duration such as 30s or 2m"
}

func (v durationValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (durationValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	d, err := time.ParseDuration(req.ConfigValue.ValueString())
	if err != nil || d <= 0 {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid duration",
			fmt.Sprintf("%s must be a positive Go duration such as \"30s\" or \"2m\", got %q.", req.Path, req.ConfigValue.ValueString()))
	}
}
