package common

import (
	"testing"
	"time"
)

func TestParseTime(t *testing.T) {
	want := time.Date(2026, 3, 10, 9, 40, 0, 0, time.UTC)
	for _, s := range []string{
		"2026-03-10T09:40:00.000+00:00",
		"2026-03-10T17:40:00.000+08:00",
		"2026-03-10T09:40:00Z",
		"2026-03-10T09:40Z",
		"2026-03-10 09:40:00",
	} {
		got, ok := ParseTime(s)
		if !ok || !got.Equal(want) {
			t.Errorf("ParseTime(%q) = %v, %v; want %v", s, got, ok, want)
		}
	}
	for _, s := range []string{"", "yesterday", "10/03/2026"} {
		if _, ok := ParseTime(s); ok {
			t.Errorf("ParseTime(%q) parsed; want failure", s)
		}
	}
}

func TestFormatTime(t *testing.T) {
	if got := FormatTime("2026-03-10T17:40:00.000+08:00").ValueString(); got != "2026-03-10T09:40:00Z" {
		t.Errorf("FormatTime = %q", got)
	}
	if got := FormatTime("soon").ValueString(); got != "soon" {
		t.Errorf("unparseable input should pass through, got %q", got)
	}
	if !FormatTime("").IsNull() {
		t.Error("empty should be null")
	}
}
