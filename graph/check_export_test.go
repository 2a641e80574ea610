package graph

import (
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// WriteBehind adds (or, with del, deletes) quads with Cayley directly,
// behind the store's back: no catalogue update, no new generation. Tests
// use it to damage a store on purpose.
func WriteBehind(s *Store, del bool, qs ...quad.Quad) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	action := cgraph.Add
	if del {
		action = cgraph.Delete
	}
	var deltas []cgraph.Delta
	for _, q := range qs {
		deltas = append(deltas, cgraph.Delta{Quad: q, Action: action})
	}
	return s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{})
}
