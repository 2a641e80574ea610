package graph

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"maps"
	"sort"
	"strconv"
	"strings"
	"unicode"

	ckv "github.com/cayleygraph/cayley/graph/kv"
)

// Find returns the entities of kind k (any kind when k is "") with a name,
// alias, full name or code that matches name once folded (see Fold): best
// match first, a match on the name before one on an alias, then the
// entities most reports name. A mechanism is also found by its name with or
// without a suffix such as 机制 or 模式.
func (s *Store) Find(ctx context.Context, k Kind, name string) ([]ID, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if _, err := s.open(); err != nil {
		return nil, fmt.Errorf("graph.Find(%s, %q): %w", k, name, err)
	}
	key := Fold(name)
	if key == "" {
		return nil, nil
	}
	found := s.cat.find(k, key)
	if len(found) == 0 && (k == KindMechanism || k == "") {
		if short := stripSuffix(key); short != "" {
			found = s.cat.find(KindMechanism, short)
		}
	}
	ids := make([]ID, len(found))
	for i, e := range found {
		ids[i] = e.id
	}
	return ids, nil
}

// Filter narrows a list. Zero fields do not filter.
type Filter struct {
	// Name keeps the entities with a name or alias containing it, once
	// both are folded (simplified, narrow, without punctuation).
	Name string
	// Kind keeps the bodies or documents of that kind, the jurisdictions of
	// that level (county, city …) and the awards or documents of that
	// level (国家级, 省级 …).
	Kind string
	// Family keeps the mechanisms of the family of the mechanism named (the
	// mechanism itself and its variants).
	Family string
	// Province keeps the entities of a province, given by name (浙江省,
	// 浙江) or division code: jurisdictions and bodies located in it,
	// reports of its jurisdictions, and other entities the text of such a
	// report mentions.
	Province string
	// YearFrom and YearTo keep the entities the text of a report covering
	// a year in the range mentions (reports: covering it), either end open
	// when 0.
	YearFrom, YearTo int
}

// Page is one page of a list.
type Page struct {
	IDs []ID
	// Cursors holds the cursor of each item: pass one as after to List to
	// get the items that follow it.
	Cursors []string
	// Total counts the items of the whole list, every page together.
	Total       int
	HasNext     bool
	HasPrevious bool
}

// List returns a page of the entities of kind k that pass the filter,
// ordered by name (reports: by year, then name): first items (all when
// first <= 0) after the cursor after ("" for the start).
//
// Lists come from the catalogue held in memory: the sorted entities of a
// kind are computed once after each write that touched the kind, and each
// call filters them, so a call costs one pass over one kind and no store
// read.
func (s *Store) List(ctx context.Context, k Kind, f Filter, first int, after string) (Page, error) {
	if !catalogued(k) {
		return Page{}, fmt.Errorf("graph.List: %q is not a kind of entity", k)
	}
	var start string
	if after != "" {
		b, err := base64.RawURLEncoding.DecodeString(after)
		if err != nil {
			return Page{}, fmt.Errorf("graph.List(%s): %w %q", k, ErrBadCursor, after)
		}
		start = string(b)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if _, err := s.open(); err != nil {
		return Page{}, fmt.Errorf("graph.List(%s): %w", k, err)
	}
	keep := s.filter(k, f)
	var p Page
	for _, e := range s.cat.kind(k) {
		if !keep(e) {
			continue
		}
		p.Total++
		pos := e.sortKey()
		if start != "" && pos <= start {
			p.HasPrevious = true
			continue
		}
		if first > 0 && len(p.IDs) == first {
			p.HasNext = true
			continue
		}
		p.IDs = append(p.IDs, e.id)
		p.Cursors = append(p.Cursors, base64.RawURLEncoding.EncodeToString([]byte(pos)))
	}
	return p, nil
}

// sortKey orders the entities of a kind: by name, reports by year first;
// the ID makes it unique.
func (e *entry) sortKey() string {
	if e.id.Kind() == KindReport {
		return fmt.Sprintf("%04d\x00%s\x00%s", e.int(PredYear), e.name(), e.id)
	}
	return e.name() + "\x00" + string(e.id)
}

// kind returns the entities of kind k sorted by sortKey, computing the
// order once after each change to the kind. Called with s.mu held for
// reading at least.
func (c *catalogue) kind(k Kind) []*entry {
	c.sortMu.Lock()
	defer c.sortMu.Unlock()
	if list, ok := c.sorted[k]; ok {
		return list
	}
	type keyed struct {
		key string
		e   *entry
	}
	var all []keyed
	for id, e := range c.entries {
		if id.Kind() == k {
			all = append(all, keyed{e.sortKey(), e})
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].key < all[j].key })
	list := make([]*entry, len(all))
	for i, x := range all {
		list[i] = x.e
	}
	c.sorted[k] = list
	return list
}

// filter returns the test an entity of kind k must pass. Called with s.mu
// held.
func (s *Store) filter(k Kind, f Filter) func(*entry) bool {
	var tests []func(*entry) bool
	if f.Name != "" {
		key := Fold(f.Name)
		tests = append(tests, func(e *entry) bool {
			for _, st := range e.vals {
				if st.key != "" && strings.Contains(st.key, key) {
					return true
				}
			}
			return false
		})
	}
	if f.Kind != "" {
		pred := PredKind
		if k == KindJurisdiction || k == KindAward {
			pred = PredLevel
		}
		tests = append(tests, func(e *entry) bool {
			for _, v := range e.values(pred) {
				if strOf(v) == f.Kind {
					return true
				}
			}
			return k == KindDocument && e.str(PredLevel) == f.Kind
		})
	}
	if f.Family != "" {
		roots := make(map[ID]bool)
		for _, e := range s.cat.find(KindMechanism, Fold(f.Family)) {
			roots[e.id] = true
		}
		tests = append(tests, func(e *entry) bool { return s.inFamily(e, roots) })
	}
	if f.Province != "" {
		prefix := s.provincePrefix(f.Province)
		tests = append(tests, func(e *entry) bool { return prefix != "" && s.inProvince(e, prefix) })
	}
	if f.YearFrom != 0 || f.YearTo != 0 {
		tests = append(tests, func(e *entry) bool { return s.inYears(e, f.YearFrom, f.YearTo) })
	}
	return func(e *entry) bool {
		for _, t := range tests {
			if !t(e) {
				return false
			}
		}
		return true
	}
}

// inFamily reports whether e is one of roots or descends from one through
// family links.
func (s *Store) inFamily(e *entry, roots map[ID]bool) bool {
	for depth := 0; e != nil && depth < 8; depth++ {
		if roots[e.id] {
			return true
		}
		e = s.cat.entries[e.ref(PredFamily)]
	}
	return false
}

// provincePrefix returns the two-digit division code prefix of the province
// a filter names, "" when no province matches.
func (s *Store) provincePrefix(name string) string {
	if len(name) >= 2 && strings.IndexFunc(name, func(r rune) bool { return !unicode.IsDigit(r) }) < 0 {
		return name[:2]
	}
	for _, suffix := range []string{"", "省", "市", "自治区"} {
		for _, e := range s.cat.find(KindJurisdiction, Fold(name+suffix)) {
			if e.str(PredLevel) == "province" {
				if code := s.codeOf(e); len(code) >= 2 {
					return code[:2]
				}
			}
		}
	}
	return ""
}

// codeOf returns a jurisdiction's division code, or its nearest
// ancestor's when it has none.
func (s *Store) codeOf(e *entry) string {
	for depth := 0; e != nil && depth < 8; depth++ {
		if code := e.str(PredCode); code != "" {
			return code
		}
		e = s.cat.entries[e.ref(PredParent)]
	}
	return ""
}

// inProvince reports whether an entity belongs to the province with a
// code prefix: by location for jurisdictions, bodies and reports, by the
// reports naming it for the others.
func (s *Store) inProvince(e *entry, prefix string) bool {
	located := func(j ID) bool {
		return strings.HasPrefix(s.codeOf(s.cat.entries[j]), prefix)
	}
	switch e.id.Kind() {
	case KindJurisdiction:
		return located(e.id)
	case KindBody:
		if j := e.ref(PredLocatedIn); j != "" {
			return located(j)
		}
	case KindReport:
		return located(e.ref(PredJurisdiction))
	}
	for _, u := range e.uses {
		if rep := s.cat.entries[u.report]; u.mentions > 0 && rep != nil && located(rep.ref(PredJurisdiction)) {
			return true
		}
	}
	return false
}

// inYears reports whether a report covering a year in [from, to] names e.
func (s *Store) inYears(e *entry, from, to int) bool {
	in := func(y int) bool { return y != 0 && (from == 0 || y >= from) && (to == 0 || y <= to) }
	if e.id.Kind() == KindReport {
		return in(e.int(PredYear))
	}
	for _, u := range e.uses {
		if rep := s.cat.entries[u.report]; u.mentions > 0 && rep != nil && in(rep.int(PredYear)) {
			return true
		}
	}
	return false
}

// Stats counts what the store holds.
type Stats struct {
	Backend string
	Reports int
	// Quads counts every quad; Cayley keeps an exact count.
	Quads int64
	// Entities counts the entities of each kind, reports included.
	Entities map[Kind]int
}

// Stats returns the counts of reports, quads and entities per kind.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	qs, err := s.open()
	if err != nil {
		return Stats{}, fmt.Errorf("graph.Stats: %w", err)
	}
	st, err := qs.Stats(ctx, false)
	if errors.Is(err, ckv.ErrNoBucket) {
		// Cayley keeps the quad count of a key-value store from its first
		// write on: a new store has none yet.
		err = nil
	}
	if err != nil {
		return Stats{}, fmt.Errorf("graph.Stats: %w", err)
	}
	out := Stats{Backend: s.opts.Backend, Quads: st.Quads.Size, Entities: make(map[Kind]int)}
	kinds, ok := s.kinds.get(s.version, struct{}{})
	if !ok { // a walk over every entity: /healthz asks often
		kinds = make(map[Kind]int)
		for id := range s.cat.entries {
			kinds[id.Kind()]++
		}
		s.kinds.put(s.version, struct{}{}, kinds, 1)
	}
	maps.Copy(out.Entities, kinds)
	out.Reports = out.Entities[KindReport]
	return out, nil
}

// String formats stats on one line, kinds in a fixed order.
func (st Stats) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d reports, %d quads", st.Backend, st.Reports, st.Quads)
	for _, k := range Kinds()[1:] {
		b.WriteString(", " + strconv.Itoa(st.Entities[k]) + " " + string(k))
	}
	return b.String()
}
