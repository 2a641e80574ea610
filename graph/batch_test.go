package graph_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fazhikg/fazhikg/extract"
	"github.com/fazhikg/fazhikg/graph"
	"github.com/fazhikg/fazhikg/graph/graphtest"
)

func TestPutPrepared(t *testing.T) {
	ctx := context.Background()
	s := harness(graph.LevelDB).Open(t, t.TempDir())
	var ps []*graph.Prepared
	want := 0
	for i := 0; i < 3; i++ {
		p, err := graph.Prepare(graphtest.Synthetic(i))
		if err != nil {
			t.Fatal(err)
		}
		if p.Name() != graphtest.Synthetic(i).Name || p.Quads() == 0 {
			t.Fatalf("prepared %q with %d quads", p.Name(), p.Quads())
		}
		ps = append(ps, p)
		want += p.Quads()
	}
	res, err := s.PutPrepared(ctx, ps)
	if err != nil {
		t.Fatal(err)
	}
	got := 0
	for i, r := range res {
		if r.Status != graph.Added || r.Added != ps[i].Quads() {
			t.Errorf("report %d: %+v, want added with %d quads", i, r, ps[i].Quads())
		}
		got += r.Added
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Reports != 3 || st.Quads != int64(want) || got != want {
		t.Errorf("stats %d reports, %d quads; %d written; want 3, %d", st.Reports, st.Quads, got, want)
	}

	// the same reports again are unchanged; the same report twice in one
	// call is refused
	res, err = s.PutPrepared(ctx, ps[:1])
	if err != nil || res[0].Status != graph.Unchanged {
		t.Errorf("the same report again: %+v, %v", res, err)
	}
	if _, err := s.PutPrepared(ctx, []*graph.Prepared{ps[0], ps[0]}); !errors.Is(err, graph.ErrInvalidReport) {
		t.Errorf("a report twice in one call: %v, want ErrInvalidReport", err)
	}
	if _, err := graph.Prepare(&extract.Report{}); !errors.Is(err, graph.ErrInvalidReport) {
		t.Errorf("Prepare of a report without a name: %v, want ErrInvalidReport", err)
	}
}

func TestReportHashes(t *testing.T) {
	ctx := context.Background()
	s := harness(graph.Memstore).Open(t, "")
	r := graphtest.Synthetic(7)
	if _, err := s.PutReport(ctx, r); err != nil {
		t.Fatal(err)
	}
	if h, ok := s.ReportHash(r.Name); !ok || h != r.Hash || h == "" {
		t.Errorf("ReportHash(%q) = %q, %v; want %q", r.Name, h, ok, r.Hash)
	}
	if _, ok := s.ReportHash("not stored"); ok {
		t.Error("ReportHash of a report not stored says it is")
	}
	got := s.ReportHashes([]string{"not stored", r.Name})
	if len(got) != 1 || got[r.Name] != r.Hash {
		t.Errorf("ReportHashes = %v, want only %s", got, r.Name)
	}
}

// TestBulkLoad loads a store's N-Quads with Cayley's own writer and opens
// the result as a store: it holds the same quads.
func TestBulkLoad(t *testing.T) {
	ctx := context.Background()
	for _, backend := range []string{graph.LevelDB, graph.Bolt} {
		t.Run(backend, func(t *testing.T) {
			s := harness(backend).Open(t, t.TempDir())
			fill(t, s, 4)
			var nq bytes.Buffer
			if err := s.WriteNQuads(ctx, &nq); err != nil {
				t.Fatal(err)
			}
			st, err := s.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			dir := filepath.Join(t.TempDir(), "loaded")
			// batches smaller than a report's quads, and not a divisor
			n, err := graph.BulkLoad(ctx, backend, dir, bytes.NewReader(nq.Bytes()), 997)
			if err != nil {
				t.Fatal(err)
			}
			if int64(n) != st.Quads {
				t.Errorf("loaded %d quads, the store holds %d", n, st.Quads)
			}
			loaded := harness(backend).Open(t, dir)
			var again bytes.Buffer
			if err := loaded.WriteNQuads(ctx, &again); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(nq.Bytes(), again.Bytes()) {
				t.Error("the loaded store's N-Quads differ from the original's")
			}
			if _, err := graph.BulkLoad(ctx, backend, dir, strings.NewReader(""), 10); !errors.Is(err, graph.ErrBackend) {
				t.Errorf("a load into a store that is not empty: %v, want ErrBackend", err)
			}
		})
	}
	if _, err := graph.BulkLoad(ctx, graph.Memstore, t.TempDir(), strings.NewReader(""), 10); !errors.Is(err, graph.ErrBackend) {
		t.Errorf("a load into memstore: %v, want ErrBackend", err)
	}
	bad := filepath.Join(t.TempDir(), "bad")
	if _, err := graph.BulkLoad(ctx, graph.LevelDB, bad, strings.NewReader("<a> <b> \"unterminated .\n"), 10); err == nil || !strings.Contains(err.Error(), "N-Quads") {
		t.Errorf("a load of bad N-Quads: %v, want an error naming them", err)
	}
	if _, err := os.Stat(bad); err != nil {
		t.Errorf("the failed load left no directory to inspect: %v", err)
	}
}
