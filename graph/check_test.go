package graph_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/fazhikg/fazhikg/graph"
	"github.com/fazhikg/fazhikg/graph/graphtest"
)

// TestCheck damages a store of the fixture in one way at a time, writing
// quads with Cayley behind the store's back, and expects Check to name the
// damage, on every embedded backend.
func TestCheck(t *testing.T) {
	ctx := context.Background()
	xiuzhou := graph.ReportID(graphtest.Xiuzhou2023().Name)
	mech := graph.MechanismID("府检联动")
	// evidence returns a sentence of xiuzhou's report mentioning 府检联动.
	evidence := func(s *graph.Store) graph.ID {
		t.Helper()
		ids, err := s.Linked(ctx, graph.Mentions, []graph.ID{mech})
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range ids[0] {
			if strings.HasPrefix(string(id), "evidence/"+graphtest.Xiuzhou2023().Name+"/") {
				return id
			}
		}
		t.Fatalf("no evidence of 府检联动 in %s: %v", xiuzhou, ids[0])
		return ""
	}
	tests := []struct {
		name   string
		damage func(t *testing.T, s *graph.Store)
		want   []graph.ProblemKind
		node   graph.ID // the node the first problem names
		says   string   // and words its detail holds
	}{
		{name: "sound", damage: func(*testing.T, *graph.Store) {}},
		{
			name: "a quad with no label",
			damage: func(t *testing.T, s *graph.Store) {
				write(t, s, false, quad.Quad{Subject: mech.IRI(), Predicate: graph.PredAlias, Object: quad.String("无主的别名")})
			},
			// adding the quads up again counts the alias: the catalogue
			// differs too
			want: []graph.ProblemKind{graph.ProblemUnlabelled, graph.ProblemCatalogue},
			says: "无主的别名",
		},
		{
			name: "a label that is no report",
			damage: func(t *testing.T, s *graph.Store) {
				write(t, s, false, quad.Quad{Subject: mech.IRI(), Predicate: graph.PredAlias, Object: quad.String("别名"), Label: quad.IRI("https://example.org/other")})
			},
			want: []graph.ProblemKind{graph.ProblemLabel, graph.ProblemCatalogue},
			says: "example.org/other",
		},
		{
			name: "facts of a report that is gone",
			damage: func(t *testing.T, s *graph.Store) {
				write(t, s, true, quad.Quad{Subject: xiuzhou.IRI(), Predicate: graph.PredType, Object: graph.ClassReport, Label: xiuzhou.IRI()})
			},
			// the catalogue still holds the report as described
			want: []graph.ProblemKind{graph.ProblemOrphan, graph.ProblemCatalogue},
			node: xiuzhou,
			says: "not in the store",
		},
		{
			name: "a mention of a node the report does not describe",
			damage: func(t *testing.T, s *graph.Store) {
				write(t, s, false, quad.Quad{Subject: evidence(s).IRI(), Predicate: graph.PredMentions, Object: graph.MechanismID("不存在的机制").IRI(), Label: xiuzhou.IRI()})
			},
			// nothing describes the mechanism, so the catalogue, which
			// holds described entities, has nothing to differ on
			want: []graph.ProblemKind{graph.ProblemDangling},
			node: xiuzhou,
			says: "mechanism/不存在的机制",
		},
		{
			name: "a description the catalogue never saw",
			damage: func(t *testing.T, s *graph.Store) {
				write(t, s, false, quad.Quad{Subject: mech.IRI(), Predicate: graph.PredAlias, Object: quad.String("府检一家亲"), Label: xiuzhou.IRI()})
			},
			want: []graph.ProblemKind{graph.ProblemCatalogue},
			node: mech,
			says: "府检一家亲",
		},
		{
			name: "a derived transmission to a place no report describes",
			damage: func(t *testing.T, s *graph.Store) {
				if _, err := s.Derive(ctx); err != nil {
					t.Fatal(err)
				}
				write(t, s, false, quad.Quad{Subject: graph.DiffusionID.IRI(), Predicate: graph.PredTo, Object: graph.JurisdictionID("990000000000").IRI(), Label: graph.DiffusionID.IRI()})
			},
			want: []graph.ProblemKind{graph.ProblemDangling},
			node: graph.DiffusionID,
			says: "jurisdiction/990000000000",
		},
		{
			name: "derived results older than the adoptions",
			damage: func(t *testing.T, s *graph.Store) {
				if _, err := s.Derive(ctx); err != nil {
					t.Fatal(err)
				}
				if _, err := s.PutReport(ctx, graphtest.Jiaxing2020()); err != nil {
					t.Fatal(err)
				}
			},
			want: []graph.ProblemKind{graph.ProblemStale},
			node: graph.DiffusionID,
			says: "fazhikg derive",
		},
	}
	for _, backend := range []string{graph.Memstore, graph.LevelDB, graph.Bolt} {
		for _, tt := range tests {
			t.Run(backend+"/"+tt.name, func(t *testing.T) {
				s := harness(backend).Open(t, t.TempDir())
				if _, err := s.PutReports(ctx, graphtest.Fixture()); err != nil {
					t.Fatal(err)
				}
				tt.damage(t, s)
				probs, err := s.Check(ctx)
				if err != nil {
					t.Fatalf("Check: %v", err)
				}
				var kinds []graph.ProblemKind
				for _, p := range probs {
					if !slices.Contains(kinds, p.Kind) {
						kinds = append(kinds, p.Kind)
					}
				}
				if !slices.Equal(kinds, tt.want) {
					t.Fatalf("problems of kinds %v, want %v:\n%s", kinds, tt.want, lines(probs))
				}
				if len(probs) == 0 {
					return
				}
				if p := probs[0]; p.Node != tt.node || !strings.Contains(p.String(), tt.says) {
					t.Errorf("first problem %q, want one about %q saying %q", p, tt.node, tt.says)
				}
			})
		}
	}
}

// TestCheckReopened damages a LevelDB store, closes and reopens it: the
// catalogue snapshot, stamped with the unchanged generation, is read back
// as it was, and Check still finds it wrong.
func TestCheckReopened(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	h := harness(graph.LevelDB)
	s := h.Open(t, dir)
	if _, err := s.PutReports(ctx, graphtest.Fixture()); err != nil {
		t.Fatal(err)
	}
	mech := graph.MechanismID("府检联动")
	xiuzhou := graph.ReportID(graphtest.Xiuzhou2023().Name)
	write(t, s, false, quad.Quad{Subject: mech.IRI(), Predicate: graph.PredAlias, Object: quad.String("府检一家亲"), Label: xiuzhou.IRI()})
	s.Close()
	s = h.Open(t, dir)
	probs, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(probs) != 1 || probs[0].Kind != graph.ProblemCatalogue || probs[0].Node != mech {
		t.Errorf("after reopening: %s", lines(probs))
	}
}

// TestCheckEmpty checks a store nothing was written to: it reads, and has
// no problem.
func TestCheckEmpty(t *testing.T) {
	ctx := context.Background()
	for _, backend := range []string{graph.Memstore, graph.LevelDB, graph.Bolt} {
		s := harness(backend).Open(t, t.TempDir())
		st, err := s.Stats(ctx)
		if err != nil || st.Quads != 0 || st.Reports != 0 {
			t.Errorf("%s: Stats of an empty store = %+v, %v", backend, st, err)
		}
		if probs, err := s.Check(ctx); err != nil || len(probs) != 0 {
			t.Errorf("%s: Check of an empty store = %s, %v", backend, lines(probs), err)
		}
	}
}

func write(t *testing.T, s *graph.Store, del bool, qs ...quad.Quad) {
	t.Helper()
	if err := graph.WriteBehind(s, del, qs...); err != nil {
		t.Fatalf("writing behind the store: %v", err)
	}
}

func lines(probs []graph.Problem) string {
	var b strings.Builder
	for _, p := range probs {
		b.WriteString(p.String() + "\n")
	}
	return b.String()
}
