package graph

import (
	"io"
	"strconv"
)

const (
	graphmlNS     = "http://graphml.graphdrawing.org/xmlns"
	graphmlSchema = "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
)

// WriteGraphML writes the subgraph as a directed GraphML graph, the node's
// ID, its label and the attributes of the formats (formats.go) as keys. GraphML's
// IDs are name tokens, which the graph's IDs (with their slashes) are not:
// nodes are n0, n1 … in order, their IDs in the key "id".
func (g *Subgraph) WriteGraphML(w io.Writer) error {
	x := newXMLWriter(w)
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.raw(`<graphml xmlns="` + graphmlNS + `" xmlns:xsi="` + xsiNamespace + `" xsi:schemaLocation="` + graphmlSchema + `">` + "\n")
	key := func(id, class, name, typ string) {
		x.raw("  <key")
		x.attr("id", id)
		x.attr("for", class)
		x.attr("attr.name", name)
		x.attr("attr.type", typ)
		x.raw("/>\n")
	}
	typeOf := func(a attribute) string {
		if a.typ == "integer" {
			return "int"
		}
		return "string"
	}
	key("id", "node", "id", "string")
	key("label", "node", "label", "string")
	for _, a := range nodeAttributes {
		key("n_"+a.id, "node", a.id, typeOf(a))
	}
	for _, a := range edgeAttributes {
		key("e_"+a.id, "edge", a.id, typeOf(a))
	}
	x.raw(`  <graph id="fazhikg" edgedefault="directed">` + "\n")
	data := func(key, value string) {
		if value == "" {
			return
		}
		x.raw("      <data")
		x.attr("key", key)
		x.raw(">")
		x.text(value)
		x.raw("</data>\n")
	}
	token := make(map[ID]string, len(g.Nodes))
	for i, n := range g.Nodes {
		token[n.ID] = "n" + strconv.Itoa(i)
		x.raw("    <node")
		x.attr("id", token[n.ID])
		x.raw(">\n")
		data("id", string(n.ID))
		data("label", n.Label)
		for i, v := range nodeValues(n) {
			data("n_"+nodeAttributes[i].id, v)
		}
		x.raw("    </node>\n")
	}
	for i, e := range g.Edges {
		x.raw("    <edge")
		x.attr("id", edgeID(i))
		x.attr("source", token[e.Source])
		x.attr("target", token[e.Target])
		x.raw(">\n")
		for j, v := range edgeValues(e) {
			data("e_"+edgeAttributes[j].id, v)
		}
		x.raw("    </edge>\n")
	}
	x.raw("  </graph>\n</graphml>\n")
	return x.flush("GraphML")
}
