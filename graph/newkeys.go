package graph

import (
	"encoding/binary"

	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/hidal-go/hidalgo/kv/flat"
)

// Writing a report, Cayley looks up every index key its quads touch, to
// extend the list of quads stored under it. Almost all of those keys name
// a node created in the same transaction (the report itself, its
// sentences), so they cannot be in the store yet; on a large store each
// such lookup still costs LevelDB a search through its levels. Cayley
// numbers nodes and quads from one counter (meta/horizon) that only grows:
// a write transaction reads it when it starts, and a key of an index
// bucket holding a number above it is known to be absent from the snapshot
// without a read. The transaction's own writes are still looked up first.

// idBuckets describes the index buckets of a store: the flat name of each,
// and how many 8-byte numbers its keys hold.
type idBuckets map[string]int

func newIDBuckets(inds []ckv.QuadIndex) idBuckets {
	b := make(idBuckets, len(inds))
	for _, ind := range inds {
		name := make([]byte, len(ind.Dirs))
		for i, d := range ind.Dirs {
			name[i] = d.Prefix()
		}
		b[string(name)] = len(ind.Dirs)
	}
	return b
}

// horizonKey is where Cayley keeps its counter, as a flat key.
var horizonKey = flat.Key("meta/horizon")

// readHorizon returns the counter of a snapshot; 0 when there is none.
func readHorizon(get func(flat.Key) ([]byte, error)) uint64 {
	v, err := get(horizonKey)
	if err != nil || len(v) != 8 {
		return 0
	}
	return binary.LittleEndian.Uint64(v)
}

// newerThan reports whether key is a key of one of the buckets holding a
// number above horizon. Flat keys escape '/' and '\' with '\'.
func (b idBuckets) newerThan(key flat.Key, horizon uint64) bool {
	if len(b) == 0 || horizon == 0 {
		return false
	}
	i := 0
	for i < len(key) && key[i] != '/' {
		if key[i] == '\\' {
			return false // no index bucket's name needs escaping
		}
		i++
	}
	n, ok := b[string(key[:i])]
	if !ok || i == len(key) {
		return false
	}
	var raw [4 * 8]byte
	m := 0
	for j := i + 1; j < len(key); j++ {
		c := key[j]
		if c == '\\' && j+1 < len(key) {
			j++
			c = key[j]
		}
		if m == len(raw) {
			return false
		}
		raw[m] = c
		m++
	}
	if m != 8*n {
		return false
	}
	for k := 0; k < n; k++ {
		if binary.BigEndian.Uint64(raw[8*k:]) > horizon {
			return true
		}
	}
	return false
}

// skipNew makes the write transactions of a LevelDB store answer lookups
// of keys naming numbers above their starting horizon without a read.
func (k *levelKV) skipNew(inds []ckv.QuadIndex) {
	b := newIDBuckets(inds)
	k.buckets.Store(&b)
}

// knownAbsent is what a levelTx checks before reading its snapshot.
func (tx *levelTx) knownAbsent(key flat.Key) bool {
	if tx.horizon == 0 {
		return false
	}
	b := tx.kv.buckets.Load()
	return b != nil && b.newerThan(key, tx.horizon)
}

// startHorizon reads the horizon a write transaction starts from.
func (tx *levelTx) startHorizon() {
	if tx.kv.buckets.Load() == nil {
		return
	}
	tx.horizon = readHorizon(func(key flat.Key) ([]byte, error) { return tx.sn.Get(key, nil) })
}
