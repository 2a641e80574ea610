package graph

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
)

// Hit is an entity a search found.
type Hit struct {
	ID ID
	// Matched is the name, alias, full name, code or title that matched,
	// as written.
	Matched string
	// Rank is 0 for a name equal to the text, 1 for one starting with it,
	// 2 for one containing it.
	Rank int
}

// Search returns the entities of the given kinds (any when none) with a
// name, alias, full name, code or, for reports, a title that contains text
// once both are folded (see Fold): for completion as one types. The best
// come first: a name equal to the text, then one starting with it, then one
// containing it; among equals the entities most reports name, then the
// shorter names. It reads the catalogue's index of names, one pass over
// its keys.
func (s *Store) Search(ctx context.Context, text string, kinds []Kind, limit int) ([]Hit, error) {
	key := Fold(text)
	if key == "" || limit <= 0 {
		return nil, nil
	}
	keep := func(k Kind) bool {
		if len(kinds) == 0 {
			return catalogued(k)
		}
		for _, x := range kinds {
			if x == k {
				return true
			}
		}
		return false
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if _, err := s.open(); err != nil {
		return nil, fmt.Errorf("graph.Search(%q): %w", text, err)
	}
	type found struct {
		e       *entry
		matched string
		rank    int
		reports int
	}
	best := make(map[ID]*found)
	consider := func(e *entry, k string, matched func() string) {
		rank := 2
		switch {
		case k == key:
			rank = 0
		case strings.HasPrefix(k, key):
			rank = 1
		}
		f := best[e.id]
		if f != nil && rank > f.rank {
			return
		}
		m := matched()
		// Among matches of one rank, the name, else the shortest.
		if f == nil || rank < f.rank || (f.matched != e.name() && (m == e.name() || len(m) < len(f.matched))) {
			best[e.id] = &found{e: e, matched: m, rank: rank}
		}
	}
	for k, es := range s.cat.keys {
		if !strings.Contains(k, key) {
			continue
		}
		for _, e := range es {
			if keep(e.id.Kind()) {
				consider(e, k, func() string { return e.written(k) })
			}
		}
	}
	if keep(KindReport) {
		for _, t := range s.titleKeys() {
			if strings.Contains(t.key, key) {
				consider(t.e, t.key, func() string { return t.title })
			}
		}
	}
	better := func(a, b *found) bool {
		if a.rank != b.rank {
			return a.rank < b.rank
		}
		if a.reports != b.reports {
			return a.reports > b.reports
		}
		if la, lb := utf8.RuneCountInString(a.matched), utf8.RuneCountInString(b.matched); la != lb {
			return la < lb
		}
		return a.e.id < b.e.id
	}
	// The best limit, kept in order: a short text matches thousands.
	list := make([]*found, 0, limit+1)
	for _, f := range best {
		f.reports = f.e.mentionedIn() + f.e.describedIn()
		if len(list) == limit && !better(f, list[limit-1]) {
			continue
		}
		i := sort.Search(len(list), func(i int) bool { return better(f, list[i]) })
		list = slices.Insert(list, i, f)
		if len(list) > limit {
			list = list[:limit]
		}
	}
	out := make([]Hit, 0, min(limit, len(list)))
	for _, f := range list[:min(limit, len(list))] {
		out = append(out, Hit{ID: f.e.id, Matched: f.matched, Rank: f.rank})
	}
	return out, nil
}

// titleKey is a report's title, folded for search.
type titleKey struct {
	e          *entry
	key, title string
}

// titleKeys returns the titles of the reports, folded once per version of
// the store. Called with s.mu held for reading.
func (s *Store) titleKeys() []titleKey {
	if list, ok := s.titles.get(s.version, struct{}{}); ok {
		return list
	}
	var list []titleKey
	for _, e := range s.cat.kind(KindReport) {
		if t := e.str(PredTitle); t != "" {
			list = append(list, titleKey{e, Fold(t), t})
		}
	}
	s.titles.put(s.version, struct{}{}, list, 1)
	return list
}

// written returns the name of an entity that folds to key, as written:
// its name first, else the first such alias, full name or code.
func (e *entry) written(key string) string {
	var out string
	for _, st := range e.vals {
		if st.key != key {
			continue
		}
		s, _ := st.val.(quad.String)
		if st.pred == PredName {
			return string(s)
		}
		if out == "" || string(s) < out {
			out = string(s)
		}
	}
	return out
}
