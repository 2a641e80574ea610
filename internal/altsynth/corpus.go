package altsynth

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/fazhikg/fazhikg/diffusion"
	"github.com/fazhikg/fazhikg/extract/gazetteer"
)

// corpus is what every report draws on: the places, the mechanisms and
// the planted adoptions. It is read-only once plan returns.
type corpus struct {
	o      Options
	last   int // last year covered
	places []*place
	byCode map[string]*place
	mechs  []*mech
	// events and edges are the truth within the years covered.
	events []diffusion.Event
	edges  []diffusion.TruthEdge
	// adopted gives, per place and mechanism, the year of adoption, the
	// year after the last included (for plans).
	adopted map[string][]int
	// news are the events of each report: place and year.
	news map[key][]*diffusion.Event
	// takenUp are, per source report, the places whose uptake it tells
	// (AdoptedBy cues), by mechanism.
	takenUp map[key][]uptake
	// first is each mechanism's first adoption year.
	first []int
}

type key struct {
	code string
	year int
}

type uptake struct {
	mech   int
	target string
}

// mech is a mechanism of the corpus.
type mech struct {
	e       *entry
	idx     int
	start   int
	appeal  float64
	origins []string
	doc     *plantedDoc
}

// plantedDoc is a document calling for a mechanism.
type plantedDoc struct {
	title, level, issuer, province string
	year                           int
}

// plan draws the places and mechanisms and plants the cascades.
func plan(o Options) (*corpus, error) {
	rng := rand.New(rand.NewPCG(uint64(o.Seed), 0x616c7473796e7468))
	g := gazetteer.Default()
	c := &corpus{o: o, last: o.From + o.Years - 1, byCode: make(map[string]*place)}
	c.places = choosePlaces(g, o.Places, rng)
	if len(c.places) < o.Places {
		return nil, fmt.Errorf("altsynth.Generate: %w: %d places asked, the provinces drawn from hold %d", ErrOptions, o.Places, len(c.places))
	}
	for _, p := range c.places {
		c.byCode[p.code] = p
	}
	c.chooseMechanisms(rng)

	specs := make([]diffusion.MechanismSpec, len(c.mechs))
	for i, m := range c.mechs {
		specs[i] = diffusion.MechanismSpec{Name: m.e.name, Start: m.start, Origins: m.origins, Attractiveness: m.appeal}
		if d := m.doc; d != nil {
			specs[i].Documents = []diffusion.DocumentSpec{{Title: d.title, Level: d.level, Province: d.province, Year: d.year}}
		}
	}
	dplaces := make([]diffusion.Place, len(c.places))
	for i, p := range c.places {
		dplaces[i] = p.diffusionPlace()
	}
	// One year more than covered: who adopts then is who plans to.
	events, edges := diffusion.Simulate(dplaces, specs, *o.Params, [2]int{o.From, c.last + 1}, uint64(o.Seed))
	c.index(events, edges)
	return c, nil
}

// chooseMechanisms takes about two thirds well-known mechanisms and a
// third invented ones, gives each a start, an appeal, origins and maybe a
// document.
func (c *corpus) chooseMechanisms(rng *rand.Rand) {
	n := c.o.Mechanisms
	nInv := min(n/3, len(invented))
	nKnown := n - nInv
	if nKnown > len(known) {
		nKnown, nInv = len(known), n-len(known)
	}
	kn := rng.Perm(len(known))[:nKnown]
	inv := rng.Perm(len(invented))[:nInv]
	var provinces []string
	for _, p := range c.places {
		if !slices.Contains(provinces, p.province) {
			provinces = append(provinces, p.province)
		}
	}
	var counties []*place
	for _, p := range c.places {
		if p.level == "county" || p.level == "zone" {
			counties = append(counties, p)
		}
	}
	if len(counties) == 0 {
		counties = c.places
	}
	span := func(k int) int { return c.o.From + rng.IntN(min(k, c.o.Years)) }
	for _, i := range kn {
		m := &mech{e: &known[i], start: span(3), appeal: 0.6 + 1.4*rng.Float64()}
		for range 1 + rng.IntN(2) {
			o := c.places[rng.IntN(len(c.places))].code
			if !slices.Contains(m.origins, o) {
				m.origins = append(m.origins, o)
			}
		}
		if d := m.e.doc; d != nil && rng.Float64() < 0.6 {
			pd := &plantedDoc{title: d.title, issuer: d.issuer, year: d.year, level: diffusion.DocNational}
			if !d.national {
				pd.level = diffusion.DocProvince
				pd.province = provinces[rng.IntN(len(provinces))]
				pd.title = strings.ReplaceAll(pd.title, "{p}", c.byCode[pd.province].name)
				pd.year = m.start + rng.IntN(2)
			}
			if pd.year == 0 {
				pd.year = m.start
			}
			m.doc = pd
		}
		c.mechs = append(c.mechs, m)
	}
	for _, i := range inv {
		m := &mech{e: &invented[i], start: span(4), appeal: 0.4 + 0.9*rng.Float64()}
		m.origins = []string{counties[rng.IntN(len(counties))].code}
		c.mechs = append(c.mechs, m)
	}
	for i, m := range c.mechs {
		m.idx = i
	}
}

// index keeps the events of the years covered, settles the honours and
// indexes the adoptions by report.
func (c *corpus) index(events []diffusion.Event, edges []diffusion.TruthEdge) {
	byName := make(map[string]int, len(c.mechs))
	for i, m := range c.mechs {
		byName[m.e.name] = i
	}
	c.adopted = make(map[string][]int, len(c.places))
	for _, p := range c.places {
		c.adopted[p.code] = make([]int, len(c.mechs))
	}
	c.first = make([]int, len(c.mechs))
	for _, e := range events {
		mi := byName[e.Mechanism]
		c.adopted[e.Place][mi] = e.Year
		if e.Year <= c.last && (c.first[mi] == 0 || e.Year < c.first[mi]) {
			c.first[mi] = e.Year
		}
	}
	for _, e := range events {
		if e.Year > c.last {
			continue
		}
		mi := byName[e.Mechanism]
		cues := e.Cues[:0:0]
		for _, cue := range e.Cues {
			switch cue.Kind {
			case diffusion.AdoptedBy:
				if c.adopted[cue.Place][mi] > c.last {
					continue // the uptake falls after the last report
				}
			case diffusion.Awarded:
				cue.Document, cue.DocLevel = c.honour(e.Place, mi)
			}
			cues = append(cues, cue)
		}
		e.Cues = cues
		c.events = append(c.events, e)
	}
	for _, t := range edges {
		if t.Year <= c.last {
			c.edges = append(c.edges, t)
		}
	}
	c.news = make(map[key][]*diffusion.Event)
	c.takenUp = make(map[key][]uptake)
	for i := range c.events {
		e := &c.events[i]
		c.news[key{e.Place, e.Year}] = append(c.news[key{e.Place, e.Year}], e)
		for _, cue := range e.Cues {
			if cue.Kind == diffusion.AdoptedBy {
				mi := byName[e.Mechanism]
				k := key{e.Place, c.adopted[cue.Place][mi]}
				c.takenUp[k] = append(c.takenUp[k], uptake{mech: mi, target: cue.Place})
			}
		}
	}
}

// honours a place may get for a mechanism: the name ({b} the mechanism's
// bare name, {cu} the city's) and the level.
var honours = []struct{ name, level string }{
	{"全国{b}典型案例", diffusion.DocNational},
	{"全国法治政府建设示范项目", diffusion.DocNational},
	{"全省法治政府建设最佳实践", diffusion.DocProvince},
	{"全省法治建设创新案例", diffusion.DocProvince},
	{"省级{b}工作示范单位", diffusion.DocProvince},
	{"全省{b}工作先进集体", diffusion.DocProvince},
	{"{cu}社会治理创新成果", "city"},
}

// honour draws the honour a place gets for a mechanism.
func (c *corpus) honour(code string, mi int) (name, level string) {
	rng := c.stream("honour", code, mi)
	p := c.byCode[code]
	for {
		h := honours[rng.IntN(len(honours))]
		if strings.Contains(h.name, "{cu}") && p.city == "" {
			continue
		}
		name = strings.ReplaceAll(h.name, "{b}", c.mechs[mi].e.bareName())
		return strings.ReplaceAll(name, "{cu}", p.city), h.level
	}
}

// stream returns a random stream of its own for what the parts name.
func (c *corpus) stream(parts ...any) *rand.Rand {
	h := fnv.New64a()
	fmt.Fprint(h, parts...)
	return rand.New(rand.NewPCG(uint64(c.o.Seed), h.Sum64()))
}

// bareName is the name written inside a title or an honour.
func (e *entry) bareName() string {
	if e.bare != "" {
		return e.bare
	}
	return "“" + e.core + "”"
}
