package diffusion

import (
	"reflect"
	"testing"
)

func TestSimulateReproducible(t *testing.T) {
	places, mechs, p, years := corpus()
	e1, t1 := Simulate(places, mechs, p, years, 7)
	e2, t2 := Simulate(places, mechs, p, years, 7)
	if !reflect.DeepEqual(e1, e2) || !reflect.DeepEqual(t1, t2) {
		t.Fatal("the same seed gave different cascades")
	}
	e3, _ := Simulate(places, mechs, p, years, 8)
	if reflect.DeepEqual(e1, e3) {
		t.Fatal("different seeds gave the same cascades")
	}
	// each mechanism draws from its own stream
	e4, t4 := Simulate(places, mechs[:5], p, years, 7)
	n := 0
	for _, e := range e1 {
		if e.Mechanism <= mechs[4].Name {
			n++
		}
	}
	if !reflect.DeepEqual(e4, e1[:n]) || !reflect.DeepEqual(t4, t1[:n]) {
		t.Fatal("dropping mechanisms changed the others' cascades")
	}
}

func TestSimulateConsistent(t *testing.T) {
	places, mechs, p, years := corpus()
	events, truth := Simulate(places, mechs, p, years, 1)
	if len(events) != len(truth) {
		t.Fatalf("%d events, %d truth edges", len(events), len(truth))
	}
	h := newHierarchy(places)
	year := make(map[key]int)
	for _, e := range events {
		k := key{e.Mechanism, e.Place}
		if _, dup := year[k]; dup {
			t.Fatalf("%v adopted twice", k)
		}
		year[k] = e.Year
		if e.Year < years[0] || e.Year > years[1] {
			t.Errorf("%v: year %d out of range", k, e.Year)
		}
	}
	docs := make(map[string]map[string]bool) // mechanism → titles
	for _, m := range mechs {
		docs[m.Name] = make(map[string]bool)
		for _, d := range m.Documents {
			docs[m.Name][d.Title] = true
		}
	}
	source := make(map[key]TruthEdge)
	kinds := make(map[string]int)
	for i, tr := range truth {
		e := events[i]
		if e.Mechanism != tr.Mechanism || e.Place != tr.Target || e.Year != tr.Year {
			t.Fatalf("truth %d %+v does not match event %+v", i, tr, e)
		}
		source[key{tr.Mechanism, tr.Target}] = tr
		kinds[tr.SourceKind]++
		switch tr.SourceKind {
		case SourcePlace:
			y, ok := year[key{tr.Mechanism, tr.Source}]
			if !ok || y > tr.Year {
				t.Errorf("%+v: source adopted in %d (%v)", tr, y, ok)
			}
		case SourceDocument:
			if !docs[tr.Mechanism][tr.Source] {
				t.Errorf("%+v: no such document", tr)
			}
		case SourceSeed:
		default:
			t.Errorf("%+v: unknown source kind", tr)
		}
	}
	for _, k := range []string{SourcePlace, SourceDocument, SourceSeed} {
		if kinds[k] == 0 {
			t.Errorf("no adoption has a source of kind %s: %v", k, kinds)
		}
	}
	// cues tell the truth when they speak
	cues := make(map[CueKind]int)
	for _, e := range events {
		for _, c := range e.Cues {
			cues[c.Kind]++
			switch c.Kind {
			case LearnedFrom, PromotedBy:
				if tr := source[key{e.Mechanism, e.Place}]; tr.Source != c.Place {
					t.Errorf("%s %s: cue %+v, true source %+v", e.Mechanism, e.Place, c, tr)
				}
				if c.Kind == PromotedBy && !h.ancestor(h.index[c.Place], h.index[e.Place]) {
					t.Errorf("%s %s: promoted by %s, not an ancestor", e.Mechanism, e.Place, c.Place)
				}
			case AdoptedBy:
				if tr := source[key{e.Mechanism, c.Place}]; tr.Source != e.Place {
					t.Errorf("%s: %s says %s adopted it from there; true source %+v", e.Mechanism, e.Place, c.Place, tr)
				}
			case Cited:
				if !docs[e.Mechanism][c.Document] {
					t.Errorf("%s %s cites %q, which does not call for it", e.Mechanism, e.Place, c.Document)
				}
			}
		}
	}
	for _, k := range []CueKind{LearnedFrom, PromotedBy, AdoptedBy, Cited, Awarded} {
		if cues[k] == 0 {
			t.Errorf("no cue of kind %s: %v", k, cues)
		}
	}
}

func TestSimulateOrigins(t *testing.T) {
	mechs := []MechanismSpec{
		{Name: "given", Start: 2019, Origins: []string{"110101", "120101", "nowhere"}},
		{Name: "drawn", Start: 2020, OriginLevel: LevelCity, OriginCount: 2},
		{Name: "too late", Start: 2030},
	}
	p := Params{} // no hazard: origins only
	events, truth := Simulate(testPlaces, mechs, p, [2]int{2019, 2022}, 1)
	var got []string
	levels := make(map[string]string)
	for _, pl := range testPlaces {
		levels[pl.Code] = pl.Level
	}
	for i, e := range events {
		if truth[i].SourceKind != SourceSeed {
			t.Errorf("%+v: not a seed", truth[i])
		}
		got = append(got, e.Mechanism+"@"+e.Place)
		if e.Mechanism == "drawn" && (levels[e.Place] != LevelCity || e.Year != 2020) {
			t.Errorf("drawn origin %+v", e)
		}
		if e.Mechanism == "given" && e.Year != 2019 {
			t.Errorf("given origin %+v", e)
		}
	}
	if len(got) != 4 || got[2] != "given@110101" || got[3] != "given@120101" {
		t.Errorf("adoptions %v, want two drawn cities and the two given counties", got)
	}
}
