package customtypes

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"sort"
	"strings"
)

// decodeJSON parses exactly one JSON value. Numbers stay json.Number so large
// integers (IDs) are not rounded through float64, which would make different
// documents compare equal.
func decodeJSON(s string) (any, error) {
	dec := json.NewDecoder(bytes.NewReader([]byte(s)))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("empty input: expected a JSON value")
		}
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("%v (at byte %d)", se, se.Offset)
		}
		return nil, err
	}
	// Anything but whitespace after the value is an error, as for json.Valid.
	// Positions are 1-based, like json.SyntaxError.Offset for a bad byte.
	end := int(dec.InputOffset())
	if rest := strings.TrimLeft(s[end:], " \t\r\n"); rest != "" {
		return nil, fmt.Errorf("unexpected data after the JSON value (at byte %d)", len(s)-len(rest)+1)
	}
	return v, nil
}

// ValidateJSON reports why s is not a single valid JSON value, or nil.
func ValidateJSON(s string) error {
	_, err := decodeJSON(s)
	return err
}

// JSONSemanticallyEqual reports whether a and b hold the same JSON value,
// ignoring whitespace, object key order and number spelling (1, 1.0 and 1e0
// are equal). Array order matters. An error is returned if either is invalid.
func JSONSemanticallyEqual(a, b string) (bool, error) {
	va, err := decodeJSON(a)
	if err != nil {
		return false, fmt.Errorf("first document: %w", err)
	}
	vb, err := decodeJSON(b)
	if err != nil {
		return false, fmt.Errorf("second document: %w", err)
	}
	return jsonEqual(va, vb), nil
}

// CanonicalJSON returns s compacted with object keys sorted (encoding/json
// sorts map keys), for stable comparison or logging. Number spelling is kept.
func CanonicalJSON(s string) (string, error) {
	v, err := decodeJSON(s)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // keep <, > and & as written
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return string(bytes.TrimRight(buf.Bytes(), "\n")), nil
}

func jsonEqual(a, b any) bool {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			yv, ok := y[k]
			if !ok || !jsonEqual(x[k], yv) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !jsonEqual(x[i], y[i]) {
				return false
			}
		}
		return true
	case json.Number:
		y, ok := b.(json.Number)
		if !ok {
			return false
		}
		return numbersEqual(x, y)
	default: // string, bool, nil
		return a == b
	}
}

// numbersEqual compares JSON numbers by value. big.Float with a wide mantissa
// keeps integers far beyond int64 exact and, unlike big.Rat, does not expand
// a huge exponent such as 1e999999999 into memory.
func numbersEqual(a, b json.Number) bool {
	if a == b {
		return true
	}
	const prec = 1024
	fa, _, errA := big.ParseFloat(string(a), 10, prec, big.ToNearestEven)
	fb, _, errB := big.ParseFloat(string(b), 10, prec, big.ToNearestEven)
	if errA != nil || errB != nil {
		return false
	}
	return fa.Cmp(fb) == 0
}
