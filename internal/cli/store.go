package cli

import (
	"context"
	"fmt"

	"github.com/fazhikg/fazhikg/graph"
	"github.com/spf13/cobra"
)

// storeFlags are the flags of commands that open the store.
type storeFlags struct {
	backend string
}

func (f *storeFlags) add(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.backend, "backend", graph.LevelDB,
		"embedded backend of a new data directory: leveldb or bolt")
}

// open opens the store in the data directory, creating it on first use.
func (f *storeFlags) open(ctx context.Context, e *env) (*graph.Store, error) {
	s, err := graph.Open(ctx, graph.Options{Backend: f.backend, Path: e.dataDir})
	if err != nil {
		return nil, fmt.Errorf("opening the store in %s: %w", e.dataDir, err)
	}
	return s, nil
}
