package client

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/aliyun/credentials-go/credentials"
	"github.com/aliyun/credentials-go/credentials/providers"
)

// CredentialConfig is what the provider passes in (it reads its own env vars).
type CredentialConfig struct {
	AccessKey             string
	SecretKey             string
	SecurityToken         string
	Profile               string
	SharedCredentialsFile string // Alibaba Cloud CLI config (~/.aliyun/config.json)
	AssumeRole            *AssumeRoleConfig
	AssumeRoleWithOIDC    *OIDCConfig
	STSEndpoint           string
}

// AssumeRoleConfig assumes a RAM role using the static/profile credential.
type AssumeRoleConfig struct {
	RoleARN           string
	SessionName       string
	SessionExpiration int // seconds
	Policy            string
	ExternalID        string
}

// OIDCConfig assumes a RAM role with an OIDC token (oidc_role_arn).
type OIDCConfig struct {
	OIDCProviderARN string
	RoleARN         string
	OIDCToken       string // e.g. TFC_WORKLOAD_IDENTITY_TOKEN; passed to the SDK directly, never written to disk
	OIDCTokenFile   string
	SessionName     string
	// SessionExpiration (seconds) and Policy are AssumeRoleWithOIDC's
	// DurationSeconds and Policy.
	SessionExpiration int
	Policy            string
}

// ErrNoCredentials is returned (wrapped) when nothing resolves.
var ErrNoCredentials = errors.New("no Alibaba Cloud credentials found. Configure one of: " +
	"access_key/secret_key (optionally security_token) in the provider block; " +
	"the environment variables ALIBABA_CLOUD_ACCESS_KEY_ID/ALIBABA_CLOUD_ACCESS_KEY_SECRET " +
	"(or ALICLOUD_ACCESS_KEY/ALICLOUD_SECRET_KEY, with ALIBABA_CLOUD_SECURITY_TOKEN/ALICLOUD_SECURITY_TOKEN for STS); " +
	"profile/shared_credentials_file (Alibaba Cloud CLI config, default ~/.aliyun/config.json); " +
	"assume_role (role_arn, with one of the above as source); " +
	"assume_role_with_oidc (oidc_provider_arn, role_arn, oidc_token or oidc_token_file; " +
	"TFC_WORKLOAD_IDENTITY_TOKEN on Terraform Cloud); " +
	"or run on an ECS instance with a RAM role attached")

// ecsMetadataAddr and ecsProbeTimeout bound the ECS RAM role probe so that
// resolution never hangs off ECS; tests point them at a closed port.
var (
	ecsMetadataAddr = "100.100.100.200:80"
	ecsProbeTimeout = 1 * time.Second
)

// ResolveCredential builds a credential from cc. Static keys never touch
// the network here. Credentials that come from STS (assume_role,
// assume_role_with_oidc, a profile in RamRoleArn or OIDC mode) are fetched
// once now, so a wrong role or a bad token is reported at provider
// configuration as a *CredentialError naming the setting; credentials-go
// then refreshes them before they lapse (180 s before Expiration).
func ResolveCredential(cc CredentialConfig) (credentials.Credential, error) {
	stsHost, err := ParseSTSEndpoint(cc.STSEndpoint)
	if err != nil {
		return nil, &CredentialError{Setting: "sts_endpoint", Err: err}
	}
	cc.STSEndpoint = stsHost
	cred, setting, err := resolveCredential(cc)
	if err != nil {
		return nil, err
	}
	if setting != "" {
		if _, err := cred.GetCredential(); err != nil {
			return nil, stsFailure(setting, err)
		}
	}
	return cred, nil
}

// resolveCredential returns the credential and, for an STS-backed one, the
// setting a failed exchange is blamed on.
func resolveCredential(cc CredentialConfig) (credentials.Credential, string, error) {
	if o := cc.AssumeRoleWithOIDC; o != nil && (o.RoleARN != "" || o.OIDCProviderARN != "" || o.OIDCToken != "" || o.OIDCTokenFile != "") {
		c, err := oidcCredential(cc)
		return c, "assume_role_with_oidc", err
	}
	source, sourceName, err := baseProvider(cc)
	if err != nil {
		return nil, "", err
	}
	if ar := cc.AssumeRole; ar != nil && ar.RoleARN != "" {
		if source == nil {
			return nil, "", fmt.Errorf("assume_role needs a source credential: %w", ErrNoCredentials)
		}
		b := providers.NewRAMRoleARNCredentialsProviderBuilder().
			WithCredentialsProvider(source).
			WithRoleArn(ar.RoleARN).
			WithRoleSessionName(defaultString(ar.SessionName, "terraform-provider-appstreaming"))
		if ar.SessionExpiration > 0 {
			b = b.WithDurationSeconds(ar.SessionExpiration)
		}
		if ar.Policy != "" {
			b = b.WithPolicy(ar.Policy)
		}
		if ar.ExternalID != "" {
			b = b.WithExternalId(ar.ExternalID)
		}
		if cc.STSEndpoint != "" {
			b = b.WithStsEndpoint(cc.STSEndpoint)
		}
		p, err := b.Build()
		if err != nil {
			return nil, "", &CredentialError{Setting: "assume_role", Err: err}
		}
		return credentials.FromCredentialsProvider("ram_role_arn", lock(p)), "assume_role", nil
	}
	if source != nil {
		setting := ""
		if sourceName == "cli_profile_sts" {
			setting, sourceName = "profile", "cli_profile"
		}
		return credentials.FromCredentialsProvider(sourceName, source), setting, nil
	}
	c, err := defaultChain()
	return c, "", err
}

func defaultString(v, d string) string {
	if v == "" {
		return d
	}
	return v
}

// baseProvider returns the explicit static or profile provider, or nil when
// neither is configured.
func baseProvider(cc CredentialConfig) (providers.CredentialsProvider, string, error) {
	if cc.AccessKey != "" || cc.SecretKey != "" {
		if cc.AccessKey == "" || cc.SecretKey == "" {
			return nil, "", errors.New("access_key and secret_key must be set together")
		}
		if cc.SecurityToken != "" {
			p, err := providers.NewStaticSTSCredentialsProviderBuilder().
				WithAccessKeyId(cc.AccessKey).WithAccessKeySecret(cc.SecretKey).WithSecurityToken(cc.SecurityToken).Build()
			if err != nil {
				return nil, "", err
			}
			return p, "sts", nil
		}
		p, err := providers.NewStaticAKCredentialsProviderBuilder().
			WithAccessKeyId(cc.AccessKey).WithAccessKeySecret(cc.SecretKey).Build()
		if err != nil {
			return nil, "", err
		}
		return p, "access_key", nil
	}
	if cc.Profile != "" || cc.SharedCredentialsFile != "" {
		file := cc.SharedCredentialsFile
		if file == "" {
			home, _ := os.UserHomeDir()
			file = filepath.Join(home, ".aliyun", "config.json")
		}
		file = expandHome(file)
		if _, err := os.Stat(file); err != nil {
			return nil, "", &CredentialError{Setting: "shared_credentials_file", Err: err}
		}
		// Parsed here first: credentials-go quotes a malformed file (secrets
		// included) in its error.
		if p, ok, err := stsProfileProvider(file, cc.Profile, cc.STSEndpoint); err != nil || ok {
			return p, "cli_profile_sts", err
		}
		b := providers.NewCLIProfileCredentialsProviderBuilder().WithProfileFile(file)
		if cc.Profile != "" {
			b = b.WithProfileName(cc.Profile)
		}
		built, err := b.Build()
		if err != nil {
			return nil, "", &CredentialError{Setting: "profile", Err: err}
		}
		p := lock(built)
		// Resolve once now so a missing profile name or a malformed file is
		// reported at configure time; static profiles need no network.
		if _, err := p.GetCredentials(); err != nil {
			return nil, "", &CredentialError{Setting: "profile", Err: fmt.Errorf("profile %q in %s: %w", cc.Profile, file, err)}
		}
		return p, "cli_profile", nil
	}
	return nil, "", nil
}

func expandHome(p string) string {
	if strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, p[2:])
		}
	}
	return p
}

func oidcCredential(cc CredentialConfig) (credentials.Credential, error) {
	o := cc.AssumeRoleWithOIDC
	if o.RoleARN == "" || o.OIDCProviderARN == "" || (o.OIDCToken == "" && o.OIDCTokenFile == "") {
		return nil, &CredentialError{Setting: "assume_role_with_oidc",
			Err: errors.New("assume_role_with_oidc needs role_arn, oidc_provider_arn and oidc_token or oidc_token_file")}
	}
	if o.OIDCToken == "" {
		if _, err := os.Stat(expandHome(o.OIDCTokenFile)); err != nil {
			return nil, &CredentialError{Setting: "assume_role_with_oidc.oidc_token_file", Err: err}
		}
	}
	b := providers.NewOIDCCredentialsProviderBuilder().
		WithRoleArn(o.RoleARN).
		WithOIDCProviderARN(o.OIDCProviderARN).
		WithRoleSessionName(defaultString(o.SessionName, "terraform-provider-appstreaming"))
	// The builder accepts the token itself, so a TFC token never has to be
	// written to disk.
	if o.OIDCToken != "" {
		b = b.WithOIDCToken(o.OIDCToken)
	} else {
		b = b.WithOIDCTokenFilePath(expandHome(o.OIDCTokenFile))
	}
	if cc.STSEndpoint != "" {
		b = b.WithSTSEndpoint(cc.STSEndpoint)
	}
	if o.SessionExpiration > 0 {
		b = b.WithDurationSeconds(o.SessionExpiration)
	}
	if o.Policy != "" {
		b = b.WithPolicy(o.Policy)
	}
	p, err := b.Build()
	if err != nil {
		return nil, &CredentialError{Setting: "assume_role_with_oidc", Err: err}
	}
	return credentials.FromCredentialsProvider("oidc_role_arn", lock(p)), nil
}

// defaultChain is the last resort: credentials-go's environment provider,
// its OIDC env provider, the CLI profile, then ECS RAM role — but only if
// the metadata server answers a quick TCP probe, so this never blocks.
func defaultChain() (credentials.Credential, error) {
	if p, err := providers.NewEnvironmentVariableCredentialsProviderBuilder().Build(); err == nil {
		if _, err := p.GetCredentials(); err == nil {
			return credentials.FromCredentialsProvider("env", p), nil
		}
	}
	if os.Getenv("ALIBABA_CLOUD_OIDC_PROVIDER_ARN") != "" && os.Getenv("ALIBABA_CLOUD_ROLE_ARN") != "" {
		if p, err := providers.NewOIDCCredentialsProviderBuilder().Build(); err == nil {
			return credentials.FromCredentialsProvider("oidc_role_arn", p), nil
		}
	}
	if p, err := providers.NewCLIProfileCredentialsProviderBuilder().Build(); err == nil {
		if _, err := p.GetCredentials(); err == nil {
			return credentials.FromCredentialsProvider("cli_profile", p), nil
		}
	}
	if strings.ToLower(os.Getenv("ALIBABA_CLOUD_ECS_METADATA_DISABLED")) != "true" && probeECSMetadata() {
		p, err := providers.NewECSRAMRoleCredentialsProviderBuilder().Build()
		if err == nil {
			return credentials.FromCredentialsProvider("ecs_ram_role", p), nil
		}
	}
	return nil, ErrNoCredentials
}

func probeECSMetadata() bool {
	ctx, cancel := context.WithTimeout(context.Background(), ecsProbeTimeout)
	defer cancel()
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", ecsMetadataAddr)
	if err != nil {
		return false
	}
	_ = conn.Close()
	return true
}
