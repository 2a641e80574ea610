package graph

import (
	"encoding/csv"
	"fmt"
	"io"
)

// WriteNodesCSV writes the nodes of the subgraph as a CSV table with a
// header: Id and Label, as Gephi's spreadsheet import expects, then the
// attributes of the formats (formats.go).
func (g *Subgraph) WriteNodesCSV(w io.Writer) error {
	c := csv.NewWriter(w)
	head := []string{"Id", "Label"}
	for _, a := range nodeAttributes {
		head = append(head, a.id)
	}
	c.Write(head)
	for _, n := range g.Nodes {
		c.Write(append([]string{string(n.ID), n.Label}, nodeValues(n)...))
	}
	return flushCSV(c, "nodes")
}

// WriteEdgesCSV writes the edges of the subgraph as a CSV table with a
// header: Source, Target, Type (Directed) and Weight, as Gephi expects,
// then the attributes of the formats (formats.go).
func (g *Subgraph) WriteEdgesCSV(w io.Writer) error {
	c := csv.NewWriter(w)
	head := []string{"Source", "Target", "Type", "Weight"}
	for _, a := range edgeAttributes {
		head = append(head, a.id)
	}
	c.Write(head)
	for _, e := range g.Edges {
		c.Write(append([]string{string(e.Source), string(e.Target), "Directed", fmt.Sprint(max(e.Evidence, 1))}, edgeValues(e)...))
	}
	return flushCSV(c, "edges")
}

func flushCSV(c *csv.Writer, what string) error {
	c.Flush()
	if err := c.Error(); err != nil {
		return fmt.Errorf("graph: writing the %s table: %w", what, err)
	}
	return nil
}
