package graph_test

import (
	"context"
	"testing"

	"github.com/fazhikg/fazhikg/extract"
	"github.com/fazhikg/fazhikg/graph"
	"github.com/fazhikg/fazhikg/graph/graphtest"
)

// BenchmarkNeighbourhood walks two hops from a mechanism of a synthetic
// store of 100 reports of real size (~300,000 quads) up to 2,000 nodes, as
// the explorer's large view does, and reports the nodes and edges found.
func BenchmarkNeighbourhood(b *testing.B) {
	ctx := context.Background()
	s := openBench(b, graph.LevelDB, b.TempDir(), true)
	defer s.Close()
	var batch []*extract.Report
	for i := 0; i < 100; i++ {
		batch = append(batch, graphtest.Synthetic(i))
	}
	if _, err := s.PutReports(ctx, batch); err != nil {
		b.Fatal(err)
	}
	q := graph.NeighbourhoodQuery{Hops: 2, Limit: 2000}
	var g *graph.Subgraph
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var err error
		if g, err = s.Neighbourhood(ctx, graph.MechanismID("第0号机制"), q); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(g.Nodes)), "nodes")
	b.ReportMetric(float64(len(g.Edges)), "edges")
}

// BenchmarkSearch completes a two-character prefix over the same store.
func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	s := openBench(b, graph.LevelDB, b.TempDir(), true)
	defer s.Close()
	var batch []*extract.Report
	for i := 0; i < 100; i++ {
		batch = append(batch, graphtest.Synthetic(i))
	}
	if _, err := s.PutReports(ctx, batch); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Search(ctx, "第1", nil, 10); err != nil {
			b.Fatal(err)
		}
	}
}
