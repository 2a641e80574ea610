package diffusion

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// BenchmarkSyntheticEvaluation runs the synthetic evaluation (simulation,
// fit, inference, oracle, baseline) and reports its figures.
func BenchmarkSyntheticEvaluation(b *testing.B) {
	var ev evaluation
	for b.Loop() {
		ev = evaluate(1)
	}
	b.ReportMetric(ev.inferred.Precision, "P")
	b.ReportMetric(ev.inferred.Recall, "R")
	b.ReportMetric(ev.inferred.F1, "F1")
	b.ReportMetric(ev.ceiling.F1, "ceiling-F1")
	b.ReportMetric(ev.baseline.F1, "baseline-F1")
	b.ReportMetric(ev.inferred.F1/ev.ceiling.F1, "F1/ceiling")
}

// BenchmarkFit fits the weights over all mechanisms of the corpus.
func BenchmarkFit(b *testing.B) {
	places, mechs, p, years := corpus()
	events, _ := Simulate(places, mechs, p, years, 1)
	for b.Loop() {
		Fit(places, events, FitOptions{})
	}
	b.ReportMetric(float64(len(events)), "adoptions")
}

// BenchmarkSpread answers one mechanism's spread with stored weights, as
// the API does: the corpus's largest mechanism, and a middling one.
func BenchmarkSpread(b *testing.B) {
	places, mechs, p, years := corpus()
	events, _ := Simulate(places, mechs, p, years, 1)
	model := NewModel(places, Fit(places, events, FitOptions{}))
	count := make(map[string]int)
	for _, e := range events {
		count[e.Mechanism]++
	}
	largest, middling := mechs[0].Name, mechs[0].Name
	for _, m := range mechs {
		if count[m.Name] > count[largest] {
			largest = m.Name
		}
		if abs(count[m.Name]-75) < abs(count[middling]-75) {
			middling = m.Name
		}
	}
	for _, m := range []string{largest, middling} {
		b.Run(fmt.Sprintf("%d-adopters", count[m]), func(b *testing.B) {
			for b.Loop() {
				model.Spread(m, events, Options{})
			}
		})
	}
}

// BenchmarkSpreadNational is one mechanism adopted by half of a national
// hierarchy of some 3,000 places over ten years.
func BenchmarkSpreadNational(b *testing.B) {
	places := SyntheticPlaces(31, 10, 9)
	rng := rand.New(rand.NewPCG(1, 1))
	var events []Event
	for _, p := range places {
		if rng.IntN(2) == 0 {
			e := Event{Place: p.Code, Mechanism: "m", Year: 2014 + rng.IntN(10)}
			if rng.IntN(10) == 0 {
				e.Cues = []Cue{{Kind: LearnedFrom, Place: places[rng.IntN(len(places))].Code}}
			}
			events = append(events, e)
		}
	}
	model := NewModel(places, DefaultParams())
	for b.Loop() {
		model.Spread("m", events, Options{})
	}
	b.ReportMetric(float64(len(events)), "adopters")
}

// BenchmarkNewModel indexes a national hierarchy.
func BenchmarkNewModel(b *testing.B) {
	places := SyntheticPlaces(31, 10, 9)
	for b.Loop() {
		NewModel(places, DefaultParams())
	}
}

func BenchmarkSimulate(b *testing.B) {
	places, mechs, p, years := corpus()
	for b.Loop() {
		Simulate(places, mechs, p, years, 1)
	}
}

func BenchmarkLeaders(b *testing.B) {
	places, mechs, p, years := corpus()
	events, _ := Simulate(places, mechs, p, years, 1)
	for b.Loop() {
		Leaders(places, events)
	}
}

func BenchmarkCoAdoption(b *testing.B) {
	places, mechs, p, years := corpus()
	events, _ := Simulate(places, mechs, p, years, 1)
	for b.Loop() {
		CoAdoption(events)
	}
}

func abs(n int) int { return max(n, -n) }
