package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/fazhikg/fazhikg/extract"
	"github.com/fazhikg/fazhikg/graph"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

func ingestCmd(e *env) *cobra.Command {
	var sf storeFlags
	var maxSize int64
	var quiet bool
	cmd := &cobra.Command{
		Use:   "ingest [flags] FILE|FOLDER...",
		Short: "Extract reports and store their facts in the knowledge graph",
		Long: `ingest reads reports (.txt and .html in any encoding, folders searched
recursively), extracts their facts and writes each report to the store in one
transaction. A report is named by its path relative to the folder given (or
its file name): ingesting the same report again changes nothing, and a changed
file replaces the facts of its earlier version.

Files that cannot be read or extracted are reported one per line; the others
are stored, and the exit status is 2.`,
		Example: `  fazhikg ingest examples/corpus
  fazhikg --data /srv/fazhikg ingest reports/2023 reports/2024`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("ingest needs at least one file or folder")
			}
			return ingest(cmd.Context(), e, sf, args, maxSize, quiet)
		},
	}
	sf.add(cmd)
	cmd.Flags().Int64Var(&maxSize, "max-size", extract.DefaultMaxBytes, "refuse files larger than this many bytes")
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "no progress bar")
	return cmd
}

// ingestSummary counts what an ingest did.
type ingestSummary struct {
	added, replaced, unchanged, failed int
	facts                              int
	quadsAdded, quadsRemoved           int
}

func ingest(ctx context.Context, e *env, sf storeFlags, args []string, maxSize int64, quiet bool) error {
	start := time.Now()
	var sum ingestSummary
	var bar *progressbar.ProgressBar
	fail := func(path string, err error) {
		sum.failed++
		line := fmt.Sprintf("fazhikg: %s: %v", path, err)
		if bar != nil {
			bar.Clear()
		}
		fmt.Fprintln(e.stderr, line)
	}
	inputs := collectInputs(args, fail)
	if len(inputs) == 0 {
		if sum.failed > 0 {
			return errPartial
		}
		return usagef("no reports (.txt, .html) in %v", args)
	}
	store, err := sf.open(ctx, e)
	if err != nil {
		return err
	}
	defer store.Close()
	p, release, err := newPipeline()
	if err != nil {
		return err
	}
	defer release()

	if !quiet && isTerminal(e.stderr) {
		bar = progressbar.NewOptions(len(inputs),
			progressbar.OptionSetWriter(e.stderr),
			progressbar.OptionSetDescription("ingesting"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("reports"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	var werr error
	extractAll(ctx, p, inputs, maxSize, func(x extracted) {
		if bar != nil {
			defer bar.Add(1)
		}
		if x.err != nil {
			fail(x.in.path, unwrapRead(x.err))
			return
		}
		if werr != nil {
			return
		}
		res, err := store.PutReport(ctx, x.report)
		if err != nil {
			if ctx.Err() != nil {
				werr = ctx.Err()
				return
			}
			fail(x.in.path, err)
			return
		}
		switch res.Status {
		case graph.Added:
			sum.added++
		case graph.Replaced:
			sum.replaced++
		default:
			sum.unchanged++
		}
		sum.facts += facts(x.report)
		sum.quadsAdded += res.Added
		sum.quadsRemoved += res.Removed
	})
	if bar != nil {
		bar.Finish()
	}
	fmt.Fprintf(e.stdout, "%d reports: %d added, %d replaced, %d unchanged, %d failed (%s)\n",
		len(inputs), sum.added, sum.replaced, sum.unchanged, sum.failed, time.Since(start).Round(time.Millisecond))
	fmt.Fprintf(e.stdout, "%d facts; %d quads written, %d removed\n", sum.facts, sum.quadsAdded, sum.quadsRemoved)
	if werr == nil && sum.added+sum.replaced > 0 {
		if err := derive(ctx, e, store); err != nil {
			return err
		}
	}
	st, err := store.Stats(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "store %s: %d reports, %d quads\n", e.dataDir, st.Reports, st.Quads)
	if werr != nil {
		return fmt.Errorf("ingest stopped: %w (the reports written so far are kept)", werr)
	}
	if sum.failed > 0 {
		return errPartial
	}
	return nil
}

// facts counts the facts extracted from a report: the entities it names.
func facts(r *extract.Report) int {
	return len(r.Jurisdictions) + len(r.Bodies) + len(r.Mechanisms) + len(r.Documents) + len(r.Awards) + len(r.People)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
