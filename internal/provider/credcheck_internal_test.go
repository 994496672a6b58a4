package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestSkipCredentialsValidationFromConfigOrEnvironment(t *testing.T) {
	on := envOf(map[string]string{"APPSTREAMING_SKIP_CREDENTIALS_VALIDATION": "true"})
	off := envOf(map[string]string{})
	for _, tc := range []struct {
		name string
		cfg  types.Bool
		env  envFunc
		want bool
	}{
		{"default", types.BoolNull(), off, false},
		{"environment", types.BoolNull(), on, true},
		{"config wins over environment", types.BoolValue(false), on, false},
		{"config", types.BoolValue(true), off, true},
	} {
		if got := skipCredentialsValidation(providerModel{SkipCredsValidation: tc.cfg}, tc.env); got != tc.want {
			t.Errorf("%s: skip = %v, want %v", tc.name, got, tc.want)
		}
	}
}
