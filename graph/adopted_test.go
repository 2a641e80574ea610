package graph

import (
	"slices"
	"testing"

	"github.com/cayleygraph/quad"
)

// The catalogue holds an adoption the same whatever order its quads are
// applied in: Derive hashes and fits what it holds, and a resumed ingest
// writes the quads of a store in another order than one uninterrupted.
func TestAdoptionOrderIndependent(t *testing.T) {
	id := adoptionID("r.txt", MechanismID("府检联动"))
	label := ReportID("r.txt").IRI()
	quads := []quad.Quad{
		{Subject: id.IRI(), Predicate: PredType, Object: ClassAdoption, Label: label},
		{Subject: id.IRI(), Predicate: PredMechanism, Object: MechanismID("府检联动").IRI(), Label: label},
		{Subject: id.IRI(), Predicate: PredYear, Object: quad.Int(2021), Label: label},
		{Subject: id.IRI(), Predicate: PredCue, Object: quad.String(Cue{Kind: "learned", Place: "330411"}.String()), Label: label},
		{Subject: id.IRI(), Predicate: PredCue, Object: quad.String(Cue{Kind: "awarded", Document: "示范单位"}.String()), Label: label},
		{Subject: id.IRI(), Predicate: PredCue, Object: quad.String(Cue{Kind: "cited", Document: "实施方案", Level: "province"}.String()), Label: ReportID("other.txt").IRI()},
		{Subject: id.IRI(), Predicate: PredEvidence, Object: ID("evidence/r.txt/7").IRI(), Label: label},
		{Subject: id.IRI(), Predicate: PredEvidence, Object: ID("evidence/r.txt/3").IRI(), Label: label},
	}
	var want string
	for i, order := range [][]int{{0, 1, 2, 3, 4, 5, 6, 7}, {7, 6, 5, 4, 3, 2, 1, 0}, {2, 5, 0, 4, 6, 1, 3, 7}} {
		c := newCatalogue()
		for _, j := range order {
			c.apply(quads[j], +1)
		}
		got := dump(c)
		if i == 0 {
			want = got
			i, ok := c.adoptions[id]
			if !ok {
				t.Fatalf("no adoption %s", id)
			}
			if a := c.adoption(i); len(a.cues) != 3 || !slices.IsSorted(a.cues) {
				t.Fatalf("adoption %+v: want three cues, sorted", a)
			}
			continue
		}
		if got != want {
			t.Errorf("quads applied in the order %v:\n%s\nwant, as in the order of the first:\n%s", order, got, want)
		}
	}
}
