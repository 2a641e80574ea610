package cli

import (
	"encoding/json"
	"fmt"

	"github.com/fazhikg/fazhikg/graph"
	"github.com/spf13/cobra"
)

func statsCmd(e *env) *cobra.Command {
	var sf storeFlags
	var format string
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Count the reports, quads and entities in the store",
		Example: `  fazhikg stats
  fazhikg stats --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return usagef("--format %q: want text or json", format)
			}
			s, err := sf.openExisting(cmd.Context(), e)
			if err != nil {
				return err
			}
			defer s.Close()
			st, err := s.Stats(cmd.Context())
			if err != nil {
				return err
			}
			if format == "text" {
				_, err = fmt.Fprintln(e.stdout, st)
				return err
			}
			out := map[string]any{"backend": st.Backend, "reports": st.Reports, "quads": st.Quads}
			ents := map[string]int{}
			for _, k := range graph.Kinds() {
				ents[string(k)] = st.Entities[k]
			}
			out["entities"] = ents
			enc := json.NewEncoder(e.stdout)
			enc.SetEscapeHTML(false)
			return enc.Encode(out)
		},
	}
	sf.add(cmd)
	cmd.Flags().StringVar(&format, "format", "text", "text or json")
	return cmd
}
