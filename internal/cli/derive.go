package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/fazhikg/fazhikg/graph"
	"github.com/spf13/cobra"
)

func deriveCmd(e *env) *cobra.Command {
	var sf storeFlags
	cmd := &cobra.Command{
		Use:   "derive",
		Short: "Fit the diffusion model and store its results",
		Long: `derive fits the diffusion model to the adoptions in the store (how mechanisms
spread between jurisdictions) and replaces the derived results: the fitted
weights and each mechanism family's inferred transmissions, stored under their
own label, apart from the facts extracted. ingest runs it after every change;
run it yourself after deleting reports, or to see the weights.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := sf.openExisting(cmd.Context(), e)
			if err != nil {
				return err
			}
			defer s.Close()
			return derive(cmd.Context(), e, s)
		},
	}
	sf.add(cmd)
	return cmd
}

// derive fits the diffusion model and prints what it did.
func derive(ctx context.Context, e *env, s *graph.Store) error {
	start := time.Now()
	res, err := s.Derive(ctx)
	if err != nil {
		return fmt.Errorf("deriving the diffusion results: %w", err)
	}
	if res.Unchanged {
		fmt.Fprintf(e.stdout, "diffusion: adoptions unchanged since the last fit (%d families, %d adoptions)\n", res.Families, res.Adoptions)
		return nil
	}
	r := res.Params.Rate
	fmt.Fprintf(e.stdout, "diffusion: %d families, %d adoptions, %d transmissions inferred (%s)\n",
		res.Families, res.Adoptions, res.Edges, time.Since(start).Round(time.Millisecond))
	fmt.Fprintf(e.stdout, "  weights: parent→child %.3g, child→parent %.3g, siblings %.3g, province %.3g, national %.3g; decay %.2f; innovation %.3g; document %.3g\n",
		r["parent-child"], r["child-parent"], r["siblings"], r["province"], r["national"],
		res.Params.Decay, res.Params.Innovation, res.Params.Document)
	return nil
}
