package diffusion

import (
	"testing"
)

// evaluation is one run of the synthetic evaluation.
type evaluation struct {
	events, places, mechanisms  int
	sameYear                    float64 // share of true place links between same-year adopters
	ambiguous                   float64 // share of true place links with ≥ 2 plausible sources
	inferred, ceiling, baseline Scores
	nearest                     Scores
}

// evaluate simulates the corpus with a seed and scores inference (with
// fitted weights), the oracle and the baseline against the truth.
func evaluate(seed uint64) evaluation {
	places, mechs, truthParams, years := corpus()
	events, truth := Simulate(places, mechs, truthParams, years, seed)
	ev := evaluation{events: len(events), places: len(places), mechanisms: len(mechs)}

	ev.inferred = Evaluate(Infer(places, events, Options{}).Edges(), truth)
	ev.ceiling = Evaluate(Ceiling(places, events, truthParams).Edges(), truth)
	ev.baseline = Evaluate(Baseline(places, events), truth)
	ev.nearest = Evaluate(nearest(places, events), truth)

	// how hard it is: same-year sources, and sources among several
	// plausible ones (an oracle posterior of at least 0.1)
	year := make(map[key]int)
	for _, e := range events {
		year[key{e.Mechanism, e.Place}] = e.Year
	}
	plausible := make(map[key]int)
	oracle := NewModel(places, truthParams.Yearly())
	for _, e := range oracle.Infer(events, Options{TopK: 10, MinScore: 0.1}).Edges() {
		if e.SourceKind != SourceSeed {
			plausible[key{e.Mechanism, e.Target}]++
		}
	}
	links, same, ambiguous := 0, 0, 0
	for _, tr := range truth {
		if tr.SourceKind != SourcePlace {
			continue
		}
		links++
		if year[key{tr.Mechanism, tr.Source}] == tr.Year {
			same++
		}
		if plausible[key{tr.Mechanism, tr.Target}] >= 2 {
			ambiguous++
		}
	}
	ev.sameYear = float64(same) / float64(links)
	ev.ambiguous = float64(ambiguous) / float64(links)
	return ev
}

// TestSyntheticEvaluation is the package's measure of quality: on 330
// places × 6 years × 24 mechanisms, inference with fitted weights must reach
// 90% of the F1 of the oracle that knows the true weights, and be well
// above the baseline, on each of three corpora.
func TestSyntheticEvaluation(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		ev := evaluate(seed)
		t.Logf("seed %d: %d places, %d mechanisms, %d adoptions; true place links between same-year adopters %.0f%%, with several plausible sources %.0f%%",
			seed, ev.places, ev.mechanisms, ev.events, 100*ev.sameYear, 100*ev.ambiguous)
		t.Logf("  %-9s %9s %6s %6s %6s | %8s %8s %8s", "", "precision", "recall", "F1", "acc.", "place F1", "doc. F1", "cand. R")
		for _, r := range []struct {
			name string
			s    Scores
		}{{"inferred", ev.inferred}, {"ceiling", ev.ceiling}, {"baseline", ev.baseline}, {"nearest", ev.nearest}} {
			t.Logf("  %-9s %9.3f %6.3f %6.3f %6.3f | %8.3f %8.3f %8.3f", r.name, r.s.Precision, r.s.Recall, r.s.F1,
				r.s.Accuracy, r.s.Place.F1, r.s.Document.F1, r.s.CandidateRecall)
		}
		t.Logf("  inferred/ceiling F1 %.3f (place links %.3f), inferred/baseline %.1f×",
			ev.inferred.F1/ev.ceiling.F1, ev.inferred.Place.F1/ev.ceiling.Place.F1, ev.inferred.F1/ev.baseline.F1)

		if ev.places < 300 || ev.mechanisms < 20 {
			t.Fatalf("corpus too small: %d places, %d mechanisms", ev.places, ev.mechanisms)
		}
		if r := ev.inferred.F1 / ev.ceiling.F1; r < 0.9 {
			t.Errorf("seed %d: inferred F1 %.3f is %.0f%% of the ceiling's %.3f, want ≥ 90%%", seed, ev.inferred.F1, 100*r, ev.ceiling.F1)
		}
		if r := ev.inferred.Place.F1 / ev.ceiling.Place.F1; r < 0.9 {
			t.Errorf("seed %d: inferred place-link F1 %.3f is %.0f%% of the ceiling's %.3f, want ≥ 90%%", seed, ev.inferred.Place.F1, 100*r, ev.ceiling.Place.F1)
		}
		if ev.inferred.F1 < 2*ev.baseline.F1 || ev.inferred.F1 < ev.baseline.F1+0.2 {
			t.Errorf("seed %d: inferred F1 %.3f not well above the baseline's %.3f", seed, ev.inferred.F1, ev.baseline.F1)
		}
		if ev.inferred.F1 < ev.nearest.F1+0.1 {
			t.Errorf("seed %d: inferred F1 %.3f not well above the nearest adopter's %.3f", seed, ev.inferred.F1, ev.nearest.F1)
		}
		// the corpus must stay hard: sources genuinely ambiguous, ties
		// common, the oracle far from perfect
		if ev.ambiguous < 0.3 || ev.sameYear < 0.15 || ev.ceiling.F1 > 0.8 {
			t.Errorf("seed %d: the corpus is too easy: %.0f%% ambiguous, %.0f%% same-year, ceiling F1 %.3f",
				seed, 100*ev.ambiguous, 100*ev.sameYear, ev.ceiling.F1)
		}
	}
}

// nearest is a second, stronger heuristic for reference: each adopter
// learned from the earlier adopter closest to it in the hierarchy (by path
// kind, then the latest year, then the smallest code), if any is in its
// province; documents are ignored.
func nearest(places []Place, events []Event) []Edge {
	h := newHierarchy(places)
	mechanisms := make(map[string]bool)
	for _, e := range events {
		mechanisms[e.Mechanism] = true
	}
	var out []Edge
	for m := range mechanisms {
		c := newCascade(h, m, events, Options{IgnoreCues: true, IgnoreDocuments: true})
		for i, t := range c.adopters {
			e := Edge{Mechanism: m, SourceKind: SourceSeed, Target: t.place, TargetYear: t.year, Score: 1}
			closest, latest := kNational, 0
			for _, s := range c.adopters[:i] {
				if s.year >= t.year {
					break
				}
				if k := h.kind(s.idx, t.idx); k < closest || (k == closest && k != kNational && s.year > latest) {
					closest, latest = k, s.year
					e.SourceKind, e.Source, e.SourceYear = SourcePlace, s.place, s.year
				}
			}
			out = append(out, e)
		}
	}
	return out
}
