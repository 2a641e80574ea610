package graph

import (
	"strconv"
	"strings"
	"testing"
)

// lessIDSplit is lessID as first written, splitting both IDs: the
// reference the allocation-free version must agree with.
func lessIDSplit(a, b ID) bool {
	as, bs := strings.Split(string(a), "/"), strings.Split(string(b), "/")
	for k := 0; k < len(as) && k < len(bs); k++ {
		if as[k] == bs[k] {
			continue
		}
		x, errx := strconv.Atoi(as[k])
		y, erry := strconv.Atoi(bs[k])
		if errx == nil && erry == nil {
			return x < y
		}
		return as[k] < bs[k]
	}
	return len(as) < len(bs)
}

func TestLessID(t *testing.T) {
	for _, c := range []struct {
		a, b ID
		want bool
	}{
		{"evidence/r/2", "evidence/r/10", true},
		{"evidence/r/10", "evidence/r/2", false},
		{"evidence/r/2", "evidence/r/2", false},
		{"evidence/r", "evidence/r/2", true},
		{"evidence/r/2", "evidence/r", false},
		{"adoption/沂水县/府检联动/2022", "adoption/兰陵县/府检联动/2021", false},
		{"a/-3", "a/2", true},
		{"a/+3", "a/2", false},
		{"a/99999999999999999999", "a/3", false}, // out of range: compared as text
		{"a/x", "a/1", false},
		{"", "a", true},
	} {
		if got := lessID(c.a, c.b); got != c.want {
			t.Errorf("lessID(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func FuzzLessID(f *testing.F) {
	f.Add("evidence/r/2", "evidence/r/10")
	f.Add("adoption/a/b/2022", "adoption/a/b")
	f.Add("a/-1/x", "a/+1/y")
	f.Add("/", "//")
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := lessID(ID(a), ID(b)), lessIDSplit(ID(a), ID(b)); got != want {
			t.Errorf("lessID(%q, %q) = %v, splitting %v", a, b, got, want)
		}
	})
}
