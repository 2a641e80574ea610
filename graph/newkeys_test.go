package graph

import (
	"encoding/binary"
	"testing"

	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	"github.com/hidal-go/hidalgo/kv/flat"
)

// flatKey builds the flat key of numbers in a bucket, escaped as
// hidalgo's flat layer escapes them.
func flatKey(bucket string, ids ...uint64) flat.Key {
	k := flat.Key(bucket + "/")
	for _, id := range ids {
		var b [8]byte
		binary.BigEndian.PutUint64(b[:], id)
		for _, c := range b {
			if c == '/' || c == '\\' {
				k = append(k, '\\')
			}
			k = append(k, c)
		}
	}
	return k
}

func TestNewerThan(t *testing.T) {
	b := newIDBuckets([]ckv.QuadIndex{
		{Dirs: []quad.Direction{quad.Subject, quad.Predicate, quad.Object, quad.Label}},
		{Dirs: []quad.Direction{quad.Object, quad.Predicate, quad.Subject}},
		{Dirs: []quad.Direction{quad.Label}},
	})
	tests := []struct {
		name    string
		key     flat.Key
		horizon uint64
		want    bool
	}{
		{"all older", flatKey("spoc", 1, 2, 3, 4), 10, false},
		{"label newer", flatKey("spoc", 1, 2, 3, 11), 10, true},
		{"subject newer", flatKey("ops", 11, 2, 3), 10, true},
		{"equal is not newer", flatKey("c", 10), 10, false},
		{"escaped slash, newer", flatKey("c", '/'), '/' - 1, true},
		{"escaped slash, older", flatKey("c", '/'), '/', false},
		{"escaped backslash", flatKey("spoc", 1, '\\', '/', 0x2f2f), 0x2f2f - 1, true},
		{"not an index bucket", flatKey("log", 99), 10, false},
		{"node values", flat.Key("v\x01\x02/0123456789abcdefghij"), 10, false},
		{"too few numbers", flatKey("spoc", 99, 99), 10, false},
		{"too many numbers", flatKey("c", 99, 99), 10, false},
		{"bucket only", flat.Key("spoc"), 10, false},
		{"no horizon", flatKey("c", 99), 0, false},
	}
	for _, tt := range tests {
		if got := b.newerThan(tt.key, tt.horizon); got != tt.want {
			t.Errorf("%s: newerThan(%q, %d) = %v, want %v", tt.name, tt.key, tt.horizon, got, tt.want)
		}
	}
}

func FuzzNewerThan(f *testing.F) {
	b := newIDBuckets(indexes())
	f.Add([]byte(flatKey("spoc", 1, 2, 3, 4)), uint64(2))
	f.Add([]byte("c/\\/\\\\"), uint64(1))
	f.Fuzz(func(t *testing.T, key []byte, horizon uint64) {
		b.newerThan(key, horizon) // must not panic
	})
}
