package diffusion

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// cascade is one mechanism's adoptions prepared for inference and fitting.
type cascade struct {
	mechanism string
	adopters  []adopter // by year, then code
	docs      []document
	first     int // the earliest year
	last      int // the latest year

	// indexes for candidates: each adopter's province (-1 unknown), the
	// adopters of each province in order, and counts of adopters by
	// year (from first) and honour, overall and per province
	prov      []int32
	byProv    map[int32][]int
	count     [][2]int
	provCount map[int32][][2]int
}

type adopter struct {
	place   string
	idx     int // in the hierarchy, -1 unknown
	year    int
	awarded bool
	named   []int    // adopters a cue names as this one's source
	namedAt []string // named places that are not adopters
}

// document is a document the adopters cite: a candidate common cause.
type document struct {
	title     string
	level     string
	year      int            // issued, or first cited
	provinces map[int32]bool // for a provincial one: the citers' provinces
	citers    map[int]bool   // adopter indices
}

// newCascade gathers the events of one mechanism: one adoption per place,
// its earliest year, with the cues of all its events.
func newCascade(h *hierarchy, mechanism string, events []Event, o Options) *cascade {
	c := &cascade{mechanism: mechanism}
	pos := make(map[string]int)
	var cues [][]Cue
	for _, e := range events {
		if e.Mechanism != mechanism || e.Place == "" || (o.LastYear > 0 && e.Year > o.LastYear) {
			continue
		}
		i, ok := pos[e.Place]
		if !ok {
			i = len(c.adopters)
			pos[e.Place] = i
			idx, known := h.index[e.Place]
			if !known {
				idx = -1
			}
			c.adopters = append(c.adopters, adopter{place: e.Place, idx: idx, year: e.Year})
			cues = append(cues, nil)
		}
		c.adopters[i].year = min(c.adopters[i].year, e.Year)
		cues[i] = append(cues[i], e.Cues...)
	}
	if len(c.adopters) == 0 {
		return c
	}
	order := make([]int, len(c.adopters))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		x, y := c.adopters[a], c.adopters[b]
		if x.year != y.year {
			return x.year - y.year
		}
		return strings.Compare(x.place, y.place)
	})
	sorted := make([]adopter, len(order))
	sortedCues := make([][]Cue, len(order))
	for j, i := range order {
		sorted[j] = c.adopters[i]
		sortedCues[j] = cues[i]
		pos[sorted[j].place] = j
	}
	c.adopters, cues = sorted, sortedCues
	for _, cs := range cues { // what a place's reports say, in an order of their own
		slices.SortFunc(cs, compareCues)
	}
	c.first, c.last = c.adopters[0].year, c.adopters[len(c.adopters)-1].year

	docAt := make(map[string]int)
	for i := range c.adopters {
		a := &c.adopters[i]
		for _, q := range cues[i] {
			switch q.Kind {
			case LearnedFrom, PromotedBy:
				if o.IgnoreCues || q.Place == "" || q.Place == a.place {
					continue
				}
				if s, ok := pos[q.Place]; ok {
					if !slices.Contains(a.named, s) {
						a.named = append(a.named, s)
					}
				} else if !slices.Contains(a.namedAt, q.Place) {
					a.namedAt = append(a.namedAt, q.Place)
				}
			case AdoptedBy: // stated by the source, about the adopter q.Place
				t, ok := pos[q.Place]
				if o.IgnoreCues || !ok || t == i {
					continue
				}
				if b := &c.adopters[t]; !slices.Contains(b.named, i) {
					b.named = append(b.named, i)
				}
			case Awarded:
				a.awarded = a.awarded || !o.IgnoreCues
			case Cited:
				if o.IgnoreDocuments || q.Document == "" {
					continue
				}
				d, ok := docAt[q.Document]
				if !ok {
					d = len(c.docs)
					docAt[q.Document] = d
					c.docs = append(c.docs, document{title: q.Document, year: math.MaxInt,
						provinces: make(map[int32]bool), citers: make(map[int]bool)})
				}
				doc := &c.docs[d]
				if doc.level == "" {
					doc.level = q.DocLevel
				}
				if q.Year > 0 {
					doc.year = min(doc.year, q.Year)
				}
				doc.citers[i] = true
				if a.idx >= 0 && h.province[a.idx] >= 0 {
					doc.provinces[h.province[a.idx]] = true
				}
			}
		}
	}
	c.index(h)
	for d := range c.docs {
		if doc := &c.docs[d]; doc.year == math.MaxInt { // undated: first cited
			for i := range doc.citers {
				doc.year = min(doc.year, c.adopters[i].year)
			}
		}
	}
	return c
}

func compareCues(a, b Cue) int {
	return cmp.Or(strings.Compare(string(a.Kind), string(b.Kind)), strings.Compare(a.Place, b.Place),
		strings.Compare(a.Document, b.Document), strings.Compare(a.DocLevel, b.DocLevel), cmp.Compare(a.Year, b.Year))
}

// index fills the indexes candidates uses.
func (c *cascade) index(h *hierarchy) {
	span := c.last - c.first + 1
	c.prov = make([]int32, len(c.adopters))
	c.byProv = make(map[int32][]int)
	c.count = make([][2]int, span)
	c.provCount = make(map[int32][][2]int)
	for i, a := range c.adopters {
		p := int32(-1)
		if a.idx >= 0 {
			p = h.province[a.idx]
		}
		c.prov[i] = p
		j, aw := a.year-c.first, award(a.awarded)
		c.count[j][aw]++
		if p < 0 {
			continue
		}
		c.byProv[p] = append(c.byProv[p], i)
		pc, ok := c.provCount[p]
		if !ok {
			pc = make([][2]int, span)
			c.provCount[p] = pc
		}
		pc[j][aw]++
	}
}

func award(b bool) int {
	if b {
		return 1
	}
	return 0
}

// applies reports whether document d is in force for adopter i in its
// adoption year: a national (or unlabelled) one everywhere, a provincial
// one in the provinces of its citers, any other only for its citers; never
// before its year.
func (c *cascade) applies(h *hierarchy, d, i int) bool {
	doc := &c.docs[d]
	a := &c.adopters[i]
	return doc.year <= a.year && (doc.citers[i] || doc.inScope(h, a.idx))
}

// inScope reports whether the document reaches the place (hierarchy
// index), citers aside.
func (doc *document) inScope(h *hierarchy, idx int) bool {
	switch doc.level {
	case DocNational, "":
		return true
	case DocProvince:
		return idx >= 0 && doc.provinces[h.province[idx]]
	}
	return false
}

// candidate kinds beyond the path kinds
const (
	kDocument = numKinds + iota
	kSeed
)

// candidate is a possible source of one adopter, or a class of them: the
// adopters of one year and honour in other provinces, which weigh the same
// and are many (see members).
type candidate struct {
	kind int // a path kind, kDocument or kSeed
	// lag is the years from source to target: 0 for a same-year adopter
	// (a tie), 1 for a named place that is not an adopter
	lag     int
	src     int    // adopter index, document index, or -1 (seed, class, outside)
	at      string // the code of a named place that is not an adopter
	outside bool   // a named place that is not an adopter
	award   bool
	cue     bool // named by a cue, or a cited document
	count   int  // candidates in the class; 1 for one
}

// candidates calls f with each possible source of adopter i: every other
// adopter of an earlier or the same year (one by one in its province or if
// a cue names it; elsewhere in classes by year and honour), any other
// place a cue names, each document in force for it, and innovation. The
// places of a province must lie in their parents' province.
func (c *cascade) candidates(h *hierarchy, i int, f func(candidate)) {
	t := &c.adopters[i]
	p := c.prov[i]
	if p >= 0 {
		for _, s := range c.byProv[p] {
			a := &c.adopters[s]
			if a.year > t.year {
				break
			}
			if s != i {
				f(candidate{kind: h.kind(a.idx, t.idx), lag: t.year - a.year, src: s, award: a.awarded,
					cue: slices.Contains(t.named, s), count: 1})
			}
		}
	}
	for _, s := range t.named {
		if a := &c.adopters[s]; a.year <= t.year && (p < 0 || c.prov[s] != p) {
			f(candidate{kind: h.kind(a.idx, t.idx), lag: t.year - a.year, src: s, award: a.awarded, cue: true, count: 1})
		}
	}
	for y := c.first; y <= t.year; y++ {
		j := y - c.first
		for aw := range 2 {
			n := c.count[j][aw]
			if p >= 0 {
				n -= c.provCount[p][j][aw]
			} else if y == t.year && award(t.awarded) == aw {
				n-- // itself
			}
			for _, s := range t.named {
				if a := &c.adopters[s]; a.year == y && award(a.awarded) == aw && (p < 0 || c.prov[s] != p) {
					n--
				}
			}
			if n > 0 {
				f(candidate{kind: kNational, lag: t.year - y, src: -1, award: aw == 1, count: n})
			}
		}
	}
	for _, code := range t.namedAt {
		idx, ok := h.index[code]
		if !ok {
			idx = -1
		}
		f(candidate{kind: h.kind(idx, t.idx), lag: 1, src: -1, at: code, outside: true, cue: true, count: 1})
	}
	for d := range c.docs {
		if c.applies(h, d, i) {
			f(candidate{kind: kDocument, src: d, cue: c.docs[d].citers[i], count: 1})
		}
	}
	f(candidate{kind: kSeed, src: -1, count: 1})
}

// members returns up to k adopters of a class candidate of adopter i, in
// adopter order.
func (c *cascade) members(i int, x candidate, k int) []int {
	t := &c.adopters[i]
	p := c.prov[i]
	year := t.year - x.lag
	from, _ := slices.BinarySearchFunc(c.adopters, year, func(a adopter, y int) int { return a.year - y })
	var out []int
	for s := from; s < len(c.adopters) && c.adopters[s].year == year && len(out) < k; s++ {
		a := &c.adopters[s]
		if s == i || a.awarded != x.award || (p >= 0 && c.prov[s] == p) || slices.Contains(t.named, s) {
			continue
		}
		out = append(out, s)
	}
	return out
}

// weigher scores candidates: hazard times the likelihood ratio of the
// cues.
type weigher struct {
	w              weights
	decayPow       []float64
	named, unnamed float64
	cited, uncited float64
	awardBoost     float64
}

// newWeigher prepares the weights; cueWeight, if positive, replaces the
// likelihood ratio of a named place; without cues (ignoreCues) a place
// is neither favoured for being named nor disfavoured for not being.
func newWeigher(w weights, cueWeight float64, ignoreCues bool, years int) *weigher {
	g := &weigher{w: w, awardBoost: w.awardBoost, named: 1, unnamed: 1}
	if !ignoreCues {
		g.named = w.explicit / w.misnamed
		if cueWeight > 0 {
			g.named = cueWeight
		}
		g.unnamed = (1 - w.explicit) / (1 - w.misnamed)
	}
	g.cited = w.cite / w.citeOther
	g.uncited = (1 - w.cite) / (1 - w.citeOther)
	g.decayPow = make([]float64, max(years, 1)+1)
	for i := range g.decayPow {
		g.decayPow[i] = math.Pow(w.decay, float64(i))
	}
	return g
}

func (g *weigher) pow(lag int) float64 {
	if lag < len(g.decayPow) {
		return g.decayPow[lag]
	}
	return math.Pow(g.w.decay, float64(lag))
}

func (g *weigher) weight(c candidate) float64 {
	switch c.kind {
	case kSeed:
		return g.w.innovation
	case kDocument:
		if c.cue {
			return g.w.document * g.cited
		}
		return g.w.document * g.uncited
	}
	v := g.w.rate[c.kind]
	switch {
	case c.lag == 0:
		v *= g.w.tie
	case c.lag > 1:
		v *= g.pow(c.lag - 1)
	}
	if c.award {
		v *= g.awardBoost
	}
	if c.cue {
		return v * g.named
	}
	return v * g.unnamed
}
