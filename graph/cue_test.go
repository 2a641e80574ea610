package graph_test

import (
	"context"
	"testing"

	"github.com/fazhikg/fazhikg/extract"
	"github.com/fazhikg/fazhikg/graph"
	"github.com/fazhikg/fazhikg/graph/graphtest"
)

// TestCues checks that what a report says of a mechanism's origin is kept
// with its adoption, and goes with the report.
func TestCues(t *testing.T) {
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Options{Backend: graph.Memstore})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := graphtest.Jiaxiang2023()
	found := false
	for i := range r.Mechanisms {
		if r.Mechanisms[i].Name == "府院联席" {
			r.Mechanisms[i].Cues = []extract.Cue{
				{Kind: extract.CueLearned, Place: "330400", Mention: r.Mechanisms[i].Mentions[0]},
				{Kind: extract.CueCited, Document: "法治政府建设实施纲要(2021—2025年)", Level: "national", Mention: r.Mechanisms[i].Mentions[0]},
			}
			found = true
		}
	}
	if !found {
		t.Fatal("the fixture has no 府院联席")
	}
	if _, err := s.PutReport(ctx, r); err != nil {
		t.Fatal(err)
	}
	as, err := s.AdoptionsOf(ctx, []graph.ID{graph.MechanismID("府院联席")})
	if err != nil {
		t.Fatal(err)
	}
	var cues []graph.Cue
	for _, a := range as[0] {
		cues = append(cues, a.Cues...)
	}
	// In a stable order, whatever order the report gave them in.
	want := []graph.Cue{
		{Kind: "cited", Document: "法治政府建设实施纲要(2021—2025年)", Level: "national"},
		{Kind: "learned", Place: "330400"},
	}
	if len(cues) != len(want) || cues[0] != want[0] || cues[1] != want[1] {
		t.Errorf("cues %+v, want %+v", cues, want)
	}
	if err := s.DeleteReport(ctx, r.Name); err != nil {
		t.Fatal(err)
	}
	as, _ = s.AdoptionsOf(ctx, []graph.ID{graph.MechanismID("府院联席")})
	if len(as[0]) != 0 {
		t.Errorf("adoptions left after the report went: %+v", as[0])
	}
}
