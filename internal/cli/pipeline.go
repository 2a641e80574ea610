package cli

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"

	"github.com/fazhikg/fazhikg/extract"
	"github.com/fazhikg/fazhikg/extract/jieba"
	"github.com/fazhikg/fazhikg/graph"
)

// newPipeline returns the extraction pipeline and a function releasing it.
func newPipeline() (*extract.Pipeline, func(), error) { return jieba.NewPipeline() }

// lazyPipeline loads the extraction pipeline on first use, so that a run
// whose inputs are all unchanged never loads the segmenter (seconds).
type lazyPipeline struct {
	once    sync.Once
	p       *extract.Pipeline
	release func()
	err     error
}

// errSetup marks an input not extracted because the pipeline could not be
// loaded: a failure of the run, not of the input.
var errSetup = errors.New("no extraction pipeline")

func (l *lazyPipeline) get() (*extract.Pipeline, error) {
	l.once.Do(func() {
		l.p, l.release, l.err = newPipeline()
		if l.err != nil {
			l.err = fmt.Errorf("%w: %w", errSetup, l.err)
		}
	})
	return l.p, l.err
}

// close releases the pipeline if it was loaded.
func (l *lazyPipeline) close() {
	l.once.Do(func() {})
	if l.release != nil {
		l.release()
	}
}

// loaded returns a lazyPipeline holding p.
func loaded(p *extract.Pipeline) *lazyPipeline {
	l := &lazyPipeline{p: p}
	l.once.Do(func() {})
	return l
}

// extracted is the outcome of reading and extracting one input.
type extracted struct {
	in     input
	report *extract.Report
	// prepared is the report turned into quads, when asked for.
	prepared *graph.Prepared
	// unchanged: the store holds this input's bytes already; it was
	// read and hashed, not extracted.
	unchanged bool
	bytes     int // raw bytes read
	err       error
}

// extractOptions tune extractAll.
type extractOptions struct {
	maxBytes int64
	// unchanged, when not nil, is asked before extraction whether the
	// store holds the report of that name with that hash (extract.Hash of
	// the raw bytes); if so, the input is not extracted.
	unchanged func(name, hash string) bool
	// prepare turns each report into its quads (graph.Prepare) on the
	// worker that extracted it.
	prepare bool
	// window is the number of inputs that may be read ahead of emit, on
	// top of one per worker; 0 means four per worker.
	window int
}

// extractAll reads and extracts inputs on all cores and hands the results
// to emit, in input order, on the calling goroutine. Memory is bounded
// whatever the number of inputs: at most the window plus one input per
// worker is held at a time, and workers wait while emit is slow. Once ctx
// is done no further input is started; those started are emitted (with
// ctx's error if extraction saw it), the others are not.
func extractAll(ctx context.Context, p *lazyPipeline, inputs []input, o extractOptions, emit func(extracted)) {
	workers := runtime.GOMAXPROCS(0)
	window := o.window
	if window <= 0 {
		window = 4 * workers
	}
	type job struct {
		i   int
		out chan<- extracted
	}
	jobs := make(chan job)
	// order holds the result channels of started inputs in input order;
	// its capacity is the window.
	order := make(chan chan extracted, window)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.out <- extractOne(ctx, p, inputs[j.i], o)
			}
		}()
	}
	go func() {
		defer close(jobs)
		defer close(order)
		for i := range inputs {
			out := make(chan extracted, 1)
			select {
			case order <- out:
			case <-ctx.Done():
				return
			}
			jobs <- job{i, out}
		}
	}()
	for out := range order {
		emit(<-out)
	}
	wg.Wait()
}

func extractOne(ctx context.Context, lp *lazyPipeline, in input, o extractOptions) extracted {
	if err := ctx.Err(); err != nil {
		return extracted{in: in, err: err}
	}
	dec, raw, err := extract.ReadFile(ctx, in.path, o.maxBytes)
	if err != nil {
		return extracted{in: in, bytes: len(raw), err: err}
	}
	x := extracted{in: in, bytes: len(raw)}
	hash := extract.Hash(raw)
	if o.unchanged != nil && o.unchanged(in.name, hash) {
		x.unchanged = true
		return x
	}
	p, err := lp.get()
	if err != nil {
		x.err = err
		return x
	}
	x.report, x.err = p.Extract(ctx, extract.Origin{Name: in.name, Source: in.path, Hash: hash}, dec)
	if x.err == nil && o.prepare {
		x.prepared, x.err = graph.Prepare(x.report)
	}
	return x
}
