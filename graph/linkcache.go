package graph

import "sync"

// linkCache keeps results of Linked for the store's current version. The
// sentences that mention a document cited in every report, or the reports
// of a busy place, run to thousands: read from the key-value store on every
// request, they dominate the API's latency, while writes are rare. Entries
// hold IDs only; the cache is emptied when the store's version moves on or
// when it holds more than maxLinkIDs IDs.
type linkCache struct {
	mu      sync.Mutex
	version uint64
	ids     int
	m       map[linkKey][]ID
}

type linkKey struct {
	rel Relation
	id  ID
}

// maxLinkIDs bounds the IDs a linkCache holds (about 40 MB of strings).
const maxLinkIDs = 1 << 20

// get returns the cached links of id at version, if any.
func (c *linkCache) get(version uint64, rel Relation, id ID) ([]ID, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version != version || c.m == nil {
		return nil, false
	}
	ids, ok := c.m[linkKey{rel, id}]
	return ids, ok
}

// put records the links of id read at version.
func (c *linkCache) put(version uint64, rel Relation, id ID, ids []ID) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version != version || c.m == nil || c.ids+len(ids) > maxLinkIDs {
		c.version, c.m, c.ids = version, make(map[linkKey][]ID), 0
	}
	c.m[linkKey{rel, id}] = ids
	c.ids += len(ids)
}
