package client

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"

	appstream "github.com/alibabacloud-go/appstream-center-20210901/client"
	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/aliyun/credentials-go/credentials"
)

const (
	// APIVersion is the only OpenAPI version this package speaks.
	APIVersion = "2021-09-01"
	// DefaultEndpoint is the host every region uses unless overridden (api-notes §1.1).
	DefaultEndpoint = "appstream-center.aliyuncs.com"
	// ProductType is the fixed product type for every CloudApp call.
	ProductType = "CloudApp"
	// DefaultMaxRetries is the number of retries when Config.MaxRetries is nil.
	DefaultMaxRetries = 5
)

// Config configures a Client. Zero values get sensible defaults.
type Config struct {
	// Endpoint: "" = public default over HTTPS; "http://127.0.0.1:8090",
	// "https://host" or "host[:port]" (HTTPS).
	Endpoint   string
	Credential credentials.Credential
	RegionID   string
	// MaxRetries is how many times a retryable failure is retried after the
	// first attempt: nil = default (5), 0 = no retries.
	MaxRetries     *int
	RequestTimeout time.Duration // per-attempt read timeout; default 30s
	ConnectTimeout time.Duration // default 10s
	// MaxConcurrency bounds in-flight calls; default 32 (what terraform's
	// parallelism of 10 with two concurrent reads each needs at 150 ms per
	// call; the adaptive limiter, not this, keeps the rate within quota).
	MaxConcurrency int
	UserAgent      string
	RetryBaseDelay time.Duration // default 500ms
	RetryMaxDelay  time.Duration // default 20s
	// PollInterval is the first waiter poll interval (default 1s); the cap
	// is max(10*PollInterval, PollInterval) limited to 10s. Tests set it small.
	PollInterval time.Duration
	// SensitiveStrings are configured secrets (secret key, security token,
	// OIDC token) masked in every log line this client writes, as a second
	// line of defence: credentials are never put into log fields anyway.
	SensitiveStrings []string
	// MaxRequestsPerSecond caps the client-side rate of API calls (all
	// actions together); 0 = no cap, the adaptive limiter still slows down
	// when the API throttles.
	MaxRequestsPerSecond float64
}

// Client talks to App Streaming. It is safe for concurrent use.
type Client struct {
	sdk      *appstream.Client
	protocol string // "HTTP" or "HTTPS", passed on every CallApi
	cfg      Config
	// maxRetries is cfg.MaxRetries resolved (default applied).
	maxRetries int
	sem        chan struct{}
	limiter    *adaptiveLimiter
	view       *groupView
	watcher    *statusWatcher
}

// New validates cfg and builds one SDK1 client used for every call: typed
// methods and CallApiWithCtx then share the V2 signature (api-notes §1.6).
func New(cfg Config) (*Client, error) {
	if cfg.Credential == nil {
		return nil, errors.New("appstreaming client: no credential configured")
	}
	maxRetries := DefaultMaxRetries
	if cfg.MaxRetries != nil {
		if *cfg.MaxRetries < 0 {
			return nil, fmt.Errorf("appstreaming client: MaxRetries must be 0 (no retries) or more, got %d", *cfg.MaxRetries)
		}
		maxRetries = *cfg.MaxRetries
	}
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = 30 * time.Second
	}
	if cfg.ConnectTimeout <= 0 {
		cfg.ConnectTimeout = 10 * time.Second
	}
	if cfg.MaxConcurrency <= 0 {
		cfg.MaxConcurrency = 32
	}
	if cfg.RetryBaseDelay <= 0 {
		cfg.RetryBaseDelay = 500 * time.Millisecond
	}
	if cfg.RetryMaxDelay <= 0 {
		cfg.RetryMaxDelay = 20 * time.Second
	}
	if cfg.RetryMaxDelay < cfg.RetryBaseDelay {
		cfg.RetryMaxDelay = cfg.RetryBaseDelay
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = time.Second
	}
	host, protocol, err := parseEndpoint(cfg.Endpoint)
	if err != nil {
		return nil, err
	}
	oc := &openapi.Config{
		Credential:     cfg.Credential,
		Endpoint:       tea.String(host),
		Protocol:       tea.String(protocol),
		ReadTimeout:    tea.Int(int(cfg.RequestTimeout / time.Millisecond)),
		ConnectTimeout: tea.Int(int(cfg.ConnectTimeout / time.Millisecond)),
	}
	if cfg.RegionID != "" {
		oc.RegionId = tea.String(cfg.RegionID)
	}
	if cfg.UserAgent != "" {
		oc.UserAgent = tea.String(cfg.UserAgent)
	}
	sdk, err := appstream.NewClient(oc)
	if err != nil {
		return nil, fmt.Errorf("appstreaming client: building SDK client: %w", err)
	}
	c := &Client{sdk: sdk, protocol: protocol, cfg: cfg, maxRetries: maxRetries, sem: make(chan struct{}, cfg.MaxConcurrency)}
	c.limiter = newAdaptiveLimiter(cfg.MaxRequestsPerSecond, nil)
	c.view = newGroupView(c)
	c.watcher = newStatusWatcher(c)
	return c, nil
}

// RegionID returns the configured region (used as BizRegionId default by callers).
func (c *Client) RegionID() string { return c.cfg.RegionID }

// parseEndpoint turns the user's endpoint into the SDK's host[:port] and
// protocol. Plain HTTP is refused for anything but loopback, because the
// V2 signature and the security token would otherwise cross the network in
// clear text.
func parseEndpoint(ep string) (host, protocol string, err error) {
	ep = strings.TrimSpace(ep)
	if ep == "" {
		return DefaultEndpoint, "HTTPS", nil
	}
	if !strings.Contains(ep, "://") {
		if strings.ContainsAny(ep, "/?#") {
			return "", "", fmt.Errorf("invalid endpoint %q: expected host[:port] or a URL with scheme", ep)
		}
		return ep, "HTTPS", nil
	}
	u, err := url.Parse(ep)
	if err != nil {
		return "", "", fmt.Errorf("invalid endpoint %q: %w", ep, err)
	}
	if u.Host == "" {
		return "", "", fmt.Errorf("invalid endpoint %q: missing host", ep)
	}
	if u.Path != "" && u.Path != "/" {
		return "", "", fmt.Errorf("invalid endpoint %q: a path is not supported (RPC calls always POST to /)", ep)
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
		return u.Host, "HTTPS", nil
	case "http":
		if !isLoopbackHost(u.Hostname()) {
			return "", "", fmt.Errorf("invalid endpoint %q: plain http:// is only allowed to a loopback host (127.0.0.0/8, ::1, localhost); use https:// for %q", ep, u.Hostname())
		}
		return u.Host, "HTTP", nil
	default:
		return "", "", fmt.Errorf("invalid endpoint %q: unsupported scheme %q (use https://, or http:// to loopback)", ep, u.Scheme)
	}
}

func isLoopbackHost(h string) bool {
	if strings.EqualFold(h, "localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// acquire takes a concurrency slot or gives up when ctx ends.
func (c *Client) acquire(ctx context.Context) error {
	select {
	case c.sem <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (c *Client) release() { <-c.sem }
