package cli

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
)

func exportCmd(e *env) *cobra.Command {
	var sf storeFlags
	var format, out string
	cmd := &cobra.Command{
		Use:   "export --format nquads [--out FILE]",
		Short: "Write the whole graph out",
		Long: `export writes every quad of the store as N-Quads (one quad per line, the
report's IRI as the graph label), readable by Cayley, RDF tools and databases.`,
		Example: `  fazhikg export --format nquads --out graph.nq`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "nquads" {
				return usagef("--format %q: want nquads", format)
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
			if err := s.WriteNQuads(cmd.Context(), bw); err != nil {
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
	cmd.Flags().StringVar(&format, "format", "nquads", "export format: nquads")
	cmd.Flags().StringVarP(&out, "out", "o", "", "file to write (default: standard output)")
	return cmd
}
