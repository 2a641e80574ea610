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
	// Log receives internal errors; nil discards them.
	Log *slog.Logger
}

// Defaults of Options.
const (
	DefaultComplexityLimit = 20000
	DefaultLoaderWait      = 2 * time.Millisecond
)

// NewHandler serves the GraphQL API over a store: queries by POST or GET at
// /graphql, and GraphiQL at /.
func NewHandler(store Store, opts Options) http.Handler {
	if opts.ComplexityLimit == 0 {
		opts.ComplexityLimit = DefaultComplexityLimit
	}
	if opts.LoaderWait == 0 {
		opts.LoaderWait = DefaultLoaderWait
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	cfg := generated.Config{Resolvers: &Resolver{Store: store, Log: opts.Log}}
	setComplexity(&cfg.Complexity)
	srv := handler.New(generated.NewExecutableSchema(cfg))
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.FixedComplexityLimit(opts.ComplexityLimit))
	if opts.Introspection {
		srv.Use(extension.Introspection{})
	}
	srv.SetErrorPresenter(presentError(opts.Log))
	srv.SetRecoverFunc(func(ctx context.Context, p any) error {
		opts.Log.ErrorContext(ctx, "panic in a resolver", "panic", p, "path", graphql.GetPath(ctx).String())
		return fmt.Errorf("%w: panic", errInternal)
	})

	mux := http.NewServeMux()
	mux.Handle("/graphql", withLoaders(store, opts.LoaderWait, srv))
	mux.Handle("/{$}", playground.Handler("fazhikg", "/graphql"))
	return mux
}
