package graph

import (
	"context"
	"fmt"
	"slices"
	"sort"

	"github.com/cayleygraph/quad"
)

// Limits of Neighbourhood.
const (
	// MaxHops caps the hops of a neighbourhood.
	MaxHops = 4
	// DefaultLimit is the number of nodes a neighbourhood stops at when the
	// query gives none; MaxLimit caps it.
	DefaultLimit = 500
	MaxLimit     = 10000
)

// NeighbourhoodQuery tells Neighbourhood how far to walk and what to keep.
type NeighbourhoodQuery struct {
	View
	// Hops is the number of links walked from the node: 1 when 0, at most
	// MaxHops.
	Hops int
	// Limit stops the walk at this many nodes (DefaultLimit when 0, at
	// most MaxLimit); the subgraph is then marked Truncated.
	Limit int
	// ThroughReports walks on from the reports reached. A report mentions
	// a hundred entities or more, so by default reports are drawn but not
	// walked through, unless the walk starts from one.
	ThroughReports bool
}

// Neighbourhood returns the entities within q.Hops links of the entity id
// that pass the view, and every edge between two of them. Links are walked
// both ways. Each hop reads the catalogue for the links a node's
// description states, its adoptions and the reports naming it, and the
// store's object index once per predicate for the links pointing at the
// hop's nodes (a place's children and bodies, a mechanism's variants …),
// kept until the next write as Linked keeps them: a handful of indexed
// reads per hop at most, never a query through Cayley's optimiser. When a
// hop would pass the limit, the nodes kept first are places, mechanisms,
// bodies, documents, awards, people, then reports, each kind by the number
// of sentences naming them.
func (s *Store) Neighbourhood(ctx context.Context, id ID, q NeighbourhoodQuery) (*Subgraph, error) {
	hops := q.Hops
	if hops <= 0 {
		hops = 1
	}
	hops = min(hops, MaxHops)
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	s.mu.RLock()
	defer s.mu.RUnlock()
	if _, err := s.open(); err != nil {
		return nil, fmt.Errorf("graph.Neighbourhood(%s): %w", id, err)
	}
	seed := s.cat.entries[id]
	if seed == nil || !catalogued(id.Kind()) {
		return nil, fmt.Errorf("graph.Neighbourhood(%s): %w", id, ErrNotFound)
	}
	w := s.newWalk(q.View)
	w.add(seed)
	frontier := []*entry{seed}
	truncated := false
	for hop := 0; hop < hops && len(frontier) > 0 && !truncated; hop++ {
		var walked []*entry
		for _, e := range frontier {
			if e.id.Kind() != KindReport || q.ThroughReports || e == seed {
				walked = append(walked, e)
			}
		}
		found, err := w.neighbours(ctx, walked)
		if err != nil {
			return nil, fmt.Errorf("graph.Neighbourhood(%s): %w", id, err)
		}
		var fresh []*entry
		for _, e := range found {
			if !w.has(e.id) && w.keeps(e) {
				fresh = append(fresh, e)
			}
		}
		if len(w.order)+len(fresh) > limit {
			evidence := make(map[ID]int, len(fresh))
			for _, e := range fresh {
				for _, u := range e.uses {
					evidence[e.id] += int(u.mentions)
				}
			}
			sort.SliceStable(fresh, func(i, j int) bool {
				ki, kj := kindRank(fresh[i].id.Kind()), kindRank(fresh[j].id.Kind())
				if ki != kj {
					return ki < kj
				}
				if ei, ej := evidence[fresh[i].id], evidence[fresh[j].id]; ei != ej {
					return ei > ej
				}
				return fresh[i].id < fresh[j].id
			})
			fresh = fresh[:max(limit-len(w.order), 0)]
			truncated = true
		}
		for _, e := range fresh {
			w.add(e)
		}
		frontier = fresh
	}
	g := w.result()
	g.Truncated = truncated
	return g, nil
}

// neighbours returns the entities linked to any of es, each once, in the
// order found.
func (w *walk) neighbours(ctx context.Context, es []*entry) ([]*entry, error) {
	var out []*entry
	seen := make(map[ID]bool)
	take := func(id ID) {
		if seen[id] || !catalogued(id.Kind()) {
			return
		}
		seen[id] = true
		if e := w.s.cat.entries[id]; e != nil {
			out = append(out, e)
		}
	}
	var reports []quad.Value
	for _, e := range es {
		w.linkedIDs(e, take)
		if e.id.Kind() == KindReport {
			reports = append(reports, e.id.IRI())
		}
	}
	// Links pointing at the nodes: one indexed read per predicate for the
	// nodes whose links of this version are not kept yet.
	for _, r := range refEdges {
		var anchors []ID
		for _, e := range es {
			if targetKind(r.kind) == e.id.Kind() {
				anchors = append(anchors, e.id)
			}
		}
		if len(anchors) == 0 {
			continue
		}
		found, err := w.s.linked(ctx, r.rel, anchors)
		if err != nil {
			return nil, err
		}
		for _, ids := range found {
			for _, id := range ids {
				if id.Kind() == r.from {
					take(id)
				}
			}
		}
	}
	// What a report mentions: the mention quads among its own.
	if len(reports) > 0 {
		found, err := w.s.scan(ctx, quad.Label, reports, "")
		if err != nil {
			return nil, err
		}
		for _, qs := range found {
			for _, q := range qs {
				if q.Predicate == PredMentions {
					if id, ok := idOf(q.Object); ok {
						take(id)
					}
				}
			}
		}
	}
	return out, nil
}

// targetKind returns the kind of entity edges of kind k point at.
func targetKind(k EdgeKind) Kind {
	switch k {
	case EdgeParent, EdgeLocatedIn, EdgeReportedBy:
		return KindJurisdiction
	case EdgeFamily, EdgeAdopted:
		return KindMechanism
	case EdgeTakesPart, EdgeIssuer, EdgeMemberOf:
		return KindBody
	}
	return ""
}

// linkedIDs passes to take the other end of each edge edgesOf would
// return for e, without building the edges: description targets, then
// adoption partners (sorted), then mentioning reports.
func (w *walk) linkedIDs(e *entry, take func(ID)) {
	k := e.id.Kind()
	described(e, func(_ refEdge, target ID, _ int) { take(target) })
	if k == KindJurisdiction || k == KindMechanism {
		var partners []ID
		seen := make(map[ID]bool)
		for _, i := range e.adoptions {
			a := w.s.cat.adoption(i)
			if a.adopter == "" || a.mechanism == "" || w.v.dated() && !w.v.inRange(a.year) {
				continue
			}
			other := a.adopter
			if other == e.id {
				other = a.mechanism
			}
			if !seen[other] {
				seen[other] = true
				partners = append(partners, other)
			}
		}
		slices.Sort(partners)
		for _, id := range partners {
			take(id)
		}
	}
	if k != KindReport {
		for _, u := range e.uses {
			if u.mentions <= 0 {
				continue
			}
			if w.v.dated() {
				if r := w.s.cat.entries[u.report]; r != nil {
					if y := r.int(PredYear); y != 0 && !w.v.inRange(y) {
						continue
					}
				}
			}
			take(u.report)
		}
	}
}
