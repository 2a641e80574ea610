package diffusion

import (
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
)

// StepsPerYear is the simulator's clock: hazards act quarter by quarter,
// while reports, and so events, only say the year. Adoptions a quarter or
// two apart fall in one year; some of them are transmissions between
// same-year adopters that no yearly model can see without a cue.
const StepsPerYear = 4

// MechanismSpec describes one mechanism for Simulate.
type MechanismSpec struct {
	Name string `json:"name"`
	// Start is the year the origins adopt it.
	Start int `json:"start"`
	// Origins are the codes of the places that invent it; if empty,
	// OriginCount places (default 1) of OriginLevel (any level if empty)
	// are drawn.
	Origins     []string `json:"origins,omitempty"`
	OriginLevel string   `json:"originLevel,omitempty"`
	OriginCount int      `json:"originCount,omitempty"`
	// Documents are the documents that call for it: common causes.
	Documents []DocumentSpec `json:"documents,omitempty"`
	// Attractiveness multiplies every hazard of the mechanism; 0 means 1.
	Attractiveness float64 `json:"attractiveness,omitempty"`
}

// DocumentSpec is a document that calls for a mechanism: from the start of
// Year on, every place in its scope (all places for DocNational, the places
// of Province for DocProvince) feels the hazard Params.Document.
type DocumentSpec struct {
	Title    string `json:"title"`
	Level    string `json:"level"`
	Province string `json:"province,omitempty"`
	Year     int    `json:"year"`
}

// Simulate plants cascades of the given mechanisms over the places, in the
// years years[0] to years[1] inclusive, and returns the adoption events as
// reports would show them, and the true source of each. The model is the
// one inference assumes (see the package doc), run quarter by quarter: a
// place that has not adopted feels, per year, the hazard
//
//	a * (Innovation + Document·[documents in force for it]
//	     + Σ over adopters s: Rate[path(s, place)] · Decay^(whole years since s adopted) · boost(s))
//
// where a is the mechanism's attractiveness and boost(s) is AwardBoost for
// an honoured adopter, 1 otherwise; when it adopts, its source is drawn in
// proportion to the terms. Reports then state cues: a transmitted adoption
// names its source with chance ExplicitShare (PromotedBy when the source is
// its parent or province, else LearnedFrom, or AdoptedBy on the source's
// event); an adopter cites a document in force for it with chance Cite if
// the document caused it, CiteOther if not; an honoured adopter carries an
// Awarded cue. The same seed gives the same result; each mechanism draws
// from its own stream, so adding one does not change the others.
func Simulate(places []Place, mechs []MechanismSpec, p Params, years [2]int, seed uint64) ([]Event, []TruthEdge) {
	h := newHierarchy(places)
	var events []Event
	var truth []TruthEdge
	for _, m := range mechs {
		ev, tr := simulate(h, m, p, years, seed)
		events = append(events, ev...)
		truth = append(truth, tr...)
	}
	slices.SortFunc(events, func(a, b Event) int {
		return cmpEvent(a.Mechanism, a.Year, a.Place, b.Mechanism, b.Year, b.Place)
	})
	slices.SortFunc(truth, func(a, b TruthEdge) int {
		return cmpEvent(a.Mechanism, a.Year, a.Target, b.Mechanism, b.Year, b.Target)
	})
	return events, truth
}

func cmpEvent(m1 string, y1 int, p1 string, m2 string, y2 int, p2 string) int {
	if c := strings.Compare(m1, m2); c != 0 {
		return c
	}
	if y1 != y2 {
		return y1 - y2
	}
	return strings.Compare(p1, p2)
}

// simulated source of an adoption
const (
	fromSeed = -1
	// documents are -2-i
)

func simulate(h *hierarchy, m MechanismSpec, p Params, years [2]int, seed uint64) ([]Event, []TruthEdge) {
	from, to := years[0], years[1]
	if m.Start > to || to < from || len(h.places) == 0 {
		return nil, nil
	}
	hs := fnv.New64a()
	hs.Write([]byte(m.Name))
	rng := rand.New(rand.NewPCG(seed, hs.Sum64()))

	n := len(h.places)
	steps := (to - from + 1) * StepsPerYear
	start := max(0, (m.Start-from)*StepsPerYear)
	attract := m.Attractiveness
	if attract <= 0 {
		attract = 1
	}
	var rate [numKinds]float64
	for k, name := range pathNames() {
		rate[k] = p.Rate[name] * attract
	}
	boost := p.AwardBoost
	if boost <= 0 {
		boost = 1
	}
	decayPow := make([]float64, to-from+2)
	for i := range decayPow {
		decayPow[i] = math.Pow(p.Decay, float64(i))
	}
	docScope := make([]int32, len(m.Documents)) // province id, -1 national
	for i, d := range m.Documents {
		docScope[i] = -1
		if d.Level != DocNational {
			docScope[i] = h.provinceID(d.Province)
			if docScope[i] < 0 {
				docScope[i] = -2 // a province with no places: applies to none
			}
		}
	}
	applies := func(d, t, year int) bool {
		doc := m.Documents[d]
		return doc.Year <= year && (docScope[d] == -1 || docScope[d] == h.province[t])
	}

	at := make([]int, n)
	src := make([]int, n) // place index, fromSeed, or -2-document
	awarded := make([]bool, n)
	for i := range at {
		at[i] = -1
	}
	var adopters []int
	adopt := func(t, q, s int) {
		at[t], src[t] = q, s
		awarded[t] = rng.Float64() < p.AwardShare
		adopters = append(adopters, t)
	}
	for _, o := range origins(h, m, rng) {
		adopt(o, start, fromSeed)
	}

	type term struct {
		source int
		hazard float64
	}
	var terms []term
	type adoption struct{ t, s int }
	var newly []adoption
	for q := start + 1; q < steps; q++ {
		year := from + q/StepsPerYear
		newly = newly[:0]
		for t := range n {
			if at[t] >= 0 {
				continue
			}
			terms = append(terms[:0], term{fromSeed, p.Innovation * attract})
			for d := range m.Documents {
				if applies(d, t, year) {
					terms = append(terms, term{-2 - d, p.Document * attract})
				}
			}
			for _, s := range adopters {
				hz := rate[h.kind(s, t)] * decayPow[(q-at[s])/StepsPerYear]
				if awarded[s] {
					hz *= boost
				}
				terms = append(terms, term{s, hz})
			}
			total := 0.0
			for _, x := range terms {
				total += x.hazard
			}
			if total <= 0 || rng.Float64() >= 1-math.Exp(-total/StepsPerYear) {
				continue
			}
			pick := rng.Float64() * total
			s := terms[len(terms)-1].source
			for _, x := range terms {
				if pick < x.hazard {
					s = x.source
					break
				}
				pick -= x.hazard
			}
			newly = append(newly, adoption{t, s})
		}
		for _, a := range newly {
			adopt(a.t, q, a.s)
		}
	}

	// the reports
	events := make([]Event, n)
	for _, t := range adopters {
		events[t] = Event{Place: h.places[t].Code, Mechanism: m.Name, Year: from + at[t]/StepsPerYear}
	}
	truth := make([]TruthEdge, 0, len(adopters))
	for _, t := range adopters {
		e := &events[t]
		if awarded[t] {
			e.Cues = append(e.Cues, Cue{Kind: Awarded, Document: m.Name + "示范单位", DocLevel: DocProvince})
		}
		tr := TruthEdge{Mechanism: m.Name, Target: e.Place, Year: e.Year, SourceKind: SourceSeed}
		switch s := src[t]; {
		case s >= 0:
			tr.SourceKind, tr.Source = SourcePlace, h.places[s].Code
			if rng.Float64() < p.ExplicitShare {
				switch {
				case h.ancestor(s, t):
					e.Cues = append(e.Cues, Cue{Kind: PromotedBy, Place: tr.Source})
				case rng.Float64() < 0.75:
					e.Cues = append(e.Cues, Cue{Kind: LearnedFrom, Place: tr.Source})
				default:
					events[s].Cues = append(events[s].Cues, Cue{Kind: AdoptedBy, Place: e.Place})
				}
			}
		case s <= -2:
			tr.SourceKind, tr.Source = SourceDocument, m.Documents[-2-s].Title
		}
		for d, doc := range m.Documents {
			if !applies(d, t, e.Year) {
				continue
			}
			share := p.CiteOther
			if src[t] == -2-d {
				share = p.Cite
			}
			if rng.Float64() < share {
				e.Cues = append(e.Cues, Cue{Kind: Cited, Document: doc.Title, DocLevel: doc.Level, Year: doc.Year})
			}
		}
		truth = append(truth, tr)
	}
	out := make([]Event, 0, len(adopters))
	for _, t := range adopters {
		out = append(out, events[t])
	}
	return out, truth
}

// origins resolves a spec's origins to place indices.
func origins(h *hierarchy, m MechanismSpec, rng *rand.Rand) []int {
	var out []int
	if len(m.Origins) > 0 {
		for _, c := range m.Origins {
			if i, ok := h.index[c]; ok && !slices.Contains(out, i) {
				out = append(out, i)
			}
		}
		return out
	}
	var pool []int
	for i, p := range h.places {
		if m.OriginLevel == "" || p.Level == m.OriginLevel {
			pool = append(pool, i)
		}
	}
	count := max(1, m.OriginCount)
	for _, j := range rng.Perm(len(pool)) {
		if len(out) == count {
			break
		}
		out = append(out, pool[j])
	}
	return out
}
