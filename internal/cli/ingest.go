package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fazhikg/fazhikg/extract"
	"github.com/fazhikg/fazhikg/graph"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

func ingestCmd(e *env) *cobra.Command {
	var sf storeFlags
	o := ingestOptions{derive: true}
	var noDerive bool
	var memoryMB int
	cmd := &cobra.Command{
		Use:   "ingest [flags] FILE|FOLDER...",
		Short: "Extract reports and store their facts in the knowledge graph",
		Long: `ingest reads reports (.txt and .html in any encoding, folders searched
recursively), extracts their facts on all cores and writes them to the store
through one writer that groups whole reports into large transactions: a report
is stored whole or not at all. A report is named by its path relative to the
folder given (or its file name): a file whose bytes are those of the stored
report of that name is only read and hashed, not extracted again, and a changed
file replaces the facts of its earlier version.

Files that cannot be read, extracted or stored are reported one per line; the
others are stored, and the exit status is 2. Interrupted (Ctrl-C), ingest
stores the reports extracted so far and stops.`,
		Example: `  fazhikg ingest examples/corpus
  fazhikg --data /srv/fazhikg ingest reports/2023 reports/2024`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("ingest needs at least one file or folder")
			}
			if o.batchQuads < 1 {
				return usagef("--batch-quads %d: want at least 1", o.batchQuads)
			}
			if o.batchWait <= 0 {
				return usagef("--batch-wait %s: want a positive duration", o.batchWait)
			}
			if memoryMB < 0 {
				return usagef("--memory-mb %d: want 0 (no limit) or more", memoryMB)
			}
			if memoryMB > 0 && os.Getenv("GOMEMLIMIT") == "" {
				// A soft limit: past it the garbage collector works
				// harder instead of letting the heap double.
				debug.SetMemoryLimit(int64(memoryMB) << 20)
			}
			o.derive = !noDerive
			return ingest(cmd.Context(), e, sf, args, o)
		},
	}
	sf.add(cmd)
	f := cmd.Flags()
	f.Int64Var(&o.maxBytes, "max-size", extract.DefaultMaxBytes, "refuse files larger than this many bytes")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "no progress bar (on a terminal) or progress lines every 30 s (otherwise)")
	f.IntVar(&o.batchQuads, "batch-quads", defaultBatchQuads, "write reports in transactions of about this many quads")
	f.DurationVar(&o.batchWait, "batch-wait", defaultBatchWait, "longest a report waits for its transaction")
	f.BoolVar(&noDerive, "no-derive", false, "do not fit the diffusion model afterwards (run fazhikg derive later)")
	f.IntVar(&memoryMB, "memory-mb", defaultMemoryMB, "keep the Go heap near this many MB once the store is large, collecting garbage more often (0: no limit; GOMEMLIMIT, when set, wins)")
	return cmd
}

// Batching defaults: Cayley's key-value store writes about twice as many
// quads a second in transactions of ten thousand as in transactions of one
// report (about five hundred); past that the gain is small and a failed
// transaction costs more to redo report by report.
const (
	defaultBatchQuads = 16000
	defaultBatchWait  = 2 * time.Second
)

// progressPeriod is how often an ingest logging to a file, not a
// terminal, writes a progress line.
var progressPeriod = 30 * time.Second

// defaultMemoryMB is the soft limit of ingest's Go memory. The catalogue
// grows with the store, and the collector's default lets the heap grow to
// twice what is live; under the limit it collects more often instead. The
// segmenter's dictionaries live outside it.
const defaultMemoryMB = 1536

// ingestOptions tune an ingest.
type ingestOptions struct {
	maxBytes   int64
	quiet      bool
	batchQuads int           // quads per transaction, about
	batchWait  time.Duration // longest a report waits for its transaction
	derive     bool          // fit the diffusion model after a change
	// put writes a transaction; nil means the store's PutPrepared.
	put putFunc
}

// putFunc writes prepared reports in one transaction (graph.Store.PutPrepared).
type putFunc func(ctx context.Context, ps []*graph.Prepared) ([]graph.PutResult, error)

// conflictRetries is how many times a transaction is tried again when
// another process wrote to a shared database in between.
const conflictRetries = 5

// retryConflicts tries a transaction again, up to n more times with a
// growing pause, while it fails with graph.ErrConflict: such a write was
// refused whole, and the store has caught up with the other process's, so
// it can be repeated as it is.
func retryConflicts(put putFunc, n int, pause time.Duration) putFunc {
	return func(ctx context.Context, ps []*graph.Prepared) ([]graph.PutResult, error) {
		for i := 0; ; i++ {
			res, err := put(ctx, ps)
			if err == nil || !errors.Is(err, graph.ErrConflict) || i == n {
				return res, err
			}
			select {
			case <-ctx.Done():
				return nil, err
			case <-time.After(pause * time.Duration(i+1)):
			}
		}
	}
}

// ingestSummary counts what an ingest did.
type ingestSummary struct {
	inputs                             int
	added, replaced, unchanged, failed int
	facts                              int
	quadsAdded, quadsRemoved           int
	bytes                              int64 // raw bytes read
	transactions                       int
}

func (s *ingestSummary) done() int { return s.added + s.replaced + s.unchanged + s.failed }

func ingest(ctx context.Context, e *env, sf storeFlags, args []string, o ingestOptions) error {
	start := time.Now()
	var listFailed int
	inputs := collectInputs(args, func(path string, err error) {
		listFailed++
		fmt.Fprintf(e.stderr, "fazhikg: %s: %v\n", path, err)
	})
	if len(inputs) == 0 {
		if listFailed > 0 {
			return errPartial
		}
		return usagef("no reports (.txt, .html) in %v", args)
	}
	store, err := sf.open(ctx, e)
	if err != nil {
		return err
	}
	defer store.Close()
	sum, werr := ingestInto(ctx, e, store, inputs, o)
	if werr != nil && ctx.Err() == nil {
		return werr
	}
	sum.failed += listFailed
	fmt.Fprintf(e.stdout, "%d reports: %d added, %d replaced, %d unchanged, %d failed (%s)\n",
		len(inputs), sum.added, sum.replaced, sum.unchanged, sum.failed, time.Since(start).Round(time.Millisecond))
	fmt.Fprintf(e.stdout, "%d facts; %d quads written, %d removed\n", sum.facts, sum.quadsAdded, sum.quadsRemoved)
	if werr == nil && o.derive && sum.added+sum.replaced > 0 {
		if err := derive(ctx, e, store); err != nil {
			return err
		}
	}
	st, err := store.Stats(context.WithoutCancel(ctx))
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "store %s: %d reports, %d quads\n", sf.where(e), st.Reports, st.Quads)
	if werr != nil {
		return fmt.Errorf("ingest interrupted after %d of %d reports, which are kept (run it again to go on): %w", sum.done()-sum.failed, len(inputs), werr)
	}
	if sum.failed > 0 {
		return errPartial
	}
	return nil
}

// ingestInto extracts inputs on all cores and writes them to store through
// one batching writer (see batcher). Failures of single inputs are
// reported to e.stderr and counted; the error is ctx's when it stopped the
// ingest, or that of setting up the extraction.
func ingestInto(ctx context.Context, e *env, store *graph.Store, inputs []input, o ingestOptions) (ingestSummary, error) {
	sum := ingestSummary{inputs: len(inputs)}
	p := &lazyPipeline{}
	defer p.close()

	var bar *progressbar.ProgressBar
	if !o.quiet && isTerminal(e.stderr) {
		bar = progressbar.NewOptions(len(inputs),
			progressbar.OptionSetWriter(e.stderr),
			progressbar.OptionSetDescription("ingesting"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("reports"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionShowElapsedTimeOnFinish(),
			progressbar.OptionThrottle(200*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	// Names given more than once in this run are extracted every time:
	// the stored version is not the one the earlier input will leave.
	names := make([]string, len(inputs))
	count := make(map[string]int, len(inputs))
	for i, in := range inputs {
		names[i] = in.name
		count[in.name]++
	}
	stored := store.ReportHashes(names)
	unchanged := func(name, hash string) bool {
		h, ok := stored[name]
		return ok && h == hash && count[name] == 1
	}

	put := o.put
	if put == nil {
		put = retryConflicts(store.PutPrepared, conflictRetries, 100*time.Millisecond)
	}
	b := &batcher{
		put:      put,
		maxQuads: o.batchQuads,
		maxWait:  o.batchWait,
		sum:      &sum,
		bar:      bar,
		stderr:   &lockedWriter{w: e.stderr},
	}
	ch := make(chan extracted, runtime.GOMAXPROCS(0))
	written := make(chan struct{})
	go func() {
		defer close(written)
		b.run(ctx, ch)
	}()
	if !o.quiet && bar == nil {
		go logProgress(b.stderr, &b.done, len(inputs), progressPeriod, written)
	}
	extractAll(ctx, p, inputs, extractOptions{maxBytes: o.maxBytes, unchanged: unchanged, prepare: true}, func(x extracted) {
		ch <- x
	})
	close(ch)
	<-written
	if bar != nil {
		if ctx.Err() == nil {
			bar.Finish()
		} else {
			bar.Clear()
		}
	}
	if p.err != nil {
		return sum, p.err
	}
	return sum, ctx.Err()
}

// batcher is the one writer of an ingest. It groups whole reports into
// transactions of about maxQuads quads, or fewer once the first report has
// waited maxWait, and counts every outcome. A failed transaction is retried
// report by report, so that one bad report cannot lose the others, and the
// reports that still fail are named.
type batcher struct {
	put      putFunc
	maxQuads int
	maxWait  time.Duration
	sum      *ingestSummary
	bar      *progressbar.ProgressBar
	stderr   io.Writer
	// done counts the reports handled, for progress lines (logLines)
	done atomic.Int64

	batch []extracted
	names map[string]bool
	quads int
}

// run writes what arrives on in until in is closed. Writes are not
// cancelled with ctx: once extracted, a report is written, so that an
// interrupted ingest keeps what it finished.
func (b *batcher) run(ctx context.Context, in <-chan extracted) {
	wctx := context.WithoutCancel(ctx)
	b.names = make(map[string]bool)
	var deadline <-chan time.Time
	for {
		select {
		case x, ok := <-in:
			if !ok {
				b.flush(wctx)
				return
			}
			b.sum.bytes += int64(x.bytes)
			switch {
			case x.err != nil:
				if ctx.Err() != nil && errors.Is(x.err, ctx.Err()) || errors.Is(x.err, errSetup) {
					continue // interrupted, or not run: not failed
				}
				b.fail(x.in.path, unwrapRead(x.err))
				continue
			case x.unchanged:
				b.sum.unchanged++
				b.progress(1)
				continue
			}
			if b.names[x.in.name] {
				b.flush(wctx) // a report is written once per transaction
			}
			b.batch = append(b.batch, x)
			b.names[x.in.name] = true
			b.quads += x.prepared.Quads()
			if len(b.batch) == 1 {
				deadline = time.After(b.maxWait)
			}
			if b.quads >= b.maxQuads {
				b.flush(wctx)
				deadline = nil
			}
		case <-deadline:
			b.flush(wctx)
			deadline = nil
		}
	}
}

// flush writes the pending reports in one transaction.
func (b *batcher) flush(ctx context.Context) {
	if len(b.batch) == 0 {
		return
	}
	ps := make([]*graph.Prepared, len(b.batch))
	for i, x := range b.batch {
		ps[i] = x.prepared
	}
	res, err := b.put(ctx, ps)
	b.sum.transactions++
	if err == nil {
		for i, x := range b.batch {
			b.count(x, res[i])
		}
	} else if len(ps) == 1 {
		b.fail(b.batch[0].in.path, err)
	} else {
		for _, x := range b.batch {
			res, err := b.put(ctx, []*graph.Prepared{x.prepared})
			b.sum.transactions++
			if err != nil {
				b.fail(x.in.path, err)
				continue
			}
			b.count(x, res[0])
		}
	}
	clear(b.batch)
	b.batch = b.batch[:0]
	clear(b.names)
	b.quads = 0
}

// count adds a written report to the summary.
func (b *batcher) count(x extracted, res graph.PutResult) {
	switch res.Status {
	case graph.Added:
		b.sum.added++
	case graph.Replaced:
		b.sum.replaced++
	default:
		b.sum.unchanged++
	}
	b.sum.facts += facts(x.report)
	b.sum.quadsAdded += res.Added
	b.sum.quadsRemoved += res.Removed
	b.progress(1)
}

func (b *batcher) fail(path string, err error) {
	b.sum.failed++
	if b.bar != nil {
		b.bar.Clear()
	}
	fmt.Fprintf(b.stderr, "fazhikg: %s: %v\n", path, err)
	b.progress(1)
}

func (b *batcher) progress(n int) {
	b.done.Add(int64(n))
	if b.bar != nil {
		b.bar.Add(n)
	}
}

// lockedWriter serialises the writes of the writer and the progress lines.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// logProgress writes a line every period until stop is closed, for an
// ingest whose stderr is not a terminal (a log): reports handled of total,
// the rate since the start, and the time left at that rate.
func logProgress(w io.Writer, done *atomic.Int64, total int, period time.Duration, stop <-chan struct{}) {
	start := time.Now()
	t := time.NewTicker(period)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			n := done.Load()
			el := time.Since(start)
			rate := float64(n) / el.Seconds()
			eta := "unknown"
			if rate > 0 {
				eta = (time.Duration(float64(int64(total)-n)/rate) * time.Second).Round(time.Second).String()
			}
			fmt.Fprintf(w, "fazhikg: ingest: %d of %d reports (%.1f%%) in %s, %.1f reports/s, about %s left\n",
				n, total, 100*float64(n)/float64(max(total, 1)), el.Round(time.Second), rate, eta)
		}
	}
}

// facts counts the facts extracted from a report: the entities it names.
func facts(r *extract.Report) int {
	return len(r.Jurisdictions) + len(r.Bodies) + len(r.Mechanisms) + len(r.Documents) + len(r.Awards) + len(r.People)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
