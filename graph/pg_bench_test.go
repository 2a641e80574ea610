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

// BenchmarkPostgresRead measures the API's typical reads (those of
// BenchmarkRead) on a store of 100 synthetic reports (about 300,000
// quads), on PostgreSQL and, for comparison, on LevelDB.
func BenchmarkPostgresRead(b *testing.B) {
	const n = 100
	base := postgresURL(b)
	ctx := context.Background()
	for _, backend := range []string{graph.LevelDB, graph.Postgres} {
		b.Run(backend, func(b *testing.B) {
			opts := graph.Options{Backend: backend, Path: b.TempDir(), NoSync: true}
			if backend == graph.Postgres {
				opts.Path = schemaURL(b, base, opts.Path)
			}
			s, err := graph.Open(ctx, opts)
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			fill(b, s, n)
			popular := graph.MechanismID("第0号机制")
			county := graph.JurisdictionID("110101000000") // the place of synthetic report 0
			adoptions, err := s.MechanismAdoptions(ctx, []graph.ID{popular}, graph.AdoptionQuery{Variants: true, Planned: true, AllYears: true})
			if err != nil || len(adoptions[0]) == 0 {
				b.Fatalf("no adoptions of %s: %v", popular, err)
			}
			var evidence []graph.ID
			for _, a := range adoptions[0][:min(20, len(adoptions[0]))] {
				evidence = append(evidence, a.EvidenceIDs[0])
			}
			page, err := s.List(ctx, graph.KindMechanism, graph.Filter{}, 20, "")
			if err != nil {
				b.Fatal(err)
			}
			mechanisms := page.IDs
			reads := []struct {
				name string
				read func() error
			}{
				{"Find", func() error { _, err := s.Find(ctx, graph.KindMechanism, "第0号机制"); return err }},
				{"Mechanisms20", func() error { _, err := s.Mechanisms(ctx, mechanisms); return err }},
				{"MechanismAdoptions", func() error {
					_, err := s.MechanismAdoptions(ctx, []graph.ID{popular}, graph.AdoptionQuery{Variants: true})
					return err
				}},
				{"MechanismAdoptions20", func() error {
					_, err := s.MechanismAdoptions(ctx, mechanisms, graph.AdoptionQuery{Variants: true})
					return err
				}},
				{"AdoptionsOfJurisdiction", func() error { _, err := s.AdoptionsOf(ctx, []graph.ID{county}); return err }},
				{"BodiesIn", func() error { _, err := s.Linked(ctx, graph.BodiesIn, []graph.ID{county}); return err }},
				{"Evidence20", func() error { _, err := s.Evidence(ctx, evidence); return err }},
				{"ListFiltered", func() error {
					_, err := s.List(ctx, graph.KindMechanism, graph.Filter{Province: "第1省", YearFrom: 2016, YearTo: 2017}, 20, "")
					return err
				}},
				{"Neighbourhood", func() error { _, err := s.Neighbourhood(ctx, county, graph.NeighbourhoodQuery{}); return err }},
			}
			for _, r := range reads {
				b.Run(r.name, func(b *testing.B) {
					for b.Loop() {
						if err := r.read(); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}

// BenchmarkPostgresPutInterleaved writes each synthetic report three
// times, one after the other, so that the three writers share the
// machine's load: with Cayley's writer, with the store's on the schema
// Cayley creates, and with the store's on the schema it creates itself
// (without the foreign keys and the two indexes it does not read). It
// reports quads per second of each and how many times Cayley's the
// store's are. Run with a fixed count: -benchtime=10x.
func BenchmarkPostgresPutInterleaved(b *testing.B) {
	base := postgresURL(b)
	ctx := context.Background()
	quads := syntheticQuads(b, b.N)
	cayleyAddr := schemaURL(b, base, b.TempDir())
	if err := csql.Init("postgres", cayleyAddr, nil); err != nil {
		b.Fatal(err)
	}
	cayley, err := csql.New("postgres", cayleyAddr, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer cayley.Close()
	fullAddr := schemaURL(b, base, b.TempDir())
	if err := csql.Init("postgres", fullAddr, nil); err != nil { // Cayley's schema, whole
		b.Fatal(err)
	}
	var stores []*graph.Store
	for _, addr := range []string{fullAddr, schemaURL(b, base, b.TempDir())} {
		s, err := graph.Open(ctx, graph.Options{Backend: graph.Postgres, Path: addr})
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		stores = append(stores, s)
	}
	var took [3]time.Duration
	var written [3]int
	b.ResetTimer()
	for i := range b.N {
		deltas := make([]cgraph.Delta, len(quads[i]))
		for k, q := range quads[i] {
			deltas[k] = cgraph.Delta{Quad: q, Action: cgraph.Add}
		}
		start := time.Now()
		if err := cayley.ApplyDeltas(deltas, cgraph.IgnoreOpts{}); err != nil {
			b.Fatal(err)
		}
		took[0] += time.Since(start)
		written[0] += len(deltas)
		r := graphtest.Synthetic(i)
		for k, s := range stores {
			start := time.Now()
			res, err := s.PutReport(ctx, r)
			if err != nil {
				b.Fatal(err)
			}
			took[k+1] += time.Since(start)
			written[k+1] += res.Added
		}
	}
	rate := func(k int) float64 { return float64(written[k]) / took[k].Seconds() }
	b.ReportMetric(rate(0), "cayley-quads/s")
	b.ReportMetric(rate(1), "cayley-schema-quads/s")
	b.ReportMetric(rate(2), "lean-schema-quads/s")
	b.ReportMetric(rate(1)/rate(0), "x-cayley-schema")
	b.ReportMetric(rate(2)/rate(0), "x-lean-schema")
}
