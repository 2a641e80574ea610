package cli

import (
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// ingested returns a data directory holding the sample corpus.
func ingested(t *testing.T, dir string) string {
	t.Helper()
	data := t.TempDir()
	if code, _, errs := run(t, "--data", data, "ingest", dir); code != 0 {
		t.Fatalf("ingest %s: exit %d: %s", dir, code, errs)
	}
	return data
}

func TestExportFormats(t *testing.T) {
	data := ingested(t, corpusDir)
	out := t.TempDir()
	for _, tt := range []struct {
		args  []string
		check func(t *testing.T, b []byte)
	}{
		{[]string{"--format", "gexf"}, func(t *testing.T, b []byte) {
			validateXML(t, b, "gexf.xsd")
			var g struct {
				Graph struct {
					Mode  string `xml:"mode,attr"`
					Nodes []struct {
						ID    string `xml:"id,attr"`
						Start string `xml:"start,attr"`
					} `xml:"nodes>node"`
				} `xml:"graph"`
			}
			if err := xml.Unmarshal(b, &g); err != nil {
				t.Fatal(err)
			}
			found := false
			for _, n := range g.Graph.Nodes {
				if n.ID == "mechanism/府检联动" {
					found = n.Start == "2019" // 临沂市 2019
				}
			}
			if g.Graph.Mode != "dynamic" || !found {
				t.Errorf("GEXF: mode %q, 府检联动 starting in 2019: %v", g.Graph.Mode, found)
			}
		}},
		{[]string{"--format", "graphml", "--kinds", "jurisdiction,mechanism"}, func(t *testing.T, b []byte) {
			validateXML(t, b, "graphml.xsd")
			if strings.Contains(string(b), "report/") || !strings.Contains(string(b), "沂南县") {
				t.Error("GraphML of places and mechanisms holds reports, or misses 沂南县")
			}
		}},
		{[]string{"--format", "cyjs", "--around", "府检联动", "--hops", "1"}, func(t *testing.T, b []byte) {
			var doc struct {
				Elements struct {
					Nodes []struct{ Data map[string]any }
					Edges []struct{ Data map[string]any }
				}
			}
			if err := json.Unmarshal(b, &doc); err != nil {
				t.Fatal(err)
			}
			adopters := 0
			for _, e := range doc.Elements.Edges {
				if e.Data["interaction"] == "adopted" && e.Data["target"] == "mechanism/府检联动" {
					adopters++
				}
			}
			if adopters < 3 || len(doc.Elements.Nodes) < adopters+1 {
				t.Errorf("cyjs around 府检联动: %d nodes, %d adopters; want at least 3", len(doc.Elements.Nodes), adopters)
			}
		}},
		{[]string{"--format", "nquads"}, func(t *testing.T, b []byte) {
			if n := strings.Count(string(b), "\n"); n < 1000 || !strings.HasSuffix(strings.TrimSpace(strings.SplitN(string(b), "\n", 2)[0]), ".") {
				t.Errorf("N-Quads: %d lines", n)
			}
		}},
	} {
		t.Run(tt.args[1], func(t *testing.T) {
			path := filepath.Join(out, tt.args[1])
			args := append([]string{"--data", data, "export", "--out", path}, tt.args...)
			if code, _, errs := run(t, args...); code != 0 {
				t.Fatalf("export %v: exit %d: %s", tt.args, code, errs)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, b)
		})
	}

	prefix := filepath.Join(out, "graph")
	if code, _, errs := run(t, "--data", data, "export", "--format", "csv", "--from-year", "2022", "--out", prefix); code != 0 {
		t.Fatalf("export csv: exit %d: %s", code, errs)
	}
	for _, f := range []string{"-nodes.csv", "-edges.csv"} {
		file, err := os.Open(prefix + f)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(file).ReadAll()
		file.Close()
		if err != nil || len(rows) < 2 {
			t.Fatalf("%s: %d rows, %v", f, len(rows), err)
		}
		year, kind := -1, -1
		for i, h := range rows[0] {
			switch h {
			case "years":
				year = i
			case "kind":
				kind = i
			}
		}
		// Entities named from 2022 on, adoptions and mentions of those
		// years; links stated by descriptions keep the first year both
		// ends were named.
		for _, r := range rows[1:] {
			if f == "-edges.csv" && r[kind] != "adopted" && r[kind] != "mentions" {
				continue
			}
			if ys := strings.Fields(r[year]); len(ys) > 0 && ys[len(ys)-1] < "2022" {
				t.Errorf("%s from 2022 holds %v", f, r)
			}
		}
	}
}

func TestExportUsage(t *testing.T) {
	data := ingested(t, corpusDir)
	for _, tt := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--format", "gml"}, ExitUsage, "want nquads, gexf"},
		{[]string{"--format", "csv"}, ExitUsage, "--out PREFIX"},
		{[]string{"--format", "gexf", "--kinds", "village"}, ExitUsage, "not a kind"},
		{[]string{"--format", "gexf", "--from-year", "2023", "--to-year", "2020"}, ExitUsage, "after"},
		{[]string{"--format", "nquads", "--around", "府检联动"}, ExitUsage, "not nquads"},
		{[]string{"--format", "gexf", "--around", "府检联动", "--hops", "9"}, ExitUsage, "--hops"},
		{[]string{"--format", "gexf", "--around", "无此机制"}, ExitError, "no entity"},
	} {
		code, _, errs := run(t, append([]string{"--data", data, "export"}, tt.args...)...)
		if code != tt.code || !strings.Contains(errs, tt.msg) {
			t.Errorf("export %v: exit %d, %q; want %d and %q", tt.args, code, errs, tt.code, tt.msg)
		}
	}
}

// TestExportSeedsGEXF exports the graph of the five real reports as GEXF
// and validates it against the published schema, as Gephi would read it.
func TestExportSeedsGEXF(t *testing.T) {
	if _, err := os.Stat(seedsDir); err != nil {
		t.Skipf("the real reports are not in %s", seedsDir)
	}
	data := ingested(t, seedsDir)
	path := filepath.Join(t.TempDir(), "seeds.gexf")
	if code, _, errs := run(t, "--data", data, "export", "--format", "gexf", "--out", path); code != 0 {
		t.Fatalf("export: exit %d: %s", code, errs)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `id="mechanism/府检联动"`) {
		t.Error("the seeds' GEXF lacks 府检联动")
	}
	validateXML(t, b, "gexf.xsd")
	validateXMLGraphML := func() {
		p := filepath.Join(t.TempDir(), "seeds.graphml")
		if code, _, errs := run(t, "--data", data, "export", "--format", "graphml", "--out", p); code != 0 {
			t.Fatalf("export graphml: exit %d: %s", code, errs)
		}
		g, _ := os.ReadFile(p)
		validateXML(t, g, "graphml.xsd")
	}
	validateXMLGraphML()
}
