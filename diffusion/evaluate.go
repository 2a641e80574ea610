package diffusion

import "slices"

// Score counts one kind of link: predicted, actual, and both.
type Score struct {
	Correct   int     `json:"correct"`
	Predicted int     `json:"predicted"`
	Actual    int     `json:"actual"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func (s *Score) finish() {
	if s.Predicted > 0 {
		s.Precision = float64(s.Correct) / float64(s.Predicted)
	}
	if s.Actual > 0 {
		s.Recall = float64(s.Correct) / float64(s.Actual)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
}

// Scores rate predicted sources against the truth; see Evaluate. The
// embedded Score counts links of both kinds (places and documents).
type Scores struct {
	Score
	Place    Score `json:"place"`    // links from places only
	Document Score `json:"document"` // links from documents only
	// Accuracy is the share of true adoptions whose best predicted
	// source, a seed included, is the true one; an adoption with no
	// prediction counts as predicted a seed.
	Accuracy float64 `json:"accuracy"`
	// CandidateRecall is the share of true links found among all the
	// predicted candidates, not only the best.
	CandidateRecall float64 `json:"candidateRecall"`
	Adoptions       int     `json:"adoptions"`
}

type key struct{ mechanism, target string }

// Evaluate compares, for each (mechanism, target), the best predicted
// source (highest score; on equal scores a place before a document before
// a seed, then the smaller code) with the true one. A link is a source
// that is a place or a document; a seed is no link. A predicted link is
// correct if the true source has the same kind and the same code or title.
// Precision is correct links over predicted links, recall correct links
// over true links, F1 their harmonic mean; Place and Document restrict the
// counts to links of that kind (a true place link predicted as a document
// counts against both). Predictions for adoptions the truth does not have
// count as predicted links all the same.
func Evaluate(predicted []Edge, truth []TruthEdge) Scores {
	best := make(map[key]Edge)
	all := make(map[key][]Edge)
	for _, e := range predicted {
		k := key{e.Mechanism, e.Target}
		all[k] = append(all[k], e)
		if b, ok := best[k]; !ok || byScore(e, b) < 0 {
			best[k] = e
		}
	}
	var s Scores
	seen := make(map[key]bool)
	correct := 0
	found := 0
	for _, t := range truth {
		k := key{t.Mechanism, t.Target}
		if seen[k] {
			continue
		}
		seen[k] = true
		s.Adoptions++
		b, ok := best[k]
		if !ok {
			b = Edge{SourceKind: SourceSeed}
		}
		link := t.SourceKind != SourceSeed
		hit := b.SourceKind == t.SourceKind && (!link || b.Source == t.Source)
		if hit {
			correct++
		}
		if link {
			count(&s.Score, true, hit)
			count(by(&s, t.SourceKind), true, hit)
			if slices.ContainsFunc(all[k], func(e Edge) bool { return e.SourceKind == t.SourceKind && e.Source == t.Source }) {
				found++
			}
		}
		if b.SourceKind != SourceSeed {
			count(&s.Score, false, hit)
			count(by(&s, b.SourceKind), false, hit)
		}
	}
	for k, b := range best {
		if !seen[k] && b.SourceKind != SourceSeed {
			count(&s.Score, false, false)
			count(by(&s, b.SourceKind), false, false)
		}
	}
	s.Score.finish()
	s.Place.finish()
	s.Document.finish()
	if s.Adoptions > 0 {
		s.Accuracy = float64(correct) / float64(s.Adoptions)
	}
	if s.Actual > 0 {
		s.CandidateRecall = float64(found) / float64(s.Actual)
	}
	return s
}

func by(s *Scores, kind string) *Score {
	if kind == SourceDocument {
		return &s.Document
	}
	return &s.Place
}

func count(s *Score, actual, hit bool) {
	if actual {
		s.Actual++
		if hit {
			s.Correct++
		}
		return
	}
	s.Predicted++
}

// Ceiling is the oracle: inference with the true weights, those Simulate
// was given (expressed in the yearly model's terms by Yearly), instead of
// fitted ones, and the same handling of ties, cues and documents. No
// estimate of the weights does better on average, so it bounds what Infer
// can reach on simulated data.
func Ceiling(places []Place, events []Event, truth Params) Result {
	return NewModel(places, truth.Yearly()).Infer(events, Options{})
}

// Baseline is the naive answer: each adopter learned from the earliest
// adopter in its province that adopted in an earlier year (on a tie, the
// smallest code); with none, it innovated. It knows nothing of documents.
func Baseline(places []Place, events []Event) []Edge {
	h := newHierarchy(places)
	byMech, names := byMechanism(events)
	var out []Edge
	for _, n := range names {
		c := newCascade(h, n, byMech[n], Options{IgnoreCues: true, IgnoreDocuments: true})
		for i, t := range c.adopters {
			e := Edge{Mechanism: n, SourceKind: SourceSeed, Target: t.place, TargetYear: t.year, Score: 1}
			for _, s := range c.adopters[:i] {
				if s.year >= t.year {
					break
				}
				if k := h.kind(s.idx, t.idx); k != kNational {
					e.SourceKind, e.Source, e.SourceYear, e.Path = SourcePlace, s.place, s.year, pathNames()[k]
					break
				}
			}
			out = append(out, e)
		}
	}
	return out
}
