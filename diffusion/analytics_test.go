package diffusion

import (
	"math"
	"reflect"
	"testing"
)

func TestLeaders(t *testing.T) {
	places := []Place{{Code: "a"}, {Code: "b"}, {Code: "c"}, {Code: "d"}, {Code: "e"}}
	events := []Event{
		{Place: "a", Mechanism: "m", Year: 2019},
		{Place: "b", Mechanism: "m", Year: 2019},
		{Place: "c", Mechanism: "m", Year: 2021},
		{Place: "c", Mechanism: "m", Year: 2020}, // its earliest counts
		{Place: "c", Mechanism: "n", Year: 2020},
		{Place: "a", Mechanism: "n", Year: 2021},
		{Place: "f", Mechanism: "n", Year: 2022}, // not among the places: counted all the same
	}
	// 6 places. m: a, b 2019; c 2020; d, e, f never.
	//   a: (4 later + 1/2 tie)/5 = 0.9, b the same, c: 3/5 = 0.6
	// n: c 2020; a 2021; f 2022; b, d, e never.
	//   c: 5/5 = 1, a: 4/5 = 0.8, f: 3/5 = 0.6
	want := []Leader{
		{Place: "a", Score: (0.9 + 0.8) / 2, Adopted: 2, First: 1, Lag: 0.5},
		{Place: "c", Score: (0.6 + 1) / 2, Adopted: 2, First: 1, Lag: 0.5},
		{Place: "b", Score: 0.9 / 2, Adopted: 1, First: 1},
		{Place: "f", Score: 0.6 / 2, Adopted: 1, Lag: 2},
		{Place: "d"},
		{Place: "e"},
	}
	got := Leaders(places, events)
	if len(got) != len(want) {
		t.Fatalf("got %d leaders, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Place != w.Place || math.Abs(g.Score-w.Score) > 1e-9 || g.Adopted != w.Adopted || g.First != w.First || math.Abs(g.Lag-w.Lag) > 1e-9 {
			t.Errorf("leader %d: got %+v, want %+v", i, g, w)
		}
	}
}

// On simulated cascades, the places that invent mechanisms lead.
func TestLeadersFindOrigins(t *testing.T) {
	places := SyntheticPlaces(3, 4, 6)
	var mechs []MechanismSpec
	for i := range 12 {
		mechs = append(mechs, MechanismSpec{Name: string(rune('A' + i)), Start: 2018 + i%2, Origins: []string{"110101", "120201"}})
	}
	events, _ := Simulate(places, mechs, DefaultParams(), [2]int{2018, 2023}, 5)
	leaders := Leaders(places, events)
	top := map[string]bool{leaders[0].Place: true, leaders[1].Place: true}
	if !top["110101"] || !top["120201"] {
		t.Errorf("leaders %+v, want the two origins first", leaders[:3])
	}
	if last := leaders[len(leaders)-1]; last.Score >= leaders[0].Score/2 {
		t.Errorf("last %+v close to first %+v", last, leaders[0])
	}
}

func TestCoAdoption(t *testing.T) {
	events := []Event{
		{Place: "a", Mechanism: "x", Year: 2019}, {Place: "a", Mechanism: "y", Year: 2020},
		{Place: "b", Mechanism: "x", Year: 2020}, {Place: "b", Mechanism: "y", Year: 2020},
		{Place: "c", Mechanism: "x", Year: 2021}, {Place: "c", Mechanism: "y", Year: 2019}, {Place: "c", Mechanism: "z", Year: 2019},
		{Place: "d", Mechanism: "z", Year: 2020},
		{Place: "e", Mechanism: "y", Year: 2022},
	}
	// 5 places; x: a b c; y: a b c e; z: c d
	want := []Pair{
		{A: "x", B: "y", CountA: 3, CountB: 4, Both: 3, Places: 5, Lift: 3 * 5 / 12.0, Jaccard: 3 / 4.0, AFirst: 1, BFirst: 1, SameYear: 1},
		{A: "x", B: "z", CountA: 3, CountB: 2, Both: 1, Places: 5, Lift: 5 / 6.0, Jaccard: 1 / 4.0, BFirst: 1},
		{A: "y", B: "z", CountA: 4, CountB: 2, Both: 1, Places: 5, Lift: 5 / 8.0, Jaccard: 1 / 5.0, SameYear: 1},
	}
	got := CoAdoption(events)
	if len(got) != len(want) {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	for i := range want {
		g, w := got[i], want[i]
		if math.Abs(g.Lift-w.Lift) > 1e-9 || math.Abs(g.Jaccard-w.Jaccard) > 1e-9 {
			t.Errorf("pair %d: got %+v, want %+v", i, g, w)
		}
		g.Lift, g.Jaccard, w.Lift, w.Jaccard = 0, 0, 0, 0
		if g != w {
			t.Errorf("pair %d: got %+v, want %+v", i, g, w)
		}
	}
	if got := CoAdoption([]Event{{Place: "a", Mechanism: "x", Year: 2019}, {Place: "b", Mechanism: "y", Year: 2019}}); len(got) != 0 {
		t.Errorf("pairs with no place in common: %+v", got)
	}
}

func TestRollUp(t *testing.T) {
	learned := Cue{Kind: LearnedFrom, Place: "b"}
	events := []Event{
		{Place: "a", Mechanism: "三三制府检联动", Year: 2021, Cues: []Cue{learned}},
		{Place: "a", Mechanism: "府检联动", Year: 2022, Cues: []Cue{learned, nationalDoc}},
		{Place: "b", Mechanism: "府检联席会议", Year: 2020},
		{Place: "b", Mechanism: "枫桥经验", Year: 2018},
	}
	family := map[string]string{"三三制府检联动": "府检联动", "府检联席会议": "府检联动"}
	want := []Event{
		{Place: "b", Mechanism: "府检联动", Year: 2020},
		{Place: "a", Mechanism: "府检联动", Year: 2021, Cues: []Cue{learned, nationalDoc}},
		{Place: "b", Mechanism: "枫桥经验", Year: 2018},
	}
	if got := RollUp(events, family); !reflect.DeepEqual(got, want) {
		t.Errorf("RollUp:\n got %+v\nwant %+v", got, want)
	}
}
