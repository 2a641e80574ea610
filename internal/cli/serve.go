package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/fazhikg/fazhikg/graph"
	"github.com/fazhikg/fazhikg/schema"
	"github.com/fazhikg/fazhikg/web"
	"github.com/spf13/cobra"
)

func serveCmd(e *env) *cobra.Command {
	var sf storeFlags
	var addr, tokenFile string
	var cacheMB int
	o := serveOptions{api: schema.Options{
		ComplexityLimit: schema.DefaultComplexityLimit,
		MaxDepth:        schema.DefaultMaxDepth,
	}}
	cmd := &cobra.Command{
		Use:   "serve [--addr HOST:PORT]",
		Short: "Serve the knowledge graph over GraphQL, with the explorer",
		Long: `serve answers GraphQL queries at /graphql, serves the graph explorer at
/explore (search, neighbourhoods with their evidence, the spread of a mechanism,
exports), GraphiQL, an interactive query editor, at /, and Cayley's read-only
query API (Gizmo, GraphQL, MQL) under /cayley/ (POST a query to
/cayley/api/v2/query?lang=gizmo). /healthz answers whether the store reads
(JSON), /metrics serves Prometheus metrics. The store is opened (and created,
empty, on first use) in the data directory.

The API is read-only unless a token is given (--token-file FILE, or
$FAZHIKG_TOKEN; 16 characters or more): then the mutations ingestReport and
deleteReport accept requests carrying it as Authorization: Bearer <token>.
Queries are capped in depth (--max-depth), cost (--max-complexity; lists cost
their page size times what they select) and page size (first: at most 500),
bodies in size (--max-body) and time (--timeout); at most --max-inflight
GraphQL requests run at once, the others wait for a turn. The answers to
queries are kept (--cache-mb) until the next write, so a question asked
again is answered without reading the store. Introspection
(which GraphiQL needs) is on by default when listening on a loopback address
only. See docs/operations.md.`,
		Example: `  fazhikg serve --addr localhost:8080
  curl -d 'g.V("<https://fazhikg.org/id/mechanism/府检联动>").In().All()' 'localhost:8080/cayley/api/v2/query?lang=gizmo'
  head -c 32 /dev/urandom | base64 > token && fazhikg serve --addr :8080 --token-file token --cors-origin https://example.org`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("introspection") {
				o.api.Introspection = loopback(addr)
			}
			if o.maxBody <= 0 || o.timeout <= 0 || o.api.ComplexityLimit <= 0 || o.api.MaxDepth <= 0 || o.maxInFlight <= 0 {
				return usagef("--max-body, --timeout, --max-complexity, --max-depth and --max-inflight must be positive")
			}
			if cacheMB < 0 {
				return usagef("--cache-mb must be 0 or more")
			}
			o.api.CacheBytes = cacheMB << 20
			if cacheMB == 0 {
				o.api.CacheBytes = -1
			}
			token, err := readToken(tokenFile)
			if err != nil {
				return err
			}
			return runServe(cmd.Context(), e, sf, addr, token, o)
		},
	}
	sf.add(cmd)
	f := cmd.Flags()
	f.StringVar(&addr, "addr", "localhost:8080", "address to listen on")
	f.BoolVar(&o.api.Introspection, "introspection", false, "let clients read the schema, as GraphiQL does (default: on for a loopback --addr only)")
	f.StringVar(&o.webDir, "web-dir", "", "serve the explorer's files from this directory (web/dist) instead of the binary")
	f.StringVar(&tokenFile, "token-file", "", "enable writes (ingestReport, deleteReport) for requests bearing the token in this file (env FAZHIKG_TOKEN)")
	f.StringSliceVar(&o.corsOrigins, "cors-origin", nil, "origins whose pages may call the API from a browser (comma-separated; * for any)")
	f.Int64Var(&o.maxBody, "max-body", defaultMaxBody, "refuse request bodies larger than this many bytes (also caps ingestReport's text)")
	f.DurationVar(&o.timeout, "timeout", defaultTimeout, "end a GraphQL or Cayley request that runs longer")
	f.IntVar(&o.api.ComplexityLimit, "max-complexity", schema.DefaultComplexityLimit, "refuse queries that cost more (a list costs its page size times what it selects)")
	f.IntVar(&o.api.MaxDepth, "max-depth", schema.DefaultMaxDepth, "refuse queries nesting fields deeper")
	f.IntVar(&o.maxInFlight, "max-inflight", defaultMaxInFlight(), "execute at most this many GraphQL requests at once; others wait for a turn (as long as --timeout)")
	f.IntVar(&cacheMB, "cache-mb", schema.DefaultCacheBytes>>20, "keep the answers to queries, up to this many MB, until the next write (0: keep none)")
	return cmd
}

// runServe opens the store and serves it until ctx is done.
func runServe(ctx context.Context, e *env, sf storeFlags, addr, token string, o serveOptions) error {
	s, err := sf.open(ctx, e)
	if err != nil {
		return err
	}
	defer s.Close()
	o.log = slog.New(slog.NewTextHandler(e.stderr, nil))
	if token != "" {
		p, release, err := newPipeline()
		if err != nil {
			return err
		}
		defer release()
		o.api.Writes = &schema.Writes{Token: token, Extractor: p}
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	o.warm = new(atomic.Bool)
	h := newServer(s, o)
	defer h.Close() // before the store closes: a refit may be running
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       o.timeout + 10*time.Second,
		WriteTimeout:      o.timeout + 10*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(o.log.Handler(), slog.LevelWarn),
	}
	mode := "read-only"
	if token != "" {
		mode = "writes enabled with the token"
	}
	fmt.Fprintf(e.stderr, "fazhikg: serving %s on http://%s/ (explorer at /explore/, GraphQL at /graphql, Cayley at /cayley/; %s)\n", sf.where(e), ln.Addr(), mode)
	go func() {
		start := time.Now()
		if err := s.Warm(ctx); err == nil {
			o.warm.Store(true)
			o.log.Info("store warmed: diffusion events, spreads, lists and titles ready", "took", time.Since(start).Round(time.Millisecond))
		}
	}()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.Shutdown(shut); err != nil && !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	}
}

// loopback reports whether addr listens on a loopback address only.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Handler is what serve serves over a store, without serve's limits and
// metrics (newServer): the GraphQL API and GraphiQL (schema.NewHandler),
// the explorer at /explore/ and Cayley's read-only query API under
// /cayley/. webDir, when not "", serves the explorer's files from disk.
func Handler(s *graph.Store, opts schema.Options, webDir string) http.Handler {
	h, _ := routes(s, opts, webDir, defaultTimeout, defaultMaxInFlight())
	return h
}

// routes are Handler's, with requests to /graphql and /cayley/ ended after
// timeout, and at most maxInFlight requests to /graphql executed at once.
// The API's handler is returned too, to be closed.
func routes(s *graph.Store, opts schema.Options, webDir string, timeout time.Duration, maxInFlight int) (http.Handler, *schema.Handler) {
	api := schema.NewHandler(s, opts)
	mux := http.NewServeMux()
	mux.Handle("/", api)
	mux.Handle("/graphql", withTurns(maxInFlight, timeout, withTimeout(timeout, api)))
	mux.Handle("/explore", web.Handler("/explore", webDir))
	mux.Handle("/explore/", web.Handler("/explore", webDir))
	mux.Handle("/cayley/", http.StripPrefix("/cayley", s.QueryHandler(graph.QueryOptions{Timeout: timeout})))
	return mux, api
}
