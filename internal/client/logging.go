package client

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// sensitiveKeys are field/parameter names whose values must never be
// logged. Credentials are never put into fields in the first place; this
// is a second line of defence should one slip into a parameter map.
var sensitiveKeys = []string{
	"AccessKeySecret", "access_key_secret", "secret_key", "SecretKey",
	"SecurityToken", "security_token", "Signature", "signature",
	"Authorization", "authorization", "OIDCToken", "oidc_token", "BearerToken",
	"Password", "password", "Ticket",
}

func withLogMasks(ctx context.Context) context.Context {
	return tflog.MaskFieldValuesWithFieldKeys(ctx, sensitiveKeys...)
}

// MaskCredentialStrings returns a ctx whose tflog output has the given
// secret values (secret key, security token, OIDC token…) replaced, wherever
// they appear. Every call applies it to Config.SensitiveStrings.
func MaskCredentialStrings(ctx context.Context, secrets ...string) context.Context {
	var s []string
	for _, v := range secrets {
		if len(v) >= 4 {
			s = append(s, v)
		}
	}
	if len(s) == 0 {
		return ctx
	}
	ctx = tflog.MaskMessageStrings(ctx, s...)
	return tflog.MaskAllFieldValuesStrings(ctx, s...)
}

func isSensitive(key string) bool {
	last := key
	if i := strings.LastIndex(key, "."); i >= 0 {
		last = key[i+1:]
	}
	for _, k := range sensitiveKeys {
		if strings.EqualFold(last, k) {
			return true
		}
	}
	return false
}

func maskParams(p map[string]any) map[string]any {
	out := make(map[string]any, len(p))
	for k, v := range p {
		if isSensitive(k) {
			out[k] = "***"
			continue
		}
		out[k] = v
	}
	return out
}

func logDebug(ctx context.Context, msg string, f map[string]any) { tflog.Debug(ctx, msg, f) }
func logTrace(ctx context.Context, msg string, f map[string]any) { tflog.Trace(ctx, msg, f) }
