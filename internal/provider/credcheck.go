package provider

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
)

// envSkipCredentialsValidation turns the Configure-time credential check off.
var envSkipCredentialsValidation = []string{"APPSTREAMING_SKIP_CREDENTIALS_VALIDATION"}

// validatedCredentials remembers, per provider process, the settings whose
// credentials were accepted, so a process that configures the provider several
// times (tests serve it in-process) pays for the check once per set of settings.
var validatedCredentials sync.Map

func credentialKey(s settings) string {
	h := sha256.New()
	for _, v := range []string{s.client.Endpoint, s.client.RegionID, s.credentials.AccessKey, s.credentials.SecretKey,
		s.credentials.SecurityToken, s.credentials.Profile, s.credentials.SharedCredentialsFile} {
		h.Write([]byte(v))
		h.Write([]byte{0})
	}
	if ar := s.credentials.AssumeRole; ar != nil {
		h.Write([]byte("role:" + ar.RoleARN))
	}
	if o := s.credentials.AssumeRoleWithOIDC; o != nil {
		h.Write([]byte("oidc:" + o.RoleARN + o.OIDCProviderARN))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// validateCredentials makes one cheap call (ListRegions) so that wrong
// credentials fail when the provider is configured, at plan, with a hint,
// instead of at the first resource call during apply. An answer that proves
// the request was authenticated (success, or a permission error) passes.
func validateCredentials(ctx context.Context, c *client.Client, s settings) diag.Diagnostics {
	var diags diag.Diagnostics
	key := credentialKey(s)
	if _, ok := validatedCredentials.Load(key); ok {
		return diags
	}
	_, err := c.ListRegions(ctx, "", "")
	if err == nil || isPermissionError(client.ErrorCode(err)) {
		validatedCredentials.Store(key, true)
		return diags
	}
	tflog.Debug(ctx, "credential check failed", map[string]any{"error": err.Error()})
	summary, hint := credentialHint(client.ErrorCode(err), s)
	diags.AddError(summary, fmt.Sprintf("%s\n\nThe provider checks the credentials with one "+
		"ListRegions call when it is configured; it answered: %s\n\nTo skip this check (e.g. for an endpoint without "+
		"ListRegions), set skip_credentials_validation = true or APPSTREAMING_SKIP_CREDENTIALS_VALIDATION=true.", hint, err))
	return diags
}

func isPermissionError(code string) bool {
	return strings.HasPrefix(code, "Forbidden") || strings.HasPrefix(code, "NoPermission")
}

// credentialHint says what to fix for the error codes the gateway uses for
// authentication failures.
func credentialHint(code string, s settings) (summary, hint string) {
	where := "the provider block, the environment or the profile"
	if s.credentials.AccessKey != "" {
		where = "access_key / ALIBABA_CLOUD_ACCESS_KEY_ID"
	}
	switch {
	case code == "SignatureDoesNotMatch":
		return "Invalid App Streaming credentials: the secret does not match the access key",
			"The access key ID was found, but requests signed with the secret are refused: check secret_key / " +
				"ALIBABA_CLOUD_ACCESS_KEY_SECRET (a copy-paste with a missing or extra character is the usual cause)."
	case code == "InvalidAccessKeyId.NotFound" || code == "InvalidAccessKeyId":
		return "Invalid App Streaming credentials: unknown access key ID",
			"The access key ID is not known to the service: check " + where + ". It may have been deleted or disabled in RAM."
	case code == "InvalidAccessKeyId.Inactive":
		return "Invalid App Streaming credentials: the access key is disabled",
			"Enable the access key in the RAM console or use another one (" + where + ")."
	case strings.HasPrefix(code, "InvalidSecurityToken"):
		return "Invalid App Streaming credentials: bad security token",
			"The STS security token is missing, expired or does not belong to the access key: check security_token / " +
				"ALIBABA_CLOUD_SECURITY_TOKEN, or get new temporary credentials."
	case strings.HasPrefix(code, "InvalidTimeStamp"):
		return "App Streaming refused the request time",
			"The request's timestamp was refused: check that this machine's clock is correct."
	}
	return "Cannot check the App Streaming credentials",
		"Check the endpoint, the network and the credentials (" + where + ")."
}
