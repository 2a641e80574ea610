package diffusion

import (
	"math"
	"testing"
)

func TestEvaluate(t *testing.T) {
	truth := []TruthEdge{
		{Mechanism: "m", Target: "a", Year: 2019, SourceKind: SourceSeed},
		{Mechanism: "m", Target: "b", Year: 2020, SourceKind: SourcePlace, Source: "a"},
		{Mechanism: "m", Target: "c", Year: 2020, SourceKind: SourcePlace, Source: "a"},
		{Mechanism: "m", Target: "d", Year: 2021, SourceKind: SourceDocument, Source: "纲要"},
		{Mechanism: "n", Target: "a", Year: 2021, SourceKind: SourcePlace, Source: "b"},
	}
	edge := func(mech, target, kind, source string, score float64) Edge {
		return Edge{Mechanism: mech, Target: target, SourceKind: kind, Source: source, Score: score}
	}
	for _, c := range []struct {
		name      string
		predicted []Edge
		want      Scores
	}{
		{name: "nothing predicted: every adoption a seed", want: Scores{
			Score:    Score{Actual: 4},
			Place:    Score{Actual: 3},
			Document: Score{Actual: 1},
			Accuracy: 0.2, Adoptions: 5}},
		{name: "all right", predicted: []Edge{
			edge("m", "a", SourceSeed, "", 1),
			edge("m", "b", SourcePlace, "a", 0.6), edge("m", "b", SourcePlace, "c", 0.3),
			edge("m", "c", SourcePlace, "a", 0.9),
			edge("m", "d", SourceDocument, "纲要", 0.7),
			edge("n", "a", SourcePlace, "b", 0.5),
		}, want: Scores{
			Score:    Score{Correct: 4, Predicted: 4, Actual: 4, Precision: 1, Recall: 1, F1: 1},
			Place:    Score{Correct: 3, Predicted: 3, Actual: 3, Precision: 1, Recall: 1, F1: 1},
			Document: Score{Correct: 1, Predicted: 1, Actual: 1, Precision: 1, Recall: 1, F1: 1},
			Accuracy: 1, CandidateRecall: 1, Adoptions: 5}},
		{name: "the best counts, the others only for candidate recall", predicted: []Edge{
			edge("m", "b", SourcePlace, "c", 0.6), edge("m", "b", SourcePlace, "a", 0.3),
			edge("m", "c", SourceSeed, "", 0.5), edge("m", "c", SourcePlace, "a", 0.4),
		}, want: Scores{
			Score:    Score{Predicted: 1, Actual: 4},
			Place:    Score{Predicted: 1, Actual: 3},
			Document: Score{Actual: 1},
			Accuracy: 0.2, CandidateRecall: 0.5, Adoptions: 5}},
		{name: "a link predicted for a seed, a document for a place", predicted: []Edge{
			edge("m", "a", SourcePlace, "x", 0.8),
			edge("m", "b", SourceDocument, "纲要", 0.8),
			edge("m", "d", SourceDocument, "纲要", 0.8),
		}, want: Scores{
			Score:    Score{Correct: 1, Predicted: 3, Actual: 4, Precision: 1.0 / 3, Recall: 0.25, F1: 2.0 / 7},
			Place:    Score{Predicted: 1, Actual: 3},
			Document: Score{Correct: 1, Predicted: 2, Actual: 1, Precision: 0.5, Recall: 1, F1: 2.0 / 3},
			Accuracy: 0.2, CandidateRecall: 0.25, Adoptions: 5}},
		{name: "a prediction for an adoption the truth lacks", predicted: []Edge{
			edge("m", "z", SourcePlace, "a", 0.9),
			edge("m", "y", SourceSeed, "", 0.9),
		}, want: Scores{
			Score:    Score{Predicted: 1, Actual: 4},
			Place:    Score{Predicted: 1, Actual: 3},
			Document: Score{Actual: 1},
			Accuracy: 0.2, Adoptions: 5}},
		{name: "equal scores: a place before a seed", predicted: []Edge{
			edge("m", "b", SourceSeed, "", 0.5), edge("m", "b", SourcePlace, "a", 0.5),
		}, want: Scores{
			Score:    Score{Correct: 1, Predicted: 1, Actual: 4, Precision: 1, Recall: 0.25, F1: 0.4},
			Place:    Score{Correct: 1, Predicted: 1, Actual: 3, Precision: 1, Recall: 1.0 / 3, F1: 0.5},
			Document: Score{Actual: 1},
			Accuracy: 0.4, CandidateRecall: 0.25, Adoptions: 5}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Evaluate(c.predicted, truth)
			if !closeScores(got, c.want) {
				t.Errorf("Evaluate:\n got %+v\nwant %+v", got, c.want)
			}
		})
	}
}

func closeScores(a, b Scores) bool {
	near := func(x, y float64) bool { return math.Abs(x-y) < 1e-9 }
	same := func(x, y Score) bool {
		return x.Correct == y.Correct && x.Predicted == y.Predicted && x.Actual == y.Actual &&
			near(x.Precision, y.Precision) && near(x.Recall, y.Recall) && near(x.F1, y.F1)
	}
	return same(a.Score, b.Score) && same(a.Place, b.Place) && same(a.Document, b.Document) &&
		near(a.Accuracy, b.Accuracy) && near(a.CandidateRecall, b.CandidateRecall) && a.Adoptions == b.Adoptions
}

func TestBaseline(t *testing.T) {
	events := []Event{ev("110102", 2019), ev("110101", 2019), ev("120101", 2018), ev("110103", 2020), ev("110201", 2019), ev("110200", 2019)}
	got := make(map[string]string)
	for _, e := range Baseline(testPlaces, events) {
		got[e.Target] = e.SourceKind + ":" + e.Source
	}
	want := map[string]string{
		"120101": "seed:", "110101": "seed:", "110102": "seed:", "110200": "seed:", "110201": "seed:",
		"110103": "place:110101", // the earliest of the province's 2019 adopters, by code
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("baseline source of %s: %s, want %s", k, got[k], v)
		}
	}
}
