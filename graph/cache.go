package graph

import "sync"

// versionCache keeps values read from the backend at one version of the
// store: the first lookup at a later version empties it, so nothing read
// before a write is served after it. It holds up to max units of weight
// (a caller's measure of an entry's size) and starts afresh past that.
// Callers must not modify the values they get.
type versionCache[K comparable, V any] struct {
	mu      sync.Mutex
	max     int
	version uint64
	weight  int
	m       map[K]V
}

// get returns the value of key read at version, if any.
func (c *versionCache[K, V]) get(version uint64, key K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var zero V
	if c.version != version || c.m == nil {
		return zero, false
	}
	v, ok := c.m[key]
	return v, ok
}

// put records the value of key read at version.
func (c *versionCache[K, V]) put(version uint64, key K, v V, weight int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version != version || c.m == nil || c.weight+weight > c.max {
		c.version, c.m, c.weight = version, make(map[K]V), 0
	}
	c.m[key] = v
	c.weight += weight
}

// linkKey names the links of one node by one relation.
type linkKey struct {
	rel Relation
	id  ID
}

// Bounds of the store's caches: evidence sentences, and IDs of links
// (about 40 MB of strings).
const (
	evidenceCacheSize = 1 << 16
	linkCacheIDs      = 1 << 20
	// yearsCacheInts bounds the years kept of entities' reports.
	yearsCacheInts = 1 << 20
	// adoptersCacheSize bounds the adoptions kept of MechanismAdoptions.
	adoptersCacheSize = 1 << 18
)

// adoptersKey names the answer of MechanismAdoptions for one mechanism.
type adoptersKey struct {
	id ID
	q  AdoptionQuery
}
