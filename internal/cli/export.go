package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/fazhikg/fazhikg/graph"
	"github.com/spf13/cobra"
)

func exportCmd(e *env) *cobra.Command {
	var sf storeFlags
	var format, out, around, kinds string
	var hops, fromYear, toYear, limit int
	var throughReports bool
	cmd := &cobra.Command{
		Use:   "export --format FORMAT [--out FILE]",
		Short: "Write the graph out, whole or around a node, or the adoption cascades",
		Long: `export writes the graph for other tools.

  nquads   every quad of the store (one per line, the report's IRI as the graph
           label), readable by Cayley, RDF tools and databases
  gexf     Gephi; dynamic: each node and edge starts in the first year a report
           states it, so Gephi's timeline plays a mechanism's spread
  graphml  yEd, igraph, NetworkX, Cytoscape
  cyjs     Cytoscape JSON (Cytoscape desktop, Cytoscape.js)
  csv      two tables, FILE-nodes.csv and FILE-edges.csv (Gephi's spreadsheet
           import reads them); --out is required

The graph formats hold entities (places, bodies, mechanisms, documents, awards,
people, reports) with their kind, label, years and evidence counts, and the
links between them (parent, located in, variant of, takes part, issued by,
member of, report of, adopted, mentions). --around exports the neighbourhood
of one entity, as the explorer draws it; --kinds and the years filter either.

Three formats are for diffusion analysis, one mechanism family at a time:

  cascades  CSV, one row per family and adopting jurisdiction: the year, the
            level, the province and the parent, and the source a report names
  netinf    the cascades in the format of SNAP's NetInf: "id,name" node lines,
            a blank line, then one "node,year,node,year,…" line per family
  eha       CSV, a jurisdiction-year panel per family for event-history
            analysis: adopted yet, the share of siblings and of the province
            already adopted, whether the parent had, whether a national or
            provincial document calling for it had been cited`,
		Example: `  fazhikg export --format nquads --out graph.nq
  fazhikg export --format gexf --out graph.gexf
  fazhikg export --format gexf --around 府检联动 --hops 2 --kinds jurisdiction,mechanism --out fjld.gexf
  fazhikg export --format csv --from-year 2020 --out graph
  fazhikg export --format eha --out panel.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			cascade, isCascade := cascadeFormats[format]
			var f graph.Format
			if format != "nquads" && !isCascade {
				var err error
				if f, err = graph.ParseFormat(format); err != nil {
					return usagef("--format %q: want nquads, gexf, graphml, cyjs, csv, cascades, netinf or eha", format)
				}
			}
			if f == graph.CSV && (out == "" || out == "-") {
				return usagef("--format csv writes two files: give --out PREFIX (PREFIX-nodes.csv, PREFIX-edges.csv)")
			}
			view, err := viewFlags(kinds, fromYear, toYear)
			if err != nil {
				return err
			}
			if (format == "nquads" || isCascade) && (around != "" || kinds != "" || fromYear != 0 || toYear != 0) {
				return usagef("--around, --kinds and the years filter the graph formats, not %s", format)
			}
			s, err := sf.openExisting(ctx, e)
			if err != nil {
				return err
			}
			defer s.Close()
			if format == "nquads" {
				return writeOut(e, out, func(w io.Writer) error { return s.WriteNQuads(ctx, w) })
			}
			if isCascade {
				d, err := loadCascades(ctx, s)
				if err != nil {
					return err
				}
				return writeOut(e, out, func(w io.Writer) error { return cascade(w, d) })
			}
			g, base, err := exported(ctx, s, around, graph.NeighbourhoodQuery{View: view, Hops: hops, Limit: limit, ThroughReports: throughReports})
			if err != nil {
				return err
			}
			if f == graph.CSV {
				files, err := g.Files(graph.CSV, out)
				if err != nil {
					return err
				}
				for _, file := range files {
					if err := os.WriteFile(file.Name, file.Data, 0o644); err != nil {
						return fmt.Errorf("writing %s: %w", file.Name, err)
					}
				}
				fmt.Fprintf(e.stderr, "fazhikg: %d nodes to %s, %d edges to %s\n", len(g.Nodes), files[0].Name, len(g.Edges), files[1].Name)
				return nil
			}
			if err := writeOut(e, out, func(w io.Writer) error {
				switch f {
				case graph.GEXF:
					return g.WriteGEXF(w, base)
				case graph.GraphML:
					return g.WriteGraphML(w)
				default:
					return g.WriteCytoscape(w, base)
				}
			}); err != nil {
				return err
			}
			fmt.Fprintf(e.stderr, "fazhikg: %d nodes, %d edges\n", len(g.Nodes), len(g.Edges))
			return nil
		},
	}
	sf.add(cmd)
	cmd.Flags().StringVar(&format, "format", "nquads", "export format: nquads, gexf, graphml, cyjs, csv, cascades, netinf or eha")
	cmd.Flags().StringVarP(&out, "out", "o", "", "file to write (default: standard output); for csv, the prefix of the two files")
	cmd.Flags().StringVar(&around, "around", "", "export the neighbourhood of this entity (a name, alias or ID such as mechanism/府检联动)")
	cmd.Flags().IntVar(&hops, "hops", 1, "with --around: links to walk from the entity (1 to 4)")
	cmd.Flags().IntVar(&limit, "limit", graph.MaxLimit, "with --around: stop at this many nodes")
	cmd.Flags().BoolVar(&throughReports, "through-reports", false, "with --around: walk on from the reports reached")
	cmd.Flags().StringVar(&kinds, "kinds", "", "keep entities of these kinds, comma-separated: report, jurisdiction, body, mechanism, document, award, person")
	cmd.Flags().IntVar(&fromYear, "from-year", 0, "keep what reports covering this year or later name")
	cmd.Flags().IntVar(&toYear, "to-year", 0, "keep what reports covering this year or earlier name")
	return cmd
}

// cascadeFormats are the exports of adoption cascades.
var cascadeFormats = map[string]func(io.Writer, *cascadeData) error{
	"cascades": writeCascades, "netinf": writeNetInf, "eha": writeEHA,
}

// viewFlags reads the filters of the graph formats.
func viewFlags(kinds string, fromYear, toYear int) (graph.View, error) {
	v := graph.View{FromYear: fromYear, ToYear: toYear}
	for _, s := range strings.Split(kinds, ",") {
		if strings.TrimSpace(s) == "" {
			continue
		}
		k, ok := graph.ParseKind(s)
		if !ok {
			return v, usagef("--kinds: %q is not a kind (report, jurisdiction, body, mechanism, document, award, person)", s)
		}
		v.Kinds = append(v.Kinds, k)
	}
	if fromYear != 0 && toYear != 0 && fromYear > toYear {
		return v, usagef("--from-year %d is after --to-year %d", fromYear, toYear)
	}
	return v, nil
}

// exported reads the subgraph to export: the neighbourhood of the entity
// around names (an ID, or a name looked up among every kind), or the whole
// graph. It also returns a name for the export.
func exported(ctx context.Context, s *graph.Store, around string, q graph.NeighbourhoodQuery) (*graph.Subgraph, string, error) {
	if around == "" {
		g, err := s.Graph(ctx, q.View)
		return g, "fazhikg graph", err
	}
	if q.Hops < 1 || q.Hops > graph.MaxHops {
		return nil, "", usagef("--hops %d: want 1 to %d", q.Hops, graph.MaxHops)
	}
	id := graph.ID(around)
	if _, ok := graph.ParseKind(string(id.Kind())); !ok || !id.Valid() {
		ids, err := s.Find(ctx, "", around)
		if err != nil {
			return nil, "", err
		}
		if len(ids) == 0 {
			return nil, "", fmt.Errorf("--around %q: no entity has that name", around)
		}
		id = ids[0]
	}
	g, err := s.Neighbourhood(ctx, id, q)
	if err != nil {
		return nil, "", fmt.Errorf("--around %q: %w", around, err)
	}
	return g, fmt.Sprintf("fazhikg: %d hops around %s", max(q.Hops, 1), id), nil
}

// writeOut runs write on the file out (standard output when "" or "-"),
// buffered, and reports a failure to write or close it.
func writeOut(e *env, out string, write func(io.Writer) error) error {
	var w io.Writer = e.stdout
	var f *os.File
	if out != "" && out != "-" {
		var err error
		if f, err = os.Create(out); err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing %s: %w", out, err)
	}
	if f != nil {
		return f.Close()
	}
	return nil
}
