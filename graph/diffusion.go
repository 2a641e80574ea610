package graph

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/fazhikg/fazhikg/diffusion"
)

// Diffusion analysis (package diffusion) runs on the adoptions the
// catalogue holds: one event per adoption a report states as achieved or in
// place (plans are not adoptions), with the cues its report gives. The
// weights of the model are fitted by Derive and stored, with the inferred
// transmissions of every mechanism family, under their own label (the IRI
// of DiffusionID): derived results, kept apart from extracted facts and
// replaced as a whole each time they are recomputed. Reads (Spread,
// DiffusionNetwork, Leaders, CoAdoption) compute from the catalogue with the
// stored weights, so they follow every write at once; only the weights wait
// for the next Derive.

// Kinds of the derived nodes.
const (
	KindDerived      Kind = "derived"
	KindTransmission Kind = "transmission"
)

// DiffusionID is the node holding the fitted weights; its IRI labels every
// derived quad.
var DiffusionID = newID(KindDerived, "diffusion")

// Vocabulary of the derived results.
const (
	ClassTransmission = quad.IRI(VocabBase + "Transmission")

	PredParams     = quad.IRI(VocabBase + "params")     // derived/diffusion → the fitted weights, JSON
	PredInputs     = quad.IRI(VocabBase + "inputs")     // derived/diffusion → hash of the events fitted
	PredFrom       = quad.IRI(VocabBase + "from")       // transmission → source jurisdiction
	PredFromDoc    = quad.IRI(VocabBase + "fromDoc")    // transmission → title of the source document
	PredTo         = quad.IRI(VocabBase + "to")         // transmission → target jurisdiction
	PredSourceKind = quad.IRI(VocabBase + "sourceKind") // place, document or seed
	PredFromYear   = quad.IRI(VocabBase + "fromYear")   // the source's adoption year
	PredPath       = quad.IRI(VocabBase + "path")       // parent-child, siblings …
	PredScore      = quad.IRI(VocabBase + "score")      // posterior probability
	PredExplicit   = quad.IRI(VocabBase + "explicit")   // a report says so
)

// diffState is what diffusion reads need, derived from the catalogue at one
// version of the store.
type diffState struct {
	version uint64
	places  []diffusion.Place
	events  []diffusion.Event // one per stated adoption, by mechanism name
	// root maps a mechanism's name to its family root's; names maps a
	// mechanism's name to its ID.
	root   map[string]string
	family map[string]string // a mechanism's name → its family's
	names  map[string]ID
	// evidence of each adoption: mechanism name, place code, year → IDs
	evidence map[adoptionKey][]ID
	model    *diffusion.Model
	fitted   bool

	mu      sync.Mutex
	spreads map[string]diffusion.Spread // by "name|variants"
	network []diffusion.Edge
}

type adoptionKey struct {
	mechanism, place string
	year             int
}

// diffusionState returns the diffusion inputs of the store as it is now.
func (s *Store) diffusionState(ctx context.Context) (*diffState, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if _, err := s.open(); err != nil {
		return nil, err
	}
	s.diffMu.Lock()
	defer s.diffMu.Unlock()
	if s.diff != nil && s.diff.version == s.version {
		return s.diff, nil
	}
	st := &diffState{version: s.version, root: map[string]string{}, family: map[string]string{}, names: map[string]ID{},
		evidence: map[adoptionKey][]ID{}, spreads: map[string]diffusion.Spread{}}
	c := s.cat
	// places: every jurisdiction down to counties and zones, and any
	// adopter below
	codeOf := map[ID]string{}
	for id, e := range c.entries {
		if id.Kind() == KindJurisdiction {
			codeOf[id] = e.str(PredCode)
		}
	}
	for id, e := range c.entries {
		if id.Kind() != KindJurisdiction {
			continue
		}
		level := e.str(PredLevel)
		if (level == "township" || level == "village") && len(e.adoptions) == 0 {
			continue
		}
		p := diffusion.Place{Code: codeOf[id], Name: e.str(PredName), Level: level, Parent: codeOf[e.ref(PredParent)]}
		top := id
		for seen := 0; seen < 8; seen++ {
			parent := c.entries[top].ref(PredParent)
			if parent == "" || c.entries[parent] == nil {
				break
			}
			top = parent
		}
		p.Province = codeOf[top]
		st.places = append(st.places, p)
	}
	sort.Slice(st.places, func(i, j int) bool { return st.places[i].Code < st.places[j].Code })
	// mechanisms and their families
	family := st.family
	for id, e := range c.entries {
		if id.Kind() != KindMechanism {
			continue
		}
		name := e.name()
		st.names[name] = id
		if f := e.ref(PredFamily); f != "" && c.entries[f] != nil {
			family[name] = c.entries[f].name()
		}
	}
	for name := range st.names {
		r := name
		for hops := 0; hops < 8 && family[r] != ""; hops++ {
			r = family[r]
		}
		st.root[name] = r
	}
	// adoptions stated as achieved or in place
	for _, i := range c.adoptions {
		a := c.adoption(i)
		if a.status == AdoptionPlanned || a.year == 0 || a.mechanism == "" || a.adopter == "" {
			continue
		}
		me := c.entries[a.mechanism]
		if me == nil {
			continue
		}
		ev := diffusion.Event{Place: codeOf[a.adopter], Mechanism: me.name(), Year: a.year}
		if ev.Place == "" {
			continue
		}
		for _, raw := range a.cues {
			if cue, ok := diffusionCue(parseCue(raw)); ok {
				ev.Cues = append(ev.Cues, cue)
			}
		}
		slices.SortFunc(ev.Cues, compareCues)
		st.events = append(st.events, ev)
		k := adoptionKey{ev.Mechanism, ev.Place, ev.Year}
		st.evidence[k] = append(st.evidence[k], a.view().EvidenceIDs...)
	}
	// In one order whatever order the catalogue holds them in (it depends
	// on the order the reports were written in), so that Derive fits
	// the same events the same way.
	slices.SortFunc(st.events, compareEvents)
	for _, ids := range st.evidence {
		slices.Sort(ids)
	}
	params := diffusion.DefaultParams()
	if s.params != nil {
		params, st.fitted = *s.params, true
	}
	st.model = diffusion.NewModel(st.places, params)
	s.diff = st
	return st, nil
}

func compareEvents(a, b diffusion.Event) int {
	return cmp.Or(cmp.Compare(a.Mechanism, b.Mechanism), cmp.Compare(a.Year, b.Year), cmp.Compare(a.Place, b.Place),
		slices.CompareFunc(a.Cues, b.Cues, compareCues))
}

func compareCues(a, b diffusion.Cue) int {
	return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Place, b.Place), cmp.Compare(a.Document, b.Document),
		cmp.Compare(a.DocLevel, b.DocLevel))
}

// diffusionCue turns a stored cue into the model's.
func diffusionCue(c Cue) (diffusion.Cue, bool) {
	out := diffusion.Cue{Place: c.Place, Document: c.Document, DocLevel: c.Level}
	switch c.Kind {
	case "learned":
		out.Kind = diffusion.LearnedFrom
	case "promoted":
		out.Kind = diffusion.PromotedBy
	case "adopted":
		out.Kind = diffusion.AdoptedBy
	case "cited":
		out.Kind = diffusion.Cited
		if c.Level == "city" || c.Level == "county" {
			return out, false // a local document is the local government's own act
		}
	case "award":
		out.Kind = diffusion.Awarded
	default:
		return out, false
	}
	return out, true
}

// rolledUp returns the events with every mechanism replaced by its family
// root: the adoptions of each family.
func (st *diffState) rolledUp() []diffusion.Event {
	return diffusion.RollUp(st.events, st.root)
}

// roots returns the names of the family roots that have events, sorted.
func (st *diffState) roots() []string {
	seen := map[string]bool{}
	for _, e := range st.events {
		seen[st.root[e.Mechanism]] = true
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// SpreadOptions narrow a mechanism's spread.
type SpreadOptions struct {
	// Variants includes the adoptions of the mechanism's variants
	// (its family's members below it).
	Variants bool
	// FromYear and ToYear bound the years of the adoptions shown; adopters
	// before FromYear still count as sources. 0: no bound.
	FromYear, ToYear int
	// TopK and MinScore tune the sources kept per adopter (see
	// diffusion.Options).
	TopK     int
	MinScore float64
}

// Spread is how a mechanism spread, with the evidence of each adoption.
type Spread struct {
	diffusion.Spread
	MechanismID ID
	// Fitted is whether the weights were fitted to this store by Derive;
	// false means the model's defaults.
	Fitted bool
	// Evidence holds, per adopter's code and year, the sentences of its
	// reports that state the adoption.
	Evidence map[string][]ID
}

// EvidenceOf returns the sentences stating the adoption by place in year.
func (s *Spread) EvidenceOf(place string, year int) []ID {
	return s.Evidence[place+"/"+strconv.Itoa(year)]
}

// Spread returns how the mechanism spread: its adoptions in order, the
// cumulative curve, and for each adopter its most likely sources with their
// scores. It returns ErrNotFound for an unknown mechanism.
func (s *Store) Spread(ctx context.Context, mechanism ID, o SpreadOptions) (*Spread, error) {
	st, err := s.diffusionState(ctx)
	if err != nil {
		return nil, fmt.Errorf("graph.Spread: %w", err)
	}
	var name string
	for n, id := range st.names {
		if id == mechanism {
			name = n
			break
		}
	}
	if name == "" {
		return nil, fmt.Errorf("graph.Spread(%s): %w", mechanism, ErrNotFound)
	}
	members := map[string]bool{name: true}
	if o.Variants {
		// the variants: every mechanism whose chain of families reaches it
		for n := range st.names {
			for r, hops := st.family[n], 0; r != "" && hops < 8; r, hops = st.family[r], hops+1 {
				if r == name {
					members[n] = true
					break
				}
			}
		}
	}
	var events []diffusion.Event
	for _, e := range st.events {
		if members[e.Mechanism] && (o.ToYear == 0 || e.Year <= o.ToYear) {
			e.Mechanism = name
			events = append(events, e)
		}
	}
	sp := st.model.Spread(name, events, diffusion.Options{TopK: o.TopK, MinScore: o.MinScore})
	if o.FromYear > 0 {
		sp.Adoptions = slices.DeleteFunc(sp.Adoptions, func(a diffusion.Adoption) bool { return a.Year < o.FromYear })
		sp.Edges = slices.DeleteFunc(sp.Edges, func(e diffusion.Edge) bool { return e.TargetYear < o.FromYear })
		sp.Curve = slices.DeleteFunc(sp.Curve, func(c diffusion.CurvePoint) bool { return c.Year < o.FromYear })
	}
	out := &Spread{Spread: sp, MechanismID: mechanism, Fitted: st.fitted, Evidence: map[string][]ID{}}
	for k, ids := range st.evidence {
		if members[k.mechanism] {
			key := k.place + "/" + strconv.Itoa(k.year)
			out.Evidence[key] = append(out.Evidence[key], ids...)
		}
	}
	return out, nil
}

// familySpread returns the spread of a family root over its members'
// adoptions, computed once per state.
func (st *diffState) familySpread(root string) diffusion.Spread {
	st.mu.Lock()
	sp, ok := st.spreads[root]
	st.mu.Unlock()
	if ok {
		return sp
	}
	// Computed without the lock, so that families do not wait for each
	// other; two readers of one family may both compute it, the first
	// kept.
	var events []diffusion.Event
	for _, e := range st.events {
		if st.root[e.Mechanism] == root {
			e.Mechanism = root
			events = append(events, e)
		}
	}
	sp = st.model.Spread(root, events, diffusion.Options{})
	st.mu.Lock()
	defer st.mu.Unlock()
	if kept, ok := st.spreads[root]; ok {
		return kept
	}
	st.spreads[root] = sp
	return sp
}

// DiffusionNetwork returns the inferred transmissions between places of
// every mechanism family, scoring at least minScore, best first, at most
// first of them (0: all).
func (s *Store) DiffusionNetwork(ctx context.Context, minScore float64, first int) ([]diffusion.Edge, error) {
	st, err := s.diffusionState(ctx)
	if err != nil {
		return nil, fmt.Errorf("graph.DiffusionNetwork: %w", err)
	}
	var out []diffusion.Edge
	for _, root := range st.roots() {
		for _, e := range st.familySpread(root).Edges {
			if e.SourceKind == diffusion.SourcePlace && e.Score >= minScore {
				out = append(out, e)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		if out[i].Mechanism != out[j].Mechanism {
			return out[i].Mechanism < out[j].Mechanism
		}
		return out[i].Target < out[j].Target
	})
	if first > 0 && len(out) > first {
		out = out[:first]
	}
	return out, nil
}

// Leaders returns the jurisdictions as early or late adopters across all
// mechanism families, leaders first; province, a name (山东, 山东省) or a
// division code, keeps those of one province ("": all; none when no
// province has that name).
func (s *Store) Leaders(ctx context.Context, province string, first int) ([]diffusion.Leader, error) {
	if province != "" {
		s.mu.RLock()
		province = s.provincePrefix(province)
		s.mu.RUnlock()
		if province == "" {
			return nil, nil
		}
	}
	st, err := s.diffusionState(ctx)
	if err != nil {
		return nil, fmt.Errorf("graph.Leaders: %w", err)
	}
	places := st.places
	if province != "" {
		places = slices.DeleteFunc(slices.Clone(places), func(p diffusion.Place) bool { return !strings.HasPrefix(p.Province, province) })
	}
	in := map[string]bool{}
	for _, p := range places {
		in[p.Code] = true
	}
	events := slices.DeleteFunc(st.rolledUp(), func(e diffusion.Event) bool { return !in[e.Place] })
	ls := diffusion.Leaders(places, events)
	// places that adopted nothing are not leaders or laggards of interest
	ls = slices.DeleteFunc(ls, func(l diffusion.Leader) bool { return l.Adopted == 0 })
	if first > 0 && len(ls) > first {
		ls = ls[:first]
	}
	return ls, nil
}

// CoAdoption returns the mechanism families adopted by the same places as
// the family of mechanism, by lift, at most first of them; each pair's A is
// the family asked for.
func (s *Store) CoAdoption(ctx context.Context, mechanism ID, first int) ([]diffusion.Pair, error) {
	st, err := s.diffusionState(ctx)
	if err != nil {
		return nil, fmt.Errorf("graph.CoAdoption: %w", err)
	}
	var name string
	for n, id := range st.names {
		if id == mechanism {
			name = st.root[n]
		}
	}
	if name == "" {
		return nil, fmt.Errorf("graph.CoAdoption(%s): %w", mechanism, ErrNotFound)
	}
	var out []diffusion.Pair
	for _, p := range diffusion.CoAdoption(st.rolledUp()) {
		switch name {
		case p.A:
		case p.B: // the family asked for first
			p.A, p.B, p.CountA, p.CountB, p.AFirst, p.BFirst = p.B, p.A, p.CountB, p.CountA, p.BFirst, p.AFirst
		default:
			continue
		}
		out = append(out, p)
	}
	if first > 0 && len(out) > first {
		out = out[:first]
	}
	return out, nil
}

// MechanismByName returns the ID of the mechanism with that canonical name
// as the diffusion results use it.
func (s *Store) MechanismByName(ctx context.Context, name string) (ID, bool) {
	st, err := s.diffusionState(ctx)
	if err != nil {
		return "", false
	}
	id, ok := st.names[name]
	return id, ok
}

// DiffusionInput returns the places, the adoption events (one per adoption
// stated as achieved or in place, by mechanism) and each mechanism's family
// root: the input of the diffusion model, for exports and analysts' own
// models.
func (s *Store) DiffusionInput(ctx context.Context) ([]diffusion.Place, []diffusion.Event, map[string]string, error) {
	st, err := s.diffusionState(ctx)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("graph.DiffusionInput: %w", err)
	}
	return slices.Clone(st.places), slices.Clone(st.events), st.root, nil
}

// DeriveResult tells what Derive did.
type DeriveResult struct {
	Params      diffusion.Params
	Families    int // mechanism families with adoptions
	Adoptions   int // events fitted
	Edges       int // transmissions stored
	Added       int // derived quads written
	Removed     int // derived quads deleted
	Unchanged   bool
	InputsHash  string
	PlacesCount int
}

// Derive fits the diffusion model to the adoptions stored, and replaces the
// derived results (the weights and every family's transmissions) in one
// transaction. It does nothing when the adoptions are those of the last
// Derive.
func (s *Store) Derive(ctx context.Context) (DeriveResult, error) {
	st, err := s.diffusionState(ctx)
	if err != nil {
		return DeriveResult{}, fmt.Errorf("graph.Derive: %w", err)
	}
	events := st.rolledUp()
	hash := eventsHash(st.places, events)
	res := DeriveResult{Families: len(st.roots()), Adoptions: len(events), InputsHash: hash, PlacesCount: len(st.places)}
	s.mu.RLock()
	same := s.paramsInputs == hash && s.params != nil
	s.mu.RUnlock()
	if same {
		res.Unchanged, res.Params = true, *s.params
		return res, nil
	}
	params := diffusion.Fit(st.places, events, diffusion.FitOptions{})
	model := diffusion.NewModel(st.places, params)
	label := DiffusionID.IRI()
	var qs []quad.Quad
	add := func(s quad.Value, p quad.IRI, o quad.Value) {
		qs = append(qs, quad.Quad{Subject: s, Predicate: p, Object: o, Label: label})
	}
	pj, err := json.Marshal(params)
	if err != nil {
		return res, fmt.Errorf("graph.Derive: %w", err)
	}
	add(label, PredParams, quad.String(pj))
	add(label, PredInputs, quad.String(hash))
	for _, root := range st.roots() {
		var evs []diffusion.Event
		for _, e := range events {
			if e.Mechanism == root {
				evs = append(evs, e)
			}
		}
		sp := model.Spread(root, evs, diffusion.Options{})
		for rank, e := range sp.Edges {
			id := newID(KindTransmission, Fold(root), e.Target, strconv.Itoa(e.TargetYear), strconv.Itoa(rank))
			n := id.IRI()
			add(n, PredType, ClassTransmission)
			add(n, PredMechanism, st.names[root].IRI())
			add(n, PredTo, JurisdictionID(e.Target).IRI())
			add(n, PredYear, quad.Int(e.TargetYear))
			add(n, PredSourceKind, quad.String(e.SourceKind))
			switch e.SourceKind {
			case diffusion.SourcePlace:
				add(n, PredFrom, JurisdictionID(e.Source).IRI())
				add(n, PredFromYear, quad.Int(e.SourceYear))
				add(n, PredPath, quad.String(e.Path))
			case diffusion.SourceDocument:
				add(n, PredFromDoc, quad.String(e.Source))
			}
			add(n, PredScore, quad.Float(e.Score))
			if e.Explicit {
				add(n, PredExplicit, quad.Bool(true))
			}
			res.Edges++
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.open(); err != nil {
		return res, fmt.Errorf("graph.Derive: %w", err)
	}
	prev, err := s.reportQuads(ctx, DiffusionID)
	if err != nil {
		return res, fmt.Errorf("graph.Derive: reading the previous results: %w", err)
	}
	added, removed := diff(qs, prev)
	var deltas []cgraph.Delta
	deltas = appendDeltas(deltas, removed, cgraph.Delete)
	deltas = appendDeltas(deltas, added, cgraph.Add)
	if err := s.apply(ctx, deltas); err != nil {
		return res, fmt.Errorf("graph.Derive: %w", err)
	}
	s.params, s.paramsInputs = &params, hash
	res.Params, res.Added, res.Removed = params, len(added), len(removed)
	return res, nil
}

// Warm prepares what the first reads after Open or a write would otherwise
// prepare on their way, so that no one waits for it: the adoption events
// diffusion reads use and the spread of every mechanism family adopted, the sorted lists of every kind and the
// reports' titles folded for Search. It returns once done, or ctx is.
func (s *Store) Warm(ctx context.Context) error {
	st, err := s.diffusionState(ctx)
	if err != nil {
		return fmt.Errorf("graph.Warm: %w", err)
	}
	for _, r := range st.roots() {
		if err := ctx.Err(); err != nil {
			return err
		}
		st.familySpread(r)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if _, err := s.open(); err != nil {
		return fmt.Errorf("graph.Warm: %w", err)
	}
	for _, k := range Kinds() {
		if err := ctx.Err(); err != nil {
			return err
		}
		s.cat.kind(k)
	}
	s.titleKeys()
	return nil
}

// DiffusionParams returns the weights diffusion reads use: those the last
// Derive fitted (fitted is true), or else diffusion.DefaultParams.
func (s *Store) DiffusionParams(ctx context.Context) (p diffusion.Params, fitted bool, err error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if _, err := s.open(); err != nil {
		return p, false, fmt.Errorf("graph.DiffusionParams: %w", err)
	}
	if s.params != nil {
		return *s.params, true, nil
	}
	return diffusion.DefaultParams(), false, nil
}

// eventsHash identifies the input of a fit.
func eventsHash(places []diffusion.Place, events []diffusion.Event) string {
	h := sha256.New()
	enc := json.NewEncoder(h)
	enc.Encode(places)
	enc.Encode(events)
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// loadParams reads the fitted weights, if Derive stored any. Called with
// s.mu held.
func (s *Store) loadParams(ctx context.Context) error {
	qs, err := s.scan(ctx, quad.Subject, []quad.Value{DiffusionID.IRI()}, "")
	if err != nil {
		return err
	}
	s.params, s.paramsInputs = nil, ""
	for _, q := range qs[0] {
		switch q.Predicate {
		case PredParams:
			var p diffusion.Params
			if err := json.Unmarshal([]byte(strOf(q.Object)), &p); err != nil {
				return fmt.Errorf("the stored diffusion weights: %w", err)
			}
			s.params = &p
		case PredInputs:
			s.paramsInputs = strOf(q.Object)
		}
	}
	return nil
}

// ObservedYears returns, per jurisdiction code, the years its stored
// reports cover, sorted: the place-years in which an adoption could have
// been seen.
func (s *Store) ObservedYears(ctx context.Context) (map[string][]int, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if _, err := s.open(); err != nil {
		return nil, fmt.Errorf("graph.ObservedYears: %w", err)
	}
	out := map[string][]int{}
	for id, e := range s.cat.entries {
		if id.Kind() != KindReport {
			continue
		}
		j := e.ref(PredJurisdiction)
		je := s.cat.entries[j]
		y := e.int(PredYear)
		if je == nil || y == 0 {
			continue
		}
		code := je.str(PredCode)
		if !slices.Contains(out[code], y) {
			out[code] = append(out[code], y)
		}
	}
	for _, ys := range out {
		slices.Sort(ys)
	}
	return out, nil
}
