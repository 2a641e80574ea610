package schema

import (
	"bytes"
	lru "container/list"
	"context"
	"crypto/sha256"
	"encoding/json"
	"io"
	"net/http"
	"sync"
	"time"

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
//
// It also keeps the bytes sent for a POST whose query it kept, keyed by
// the version and the request's body, and sends them again for the same
// body (replay) without parsing, validating or encoding anything: a
// large answer costs little more to send than to copy.
type responseCache struct {
	store    Versioned
	max      int
	replayed func(*graphql.OperationContext, time.Duration)

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
	sent *sent
}

// sent is a response as it went out, for replay.
type sent struct {
	contentType string
	body        []byte
	oc          *graphql.OperationContext // the operation it answered
}

// size is what an entry counts against the cache's bound.
func (c *cached) size() int {
	if c.sent != nil {
		return len(c.sent.body) + len(c.key)
	}
	return len(c.resp.Data) + len(c.key)
}

var _ interface {
	graphql.HandlerExtension
	graphql.ResponseInterceptor
} = (*responseCache)(nil)

func newResponseCache(store Versioned, max int, replayed func(*graphql.OperationContext, time.Duration)) *responseCache {
	return &responseCache{store: store, max: max, replayed: replayed, order: lru.New(), byKey: make(map[[32]byte]*lru.Element)}
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
	var resp *graphql.Response
	if e := c.get(key); e != nil {
		resp = e.resp
	} else {
		v, _, _ := c.flight.Do(string(key[:]), func() (any, error) {
			resp := next(ctx)
			if resp != nil && len(resp.Errors) == 0 {
				c.put(&cached{key: key, resp: resp})
			}
			return resp, nil
		})
		resp = v.(*graphql.Response)
	}
	if resp != nil && len(resp.Errors) == 0 {
		keptFor(ctx, oc)
	}
	return resp
}

// keeping is where InterceptResponse tells replay that the response to
// the request is one to keep, and the operation it answers.
type keeping struct{ oc *graphql.OperationContext }

type keepingKey struct{}

func keptFor(ctx context.Context, oc *graphql.OperationContext) {
	if k, ok := ctx.Value(keepingKey{}).(*keeping); ok {
		k.oc = oc
	}
}

// replay sends the bytes kept for a POST with the same body, Accept header
// and version of the store; otherwise it passes the request to next and
// keeps what it sends when InterceptResponse kept the response.
func (c *responseCache) replay(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.Body == nil {
			next.ServeHTTP(w, r)
			return
		}
		start := time.Now()
		body, err := io.ReadAll(r.Body)
		if err != nil { // let the transport answer it, as it would have
			r.Body = io.NopCloser(io.MultiReader(bytes.NewReader(body), errReader{err}))
			next.ServeHTTP(w, r)
			return
		}
		key := c.rawKey(r, body)
		if e := c.get(key); e != nil && e.sent != nil {
			w.Header().Set("Content-Type", e.sent.contentType)
			w.Write(e.sent.body)
			if c.replayed != nil {
				c.replayed(e.sent.oc, time.Since(start))
			}
			return
		}
		k := &keeping{}
		rec := &recorder{ResponseWriter: w, max: c.max / 8}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), keepingKey{}, k)))
		if k.oc != nil && rec.status == http.StatusOK && !rec.over {
			c.put(&cached{key: key, sent: &sent{contentType: rec.Header().Get("Content-Type"), body: rec.body, oc: k.oc}})
		}
	})
}

// rawKey hashes a request's body, its Accept header (which chooses the
// response's content type) and the store's version.
func (c *responseCache) rawKey(r *http.Request, body []byte) [32]byte {
	h := sha256.New()
	h.Write([]byte("POST\x00"))
	c.version(h)
	h.Write([]byte(r.Header.Get("Accept")))
	h.Write([]byte{0})
	h.Write(body)
	var key [32]byte
	h.Sum(key[:0])
	return key
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// recorder passes a response on and keeps a copy of it, up to max bytes.
type recorder struct {
	http.ResponseWriter
	max    int
	status int
	body   []byte
	over   bool
}

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	if !r.over {
		if len(r.body)+len(b) > r.max {
			r.over, r.body = true, nil
		} else {
			r.body = append(r.body, b...)
		}
	}
	return r.ResponseWriter.Write(b)
}

// key hashes what the response depends on. The version is read before the
// query runs, so a response computed across a write is kept under the
// version it started from, which is then no longer asked for.
func (c *responseCache) key(oc *graphql.OperationContext) ([32]byte, bool) {
	vars, err := json.Marshal(oc.Variables) // map keys come out sorted
	if err != nil {
		return [32]byte{}, false
	}
	h := sha256.New()
	c.version(h)
	h.Write([]byte(oc.RawQuery))
	h.Write([]byte{0})
	h.Write([]byte(oc.OperationName))
	h.Write([]byte{0})
	h.Write(vars)
	var key [32]byte
	h.Sum(key[:0])
	return key, true
}

// version writes the store's version to a key being hashed. A version
// other than the last one seen means a write: nothing kept can be asked
// for again.
func (c *responseCache) version(h io.Writer) {
	v := c.store.Version()
	c.mu.Lock()
	if v != c.ver {
		c.ver, c.size = v, 0
		c.order.Init()
		clear(c.byKey)
	}
	c.mu.Unlock()
	var ver [8]byte
	for i := range ver {
		ver[i] = byte(v >> (8 * i))
	}
	h.Write(ver[:])
}

func (c *responseCache) get(key [32]byte) *cached {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.byKey[key]
	if !ok {
		return nil
	}
	c.order.MoveToFront(el)
	return el.Value.(*cached)
}

func (c *responseCache) put(e *cached) {
	n := e.size()
	if n > c.max/8 {
		return // one answer would crowd out too many others
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.byKey[e.key]; ok {
		return
	}
	c.byKey[e.key] = c.order.PushFront(e)
	c.size += n
	for c.size > c.max {
		last := c.order.Back()
		old := last.Value.(*cached)
		c.order.Remove(last)
		delete(c.byKey, old.key)
		c.size -= old.size()
	}
}
