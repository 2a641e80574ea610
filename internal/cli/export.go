package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"

	"github.com/fazhikg/fazhikg/graph"
	"github.com/spf13/cobra"
)

func exportCmd(e *env) *cobra.Command {
	var sf storeFlags
	var format, out string
	cmd := &cobra.Command{
		Use:   "export --format FORMAT [--out FILE]",
		Short: "Write the graph, or the adoption cascades, out",
		Long: `export writes the store in one of these formats:

  nquads     every quad (one per line, the report's IRI as the graph label),
             readable by Cayley, RDF tools and databases
  cascades   CSV, one row per mechanism family and adopting jurisdiction: the
             year, the level, the province and the parent, and the source a
             report names
  netinf     the cascades in the format of SNAP's NetInf: "id,name" node lines,
             a blank line, then one "node,year,node,year,…" line per family
  eha        CSV, a jurisdiction-year panel per family for event-history
             analysis: adopted yet, the share of siblings and of the province
             already adopted, whether the parent had, whether a national or
             provincial document calling for it had been cited`,
		Example: `  fazhikg export --format nquads --out graph.nq
  fazhikg export --format eha --out panel.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			writers := map[string]func(context.Context, io.Writer, *graph.Store) error{
				"nquads":   func(ctx context.Context, w io.Writer, s *graph.Store) error { return s.WriteNQuads(ctx, w) },
				"cascades": cascadeWriter(writeCascades), "netinf": cascadeWriter(writeNetInf), "eha": cascadeWriter(writeEHA),
			}
			write, ok := writers[format]
			if !ok {
				return usagef("--format %q: want nquads, cascades, netinf or eha", format)
			}
			if _, err := os.Stat(e.dataDir); err != nil {
				return fmt.Errorf("no store in %s: %w (run fazhikg ingest first)", e.dataDir, err)
			}
			s, err := sf.open(cmd.Context(), e)
			if err != nil {
				return err
			}
			defer s.Close()
			var w io.Writer = e.stdout
			var f *os.File
			if out != "" && out != "-" {
				if f, err = os.Create(out); err != nil {
					return err
				}
				defer f.Close()
				w = f
			}
			bw := bufio.NewWriterSize(w, 1<<16)
			if err := write(cmd.Context(), bw, s); err != nil {
				return err
			}
			if err := bw.Flush(); err != nil {
				return fmt.Errorf("writing %s: %w", out, err)
			}
			if f != nil {
				return f.Close()
			}
			return nil
		},
	}
	sf.add(cmd)
	cmd.Flags().StringVar(&format, "format", "nquads", "export format: nquads, cascades, netinf or eha")
	cmd.Flags().StringVarP(&out, "out", "o", "", "file to write (default: standard output)")
	return cmd
}

// cascadeWriter adapts a writer of cascade data to the store.
func cascadeWriter(f func(io.Writer, *cascadeData) error) func(context.Context, io.Writer, *graph.Store) error {
	return func(ctx context.Context, w io.Writer, s *graph.Store) error {
		d, err := loadCascades(ctx, s)
		if err != nil {
			return err
		}
		return f(w, d)
	}
}
