package cli

import (
	"encoding/json"
	"fmt"

	"github.com/fazhikg/fazhikg/extract"
	"github.com/spf13/cobra"
)

func extractCmd(e *env) *cobra.Command {
	var format string
	var withText bool
	var maxSize int64
	cmd := &cobra.Command{
		Use:   "extract [flags] FILE|FOLDER...",
		Short: "Print the facts extracted from reports, without storing them",
		Long: `extract reads reports (.txt and .html, any encoding) and prints, for each, one
JSON object: its metadata (title, reporting jurisdiction, year covered, date
published, issuer) and the jurisdictions, bodies, mechanisms, documents, awards
and people it names, each with its evidence (character offsets and sentence).`,
		Example: `  fazhikg extract --format jsonl reports/*.txt > facts.jsonl`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("extract needs at least one file or folder")
			}
			var indent bool
			switch format {
			case "jsonl":
			case "json":
				indent = true
			default:
				return usagef("--format %q: want jsonl or json", format)
			}
			failed := 0
			fail := func(path string, err error) {
				failed++
				fmt.Fprintf(e.stderr, "fazhikg: %s: %v\n", path, err)
			}
			inputs := collectInputs(args, fail)
			p, release, err := newPipeline()
			if err != nil {
				return err
			}
			defer release()
			enc := json.NewEncoder(e.stdout)
			enc.SetEscapeHTML(false)
			if indent {
				enc.SetIndent("", "  ")
			}
			var werr error
			ctx := cmd.Context()
			extractAll(ctx, loaded(p), inputs, extractOptions{maxBytes: maxSize}, func(x extracted) {
				if x.err != nil && ctx.Err() != nil {
					return // interrupted, not failed
				}
				if x.err != nil {
					fail(x.in.path, unwrapRead(x.err))
					return
				}
				if werr == nil {
					werr = enc.Encode(x.report.Summarize(x.in.path, withText))
				}
			})
			if werr != nil {
				return fmt.Errorf("writing output: %w", werr)
			}
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("extract stopped: %w", err)
			}
			if failed > 0 {
				return errPartial
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "jsonl", "output format: jsonl (one object per line) or json (indented)")
	cmd.Flags().BoolVar(&withText, "text", false, "include the sentences and their status (achieved, planned, problem)")
	cmd.Flags().Int64Var(&maxSize, "max-size", extract.DefaultMaxBytes, "refuse files larger than this many bytes")
	return cmd
}
