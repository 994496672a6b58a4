package provider

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// providerModel is the provider block. Every argument is optional: values left
// out come from the environment, then from credentials-go's default chain.
type providerModel struct {
	Region                types.String         `tfsdk:"region"`
	AccessKey             types.String         `tfsdk:"access_key"`
	SecretKey             types.String         `tfsdk:"secret_key"`
	SecurityToken         types.String         `tfsdk:"security_token"`
	Profile               types.String         `tfsdk:"profile"`
	SharedCredentialsFile types.String         `tfsdk:"shared_credentials_file"`
	Endpoint              types.String         `tfsdk:"endpoint"`
	MaxRetries            types.Int64          `tfsdk:"max_retries"`
	RequestTimeout        types.String         `tfsdk:"request_timeout"`
	MaxRequestsPerSecond  types.Float64        `tfsdk:"max_requests_per_second"`
	STSEndpoint           types.String         `tfsdk:"sts_endpoint"`
	AssumeRole            *assumeRoleModel     `tfsdk:"assume_role"`
	AssumeRoleWithOIDC    *assumeRoleOIDCModel `tfsdk:"assume_role_with_oidc"`
	SkipCredsValidation   types.Bool           `tfsdk:"skip_credentials_validation"`
}

type assumeRoleModel struct {
	RoleARN           types.String `tfsdk:"role_arn"`
	SessionName       types.String `tfsdk:"session_name"`
	SessionExpiration types.Int64  `tfsdk:"session_expiration"`
	Policy            types.String `tfsdk:"policy"`
	ExternalID        types.String `tfsdk:"external_id"`
}

type assumeRoleOIDCModel struct {
	OIDCProviderARN types.String `tfsdk:"oidc_provider_arn"`
	RoleARN         types.String `tfsdk:"role_arn"`
	OIDCToken       types.String `tfsdk:"oidc_token"`
	OIDCTokenFile   types.String `tfsdk:"oidc_token_file"`
	SessionName     types.String `tfsdk:"session_name"`
	// SessionExpiration and Policy: AssumeRoleWithOIDC DurationSeconds and Policy.
	SessionExpiration types.Int64  `tfsdk:"session_expiration"`
	Policy            types.String `tfsdk:"policy"`
}

func providerSchema() schema.Schema {
	return schema.Schema{
		MarkdownDescription: "The App Streaming provider manages Alibaba Cloud WUYING App Streaming " +
			"(OpenAPI product `appstream-center`, version 2021-09-01): delivery groups, their scaling " +
			"policies, display policies and user authorization.",
		Attributes: map[string]schema.Attribute{
			"region": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Default business region (`BizRegionId`) for resources that do not set `region_id`, " +
					"e.g. `cn-shanghai`. Environment: `ALIBABA_CLOUD_REGION_ID`, then `ALICLOUD_REGION`.",
			},
			"access_key": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "AccessKey ID. Environment: `ALIBABA_CLOUD_ACCESS_KEY_ID`, then `ALICLOUD_ACCESS_KEY`. " +
					"Prefer a RAM user or role with least privilege over the account's own key.",
			},
			"secret_key": schema.StringAttribute{
				Optional:            true,
				Sensitive:           true,
				MarkdownDescription: "AccessKey secret. Environment: `ALIBABA_CLOUD_ACCESS_KEY_SECRET`, then `ALICLOUD_SECRET_KEY`.",
			},
			"security_token": schema.StringAttribute{
				Optional:  true,
				Sensitive: true,
				MarkdownDescription: "STS security token that goes with a temporary access key. Environment: " +
					"`ALIBABA_CLOUD_SECURITY_TOKEN`, then `ALICLOUD_SECURITY_TOKEN`.",
			},
			"profile": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Profile name in the Alibaba Cloud CLI configuration file. Environment: " +
					"`ALIBABA_CLOUD_PROFILE`, then `ALICLOUD_PROFILE`.",
			},
			"shared_credentials_file": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Path of the Alibaba Cloud CLI configuration file (default `~/.aliyun/config.json`). " +
					"Environment: `ALIBABA_CLOUD_CONFIG_FILE`, then `ALICLOUD_SHARED_CREDENTIALS_FILE`.",
			},
			"endpoint": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "API endpoint override, e.g. `http://127.0.0.1:8090` for the App Streaming emulator. " +
					"Default: the public endpoint `appstream-center.aliyuncs.com` over HTTPS. Plain HTTP is accepted only " +
					"for a loopback host. Environment: `APPSTREAMING_ENDPOINT`.",
			},
			"max_retries": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: "How many times a call answered with throttling, `ServiceUnavailable`, a 5xx or a " +
					"connection error is retried, with exponential backoff and jitter. Default 5.",
				Validators: []validator.Int64{int64validator.Between(0, 50)},
			},
			"skip_credentials_validation": schema.BoolAttribute{
				Optional: true,
				MarkdownDescription: "Skip the credential check made when the provider is configured (one `ListRegions` call " +
					"per provider run, so wrong credentials fail at `terraform plan` with a hint). Default `false`. " +
					"Environment: `APPSTREAMING_SKIP_CREDENTIALS_VALIDATION`.",
			},
			"max_requests_per_second": schema.Float64Attribute{
				Optional: true,
				MarkdownDescription: "Upper bound on the API calls per second this provider sends (all resources together), " +
					"for accounts with a known flow-control quota. Without it the provider still slows down by itself when the " +
					"API answers `Throttling.*` and speeds up again when it stops. Environment: `APPSTREAMING_MAX_REQUESTS_PER_SECOND`.",
				Validators: []validator.Float64{float64validator.Between(0.1, 10000)},
			},
			"request_timeout": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Read timeout of one HTTP attempt, as a Go duration such as `30s` or `2m`. Default `30s`.",
				Validators:          []validator.String{durationValidator{}},
			},
			"sts_endpoint": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "STS endpoint that `assume_role`, `assume_role_with_oidc` and a CLI profile in `RamRoleArn` or " +
					"`OIDC` mode exchange credentials with, as `host[:port]` or `https://host[:port]`, e.g. " +
					"`sts-vpc.cn-shanghai.aliyuncs.com`. Default: `sts.aliyuncs.com`. STS is always reached over HTTPS " +
					"(the exchange is done by `aliyun/credentials-go`, which has no plain-HTTP mode); for the App Streaming " +
					"emulator use `https://127.0.0.1:PORT` with `APPSTREAMING_LOOPBACK_CA_FILE` naming the emulator's CA, which is " +
					"then trusted for loopback hosts only. Environment: `ALIBABA_CLOUD_STS_ENDPOINT`.",
			},
		},
		Blocks: map[string]schema.Block{
			"assume_role": schema.SingleNestedBlock{
				MarkdownDescription: "Assume a RAM role with the credentials resolved otherwise (keys, profile, ECS RAM role) " +
					"as the source.",
				Attributes: map[string]schema.Attribute{
					"role_arn": schema.StringAttribute{
						Optional:            true,
						MarkdownDescription: "ARN of the RAM role, e.g. `acs:ram::123456789012****:role/terraform`. Required in this block.",
					},
					"session_name": schema.StringAttribute{
						Optional:            true,
						MarkdownDescription: "Role session name. Default `terraform`.",
					},
					"session_expiration": schema.Int64Attribute{
						Optional:            true,
						MarkdownDescription: "Session lifetime in seconds, 900–43200. Default 3600.",
						Validators:          []validator.Int64{int64validator.Between(900, 43200)},
					},
					"policy": schema.StringAttribute{
						Optional:            true,
						MarkdownDescription: "Inline RAM policy (JSON) that further limits the session's permissions.",
					},
					"external_id": schema.StringAttribute{
						Optional:            true,
						MarkdownDescription: "External ID required by the role's trust policy, if any.",
					},
				},
			},
			"assume_role_with_oidc": schema.SingleNestedBlock{
				MarkdownDescription: "Assume a RAM role with an OIDC token, e.g. Terraform Cloud workload identity. " +
					"The token comes from `oidc_token`, `oidc_token_file`, or the environment " +
					"(`TFC_WORKLOAD_IDENTITY_TOKEN`, then `ALIBABA_CLOUD_OIDC_TOKEN_FILE`).",
				Attributes: map[string]schema.Attribute{
					"oidc_provider_arn": schema.StringAttribute{
						Optional: true,
						MarkdownDescription: "ARN of the OIDC identity provider in RAM. Environment: " +
							"`ALIBABA_CLOUD_OIDC_PROVIDER_ARN`. Required in this block.",
					},
					"role_arn": schema.StringAttribute{
						Optional: true,
						MarkdownDescription: "ARN of the RAM role to assume. Environment: `ALIBABA_CLOUD_ROLE_ARN`. " +
							"Required in this block.",
					},
					"oidc_token": schema.StringAttribute{
						Optional:            true,
						Sensitive:           true,
						MarkdownDescription: "The OIDC token itself. Conflicts with `oidc_token_file`.",
						Validators: []validator.String{
							stringvalidator.ConflictsWith(pathExpr("assume_role_with_oidc", "oidc_token_file")),
						},
					},
					"oidc_token_file": schema.StringAttribute{
						Optional:            true,
						MarkdownDescription: "Path of a file that holds the OIDC token.",
					},
					"session_name": schema.StringAttribute{
						Optional:            true,
						MarkdownDescription: "Role session name. Default `terraform`.",
					},
					"session_expiration": schema.Int64Attribute{
						Optional:            true,
						MarkdownDescription: "Session lifetime in seconds, 900–43200 and at most the role's maximum session duration. Default 3600.",
						Validators:          []validator.Int64{int64validator.Between(900, 43200)},
					},
					"policy": schema.StringAttribute{
						Optional:            true,
						MarkdownDescription: "Inline RAM policy (JSON) that further limits the session's permissions.",
					},
				},
			},
		},
	}
}
