package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"

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
		for _, e := range s.cat.kind(KindReport) {
			if t := e.str(PredTitle); t != "" {
				if k := Fold(t); strings.Contains(k, key) {
					consider(e, k, func() string { return t })
				}
			}
		}
	}
	list := make([]*found, 0, len(best))
	for _, f := range best {
		list = append(list, f)
	}
	reports := func(e *entry) int { return e.mentionedIn() + e.describedIn() }
	sort.Slice(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.rank != b.rank {
			return a.rank < b.rank
		}
		if ra, rb := reports(a.e), reports(b.e); ra != rb {
			return ra > rb
		}
		if la, lb := len([]rune(a.matched)), len([]rune(b.matched)); la != lb {
			return la < lb
		}
		return a.e.id < b.e.id
	})
	out := make([]Hit, 0, min(limit, len(list)))
	for _, f := range list[:min(limit, len(list))] {
		out = append(out, Hit{ID: f.e.id, Matched: f.matched, Rank: f.rank})
	}
	return out, nil
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
