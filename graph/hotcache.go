package graph

import (
	"sync"

	"github.com/syndtr/goleveldb/leveldb/memdb"
)

// hotCache keeps the values that write transactions read from LevelDB,
// for the transactions after them. Writing a report, Cayley reads the
// record of every node its quads name, to count one more use of it, and
// looks up every value it writes by hash; most of those nodes and values
// (predicates, classes, places, bodies, mechanisms) were read by the
// reports before. Each such read costs LevelDB a search through its
// levels, and on a large store every search that passes a table counts
// towards compacting that table again.
//
// Only write transactions use it, and they run one at a time: a value in
// the cache is the last committed one, which is what a write transaction
// starting now reads from its snapshot. A commit updates the keys it
// wrote that the cache holds; a failed commit empties the cache.
//
// It holds two generations of at most limit keys: when the current one is
// full it becomes the old one, and a hit in the old one moves the key
// back. Values larger than hotMaxValue are not kept.
type hotCache struct {
	mu       sync.Mutex
	cur, old map[string][]byte
	limit    int
}

const (
	hotEntries  = 1 << 17
	hotMaxValue = 256
)

func newHotCache(limit int) hotCache {
	return hotCache{cur: make(map[string][]byte), limit: limit}
}

func (h *hotCache) get(key []byte) ([]byte, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if v, ok := h.cur[string(key)]; ok {
		return v, true
	}
	v, ok := h.old[string(key)]
	if ok {
		delete(h.old, string(key))
		h.put(string(key), v)
	}
	return v, ok
}

// add keeps a copy of a value read from the store.
func (h *hotCache) add(key, val []byte) {
	if len(val) > hotMaxValue {
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.put(string(key), append([]byte(nil), val...))
}

func (h *hotCache) put(key string, val []byte) {
	if len(h.cur) >= h.limit {
		h.old, h.cur = h.cur, make(map[string][]byte, h.limit)
	}
	h.cur[key] = val
}

// committed brings the cache in step with a commit of the changes in
// pending (see levelTx), or empties it when the commit failed.
func (h *hotCache) committed(pending *memdb.DB, err error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if err != nil {
		h.cur, h.old = make(map[string][]byte), nil
		return
	}
	if len(h.cur)+len(h.old) == 0 {
		return
	}
	it := pending.NewIterator(nil)
	defer it.Release()
	for it.Next() {
		k, v := it.Key(), it.Value()
		_, inCur := h.cur[string(k)]
		_, inOld := h.old[string(k)]
		if !inCur && !inOld {
			continue
		}
		delete(h.old, string(k))
		if v[0] == opPut && len(v)-1 <= hotMaxValue {
			h.cur[string(k)] = append([]byte(nil), v[1:]...)
		} else {
			delete(h.cur, string(k))
		}
	}
}
