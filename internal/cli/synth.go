package cli

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/fazhikg/fazhikg/internal/synth"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
)

func synthCmd(e *env) *cobra.Command {
	var o synth.Options
	var quiet bool
	sh := synth.DefaultShares()
	cmd := &cobra.Command{
		Use:   "synth --out DIR [flags]",
		Short: "Generate a synthetic corpus of reports with planted diffusion cascades",
		Long: `synth writes a synthetic corpus: one report a year for each of a few hundred
(or thousand) real jurisdictions drawn in clusters from the gazetteer, in the
style of the real reports — varied titles and phrasing, quoted and bare names
of mechanisms, local variants, plan sections, portal furniture, HTML pages,
GB18030 files and traditional characters — and, beside them, the ground truth:
the mechanisms each report states as achieved or only planned
(truth/adoptions.jsonl), the true source of every adoption (truth/edges.jsonl),
the events and weights of the planted cascades and a manifest.

The same seed and options give byte-identical output. The directory must be
absent or empty.`,
		Example: `  fazhikg synth --out /tmp/corpus
  fazhikg synth --out big --places 3000 --years 15 --from 2010 --mechanisms 40 --seed 7`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("synth takes no arguments, got %q", args)
			}
			if o.Out == "" {
				return usagef("synth needs --out DIR")
			}
			o.Shares = &sh
			return runSynth(cmd.Context(), e, o, quiet)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.Out, "out", "", "directory to write (absent or empty)")
	f.IntVar(&o.Places, "places", synth.DefaultPlaces, "reporting jurisdictions")
	f.IntVar(&o.Years, "years", synth.DefaultYears, "years covered, one report a year each")
	f.IntVar(&o.From, "from", synth.DefaultFrom, "first year covered")
	f.IntVar(&o.Mechanisms, "mechanisms", synth.DefaultMechanisms, "planted mechanisms")
	f.Int64Var(&o.Seed, "seed", 1, "random seed")
	f.Float64Var(&sh.HTML, "html", sh.HTML, "share of reports saved as HTML pages")
	f.Float64Var(&sh.Traditional, "traditional", sh.Traditional, "share of reports in traditional characters")
	f.Float64Var(&sh.GB18030, "gb18030", sh.GB18030, "share of reports encoded in GB18030")
	f.BoolVarP(&quiet, "quiet", "q", false, "no progress bar")
	return cmd
}

func runSynth(ctx context.Context, e *env, o synth.Options, quiet bool) error {
	var bar *progressbar.ProgressBar
	var progress synth.Progress
	if !quiet && isTerminal(e.stderr) {
		bar = progressbar.NewOptions(o.Places*o.Years,
			progressbar.OptionSetWriter(e.stderr),
			progressbar.OptionSetDescription("generating"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("reports"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
		progress = func(done, total int) { bar.Set(done) }
	}
	sum, err := synth.Generate(ctx, o, progress)
	if bar != nil {
		bar.Finish()
	}
	if errors.Is(err, synth.ErrOptions) || errors.Is(err, synth.ErrOutNotEmpty) {
		return usagef("%v", err)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%d reports (%d places × %d years, %d mechanisms) in %s: %d adoptions planted, %d achieved and %d planned mentions\n",
		sum.Reports, sum.Places, sum.Years, sum.Mechanisms, o.Out, sum.Adoptions, sum.Achieved, sum.Planned)
	fmt.Fprintf(e.stdout, "%d HTML, %d traditional, %d GB18030; %.1f MB (%s, %.0f reports/s)\n",
		sum.HTML, sum.Traditional, sum.GB18030, float64(sum.Bytes)/1e6, sum.Elapsed.Round(time.Millisecond),
		float64(sum.Reports)/sum.Elapsed.Seconds())
	return nil
}
