package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/fazhikg/fazhikg/schema"
	"github.com/spf13/cobra"
)

func serveCmd(e *env) *cobra.Command {
	var sf storeFlags
	var addr string
	var introspection bool
	cmd := &cobra.Command{
		Use:   "serve [--addr HOST:PORT]",
		Short: "Serve the knowledge graph over GraphQL",
		Long: `serve answers GraphQL queries at /graphql and serves GraphiQL, an
interactive query editor, at /. The store is opened (and created, empty, on
first use) in the data directory.`,
		Example: `  fazhikg serve --addr localhost:8080`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			s, err := sf.open(ctx, e)
			if err != nil {
				return err
			}
			defer s.Close()
			log := slog.New(slog.NewTextHandler(e.stderr, nil))
			h := schema.NewHandler(s, schema.Options{Introspection: introspection, Log: log})
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return err
			}
			srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
			fmt.Fprintf(e.stderr, "fazhikg: serving %s on http://%s/ (GraphQL at /graphql)\n", e.dataDir, ln.Addr())
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
	return cmd
}
