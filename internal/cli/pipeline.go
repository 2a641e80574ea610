package cli

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"github.com/fazhikg/fazhikg/extract"
	"github.com/fazhikg/fazhikg/extract/jieba"
)

// segmenter adapts jieba to extract.Segmenter.
type segmenter struct{ s *jieba.Segmenter }

func (g segmenter) Tag(text string) []extract.Token {
	ts := g.s.Tag(text)
	out := make([]extract.Token, len(ts))
	for i, t := range ts {
		out[i] = extract.Token{Text: t.Text, Start: t.Start, End: t.End, POS: t.POS}
	}
	return out
}

// newPipeline loads the segmenter with the domain's words and returns the
// extraction pipeline and a function releasing it.
func newPipeline() (*extract.Pipeline, func(), error) {
	var words []jieba.Word
	for _, w := range extract.UserWords() {
		words = append(words, jieba.Word{Text: w, Tag: "nz"})
	}
	seg, err := jieba.New(jieba.Options{UserWords: words})
	if err != nil {
		return nil, nil, fmt.Errorf("loading the segmenter: %w", err)
	}
	return extract.NewPipeline(extract.Options{Segmenter: segmenter{seg}}), seg.Close, nil
}

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
