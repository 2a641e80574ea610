package graph

import (
	"bytes"
	"context"
	"sync/atomic"

	"github.com/hidal-go/hidalgo/kv/flat"
	"github.com/syndtr/goleveldb/leveldb"
	"github.com/syndtr/goleveldb/leveldb/comparer"
	"github.com/syndtr/goleveldb/leveldb/filter"
	"github.com/syndtr/goleveldb/leveldb/iterator"
	"github.com/syndtr/goleveldb/leveldb/memdb"
	"github.com/syndtr/goleveldb/leveldb/opt"
	"github.com/syndtr/goleveldb/leveldb/util"
)

// levelKV is a LevelDB database as the flat key-value store Cayley's KV
// quad store runs on, keeping the key layout of Cayley's own LevelDB
// backend (a directory written by one opens with the other).
//
// It differs in how it writes. Cayley's backend opens a LevelDB
// transaction per write, which turns every commit into a new table file and
// a wait for compaction. Here a write transaction collects its changes in
// memory, where its own reads see them, and commits them as one batch, a
// single record of LevelDB's journal, applied whole or not at all, after a
// crash too; only changes too large for a batch to pay (bigTransaction) go
// through a LevelDB transaction. Reads run on snapshots.
type levelKV struct {
	db *leveldb.DB
	wo *opt.WriteOptions
	// buckets are the index buckets whose keys a write transaction
	// knows absent when they name a number above its horizon (see
	// skipNew); nil until the store's layout is known.
	buckets atomic.Pointer[idBuckets]
	// spare holds the buffers of the last write transaction for the next
	// one: its overlay and the batch it committed. Ingest commits
	// thousands of transactions of similar size, and growing a fresh
	// overlay and batch for each was a fifth of everything it allocated.
	spare atomic.Pointer[levelBuffers]
	// hot holds values write transactions read, for the next ones.
	hot hotCache
}

// levelBuffers are the reusable buffers of a write transaction.
type levelBuffers struct {
	pending *memdb.DB
	batch   leveldb.Batch
	scratch []byte // a pending value being encoded
}

// maxSpareBytes bounds what a spare overlay may keep: the buffers of one
// exceptionally large transaction (a derive) are left to the collector.
const maxSpareBytes = 64 << 20

var _ flat.KV = (*levelKV)(nil)

// openLevel opens (or creates) the LevelDB database in dir.
func openLevel(dir string, noSync bool) (*levelKV, error) {
	db, err := leveldb.OpenFile(dir, &opt.Options{
		// Most reads of a write look up keys that do not exist yet (new
		// nodes, new index entries): a Bloom filter per table answers
		// those without reading a block.
		Filter:             filter.NewBloomFilter(10),
		BlockCacheCapacity: 32 << 20,
		// Ingest writes tens of millions of keys in random order. Larger
		// memtables and tables, and levels ten times LevelDB's (640 MiB
		// for the first), leave the store one or two levels shallower.
		// A first level of 60 or 320 MiB made no difference at 10,000
		// reports: most compactions are started by reads (LevelDB
		// compacts a table that many reads had to pass), which hotCache
		// spares.
		WriteBuffer:         32 << 20,
		CompactionTableSize: 8 << 20,
		CompactionTotalSize: 64 << 20,
	})
	if err != nil {
		return nil, err
	}
	return &levelKV{db: db, wo: &opt.WriteOptions{Sync: !noSync}, hot: newHotCache(hotEntries)}, nil
}

func (k *levelKV) Close() error { return k.db.Close() }

func (k *levelKV) Tx(rw bool) (flat.Tx, error) {
	sn, err := k.db.GetSnapshot()
	if err != nil {
		return nil, err
	}
	tx := &levelTx{kv: k, sn: sn}
	if rw {
		tx.bufs = k.spare.Swap(nil)
		if tx.bufs == nil {
			tx.bufs = &levelBuffers{pending: memdb.New(comparer.DefaultComparer, 0)}
		}
		tx.pending = tx.bufs.pending
		tx.startHorizon()
	}
	return tx, nil
}

// Pending changes are stored in the overlay as one op byte and the value.
const (
	opDel byte = iota
	opPut
)

type levelTx struct {
	kv      *levelKV
	sn      *leveldb.Snapshot
	pending *memdb.DB // nil for a read-only transaction
	bufs    *levelBuffers
	done    bool
	horizon uint64 // Cayley's counter when a write transaction started
}

func (tx *levelTx) Commit(ctx context.Context) error {
	if tx.done {
		return nil
	}
	defer tx.Close()
	if tx.pending == nil || tx.pending.Len() == 0 {
		return nil
	}
	if tx.pending.Size() > bigTransaction {
		return tx.commitLarge()
	}
	b := &tx.bufs.batch
	b.Reset()
	it := tx.pending.NewIterator(nil)
	for it.Next() {
		v := it.Value()
		if v[0] == opPut {
			b.Put(it.Key(), v[1:])
		} else {
			b.Delete(it.Key())
		}
	}
	it.Release()
	err := tx.kv.db.Write(b, tx.kv.wo)
	tx.kv.hot.committed(tx.pending, err)
	return err
}

// bigTransaction is the size of pending changes above which a commit goes
// through a LevelDB transaction instead of a batch. A batch goes through
// the journal and the memory table, cheap for one report's changes; a
// transaction writes table files directly, cheaper for many reports'.
const bigTransaction = 8 << 20

// commitLarge commits the pending changes as one LevelDB transaction.
func (tx *levelTx) commitLarge() error {
	tr, err := tx.kv.db.OpenTransaction()
	if err != nil {
		return err
	}
	it := tx.pending.NewIterator(nil)
	for it.Next() && err == nil {
		v := it.Value()
		if v[0] == opPut {
			err = tr.Put(it.Key(), v[1:], tx.kv.wo)
		} else {
			err = tr.Delete(it.Key(), tx.kv.wo)
		}
	}
	it.Release()
	if err != nil {
		tr.Discard()
		return err
	}
	err = tr.Commit()
	tx.kv.hot.committed(tx.pending, err)
	return err
}

func (tx *levelTx) Close() error {
	if !tx.done {
		tx.done = true
		tx.sn.Release()
		tx.pending = nil
		tx.recycle()
	}
	return nil
}

func (tx *levelTx) Get(ctx context.Context, key flat.Key) (flat.Value, error) {
	if tx.pending != nil {
		if v, err := tx.pending.Get(key); err == nil {
			if v[0] == opDel {
				return nil, flat.ErrNotFound
			}
			return bytes.Clone(v[1:]), nil
		}
	}
	if tx.knownAbsent(key) {
		return nil, flat.ErrNotFound
	}
	if tx.pending != nil {
		if v, ok := tx.kv.hot.get(key); ok {
			return bytes.Clone(v), nil
		}
	}
	v, err := tx.sn.Get(key, nil)
	if err == leveldb.ErrNotFound {
		return nil, flat.ErrNotFound
	}
	if err == nil && tx.pending != nil {
		tx.kv.hot.add(key, v)
	}
	return v, err
}

func (tx *levelTx) GetBatch(ctx context.Context, keys []flat.Key) ([]flat.Value, error) {
	return flat.GetBatch(ctx, tx, keys)
}

func (tx *levelTx) Put(k flat.Key, v flat.Value) error {
	if tx.pending == nil {
		return flat.ErrReadOnly
	}
	b := tx.bufs
	b.scratch = append(append(b.scratch[:0], opPut), v...)
	return tx.pending.Put(k, b.scratch) // Put copies it
}

// recycle keeps the buffers of a finished write transaction for the next,
// unless they grew too large to be worth keeping.
func (tx *levelTx) recycle() {
	b := tx.bufs
	if b == nil {
		return
	}
	tx.bufs = nil
	if b.pending.Size() > maxSpareBytes || len(b.batch.Dump()) > maxSpareBytes {
		return
	}
	b.pending.Reset()
	b.batch.Reset()
	tx.kv.spare.Store(b)
}

func (tx *levelTx) Del(k flat.Key) error {
	if tx.pending == nil {
		return flat.ErrReadOnly
	}
	return tx.pending.Put(k, []byte{opDel})
}

// Scan merges the pending changes over the snapshot, in key order.
func (tx *levelTx) Scan(pref flat.Key) flat.Iterator {
	r := util.BytesPrefix(pref)
	it := &levelIter{base: tx.sn.NewIterator(r, nil)}
	if tx.pending != nil {
		it.over = tx.pending.NewIterator(r)
	}
	return it
}

// levelIter walks a snapshot iterator and, for a write transaction, the
// iterator of its pending changes, which win on equal keys. An iterator is
// advanced on the call after the one that returned its entry, so that the
// entry stays valid until then.
type levelIter struct {
	base, over       iterator.Iterator
	baseOK, overOK   bool
	started          bool
	advBase, advOver bool
	key, val         []byte
}

func (it *levelIter) Next(ctx context.Context) bool {
	if !it.started {
		it.started = true
		it.baseOK = it.base.First()
		if it.over != nil {
			it.overOK = it.over.First()
		}
	}
	if it.advBase {
		it.baseOK = it.base.Next()
	}
	if it.advOver {
		it.overOK = it.over.Next()
	}
	it.advBase, it.advOver = false, false
	for it.baseOK || it.overOK {
		c := 1
		switch {
		case !it.overOK:
			c = -1
		case it.baseOK:
			c = bytes.Compare(it.base.Key(), it.over.Key())
		}
		if c < 0 {
			it.key, it.val, it.advBase = it.base.Key(), it.base.Value(), true
			return true
		}
		if c == 0 { // the pending change hides the stored entry
			it.baseOK = it.base.Next()
		}
		if v := it.over.Value(); v[0] == opPut {
			it.key, it.val, it.advOver = it.over.Key(), v[1:], true
			return true
		}
		it.overOK = it.over.Next() // a deletion
	}
	return false
}

func (it *levelIter) Key() flat.Key   { return it.key }
func (it *levelIter) Val() flat.Value { return it.val }

func (it *levelIter) Err() error {
	if err := it.base.Error(); err != nil {
		return err
	}
	if it.over != nil {
		return it.over.Error()
	}
	return nil
}

func (it *levelIter) Close() error {
	err := it.Err()
	it.base.Release()
	if it.over != nil {
		it.over.Release()
	}
	return err
}
