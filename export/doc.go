// Package export writes subgraphs of the knowledge graph in the formats of
// graph tools: GEXF for Gephi, GraphML, Cytoscape's JSON, and CSV tables of
// nodes and edges (Gephi's spreadsheet import reads them).
//
// Every format carries the same attributes: for nodes their kind, label,
// detail, division code, level, province, the years of the reports naming
// them, the first of those, and their evidence and report counts; for
// edges their kind, years, first year, adoption status and evidence count.
// The GEXF is dynamic: each node and edge starts in the first year a
// report states it, so Gephi's timeline plays a mechanism's spread.
//
// The package sits between graph, which makes the subgraphs, and the two
// places that export them, the command line and the GraphQL API; it knows
// nothing of Cayley or of GraphQL. Output is deterministic: the same
// subgraph gives the same bytes.
package export
