package graph_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/fazhikg/fazhikg/graph"
	"github.com/fazhikg/fazhikg/graph/graphtest"
)

// fixtureStore returns a LevelDB store holding the fixture's reports.
func fixtureStore(t *testing.T) *graph.Store {
	t.Helper()
	s := harness(graph.LevelDB).Open(t, t.TempDir())
	if _, err := s.PutReports(context.Background(), graphtest.Fixture()); err != nil {
		t.Fatal(err)
	}
	return s
}

func nodeIDs(g *graph.Subgraph) []graph.ID {
	var out []graph.ID
	for _, n := range g.Nodes {
		out = append(out, n.ID)
	}
	slices.Sort(out)
	return out
}

func edgeOf(g *graph.Subgraph, kind graph.EdgeKind, source, target graph.ID) *graph.Edge {
	for i, e := range g.Edges {
		if e.Kind == kind && e.Source == source && e.Target == target {
			return &g.Edges[i]
		}
	}
	return nil
}

var (
	fjld     = graph.MechanismID("府检联动")
	fjlx     = graph.MechanismID("府检联席")
	sanSan   = graph.MechanismID(`"三三制"府检联动模式`)
	xiuzhou  = graph.JurisdictionID(graphtest.CodeXiuzhou)
	jiaxing  = graph.JurisdictionID(graphtest.CodeJiaxing)
	huzhou   = graph.JurisdictionID(graphtest.CodeHuzhou)
	jiaxiang = graph.JurisdictionID(graphtest.CodeJiaxiang)
)

func TestNeighbourhood(t *testing.T) {
	s := fixtureStore(t)
	ctx := context.Background()
	tests := []struct {
		name          string
		id            graph.ID
		q             graph.NeighbourhoodQuery
		want, notWant []graph.ID
		truncated     bool
	}{
		{
			name: "one hop from a mechanism: adopters, variants, bodies, reports",
			id:   fjld, q: graph.NeighbourhoodQuery{Hops: 1},
			want: []graph.ID{fjld, xiuzhou, fjlx, sanSan, graph.BodyID("秀洲区人民检察院"),
				graph.ReportID("xiuzhou-2022"), graph.ReportID("changzhou-2023")},
			notWant: []graph.ID{huzhou, jiaxiang, jiaxing},
		},
		{
			name: "two hops reach the variants' adopters",
			id:   fjld, q: graph.NeighbourhoodQuery{Hops: 2},
			want: []graph.ID{huzhou, jiaxiang, jiaxing, graph.MechanismID("府院联动")},
		},
		{
			name: "reports are drawn but not walked through",
			id:   fjld, q: graph.NeighbourhoodQuery{Hops: 3},
			want:    []graph.ID{graph.ReportID("huzhou-2018")},
			notWant: []graph.ID{graph.DocumentID("法治政府建设实施纲要(2015-2020年)")}, // only huzhou-2018 cites it
		},
		{
			name: "unless asked",
			id:   fjld, q: graph.NeighbourhoodQuery{Hops: 3, ThroughReports: true},
			want: []graph.ID{graph.DocumentID("法治政府建设实施纲要(2015-2020年)")},
		},
		{
			name: "kinds filter what is drawn and walked",
			id:   fjld, q: graph.NeighbourhoodQuery{Hops: 2, View: graph.View{Kinds: []graph.Kind{graph.KindMechanism, graph.KindJurisdiction}}},
			want:    []graph.ID{fjld, xiuzhou, huzhou, jiaxiang},
			notWant: []graph.ID{graph.BodyID("秀洲区人民检察院"), graph.ReportID("xiuzhou-2022")},
		},
		{
			name: "years keep what reports of the range name",
			id:   fjld, q: graph.NeighbourhoodQuery{Hops: 2, View: graph.View{ToYear: 2018}},
			want:    []graph.ID{fjld, fjlx, huzhou},
			notWant: []graph.ID{xiuzhou, sanSan, jiaxiang},
		},
		{
			name: "a report walks to what it mentions",
			id:   graph.ReportID("huzhou-2018"), q: graph.NeighbourhoodQuery{Hops: 1},
			want: []graph.ID{huzhou, fjlx, graph.MechanismID("最多跑一次"), graph.DocumentID("法治政府建设实施纲要(2015-2020年)")},
		},
		{
			// 常州经开区 plans 府检联动; 三三制 has more sentences than 府检联席.
			name: "the limit keeps places and mechanisms first",
			id:   fjld, q: graph.NeighbourhoodQuery{Hops: 1, Limit: 4},
			want:      []graph.ID{fjld, xiuzhou, graph.JurisdictionID(graphtest.CodeCZZone), sanSan},
			truncated: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := s.Neighbourhood(ctx, tt.id, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			got := nodeIDs(g)
			for _, id := range tt.want {
				if !slices.Contains(got, id) {
					t.Errorf("missing %s; got %v", id, got)
				}
			}
			for _, id := range tt.notWant {
				if slices.Contains(got, id) {
					t.Errorf("holds %s, want it left out", id)
				}
			}
			if g.Truncated != tt.truncated {
				t.Errorf("Truncated = %v, want %v", g.Truncated, tt.truncated)
			}
			if tt.q.Limit > 0 && len(g.Nodes) > tt.q.Limit {
				t.Errorf("%d nodes, over the limit of %d", len(g.Nodes), tt.q.Limit)
			}
			for _, e := range g.Edges {
				if !slices.Contains(got, e.Source) || !slices.Contains(got, e.Target) {
					t.Errorf("edge %s leaves the subgraph", e.Key())
				}
			}
		})
	}
	if _, err := s.Neighbourhood(ctx, graph.MechanismID("无此机制"), graph.NeighbourhoodQuery{}); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Neighbourhood(unknown) err = %v, want ErrNotFound", err)
	}
}

func TestNeighbourhoodEdges(t *testing.T) {
	s := fixtureStore(t)
	ctx := context.Background()
	g, err := s.Neighbourhood(ctx, fjld, graph.NeighbourhoodQuery{Hops: 2})
	if err != nil {
		t.Fatal(err)
	}
	adopted := edgeOf(g, graph.EdgeAdopted, xiuzhou, fjld)
	if adopted == nil {
		t.Fatalf("no adopted edge 秀洲区 → 府检联动 among %d edges", len(g.Edges))
	}
	if want := []int{2022, 2023}; !slices.Equal(adopted.Years, want) || adopted.Status != graph.AdoptionAchieved || len(adopted.Adoptions) != 2 {
		t.Errorf("adopted edge = %+v, want years %v, achieved, two adoptions", adopted, want)
	}
	if e := edgeOf(g, graph.EdgeFamily, fjlx, fjld); e == nil || !slices.Equal(e.Years, []int{2018}) {
		t.Errorf("family edge 府检联席 → 府检联动 = %+v, want one dated 2018 (the first year both are named)", e)
	}
	if e := edgeOf(g, graph.EdgeParent, xiuzhou, jiaxing); e == nil || e.Evidence != 2 {
		t.Errorf("parent edge 秀洲区 → 嘉兴市 = %+v, want one stated by two reports", e)
	}
	if e := edgeOf(g, graph.EdgeMentions, graph.ReportID("xiuzhou-2023"), fjld); e == nil || e.Evidence != 2 || !slices.Equal(e.Years, []int{2023}) {
		t.Errorf("mentions edge xiuzhou-2023 → 府检联动 = %+v, want two sentences in 2023", e)
	}
	for _, n := range g.Nodes {
		if n.ID == xiuzhou && (n.Label != "秀洲区" || n.Detail != "浙江省嘉兴市秀洲区" || n.Province != "浙江省" || n.Code != graphtest.CodeXiuzhou || !slices.Equal(n.Years, []int{2022, 2023})) {
			t.Errorf("node 秀洲区 = %+v", n)
		}
	}
}

func TestSubgraphAndGraph(t *testing.T) {
	s := fixtureStore(t)
	ctx := context.Background()
	g, err := s.Subgraph(ctx, []graph.ID{xiuzhou, fjld, jiaxing, "mechanism/nothing"}, graph.View{})
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, e := range g.Edges {
		kinds = append(kinds, e.Key())
	}
	want := []string{"adopted:" + string(xiuzhou) + ">" + string(fjld), "parent:" + string(xiuzhou) + ">" + string(jiaxing)}
	if diff := cmp.Diff(want, kinds); diff != "" || len(g.Nodes) != 3 {
		t.Errorf("Subgraph: %d nodes, edges (-want +got):\n%s", len(g.Nodes), diff)
	}
	all, err := s.Graph(ctx, graph.View{})
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, n := range st.Entities {
		total += n
	}
	if len(all.Nodes) != total {
		t.Errorf("Graph: %d nodes, want every entity (%d)", len(all.Nodes), total)
	}
	seen := make(map[string]bool)
	for _, e := range all.Edges {
		if seen[e.Key()] {
			t.Errorf("Graph: edge %s twice", e.Key())
		}
		seen[e.Key()] = true
	}
	for _, k := range graph.EdgeKinds() {
		if k == graph.EdgeMemberOf || k == graph.EdgeIssuer {
			continue // the fixture states none with a described body
		}
		found := false
		for _, e := range all.Edges {
			found = found || e.Kind == k
		}
		if !found {
			t.Errorf("Graph: no edge of kind %s", k)
		}
	}
	mechs, err := s.Graph(ctx, graph.View{Kinds: []graph.Kind{graph.KindMechanism}, FromYear: 2023})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range mechs.Nodes {
		if n.Kind != graph.KindMechanism || n.Years[len(n.Years)-1] < 2023 {
			t.Errorf("Graph(mechanisms from 2023) holds %+v", n)
		}
	}
}

func TestSearch(t *testing.T) {
	s := fixtureStore(t)
	ctx := context.Background()
	tests := []struct {
		text  string
		kinds []graph.Kind
		first graph.ID
		rank  int
		match string
	}{
		{"府检联动", nil, fjld, 0, "府检联动"},
		{"府檢聯動", nil, fjld, 0, "府检联动"},
		{"府检", nil, fjld, 1, "府检联动"},
		{"秀洲", []graph.Kind{graph.KindJurisdiction}, xiuzhou, 1, "秀洲区"},
		{"嘉兴市秀洲", nil, xiuzhou, 2, "浙江省嘉兴市秀洲区"},
		{"三三制", nil, sanSan, 1, `"三三制"府检联动模式`},
		{"法治政府建设情况", []graph.Kind{graph.KindReport}, graph.ReportID("jiaxiang-2023"), 2, "嘉祥县2023年法治政府建设情况报告"},
	}
	for _, tt := range tests {
		hits, err := s.Search(ctx, tt.text, tt.kinds, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 || hits[0].ID != tt.first || hits[0].Rank != tt.rank || hits[0].Matched != tt.match {
			t.Errorf("Search(%q, %v) = %+v, want first %s rank %d matching %q", tt.text, tt.kinds, hits, tt.first, tt.rank, tt.match)
		}
		for _, h := range hits {
			if len(tt.kinds) > 0 && !slices.Contains(tt.kinds, h.ID.Kind()) {
				t.Errorf("Search(%q, %v) found %s", tt.text, tt.kinds, h.ID)
			}
		}
	}
	if hits, _ := s.Search(ctx, "府", nil, 3); len(hits) != 3 {
		t.Errorf("Search(府, first 3) = %d hits, want 3", len(hits))
	}
	if hits, _ := s.Search(ctx, "　", nil, 3); len(hits) != 0 {
		t.Errorf("Search(blank) = %v, want nothing", hits)
	}
}

func TestSupport(t *testing.T) {
	s := fixtureStore(t)
	ctx := context.Background()
	tests := []struct {
		kind           graph.EdgeKind
		source, target graph.ID
		evidence       []graph.ID
		reports        []graph.ID
	}{
		{graph.EdgeAdopted, xiuzhou, fjld,
			[]graph.ID{"evidence/xiuzhou-2022/1", "evidence/xiuzhou-2023/1", "evidence/xiuzhou-2023/7"},
			[]graph.ID{graph.ReportID("xiuzhou-2022"), graph.ReportID("xiuzhou-2023")}},
		{graph.EdgeMentions, graph.ReportID("xiuzhou-2023"), fjld,
			[]graph.ID{"evidence/xiuzhou-2023/1", "evidence/xiuzhou-2023/7"},
			[]graph.ID{graph.ReportID("xiuzhou-2023")}},
		{graph.EdgeParent, xiuzhou, jiaxing, nil,
			[]graph.ID{graph.ReportID("xiuzhou-2022"), graph.ReportID("xiuzhou-2023")}},
		{graph.EdgeTakesPart, fjld, graph.BodyID("秀洲区人民检察院"),
			[]graph.ID{"evidence/xiuzhou-2022/1", "evidence/xiuzhou-2023/1"},
			[]graph.ID{graph.ReportID("xiuzhou-2022"), graph.ReportID("xiuzhou-2023")}},
	}
	for _, tt := range tests {
		e, err := s.Edge(ctx, tt.kind, tt.source, tt.target)
		if err != nil || e == nil {
			t.Fatalf("Edge(%s %s → %s) = %v, %v", tt.kind, tt.source, tt.target, e, err)
		}
		ev, reps, err := s.Support(ctx, *e)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.evidence, ev); diff != "" {
			t.Errorf("Support(%s) evidence (-want +got):\n%s", e.Key(), diff)
		}
		if diff := cmp.Diff(tt.reports, reps); diff != "" {
			t.Errorf("Support(%s) reports (-want +got):\n%s", e.Key(), diff)
		}
	}
	if e, err := s.Edge(ctx, graph.EdgeAdopted, huzhou, fjld); err != nil || e != nil {
		t.Errorf("Edge(湖州市 adopted 府检联动) = %+v, %v; want none (湖州市 reports its variant)", e, err)
	}
}
