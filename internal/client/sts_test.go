package client

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aliyun/credentials-go/credentials/providers"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
)

func TestParseSTSEndpoint(t *testing.T) {
	ok := map[string]string{
		"":                                  "",
		"sts-vpc.cn-shanghai.aliyuncs.com":  "sts-vpc.cn-shanghai.aliyuncs.com",
		"https://sts.aliyuncs.com":          "sts.aliyuncs.com",
		"https://127.0.0.1:8090/":           "127.0.0.1:8090",
		" sts.cn-hangzhou.aliyuncs.com:443": "sts.cn-hangzhou.aliyuncs.com:443",
	}
	for in, want := range ok {
		got, err := ParseSTSEndpoint(in)
		if err != nil || got != want {
			t.Errorf("%q: %q, %v; want %q", in, got, err, want)
		}
	}
	bad := map[string]string{
		"http://127.0.0.1:8090":        "speaks only HTTPS",
		"http://sts.aliyuncs.com":      "clear text",
		"https://sts.aliyuncs.com/sts": "path",
		"ftp://sts.aliyuncs.com":       "scheme",
		"sts.aliyuncs.com/x":           "host[:port]",
	}
	for in, want := range bad {
		if _, err := ParseSTSEndpoint(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want an error mentioning %q", in, err, want)
		}
	}
}

func TestSTSFailureNamesTheSetting(t *testing.T) {
	body := func(code, msg string) error {
		return errors.New(`refresh session token failed: {"RequestId":"R1","HostId":"sts","Code":"` + code + `","Message":"` + msg + `"}`)
	}
	cases := []struct {
		block, code, msg, want string
	}{
		{"assume_role", "EntityNotExist.Role", "The role not exists", "assume_role.role_arn"},
		{"assume_role", "InvalidParameter.RoleArn", "bad", "assume_role.role_arn"},
		{"assume_role", "NoPermission", "The ExternalId does not match", "assume_role.external_id"},
		{"assume_role", "NoPermission", "not trusted", "assume_role.role_arn"},
		{"assume_role", "InvalidParameter.DurationSeconds", "too long", "assume_role.session_expiration"},
		{"assume_role", "InvalidParameter.PolicyGrammar", "bad", "assume_role.policy"},
		{"assume_role", "SignatureDoesNotMatch", "bad", "assume_role"},
		{"assume_role_with_oidc", "AuthenticationFail.OIDCToken.Expired", "expired", "assume_role_with_oidc.oidc_token"},
		{"assume_role_with_oidc", "EntityNotExist.OIDCProvider", "none", "assume_role_with_oidc.oidc_provider_arn"},
		{"profile", "EntityNotExist.Role", "none", "profile"},
	}
	for _, c := range cases {
		err := stsFailure(c.block, body(c.code, c.msg))
		var ce *CredentialError
		var se *STSError
		if !errors.As(err, &ce) || ce.Setting != c.want || !errors.As(err, &se) || se.Code != c.code {
			t.Errorf("%s %s: %v (setting %v), want %s", c.block, c.code, err, ce, c.want)
		}
	}
	err := stsFailure("assume_role", errors.New("dial tcp 127.0.0.1:1: connect: connection refused"))
	var ce *CredentialError
	if !errors.As(err, &ce) || ce.Setting != "assume_role" || !strings.Contains(err.Error(), "connection refused") {
		t.Errorf("transport error: %v", err)
	}
}

func TestTLSConfigTrustsTheLoopbackCAForLoopbackOnly(t *testing.T) {
	for host, loopback := range map[string]bool{"127.0.0.1": true, "::1": true, "localhost": true, "sts.aliyuncs.com": false, "10.0.0.1": false} {
		cfg := tlsConfigFor(host)
		if (cfg.RootCAs != nil && cfg.RootCAs == loopbackPool.Load()) != (loopback && loopbackPool.Load() != nil) {
			t.Errorf("%s: RootCAs %v", host, cfg.RootCAs)
		}
		if !loopback && cfg.RootCAs != nil {
			t.Errorf("%s is not loopback but gets a custom pool", host)
		}
		if cfg.InsecureSkipVerify {
			t.Errorf("%s: verification off", host)
		}
	}
}

// The exchange goes through credentials-go over TLS; until the emulator's
// CA is trusted the certificate is refused.
func TestResolveCredentialAssumeRoleThroughTheEmulator(t *testing.T) {
	srv := emulator.NewServer(emulator.Options{})
	defer srv.Close()
	cc := CredentialConfig{
		AccessKey: emulator.DefaultAccessKeyID, SecretKey: emulator.DefaultAccessKeySecret,
		AssumeRole:  &AssumeRoleConfig{RoleARN: emulator.DefaultRoleARN, SessionName: "unit", SessionExpiration: 900},
		STSEndpoint: srv.TLSURL(),
	}
	if loopbackPool.Load() == nil {
		_, err := ResolveCredential(cc)
		var ce *CredentialError
		if !errors.As(err, &ce) || ce.Setting != "assume_role" || !strings.Contains(err.Error(), "certificate") {
			t.Errorf("untrusted CA: %v", err)
		}
	}
	caPEM, err := emulator.LoopbackCAPEM()
	if err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(f, caPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := TrustLoopbackCA(f); err != nil {
		t.Fatal(err)
	}
	cred, err := ResolveCredential(cc)
	if err != nil {
		t.Fatalf("ResolveCredential: %v", err)
	}
	got, err := cred.GetCredential()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(*got.AccessKeyId, "STS.") || *got.SecurityToken == "" {
		t.Errorf("not a temporary key: %s", *got.AccessKeyId)
	}
	if n := srv.Stats().Actions["AssumeRole"].OK; n != 1 {
		t.Errorf("AssumeRole OK = %d, want 1 (one exchange at resolution, reused after)", n)
	}
	if _, err := cred.GetCredential(); err != nil || srv.Stats().Actions["AssumeRole"].OK != 1 {
		t.Errorf("a fresh credential was exchanged again: %v", err)
	}

	bad := os.WriteFile(f, []byte("not a certificate"), 0o600)
	if bad != nil {
		t.Fatal(bad)
	}
	if err := TrustLoopbackCA(f); err == nil {
		t.Error("a file without certificates was accepted")
	}
}

func TestReadCLIConfigNeverQuotesTheFile(t *testing.T) {
	f := filepath.Join(t.TempDir(), "config.json")
	secret := "VerySecretValue-123"
	if err := os.WriteFile(f, []byte(`{"profiles":[{"name":"p","access_key_secret":"`+secret+`"`), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := readCLIConfig(f)
	var ce *CredentialError
	if !errors.As(err, &ce) || ce.Setting != "shared_credentials_file" {
		t.Fatalf("err = %v", err)
	}
	if strings.Contains(err.Error(), secret) {
		t.Errorf("the error quotes the file: %v", err)
	}
	// Without sts_endpoint a malformed file is still caught before credentials-go sees it.
	_, err = ResolveCredential(CredentialConfig{Profile: "p", SharedCredentialsFile: f})
	if err == nil || strings.Contains(err.Error(), secret) {
		t.Errorf("ResolveCredential: %v", err)
	}
}

func TestLockedProviderStripsRequestURLs(t *testing.T) {
	p, err := providersForTest("127.0.0.1:1")
	if err != nil {
		t.Fatal(err)
	}
	_, err = p.GetCredentials()
	if err == nil || strings.Contains(err.Error(), "Signature=") || strings.Contains(err.Error(), "AccessKeyId=") || !strings.Contains(err.Error(), "127.0.0.1:1") {
		t.Errorf("err = %v", err)
	}
}

func providersForTest(endpoint string) (interface {
	GetCredentials() (*providers.Credentials, error)
}, error) {
	rp, err := providers.NewRAMRoleARNCredentialsProviderBuilder().WithAccessKeyId("AK").WithAccessKeySecret("SK").
		WithRoleArn("acs:ram::1:role/x").WithStsEndpoint(endpoint).Build()
	if err != nil {
		return nil, err
	}
	return lock(rp), nil
}
