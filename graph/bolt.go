package graph

import (
	"bytes"
	"context"
	"path/filepath"
	"time"

	hkv "github.com/hidal-go/hidalgo/kv"
	bolt "go.etcd.io/bbolt"
)

// boltKV is a Bolt database as the hierarchical key-value store Cayley's KV
// quad store runs on, laid out as Cayley's own Bolt backend lays it out
// (indexes.bolt in the data directory; the first part of a key names a
// top-level bucket, further parts nested buckets), so that a file written by
// one opens with the other. It runs on go.etcd.io/bbolt, the maintained
// Bolt: the github.com/boltdb/bolt that Cayley's backend uses breaks Go's
// pointer checks (go test -race stops on it).
type boltKV struct{ db *bolt.DB }

var _ hkv.KV = (*boltKV)(nil)

// openBolt opens (or creates) the Bolt file of a data directory.
func openBolt(dir string, noSync bool) (*boltKV, error) {
	db, err := bolt.Open(filepath.Join(dir, "indexes.bolt"), 0o644, &bolt.Options{Timeout: time.Second, NoSync: noSync})
	if err != nil {
		return nil, err
	}
	db.NoGrowSync = noSync
	return &boltKV{db}, nil
}

func (k *boltKV) Close() error { return k.db.Close() }

func (k *boltKV) Tx(rw bool) (hkv.Tx, error) {
	tx, err := k.db.Begin(rw)
	if err != nil {
		return nil, err
	}
	return &boltTx{tx: tx}, nil
}

type boltTx struct {
	tx   *bolt.Tx
	done bool
}

// root returns the root bucket, which holds the keys of one part.
func (tx *boltTx) root() *bolt.Bucket { return tx.tx.Cursor().Bucket() }

// bucket returns the bucket holding key and the rest of the key in it; the
// bucket is nil when one on the way does not exist.
func (tx *boltTx) bucket(key hkv.Key) (*bolt.Bucket, hkv.Key) {
	if len(key) <= 1 {
		return tx.root(), key
	}
	b := tx.tx.Bucket(key[0])
	key = key[1:]
	for b != nil && len(key) > 1 {
		b = b.Bucket(key[0])
		key = key[1:]
	}
	return b, key
}

func (tx *boltTx) Get(ctx context.Context, key hkv.Key) (hkv.Value, error) {
	b, k := tx.bucket(key)
	if b == nil || len(k) != 1 {
		return nil, hkv.ErrNotFound
	}
	v := b.Get(k[0])
	if v == nil {
		return nil, hkv.ErrNotFound
	}
	return v, nil
}

func (tx *boltTx) GetBatch(ctx context.Context, keys []hkv.Key) ([]hkv.Value, error) {
	vals := make([]hkv.Value, len(keys))
	for i, key := range keys {
		if b, k := tx.bucket(key); b != nil && len(k) == 1 {
			vals[i] = b.Get(k[0])
		}
	}
	return vals, nil
}

func (tx *boltTx) Commit(ctx context.Context) error {
	if tx.done {
		return nil
	}
	tx.done = true
	if !tx.tx.Writable() {
		return tx.tx.Rollback()
	}
	return tx.tx.Commit()
}

func (tx *boltTx) Close() error {
	if tx.done {
		return nil
	}
	tx.done = true
	return tx.tx.Rollback()
}

// Put writes a value, creating the buckets on the way. An empty last part
// with an empty value only creates the buckets.
func (tx *boltTx) Put(key hkv.Key, v hkv.Value) error {
	if !tx.tx.Writable() {
		return hkv.ErrReadOnly
	}
	b := tx.root()
	var err error
	if len(key) > 1 {
		b, err = tx.tx.CreateBucketIfNotExists(key[0])
		key = key[1:]
	}
	for err == nil && len(key) > 1 {
		b, err = b.CreateBucketIfNotExists(key[0])
		key = key[1:]
	}
	if err != nil {
		return err
	}
	if len(key[0]) == 0 && len(v) == 0 {
		return nil
	}
	return b.Put(key[0], v)
}

func (tx *boltTx) Del(key hkv.Key) error {
	if !tx.tx.Writable() {
		return hkv.ErrReadOnly
	}
	b, k := tx.bucket(key)
	if b == nil || len(k) != 1 {
		return nil
	}
	return b.Delete(k[0])
}

// Scan walks the keys under a prefix whose last part is a prefix of key
// parts, descending into nested buckets.
func (tx *boltTx) Scan(pref hkv.Key) hkv.Iterator {
	b, p := tx.bucket(pref)
	if b == nil || len(p) > 1 {
		return &boltIter{} // a bucket of the prefix does not exist
	}
	return &boltIter{
		b:    []*bolt.Bucket{b},
		pref: p,
		path: pref[:len(pref)-len(p)].Clone(),
	}
}

// boltIter walks a bucket depth first; path is the key of the bucket it
// stands in, pref the prefix the keys at each depth must have.
type boltIter struct {
	path hkv.Key
	pref hkv.Key
	b    []*bolt.Bucket
	c    []*bolt.Cursor
	k, v []byte
}

func (it *boltIter) Next(ctx context.Context) bool {
	for len(it.b) > 0 {
		i := len(it.b) - 1
		if len(it.c) < len(it.b) {
			c := it.b[i].Cursor()
			it.c = append(it.c, c)
			if i >= len(it.pref) {
				it.k, it.v = c.First()
			} else {
				it.k, it.v = c.Seek(it.pref[i])
			}
		} else {
			it.k, it.v = it.c[i].Next()
		}
		if it.k != nil && (i >= len(it.pref) || bytes.HasPrefix(it.k, it.pref[i])) {
			if it.v == nil {
				if nested := it.b[i].Bucket(it.k); nested != nil {
					it.b = append(it.b, nested)
					it.path = append(it.path, it.k)
					continue
				}
			}
			return true
		}
		// This bucket is done: back to the one holding it.
		it.c = it.c[:i]
		it.b = it.b[:i]
		if len(it.path) > 0 {
			it.path = it.path[:len(it.path)-1]
		}
	}
	return false
}

func (it *boltIter) Key() hkv.Key {
	if len(it.b) == 0 {
		return nil
	}
	return append(it.path.Clone(), bytes.Clone(it.k))
}

func (it *boltIter) Val() hkv.Value { return it.v }
func (it *boltIter) Err() error     { return nil }

func (it *boltIter) Close() error {
	*it = boltIter{}
	return nil
}
