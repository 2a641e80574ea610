package cli

import (
	"context"
	"fmt"
	"os"

	"github.com/fazhikg/fazhikg/graph"
	"github.com/spf13/cobra"
)

// storeFlags are the flags of commands that open the store.
type storeFlags struct {
	backend string
	store   string
}

func (f *storeFlags) add(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.backend, "backend", graph.LevelDB,
		"embedded backend of a new data directory: leveldb or bolt")
	cmd.Flags().StringVar(&f.store, "store", "",
		"where the graph lives: a data directory (default: the --data directory) or a database URL, "+
			"postgres://user@host:5432/db or cockroach://user@host:26257/db (give the password in PGPASSWORD)")
}

// address returns the store address the flags name.
func (f *storeFlags) address(e *env) string {
	if f.store != "" {
		return f.store
	}
	return e.dataDir
}

// where names the store in messages: its directory, or its database URL
// without the password.
func (f *storeFlags) where(e *env) string { return graph.Redact(f.address(e)) }

// options returns the options that open the store the flags name.
func (f *storeFlags) options(e *env) (graph.Options, error) {
	addr := f.address(e)
	if backend, ok := graph.IsSQLAddress(addr); ok {
		if f.backend != "" && f.backend != graph.LevelDB {
			return graph.Options{}, fmt.Errorf("--backend %s names an embedded backend, but the store is the database %s", f.backend, graph.Redact(addr))
		}
		return graph.Options{Backend: backend, Path: addr}, nil
	}
	switch f.backend {
	case graph.Postgres, graph.Cockroach:
		return graph.Options{}, fmt.Errorf("--backend %s needs the database's URL in --store (%s://user@host/db)", f.backend, f.backend)
	}
	return graph.Options{Backend: f.backend, Path: addr}, nil
}

// exists tells whether there is a store to read: a data directory that
// exists, or a database (whose tables Open creates if need be).
func (f *storeFlags) exists(e *env) error {
	addr := f.address(e)
	if _, ok := graph.IsSQLAddress(addr); ok {
		return nil
	}
	if _, err := os.Stat(addr); err != nil {
		return fmt.Errorf("no store in %s: %w (run fazhikg ingest first)", addr, err)
	}
	return nil
}

// openExisting opens the store the flags name for a command that reads it:
// an error, before anything is created, when there is none.
func (f *storeFlags) openExisting(ctx context.Context, e *env) (*graph.Store, error) {
	if err := f.exists(e); err != nil {
		return nil, err
	}
	return f.open(ctx, e)
}

// open opens the store the flags name, creating it on first use.
func (f *storeFlags) open(ctx context.Context, e *env) (*graph.Store, error) {
	opts, err := f.options(e)
	if err != nil {
		return nil, err
	}
	s, err := graph.Open(ctx, opts)
	if err != nil {
		return nil, fmt.Errorf("opening the store in %s: %w", f.where(e), err)
	}
	return s, nil
}
