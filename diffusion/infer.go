package diffusion

import (
	"cmp"
	"slices"
	"strings"
)

// Options tune inference. The zero value is ready to use: it fits the
// parameters from the events and keeps the best three sources per adopter.
type Options struct {
	// Params are the weights to use; nil fits them from the events (Infer
	// only: a Model has its own).
	Params *Params
	// TopK is how many candidate sources to keep per adopter (default 3).
	TopK int
	// MinScore drops candidates scoring less, except each adopter's best
	// (default 0.05).
	MinScore float64
	// CueWeight, if positive, replaces the likelihood ratio of a place a
	// cue names as the source (by default ExplicitShare/Misnamed).
	CueWeight float64
	// IgnoreCues disregards what reports say about sources and honours
	// (LearnedFrom, PromotedBy, AdoptedBy, Awarded): hazards alone decide.
	IgnoreCues bool
	// IgnoreDocuments disregards cited documents: no common causes, every
	// adoption is put down to another place or to innovation.
	IgnoreDocuments bool
	// LastYear ends the observation; events after it are ignored
	// (default: the latest event's year).
	LastYear int
}

func (o Options) topK() int {
	if o.TopK > 0 {
		return o.TopK
	}
	return 3
}

func (o Options) minScore() float64 {
	if o.MinScore > 0 {
		return o.MinScore
	}
	return 0.05
}

// Adoption is a place's first report of a mechanism.
type Adoption struct {
	Place string `json:"place"`
	Year  int    `json:"year"`
	// Rank is 1 + the number of places that adopted in an earlier year:
	// places adopting in the same year share a rank.
	Rank int `json:"rank"`
	// Tied is the probability that the source was another adopter of the
	// same year that no statement names: the share of the posterior the
	// edges leave out, since reports do not say which came first.
	Tied float64 `json:"tied,omitempty"`
}

// CurvePoint is one year of the cumulative adoption curve.
type CurvePoint struct {
	Year  int `json:"year"`
	New   int `json:"new"`   // places adopting that year
	Total int `json:"total"` // places adopted by the end of that year
}

// Spread is how one mechanism spread: its adoptions in order, the
// cumulative curve, and the inferred diffusion network.
type Spread struct {
	Mechanism string       `json:"mechanism"`
	Adoptions []Adoption   `json:"adoptions"`
	Curve     []CurvePoint `json:"curve"`
	// Edges are, for each adopter in the order of Adoptions, its most
	// likely sources, best first: places, documents, or SourceSeed (an
	// innovation). The scores of one adopter's candidates are posterior
	// probabilities and sum to at most 1 (less the Tied share, and the
	// candidates beyond TopK or below MinScore).
	Edges []Edge `json:"edges"`
}

// Result is the outcome of inference over several mechanisms.
type Result struct {
	Params  Params   `json:"params"`  // the weights used
	Spreads []Spread `json:"spreads"` // by mechanism name
}

// Edges returns the edges of all mechanisms.
func (r Result) Edges() []Edge {
	var out []Edge
	for _, s := range r.Spreads {
		out = append(out, s.Edges...)
	}
	return out
}

// Spread returns the named mechanism's spread, and whether there is one.
func (r Result) Spread(mechanism string) (Spread, bool) {
	i, ok := slices.BinarySearchFunc(r.Spreads, mechanism, func(s Spread, m string) int {
		return strings.Compare(s.Mechanism, m)
	})
	if !ok {
		return Spread{}, false
	}
	return r.Spreads[i], true
}

// Model is the transmission model over a set of places with given weights.
// Build one per stored parameter set and reuse it: it indexes the places
// once, and answers a mechanism's spread in time linear in the number of
// pairs of its adopters. It is safe for concurrent use.
type Model struct {
	h *hierarchy
	p Params
	w weights
}

// NewModel returns the model over the places with the weights p; zero
// fields of p take DefaultParams' values.
func NewModel(places []Place, p Params) *Model {
	w := p.weights()
	return &Model{h: newHierarchy(places), p: w.params(p), w: w}
}

// Params returns the weights the model uses.
func (m *Model) Params() Params { return m.p }

// Infer returns the spread of every mechanism in the events, with the
// weights given in o.Params or, if nil, fitted from the events (see Fit).
func Infer(places []Place, events []Event, o Options) Result {
	var p Params
	if o.Params != nil {
		p = *o.Params
	} else {
		p = Fit(places, events, FitOptions{LastYear: o.LastYear, IgnoreCues: o.IgnoreCues,
			IgnoreDocuments: o.IgnoreDocuments})
	}
	return NewModel(places, p).Infer(events, o)
}

// Infer returns the spread of every mechanism in the events with the
// model's weights (o.Params is not read).
func (m *Model) Infer(events []Event, o Options) Result {
	byMech, names := byMechanism(events)
	r := Result{Params: m.p, Spreads: make([]Spread, 0, len(names))}
	for _, n := range names {
		r.Spreads = append(r.Spreads, m.Spread(n, byMech[n], o))
	}
	return r
}

// Spread returns how one mechanism spread, from events that may include
// other mechanisms' (they are skipped).
func (m *Model) Spread(mechanism string, events []Event, o Options) Spread {
	c := newCascade(m.h, mechanism, events, o)
	sp := Spread{Mechanism: mechanism}
	if len(c.adopters) == 0 {
		return sp
	}
	last := c.last
	if o.LastYear > 0 {
		last = max(last, o.LastYear)
	}
	sp.Adoptions = make([]Adoption, len(c.adopters))
	rank := 1
	for i, a := range c.adopters {
		if i > 0 && a.year != c.adopters[i-1].year {
			rank = i + 1
		}
		sp.Adoptions[i] = Adoption{Place: a.place, Year: a.year, Rank: rank}
	}
	total := 0
	for y, i := c.first, 0; y <= last; y++ {
		p := CurvePoint{Year: y}
		for ; i < len(c.adopters) && c.adopters[i].year == y; i++ {
			p.New++
		}
		total += p.New
		p.Total = total
		sp.Curve = append(sp.Curve, p)
	}

	g := newWeigher(m.w, o.CueWeight, o.IgnoreCues, last-c.first+1)
	k, minScore := o.topK(), o.minScore()
	var cands []candidate
	var ws []float64
	best := make([]int, 0, k)
	sp.Edges = make([]Edge, 0, len(c.adopters)*min(k, 2))
	for i := range c.adopters {
		cands, ws = cands[:0], ws[:0]
		sum := 0.0
		tied := 0.0
		c.candidates(m.h, i, func(x candidate) {
			w := g.weight(x)
			mass := w * float64(x.count)
			sum += mass
			if x.lag == 0 && x.kind < numKinds && !x.cue {
				tied += mass // a tie no statement resolves: no edge
				return
			}
			cands = append(cands, x)
			ws = append(ws, w)
		})
		if sum <= 0 {
			continue
		}
		sp.Adoptions[i].Tied = tied / sum
		// the k best, in order: weight, then the closer kind, the shorter
		// lag, the earlier source
		better := func(a, b int) bool {
			x, y := &cands[a], &cands[b]
			switch {
			case ws[a] != ws[b]:
				return ws[a] > ws[b]
			case x.kind != y.kind:
				return x.kind < y.kind
			case x.lag != y.lag:
				return x.lag < y.lag
			case x.src != y.src:
				return x.src < y.src
			}
			return x.award && !y.award
		}
		best = best[:0]
		for j := range cands {
			at := len(best)
			for at > 0 && better(j, best[at-1]) {
				at--
			}
			if at >= k {
				continue
			}
			if len(best) < k {
				best = append(best, 0)
			}
			copy(best[at+1:], best[at:len(best)-1])
			best[at] = j
		}
		n := 0
	edges:
		for _, j := range best {
			score := ws[j] / sum
			if n > 0 && score < minScore {
				break
			}
			x := cands[j]
			// a class of adopters elsewhere (src < 0, no place named) is
			// spelled out, even of one
			if x.src >= 0 || x.at != "" || x.kind >= numKinds {
				sp.Edges = append(sp.Edges, m.edge(c, i, x, score))
				n++
			} else {
				for _, s := range c.members(i, x, k-n) {
					x.src = s
					sp.Edges = append(sp.Edges, m.edge(c, i, x, score))
					n++
				}
			}
			if n >= k {
				break edges
			}
		}
	}
	return sp
}

func (m *Model) edge(c *cascade, i int, x candidate, score float64) Edge {
	t := &c.adopters[i]
	e := Edge{Mechanism: c.mechanism, Target: t.place, TargetYear: t.year, Score: score, Explicit: x.cue}
	switch x.kind {
	case kSeed:
		e.SourceKind = SourceSeed
	case kDocument:
		d := &c.docs[x.src]
		e.SourceKind, e.Source, e.SourceYear = SourceDocument, d.title, d.year
	default:
		e.SourceKind, e.Path = SourcePlace, pathNames()[x.kind]
		if x.src >= 0 {
			e.Source, e.SourceYear = c.adopters[x.src].place, c.adopters[x.src].year
		} else {
			e.Source = x.at
		}
	}
	return e
}

// byScore orders edges best first, then by source kind and source.
func byScore(a, b Edge) int {
	if c := cmp.Compare(b.Score, a.Score); c != 0 {
		return c
	}
	if c := cmp.Compare(sourceRank(a.SourceKind), sourceRank(b.SourceKind)); c != 0 {
		return c
	}
	return strings.Compare(a.Source, b.Source)
}

func sourceRank(kind string) int {
	switch kind {
	case SourcePlace:
		return 0
	case SourceDocument:
		return 1
	}
	return 2
}

// byMechanism groups events by mechanism and returns the mechanisms in
// order, so that results never depend on the events' order.
func byMechanism(events []Event) (map[string][]Event, []string) {
	byMech := make(map[string][]Event)
	for _, e := range events {
		byMech[e.Mechanism] = append(byMech[e.Mechanism], e)
	}
	names := make([]string, 0, len(byMech))
	for n := range byMech {
		names = append(names, n)
	}
	slices.Sort(names)
	return byMech, names
}
