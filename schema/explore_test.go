package schema_test

import (
	"encoding/xml"
	"slices"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"
	"github.com/google/go-cmp/cmp"

	"github.com/fazhikg/fazhikg/graph/graphtest"
	"github.com/fazhikg/fazhikg/schema"
)

type explored struct {
	Nodes []struct {
		ID, Kind, Label, Province string
		Years                     []int
		FirstYear                 *int
	}
	Edges []struct {
		ID, Kind, Source, Target string
		Years                    []int
		Status                   *string
	}
	Truncated bool
}

func (g explored) ids() []string {
	var out []string
	for _, n := range g.Nodes {
		out = append(out, n.ID)
	}
	return out
}

func TestExplorerNeighbourhood(t *testing.T) {
	c := newClient(t, seeded(t), schema.Options{})
	var resp struct{ Neighbourhood explored }
	post(t, c, `query($id: ID!) { neighbourhood(id: $id, hops: 2, kinds: [MECHANISM, JURISDICTION], toYear: 2022) {
		nodes { id kind label province years firstYear } edges { id kind source target years status } truncated } }`,
		&resp, client.Var("id", "mechanism/府检联动"))
	g := resp.Neighbourhood
	// 一件事一次办: 秀洲区 adopted it in 2022; 嘉兴市 is its parent.
	want := []string{"jurisdiction/" + graphtest.CodeJiaxing, "jurisdiction/" + graphtest.CodeXiuzhou, "jurisdiction/" + graphtest.CodeHuzhou, "mechanism/一件事一次办", "mechanism/府检联动", "mechanism/府检联席"}
	got := g.ids()
	slices.Sort(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("neighbourhood to 2022 of places and mechanisms (-want +got):\n%s", diff)
	}
	var adopted []string
	for _, e := range g.Edges {
		if e.Kind == "ADOPTED" {
			adopted = append(adopted, e.Source+" "+*e.Status)
			if e.Years[0] > 2022 {
				t.Errorf("edge %s of %v, after the range", e.ID, e.Years)
			}
		}
	}
	slices.Sort(adopted)
	if diff := cmp.Diff([]string{"jurisdiction/" + graphtest.CodeXiuzhou + " ACHIEVED", "jurisdiction/" + graphtest.CodeXiuzhou + " ACHIEVED", "jurisdiction/" + graphtest.CodeHuzhou + " ACHIEVED"}, adopted); diff != "" {
		t.Errorf("adopted edges (-want +got):\n%s", diff)
	}
	for _, n := range g.Nodes {
		if n.ID == "jurisdiction/"+graphtest.CodeXiuzhou && (n.Kind != "JURISDICTION" || n.Province != "浙江省" || *n.FirstYear != 2022) {
			t.Errorf("秀洲区 drawn as %+v", n)
		}
	}
}

func TestExplorerSearchAndPanels(t *testing.T) {
	c := newClient(t, seeded(t), schema.Options{})
	var resp struct {
		Search []struct {
			Node    struct{ ID, Kind, Label string }
			Matched string
			Match   string
		}
		GraphNode struct {
			Label    string
			Evidence []struct {
				Sentence string
				Report   struct{ Name string }
			}
			Entity struct{ FullName string }
		}
		GraphEdge struct {
			Kind      string
			Adoptions []struct{ Year int }
			Evidence  []struct{ Sentence string }
			Reports   []struct{ Name string }
		}
	}
	post(t, c, `{
		search(text: "府檢", first: 3) { node { id kind label } matched match }
		graphNode(id: "jurisdiction/`+graphtest.CodeHuzhou+`") { label evidence(first: 5) { sentence report { name } } entity { ... on Jurisdiction { fullName } } }
		graphEdge(kind: ADOPTED, source: "jurisdiction/`+graphtest.CodeXiuzhou+`", target: "mechanism/府检联动") {
			kind adoptions { year } evidence { sentence } reports { name } }
	}`, &resp)
	if len(resp.Search) != 3 || resp.Search[0].Node.ID != "mechanism/府检联动" || resp.Search[0].Match != "PREFIX" || resp.Search[0].Matched != "府检联动" {
		t.Errorf("search(府檢) = %+v, want 府检联动 first, by prefix", resp.Search)
	}
	if resp.GraphNode.Label != "湖州市" || resp.GraphNode.Entity.FullName != "浙江省湖州市" {
		t.Errorf("graphNode(湖州市) = %+v", resp.GraphNode)
	}
	e := resp.GraphEdge
	if e.Kind != "ADOPTED" || len(e.Adoptions) != 2 || len(e.Evidence) != 3 || len(e.Reports) != 2 ||
		!strings.Contains(e.Evidence[0].Sentence, "府检联动") {
		t.Errorf("graphEdge(秀洲区 adopted 府检联动) = %+v, want 2 adoptions, 3 sentences, 2 reports", e)
	}
}

func TestExplorerExport(t *testing.T) {
	c := newClient(t, seeded(t), schema.Options{})
	var resp struct {
		View  []struct{ Name, MediaType, Content string }
		Whole []struct{ Name, MediaType, Content string }
	}
	post(t, c, `{
		view: export(format: GEXF, ids: ["mechanism/府检联动", "jurisdiction/`+graphtest.CodeXiuzhou+`"]) { name mediaType content }
		whole: export(format: CSV, kinds: [MECHANISM]) { name mediaType content }
	}`, &resp)
	if len(resp.View) != 1 || resp.View[0].Name != "fazhikg-view.gexf" {
		t.Fatalf("export of the view = %+v", resp.View)
	}
	var gexf struct {
		Nodes []struct {
			ID string `xml:"id,attr"`
		} `xml:"graph>nodes>node"`
		Edges []struct {
			Start string `xml:"start,attr"`
		} `xml:"graph>edges>edge"`
	}
	if err := xml.Unmarshal([]byte(resp.View[0].Content), &gexf); err != nil {
		t.Fatal(err)
	}
	if len(gexf.Nodes) != 2 || len(gexf.Edges) != 1 || gexf.Edges[0].Start != "2022" {
		t.Errorf("GEXF of the view: %+v, want two nodes and the adoption from 2022", gexf)
	}
	if len(resp.Whole) != 2 || resp.Whole[0].Name != "fazhikg-graph-nodes.csv" || resp.Whole[1].Name != "fazhikg-graph-edges.csv" {
		t.Fatalf("CSV export = %+v", resp.Whole)
	}
	rows := strings.Split(strings.TrimSpace(resp.Whole[0].Content), "\n")
	if len(rows) != 1+11 { // the fixture's mechanisms
		t.Errorf("CSV of the mechanisms: %d rows, want a header and 11:\n%s", len(rows), resp.Whole[0].Content)
	}
}

func TestExplorerErrors(t *testing.T) {
	h := schema.NewHandler(seeded(t), schema.Options{})
	for _, q := range []string{
		`{ neighbourhood(id: "mechanism/府检联动", hops: 9) { truncated } }`,
		`{ neighbourhood(id: "mechanism/府检联动", limit: 0) { truncated } }`,
		`{ neighbourhood(id: "nonsense") { truncated } }`,
		`{ search(text: "府", first: 1000) { matched } }`,
		`{ subgraph(ids: ["x"]) { truncated } }`,
	} {
		if codes := errorCodes(t, h, q); !slices.Equal(codes, []string{"BAD_USER_INPUT"}) {
			t.Errorf("%s: codes %v, want BAD_USER_INPUT", q, codes)
		}
	}
	if codes := errorCodes(t, h, `{ neighbourhood(id: "mechanism/无此机制") { truncated } }`); !slices.Equal(codes, []string{"NOT_FOUND"}) {
		t.Errorf("neighbourhood of an unknown node: codes %v, want NOT_FOUND", codes)
	}
}
