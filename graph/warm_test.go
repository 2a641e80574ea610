package graph_test

import (
	"context"
	"testing"

	"github.com/fazhikg/fazhikg/extract"
	"github.com/fazhikg/fazhikg/graph"
	"github.com/fazhikg/fazhikg/graph/graphtest"
)

// Warm leaves every mechanism family's spread ready, for the version of
// the store it ran at, and changes no answer.
func TestWarm(t *testing.T) {
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Options{Backend: graph.Memstore})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.PutReports(ctx, graphtest.Fixture()); err != nil {
		t.Fatal(err)
	}
	if ready, n := graph.SpreadsReady(s); ready != 0 || n != 0 {
		t.Fatalf("before Warm: %d of %d spreads ready, want none built", ready, n)
	}
	if err := s.Warm(ctx); err != nil {
		t.Fatal(err)
	}
	ready, n := graph.SpreadsReady(s)
	if n == 0 || ready != n {
		t.Fatalf("after Warm: %d of %d spreads ready, want all", ready, n)
	}
	r := graphtest.Huzhou2018()
	r.Name, r.Year = "huzhou-2019.txt", 2019
	if _, err := s.PutReports(ctx, []*extract.Report{r}); err != nil {
		t.Fatal(err)
	}
	if ready, n := graph.SpreadsReady(s); ready != 0 || n != 0 {
		t.Errorf("after a write: %d of %d spreads of the old version counted as ready", ready, n)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if err := s.Warm(cancelled); err == nil {
		t.Errorf("Warm with a cancelled context: no error")
	}
}
