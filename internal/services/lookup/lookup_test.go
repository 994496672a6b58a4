package lookup

import "testing"

func TestFilterIDStable(t *testing.T) {
	a := FilterID("x", map[string]string{"a": "1", "b": "2"})
	b := FilterID("x", map[string]string{"b": "2", "a": "1"})
	c := FilterID("x", map[string]string{"a": "1"})
	if a != b || a == c {
		t.Errorf("FilterID: %s %s %s", a, b, c)
	}
}
