package provider

import (
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/client"
)

// credentialDiagnostic reports a credential failure on the attribute it is
// about, saying where the value came from when that was the environment.
func credentialDiagnostic(ce *client.CredentialError, cc client.CredentialConfig) diag.Diagnostic {
	setting := ce.Setting
	// A token read from a file is blamed on the file setting.
	if o := cc.AssumeRoleWithOIDC; o != nil && setting == "assume_role_with_oidc.oidc_token" && o.OIDCToken == "" {
		setting = "assume_role_with_oidc.oidc_token_file"
	}
	steps := strings.Split(setting, ".")
	p := path.Root(steps[0])
	for _, s := range steps[1:] {
		p = p.AtName(s)
	}
	summary := "Cannot get App Streaming credentials (" + setting + ")"
	detail := ce.Err.Error()
	var se *client.STSError
	if errors.As(ce.Err, &se) {
		summary = fmt.Sprintf("STS refused the credentials exchange: %s", se.Code)
		detail = fmt.Sprintf("STS answered %s: %s\n\nCheck %s", se.Code, se.Message, setting)
		if strings.HasPrefix(setting, "assume_role_with_oidc") {
			detail += " (the value may come from ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN, " +
				"TFC_WORKLOAD_IDENTITY_TOKEN or ALIBABA_CLOUD_OIDC_TOKEN_FILE)"
		}
		detail += ", and the role's trust policy in RAM."
	}
	return diag.NewAttributeErrorDiagnostic(p, summary, detail)
}
