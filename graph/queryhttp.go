package graph

import (
	"net/http"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	cayleyhttp "github.com/cayleygraph/cayley/server/http"
	"github.com/julienschmidt/httprouter"

	// The query languages Cayley's endpoint answers in.
	_ "github.com/cayleygraph/cayley/query/gizmo"
	_ "github.com/cayleygraph/cayley/query/graphql"
	_ "github.com/cayleygraph/cayley/query/mql"
)

// QueryOptions bound the queries of QueryHandler.
type QueryOptions struct {
	// Timeout stops a query that runs longer (30 s when 0).
	Timeout time.Duration
	// Limit caps the results of a query (1,000 when 0).
	Limit int
}

// QueryHandler serves Cayley's own HTTP API over the store, read-only, for
// the users of Cayley's tools: queries in Gizmo, GraphQL or MQL at
// /api/v2/query?lang=gizmo (the query as the request body, or as qu= in a
// GET), the quads in any of Cayley's formats at /api/v2/read, and the
// formats at /api/v2/formats. The write and delete endpoints are not
// served. A query runs under the store's read lock, so writes wait for it;
// unlike the store's own reads, it goes through Cayley's query optimiser,
// and the timeout bounds what a multi-hop path over a large store costs.
func (s *Store) QueryHandler(opts QueryOptions) http.Handler {
	if opts.Timeout <= 0 {
		opts.Timeout = 30 * time.Second
	}
	if opts.Limit <= 0 {
		opts.Limit = 1000
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.RLock()
		defer s.mu.RUnlock()
		qs, err := s.open()
		if err != nil {
			http.Error(w, "graph: "+err.Error(), http.StatusServiceUnavailable)
			return
		}
		api := cayleyhttp.NewAPIv2(&cgraph.Handle{QuadStore: cayleyStore(qs)})
		api.SetReadOnly(true)
		api.SetQueryTimeout(opts.Timeout)
		api.SetQueryLimit(opts.Limit)
		// NewAPIv2 registered its routes, writes among them, before it was
		// made read-only: serve a router holding the read-only ones.
		router := httprouter.New()
		api.RegisterOn(router)
		router.ServeHTTP(w, r)
	})
}
