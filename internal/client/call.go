package client

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"time"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	"github.com/alibabacloud-go/tea/dara"
	"github.com/alibabacloud-go/tea/tea"
)

// response is what one successful attempt produced, independent of whether
// the typed SDK method or CallApiWithCtx ran it.
type response struct {
	status int
	body   map[string]any
}

// callSpec describes one logical call (possibly several attempts).
type callSpec struct {
	action string
	// nonIdempotent: never re-send after an ambiguous failure (the request
	// may have been executed); return *AmbiguousError instead.
	nonIdempotent bool
	// logParams are the request parameters for TRACE logging (no credentials
	// are ever part of them; sensitive keys are masked anyway).
	logParams map[string]any
	// attempt performs one HTTP exchange.
	attempt func(ctx context.Context) (*response, error)
	// check turns a 200 body that reports failure into an error.
	check func(action string, r *response) error
	// encodeErr: the request could not be encoded; call returns it unsent.
	encodeErr error
}

// rpcParams is the fixed RPC shape every action of this product uses (api-notes §1.2).
func (c *Client) rpcParams(action string) *openapi.Params {
	return &openapi.Params{
		Action:      tea.String(action),
		Version:     tea.String(APIVersion),
		Protocol:    tea.String(c.protocol),
		Pathname:    tea.String("/"),
		Method:      tea.String("POST"),
		AuthType:    tea.String("AK"),
		Style:       tea.String("RPC"),
		ReqBodyType: tea.String("formData"),
		BodyType:    tea.String("json"),
	}
}

// rpc is the CallApiWithCtx encoder: p's values, already in their wire
// places, sent on the SDK1 client with the fixed RPC shape.
func (c *Client) rpc(action string, p *params) callSpec {
	lp := map[string]any{}
	for k, v := range p.query {
		lp["query."+k] = v
	}
	for k, v := range p.body {
		lp["body."+k] = v
	}
	return callSpec{
		action:    action,
		logParams: lp,
		attempt: func(ctx context.Context) (*response, error) {
			req := &openapi.OpenApiRequest{}
			if len(p.query) > 0 {
				req.Query = make(map[string]*string, len(p.query))
				for k, v := range p.query {
					req.Query[k] = tea.String(v)
				}
			}
			if len(p.body) > 0 {
				req.Body = p.body
			}
			res, err := c.sdk.CallApiWithCtx(ctx, c.rpcParams(action), req, &dara.RuntimeOptions{})
			if err != nil {
				return nil, err
			}
			return fromEnvelope(res), nil
		},
	}
}

// encodedRPC is the CallApi spec of an action whose Input's wire tags
// place all its parameters, plus ProductType=CloudApp in each place given
// (none for actions without it).
func (c *Client) encodedRPC(action string, in any, product ...place) callSpec {
	p, err := encode(in)
	if err != nil {
		return callSpec{action: action, encodeErr: err}
	}
	for _, w := range product {
		p.always(w, "ProductType", ProductType)
	}
	return c.rpc(action, p)
}

// typed is the typed-SDK1 encoder: send is the SDK method (e.g.
// c.sdk.DeleteAppInstanceGroup) and req its request. The methods take no
// context, so the call runs in a goroutine and the caller stops waiting
// when ctx ends; the SDK's own read timeout bounds the abandoned goroutine.
// The SDK response marshals to the same {statusCode, body} envelope
// CallApi returns, so both encoders share one decoder.
func typed[Req fmt.Stringer, Resp any](action string, req Req, send func(Req) (Resp, error)) callSpec {
	return callSpec{
		action:    action,
		logParams: map[string]any{"request": req.String()},
		attempt: func(ctx context.Context) (*response, error) {
			type out struct {
				r   *response
				err error
			}
			ch := make(chan out, 1)
			go func() {
				resp, err := send(req)
				if err != nil {
					ch <- out{err: err}
					return
				}
				env, err := toMap(resp)
				if err != nil {
					ch <- out{err: fmt.Errorf("decoding %s response: %w", action, err)}
					return
				}
				ch <- out{r: fromEnvelope(env)}
			}()
			select {
			case o := <-ch:
				return o.r, o.err
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		},
	}
}

// fromEnvelope reads the {statusCode, body} envelope both encoders produce.
func fromEnvelope(env map[string]any) *response {
	r := &response{status: 200, body: map[string]any{}}
	if s, ok := toInt64(env["statusCode"]); ok {
		r.status = int(s)
	}
	if b, ok := env["body"].(map[string]any); ok {
		r.body = b
	}
	return r
}

// call is the one way an action runs: the request in spec (either
// encoder) goes through invoke (retries, typed errors) and the answer is
// decoded into Out by the tolerant decoder.
func call[Out any](ctx context.Context, c *Client, spec callSpec) (*Out, error) {
	if spec.encodeErr != nil {
		return nil, fmt.Errorf("%s: %w", spec.action, spec.encodeErr)
	}
	res, err := c.invoke(ctx, spec)
	if err != nil {
		return nil, err
	}
	out := new(Out)
	if err := decodeInto(res.body, out); err != nil {
		return nil, fmt.Errorf("%s: decoding response: %w", spec.action, err)
	}
	return out, nil
}

// noAnswer is the Out of actions whose answer carries nothing but RequestId.
type noAnswer struct{}

// invoke runs spec with the retry policy: exponential backoff with full
// jitter, at most MaxRetries retries, never sleeping past ctx's deadline.
func (c *Client) invoke(ctx context.Context, spec callSpec) (*response, error) {
	ctx = withLogMasks(ctx)
	ctx = MaskCredentialStrings(ctx, c.cfg.SensitiveStrings...)
	logTrace(ctx, "appstreaming API request", map[string]any{"action": spec.action, "params": maskParams(spec.logParams)})
	for attempt := 1; ; attempt++ {
		res, err := c.once(ctx, spec, attempt)
		if err == nil {
			return res, nil
		}
		if ctxErr := ctx.Err(); ctxErr != nil {
			if errors.Is(err, ctxErr) {
				return nil, fmt.Errorf("%s: %w", spec.action, ctxErr)
			}
			return nil, fmt.Errorf("%s: %w (last error: %w)", spec.action, ctxErr, err)
		}
		retry, ambiguous := classify(err)
		if !retry || noRetries(ctx) {
			return nil, err
		}
		if ambiguous && spec.nonIdempotent {
			return nil, &AmbiguousError{Action: spec.action, Err: err}
		}
		if attempt > c.maxRetries {
			return nil, fmt.Errorf("%s: giving up after %d attempts: %w", spec.action, attempt, err)
		}
		delay := c.backoff(attempt)
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) <= delay {
			return nil, fmt.Errorf("%s: not retrying, the next attempt (in %s) would pass the deadline: %w (last error: %w)",
				spec.action, delay.Round(time.Millisecond), context.DeadlineExceeded, err)
		}
		logDebug(ctx, "appstreaming API retry scheduled", map[string]any{"action": spec.action, "attempt": attempt, "delay_ms": delay.Milliseconds()})
		t := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, fmt.Errorf("%s: %w (last error: %w)", spec.action, ctx.Err(), err)
		case <-t.C:
		}
	}
}

// once performs one attempt under the concurrency limit and a per-attempt
// timeout, turns SDK errors into APIError and logs the outcome.
func (c *Client) once(ctx context.Context, spec callSpec, attempt int) (*response, error) {
	if err := c.limiter.Wait(ctx); err != nil {
		return nil, err
	}
	if err := c.acquire(ctx); err != nil {
		return nil, err
	}
	defer c.release()
	actx, cancel := context.WithTimeout(ctx, c.cfg.RequestTimeout+c.cfg.ConnectTimeout)
	defer cancel()
	start := time.Now()
	res, err := spec.attempt(actx)
	lat := time.Since(start)
	fields := map[string]any{"action": spec.action, "attempt": attempt, "latency_ms": lat.Milliseconds()}
	if err != nil {
		if ae := newAPIError(spec.action, err); ae != nil {
			c.limiter.Observe(ae.Kind == KindThrottled)
			err = ae
			fields["http_status"], fields["error_code"], fields["request_id"] = ae.HTTPStatus, ae.Code, ae.RequestID
		} else if ctx.Err() == nil && actx.Err() != nil {
			// Our per-attempt timer fired, not the caller's: a timeout.
			err = &TransportError{Action: spec.action, Err: fmt.Errorf("attempt timed out after %s: %w", lat.Round(time.Millisecond), os.ErrDeadlineExceeded)}
		} else if ctx.Err() == nil {
			err = &TransportError{Action: spec.action, Err: sanitizeErr(err)}
		}
		fields["error"] = err.Error()
		logDebug(ctx, "appstreaming API attempt failed", fields)
		return nil, err
	}
	fields["http_status"] = res.status
	fields["request_id"] = firstString(res.body, "RequestId", "requestId")
	if spec.check != nil {
		if err := spec.check(spec.action, res); err != nil {
			c.limiter.Observe(IsThrottled(err))
			fields["error"] = err.Error()
			logDebug(ctx, "appstreaming API attempt failed", fields)
			return nil, err
		}
	}
	c.limiter.Observe(false)
	logDebug(ctx, "appstreaming API attempt succeeded", fields)
	return res, nil
}

// backoff returns the full-jitter delay before retry number n (1-based):
// uniform in [0, min(max, base*2^(n-1))], with a small floor so a burst of
// throttled callers does not retry instantly.
func (c *Client) backoff(n int) time.Duration {
	ceil := c.cfg.RetryBaseDelay
	for i := 1; i < n && ceil < c.cfg.RetryMaxDelay; i++ {
		ceil *= 2
	}
	if ceil > c.cfg.RetryMaxDelay {
		ceil = c.cfg.RetryMaxDelay
	}
	floor := c.cfg.RetryBaseDelay / 10
	if ceil <= floor {
		return ceil
	}
	return floor + time.Duration(rand.Int64N(int64(ceil-floor)+1))
}

type noRetryKey struct{}

// withoutRetries marks calls made under ctx as single attempts: the status
// watcher polls again on its next tick instead of backing off.
func withoutRetries(ctx context.Context) context.Context {
	return context.WithValue(ctx, noRetryKey{}, true)
}

func noRetries(ctx context.Context) bool { v, _ := ctx.Value(noRetryKey{}).(bool); return v }

// strPtr is the typed SDK's "unset" for an empty string.
func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return tea.String(s)
}

// checkCode treats a 200 body whose Code is present and not a success value
// as a failure (api-notes §1.8: several actions report errors this way).
func checkCode(action string, r *response) error {
	switch firstString(r.body, "Code") {
	case "", "success", "Success", "SUCCESS", "200", "OK", "ok":
		return nil
	}
	return answerError(action, r)
}

// checkSuccessFlag treats a 200 body with "Success": false as a failure
// (ListImage reports errors this way).
func checkSuccessFlag(action string, r *response) error {
	if ok, isBool := r.body["Success"].(bool); isBool && !ok {
		return answerError(action, r)
	}
	return nil
}

// answerError is the *APIError of a 200 body that reports a failure.
func answerError(action string, r *response) *APIError {
	code := firstString(r.body, "Code")
	return &APIError{Action: action, Code: code, Message: firstString(r.body, "Message"),
		RequestID: firstString(r.body, "RequestId"), HTTPStatus: r.status, Kind: kindOf(code, r.status)}
}
