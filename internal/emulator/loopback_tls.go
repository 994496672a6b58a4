package emulator

import (
	"bufio"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"math/big"
	"net"
	"sync"
	"time"
)

// TLS on loopback. aliyun/credentials-go speaks only HTTPS to STS, so the
// emulator's listener answers TLS and plain HTTP on the same port: the
// first byte of a connection (0x16, a TLS handshake record) decides. The
// certificate covers 127.0.0.1, ::1 and localhost only, and is signed by a
// CA made once per process whose private key never leaves memory; clients
// trust it through LoopbackCAPEM (the provider reads it from the file named
// by APPSTREAMING_LOOPBACK_CA_FILE, and trusts it for loopback hosts only).

var (
	loopbackOnce sync.Once
	loopbackCA   []byte
	loopbackCert tls.Certificate
	loopbackErr  error
)

func makeLoopbackCA() {
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		loopbackErr = err
		return
	}
	now := time.Now()
	caTmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "appstreaming-emulator loopback CA"},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(7 * 24 * time.Hour),
		KeyUsage:              x509.KeyUsageCertSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
		MaxPathLenZero:        true,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		loopbackErr = err
		return
	}
	ca, _ := x509.ParseCertificate(caDER)
	leafKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		loopbackErr = err
		return
	}
	leafTmpl := &x509.Certificate{
		SerialNumber: big.NewInt(2),
		Subject:      pkix.Name{CommonName: "127.0.0.1"},
		NotBefore:    now.Add(-time.Hour),
		NotAfter:     now.Add(7 * 24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		DNSNames:     []string{"localhost"},
		IPAddresses:  []net.IP{net.ParseIP("127.0.0.1"), net.IPv6loopback},
	}
	leafDER, err := x509.CreateCertificate(rand.Reader, leafTmpl, ca, &leafKey.PublicKey, caKey)
	if err != nil {
		loopbackErr = err
		return
	}
	loopbackCert = tls.Certificate{Certificate: [][]byte{leafDER, caDER}, PrivateKey: leafKey}
	loopbackCA = pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER})
}

// LoopbackCAPEM is the PEM of the CA that signed the emulator's loopback
// certificate (one per process).
func LoopbackCAPEM() ([]byte, error) {
	loopbackOnce.Do(makeLoopbackCA)
	return loopbackCA, loopbackErr
}

// LoopbackTLSConfig is the server side TLS configuration.
func LoopbackTLSConfig() (*tls.Config, error) {
	loopbackOnce.Do(makeLoopbackCA)
	if loopbackErr != nil {
		return nil, loopbackErr
	}
	return &tls.Config{Certificates: []tls.Certificate{loopbackCert}, MinVersion: tls.VersionTLS12}, nil
}

// SniffTLS wraps ln so that each accepted connection is served as TLS when
// it starts with a handshake record and as plain HTTP otherwise.
func SniffTLS(ln net.Listener) (net.Listener, error) {
	cfg, err := LoopbackTLSConfig()
	if err != nil {
		return nil, err
	}
	s := &sniffListener{Listener: ln, cfg: cfg, conns: make(chan net.Conn), done: make(chan struct{})}
	go s.acceptLoop()
	return s, nil
}

type sniffListener struct {
	net.Listener
	cfg       *tls.Config
	conns     chan net.Conn
	done      chan struct{}
	closeOnce sync.Once
	errMu     sync.Mutex
	err       error
}

func (s *sniffListener) acceptLoop() {
	for {
		c, err := s.Listener.Accept()
		if err != nil {
			s.errMu.Lock()
			s.err = err
			s.errMu.Unlock()
			s.closeOnce.Do(func() { close(s.done) })
			return
		}
		go s.sniff(c)
	}
}

func (s *sniffListener) sniff(c net.Conn) {
	_ = c.SetReadDeadline(time.Now().Add(10 * time.Second))
	br := bufio.NewReader(c)
	first, err := br.Peek(1)
	_ = c.SetReadDeadline(time.Time{})
	if err != nil {
		_ = c.Close()
		return
	}
	var out net.Conn = &peekedConn{Conn: c, r: br}
	if first[0] == 0x16 {
		out = tls.Server(out, s.cfg)
	}
	select {
	case s.conns <- out:
	case <-s.done:
		_ = c.Close()
	}
}

func (s *sniffListener) Accept() (net.Conn, error) {
	select {
	case c := <-s.conns:
		return c, nil
	case <-s.done:
		s.errMu.Lock()
		defer s.errMu.Unlock()
		if s.err != nil {
			return nil, s.err
		}
		return nil, net.ErrClosed
	}
}

func (s *sniffListener) Close() error {
	err := s.Listener.Close()
	s.closeOnce.Do(func() { close(s.done) })
	if errors.Is(err, net.ErrClosed) {
		return nil
	}
	return err
}

// peekedConn replays the byte read by the sniffer.
type peekedConn struct {
	net.Conn
	r *bufio.Reader
}

func (c *peekedConn) Read(p []byte) (int, error) { return c.r.Read(p) }
