package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/fazhikg/fazhikg/graph"
	"github.com/fazhikg/fazhikg/schema"
	"github.com/fazhikg/fazhikg/web"
	"github.com/spf13/cobra"
)

func serveCmd(e *env) *cobra.Command {
	var sf storeFlags
	var addr, webDir string
	var introspection bool
	cmd := &cobra.Command{
		Use:   "serve [--addr HOST:PORT]",
		Short: "Serve the knowledge graph over GraphQL, with the explorer",
		Long: `serve answers GraphQL queries at /graphql, serves the graph explorer at
/explore (search, neighbourhoods with their evidence, the spread of a mechanism,
exports), GraphiQL, an interactive query editor, at /, and Cayley's read-only
query API (Gizmo, GraphQL, MQL) under /cayley/ (POST a query to
/cayley/api/v2/query?lang=gizmo). The store is opened (and created, empty, on
first use) in the data directory.`,
		Example: `  fazhikg serve --addr localhost:8080
  curl -d 'g.V("<https://fazhikg.org/id/mechanism/府检联动>").In().All()' 'localhost:8080/cayley/api/v2/query?lang=gizmo'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			s, err := sf.open(ctx, e)
			if err != nil {
				return err
			}
			defer s.Close()
			log := slog.New(slog.NewTextHandler(e.stderr, nil))
			h := Handler(s, schema.Options{Introspection: introspection, Log: log}, webDir)
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return err
			}
			srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
			fmt.Fprintf(e.stderr, "fazhikg: serving %s on http://%s/ (explorer at /explore/, GraphQL at /graphql, Cayley at /cayley/)\n", e.dataDir, ln.Addr())
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
		},
	}
	sf.add(cmd)
	cmd.Flags().StringVar(&addr, "addr", "localhost:8080", "address to listen on")
	cmd.Flags().BoolVar(&introspection, "introspection", true, "let clients read the schema (GraphiQL needs it)")
	cmd.Flags().StringVar(&webDir, "web-dir", "", "serve the explorer's files from this directory (web/dist) instead of the binary")
	return cmd
}

// Handler is what serve serves over a store: the GraphQL API and GraphiQL
// (schema.NewHandler), the explorer at /explore/ and Cayley's read-only
// query API under /cayley/. webDir, when not "", serves the explorer's
// files from disk.
func Handler(s *graph.Store, opts schema.Options, webDir string) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/", schema.NewHandler(s, opts))
	mux.Handle("/explore", web.Handler("/explore", webDir))
	mux.Handle("/explore/", web.Handler("/explore", webDir))
	mux.Handle("/cayley/", http.StripPrefix("/cayley", s.QueryHandler(graph.QueryOptions{})))
	return mux
}
