package emulator

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
)

// STS (Security Token Service, RPC version 2015-04-01) served on the same
// listener as App Streaming: the dispatcher picks the STS handlers when the
// request's Version is STSVersion. AssumeRole and GetCallerIdentity are
// signed like every RPC call (V2 HMAC-SHA1 or V3); AssumeRoleWithOIDC is
// anonymous, as on the real service: the OIDC token is the proof.
//
// Issued credentials are accepted by every App Streaming action until their
// Expiration on the emulator clock; after it the call answers
// InvalidSecurityToken.Expired.

// STSVersion is the STS API version.
const STSVersion = "2015-04-01"

// AccountID is the account the emulator stands for (the tenant it reports).
const AccountID = "1234567890123456"

// Defaults used when Options.Roles and Options.OIDCProviders are both nil.
const (
	DefaultRoleARN         = "acs:ram::" + AccountID + ":role/terraform"
	DefaultOIDCProviderARN = "acs:ram::" + AccountID + ":oidc-provider/terraform-cloud"
	DefaultOIDCIssuer      = "https://app.terraform.io"
)

// Role is a RAM role that STS lets callers assume.
type Role struct {
	ARN string `json:"arn"`
	// MaxSessionDuration caps DurationSeconds (seconds, 3600–43200; 0 = 3600,
	// RAM's default).
	MaxSessionDuration int `json:"max_session_duration,omitempty"`
	// TrustedAccessKeys may call AssumeRole; empty: every long-term key the
	// emulator accepts (the account trusts itself).
	TrustedAccessKeys []string `json:"trusted_access_keys,omitempty"`
	// TrustedOIDCProviders may call AssumeRoleWithOIDC for this role.
	TrustedOIDCProviders []string `json:"trusted_oidc_providers,omitempty"`
	// ExternalID, when set, must be sent as ExternalId (trust policy condition
	// sts:ExternalId).
	ExternalID string `json:"external_id,omitempty"`
}

// OIDCProvider is an OIDC identity provider registered in RAM.
type OIDCProvider struct {
	ARN       string `json:"arn"`
	IssuerURL string `json:"issuer_url"`
	// ClientIDs are the accepted audiences; empty: any audience.
	ClientIDs []string `json:"client_ids,omitempty"`
}

// IssuedCredential is one set of temporary credentials STS handed out.
type IssuedCredential struct {
	AccessKeyID     string    `json:"access_key_id"`
	AccessKeySecret string    `json:"-"`
	SecurityToken   string    `json:"-"`
	Expiration      time.Time `json:"expiration"`
	RoleARN         string    `json:"role_arn"`
	SessionName     string    `json:"session_name"`
	Via             string    `json:"via"` // AssumeRole or AssumeRoleWithOIDC
	Policy          string    `json:"policy,omitempty"`
}

// stsState is guarded by Emulator.stsMu (not e.mu: the signature check,
// which runs outside e.mu, looks issued keys up).
type stsState struct {
	roles     map[string]Role
	providers map[string]OIDCProvider
	issued    map[string]*IssuedCredential // by access key ID
	keyCalls  map[string]int               // App Streaming calls by signing key
	keyUses   []KeyUse                     // the same calls in order (capped)
}

type stsBox struct {
	mu sync.Mutex
	st stsState
}

// sts returns the STS state, built from the options on first use.
func (e *Emulator) sts() *stsBox {
	e.stsOnce.Do(func() { e.stsData = newSTSBox(e.opts) })
	return e.stsData
}

func newSTSBox(opts Options) *stsBox {
	b := &stsBox{st: stsState{
		roles: map[string]Role{}, providers: map[string]OIDCProvider{},
		issued: map[string]*IssuedCredential{}, keyCalls: map[string]int{},
	}}
	roles, providers := opts.Roles, opts.OIDCProviders
	if roles == nil && providers == nil {
		roles = []Role{{ARN: DefaultRoleARN, MaxSessionDuration: 43200, TrustedOIDCProviders: []string{DefaultOIDCProviderARN}}}
		providers = []OIDCProvider{{ARN: DefaultOIDCProviderARN, IssuerURL: DefaultOIDCIssuer}}
	}
	for _, r := range roles {
		b.st.roles[r.ARN] = r
	}
	for _, p := range providers {
		b.st.providers[p.ARN] = p
	}
	return b
}

// resetSTS drops issued credentials, key counts and roles or providers
// added at run time.
func (e *Emulator) resetSTS() {
	b := e.sts()
	fresh := newSTSBox(e.opts)
	b.mu.Lock()
	b.st = fresh.st
	b.mu.Unlock()
}

var (
	roleARNPattern         = regexp.MustCompile(`^acs:ram::[0-9]{16}:role/[A-Za-z0-9._-]{1,64}$`)
	oidcProviderARNPattern = regexp.MustCompile(`^acs:ram::[0-9]{16}:oidc-provider/[A-Za-z0-9._-]{1,128}$`)
	sessionNamePattern     = regexp.MustCompile(`^[A-Za-z0-9.@_-]{2,64}$`)
	externalIDPattern      = regexp.MustCompile(`^[A-Za-z0-9=,.@:/_-]+$`)
)

// stsSession is what AssumeRole and AssumeRoleWithOIDC requests share: the
// role, the session name and duration, and an optional policy.
type stsSession struct {
	role   Role
	name   string
	d      time.Duration
	policy string
}

// read checks the shared parameters (b.mu held).
func (s *stsSession) read(b *stsBox, p params) *apiError {
	s.policy = p.str("Policy")
	arn := p.str("RoleArn")
	if arn == "" {
		return missing("RoleArn")
	}
	if !roleARNPattern.MatchString(arn) {
		return invalid("RoleArn", "%q is not a role ARN of the form acs:ram::<account ID>:role/<role name>", arn)
	}
	role, ok := b.st.roles[arn]
	if !ok {
		return errf(404, "EntityNotExist.Role", "The role not exists: %s.", arn)
	}
	name := p.str("RoleSessionName")
	if name == "" {
		return missing("RoleSessionName")
	}
	if !sessionNamePattern.MatchString(name) {
		return invalid("RoleSessionName", "2 to 64 characters: letters, digits, '.', '@', '-' and '_'")
	}
	dur := int64(3600)
	if n, set, ae := p.intParam("DurationSeconds"); ae != nil {
		return ae
	} else if set {
		dur = n
	}
	maxDur := int64(role.MaxSessionDuration)
	if maxDur == 0 {
		maxDur = 3600
	}
	if dur < 900 || dur > 43200 {
		return invalid("DurationSeconds", "the value must be between 900 and 43200 seconds, got %d", dur)
	}
	if dur > maxDur {
		return invalid("DurationSeconds", "%d seconds exceeds the role's maximum session duration of %d seconds", dur, maxDur)
	}
	if pol := p.str("Policy"); pol != "" {
		if len(pol) > 2048 {
			return errf(400, "InvalidParameter.PolicyGrammar", "The policy is longer than 2048 characters.")
		}
		var doc struct {
			Version   string            `json:"Version"`
			Statement []json.RawMessage `json:"Statement"`
		}
		if err := json.Unmarshal([]byte(pol), &doc); err != nil || doc.Version == "" || len(doc.Statement) == 0 {
			return errf(400, "InvalidParameter.PolicyGrammar", "The policy is not a RAM policy document (JSON with Version and Statement).")
		}
	}
	s.role, s.name, s.d = role, name, time.Duration(dur)*time.Second
	return nil
}

func randomToken(prefix string, n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return prefix + strings.TrimRight(base64.RawURLEncoding.EncodeToString(b), "=")
}

// issue hands out temporary credentials for a checked session.
func (e *Emulator) issue(s *stsSession, via string) map[string]any {
	role, session := s.role, s.name
	ic := &IssuedCredential{
		AccessKeyID:     randomToken("STS.NT", 15),
		AccessKeySecret: randomToken("", 33),
		SecurityToken:   randomToken("CAIS", 150),
		Expiration:      e.now().Add(s.d).UTC().Truncate(time.Second),
		RoleARN:         role.ARN,
		SessionName:     session,
		Via:             via,
		Policy:          s.policy,
	}
	b := e.sts()
	b.mu.Lock()
	b.st.issued[ic.AccessKeyID] = ic
	b.mu.Unlock()
	roleName := roleNameOf(role.ARN)
	account := strings.Split(role.ARN, ":")[3]
	roleID := roleIDFor(role.ARN)
	return map[string]any{
		"Credentials": map[string]any{
			"AccessKeyId":     ic.AccessKeyID,
			"AccessKeySecret": ic.AccessKeySecret,
			"SecurityToken":   ic.SecurityToken,
			"Expiration":      ic.Expiration.Format("2006-01-02T15:04:05Z"),
		},
		"AssumedRoleUser": map[string]any{
			"Arn":           "acs:ram::" + account + ":assumed-role/" + roleName + "/" + session,
			"AssumedRoleId": roleID + ":" + session,
		},
	}
}

// roleNameOf is the name at the end of a role ARN.
func roleNameOf(arn string) string { return arn[strings.LastIndex(arn, "/")+1:] }

// roleIDFor derives a stable numeric role ID from the ARN.
func roleIDFor(arn string) string {
	var h uint64 = 14695981039346656037
	for i := 0; i < len(arn); i++ {
		h ^= uint64(arn[i])
		h *= 1099511628211
	}
	return fmt.Sprintf("3%018d", h%1e18)
}

// assumeRoleReq is AssumeRole's request.
type assumeRoleReq struct{ stsSession }

func (r *assumeRoleReq) validate(e *Emulator, c *call) *apiError {
	b := e.sts()
	b.mu.Lock()
	defer b.mu.Unlock()
	if ae := r.read(b, c.p); ae != nil {
		return ae
	}
	role := r.role
	caller := c.p.str("AccessKeyId")
	if caller == "" && len(e.opts.Credentials) > 0 { // SkipSignature: act as the first key
		caller = e.opts.Credentials[0].AccessKeyID
	}
	if !e.trustsKey(b, role, caller) {
		return errf(403, "NoPermission", "You are not authorized to do this action. The caller %s is not trusted by role %s.", caller, role.ARN)
	}
	if x := c.p.str("ExternalId"); x != "" && (len(x) < 2 || len(x) > 1224 || !externalIDPattern.MatchString(x)) {
		return invalid("ExternalId", "2 to 1224 characters: letters, digits and =,.@:/-_")
	}
	if role.ExternalID != "" && c.p.str("ExternalId") != role.ExternalID {
		return errf(403, "NoPermission", "You are not authorized to do this action. The ExternalId does not match the trust policy of role %s.", role.ARN)
	}
	return nil
}

func (e *Emulator) assumeRole(r *assumeRoleReq) map[string]any {
	return e.issue(&r.stsSession, "AssumeRole")
}

// trustsKey: explicit list, or any long-term key of the emulator (issued
// temporary keys may chain only when listed).
func (e *Emulator) trustsKey(b *stsBox, role Role, id string) bool {
	if len(role.TrustedAccessKeys) > 0 {
		for _, k := range role.TrustedAccessKeys {
			if k == id {
				return true
			}
		}
		return false
	}
	for _, c := range e.opts.Credentials {
		if c.AccessKeyID == id && c.SecurityToken == "" {
			return true
		}
	}
	return false
}

// jwtClaims are the claims the emulator checks. The token's signature is
// not verified: the emulator has no JWKS endpoint to fetch keys from.
type jwtClaims struct {
	Iss string          `json:"iss"`
	Sub string          `json:"sub"`
	Aud json.RawMessage `json:"aud"`
	Exp *float64        `json:"exp"`
	Iat *float64        `json:"iat"`
}

func (cl jwtClaims) audiences() []string {
	var one string
	if json.Unmarshal(cl.Aud, &one) == nil {
		return []string{one}
	}
	var many []string
	_ = json.Unmarshal(cl.Aud, &many)
	return many
}

func parseJWT(tok string) (jwtClaims, bool) {
	parts := strings.Split(tok, ".")
	if len(parts) != 3 || parts[0] == "" || parts[1] == "" {
		return jwtClaims{}, false
	}
	hdr, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[0], "="))
	if err != nil {
		return jwtClaims{}, false
	}
	var h struct {
		Alg string `json:"alg"`
	}
	if json.Unmarshal(hdr, &h) != nil || h.Alg == "" {
		return jwtClaims{}, false
	}
	body, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[1], "="))
	if err != nil {
		return jwtClaims{}, false
	}
	var cl jwtClaims
	if json.Unmarshal(body, &cl) != nil || cl.Iss == "" || cl.Exp == nil {
		return jwtClaims{}, false
	}
	return cl, true
}

// oidcReq is AssumeRoleWithOIDC's request: the session and the token's
// checked claims.
type oidcReq struct {
	stsSession
	claims jwtClaims
	exp    time.Time
}

func (r *oidcReq) validate(e *Emulator, c *call) *apiError {
	b := e.sts()
	b.mu.Lock()
	defer b.mu.Unlock()
	parn := c.p.str("OIDCProviderArn")
	if parn == "" {
		return missing("OIDCProviderArn")
	}
	if !oidcProviderARNPattern.MatchString(parn) {
		return invalid("OIDCProviderArn", "%q is not of the form acs:ram::<account ID>:oidc-provider/<name>", parn)
	}
	tok := c.p.str("OIDCToken")
	if tok == "" {
		return missing("OIDCToken")
	}
	if n := len(tok); n < 4 || n > 20000 {
		return invalid("OIDCToken", "the token must be 4 to 20000 characters, got %d", n)
	}
	if ae := r.read(b, c.p); ae != nil {
		return ae
	}
	prov, ok := b.st.providers[parn]
	if !ok {
		return errf(404, "EntityNotExist.OIDCProvider", "The OIDC provider not exists: %s.", parn)
	}
	if r.claims, ok = parseJWT(tok); !ok {
		return errf(400, "AuthenticationFail.OIDCToken.Invalid", "The OIDC token is not a well-formed JWT (header.payload.signature with iss and exp claims).")
	}
	if ae := e.checkClaims(r.claims, prov); ae != nil {
		return ae
	}
	r.exp = time.Unix(int64(*r.claims.Exp), 0)
	if !slices.Contains(r.role.TrustedOIDCProviders, parn) {
		return errf(403, "NoPermission", "You are not authorized to do this action. Role %s does not trust OIDC provider %s.", r.role.ARN, parn)
	}
	return nil
}

// checkClaims: the token comes from the provider's issuer, for one of its
// client IDs (if it lists any), and has not expired.
func (e *Emulator) checkClaims(cl jwtClaims, prov OIDCProvider) *apiError {
	if cl.Iss != prov.IssuerURL {
		return errf(400, "AuthenticationFail.OIDCToken.IssuerError", "The issuer of the OIDC token does not match the issuer URL of OIDC provider %s.", prov.ARN)
	}
	if len(prov.ClientIDs) > 0 && !intersects(cl.audiences(), prov.ClientIDs) {
		return errf(400, "AuthenticationFail.OIDCToken.AudienceError", "The audience of the OIDC token is not a client ID of OIDC provider %s.", prov.ARN)
	}
	if !e.now().Before(time.Unix(int64(*cl.Exp), 0)) {
		return errf(400, "AuthenticationFail.OIDCToken.Expired", "The OIDC token has expired.")
	}
	return nil
}

func (e *Emulator) assumeRoleWithOIDC(r *oidcReq) map[string]any {
	out := e.issue(&r.stsSession, "AssumeRoleWithOIDC")
	cl := r.claims
	info := map[string]any{
		"Issuer": cl.Iss, "Subject": cl.Sub, "ClientIds": strings.Join(cl.audiences(), ","),
		"ExpirationTime": r.exp.UTC().Format("2006-01-02T15:04:05Z"), "VerificationInfo": "Success",
	}
	if cl.Iat != nil {
		info["IssuanceTime"] = time.Unix(int64(*cl.Iat), 0).UTC().Format("2006-01-02T15:04:05Z")
	}
	out["OIDCTokenInfo"] = info
	return out
}

// callerReq is GetCallerIdentity's request: the signing key, if STS
// issued it.
type callerReq struct{ issued *IssuedCredential }

func (r *callerReq) validate(e *Emulator, c *call) *apiError {
	id := signingKeyID(c.r, c.p)
	b := e.sts()
	b.mu.Lock()
	if ic, ok := b.st.issued[id]; ok {
		cp := *ic
		r.issued = &cp
	}
	b.mu.Unlock()
	return nil
}

func (e *Emulator) getCallerIdentity(r *callerReq) map[string]any {
	if ic := r.issued; ic != nil {
		roleID := roleIDFor(ic.RoleARN)
		return map[string]any{
			"AccountId": AccountID, "IdentityType": "AssumedRoleUser",
			"Arn":         "acs:ram::" + AccountID + ":assumed-role/" + roleNameOf(ic.RoleARN) + "/" + ic.SessionName,
			"PrincipalId": roleID + ":" + ic.SessionName, "RoleId": roleID,
		}
	}
	return map[string]any{
		"AccountId": AccountID, "IdentityType": "Account", "Arn": "acs:ram::" + AccountID + ":root",
		"PrincipalId": AccountID, "UserId": AccountID,
	}
}
