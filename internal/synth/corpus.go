package synth

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"

	"github.com/fazhikg/fazhikg/diffusion"
	"github.com/fazhikg/fazhikg/extract/gazetteer"
	"github.com/longbridgeapp/opencc"
)

// corpus is everything decided before the reports are rendered: places,
// mechanisms, the planted cascades and, per place, what it adopted. It is
// read-only while reports render in parallel.
type corpus struct {
	o      Options
	seed   uint64
	places []*place
	byCode map[string]*place
	mechs  []*mechanism
	byName map[string]*mechanism

	events []diffusion.Event
	truth  []diffusion.TruthEdge
	// adopted lists, per place index, its adoptions by year.
	adopted [][]adoption
	// adopters lists, per mechanism, its adoptions by year.
	adopters map[*mechanism][]adoption
	// told holds what a report says about other places taking up its
	// mechanisms, by place index and year.
	told map[tellKey][]telling
}

// The converters to traditional characters, OpenCC's standard forms and
// Taiwan's, loaded on first use; they are read-only and safe for
// concurrent use.
var (
	s2t  = sync.OnceValues(func() (*opencc.OpenCC, error) { return opencc.New("s2t") })
	s2tw = sync.OnceValues(func() (*opencc.OpenCC, error) { return opencc.New("s2tw") })
)

// adoption is a planted adoption event with its true source.
type adoption struct {
	p      *place
	m      *mechanism
	year   int
	cues   []diffusion.Cue
	source diffusion.TruthEdge
}

type tellKey struct {
	place, year int
}

// telling is a statement of a source about others taking up its mechanism.
type telling struct {
	m         *mechanism
	promoting bool // in promoting it (在全市推广), rather than being learned from
	others    []*place
}

// newCorpus draws the places and mechanisms, plants the cascades and
// indexes them.
func newCorpus(o Options) (*corpus, error) {
	c := &corpus{o: o, seed: uint64(o.Seed)}
	r := rand.New(rand.NewPCG(c.seed, 0x73796e7468))
	places, err := choosePlaces(gazetteer.Default(), o.Places, r)
	if err != nil {
		return nil, err
	}
	c.places = places
	c.byCode = make(map[string]*place, len(places))
	var provinces []*place
	for _, p := range places {
		c.byCode[p.code] = p
		if p.level == "province" {
			provinces = append(provinces, p)
		}
	}
	c.mechs = chooseMechanisms(o.Mechanisms, o.From, o.Years, provinces, r)
	c.byName = make(map[string]*mechanism, len(c.mechs))
	for _, m := range c.mechs {
		c.byName[m.name] = m
	}

	dplaces := make([]diffusion.Place, len(places))
	for i, p := range places {
		dplaces[i] = p.diffusionPlace()
	}
	specs := make([]diffusion.MechanismSpec, len(c.mechs))
	for i, m := range c.mechs {
		specs[i] = c.spec(m, r)
	}
	c.events, c.truth = diffusion.Simulate(dplaces, specs, *o.Params, [2]int{o.From, o.From + o.Years - 1}, c.seed)
	if err := c.index(); err != nil {
		return nil, err
	}
	if o.Shares.Traditional > 0 {
		for _, load := range []func() (*opencc.OpenCC, error){s2t, s2tw} {
			if _, err := load(); err != nil {
				return nil, fmt.Errorf("synth.Generate: loading the converter to traditional characters: %w", err)
			}
		}
	}
	return c, nil
}

// spec is the cascade model's description of a mechanism: an origin of the
// level that would invent it, its start, appeal and document.
func (c *corpus) spec(m *mechanism, r *rand.Rand) diffusion.MechanismSpec {
	s := diffusion.MechanismSpec{Name: m.name, Start: m.start, Attractiveness: m.appeal}
	want := "county"
	if r.IntN(10) < 3 {
		want = "city"
	}
	var pool []*place
	for _, p := range c.places {
		if p.level == want || (want == "county" && p.level == "zone") {
			pool = append(pool, p)
		}
	}
	if len(pool) == 0 {
		pool = c.places
	}
	s.Origins = []string{pool[r.IntN(len(pool))].code}
	if d := m.doc; d != nil {
		ds := diffusion.DocumentSpec{Title: d.title, Level: diffusion.DocNational, Year: d.year}
		if d.level == "province" {
			ds.Level, ds.Province = diffusion.DocProvince, d.prov.code
		}
		s.Documents = []diffusion.DocumentSpec{ds}
	}
	return s
}

// index files the events by place and by mechanism, with their true
// sources, and the statements sources make about their followers.
func (c *corpus) index() error {
	type key struct{ m, p string }
	edges := make(map[key]diffusion.TruthEdge, len(c.truth))
	for _, t := range c.truth {
		edges[key{t.Mechanism, t.Target}] = t
	}
	c.adopted = make([][]adoption, len(c.places))
	c.adopters = make(map[*mechanism][]adoption, len(c.mechs))
	year := make(map[key]int, len(c.events))
	for _, e := range c.events {
		p, m := c.byCode[e.Place], c.byName[e.Mechanism]
		if p == nil || m == nil {
			return fmt.Errorf("synth.Generate: the simulation returned an event of unknown place %q or mechanism %q", e.Place, e.Mechanism)
		}
		a := adoption{p: p, m: m, year: e.Year, cues: e.Cues, source: edges[key{e.Mechanism, e.Place}]}
		c.adopted[p.index] = append(c.adopted[p.index], a)
		c.adopters[m] = append(c.adopters[m], a)
		year[key{e.Mechanism, e.Place}] = e.Year
	}
	order := make(map[*mechanism]int, len(c.mechs))
	for i, m := range c.mechs {
		order[m] = i
	}
	for _, as := range c.adopted {
		slices.SortFunc(as, func(a, b adoption) int {
			if a.year != b.year {
				return a.year - b.year
			}
			return order[a.m] - order[b.m]
		})
	}

	// what sources say: AdoptedBy cues sit on the source's event and name
	// the adopter; a promoter tells of its promotion in some years.
	c.told = make(map[tellKey][]telling)
	tell := func(src *place, y int, m *mechanism, promoting bool, other *place) {
		k := tellKey{src.index, y}
		for i := range c.told[k] {
			t := &c.told[k][i]
			if t.m == m && t.promoting == promoting {
				t.others = append(t.others, other)
				return
			}
		}
		c.told[k] = append(c.told[k], telling{m: m, promoting: promoting, others: []*place{other}})
	}
	for _, e := range c.events {
		src := c.byCode[e.Place]
		m := c.byName[e.Mechanism]
		for _, cue := range e.Cues {
			switch cue.Kind {
			case diffusion.AdoptedBy:
				dst := c.byCode[cue.Place]
				if y, ok := year[key{e.Mechanism, cue.Place}]; ok && dst != nil {
					tell(src, y, m, false, dst)
				}
			case diffusion.PromotedBy:
				promoter := c.byCode[cue.Place]
				if promoter != nil && hash64(c.seed, "promote", e.Place, e.Mechanism)%2 == 0 {
					tell(promoter, e.Year, m, true, src)
				}
			}
		}
	}
	return nil
}

// adoptionOf returns p's adoption of m, if any.
func (c *corpus) adoptionOf(p *place, m *mechanism) (adoption, bool) {
	for _, a := range c.adopted[p.index] {
		if a.m == m {
			return a, true
		}
	}
	return adoption{}, false
}
