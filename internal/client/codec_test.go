package client

import (
	"reflect"
	"strings"
	"testing"
)

// inputsOnTheWire are the action inputs that encode places by wire tags.
var inputsOnTheWire = []any{
	ListImagesInput{}, ListNodeInstanceTypesInput{}, CreateAppInstanceGroupInput{}, ListAppInstanceGroupsInput{},
	ModifyAppInstanceGroupAttributeInput{}, ModifyNodePoolAttributeInput{}, ModifyNodePoolAmountInput{},
	AuthorizeInstanceGroupInput{}, ListAuthorizedUserGroupsInput{}, tagInput{}, ListTagCloudResourcesInput{},
	GetConnectionTicketInput{}, ListAppInstancesInput{}, RenewAppInstanceGroupInput{},
}

// filled returns a copy of in with every field set to a non-zero value.
func filled(t *testing.T, in any) reflect.Value {
	v := reflect.New(reflect.TypeOf(in)).Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString("s")
		case reflect.Int:
			f.SetInt(7)
		case reflect.Slice:
			s := reflect.MakeSlice(f.Type(), 1, 1)
			fillOne(s.Index(0))
			f.Set(s)
		case reflect.Pointer:
			p := reflect.New(f.Type().Elem())
			fillOne(p.Elem())
			f.Set(p)
		default:
			t.Fatalf("%T.%s: no filler for %s", in, v.Type().Field(i).Name, f.Type())
		}
	}
	return v
}

func fillOne(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString("s")
	case reflect.Int:
		v.SetInt(7)
	case reflect.Float64:
		v.SetFloat(1.5)
	case reflect.Bool:
		v.SetBool(false) // explicit false must still be sent
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Field(i).Kind() == reflect.String {
				v.Field(i).SetString("s")
			}
		}
	}
}

// Every field of every input has a wire tag the encoder understands, a
// set field lands in its declared place under its declared name, and an
// empty input sends only the fields marked always.
func TestEveryInputEncodes(t *testing.T) {
	for _, in := range inputsOnTheWire {
		rt := reflect.TypeOf(in)
		t.Run(rt.Name(), func(t *testing.T) {
			empty, err := encode(in)
			if err != nil {
				t.Fatal(err)
			}
			full, err := encode(filled(t, in).Interface())
			if err != nil {
				t.Fatal(err)
			}
			wantEmpty := 0
			for i := range rt.NumField() {
				f := rt.Field(i)
				tag := f.Tag.Get("wire")
				if tag == "-" {
					continue
				}
				parts := strings.Split(tag, ",")
				key := parts[1]
				query := map[string]any{}
				for k, v := range full.query {
					query[k] = v
				}
				place, other := full.body, query
				if parts[0] == "query" {
					place, other = query, full.body
				}
				name := key
				switch {
				case strings.Contains(tag, ",json"):
				case f.Type == reflect.TypeOf([]Tag{}):
					name = key + ".1.Key"
				case f.Type.Kind() == reflect.Slice:
					name = key + ".1"
				}
				var got any
				if v, ok := place[name]; ok {
					got = v
				} else if _, ok := other[name]; ok {
					t.Errorf("%s: %s sent in the wrong place (%s)", f.Name, name, tag)
					continue
				}
				if got == nil || got == "" {
					t.Errorf("%s: %s not sent (query=%v body=%v)", f.Name, name, full.query, full.body)
				}
				if strings.Contains(tag, ",always") {
					wantEmpty++
				}
			}
			if n := len(empty.query) + len(empty.body); n != wantEmpty {
				t.Errorf("empty input sends %d parameters, want %d (the always ones): query=%v body=%v", n, wantEmpty, empty.query, empty.body)
			}
		})
	}
}

func TestEncodeRefusesUntaggedFields(t *testing.T) {
	if _, err := encode(struct{ Name string }{"x"}); err == nil || !strings.Contains(err.Error(), "no wire tag") {
		t.Fatalf("err = %v", err)
	}
	if _, err := encode(struct {
		N uint `wire:"query,N"`
	}{1}); err == nil || !strings.Contains(err.Error(), "no wire rule") {
		t.Fatalf("err = %v", err)
	}
}
