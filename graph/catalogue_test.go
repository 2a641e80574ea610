package graph_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/fazhikg/fazhikg/extract"
	"github.com/fazhikg/fazhikg/graph"
	"github.com/fazhikg/fazhikg/graph/graphtest"
)

// churn runs a store through puts, a replace, a failed write and deletes.
func churn(t *testing.T, s *graph.Store) {
	t.Helper()
	ctx := context.Background()
	if _, err := s.PutReports(ctx, graphtest.Fixture()); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutReport(ctx, graphtest.Xiuzhou2023Revised()); err != nil {
		t.Fatal(err)
	}
	graph.FailNextWrite(s)
	if err := s.DeleteReport(ctx, "huzhou-2018"); err == nil {
		t.Fatal("a failing delete succeeded")
	}
	if err := s.DeleteReport(ctx, "jiaxiang-2023"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutReport(ctx, graphtest.Jiaxiang2023()); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteReport(ctx, "changzhou-2023"); err != nil {
		t.Fatal(err)
	}
}

// TestCatalogueMirrorsStore checks that the catalogue kept up to date write
// after write equals the one added up from the quads at graph.Open, and the one
// read back from a snapshot.
func TestCatalogueMirrorsStore(t *testing.T) {
	for _, backend := range []string{graph.Memstore, graph.LevelDB, graph.Bolt} {
		t.Run(backend, func(t *testing.T) {
			opts := graph.Options{Backend: backend, Path: t.TempDir(), NoSync: true}
			if backend == graph.Memstore {
				opts.Path = ""
			}
			s, err := graph.Open(context.Background(), opts)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			churn(t, s)
			kept := graph.Catalogue(s)
			rebuilt, err := graph.RebuiltCatalogue(context.Background(), s)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(rebuilt, kept); diff != "" {
				t.Errorf("catalogue kept by writes differs from one rebuilt from the quads (-rebuilt +kept):\n%s", diff)
			}
			back, err := graph.SnapshotRoundTrip(s)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(kept, back); diff != "" {
				t.Errorf("catalogue read back from a snapshot differs (-kept +snapshot):\n%s", diff)
			}
		})
	}
}

// TestStaleSnapshot checks that graph.Open rebuilds the catalogue when the
// snapshot on disk is older than the store, and that it uses a current one.
func TestStaleSnapshot(t *testing.T) {
	ctx := context.Background()
	for _, backend := range []string{graph.LevelDB, graph.Bolt} {
		t.Run(backend, func(t *testing.T) {
			dir := t.TempDir()
			open := func() *graph.Store {
				s, err := graph.Open(ctx, graph.Options{Backend: backend, Path: dir, NoSync: true})
				if err != nil {
					t.Fatal(err)
				}
				return s
			}
			s := open()
			if _, err := s.PutReports(ctx, graphtest.Fixture()[:3]); err != nil {
				t.Fatal(err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			old, err := os.ReadFile(filepath.Join(dir, graph.SnapshotFile))
			if err != nil {
				t.Fatalf("no snapshot after Close: %v", err)
			}

			s = open()
			if gen, snap := graph.Generations(s); snap != gen || gen == 0 {
				t.Errorf("graph.Open after Close: snapshot generation %d, store %d; want the snapshot used", snap, gen)
			}
			for _, r := range []*extract.Report{graphtest.Huzhou2018(), graphtest.Xiuzhou2023Revised()} {
				if _, err := s.PutReport(ctx, r); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.DeleteReport(ctx, "jiaxiang-2023"); err != nil {
				t.Fatal(err)
			}
			want := graph.Catalogue(s)
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}

			// The writes above as if the process had died before Close.
			if err := os.WriteFile(filepath.Join(dir, graph.SnapshotFile), old, 0o644); err != nil {
				t.Fatal(err)
			}
			s = open()
			if diff := cmp.Diff(want, graph.Catalogue(s)); diff != "" {
				t.Errorf("catalogue opened over a stale snapshot (-want +got):\n%s", diff)
			}
			s.Close()

			// A damaged snapshot is rebuilt too.
			if err := os.WriteFile(filepath.Join(dir, graph.SnapshotFile), []byte("not a snapshot"), 0o644); err != nil {
				t.Fatal(err)
			}
			s = open()
			defer s.Close()
			if diff := cmp.Diff(want, graph.Catalogue(s)); diff != "" {
				t.Errorf("catalogue opened over a damaged snapshot (-want +got):\n%s", diff)
			}
		})
	}
}
