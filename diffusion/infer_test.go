package diffusion

import (
	"encoding/json"
	"flag"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func ev(place string, year int, cues ...Cue) Event {
	return Event{Place: place, Mechanism: "府检联动", Year: year, Cues: cues}
}

var nationalDoc = Cue{Kind: Cited, Document: "法治政府建设实施纲要", DocLevel: DocNational, Year: 2021}

func TestSpread(t *testing.T) {
	model := NewModel(testPlaces, DefaultParams())
	for _, c := range []struct {
		name   string
		events []Event
		target string
		// the best edge; an empty source kind: the target has no edge
		kind, source, path string
		explicit           bool
		tied               bool // most of the posterior is on same-year adopters
	}{
		{name: "a city passes it to its county",
			events: []Event{ev("110100", 2019), ev("110101", 2020)},
			target: "110101", kind: SourcePlace, source: "110100", path: PathParentChild},
		{name: "the first adopter innovated",
			events: []Event{ev("110100", 2019), ev("110101", 2020)},
			target: "110100", kind: SourceSeed},
		{name: "no edge between same-year adopters",
			events: []Event{ev("110101", 2020), ev("110102", 2020)},
			target: "110102", kind: SourceSeed, tied: true},
		{name: "a statement resolves a tie",
			events: []Event{ev("110101", 2020), ev("110102", 2020, Cue{Kind: LearnedFrom, Place: "110101"})},
			target: "110102", kind: SourcePlace, source: "110101", path: PathSiblings, explicit: true},
		{name: "the parent is likelier than a sibling",
			events: []Event{ev("110100", 2019), ev("110102", 2019), ev("110101", 2020)},
			target: "110101", kind: SourcePlace, source: "110100", path: PathParentChild},
		{name: "a statement picks one of several",
			events: []Event{ev("110100", 2019), ev("110102", 2019), ev("110103", 2020, Cue{Kind: LearnedFrom, Place: "110102"})},
			target: "110103", kind: SourcePlace, source: "110102", path: PathSiblings, explicit: true},
		{name: "promoted by the province",
			events: []Event{ev("110000", 2019), ev("110100", 2019), ev("110201", 2021, Cue{Kind: PromotedBy, Place: "110000"})},
			target: "110201", kind: SourcePlace, source: "110000", path: PathProvince, explicit: true},
		{name: "the source says who adopted it",
			events: []Event{ev("110101", 2019, Cue{Kind: AdoptedBy, Place: "110103"}), ev("110102", 2019), ev("110103", 2020)},
			target: "110103", kind: SourcePlace, source: "110101", path: PathSiblings, explicit: true},
		{name: "an honour makes a model",
			events: []Event{ev("110101", 2019, Cue{Kind: Awarded, Document: "示范单位"}), ev("110102", 2019), ev("110103", 2020)},
			target: "110103", kind: SourcePlace, source: "110101", path: PathSiblings},
		{name: "a cited document is a common cause",
			events: []Event{ev("110101", 2020), ev("110102", 2021, nationalDoc), ev("120101", 2021, nationalDoc)},
			target: "110102", kind: SourceDocument, source: nationalDoc.Document, explicit: true},
		{name: "a document reaches those that do not cite it",
			events: []Event{ev("120101", 2020), ev("110102", 2021, nationalDoc), ev("110201", 2022)},
			target: "110201", kind: SourceDocument, source: nationalDoc.Document},
		{name: "a document is not in force before its year",
			events: []Event{ev("110100", 2019), ev("110101", 2020, nationalDoc)},
			target: "110101", kind: SourcePlace, source: "110100", path: PathParentChild},
		{name: "a far adopter does not outweigh innovation",
			events: []Event{ev("120101", 2019), ev("110101", 2020)},
			target: "110101", kind: SourceSeed},
		{name: "a statement reaches across provinces",
			events: []Event{ev("120101", 2019), ev("110102", 2019), ev("110101", 2020, Cue{Kind: LearnedFrom, Place: "120101"})},
			target: "110101", kind: SourcePlace, source: "120101", path: PathNational, explicit: true},
		{name: "a named place with no report of its own",
			events: []Event{ev("110102", 2019), ev("110101", 2020, Cue{Kind: LearnedFrom, Place: "110100"})},
			target: "110101", kind: SourcePlace, source: "110100", path: PathParentChild, explicit: true},
		{name: "a named later adopter is no source",
			events: []Event{ev("110100", 2019), ev("110101", 2020, Cue{Kind: LearnedFrom, Place: "110102"}), ev("110102", 2021)},
			target: "110101", kind: SourcePlace, source: "110100", path: PathParentChild},
		{name: "an unknown place is a national neighbour",
			events: []Event{ev("990101", 2019), ev("110101", 2020, Cue{Kind: LearnedFrom, Place: "990101"})},
			target: "110101", kind: SourcePlace, source: "990101", path: PathNational, explicit: true},
	} {
		t.Run(c.name, func(t *testing.T) {
			sp := model.Spread("府检联动", c.events, Options{})
			var best *Edge
			for i, e := range sp.Edges {
				if e.Target == c.target {
					best = &sp.Edges[i]
					break
				}
			}
			if best == nil {
				t.Fatalf("no edge to %s in %+v", c.target, sp.Edges)
			}
			if best.SourceKind != c.kind || best.Source != c.source || best.Path != c.path || best.Explicit != c.explicit {
				t.Errorf("best edge %+v, want %s %q path %q explicit %v", *best, c.kind, c.source, c.path, c.explicit)
			}
			for _, a := range sp.Adoptions {
				if a.Place == c.target && (a.Tied > 0.5) != c.tied {
					t.Errorf("tied %.2f, want more than half: %v", a.Tied, c.tied)
				}
			}
		})
	}
}

func TestSpreadOptions(t *testing.T) {
	events := []Event{ev("110100", 2019), ev("110102", 2019), ev("110103", 2019), ev("120101", 2019),
		ev("110101", 2020, Cue{Kind: LearnedFrom, Place: "110103"}), ev("110201", 2021, nationalDoc)}
	model := NewModel(testPlaces, DefaultParams())
	count := func(sp Spread, target string) int {
		n := 0
		for _, e := range sp.Edges {
			if e.Target == target {
				n++
			}
		}
		return n
	}
	best := func(sp Spread, target string) Edge {
		for _, e := range sp.Edges {
			if e.Target == target {
				return e
			}
		}
		return Edge{}
	}
	if n := count(model.Spread("府检联动", events, Options{TopK: 5, MinScore: 1e-9}), "110101"); n != 5 {
		t.Errorf("TopK 5: %d edges", n)
	}
	if n := count(model.Spread("府检联动", events, Options{TopK: 5, MinScore: 0.99}), "110101"); n != 1 {
		t.Errorf("MinScore 0.99: %d edges, want the best alone", n)
	}
	if e := best(model.Spread("府检联动", events, Options{IgnoreCues: true}), "110101"); e.Source != "110100" || e.Explicit {
		t.Errorf("IgnoreCues: best %+v, want the parent", e)
	}
	if e := best(model.Spread("府检联动", events, Options{CueWeight: 1}), "110101"); e.Source != "110100" {
		t.Errorf("CueWeight 1: best %+v, want the parent", e)
	}
	if e := best(model.Spread("府检联动", events, Options{}), "110201"); e.SourceKind != SourceDocument {
		t.Errorf("documents: best %+v", e)
	}
	if e := best(model.Spread("府检联动", events, Options{IgnoreDocuments: true}), "110201"); e.SourceKind != SourcePlace {
		t.Errorf("IgnoreDocuments: best %+v", e)
	}
	sp := model.Spread("府检联动", events, Options{LastYear: 2020})
	if len(sp.Adoptions) != 5 || sp.Curve[len(sp.Curve)-1].Year != 2020 {
		t.Errorf("LastYear 2020: %d adoptions, curve %+v", len(sp.Adoptions), sp.Curve)
	}
}

func TestSpreadCurve(t *testing.T) {
	events := []Event{
		ev("110102", 2021), ev("110101", 2019), ev("110101", 2018), // its earliest counts
		ev("110201", 2021), ev("120101", 2021),
		{Place: "110103", Mechanism: "其他", Year: 2018},
	}
	sp := NewModel(testPlaces, DefaultParams()).Spread("府检联动", events, Options{LastYear: 2022})
	wantAdoptions := []Adoption{{Place: "110101", Year: 2018, Rank: 1}, {Place: "110102", Year: 2021, Rank: 2},
		{Place: "110201", Year: 2021, Rank: 2}, {Place: "120101", Year: 2021, Rank: 2}}
	for i := range sp.Adoptions {
		sp.Adoptions[i].Tied = 0
	}
	if !reflect.DeepEqual(sp.Adoptions, wantAdoptions) {
		t.Errorf("adoptions %+v, want %+v", sp.Adoptions, wantAdoptions)
	}
	wantCurve := []CurvePoint{{2018, 1, 1}, {2019, 0, 1}, {2020, 0, 1}, {2021, 3, 4}, {2022, 0, 4}}
	if !reflect.DeepEqual(sp.Curve, wantCurve) {
		t.Errorf("curve %+v, want %+v", sp.Curve, wantCurve)
	}
	if got := NewModel(testPlaces, DefaultParams()).Spread("none", events, Options{}); len(got.Edges)+len(got.Adoptions)+len(got.Curve) != 0 {
		t.Errorf("a mechanism with no events: %+v", got)
	}
}

// checkSpread checks what holds of every spread: ordered adoptions, scores
// that are probabilities, sources no later than their targets, and no edge
// between same-year adopters but a stated one.
func checkSpread(t *testing.T, sp Spread) {
	t.Helper()
	year := make(map[string]int)
	tied := make(map[string]float64)
	for i, a := range sp.Adoptions {
		year[a.Place] = a.Year
		tied[a.Place] = a.Tied
		if i > 0 {
			prev := sp.Adoptions[i-1]
			if a.Year < prev.Year || (a.Year == prev.Year && (a.Place <= prev.Place || a.Rank != prev.Rank)) ||
				(a.Year > prev.Year && a.Rank != i+1) {
				t.Fatalf("%s: adoptions out of order at %d: %+v", sp.Mechanism, i, sp.Adoptions)
			}
		}
	}
	sum := make(map[string]float64)
	last := make(map[string]float64)
	for _, e := range sp.Edges {
		if e.Score <= 0 || e.Score > 1 || math.IsNaN(e.Score) {
			t.Fatalf("%s: score %v: %+v", sp.Mechanism, e.Score, e)
		}
		if l, ok := last[e.Target]; ok && e.Score > l+1e-12 {
			t.Fatalf("%s: edges of %s not best first", sp.Mechanism, e.Target)
		}
		last[e.Target] = e.Score
		sum[e.Target] += e.Score
		if e.TargetYear != year[e.Target] {
			t.Fatalf("%s: edge %+v: target year, adopted %d", sp.Mechanism, e, year[e.Target])
		}
		if e.SourceKind == SourcePlace {
			if e.Source == "" {
				t.Fatalf("%s: edge %+v from no place", sp.Mechanism, e)
			}
			if y, ok := year[e.Source]; ok && (y > e.TargetYear || (y == e.TargetYear && !e.Explicit)) {
				t.Fatalf("%s: edge %+v from an adopter of %d", sp.Mechanism, e, y)
			}
			if e.Source == e.Target {
				t.Fatalf("%s: a loop %+v", sp.Mechanism, e)
			}
		}
	}
	for p, s := range sum {
		if s+tied[p] > 1+1e-9 {
			t.Fatalf("%s: scores of %s sum to %v, tied %v", sp.Mechanism, p, s, tied[p])
		}
	}
	for p := range year {
		if _, ok := sum[p]; !ok {
			t.Fatalf("%s: %s has no edge", sp.Mechanism, p)
		}
	}
}

func TestSpreadInvariants(t *testing.T) {
	places, mechs, p, years := corpus()
	events, _ := Simulate(places, mechs, p, years, 2)
	r := Infer(places, events, Options{TopK: 5, MinScore: 0.001})
	if len(r.Spreads) != len(mechs) {
		t.Fatalf("%d spreads, want %d", len(r.Spreads), len(mechs))
	}
	for _, sp := range r.Spreads {
		checkSpread(t, sp)
	}
	if _, ok := r.Spread(mechs[3].Name); !ok {
		t.Errorf("Spread(%q) not found", mechs[3].Name)
	}
	if _, ok := r.Spread("无此机制"); ok {
		t.Error("Spread of a mechanism with no events found")
	}
}

// Ties are broken by year and code, never by the order of the input.
func TestSpreadOrderIndependent(t *testing.T) {
	places, mechs, p, years := corpus()
	events, _ := Simulate(places, mechs[:8], p, years, 3)
	params := Fit(places, events, FitOptions{})
	want := NewModel(places, params).Infer(events, Options{})
	shuffled := append([]Event(nil), events...)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	if got := Fit(places, shuffled, FitOptions{}); !reflect.DeepEqual(got, params) {
		t.Errorf("fit depends on input order:\n%+v\n%+v", got, params)
	}
	if got := NewModel(places, params).Infer(shuffled, Options{}); !reflect.DeepEqual(got, want) {
		t.Error("inference depends on input order")
	}
}

// TestSpreadGolden pins the whole answer for a small hand-written history:
// go test ./diffusion -run Golden -update rewrites it.
func TestSpreadGolden(t *testing.T) {
	events := []Event{
		ev("110100", 2019, Cue{Kind: Awarded, Document: "全省法治政府建设示范项目", DocLevel: DocProvince}),
		ev("110101", 2019),
		ev("110102", 2020, Cue{Kind: PromotedBy, Place: "110100"}),
		ev("110103", 2020),
		ev("110200", 2020, Cue{Kind: LearnedFrom, Place: "110100"}),
		ev("110201", 2021, nationalDoc),
		ev("120100", 2021, nationalDoc),
		ev("120101", 2022),
		ev("110000", 2022, Cue{Kind: AdoptedBy, Place: "120000"}),
		ev("120000", 2022),
	}
	sp := NewModel(testPlaces, DefaultParams()).Spread("府检联动", events, Options{})
	checkSpread(t, sp)
	got, err := json.MarshalIndent(sp, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "spread.golden.json")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading %s (run with -update to create it): %v", path, err)
	}
	if string(got) != string(want) {
		t.Errorf("spread differs from %s (run with -update if intended):\n%s", path, got)
	}
}

// A Model answers concurrent requests (run with -race).
func TestModelConcurrent(t *testing.T) {
	places, mechs, p, years := corpus()
	events, _ := Simulate(places, mechs[:6], p, years, 5)
	model := NewModel(places, DefaultParams())
	want := model.Infer(events, Options{})
	got := make([]Spread, len(want.Spreads))
	done := make(chan int)
	for i, sp := range want.Spreads {
		go func() {
			got[i] = model.Spread(sp.Mechanism, events, Options{})
			done <- i
		}()
	}
	for range want.Spreads {
		<-done
	}
	if !reflect.DeepEqual(got, want.Spreads) {
		t.Error("concurrent spreads differ from sequential ones")
	}
}
