package graph_test

import (
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/fazhikg/fazhikg/graph"
	"github.com/fazhikg/fazhikg/graph/graphtest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func harness(backend string) graphtest.Harness {
	return graphtest.Harness{
		Open: func(t testing.TB, dir string) *graph.Store {
			t.Helper()
			opts := graph.Options{Backend: backend, Path: dir, NoSync: true}
			if backend == graph.Memstore {
				opts.Path = ""
			}
			s, err := graph.Open(context.Background(), opts)
			if err != nil {
				t.Fatalf("Open(%+v): %v", opts, err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		},
		Persistent:    backend != graph.Memstore,
		FailNextWrite: graph.FailNextWrite,
		Golden:        filepath.Join("testdata", "fixture.nq"),
		// Only one backend rewrites the golden file; the others compare.
		Update: *update && backend == graph.Memstore,
	}
}

func TestMemstore(t *testing.T) { graphtest.Run(t, harness(graph.Memstore)) }
func TestLevelDB(t *testing.T)  { graphtest.Run(t, harness(graph.LevelDB)) }
func TestBolt(t *testing.T)     { graphtest.Run(t, harness(graph.Bolt)) }

// TestLevelDBLegacyIndexes runs the suite on stores created with the index
// layout of earlier versions, which they keep.
func TestLevelDBLegacyIndexes(t *testing.T) {
	defer graph.LegacyIndexes()()
	graphtest.Run(t, harness(graph.LevelDB))
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := graph.Open(ctx, graph.Options{Path: dir})
	if err != nil {
		t.Fatalf("Open(default backend): %v", err)
	}
	if s.Backend() != graph.LevelDB {
		t.Errorf("default backend = %s, want %s", s.Backend(), graph.LevelDB)
	}
	s.Close()
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := s.PutReport(ctx, graphtest.Xiuzhou2022()); !errors.Is(err, graph.ErrClosed) {
		t.Errorf("PutReport after Close: err = %v, want ErrClosed", err)
	}
	tests := []struct {
		name string
		opts graph.Options
		want error
	}{
		{"unknown backend", graph.Options{Backend: "oracle", Path: t.TempDir()}, graph.ErrBackend},
		{"sql backend without a URL", graph.Options{Backend: graph.Postgres, Path: t.TempDir()}, graph.ErrBackend},
		{"bolt over leveldb", graph.Options{Backend: graph.Bolt, Path: dir}, graph.ErrBackend},
		{"memstore with a path", graph.Options{Backend: graph.Memstore, Path: dir}, graph.ErrBackend},
	}
	for _, tt := range tests {
		if _, err := graph.Open(ctx, tt.opts); !errors.Is(err, tt.want) {
			t.Errorf("%s: Open(%+v) err = %v, want %v", tt.name, tt.opts, err, tt.want)
		}
	}
	if _, err := graph.Open(ctx, graph.Options{}); err == nil {
		t.Error("Open without a path: no error")
	}
	if _, err := os.Stat(filepath.Join(dir, "CURRENT")); err != nil {
		t.Errorf("leveldb directory not initialised: %v", err)
	}
}
