package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
)

// stsConfigFile is the --sts-config file: the roles and OIDC providers STS
// knows. Given, it replaces the defaults (emulator.DefaultRoleARN and
// emulator.DefaultOIDCProviderARN).
type stsConfigFile struct {
	Roles         []emulator.Role         `json:"roles"`
	OIDCProviders []emulator.OIDCProvider `json:"oidc_providers"`
}

func loadSTSConfig(path string, opts *emulator.Options) error {
	if path == "" {
		return nil
	}
	b, err := os.ReadFile(filepath.Clean(path))
	if err != nil {
		return fmt.Errorf("--sts-config: %w", err)
	}
	var c stsConfigFile
	if err := json.Unmarshal(b, &c); err != nil {
		return fmt.Errorf("--sts-config %s: %w", path, err)
	}
	opts.Roles = append([]emulator.Role{}, c.Roles...)
	opts.OIDCProviders = append([]emulator.OIDCProvider{}, c.OIDCProviders...)
	// Validate through the same rules as the Go and admin APIs.
	probe := emulator.New(emulator.Options{Roles: []emulator.Role{}, OIDCProviders: []emulator.OIDCProvider{}})
	for _, r := range c.Roles {
		if err := probe.PutRole(r); err != nil {
			return fmt.Errorf("--sts-config %s: %w", path, err)
		}
	}
	for _, p := range c.OIDCProviders {
		if err := probe.PutOIDCProvider(p); err != nil {
			return fmt.Errorf("--sts-config %s: %w", path, err)
		}
	}
	return nil
}
