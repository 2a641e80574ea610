package schema

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/fazhikg/fazhikg/schema/generated"
)

// Options configure the GraphQL handler.
type Options struct {
	// ComplexityLimit caps the cost of one query (see complexity.go);
	// 0 means DefaultComplexityLimit.
	ComplexityLimit int
	// Introspection lets clients read the schema (GraphiQL's documentation
	// and completion need it). Off by default.
	Introspection bool
	// LoaderWait is how long a loader collects keys before it reads the
	// store; 0 means DefaultLoaderWait.
	LoaderWait time.Duration
	// MaxDepth caps how deep a query's selections nest (introspection's
	// fields aside); 0 means DefaultMaxDepth.
	MaxDepth int
	// Writes enable the mutations; nil leaves the API read-only.
	Writes *Writes
	// Extensions are added to gqlgen's handler after the limits (a
	// metrics collector, say).
	Extensions []graphql.HandlerExtension
	// Log receives internal errors; nil discards them.
	Log *slog.Logger
	// CacheBytes bounds the responses to queries kept until the store's
	// next write, over a store that counts its writes (Versioned): the
	// data of the responses, least recently used first out; 0 means
	// DefaultCacheBytes, a negative value keeps none.
	CacheBytes int
	// Replayed, when set, is told of each POST answered with the bytes
	// sent for the same request before (see CacheBytes), which runs none
	// of the Extensions: the operation answered and how long it took.
	Replayed func(oc *graphql.OperationContext, took time.Duration)
}

// Defaults of Options.
const (
	DefaultComplexityLimit = 20000
	DefaultMaxDepth        = 12
	DefaultLoaderWait      = 2 * time.Millisecond
	DefaultCacheBytes      = 64 << 20
	// MaxPage is the largest first (page size) any list takes: the
	// connections, evidence, diffusionNetwork, leaders and coAdoption; a
	// larger one is refused with BAD_USER_INPUT. search takes at most 50,
	// neighbourhood's limit and the ids of nodes, subgraph and export at
	// most graph.MaxLimit.
	MaxPage = maxFirst
)

// Handler serves the GraphQL API. Close it when writes are enabled.
type Handler struct {
	http.Handler
	writes *writes
}

// Close cancels a refit of the diffusion model running in the background
// after a write, and waits for it; later writes refit nothing. The model
// left stale is refitted by the next write or by fazhikg derive. It
// always returns nil.
func (h *Handler) Close() error {
	if h.writes != nil {
		h.writes.close()
	}
	return nil
}

// NewHandler serves the GraphQL API over a store: queries by POST or GET at
// /graphql, mutations by POST, and GraphiQL at /. It panics when
// opts.Writes are given without a token or an extractor, or over a store
// that is not a Writer: mistakes of the program, not of its input.
func NewHandler(store Store, opts Options) *Handler {
	if opts.ComplexityLimit == 0 {
		opts.ComplexityLimit = DefaultComplexityLimit
	}
	if opts.MaxDepth == 0 {
		opts.MaxDepth = DefaultMaxDepth
	}
	if opts.LoaderWait == 0 {
		opts.LoaderWait = DefaultLoaderWait
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	w, err := newWrites(store, opts.Writes, opts.Log)
	if err != nil {
		panic(err)
	}
	cfg := generated.Config{Resolvers: &Resolver{Store: store, Log: opts.Log, writes: w}}
	setComplexity(&cfg.Complexity)
	srv := handler.New(generated.NewExecutableSchema(cfg))
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.FixedComplexityLimit(opts.ComplexityLimit))
	srv.Use(depthLimit{max: opts.MaxDepth})
	srv.Use(writeGate{enabled: w != nil})
	if opts.Introspection {
		srv.Use(extension.Introspection{})
	}
	for _, x := range opts.Extensions {
		srv.Use(x)
	}
	if opts.CacheBytes == 0 {
		opts.CacheBytes = DefaultCacheBytes
	}
	var api http.Handler = withLoaders(store, opts.LoaderWait, srv)
	if v, ok := store.(Versioned); ok && opts.CacheBytes > 0 {
		cache := newResponseCache(v, opts.CacheBytes, opts.Replayed)
		// Last, so that the extensions above see the answers it gives.
		srv.Use(cache)
		api = cache.replay(api)
	}
	srv.SetErrorPresenter(presentError(opts.Log))
	srv.SetRecoverFunc(func(ctx context.Context, p any) error {
		opts.Log.ErrorContext(ctx, "panic in a resolver", "panic", p, "path", graphql.GetPath(ctx).String())
		return fmt.Errorf("%w: panic", errInternal)
	})

	mux := http.NewServeMux()
	mux.Handle("/graphql", authenticate(w, api))
	mux.Handle("/{$}", playground.Handler("fazhikg", "/graphql"))
	return &Handler{Handler: mux, writes: w}
}
