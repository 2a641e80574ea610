package graph

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
)

// GEXF namespaces: version 1.2 of the format, the one Gephi writes, whose
// published schema the tests validate against.
const (
	gexfNS       = "http://www.gexf.net/1.2draft"
	gexfSchema   = "http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd"
	xsiNamespace = "http://www.w3.org/2001/XMLSchema-instance"
)

// WriteGEXF writes the subgraph as a dynamic GEXF graph: nodes and edges
// start in their first year (open-ended, so a node stays once it has
// appeared) and carry the attributes of the formats (formats.go). description goes
// into the file's metadata.
func (g *Subgraph) WriteGEXF(w io.Writer, description string) error {
	x := newXMLWriter(w)
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.raw(`<gexf xmlns="` + gexfNS + `" xmlns:xsi="` + xsiNamespace + `" xsi:schemaLocation="` + gexfSchema + `" version="1.2">` + "\n")
	x.raw("  <meta>\n    <creator>fazhikg</creator>\n")
	if description != "" {
		x.raw("    <description>")
		x.text(description)
		x.raw("</description>\n")
	}
	x.raw("  </meta>\n")
	first, last := span(g)
	x.raw(`  <graph mode="dynamic" defaultedgetype="directed" timeformat="integer"`)
	if first != 0 {
		x.attr("start", strconv.Itoa(first))
		x.attr("end", strconv.Itoa(last))
	}
	x.raw(">\n")
	for _, class := range []struct {
		name  string
		attrs []attribute
	}{{"node", nodeAttributes}, {"edge", edgeAttributes}} {
		x.raw(`    <attributes class="` + class.name + `" mode="static">` + "\n")
		for _, a := range class.attrs {
			x.raw("      <attribute")
			x.attr("id", a.id)
			x.attr("title", a.title)
			x.attr("type", a.typ)
			x.raw("/>\n")
		}
		x.raw("    </attributes>\n")
	}
	x.raw(`    <nodes count="` + strconv.Itoa(len(g.Nodes)) + `">` + "\n")
	for _, n := range g.Nodes {
		x.raw("      <node")
		x.attr("id", string(n.ID))
		x.attr("label", n.Label)
		if y := n.FirstYear(); y != 0 {
			x.attr("start", strconv.Itoa(y))
		}
		x.raw(">\n")
		x.attvalues(nodeAttributes, nodeValues(n))
		x.raw("      </node>\n")
	}
	x.raw("    </nodes>\n")
	x.raw(`    <edges count="` + strconv.Itoa(len(g.Edges)) + `">` + "\n")
	for i, e := range g.Edges {
		x.raw("      <edge")
		x.attr("id", edgeID(i))
		x.attr("source", string(e.Source))
		x.attr("target", string(e.Target))
		x.attr("label", string(e.Kind))
		x.attr("weight", strconv.Itoa(max(e.Evidence, 1)))
		if y := e.FirstYear(); y != 0 {
			x.attr("start", strconv.Itoa(y))
		}
		x.raw(">\n")
		x.attvalues(edgeAttributes, edgeValues(e))
		x.raw("      </edge>\n")
	}
	x.raw("    </edges>\n  </graph>\n</gexf>\n")
	return x.flush("GEXF")
}

// span returns the first and last years of a subgraph's nodes and edges,
// zeros when none is dated.
func span(g *Subgraph) (first, last int) {
	see := func(ys []int) {
		for _, y := range ys {
			if first == 0 || y < first {
				first = y
			}
			last = max(last, y)
		}
	}
	for _, n := range g.Nodes {
		see(n.Years)
	}
	for _, e := range g.Edges {
		see(e.Years)
	}
	return first, last
}

// attvalues writes the non-empty values of an element's attributes.
func (x *xmlWriter) attvalues(attrs []attribute, vals []string) {
	x.raw("        <attvalues>\n")
	for i, a := range attrs {
		if vals[i] == "" {
			continue
		}
		x.raw("          <attvalue")
		x.attr("for", a.id)
		x.attr("value", vals[i])
		x.raw("/>\n")
	}
	x.raw("        </attvalues>\n")
}

// xmlWriter writes XML by hand, escaping text and attribute values; it
// keeps the first write error.
type xmlWriter struct {
	w   *bufio.Writer
	err error
}

func newXMLWriter(w io.Writer) *xmlWriter { return &xmlWriter{w: bufio.NewWriter(w)} }

func (x *xmlWriter) raw(s string) {
	if x.err == nil {
		_, x.err = x.w.WriteString(s)
	}
}

// text writes escaped character data.
func (x *xmlWriter) text(s string) { x.raw(escapeXML(s, false)) }

// attr writes ` name="value"`, the value escaped.
func (x *xmlWriter) attr(name, value string) {
	x.raw(" " + name + `="` + escapeXML(value, true) + `"`)
}

func (x *xmlWriter) flush(what string) error {
	if x.err == nil {
		x.err = x.w.Flush()
	}
	if x.err != nil {
		return fmt.Errorf("graph: writing %s: %w", what, x.err)
	}
	return nil
}

// escapeXML escapes the characters XML reserves, and drops those it
// cannot hold at all (controls other than tab and newline, and
// non-characters); in attributes, tabs and newlines are escaped so that
// they survive attribute normalisation.
func escapeXML(s string, attr bool) string {
	var b []byte
	for _, r := range s {
		switch {
		case r == '&':
			b = append(b, "&amp;"...)
		case r == '<':
			b = append(b, "&lt;"...)
		case r == '>':
			b = append(b, "&gt;"...)
		case r == '"' && attr:
			b = append(b, "&quot;"...)
		case (r == '\t' || r == '\n' || r == '\r') && attr:
			b = append(b, "&#"+strconv.Itoa(int(r))+";"...)
		case r == '\t' || r == '\n' || r == '\r':
			b = append(b, byte(r))
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF):
			// not an XML character
		default:
			b = append(b, string(r)...)
		}
	}
	return string(b)
}
