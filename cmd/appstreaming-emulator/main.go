// Command appstreaming-emulator serves the App Streaming API emulator on a
// loopback address, for demos, manual tries and benchmarks.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/appstreaming-iac/terraform-provider-appstreaming/internal/emulator"
)

// version is stamped by the release build (goreleaser ldflags).
var version = "dev"

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "appstreaming-emulator:", err)
		os.Exit(1)
	}
}

// isLoopback says whether host (from host:port) is a loopback address.
func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func run(args []string, stdout, stderr *os.File) error {
	fs := flag.NewFlagSet("appstreaming-emulator", flag.ContinueOnError)
	fs.SetOutput(stderr)
	listen := fs.String("listen", "127.0.0.1:8090", "address to listen on (loopback only unless --allow-remote)")
	allowRemote := fs.Bool("allow-remote", false, "allow a non-loopback --listen address")
	ak := fs.String("access-key", emulator.DefaultAccessKeyID, "accepted access key ID")
	sk := fs.String("secret-key", emulator.DefaultAccessKeySecret, "secret of that key")
	token := fs.String("security-token", "", "STS token the key requires (empty: long-term key)")
	deploy := fs.Float64("deploy-seconds", 5, "DEPLOYING → PUBLISHED duration")
	maintain := fs.Float64("maintain-seconds", 5, "MAINTAINING → PUBLISHED duration")
	del := fs.Float64("delete-seconds", 0, "delete accepted → group gone duration")
	skip := fs.Bool("skip-signature", false, "accept unsigned requests")
	quiet := fs.Bool("quiet", false, "do not log requests")
	stsConfig := fs.String("sts-config", "", `JSON file {"roles":[…],"oidc_providers":[…]} replacing the default STS role and OIDC provider`)
	caFile := fs.String("ca-file", "", "write the PEM of the CA behind the listener's loopback TLS certificate here (for APPSTREAMING_LOOPBACK_CA_FILE)")
	showVersion := fs.Bool("version", false, "print the version and exit")
	stateFile := fs.String("state-file", "", "keep the emulator's state in this JSON file across restarts (written atomically after every change)")
	catalogFile := fs.String("catalog-file", "", "serve the regions, instance types, images and user groups of this JSON file instead of the seed catalog")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: appstreaming-emulator [flags]\n\n"+
			"Serves the App Streaming API (appstream-center 2021-09-01) and its admin API (/_emulator/...)\n"+
			"on a loopback address. Reference: docs/guides/emulator-reference.md.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if *showVersion {
		fmt.Fprintln(stdout, "appstreaming-emulator", version)
		return nil
	}
	if !*allowRemote && !isLoopback(*listen) {
		return fmt.Errorf("refusing non-loopback address %s (use --allow-remote)", *listen)
	}
	logger := log.New(stderr, "", log.LstdFlags|log.Lmicroseconds)
	secs := func(f float64) time.Duration { return time.Duration(f * float64(time.Second)) }
	opts := emulator.Options{
		Credentials:      []emulator.Credential{{AccessKeyID: *ak, AccessKeySecret: *sk, SecurityToken: *token}},
		SkipSignature:    *skip,
		DeployDuration:   secs(*deploy),
		MaintainDuration: secs(*maintain),
		DeleteDuration:   secs(*del),
	}
	if !*quiet {
		opts.Logf = logger.Printf
	}
	if err := loadSTSConfig(*stsConfig, &opts); err != nil {
		return err
	}
	if *catalogFile != "" {
		cat, userGroups, err := emulator.LoadCatalogFile(*catalogFile)
		if err != nil {
			return err
		}
		opts.Catalog, opts.UserGroups = cat, userGroups
	}
	emu := emulator.New(opts)
	if *stateFile != "" {
		if err := emu.UseStateFile(*stateFile); err != nil {
			return err
		}
	}
	return serve(emu, *listen, *caFile, stdout, logger)
}

// serve listens (HTTP and TLS on one port) until SIGINT or SIGTERM, then
// shuts down gracefully.
func serve(emu http.Handler, listen, caFile string, stdout *os.File, logger *log.Logger) error {
	ln, err := net.Listen("tcp", listen)
	if err != nil {
		return err
	}
	// The same port answers TLS too: STS clients (credentials-go) speak only HTTPS.
	if ln, err = emulator.SniffTLS(ln); err != nil {
		return err
	}
	if caFile != "" {
		pemBytes, err := emulator.LoopbackCAPEM()
		if err != nil {
			return err
		}
		if err := os.WriteFile(caFile, pemBytes, 0o600); err != nil {
			return err
		}
	}
	srv := &http.Server{Handler: emu, ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	fmt.Fprintf(stdout, "appstreaming-emulator listening on http://%s\n", ln.Addr().String())
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	logger.Printf("stopped")
	return nil
}
