package client

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aliyun/credentials-go/credentials/providers"
)

// The STS side of credential resolution. The exchange itself is always
// done by aliyun/credentials-go; this file only points it at an endpoint,
// serialises its refreshes and turns its errors into diagnostics.

// CredentialError is a credential problem blamed on one provider setting,
// e.g. "assume_role.role_arn" or "shared_credentials_file".
type CredentialError struct {
	Setting string
	Err     error
}

func (e *CredentialError) Error() string { return e.Setting + ": " + e.Err.Error() }
func (e *CredentialError) Unwrap() error { return e.Err }

// STSError is an STS answer other than 200, as credentials-go reports it.
type STSError struct {
	Code    string
	Message string
}

func (e *STSError) Error() string { return "STS answered " + e.Code + ": " + e.Message }

// ParseSTSEndpoint turns sts_endpoint into the host[:port] credentials-go
// takes ("" keeps its default, sts.aliyuncs.com). credentials-go always
// speaks HTTPS to STS, so http:// is refused rather than silently upgraded.
func ParseSTSEndpoint(ep string) (string, error) {
	ep = strings.TrimSpace(ep)
	if ep == "" {
		return "", nil
	}
	if !strings.Contains(ep, "://") {
		if strings.ContainsAny(ep, "/?#") {
			return "", fmt.Errorf("invalid sts_endpoint %q: expected host[:port] or https://host[:port]", ep)
		}
		return ep, nil
	}
	u, err := url.Parse(ep)
	if err != nil {
		return "", fmt.Errorf("invalid sts_endpoint %q: %w", ep, err)
	}
	if u.Host == "" {
		return "", fmt.Errorf("invalid sts_endpoint %q: missing host", ep)
	}
	if u.Path != "" && u.Path != "/" {
		return "", fmt.Errorf("invalid sts_endpoint %q: a path is not supported (STS RPC calls POST to /)", ep)
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
		return u.Host, nil
	case "http":
		if isLoopbackHost(u.Hostname()) {
			return "", fmt.Errorf("invalid sts_endpoint %q: the STS client (aliyun/credentials-go) speaks only HTTPS; "+
				"use https://%s — the App Streaming emulator answers TLS on the same port, trusted through "+
				"APPSTREAMING_LOOPBACK_CA_FILE", ep, u.Host)
		}
		return "", fmt.Errorf("invalid sts_endpoint %q: plain http:// would send signed requests and credentials in clear text; use https://%s", ep, u.Host)
	default:
		return "", fmt.Errorf("invalid sts_endpoint %q: unsupported scheme %q (use https://)", ep, u.Scheme)
	}
}

// stsFailure turns a failed first exchange into a CredentialError on the
// setting the STS error code points at.
func stsFailure(block string, err error) error {
	msg := err.Error()
	i := strings.Index(msg, "{")
	var body struct{ Code, Message string }
	if i < 0 || json.Unmarshal([]byte(msg[i:]), &body) != nil || body.Code == "" {
		return &CredentialError{Setting: block, Err: fmt.Errorf("getting temporary credentials from STS failed: %s", withoutQuery(err))}
	}
	se := &STSError{Code: body.Code, Message: body.Message}
	return &CredentialError{Setting: stsSetting(block, se), Err: se}
}

// withoutQuery drops the query string of the request URL that net/http
// puts in transport errors: for STS it carries the access key ID, the
// signature and, for AssumeRoleWithOIDC, nothing else secret — but a
// signature must never reach a diagnostic or a log.
func withoutQuery(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		u := ue.URL
		if i := strings.IndexAny(u, "?#"); i >= 0 {
			u = u[:i]
		}
		return ue.Op + " " + u + ": " + ue.Err.Error()
	}
	return queryPattern.ReplaceAllString(err.Error(), "?…")
}

var queryPattern = regexp.MustCompile(`\?[^\s"]*`)

func stsSetting(block string, se *STSError) string {
	if block == "profile" {
		return block
	}
	c := se.Code
	switch {
	case strings.Contains(c, "OIDCToken"):
		return block + ".oidc_token"
	case strings.Contains(c, "OIDCProvider"):
		return block + ".oidc_provider_arn"
	case strings.Contains(c, "DurationSeconds"):
		return block + ".session_expiration"
	case strings.Contains(c, "Policy"):
		return block + ".policy"
	case strings.Contains(c, "RoleSessionName"):
		return block + ".session_name"
	case strings.Contains(c, "ExternalId"), c == "NoPermission" && strings.Contains(se.Message, "ExternalId"):
		return block + ".external_id"
	case strings.Contains(c, "RoleArn"), strings.Contains(c, "Role"), c == "NoPermission":
		return block + ".role_arn"
	}
	return block // e.g. the source key was refused
}

// lockedProvider serialises GetCredentials: credentials-go's STS providers
// refresh without a lock, and the client calls them from several goroutines.
type lockedProvider struct {
	mu sync.Mutex
	p  providers.CredentialsProvider
}

func lock(p providers.CredentialsProvider) providers.CredentialsProvider {
	return &lockedProvider{p: p}
}

// GetCredentials also strips request URLs from errors: a refresh that fails
// in the middle of an apply reaches a diagnostic through the SDK.
func (l *lockedProvider) GetCredentials() (*providers.Credentials, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	c, err := l.p.GetCredentials()
	if err != nil {
		return nil, errors.New(withoutQuery(err))
	}
	return c, nil
}

func (l *lockedProvider) GetProviderName() string { return l.p.GetProviderName() }

// cliProfile is the part of an Alibaba Cloud CLI profile an STS exchange
// needs (the file format credentials-go's CLI profile provider reads).
type cliProfile struct {
	Name            string `json:"name"`
	Mode            string `json:"mode"`
	AccessKeyID     string `json:"access_key_id"`
	AccessKeySecret string `json:"access_key_secret"`
	RoleArn         string `json:"ram_role_arn"`
	RoleSessionName string `json:"ram_session_name"`
	DurationSeconds int    `json:"expired_seconds"`
	Policy          string `json:"policy"`
	ExternalID      string `json:"external_id"`
	OIDCTokenFile   string `json:"oidc_token_file"`
	OIDCToken       string `json:"oidc_token"`
	OIDCProviderARN string `json:"oidc_provider_arn"`
}

type cliConfig struct {
	Current  string       `json:"current"`
	Profiles []cliProfile `json:"profiles"`
}

// readCLIConfig parses the CLI configuration file. Its errors never quote
// the file (it holds secrets).
func readCLIConfig(file string) (*cliConfig, error) {
	b, err := os.ReadFile(filepath.Clean(file))
	if err != nil {
		return nil, &CredentialError{Setting: "shared_credentials_file", Err: err}
	}
	var c cliConfig
	if err := json.Unmarshal(b, &c); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			err = fmt.Errorf("not valid JSON (offset %d)", se.Offset)
		} else {
			err = errors.New("not an Alibaba Cloud CLI configuration (JSON with \"profiles\")")
		}
		return nil, &CredentialError{Setting: "shared_credentials_file", Err: fmt.Errorf("%s: %w", file, err)}
	}
	if len(c.Profiles) == 0 {
		return nil, &CredentialError{Setting: "shared_credentials_file", Err: fmt.Errorf("%s holds no profiles", file)}
	}
	return &c, nil
}

// stsProfileProvider builds the credentials-go provider for a profile in
// RamRoleArn or OIDC mode when sts_endpoint is set: credentials-go's own CLI
// profile provider takes only an STS region, not an endpoint. Other modes
// (ok=false) are left to credentials-go.
func stsProfileProvider(file, name, endpoint string) (providers.CredentialsProvider, bool, error) {
	conf, err := readCLIConfig(file)
	if err != nil {
		return nil, false, err
	}
	if endpoint == "" {
		return nil, false, nil
	}
	if name == "" {
		name = os.Getenv("ALIBABA_CLOUD_PROFILE")
	}
	if name == "" {
		name = conf.Current
	}
	var p *cliProfile
	for i := range conf.Profiles {
		if conf.Profiles[i].Name == name {
			p = &conf.Profiles[i]
		}
	}
	if p == nil {
		return nil, false, &CredentialError{Setting: "profile", Err: fmt.Errorf("no profile %q in %s", name, file)}
	}
	switch p.Mode {
	case "RamRoleArn":
		b := providers.NewRAMRoleARNCredentialsProviderBuilder().
			WithAccessKeyId(p.AccessKeyID).WithAccessKeySecret(p.AccessKeySecret).
			WithRoleArn(p.RoleArn).WithRoleSessionName(p.RoleSessionName).
			WithDurationSeconds(p.DurationSeconds).WithPolicy(p.Policy).WithExternalId(p.ExternalID).
			WithStsEndpoint(endpoint)
		rp, err := b.Build()
		if err != nil {
			return nil, false, &CredentialError{Setting: "profile", Err: fmt.Errorf("profile %q (RamRoleArn): %w", name, err)}
		}
		return lock(rp), true, nil
	case "OIDC":
		op, err := providers.NewOIDCCredentialsProviderBuilder().
			WithOIDCToken(p.OIDCToken).WithOIDCTokenFilePath(expandHome(p.OIDCTokenFile)).
			WithOIDCProviderARN(p.OIDCProviderARN).WithRoleArn(p.RoleArn).
			WithRoleSessionName(p.RoleSessionName).WithDurationSeconds(p.DurationSeconds).WithPolicy(p.Policy).
			WithSTSEndpoint(endpoint).Build()
		if err != nil {
			return nil, false, &CredentialError{Setting: "profile", Err: fmt.Errorf("profile %q (OIDC): %w", name, err)}
		}
		return lock(op), true, nil
	}
	return nil, false, nil
}

// Loopback CA trust. credentials-go builds its HTTP transport by cloning
// http.DefaultTransport, which is the only way to make it trust the
// emulator's test CA. TrustLoopbackCA installs, once, a TLS dialer that
// adds the given CAs for loopback hosts only; every other host is verified
// against the system roots exactly as before.
var (
	loopbackMu      sync.Mutex
	loopbackPEMs    = map[string][]byte{}
	loopbackPool    atomic.Pointer[x509.CertPool]
	loopbackInstall sync.Once
)

// LoopbackCAFileEnv names the PEM file of CAs trusted for loopback hosts.
const LoopbackCAFileEnv = "APPSTREAMING_LOOPBACK_CA_FILE"

// TrustLoopbackCA adds the CAs in the PEM file to the loopback-only pool.
func TrustLoopbackCA(file string) error {
	pemBytes, err := os.ReadFile(filepath.Clean(file))
	if err != nil {
		return err
	}
	loopbackMu.Lock()
	defer loopbackMu.Unlock()
	loopbackPEMs[string(pemBytes)] = pemBytes
	pool := x509.NewCertPool()
	for _, b := range loopbackPEMs {
		if !pool.AppendCertsFromPEM(b) {
			delete(loopbackPEMs, string(pemBytes))
			return fmt.Errorf("%s holds no PEM certificate", file)
		}
	}
	loopbackPool.Store(pool)
	var installErr error
	loopbackInstall.Do(func() {
		t, ok := http.DefaultTransport.(*http.Transport)
		if !ok {
			installErr = errors.New("http.DefaultTransport is not an *http.Transport; cannot add the loopback CA")
			return
		}
		t.DialTLSContext = dialTLSWithLoopbackCA
	})
	return installErr
}

func dialTLSWithLoopbackCA(ctx context.Context, network, addr string) (net.Conn, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	d := &tls.Dialer{NetDialer: &net.Dialer{Timeout: 10 * time.Second}, Config: tlsConfigFor(host)}
	return d.DialContext(ctx, network, addr)
}

// tlsConfigFor: the loopback pool for loopback hosts, the system roots
// (RootCAs nil) for every other host.
func tlsConfigFor(host string) *tls.Config {
	cfg := &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}
	if isLoopbackHost(host) {
		cfg.RootCAs = loopbackPool.Load()
	}
	return cfg
}
