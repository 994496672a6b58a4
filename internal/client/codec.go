package client

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// toMap turns an SDK response body struct into the same generic map shape
// CallApi returns, so both paths share one decoder.
func toMap(v any) (map[string]any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	m := map[string]any{}
	if string(b) == "null" {
		return m, nil
	}
	d := json.NewDecoder(strings.NewReader(string(b)))
	d.UseNumber()
	if err := d.Decode(&m); err != nil {
		return nil, err
	}
	return m, nil
}

func toInt64(v any) (int64, bool) {
	switch n := v.(type) {
	case int:
		return int64(n), true
	case int32:
		return int64(n), true
	case int64:
		return n, true
	case float64:
		return int64(n), true
	case float32:
		return int64(n), true
	case json.Number:
		if i, err := n.Int64(); err == nil {
			return i, true
		}
		if f, err := n.Float64(); err == nil {
			return int64(f), true
		}
	case string:
		s := strings.TrimSpace(n)
		if i, err := strconv.ParseInt(s, 10, 64); err == nil {
			return i, true
		}
		if f, err := strconv.ParseFloat(s, 64); err == nil && !math.IsNaN(f) {
			return int64(f), true
		}
	case *int32:
		if n != nil {
			return int64(*n), true
		}
	case *int:
		if n != nil {
			return int64(*n), true
		}
	}
	return 0, false
}

// decodeInto decodes a raw JSON-ish value into out, tolerating the type
// drift the service and the SDK produce: numbers as strings ("15") and the
// reverse, bools as "true", a single object where a list is expected.
func decodeInto(raw any, out any) error {
	rv := reflect.ValueOf(out)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("decodeInto: need a non-nil pointer")
	}
	norm := normalize(raw, rv.Elem().Type())
	b, err := json.Marshal(norm)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, out)
}

// normalize reshapes v so that encoding/json can decode it into t.
func normalize(v any, t reflect.Type) any {
	if v == nil {
		return nil
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		out := make(map[string]any, len(m))
		fields := map[string]reflect.Type{}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name := strings.Split(f.Tag.Get("json"), ",")[0]
			if name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			fields[strings.ToLower(name)] = f.Type
		}
		for k, val := range m {
			if ft, ok := fields[strings.ToLower(k)]; ok {
				out[k] = normalize(val, ft)
			}
		}
		return out
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return v
		}
		var items []any
		switch s := v.(type) {
		case []any:
			items = s
		case string:
			// Some list fields arrive as JSON text; accept that as well.
			var arr []any
			if json.Unmarshal([]byte(s), &arr) == nil {
				items = arr
			} else if s != "" {
				items = []any{s}
			}
		case map[string]any:
			items = []any{s}
		default:
			items = []any{v}
		}
		out := make([]any, 0, len(items))
		for _, it := range items {
			out = append(out, normalize(it, t.Elem()))
		}
		return out
	case reflect.Map:
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		out := make(map[string]any, len(m))
		for k, val := range m {
			out[k] = normalize(val, t.Elem())
		}
		return out
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if n, ok := toInt64(v); ok {
			return n
		}
		return nil
	case reflect.Float32, reflect.Float64:
		switch n := v.(type) {
		case string:
			if f, err := strconv.ParseFloat(strings.TrimSpace(n), 64); err == nil {
				return f
			}
			return nil
		case json.Number:
			f, _ := n.Float64()
			return f
		}
		return v
	case reflect.Bool:
		switch b := v.(type) {
		case bool:
			return b
		case string:
			p, err := strconv.ParseBool(strings.TrimSpace(b))
			if err != nil {
				return nil
			}
			return p
		}
		if n, ok := toInt64(v); ok {
			return n != 0
		}
		return nil
	case reflect.String:
		switch s := v.(type) {
		case string:
			return s
		case json.Number:
			return s.String()
		case float64:
			return strconv.FormatFloat(s, 'f', -1, 64)
		case bool:
			return strconv.FormatBool(s)
		case map[string]any, []any:
			b, _ := json.Marshal(s)
			return string(b)
		}
		return fmt.Sprint(v)
	case reflect.Interface:
		return v
	}
	return v
}

// params collects one action's parameters in their wire places (api-notes §2): query
// values are strings with lists pre-flattened; body values are strings too
// (JSON-string params already marshalled) so the form encoder sends them
// verbatim.
type params struct {
	query map[string]string
	body  map[string]any
}

func newParams() *params { return &params{query: map[string]string{}, body: map[string]any{}} }

type place int

const (
	inQuery place = iota
	inBody
)

func (p *params) set(where place, key, val string) {
	if where == inQuery {
		p.query[key] = val
	} else {
		p.body[key] = val
	}
}

// str sets a plain string when non-empty.
func (p *params) str(where place, key, v string) {
	if v != "" {
		p.set(where, key, v)
	}
}

// always sets a string even when empty (required params).
func (p *params) always(where place, key, v string) { p.set(where, key, v) }

func (p *params) intPtr(where place, key string, v *int) {
	if v != nil {
		p.set(where, key, strconv.Itoa(*v))
	}
}

// intNZ sets an int when it is not zero (for params where 0 is never valid).
func (p *params) intNZ(where place, key string, v int) {
	if v != 0 {
		p.set(where, key, strconv.Itoa(v))
	}
}

func (p *params) float(where place, key string, v *float64) {
	if v != nil {
		p.set(where, key, strconv.FormatFloat(*v, 'f', -1, 64))
	}
}

func (p *params) boolPtr(where place, key string, v *bool) {
	if v != nil {
		p.set(where, key, strconv.FormatBool(*v))
	}
}

// ints flattens an int list as key.1, key.2, … (1-based).
func (p *params) ints(where place, key string, vs []int) {
	for i, v := range vs {
		p.set(where, fmt.Sprintf("%s.%d", key, i+1), strconv.Itoa(v))
	}
}

// list flattens a string list as key.1, key.2, … (1-based).
func (p *params) list(where place, key string, vs []string) {
	for i, v := range vs {
		p.set(where, fmt.Sprintf("%s.%d", key, i+1), v)
	}
}

// tags flattens key/value objects as key.N.Key / key.N.Value.
func (p *params) tags(where place, key string, ts []Tag) {
	for i, t := range ts {
		p.set(where, fmt.Sprintf("%s.%d.Key", key, i+1), t.Key)
		p.set(where, fmt.Sprintf("%s.%d.Value", key, i+1), t.Value)
	}
}

// json marshals v into one JSON-string parameter; nil pointers are skipped.
// Our request structs use omitempty on pointer fields, so unset fields are
// left out and explicit false/0 are kept.
func (p *params) json(where place, key string, v any) error {
	if v == nil {
		return nil
	}
	rv := reflect.ValueOf(v)
	if (rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Slice || rv.Kind() == reflect.Map) && rv.IsNil() {
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encoding %s: %w", key, err)
	}
	p.set(where, key, string(b))
	return nil
}

// encode places the fields of an action's Input struct as their wire tags
// say, so the struct is the one description of what the action sends:
//
//	`wire:"query,Name"` or `wire:"body,Name"`, options after further commas:
//	  always  a string is sent even when empty (required parameters)
//	  json    the value is sent as one JSON-string parameter (nil or an
//	          empty list is left out)
//	`wire:"-"` the field is not sent as is (the encoder places it itself)
//
// Without json: a string is sent when non-empty, an int when non-zero,
// *int, *bool and *float64 when set; []string and []int as Name.1, Name.2,
// …; []Tag as Name.N.Key / Name.N.Value. A field without a wire tag, or of
// another type, is an error (TestEveryInputEncodes checks every Input).
func encode(in any) (*params, error) {
	rv := reflect.Indirect(reflect.ValueOf(in))
	rt := rv.Type()
	p := newParams()
	for i := range rt.NumField() {
		f := rt.Field(i)
		tag, ok := f.Tag.Lookup("wire")
		if !ok {
			return nil, fmt.Errorf("encoding %s: field %s has no wire tag", rt.Name(), f.Name)
		}
		if tag == "-" {
			continue
		}
		parts := strings.Split(tag, ",")
		if len(parts) < 2 || (parts[0] != "query" && parts[0] != "body") {
			return nil, fmt.Errorf("encoding %s: field %s: bad wire tag %q", rt.Name(), f.Name, tag)
		}
		where, key := inBody, parts[1]
		if parts[0] == "query" {
			where = inQuery
		}
		always, asJSON := slices.Contains(parts[2:], "always"), slices.Contains(parts[2:], "json")
		v := rv.Field(i)
		if asJSON {
			if v.Kind() == reflect.Slice && v.Len() == 0 {
				continue
			}
			if err := p.json(where, key, v.Interface()); err != nil {
				return nil, err
			}
			continue
		}
		switch x := v.Interface().(type) {
		case string:
			if always {
				p.always(where, key, x)
			} else {
				p.str(where, key, x)
			}
		case int:
			p.intNZ(where, key, x)
		case *int:
			p.intPtr(where, key, x)
		case *bool:
			p.boolPtr(where, key, x)
		case *float64:
			p.float(where, key, x)
		case []string:
			p.list(where, key, x)
		case []int:
			p.ints(where, key, x)
		case []Tag:
			p.tags(where, key, x)
		default:
			return nil, fmt.Errorf("encoding %s: field %s: no wire rule for %s", rt.Name(), f.Name, f.Type)
		}
	}
	return p, nil
}
