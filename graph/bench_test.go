package graph_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/fazhikg/fazhikg/extract"
	"github.com/fazhikg/fazhikg/graph"
	"github.com/fazhikg/fazhikg/graph/graphtest"
)

// dirSize returns the bytes of the files under dir.
func dirSize(tb testing.TB, dir string) int64 {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			n += info.Size()
		}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

func openBench(tb testing.TB, backend, dir string, noSync bool) *graph.Store {
	tb.Helper()
	if backend == graph.Memstore {
		dir = ""
	}
	s, err := graph.Open(context.Background(), graph.Options{Backend: backend, Path: dir, NoSync: noSync})
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// BenchmarkPut writes synthetic reports of real size, one per transaction
// or fifty per transaction, and reports quads written per second and, for
// the embedded backends, bytes on disk per report.
func BenchmarkPut(b *testing.B) {
	for _, backend := range []string{graph.LevelDB, graph.Bolt, graph.Memstore} {
		for _, sync := range []bool{true, false} {
			if backend == graph.Memstore && !sync {
				continue
			}
			for _, batch := range []int{1, 50} {
				name := fmt.Sprintf("%s/batch=%d", backend, batch)
				if !sync {
					name += "/nosync"
				}
				b.Run(name, func(b *testing.B) { benchPut(b, backend, batch, !sync) })
			}
		}
	}
}

func benchPut(b *testing.B, backend string, batch int, noSync bool) {
	ctx := context.Background()
	dir := b.TempDir()
	s := openBench(b, backend, dir, noSync)
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
	elapsed := time.Since(start)
	b.StopTimer()
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(quads)/elapsed.Seconds(), "quads/s")
	b.ReportMetric(float64(quads)/float64(b.N), "quads/report")
	if backend != graph.Memstore {
		b.ReportMetric(float64(dirSize(b, dir))/float64(b.N), "disk-B/report")
	}
}

// readStore is a store of n synthetic reports.
func readStore(b *testing.B, backend string, n int) *graph.Store {
	b.Helper()
	s := openBench(b, backend, b.TempDir(), true)
	b.Cleanup(func() { s.Close() })
	fill(b, s, n)
	return s
}

// fill puts synthetic reports 0 to n-1, fifty per transaction.
func fill(tb testing.TB, s *graph.Store, n int) {
	tb.Helper()
	for i := 0; i < n; i += 50 {
		var rs []*extract.Report
		for k := i; k < min(i+50, n); k++ {
			rs = append(rs, graphtest.Synthetic(k))
		}
		if _, err := s.PutReports(context.Background(), rs); err != nil {
			tb.Fatal(err)
		}
	}
}

// BenchmarkRead measures the API's typical reads on a store of 500
// synthetic reports (about 1.3 million quads).
func BenchmarkRead(b *testing.B) {
	const n = 500
	ctx := context.Background()
	for _, backend := range []string{graph.LevelDB, graph.Bolt, graph.Memstore} {
		b.Run(backend, func(b *testing.B) {
			s := readStore(b, backend, n)
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
			var mechanisms []graph.ID
			page, err := s.List(ctx, graph.KindMechanism, graph.Filter{}, 20, "")
			if err != nil {
				b.Fatal(err)
			}
			mechanisms = page.IDs
			b.Logf("%s: %d adoptions of %s", backend, len(adoptions[0]), popular)
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

// BenchmarkOpen measures opening a store of 500 synthetic reports (about
// 1.9 million quads): with a current catalogue snapshot, and rebuilding the
// catalogue from the quads. It reports the heap the open store holds.
func BenchmarkOpen(b *testing.B) {
	const n = 500
	for _, backend := range []string{graph.LevelDB, graph.Bolt} {
		dir := b.TempDir()
		s := openBench(b, backend, dir, true)
		fill(b, s, n)
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		for _, rebuild := range []bool{false, true} {
			name := backend + "/snapshot"
			if rebuild {
				name = backend + "/rebuild"
			}
			b.Run(name, func(b *testing.B) {
				var heap uint64
				for b.Loop() {
					if rebuild {
						b.StopTimer()
						if err := os.Remove(filepath.Join(dir, graph.SnapshotFile)); err != nil {
							b.Fatal(err)
						}
						b.StartTimer()
					}
					before := heapInUse()
					s := openBench(b, backend, dir, true)
					heap = heapInUse() - min(before, heapInUse())
					if err := s.Close(); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(heap)/(1<<20), "heap-MB")
			})
		}
	}
}

// heapInUse returns the bytes of live heap objects after a collection.
func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// BenchmarkBatchedPut compares the store's writes of whole reports, about
// 16,000 quads per transaction as ingest groups them, with Cayley's own
// writer loading the same quads in 10,000-quad transactions (BulkLoad):
// the store's limit. Each iteration writes n synthetic reports into a
// fresh store.
func BenchmarkBatchedPut(b *testing.B) {
	const n = 60
	ctx := context.Background()
	var ps []*graph.Prepared
	quads := 0
	for i := 0; i < n; i++ {
		p, err := graph.Prepare(graphtest.Synthetic(i))
		if err != nil {
			b.Fatal(err)
		}
		ps = append(ps, p)
		quads += p.Quads()
	}
	for _, backend := range []string{graph.LevelDB, graph.Bolt} {
		// the same quads as N-Quads, for the reference
		s := openBench(b, backend, b.TempDir(), true)
		if _, err := s.PutPrepared(ctx, ps); err != nil {
			b.Fatal(err)
		}
		var nq bytes.Buffer
		if err := s.WriteNQuads(ctx, &nq); err != nil {
			b.Fatal(err)
		}
		s.Close()
		b.Run(backend+"/put", func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				s := openBench(b, backend, b.TempDir(), false)
				b.StartTimer()
				for i := 0; i < len(ps); {
					j, size := i, 0
					for ; j < len(ps) && size < 16000; j++ {
						size += ps[j].Quads()
					}
					if _, err := s.PutPrepared(ctx, ps[i:j]); err != nil {
						b.Fatal(err)
					}
					i = j
				}
				b.StopTimer()
				s.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(quads*b.N)/b.Elapsed().Seconds(), "quads/s")
		})
		b.Run(backend+"/bulkload", func(b *testing.B) {
			for b.Loop() {
				got, err := graph.BulkLoad(ctx, backend, b.TempDir(), bytes.NewReader(nq.Bytes()), 10000)
				if err != nil || got != quads {
					b.Fatalf("loaded %d quads of %d: %v", got, quads, err)
				}
			}
			b.ReportMetric(float64(quads*b.N)/b.Elapsed().Seconds(), "quads/s")
		})
	}
}
