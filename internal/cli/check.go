package cli

import (
	"fmt"

	"github.com/spf13/cobra"
)

func checkCmd(e *env) *cobra.Command {
	var sf storeFlags
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Verify the integrity of the store",
		Long: `check reads every quad of the store and verifies that every fact belongs to
a report that exists, that no quad names a node its report does not describe,
that the derived diffusion results were fitted to the adoptions stored, and
that the catalogue answering lookups equals the quads. It prints one line per
problem and exits with status 1 if there is any.`,
		Example: `  fazhikg check
  fazhikg --data /srv/fazhikg check`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := sf.openExisting(cmd.Context(), e)
			if err != nil {
				return err
			}
			defer s.Close()
			probs, err := s.Check(cmd.Context())
			if err != nil {
				return err
			}
			for _, p := range probs {
				fmt.Fprintln(e.stdout, p)
			}
			if len(probs) > 0 {
				return fmt.Errorf("the store in %s has %d problems", sf.where(e), len(probs))
			}
			st, err := s.Stats(cmd.Context())
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "store %s: %d reports, %d quads: no problem found\n", sf.where(e), st.Reports, st.Quads)
			return nil
		},
	}
	sf.add(cmd)
	return cmd
}
