package diffusion

import (
	"math"
	"testing"
)

// Fit recovers the weights the simulator used, in the yearly model's terms.
// Rates are compared as ratios to the parent-child rate: their common scale
// is shared with the mechanisms' attractiveness. Innovation and national
// transmission are not checked: yearly data hardly tell them apart.
func TestFitRecovers(t *testing.T) {
	places, mechs, truthParams, years := corpus()
	events, _ := Simulate(places, mechs, truthParams, years, 1)
	got := Fit(places, events, FitOptions{})
	want := truthParams.Yearly()
	t.Logf("fitted %+v", got)
	t.Logf("true   %+v", want)
	kinds := PathKinds()
	for i := 1; i < len(kinds); i++ {
		if got.Rate[kinds[i-1]] <= got.Rate[kinds[i]] {
			t.Errorf("rate %s %.5f ≤ %s %.5f: the order of paths is lost", kinds[i-1], got.Rate[kinds[i-1]], kinds[i], got.Rate[kinds[i]])
		}
	}
	for _, c := range []struct {
		name      string
		got, want float64
		tolerance float64 // relative
	}{
		{"child-parent/parent-child", got.Rate[PathChildParent] / got.Rate[PathParentChild], want.Rate[PathChildParent] / want.Rate[PathParentChild], 0.3},
		{"siblings/parent-child", got.Rate[PathSiblings] / got.Rate[PathParentChild], want.Rate[PathSiblings] / want.Rate[PathParentChild], 0.3},
		{"document/parent-child", got.Document / got.Rate[PathParentChild], want.Document / want.Rate[PathParentChild], 0.3},
		{"decay", got.Decay, want.Decay, 0.25},
		{"tie", got.Tie, want.Tie, 0.25},
		{"explicit share", got.ExplicitShare, want.ExplicitShare, 0.25},
		{"cite", got.Cite, want.Cite, 0.15},
		{"cite other", got.CiteOther, want.CiteOther, 0.25},
		{"award boost", got.AwardBoost, want.AwardBoost, 0.4},
	} {
		if math.Abs(c.got-c.want) > c.tolerance*c.want {
			t.Errorf("%s: fitted %.4f, true %.4f", c.name, c.got, c.want)
		}
	}
}

// Where the iterations start, and so the prior, hardly matters.
func TestFitStartIndependent(t *testing.T) {
	places, mechs, truthParams, years := corpus()
	events, truth := Simulate(places, mechs, truthParams, years, 4)
	flat := Params{
		Rate:       map[string]float64{PathParentChild: 0.01, PathChildParent: 0.01, PathSiblings: 0.01, PathProvince: 0.01, PathNational: 0.01},
		Decay:      1,
		Tie:        1,
		Innovation: 0.01, Document: 0.01, ExplicitShare: 0.5, Misnamed: 0.1, Cite: 0.5, CiteOther: 0.5, AwardBoost: 1,
	}
	a := Fit(places, events, FitOptions{})
	b := Fit(places, events, FitOptions{Start: flat})
	for _, k := range PathKinds() {
		if r := b.Rate[k] / a.Rate[k]; r < 0.8 || r > 1.25 {
			t.Errorf("rate %s: %.5f from defaults, %.5f from a flat start", k, a.Rate[k], b.Rate[k])
		}
	}
	if math.Abs(a.Decay-b.Decay) > 0.05 || math.Abs(a.Tie-b.Tie) > 0.05 {
		t.Errorf("decay %.3f/%.3f, tie %.3f/%.3f from defaults/flat", a.Decay, b.Decay, a.Tie, b.Tie)
	}
	fa := Evaluate(NewModel(places, a).Infer(events, Options{}).Edges(), truth).F1
	fb := Evaluate(NewModel(places, b).Infer(events, Options{}).Edges(), truth).F1
	if math.Abs(fa-fb) > 0.01 {
		t.Errorf("F1 %.3f from defaults, %.3f from a flat start", fa, fb)
	}
}

func TestFitDegenerate(t *testing.T) {
	for _, c := range []struct {
		name   string
		events []Event
	}{
		{"no events", nil},
		{"one adoption", []Event{ev("110101", 2020)}},
		{"all in one year", []Event{ev("110101", 2020), ev("110102", 2020), ev("120101", 2020)}},
		{"unknown places only", []Event{ev("x", 2019), ev("y", 2020), ev("z", 2021)}},
		{"no places at all", []Event{{Place: "", Mechanism: "m", Year: 2020}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := Fit(testPlaces, c.events, FitOptions{})
			w := p.weights()
			for _, v := range append(w.rate[:], w.decay, w.tie, w.innovation, w.document, w.explicit, w.misnamed, w.cite, w.citeOther, w.awardBoost) {
				if v <= 0 || math.IsNaN(v) || math.IsInf(v, 0) {
					t.Fatalf("weight %v in %+v", v, p)
				}
			}
			checkSpreads(t, Infer(testPlaces, c.events, Options{}))
		})
	}
}

func checkSpreads(t *testing.T, r Result) {
	t.Helper()
	for _, sp := range r.Spreads {
		checkSpread(t, sp)
	}
}

// On a store of a handful of adoptions the cue shares stay near the
// defaults: one report naming its source must not make every named source
// near-certain, nor one silent adopter make naming worthless.
func TestFitSharesOnFewAdoptions(t *testing.T) {
	learned := Cue{Kind: LearnedFrom, Place: "110100"}
	events := []Event{ev("110100", 2019), ev("110101", 2020, learned), ev("110102", 2021, learned), ev("110103", 2021, learned)}
	got := Fit(testPlaces, events, FitOptions{})
	d := DefaultParams()
	// written so that NaN fails too
	if !(math.Abs(got.ExplicitShare-d.ExplicitShare) <= 0.1) {
		t.Errorf("explicit share %.3f on 4 adoptions, all naming their source, want near the default %.2f", got.ExplicitShare, d.ExplicitShare)
	}
	if !(math.Abs(got.Cite-d.Cite) <= 0.05) || !(math.Abs(got.CiteOther-d.CiteOther) <= 0.05) {
		t.Errorf("cite %.3f, cite other %.3f with no document, want near the defaults %.2f, %.2f", got.Cite, got.CiteOther, d.Cite, d.CiteOther)
	}
}
