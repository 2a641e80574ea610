package graph

import (
	"encoding/json"
	"fmt"
	"io"
)

// cyjs is Cytoscape's JSON: a network's data and its elements.
type cyjs struct {
	FormatVersion string `json:"format_version"`
	GeneratedBy   string `json:"generated_by"`
	Target        string `json:"target_cytoscapejs_version"`
	Data          struct {
		Name      string `json:"name"`
		Truncated bool   `json:"truncated,omitempty"`
	} `json:"data"`
	Elements struct {
		Nodes []cyElement `json:"nodes"`
		Edges []cyElement `json:"edges"`
	} `json:"elements"`
}

type cyElement struct {
	Data map[string]any `json:"data"`
}

// WriteCytoscape writes the subgraph as Cytoscape JSON: each node's data
// holds id, name and the attributes of the formats (formats.go) (years as a list),
// each edge's id, source, target, interaction (its kind) and attributes.
func (g *Subgraph) WriteCytoscape(w io.Writer, name string) error {
	var doc cyjs
	doc.FormatVersion, doc.GeneratedBy, doc.Target = "1.0", "fazhikg", "~3.2"
	doc.Data.Name, doc.Data.Truncated = name, g.Truncated
	doc.Elements.Nodes = make([]cyElement, 0, len(g.Nodes))
	doc.Elements.Edges = make([]cyElement, 0, len(g.Edges))
	for _, n := range g.Nodes {
		d := map[string]any{"id": string(n.ID), "name": n.Label, "kind": string(n.Kind),
			"years": intsOrEmpty(n.Years), "evidence": n.Evidence, "reports": n.Reports}
		for k, v := range map[string]string{"detail": n.Detail, "code": n.Code, "level": n.Level, "province": n.Province} {
			if v != "" {
				d[k] = v
			}
		}
		if y := n.FirstYear(); y != 0 {
			d["firstYear"] = y
		}
		doc.Elements.Nodes = append(doc.Elements.Nodes, cyElement{d})
	}
	for i, e := range g.Edges {
		d := map[string]any{"id": edgeID(i), "source": string(e.Source), "target": string(e.Target),
			"interaction": string(e.Kind), "kind": string(e.Kind), "years": intsOrEmpty(e.Years), "evidence": e.Evidence}
		if y := e.FirstYear(); y != 0 {
			d["firstYear"] = y
		}
		if e.Status != "" {
			d["status"] = string(e.Status)
		}
		doc.Elements.Edges = append(doc.Elements.Edges, cyElement{d})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("graph: writing Cytoscape JSON: %w", err)
	}
	return nil
}

func intsOrEmpty(ys []int) []int {
	if ys == nil {
		return []int{}
	}
	return ys
}
