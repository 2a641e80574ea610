package graph

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// The subgraphs the explorer reads are exported in the formats of graph
// tools: GEXF for Gephi, GraphML, Cytoscape's JSON, and CSV tables of nodes
// and edges (Gephi's spreadsheet import reads them), beside the store's own
// N-Quads (export.go). They live here, with the subgraphs, so that the
// command line and the GraphQL API share one writer per format.
//
// Every format carries the same attributes: for nodes their kind, label,
// detail, division code, level, province, the years of the reports naming
// them, the first of those, and their evidence and report counts; for
// edges their kind, years, first year, adoption status and evidence count.
// The GEXF is dynamic: each node and edge starts in the first year a
// report states it, so Gephi's timeline plays a mechanism's spread. Output
// is deterministic: the same subgraph gives the same bytes.

// Format is an export format of subgraphs.
type Format string

// The formats.
const (
	// GEXF is Gephi's format, dynamic (nodes and edges dated by year).
	GEXF Format = "gexf"
	// GraphML is the XML format most graph tools read (yEd, igraph,
	// NetworkX, Cytoscape).
	GraphML Format = "graphml"
	// Cytoscape is Cytoscape's JSON (cyjs), which Cytoscape desktop and
	// Cytoscape.js read.
	Cytoscape Format = "cyjs"
	// CSV is two tables, nodes and edges.
	CSV Format = "csv"
)

// ErrFormat: a format this package does not write.
var ErrFormat = errors.New("graph: unknown format")

// Formats returns the export formats of subgraphs, in a fixed order.
func Formats() []Format { return []Format{GEXF, GraphML, Cytoscape, CSV} }

// ParseFormat returns the export format named s.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats() {
		if string(f) == strings.ToLower(strings.TrimSpace(s)) {
			return f, nil
		}
	}
	return "", fmt.Errorf("%w %q (want gexf, graphml, cyjs or csv)", ErrFormat, s)
}

// File is one file of an export.
type File struct {
	Name      string
	MediaType string
	Data      []byte
}

// Files writes the subgraph in a format as files named after base: one file,
// or two for CSV (base-nodes.csv and base-edges.csv).
func (g *Subgraph) Files(f Format, base string) ([]File, error) {
	var b bytes.Buffer
	var err error
	switch f {
	case GEXF:
		err = g.WriteGEXF(&b, base)
		return []File{{Name: base + ".gexf", MediaType: "application/gexf+xml", Data: b.Bytes()}}, err
	case GraphML:
		err = g.WriteGraphML(&b)
		return []File{{Name: base + ".graphml", MediaType: "application/graphml+xml", Data: b.Bytes()}}, err
	case Cytoscape:
		err = g.WriteCytoscape(&b, base)
		return []File{{Name: base + ".cyjs", MediaType: "application/json", Data: b.Bytes()}}, err
	case CSV:
		var e bytes.Buffer
		if err = g.WriteNodesCSV(&b); err == nil {
			err = g.WriteEdgesCSV(&e)
		}
		return []File{
			{Name: base + "-nodes.csv", MediaType: "text/csv", Data: b.Bytes()},
			{Name: base + "-edges.csv", MediaType: "text/csv", Data: e.Bytes()},
		}, err
	}
	return nil, fmt.Errorf("%w %q", ErrFormat, f)
}

// attribute is a column of the node or edge table, as every format
// writes it.
type attribute struct {
	id    string
	title string
	typ   string // integer or string
}

var nodeAttributes = []attribute{
	{"kind", "kind", "string"},
	{"detail", "detail", "string"},
	{"code", "code", "string"},
	{"level", "level", "string"},
	{"province", "province", "string"},
	{"years", "years", "string"},
	{"firstYear", "first year", "integer"},
	{"evidence", "evidence", "integer"},
	{"reports", "reports", "integer"},
}

var edgeAttributes = []attribute{
	{"kind", "kind", "string"},
	{"years", "years", "string"},
	{"firstYear", "first year", "integer"},
	{"status", "status", "string"},
	{"evidence", "evidence", "integer"},
}

// nodeValues returns a node's attribute values, in the order of
// nodeAttributes; "" for a value it does not have.
func nodeValues(n Node) []string {
	return []string{string(n.Kind), n.Detail, n.Code, n.Level, n.Province, years(n.Years),
		num(n.FirstYear()), strconv.Itoa(n.Evidence), strconv.Itoa(n.Reports)}
}

func edgeValues(e Edge) []string {
	return []string{string(e.Kind), years(e.Years), num(e.FirstYear()), string(e.Status), strconv.Itoa(e.Evidence)}
}

// years writes years separated by spaces.
func years(ys []int) string {
	s := make([]string, len(ys))
	for i, y := range ys {
		s[i] = strconv.Itoa(y)
	}
	return strings.Join(s, " ")
}

// num writes a number, "" for 0 (unknown).
func num(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// edgeID identifies an edge within one export.
func edgeID(i int) string { return "e" + strconv.Itoa(i) }
