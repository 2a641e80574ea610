package graph_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/fazhikg/fazhikg/graph"
)

// sample is a small subgraph with the traps of real names: quotes,
// ampersands, angle brackets, a tab and a control character, an entity
// without years and an edge without evidence.
func sample() *graph.Subgraph {
	return &graph.Subgraph{
		Nodes: []graph.Node{
			{ID: "mechanism/府检联动", Kind: graph.KindMechanism, Label: "府检联动", Years: []int{2018, 2022, 2023}, Evidence: 7, Reports: 3},
			{ID: "mechanism/三三制府检联动模式", Kind: graph.KindMechanism, Label: `"三三制"府检联动模式`, Detail: "variant of 府检联动", Years: []int{2023}, Evidence: 2, Reports: 1},
			{ID: "jurisdiction/330411000000", Kind: graph.KindJurisdiction, Label: "秀洲区", Detail: "浙江省嘉兴市秀洲区", Code: "330411000000",
				Level: "county", Province: "浙江省", Years: []int{2022, 2023}, Evidence: 9, Reports: 2},
			{ID: "jurisdiction/330400000000", Kind: graph.KindJurisdiction, Label: "嘉兴市", Detail: "浙江省嘉兴市", Code: "330400000000", Level: "city", Province: "浙江省"},
			{ID: "document/a&b<c>", Kind: graph.KindDocument, Label: "《关于A&B<C>的\t意见\x01》", Detail: "意见", Years: []int{2023}, Evidence: 1, Reports: 1},
			{ID: "report/xiuzhou-2023", Kind: graph.KindReport, Label: "秀洲区2023年法治政府建设年度报告", Detail: "浙江省嘉兴市秀洲区", Code: "330411000000", Province: "浙江省", Years: []int{2023}},
		},
		Edges: []graph.Edge{
			{Kind: graph.EdgeAdopted, Source: "jurisdiction/330411000000", Target: "mechanism/府检联动", Years: []int{2022, 2023}, Status: graph.AdoptionAchieved, Evidence: 3},
			{Kind: graph.EdgeFamily, Source: "mechanism/三三制府检联动模式", Target: "mechanism/府检联动", Years: []int{2023}, Evidence: 1},
			{Kind: graph.EdgeParent, Source: "jurisdiction/330411000000", Target: "jurisdiction/330400000000", Evidence: 2},
			{Kind: graph.EdgeMentions, Source: "report/xiuzhou-2023", Target: "document/a&b<c>", Years: []int{2023}, Evidence: 1},
			{Kind: graph.EdgeReportedBy, Source: "report/xiuzhou-2023", Target: "jurisdiction/330411000000", Years: []int{2023}},
		},
	}
}

// goldenFile compares got with testdata/export/name, or rewrites it with -update.
func goldenFile(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "export", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./graph -run Formats -update)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs from the golden file (-want +got):\n%s", name, diff)
	}
}

func TestFormatsGolden(t *testing.T) {
	for _, f := range graph.Formats() {
		files, err := sample().Files(f, "sample")
		if err != nil {
			t.Fatalf("Files(%s): %v", f, err)
		}
		for _, file := range files {
			goldenFile(t, file.Name, file.Data)
		}
	}
}

// validateXML checks an XML file against a schema of testdata/schema with
// xmllint, and fails the test with xmllint's messages when it is not valid.
// It skips the test when xmllint is missing (Debian: libxml2-utils).
func validateXML(t *testing.T, doc []byte, schema string) {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint is not installed (apt-get install libxml2-utils): cannot validate against the published schemas")
	}
	path := filepath.Join(t.TempDir(), "doc.xml")
	if err := os.WriteFile(path, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	xsd, err := filepath.Abs(filepath.Join("testdata", "schema", schema))
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(xmllint, "--noout", "--nonet", "--schema", xsd, path).CombinedOutput()
	if err != nil {
		t.Errorf("xmllint --schema %s: %v\n%s", schema, err, out)
	}
}

func TestFormatsSchemas(t *testing.T) {
	for _, tt := range []struct {
		format graph.Format
		schema string
	}{{graph.GEXF, "gexf.xsd"}, {graph.GraphML, "graphml.xsd"}} {
		for _, g := range []*graph.Subgraph{sample(), {}} {
			files, err := g.Files(tt.format, "g")
			if err != nil {
				t.Fatal(err)
			}
			validateXML(t, files[0].Data, tt.schema)
		}
	}
}

// TestSchemasReject makes sure validation can fail: a GEXF without its
// version and a GraphML edge without a target are refused.
func TestFormatsSchemasReject(t *testing.T) {
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("xmllint is not installed")
	}
	for _, tt := range []struct{ doc, schema string }{
		{`<gexf xmlns="http://www.gexf.net/1.2draft"><graph><nodes/></graph></gexf>`, "gexf.xsd"},
		{`<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed"><edge source="a"/></graph></graphml>`, "graphml.xsd"},
	} {
		path := filepath.Join(t.TempDir(), "bad.xml")
		os.WriteFile(path, []byte(tt.doc), 0o644)
		xsd := filepath.Join("testdata", "schema", tt.schema)
		if out, err := exec.Command("xmllint", "--noout", "--nonet", "--schema", xsd, path).CombinedOutput(); err == nil {
			t.Errorf("xmllint accepted an invalid document against %s:\n%s", tt.schema, out)
		}
	}
}

// TestReadBack parses what each format wrote and finds the subgraph again:
// every node with its label and kind, every edge with its ends.
func TestFormatsReadBack(t *testing.T) {
	g := sample()
	wantNodes := map[string]string{}
	for _, n := range g.Nodes {
		wantNodes[string(n.ID)] = n.Label
	}
	// XML drops the control character; the tab survives.
	wantNodes["document/a&b<c>"] = "《关于A&B<C>的\t意见》"
	var wantEdges [][2]string
	for _, e := range g.Edges {
		wantEdges = append(wantEdges, [2]string{string(e.Source), string(e.Target)})
	}
	check := func(format string, nodes map[string]string, edges [][2]string) {
		t.Helper()
		if diff := cmp.Diff(wantNodes, nodes); diff != "" {
			t.Errorf("%s: nodes read back (-want +got):\n%s", format, diff)
		}
		if diff := cmp.Diff(wantEdges, edges); diff != "" {
			t.Errorf("%s: edges read back (-want +got):\n%s", format, diff)
		}
	}

	var gexf struct {
		Graph struct {
			Mode  string `xml:"mode,attr"`
			Nodes []struct {
				ID    string `xml:"id,attr"`
				Label string `xml:"label,attr"`
				Start string `xml:"start,attr"`
			} `xml:"nodes>node"`
			Edges []struct {
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
				Start  string `xml:"start,attr"`
			} `xml:"edges>edge"`
		} `xml:"graph"`
	}
	decode(t, graph.GEXF, func(b []byte) error { return xml.Unmarshal(b, &gexf) })
	nodes, edges := map[string]string{}, [][2]string{}
	for _, n := range gexf.Graph.Nodes {
		nodes[n.ID] = n.Label
	}
	for _, e := range gexf.Graph.Edges {
		edges = append(edges, [2]string{e.Source, e.Target})
	}
	check("gexf", nodes, edges)
	if gexf.Graph.Mode != "dynamic" || gexf.Graph.Nodes[0].Start != "2018" || gexf.Graph.Edges[0].Start != "2022" || gexf.Graph.Nodes[3].Start != "" {
		t.Errorf("gexf: mode %q, first node starts %q, first edge %q, 嘉兴市 %q; want dynamic, 2018, 2022 and no start",
			gexf.Graph.Mode, gexf.Graph.Nodes[0].Start, gexf.Graph.Edges[0].Start, gexf.Graph.Nodes[3].Start)
	}

	var graphml struct {
		Nodes []struct {
			ID   string `xml:"id,attr"`
			Data []struct {
				Key   string `xml:"key,attr"`
				Value string `xml:",chardata"`
			} `xml:"data"`
		} `xml:"graph>node"`
		Edges []struct {
			Source string `xml:"source,attr"`
			Target string `xml:"target,attr"`
		} `xml:"graph>edge"`
	}
	decode(t, graph.GraphML, func(b []byte) error { return xml.Unmarshal(b, &graphml) })
	nodes, edges = map[string]string{}, [][2]string{}
	ids := map[string]string{} // n0 → the graph's ID
	for _, n := range graphml.Nodes {
		var id, label string
		for _, d := range n.Data {
			switch d.Key {
			case "id":
				id = d.Value
			case "label":
				label = d.Value
			}
		}
		ids[n.ID], nodes[id] = id, label
	}
	for _, e := range graphml.Edges {
		edges = append(edges, [2]string{ids[e.Source], ids[e.Target]})
	}
	check("graphml", nodes, edges)

	var cy struct {
		Elements struct {
			Nodes []struct{ Data map[string]any } `json:"nodes"`
			Edges []struct{ Data map[string]any } `json:"edges"`
		} `json:"elements"`
	}
	decode(t, graph.Cytoscape, func(b []byte) error { return json.Unmarshal(b, &cy) })
	nodes, edges = map[string]string{}, [][2]string{}
	for _, n := range cy.Elements.Nodes {
		nodes[n.Data["id"].(string)] = n.Data["name"].(string)
	}
	for _, e := range cy.Elements.Edges {
		edges = append(edges, [2]string{e.Data["source"].(string), e.Data["target"].(string)})
	}
	wantNodes["document/a&b<c>"] = g.Nodes[4].Label // JSON keeps every character
	check("cyjs", nodes, edges)

	files, err := g.Files(graph.CSV, "g")
	if err != nil {
		t.Fatal(err)
	}
	nodeRows, err := csv.NewReader(bytes.NewReader(files[0].Data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	edgeRows, err := csv.NewReader(bytes.NewReader(files[1].Data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	nodes, edges = map[string]string{}, [][2]string{}
	for _, r := range nodeRows[1:] {
		nodes[r[0]] = r[1]
	}
	for _, r := range edgeRows[1:] {
		edges = append(edges, [2]string{r[0], r[1]})
	}
	check("csv", nodes, edges)
	if len(nodeRows[0]) != len(nodeRows[1]) || nodeRows[0][0] != "Id" || edgeRows[0][0] != "Source" {
		t.Errorf("csv headers %v / %v", nodeRows[0], edgeRows[0])
	}
}

func decode(t *testing.T, f graph.Format, parse func([]byte) error) {
	t.Helper()
	files, err := sample().Files(f, "g")
	if err != nil {
		t.Fatal(err)
	}
	if err := parse(files[0].Data); err != nil {
		t.Fatalf("reading back %s: %v", f, err)
	}
}

func TestParseFormat(t *testing.T) {
	for _, s := range []string{"gexf", "GraphML", " cyjs ", "csv"} {
		if _, err := graph.ParseFormat(s); err != nil {
			t.Errorf("ParseFormat(%q): %v", s, err)
		}
	}
	for _, s := range []string{"", "nquads", "gml"} {
		if _, err := graph.ParseFormat(s); !errors.Is(err, graph.ErrFormat) {
			t.Errorf("ParseFormat(%q) err = %v, want ErrFormat", s, err)
		}
	}
}

// FuzzGEXF checks that any labels give a GEXF that parses as XML.
func FuzzGEXF(f *testing.F) {
	f.Add("府检联动", "jurisdiction/330411000000", "a&b<c>\"d'\t\x01\uFFFE")
	f.Fuzz(func(t *testing.T, label, id, detail string) {
		g := &graph.Subgraph{Nodes: []graph.Node{{ID: graph.ID(id), Label: label, Detail: detail, Kind: graph.KindBody}},
			Edges: []graph.Edge{{Kind: graph.EdgeLocatedIn, Source: graph.ID(id), Target: graph.ID(id)}}}
		for _, format := range []graph.Format{graph.GEXF, graph.GraphML} {
			files, err := g.Files(format, label)
			if err != nil {
				t.Fatal(err)
			}
			d := xml.NewDecoder(bytes.NewReader(files[0].Data))
			for {
				_, err := d.Token()
				if err != nil {
					if err.Error() != "EOF" {
						t.Fatalf("%s does not parse: %v\n%s", format, err, files[0].Data)
					}
					break
				}
			}
		}
	})
}
