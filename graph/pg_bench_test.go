package graph_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/fazhikg/fazhikg/extract"
	"github.com/fazhikg/fazhikg/graph"
	"github.com/fazhikg/fazhikg/graph/graphtest"
)

// syntheticQuads returns the quads the store writes for synthetic reports
// 0 to n-1, one slice per report, read back from a memstore's export.
func syntheticQuads(b *testing.B, n int) [][]quad.Quad {
	b.Helper()
	ctx := context.Background()
	out := make([][]quad.Quad, n)
	for i := range out {
		s, err := graph.Open(ctx, graph.Options{Backend: graph.Memstore})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.PutReport(ctx, graphtest.Synthetic(i)); err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := s.WriteNQuads(ctx, &buf); err != nil {
			b.Fatal(err)
		}
		s.Close()
		out[i], err = quad.ReadAll(nquads.NewReader(&buf, false))
		if err != nil {
			b.Fatal(err)
		}
	}
	return out
}

// BenchmarkPostgresPut writes synthetic reports of real size into
// PostgreSQL, one transaction per report (or fifty), with Cayley's own SQL
// writer and with the store's, and reports quads written per second.
// Cayley's writer gets the quads ready-made; the store turns reports into
// quads, compares them with the stored version and keeps its catalogue, as
// an ingest does. Run with a fixed count: -benchtime=10x.
func BenchmarkPostgresPut(b *testing.B) {
	base := postgresURL(b)
	ctx := context.Background()
	b.Run("cayley", func(b *testing.B) {
		reports := syntheticQuads(b, b.N)
		addr := schemaURL(b, base, b.TempDir())
		if err := csql.Init("postgres", addr, nil); err != nil {
			b.Fatal(err)
		}
		qs, err := csql.New("postgres", addr, nil)
		if err != nil {
			b.Fatal(err)
		}
		defer qs.Close()
		quads := 0
		b.ResetTimer()
		start := time.Now()
		for _, r := range reports {
			deltas := make([]cgraph.Delta, len(r))
			for i, q := range r {
				deltas[i] = cgraph.Delta{Quad: q, Action: cgraph.Add}
			}
			if err := qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{}); err != nil {
				b.Fatal(err)
			}
			quads += len(r)
		}
		b.ReportMetric(float64(quads)/time.Since(start).Seconds(), "quads/s")
	})
	for _, batch := range []int{1, 50} {
		b.Run(fmt.Sprintf("fazhikg/batch=%d", batch), func(b *testing.B) {
			s, err := graph.Open(ctx, graph.Options{Backend: graph.Postgres, Path: schemaURL(b, base, b.TempDir())})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			reports := make([]*extract.Report, b.N)
			for i := range reports {
				reports[i] = graphtest.Synthetic(i)
			}
			quads := 0
			b.ResetTimer()
			start := time.Now()
			for i := 0; i < b.N; i += batch {
				res, err := s.PutReports(ctx, reports[i:min(i+batch, b.N)])
				if err != nil {
					b.Fatal(err)
				}
				for _, r := range res {
					quads += r.Added
				}
			}
			b.ReportMetric(float64(quads)/time.Since(start).Seconds(), "quads/s")
		})
	}
}
