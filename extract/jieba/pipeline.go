package jieba

import (
	"fmt"

	"github.com/fazhikg/fazhikg/extract"
)

// NewPipeline returns the extraction pipeline with a Segmenter that keeps
// the domain's words whole (extract.UserWords), and a function releasing
// the segmenter once the pipeline is no longer used.
func NewPipeline() (*extract.Pipeline, func(), error) {
	var words []Word
	for _, w := range extract.UserWords() {
		words = append(words, Word{Text: w, Tag: "nz"})
	}
	seg, err := New(Options{UserWords: words})
	if err != nil {
		return nil, nil, fmt.Errorf("loading the segmenter: %w", err)
	}
	return extract.NewPipeline(extract.Options{Segmenter: tagger{seg}}), seg.Close, nil
}

// tagger adapts a Segmenter to extract.Segmenter.
type tagger struct{ s *Segmenter }

func (g tagger) Tag(text string) []extract.Token {
	ts := g.s.Tag(text)
	out := make([]extract.Token, len(ts))
	for i, t := range ts {
		out[i] = extract.Token{Text: t.Text, Start: t.Start, End: t.End, POS: t.POS}
	}
	return out
}
