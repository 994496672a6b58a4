package provider_test

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/acctest"
	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
)

// Each way of getting credentials, end to end through the terraform CLI:
// the provider exchanges them with the emulator's STS (over TLS, through
// aliyun/credentials-go), the App Streaming calls are signed with the
// temporary key, and the TRACE log holds neither the base secret, the OIDC
// token, the temporary secret and token, nor any request signature.

const (
	stsTestKeyID  = "STS.DirectTokenKey0000001"
	stsTestSecret = "DirectTokenSecret-9b8c7d6e5f"
	stsTestToken  = "CAISDirectSecurityToken-1a2b3c4d5e6f7a8b"
	partnerRole   = "acs:ram::" + emulator.AccountID + ":role/partner"
	externalID    = "acme-tfc-7781"
	sessionPolicy = `{"Version":"1","Statement":[{"Effect":"Allow","Action":"appstream-center:*","Resource":"*"}]}`
)

// credentialCase is one path. setup prepares files and environment and
// returns the provider block body and the secrets that must not be logged.
type credentialCase struct {
	name string
	// viaSTS: which STS action the path uses ("" for none).
	viaSTS string
	setup  func(t *testing.T, env *acctest.STSEnv) (body string, secrets map[string]string)
}

func stsEmulatorOptions() emulator.Options {
	return emulator.Options{
		Credentials: []emulator.Credential{
			{AccessKeyID: emulator.DefaultAccessKeyID, AccessKeySecret: emulator.DefaultAccessKeySecret},
			{AccessKeyID: stsTestKeyID, AccessKeySecret: stsTestSecret, SecurityToken: stsTestToken},
		},
		Roles: []emulator.Role{
			{ARN: emulator.DefaultRoleARN, MaxSessionDuration: 43200, TrustedOIDCProviders: []string{emulator.DefaultOIDCProviderARN}},
			{ARN: partnerRole, ExternalID: externalID},
		},
		OIDCProviders: []emulator.OIDCProvider{{ARN: emulator.DefaultOIDCProviderARN, IssuerURL: emulator.DefaultOIDCIssuer}},
	}
}

// clearCredentialEnv keeps the developer's own settings out of the tests.
func clearCredentialEnv(t *testing.T) {
	for _, k := range []string{"ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_SECURITY_TOKEN",
		"ALICLOUD_ACCESS_KEY", "ALICLOUD_SECRET_KEY", "ALICLOUD_SECURITY_TOKEN", "ALIBABA_CLOUD_PROFILE", "ALICLOUD_PROFILE",
		"ALIBABA_CLOUD_CONFIG_FILE", "ALICLOUD_SHARED_CREDENTIALS_FILE", "TFC_WORKLOAD_IDENTITY_TOKEN",
		"ALIBABA_CLOUD_OIDC_TOKEN_FILE", "ALIBABA_CLOUD_OIDC_TOKEN", "ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "ALIBABA_CLOUD_ROLE_ARN",
		"ALIBABA_CLOUD_STS_ENDPOINT", "ALIBABA_CLOUD_ROLE_SESSION_NAME", "APPSTREAMING_ENDPOINT"} {
		t.Setenv(k, "")
	}
}

func credentialCases() []credentialCase {
	baseSecret := map[string]string{"base secret": emulator.DefaultAccessKeySecret}
	return []credentialCase{
		{name: "static key", setup: func(t *testing.T, env *acctest.STSEnv) (string, map[string]string) {
			t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", emulator.DefaultAccessKeySecret)
			return fmt.Sprintf("access_key = %q\n", emulator.DefaultAccessKeyID), baseSecret
		}},
		{name: "STS token given directly", setup: func(t *testing.T, env *acctest.STSEnv) (string, map[string]string) {
			t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", stsTestKeyID)
			t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", stsTestSecret)
			t.Setenv("ALIBABA_CLOUD_SECURITY_TOKEN", stsTestToken)
			return "", map[string]string{"secret": stsTestSecret, "security token": stsTestToken}
		}},
		{name: "assume_role with external_id and policy", viaSTS: "AssumeRole", setup: func(t *testing.T, env *acctest.STSEnv) (string, map[string]string) {
			t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", emulator.DefaultAccessKeySecret)
			return fmt.Sprintf(`access_key   = %q
sts_endpoint = %q
assume_role {
  role_arn     = %q
  session_name = "tf-acc"
  external_id  = %q
  policy       = jsonencode(%s)
}
`, emulator.DefaultAccessKeyID, env.STSURL, partnerRole, externalID, sessionPolicy), baseSecret
		}},
		{name: "assume_role_with_oidc token inline", viaSTS: "AssumeRoleWithOIDC", setup: func(t *testing.T, env *acctest.STSEnv) (string, map[string]string) {
			tok := acctest.OIDCToken(env.Emulator.Now(), time.Hour)
			// A workspace variable, as on Terraform Cloud; the harness logs
			// the configuration text, which holds only var.oidc_token.
			t.Setenv("TF_VAR_oidc_token", tok)
			return fmt.Sprintf(`sts_endpoint = %q
assume_role_with_oidc {
  oidc_provider_arn = %q
  role_arn          = %q
  oidc_token        = var.oidc_token
}
`, env.STSURL, emulator.DefaultOIDCProviderARN, emulator.DefaultRoleARN), oidcSecrets(tok)
		}},
		{name: "assume_role_with_oidc from oidc_token_file", viaSTS: "AssumeRoleWithOIDC", setup: func(t *testing.T, env *acctest.STSEnv) (string, map[string]string) {
			tok := acctest.OIDCToken(env.Emulator.Now(), time.Hour)
			f := filepath.Join(t.TempDir(), "token.jwt")
			if err := os.WriteFile(f, []byte(tok), 0o600); err != nil {
				t.Fatal(err)
			}
			t.Setenv("ALIBABA_CLOUD_STS_ENDPOINT", env.STSURL)
			return fmt.Sprintf(`assume_role_with_oidc {
  oidc_provider_arn = %q
  role_arn          = %q
  oidc_token_file   = %q
  session_name      = "tfc-file"
}
`, emulator.DefaultOIDCProviderARN, emulator.DefaultRoleARN, f), oidcSecrets(tok)
		}},
		{name: "assume_role_with_oidc from TFC_WORKLOAD_IDENTITY_TOKEN", viaSTS: "AssumeRoleWithOIDC", setup: func(t *testing.T, env *acctest.STSEnv) (string, map[string]string) {
			tok := acctest.OIDCToken(env.Emulator.Now(), time.Hour)
			// Exactly the workspace's environment variables (see docs/index.md).
			t.Setenv("TFC_WORKLOAD_IDENTITY_TOKEN", tok)
			t.Setenv("ALIBABA_CLOUD_ROLE_ARN", emulator.DefaultRoleARN)
			t.Setenv("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", emulator.DefaultOIDCProviderARN)
			t.Setenv("ALIBABA_CLOUD_STS_ENDPOINT", env.STSURL)
			return "assume_role_with_oidc {}\n", oidcSecrets(tok)
		}},
		{name: "CLI profile in RamRoleArn mode", viaSTS: "AssumeRole", setup: func(t *testing.T, env *acctest.STSEnv) (string, map[string]string) {
			f := writeProfile(t, fmt.Sprintf(`{"name":"tfc","mode":"RamRoleArn","access_key_id":%q,"access_key_secret":%q,
 "ram_role_arn":%q,"ram_session_name":"tf-profile","expired_seconds":900}`,
				emulator.DefaultAccessKeyID, emulator.DefaultAccessKeySecret, emulator.DefaultRoleARN))
			return fmt.Sprintf("profile = \"tfc\"\nshared_credentials_file = %q\nsts_endpoint = %q\n", f, env.STSURL), baseSecret
		}},
		{name: "CLI profile in OIDC mode", viaSTS: "AssumeRoleWithOIDC", setup: func(t *testing.T, env *acctest.STSEnv) (string, map[string]string) {
			tok := acctest.OIDCToken(env.Emulator.Now(), time.Hour)
			tf := filepath.Join(t.TempDir(), "token.jwt")
			if err := os.WriteFile(tf, []byte(tok), 0o600); err != nil {
				t.Fatal(err)
			}
			f := writeProfile(t, fmt.Sprintf(`{"name":"tfc","mode":"OIDC","oidc_provider_arn":%q,"ram_role_arn":%q,
 "oidc_token_file":%q,"ram_session_name":"tf-profile-oidc"}`, emulator.DefaultOIDCProviderARN, emulator.DefaultRoleARN, tf))
			return fmt.Sprintf("profile = \"tfc\"\nshared_credentials_file = %q\nsts_endpoint = %q\n", f, env.STSURL), oidcSecrets(tok)
		}},
	}
}

func oidcSecrets(tok string) map[string]string {
	return map[string]string{"OIDC token": tok, "OIDC token signature": tok[strings.LastIndex(tok, ".")+1:]}
}

func writeProfile(t *testing.T, profiles ...string) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "config.json")
	body := `{"current":"tfc","profiles":[` + strings.Join(profiles, ",") + `]}`
	if err := os.WriteFile(f, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return f
}

func providerBlock(env *acctest.STSEnv, body string) string {
	return fmt.Sprintf(`
variable "oidc_token" {
  type      = string
  sensitive = true
  default   = null
}
provider "appstreaming" {
  endpoint = %q
  region   = "cn-shanghai"
%s}
`, env.URL, body)
}

func TestAccProviderCredentials_everyPath(t *testing.T) {
	for _, tc := range credentialCases() {
		t.Run(tc.name, func(t *testing.T) {
			clearCredentialEnv(t)
			env := acctest.NewSTSEnv(t, stsEmulatorOptions())
			body, secrets := tc.setup(t, env)
			logPath := filepath.Join(t.TempDir(), "trace.log")
			t.Setenv("TF_LOG", "TRACE")
			t.Setenv("TF_ACC_LOG_PATH", logPath)

			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: providerBlock(env, body) + `data "appstreaming_regions" "all" {}` + "\n",
					Check:  resource.TestCheckResourceAttrSet("data.appstreaming_regions.all", "regions.#"),
				}},
			})

			emu := env.Emulator
			stats := emu.Stats()
			if tc.viaSTS != "" {
				if s := stats.Actions[tc.viaSTS]; s.OK < 1 || s.Errors != 0 {
					t.Errorf("%s: %+v, want at least one success and no error", tc.viaSTS, s)
				}
			} else if n := stats.Actions["AssumeRole"].Calls + stats.Actions["AssumeRoleWithOIDC"].Calls; n != 0 {
				t.Errorf("%d STS calls on a path without STS", n)
			}
			if env.AppStreamingCalls() == 0 {
				t.Fatal("no App Streaming call reached the emulator")
			}
			issued := map[string]emulator.IssuedCredential{}
			for _, c := range emu.IssuedCredentials() {
				issued[c.AccessKeyID] = c
				secrets["temporary secret "+c.AccessKeyID] = c.AccessKeySecret
				secrets["temporary token "+c.AccessKeyID] = c.SecurityToken
			}
			// Which keys signed the App Streaming calls.
			for key, n := range emu.KeyCalls() {
				c, fromSTS := issued[key]
				switch {
				case tc.viaSTS != "" && !fromSTS:
					t.Errorf("%d App Streaming calls signed with %s, not with a temporary key from STS", n, key)
				case tc.viaSTS != "" && c.Via != tc.viaSTS:
					t.Errorf("key %s came from %s, want %s", key, c.Via, tc.viaSTS)
				case tc.viaSTS == "" && fromSTS:
					t.Errorf("calls signed with an STS-issued key %s on a path without STS", key)
				}
			}
			if tc.name == "assume_role with external_id and policy" {
				for _, c := range issued {
					if c.RoleARN != partnerRole || c.SessionName != "tf-acc" || !strings.Contains(c.Policy, "appstream-center:*") {
						t.Errorf("issued credential %+v: want role %s, session tf-acc and the session policy", c, partnerRole)
					}
				}
			}
			checkTraceLog(t, logPath, secrets, env.Signatures())
		})
	}
}

// checkTraceLog fails the test when the TRACE log records no API call (it
// would prove nothing) or holds a secret or a signature.
func checkTraceLog(t *testing.T, logPath string, secrets map[string]string, signatures []string) {
	t.Helper()
	raw, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatalf("reading the trace log: %v", err)
	}
	log := string(raw)
	if !strings.Contains(log, "ListRegions") {
		t.Fatalf("the trace log (%d bytes) does not record the provider's API calls; the check would prove nothing", len(raw))
	}
	if len(signatures) == 0 {
		t.Fatal("no signed request reached the emulator")
	}
	for _, leak := range acctest.Leaks(log, secrets, signatures) {
		t.Errorf("the trace log contains the %s", leak)
	}
	t.Logf("trace log: %d bytes; %d secrets and %d signatures checked", len(raw), len(secrets), len(signatures))
}

// The leak check itself must be able to fail: a real TRACE log with a
// secret, a token and a signature planted in the forms a log line would
// carry them in is caught, and the untouched log is clean.
func TestAccProviderTraceLogCheckCatchesALoggedSecret(t *testing.T) {
	clearCredentialEnv(t)
	env := acctest.NewSTSEnv(t, stsEmulatorOptions())
	logPath := filepath.Join(t.TempDir(), "trace.log")
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_ACC_LOG_PATH", logPath)
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", emulator.DefaultAccessKeySecret)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{Config: providerBlock(env, fmt.Sprintf(`access_key = %q
sts_endpoint = %q
assume_role {
  role_arn = %q
}
`, emulator.DefaultAccessKeyID, env.STSURL, emulator.DefaultRoleARN)) + `data "appstreaming_regions" "all" {}` + "\n"}},
	})
	raw, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	issued := env.Emulator.IssuedCredentials()
	if len(issued) == 0 {
		t.Fatal("no credential issued")
	}
	tmp := issued[0]
	secrets := map[string]string{"base secret": emulator.DefaultAccessKeySecret, "temporary secret": tmp.AccessKeySecret, "temporary token": tmp.SecurityToken}
	sigs := env.Signatures()
	if leaks := acctest.Leaks(string(raw), secrets, sigs); len(leaks) != 0 {
		t.Fatalf("the untouched log already leaks: %v", leaks)
	}
	plants := map[string]string{
		"base secret":      `[DEBUG] provider: secret=` + emulator.DefaultAccessKeySecret,
		"temporary token":  `{"@message":"sending","SecurityToken":"` + tmp.SecurityToken + `"}`,
		"temporary secret": `POST /?AccessKeySecret=` + url.QueryEscape(tmp.AccessKeySecret) + `&x=1`,
		"signature":        `GET /?Signature=` + strings.NewReplacer("+", "%2B", "/", "%2F", "=", "%3D").Replace(sigs[0]),
	}
	for name, line := range plants {
		log := string(raw[:len(raw)/2]) + line + "\n" + string(raw[len(raw)/2:])
		leaks := acctest.Leaks(log, secrets, sigs)
		if len(leaks) == 0 {
			t.Errorf("a %s planted in the log was not found", name)
		}
	}
}

// A token that lapses during an apply is refreshed by credentials-go and
// the apply finishes without an error. The emulator's clock runs 718 s
// behind real time, so a 900 s credential it issues has 182 s left on the
// provider's (real) clock: credentials-go's 180 s refresh margin is reached
// two seconds after each exchange, while the delivery group deploys for 6 s.
func TestAccProviderCredentials_refreshedDuringLongApply(t *testing.T) {
	for _, via := range []string{"AssumeRole", "AssumeRoleWithOIDC"} {
		t.Run(via, func(t *testing.T) {
			clearCredentialEnv(t)
			opts := stsEmulatorOptions()
			opts.DeployDuration = 6 * time.Second
			env := acctest.NewSTSEnv(t, opts)
			env.Emulator.SetTime(time.Now().Add(-718 * time.Second))
			var body string
			if via == "AssumeRole" {
				t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", emulator.DefaultAccessKeySecret)
				body = fmt.Sprintf(`access_key = %q
sts_endpoint = %q
assume_role {
  role_arn           = %q
  session_expiration = 900
}
`, emulator.DefaultAccessKeyID, env.STSURL, emulator.DefaultRoleARN)
			} else {
				t.Setenv("TFC_WORKLOAD_IDENTITY_TOKEN", acctest.OIDCToken(env.Emulator.Now(), time.Hour))
				body = fmt.Sprintf(`sts_endpoint = %q
assume_role_with_oidc {
  oidc_provider_arn  = %q
  role_arn           = %q
  session_expiration = 900
}
`, env.STSURL, emulator.DefaultOIDCProviderARN, emulator.DefaultRoleARN)
			}
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: providerBlock(env, body) + `
resource "appstreaming_delivery_group" "long" {
  name        = "tf-acc-long-run"
  image_id    = "img-win2019-office"
  charge_type = "PostPaid"
  node_pool = {
    instance_type = "appstreaming.general.4c8g"
    amount        = 1
    capacity      = 1
  }
}
`,
					Check: resource.ComposeAggregateTestCheckFunc(
						resource.TestCheckResourceAttr("appstreaming_delivery_group.long", "status", "PUBLISHED"),
						// Runs right after the apply command, before any later refresh.
						func(*terraform.State) error { return checkRefreshedWithinApply(t, env, via) },
					),
				}},
			})
		})
	}
}

// checkRefreshedWithinApply: from CreateAppInstanceGroup on, every App
// Streaming call so far was made by the one provider process of the apply;
// its calls must be signed by at least two temporary keys (a refresh
// happened inside it), with no failed call and more than one exchange.
func checkRefreshedWithinApply(t *testing.T, env *acctest.STSEnv, via string) error {
	st := env.Emulator.Stats()
	for a, s := range st.Actions {
		if s.Errors != 0 {
			return fmt.Errorf("%d %s calls failed during the apply: %+v", s.Errors, a, st.Actions)
		}
	}
	if s := st.Actions[via]; s.OK < 2 {
		return fmt.Errorf("%s: %+v; want a second exchange", via, s)
	}
	issued := map[string]bool{}
	for _, c := range env.Emulator.IssuedCredentials() {
		issued[c.AccessKeyID] = true
	}
	uses := env.Emulator.KeyUses()
	start := -1
	for i, u := range uses {
		if u.Action == "CreateAppInstanceGroup" {
			start = i
		}
	}
	if start < 0 {
		return fmt.Errorf("no CreateAppInstanceGroup among %d calls", len(uses))
	}
	keys := map[string]int{}
	for _, u := range uses[start:] {
		if !issued[u.AccessKeyID] {
			return fmt.Errorf("%s signed with %s, not a temporary key", u.Action, u.AccessKeyID)
		}
		keys[u.AccessKeyID]++
	}
	if len(keys) < 2 {
		return fmt.Errorf("the apply's %d calls were signed with %d temporary key(s); want the refreshed one in use too", len(uses)-start, len(keys))
	}
	t.Logf("%s long apply: %d exchanges so far, the apply's %d App Streaming calls signed by %d temporary keys",
		via, st.Actions[via].OK, len(uses)-start, len(keys))
	return nil
}

// Bad credential settings fail at provider configuration, on the setting,
// before any App Streaming call.
func TestAccProviderCredentials_badInput(t *testing.T) {
	type badCase struct {
		name  string
		setup func(t *testing.T, env *acctest.STSEnv) string
		want  string
	}
	cases := []badCase{
		{"unknown role ARN", func(t *testing.T, env *acctest.STSEnv) string {
			t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", emulator.DefaultAccessKeySecret)
			return fmt.Sprintf("access_key = %q\nsts_endpoint = %q\nassume_role {\n  role_arn = \"acs:ram::%s:role/missing\"\n}\n",
				emulator.DefaultAccessKeyID, env.STSURL, emulator.AccountID)
		}, `EntityNotExist\.Role[\s\S]*assume_role\.role_arn`},
		{"malformed role ARN", func(t *testing.T, env *acctest.STSEnv) string {
			t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", emulator.DefaultAccessKeySecret)
			return fmt.Sprintf("access_key = %q\nsts_endpoint = %q\nassume_role {\n  role_arn = \"terraform\"\n}\n",
				emulator.DefaultAccessKeyID, env.STSURL)
		}, `InvalidParameter\.RoleArn[\s\S]*assume_role\.role_arn`},
		{"external_id not matching the trust policy", func(t *testing.T, env *acctest.STSEnv) string {
			t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", emulator.DefaultAccessKeySecret)
			return fmt.Sprintf("access_key = %q\nsts_endpoint = %q\nassume_role {\n  role_arn = %q\n  external_id = \"wrong-id\"\n}\n",
				emulator.DefaultAccessKeyID, env.STSURL, partnerRole)
		}, `NoPermission[\s\S]*assume_role\.external_id`},
		{"expired OIDC token", func(t *testing.T, env *acctest.STSEnv) string {
			t.Setenv("TFC_WORKLOAD_IDENTITY_TOKEN", acctest.OIDCToken(env.Emulator.Now().Add(-2*time.Hour), time.Hour))
			return fmt.Sprintf("sts_endpoint = %q\nassume_role_with_oidc {\n  oidc_provider_arn = %q\n  role_arn = %q\n}\n",
				env.STSURL, emulator.DefaultOIDCProviderARN, emulator.DefaultRoleARN)
		}, `AuthenticationFail\.OIDCToken\.Expired[\s\S]*assume_role_with_oidc\.oidc_token`},
		{"malformed OIDC token", func(t *testing.T, env *acctest.STSEnv) string {
			t.Setenv("TFC_WORKLOAD_IDENTITY_TOKEN", "this-is-not-a-jwt")
			return fmt.Sprintf("sts_endpoint = %q\nassume_role_with_oidc {\n  oidc_provider_arn = %q\n  role_arn = %q\n}\n",
				env.STSURL, emulator.DefaultOIDCProviderARN, emulator.DefaultRoleARN)
		}, `AuthenticationFail\.OIDCToken\.Invalid[\s\S]*assume_role_with_oidc\.oidc_token`},
		{"missing OIDC token file", func(t *testing.T, env *acctest.STSEnv) string {
			return fmt.Sprintf("sts_endpoint = %q\nassume_role_with_oidc {\n  oidc_provider_arn = %q\n  role_arn = %q\n  oidc_token_file = %q\n}\n",
				env.STSURL, emulator.DefaultOIDCProviderARN, emulator.DefaultRoleARN, filepath.Join(t.TempDir(), "absent.jwt"))
		}, `assume_role_with_oidc\.oidc_token_file[\s\S]*no such file`},
		{"unreadable profile file", func(t *testing.T, env *acctest.STSEnv) string {
			f := filepath.Join(t.TempDir(), "config.json")
			if err := os.WriteFile(f, []byte(`{"profiles":[{"name":"tfc","access_key_secret":"`+emulator.DefaultAccessKeySecret+`"`), 0o600); err != nil {
				t.Fatal(err)
			}
			return fmt.Sprintf("profile = \"tfc\"\nshared_credentials_file = %q\nsts_endpoint = %q\n", f, env.STSURL)
		}, `shared_credentials_file[\s\S]*not valid JSON`},
		{"profile not in the file", func(t *testing.T, env *acctest.STSEnv) string {
			f := writeProfile(t, `{"name":"other","mode":"AK","access_key_id":"a","access_key_secret":"b"}`)
			return fmt.Sprintf("profile = \"tfc\"\nshared_credentials_file = %q\nsts_endpoint = %q\n", f, env.STSURL)
		}, `(?i)profile[\s\S]*"tfc"`},
		{"plain-HTTP sts_endpoint", func(t *testing.T, env *acctest.STSEnv) string {
			t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", emulator.DefaultAccessKeySecret)
			return fmt.Sprintf("access_key = %q\nsts_endpoint = %q\nassume_role {\n  role_arn = %q\n}\n",
				emulator.DefaultAccessKeyID, env.URL, emulator.DefaultRoleARN)
		}, `sts_endpoint[\s\S]*speaks only HTTPS`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			clearCredentialEnv(t)
			env := acctest.NewSTSEnv(t, stsEmulatorOptions())
			body := tc.setup(t, env)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      providerBlock(env, body) + `data "appstreaming_regions" "all" {}` + "\n",
					ExpectError: regexp.MustCompile(tc.want),
				}},
			})
			if n := env.AppStreamingCalls(); n != 0 {
				t.Errorf("%d App Streaming calls after a credential failure, want 0", n)
			}
		})
	}
}
