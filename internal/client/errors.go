package client

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"regexp"
	"strings"
	"syscall"

	"github.com/alibabacloud-go/tea/dara"
	"github.com/alibabacloud-go/tea/tea"
)

// ErrorKind is a coarse classification of API errors that callers act on.
type ErrorKind int

const (
	KindOther ErrorKind = iota
	KindNotFound
	KindThrottled
	KindInvalidParameter
)

func (k ErrorKind) String() string {
	switch k {
	case KindNotFound:
		return "NotFound"
	case KindThrottled:
		return "Throttled"
	case KindInvalidParameter:
		return "InvalidParameter"
	default:
		return "Other"
	}
}

// APIError is an error answered by the service (HTTP 4xx/5xx, or a 200 body
// whose Code says failure).
type APIError struct {
	Action     string
	Code       string
	Message    string
	RequestID  string
	HTTPStatus int
	Kind       ErrorKind
}

func (e *APIError) Error() string {
	var b strings.Builder
	b.WriteString(e.Action)
	b.WriteString(": ")
	if e.Code != "" {
		b.WriteString(e.Code)
	} else {
		fmt.Fprintf(&b, "HTTP %d", e.HTTPStatus)
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	if e.RequestID != "" {
		fmt.Fprintf(&b, " (RequestId: %s)", e.RequestID)
	}
	return b.String()
}

// AmbiguousError says a non-idempotent request may or may not have been
// executed: it was sent but no answer came back, and it could not be
// reconciled. Re-sending it blindly could create a second order.
type AmbiguousError struct {
	Action string
	Detail string
	Err    error
}

func (e *AmbiguousError) Error() string {
	msg := fmt.Sprintf("%s: outcome unknown: the request may have been executed but no response was received", e.Action)
	if e.Detail != "" {
		msg += "; " + e.Detail
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

func (e *AmbiguousError) Unwrap() error { return e.Err }

func kindOf(code string, status int) ErrorKind {
	switch {
	case isThrottleCode(code):
		return KindThrottled
	case strings.HasSuffix(code, ".NotFound") || code == "NotFound":
		return KindNotFound
	case strings.HasPrefix(code, "InvalidParameter") || strings.HasPrefix(code, "MissingParameter"):
		return KindInvalidParameter
	case code == "" && status == 429:
		return KindThrottled
	}
	return KindOther
}

func isThrottleCode(code string) bool {
	return code == "Throttling" || code == "Throttling.User" || code == "Throttling.Api" || strings.HasPrefix(code, "Throttling.")
}

// newAPIError builds an APIError from the SDK's error shapes. It returns nil
// when err is not a service error (transport failures, ctx errors).
func newAPIError(action string, err error) *APIError {
	var code, msg, data string
	var status int
	var te *tea.SDKError
	var de *dara.SDKError
	switch {
	case errors.As(err, &te):
		code, msg, data, status = tea.StringValue(te.Code), tea.StringValue(te.Message), tea.StringValue(te.Data), tea.IntValue(te.StatusCode)
	case errors.As(err, &de):
		code, msg, data, status = dara.StringValue(de.Code), dara.StringValue(de.Message), dara.StringValue(de.Data), dara.IntValue(de.StatusCode)
	default:
		return nil
	}
	ae := &APIError{Action: action, Code: code, HTTPStatus: status}
	// The SDK rewrites Message as "code: 400, <msg> request id: <id>"; the
	// original body survives in Data, so prefer it.
	if data != "" {
		var m map[string]any
		if json.Unmarshal([]byte(data), &m) == nil {
			ae.Message = firstString(m, "Message", "message")
			ae.RequestID = firstString(m, "RequestId", "requestId")
			if ae.Code == "" {
				ae.Code = firstString(m, "Code", "code")
			}
			if s := firstInt(m, "statusCode"); ae.HTTPStatus == 0 && s != 0 {
				ae.HTTPStatus = s
			}
		}
	}
	if ae.Message == "" || ae.RequestID == "" {
		m, rid := parseSDKMessage(msg)
		if ae.Message == "" {
			ae.Message = m
		}
		if ae.RequestID == "" {
			ae.RequestID = rid
		}
	}
	ae.Kind = kindOf(ae.Code, ae.HTTPStatus)
	return ae
}

// parseSDKMessage undoes "code: 400, <msg> request id: <id>".
func parseSDKMessage(s string) (msg, rid string) {
	msg = s
	if strings.HasPrefix(msg, "code: ") {
		if i := strings.Index(msg, ", "); i >= 0 {
			msg = msg[i+2:]
		}
	}
	if i := strings.LastIndex(msg, " request id: "); i >= 0 {
		rid = strings.TrimSpace(msg[i+len(" request id: "):])
		msg = msg[:i]
	}
	return strings.TrimSpace(msg), rid
}

func firstString(m map[string]any, keys ...string) string {
	for _, k := range keys {
		if v, ok := m[k]; ok && v != nil {
			if s := fmt.Sprint(v); s != "" {
				return s
			}
		}
	}
	return ""
}

func firstInt(m map[string]any, keys ...string) int {
	for _, k := range keys {
		if v, ok := m[k]; ok {
			if n, ok := toInt64(v); ok {
				return int(n)
			}
		}
	}
	return 0
}

func asAPIError(err error) *APIError {
	var ae *APIError
	if errors.As(err, &ae) {
		return ae
	}
	return nil
}

// IsNotFound reports whether err says the resource does not exist.
func IsNotFound(err error) bool {
	ae := asAPIError(err)
	return ae != nil && ae.Kind == KindNotFound
}

// IsThrottled reports whether err is a throttling answer.
func IsThrottled(err error) bool {
	ae := asAPIError(err)
	return ae != nil && ae.Kind == KindThrottled
}

// IsInvalidParameter reports whether err is an InvalidParameter*/MissingParameter* answer.
func IsInvalidParameter(err error) bool {
	ae := asAPIError(err)
	return ae != nil && ae.Kind == KindInvalidParameter
}

// ErrorCode returns the service error code of err, or "".
func ErrorCode(err error) string {
	if ae := asAPIError(err); ae != nil {
		return ae.Code
	}
	return ""
}

// IsAmbiguous reports whether err is an *AmbiguousError.
func IsAmbiguous(err error) bool {
	var ae *AmbiguousError
	return errors.As(err, &ae)
}

// TransportError is a failure without a service answer (connection refused,
// reset, EOF, timeout). Its text never contains the signed URL.
type TransportError struct {
	Action string
	Err    error
}

func (e *TransportError) Error() string { return e.Action + ": " + e.Err.Error() }
func (e *TransportError) Unwrap() error { return e.Err }

// classify says whether err may be retried and whether the request may
// have been executed although no answer arrived (ambiguous).
func classify(err error) (retry, ambiguous bool) {
	if ae := asAPIError(err); ae != nil {
		// The server answered "no"; the request was not executed.
		switch {
		case ae.Kind == KindThrottled, ae.Code == "ServiceUnavailable", ae.HTTPStatus >= 500:
			return true, false
		}
		return false, false
	}
	var te *TransportError
	if !errors.As(err, &te) {
		return false, false
	}
	// Failures before anything was written: safe to resend anything.
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return true, false
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return dnsErr.Temporary() || dnsErr.IsTimeout, false
	}
	if errors.Is(err, syscall.ECONNREFUSED) {
		return true, false
	}
	// Failures after the request may have been written.
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, syscall.EPIPE) || errors.Is(err, os.ErrDeadlineExceeded) {
		return true, true
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return true, true
	}
	msg := strings.ToLower(err.Error())
	switch {
	case strings.Contains(msg, "connection refused"):
		return true, false
	case strings.Contains(msg, "eof"), strings.Contains(msg, "connection reset"), strings.Contains(msg, "broken pipe"),
		strings.Contains(msg, "timeout"), strings.Contains(msg, "timed out"), strings.Contains(msg, "server closed"):
		return true, true
	}
	return false, false
}

var queryInText = regexp.MustCompile(`\?[^\s"']*`)

// sanitizeErr strips query strings (which carry AccessKeyId, Signature and
// SecurityToken in V2 RPC) from transport error texts.
func sanitizeErr(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		cp := *ue
		cp.URL = queryInText.ReplaceAllString(ue.URL, "?<redacted>")
		return &cp
	}
	if strings.Contains(err.Error(), "?") {
		return &redactedError{msg: queryInText.ReplaceAllString(err.Error(), "?<redacted>"), err: err}
	}
	return err
}

type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }
