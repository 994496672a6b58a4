package emulator

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"
)

// Credential is one access key the emulator accepts. A non-empty
// SecurityToken makes it an STS key: every request must carry that token.
type Credential struct{ AccessKeyID, AccessKeySecret, SecurityToken string }

// Default long-term key (also used by the binary and the acceptance tests).
const (
	DefaultAccessKeyID     = "LTAI5tEmulatorKey00000000"
	DefaultAccessKeySecret = "emulator-secret-0000000000000"
)

// maxClockSkew is the service's window for Timestamp / x-acs-date. It is
// measured against the real clock: the virtual clock only drives the model.
const maxClockSkew = 15 * time.Minute

// percentEncode is the RFC 3986 encoding both signature versions use.
func percentEncode(s string) string {
	e := url.QueryEscape(s)
	e = strings.ReplaceAll(e, "+", "%20")
	e = strings.ReplaceAll(e, "*", "%2A")
	e = strings.ReplaceAll(e, "%7E", "~")
	return e
}

func canonicalQuery(v url.Values, skip string) string {
	keys := make([]string, 0, len(v))
	for k := range v {
		if k != skip {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		vs := v[k]
		if len(vs) == 0 {
			vs = []string{""}
		}
		for _, val := range vs {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(percentEncode(k))
			b.WriteByte('=')
			b.WriteString(percentEncode(val))
		}
	}
	return b.String()
}

// SignV2 computes the V2 (HMAC-SHA1, SignatureVersion 1.0) signature over
// the merged parameters (query + flattened form body, without Signature).
// Exported so tests and tools can build requests by hand.
func SignV2(method string, merged url.Values, secret string) string {
	sts := method + "&" + percentEncode("/") + "&" + percentEncode(canonicalQuery(merged, "Signature"))
	m := hmac.New(sha1.New, []byte(secret+"&"))
	m.Write([]byte(sts))
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}

// SignV3 computes the ACS3-HMAC-SHA256 signature for a request whose
// headers are already set (x-acs-* and content-type), returning the hex
// signature and the signed header list.
func SignV3(r *http.Request, body []byte, secret string, signed []string) string {
	q := r.URL.Query()
	var ch strings.Builder
	for _, h := range signed {
		var val string
		if h == "host" {
			val = r.Host
			if val == "" {
				val = r.Header.Get("Host")
			}
		} else {
			val = strings.Join(r.Header.Values(h), ",")
		}
		ch.WriteString(h + ":" + strings.TrimSpace(val) + "\n")
	}
	bodyHash := sha256.Sum256(body)
	creq := r.Method + "\n" + "/" + "\n" + canonicalQuery(q, "") + "\n" + ch.String() + "\n" +
		strings.Join(signed, ";") + "\n" + hex.EncodeToString(bodyHash[:])
	ch2 := sha256.Sum256([]byte(creq))
	sts := "ACS3-HMAC-SHA256\n" + hex.EncodeToString(ch2[:])
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(sts))
	return hex.EncodeToString(m.Sum(nil))
}

// verifySignature checks a request against the configured keys. p is the
// merged parameter map; body the raw bytes.
func (e *Emulator) verifySignature(r *http.Request, p params, body []byte) *apiError {
	if auth := r.Header.Get("Authorization"); strings.HasPrefix(auth, "ACS3-") {
		return e.verifyV3(r, auth, body)
	}
	return e.verifyV2(r, p)
}

func (e *Emulator) lookupKey(id string) (Credential, *apiError) {
	for _, c := range e.opts.Credentials {
		if c.AccessKeyID == id {
			return c, nil
		}
	}
	if c, ok, ae := e.lookupIssuedKey(id); ok {
		return c, ae
	}
	return Credential{}, errf(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.")
}

func checkToken(c Credential, token string) *apiError {
	if c.SecurityToken == "" {
		return nil // long-term key; a stray token is ignored like the gateway does for AK auth
	}
	if token == "" {
		return errf(400, "InvalidSecurityToken.MismatchWithAccessKey", "The security token is missing for an STS access key.")
	}
	if subtle.ConstantTimeCompare([]byte(token), []byte(c.SecurityToken)) != 1 {
		if len(token) < 8 {
			return errf(400, "InvalidSecurityToken.Malformed", "The specified SecurityToken is malformed.")
		}
		return errf(400, "InvalidSecurityToken.MismatchWithAccessKey", "The specified SecurityToken does not match the access key.")
	}
	return nil
}

func checkTime(ts string) *apiError {
	t, err := time.Parse("2006-01-02T15:04:05Z", ts)
	if err != nil {
		return errf(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.")
	}
	if d := time.Since(t); d > maxClockSkew || d < -maxClockSkew {
		return errf(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.")
	}
	return nil
}

func (e *Emulator) checkNonce(nonce string) *apiError {
	e.nonceMu.Lock()
	defer e.nonceMu.Unlock()
	now := time.Now()
	if len(e.nonces) > 10000 {
		for k, t := range e.nonces {
			if now.Sub(t) > 2*maxClockSkew {
				delete(e.nonces, k)
			}
		}
	}
	if _, seen := e.nonces[nonce]; seen {
		return errf(400, "SignatureNonceUsed", "Specified signature nonce was used already.")
	}
	e.nonces[nonce] = now
	return nil
}

func (e *Emulator) verifyV2(r *http.Request, p params) *apiError {
	for _, k := range []string{"AccessKeyId", "Signature", "SignatureMethod", "SignatureNonce", "Timestamp"} {
		if p.str(k) == "" {
			return errf(400, "MissingParameter", "The input parameter %s that is mandatory for processing this request is not supplied.", k)
		}
	}
	if m := p.str("SignatureMethod"); m != "HMAC-SHA1" {
		return errf(400, "InvalidParameter.SignatureMethod", "Specified signature method %q is not supported.", m)
	}
	if v := p.str("SignatureVersion"); v != "" && v != "1.0" {
		return errf(400, "InvalidParameter.SignatureVersion", "Specified signature version %q is not supported.", v)
	}
	c, ae := e.lookupKey(p.str("AccessKeyId"))
	if ae != nil {
		return ae
	}
	if ae := checkTime(p.str("Timestamp")); ae != nil {
		return ae
	}
	want := SignV2(r.Method, p.v, c.AccessKeySecret)
	if subtle.ConstantTimeCompare([]byte(want), []byte(p.str("Signature"))) != 1 {
		return errf(400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.")
	}
	if ae := checkToken(c, p.str("SecurityToken")); ae != nil {
		return ae
	}
	return e.checkNonce(p.str("SignatureNonce"))
}

func (e *Emulator) verifyV3(r *http.Request, auth string, body []byte) *apiError {
	rest, ok := strings.CutPrefix(auth, "ACS3-HMAC-SHA256 ")
	if !ok {
		return errf(400, "IncompleteSignature", "Only ACS3-HMAC-SHA256 is supported.")
	}
	fields := map[string]string{}
	for _, part := range strings.Split(rest, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if ok {
			fields[k] = v
		}
	}
	cred, signedH, sig := fields["Credential"], fields["SignedHeaders"], fields["Signature"]
	if cred == "" || signedH == "" || sig == "" {
		return errf(400, "IncompleteSignature", "The Authorization header lacks Credential, SignedHeaders or Signature.")
	}
	for _, h := range []string{"x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"} {
		if r.Header.Get(h) == "" {
			return errf(400, "IncompleteSignature", "The header %s is required for ACS3-HMAC-SHA256.", h)
		}
	}
	signed := strings.Split(signedH, ";")
	has := map[string]bool{}
	for _, h := range signed {
		has[h] = true
	}
	// Headers that carry meaning must be covered by the signature.
	for _, h := range []string{"host", "x-acs-action", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"} {
		if !has[h] {
			return errf(400, "IncompleteSignature", "The header %s must be signed.", h)
		}
	}
	c, ae := e.lookupKey(cred)
	if ae != nil {
		return ae
	}
	if ae := checkTime(r.Header.Get("x-acs-date")); ae != nil {
		return ae
	}
	sum := sha256.Sum256(body)
	if !strings.EqualFold(r.Header.Get("x-acs-content-sha256"), hex.EncodeToString(sum[:])) {
		return errf(400, "SignatureDoesNotMatch", "The x-acs-content-sha256 header does not match the request body.")
	}
	want := SignV3(r, body, c.AccessKeySecret, signed)
	if subtle.ConstantTimeCompare([]byte(want), []byte(strings.ToLower(sig))) != 1 {
		return errf(400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.")
	}
	if ae := checkToken(c, r.Header.Get("x-acs-security-token")); ae != nil {
		return ae
	}
	return e.checkNonce(r.Header.Get("x-acs-signature-nonce"))
}

// Key accounting: which access key signed each verified call, and the
// lookup of keys STS issued (sts.go).

// signingKeyID is the access key that signed a request: the V3
// Authorization header's Credential, else the V2 AccessKeyId parameter.
func signingKeyID(r *http.Request, p params) string {
	id := p.str("AccessKeyId")
	if auth := r.Header.Get("Authorization"); strings.HasPrefix(auth, "ACS3-") {
		if _, rest, ok := strings.Cut(auth, "Credential="); ok {
			id, _, _ = strings.Cut(rest, ",")
		}
	}
	return id
}

// noteKeyUse records the key of a verified App Streaming request.
func (e *Emulator) noteKeyUse(r *http.Request, p params) {
	id := signingKeyID(r, p)
	if id == "" {
		return
	}
	action := r.URL.Query().Get("Action")
	if action == "" {
		action = r.Header.Get("x-acs-action")
	}
	b := e.sts()
	b.mu.Lock()
	b.st.keyCalls[id]++
	if len(b.st.keyUses) < maxKeyUses {
		b.st.keyUses = append(b.st.keyUses, KeyUse{Action: action, AccessKeyID: id})
	}
	b.mu.Unlock()
}

// lookupIssuedKey finds a key STS issued. An expired one is refused with
// the code App Streaming uses for it.
func (e *Emulator) lookupIssuedKey(id string) (Credential, bool, *apiError) {
	b := e.sts()
	b.mu.Lock()
	c, ok := b.st.issued[id]
	var cred Credential
	var exp time.Time
	if ok {
		cred = Credential{AccessKeyID: c.AccessKeyID, AccessKeySecret: c.AccessKeySecret, SecurityToken: c.SecurityToken}
		exp = c.Expiration
	}
	b.mu.Unlock()
	if !ok {
		return Credential{}, false, nil
	}
	if !e.now().Before(exp) {
		return cred, true, errf(400, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired.")
	}
	return cred, true, nil
}

// KeyUse is one verified App Streaming call and the key that signed it.
type KeyUse struct {
	Action      string `json:"action"`
	AccessKeyID string `json:"access_key_id"`
}

const maxKeyUses = 10000
