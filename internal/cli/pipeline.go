package cli

import (
	"context"
	"runtime"
	"sync"

	"github.com/fazhikg/fazhikg/extract"
	"github.com/fazhikg/fazhikg/extract/jieba"
)

// newPipeline returns the extraction pipeline and a function releasing it.
func newPipeline() (*extract.Pipeline, func(), error) { return jieba.NewPipeline() }

// extracted is the outcome of reading and extracting one input.
type extracted struct {
	in     input
	report *extract.Report
	err    error
}

// extractAll reads and extracts inputs on all cores and hands the results
// to emit in input order.
func extractAll(ctx context.Context, p *extract.Pipeline, inputs []input, maxBytes int64, emit func(extracted)) {
	workers := runtime.GOMAXPROCS(0)
	results := make([]chan extracted, len(inputs))
	for i := range results {
		results[i] = make(chan extracted, 1)
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] <- extractOne(ctx, p, inputs[i], maxBytes)
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range inputs {
			select {
			case jobs <- i:
			case <-ctx.Done():
				for ; i < len(inputs); i++ {
					results[i] <- extracted{in: inputs[i], err: ctx.Err()}
				}
				return
			}
		}
	}()
	for i := range inputs {
		emit(<-results[i])
	}
	wg.Wait()
}

func extractOne(ctx context.Context, p *extract.Pipeline, in input, maxBytes int64) extracted {
	dec, raw, err := extract.ReadFile(ctx, in.path, maxBytes)
	if err != nil {
		return extracted{in: in, err: err}
	}
	r, err := p.Extract(ctx, extract.Origin{Name: in.name, Source: in.path, Hash: extract.Hash(raw)}, dec)
	return extracted{in: in, report: r, err: err}
}
