package schema

import (
	lru "container/list"
	"context"
	"crypto/sha256"
	"encoding/json"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"golang.org/x/sync/singleflight"
)

// Versioned is a store that counts its writes. Over one, the handler keeps
// the answers to queries until the next write (Options.CacheBytes).
type Versioned interface {
	Version() uint64
}

// responseCache keeps the responses of queries, keyed by the store's
// version, the query text, the operation name and the variables, so that
// a question asked again before the next write is answered without
// reading the store. The responses kept take at most max bytes of data,
// the least recently used going first. Identical queries arriving
// together are run once.
type responseCache struct {
	store Versioned
	max   int

	mu    sync.Mutex
	ver   uint64 // the store's version the kept responses were made at
	size  int
	order *lru.List // of *cached, most recently used first
	byKey map[[32]byte]*lru.Element

	flight singleflight.Group
}

type cached struct {
	key  [32]byte
	resp *graphql.Response
}

var _ interface {
	graphql.HandlerExtension
	graphql.ResponseInterceptor
} = (*responseCache)(nil)

func newResponseCache(store Versioned, max int) *responseCache {
	return &responseCache{store: store, max: max, order: lru.New(), byKey: make(map[[32]byte]*lru.Element)}
}

func (*responseCache) ExtensionName() string                   { return "ResponseCache" }
func (*responseCache) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptResponse answers a query from the cache, or runs it and keeps
// its response when it has no errors. Mutations, subscriptions and
// queries that failed validation pass through.
func (c *responseCache) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	oc := graphql.GetOperationContext(ctx)
	if oc == nil || oc.Operation == nil || oc.Operation.Operation != ast.Query {
		return next(ctx)
	}
	key, ok := c.key(oc)
	if !ok {
		return next(ctx)
	}
	if resp := c.get(key); resp != nil {
		return resp
	}
	v, _, _ := c.flight.Do(string(key[:]), func() (any, error) {
		resp := next(ctx)
		if resp != nil && len(resp.Errors) == 0 {
			c.put(key, resp)
		}
		return resp, nil
	})
	return v.(*graphql.Response)
}

// key hashes what the response depends on. The version is read before the
// query runs, so a response computed across a write is kept under the
// version it started from, which is then no longer asked for.
func (c *responseCache) key(oc *graphql.OperationContext) ([32]byte, bool) {
	vars, err := json.Marshal(oc.Variables) // map keys come out sorted
	if err != nil {
		return [32]byte{}, false
	}
	v := c.store.Version()
	c.mu.Lock()
	if v != c.ver { // a write: nothing kept can be asked for again
		c.ver, c.size = v, 0
		c.order.Init()
		clear(c.byKey)
	}
	c.mu.Unlock()
	h := sha256.New()
	var ver [8]byte
	for i := range ver {
		ver[i] = byte(v >> (8 * i))
	}
	h.Write(ver[:])
	h.Write([]byte(oc.RawQuery))
	h.Write([]byte{0})
	h.Write([]byte(oc.OperationName))
	h.Write([]byte{0})
	h.Write(vars)
	var key [32]byte
	h.Sum(key[:0])
	return key, true
}

func (c *responseCache) get(key [32]byte) *graphql.Response {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.byKey[key]
	if !ok {
		return nil
	}
	c.order.MoveToFront(el)
	return el.Value.(*cached).resp
}

func (c *responseCache) put(key [32]byte, resp *graphql.Response) {
	n := len(resp.Data) + len(key)
	if n > c.max/8 {
		return // one answer would crowd out too many others
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.byKey[key]; ok {
		return
	}
	c.byKey[key] = c.order.PushFront(&cached{key: key, resp: resp})
	c.size += n
	for c.size > c.max {
		last := c.order.Back()
		old := last.Value.(*cached)
		c.order.Remove(last)
		delete(c.byKey, old.key)
		c.size -= len(old.resp.Data) + len(old.key)
	}
}
