package acctest

import "strings"

// ConfigSkipCredentialCheck is Config with skip_credentials_validation = true
// in the provider block. The provider otherwise makes one ListRegions call
// per provider process and settings to check the credentials; tests that
// count ListRegions calls use this so the counts cover only what they measure.
func (e *Env) ConfigSkipCredentialCheck(body string) string {
	pc := e.ProviderConfig()
	return strings.Replace(pc, "{", "{\n  skip_credentials_validation = true", 1) + body
}
