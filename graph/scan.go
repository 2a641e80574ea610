package graph

import (
	"context"

	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
)

// scan is the one way the store reads quads: for each anchor, the quads
// holding it in direction dir (and predicate pred unless pred is ""),
// found by stepping from the anchor's node through the backend's index for
// that direction. It never runs a query through Cayley's optimiser and
// never scans the whole store. Values are resolved in one batch for all
// anchors. Called with s.mu held (for reading or writing).
func (s *Store) scan(ctx context.Context, dir quad.Direction, anchors []quad.Value, pred quad.IRI) ([][]quad.Quad, error) {
	qs, err := s.open()
	if err != nil {
		return nil, err
	}
	if sq := s.sqlBackend(); sq != nil {
		return sq.scan(ctx, dir, anchors, pred)
	}
	out := make([][]quad.Quad, len(anchors))
	refs, err := refsOf(ctx, qs, anchors)
	if err != nil {
		return nil, err
	}
	var pref cgraph.Ref
	if pred != "" {
		if pref = qs.ValueOf(pred); pref == nil {
			return out, nil // no quad uses the predicate
		}
	}
	// Collect the quads' references first, then resolve every node they
	// name with one batch read.
	type found struct {
		anchor int
		quad   cgraph.Ref
	}
	var hits []found
	for i, ref := range refs {
		if ref == nil {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		it := quadIterator(qs, s.kvIndexes, dir, ref, pref)
		for it.Next(ctx) {
			r := it.Result()
			if pref != nil && !sameRef(qs.QuadDirection(r, quad.Predicate), pref) {
				continue
			}
			hits = append(hits, found{i, r})
		}
		err := it.Err()
		it.Close()
		if err != nil {
			return nil, err
		}
	}
	if len(hits) == 0 {
		return out, nil
	}
	nodes := make([]cgraph.Ref, 0, len(hits)*4)
	for _, h := range hits {
		for _, d := range quad.Directions {
			nodes = append(nodes, qs.QuadDirection(h.quad, d))
		}
	}
	vals, err := valuesOf(ctx, qs, nodes)
	if err != nil {
		return nil, err
	}
	for i, h := range hits {
		v := vals[i*4 : i*4+4]
		out[h.anchor] = append(out[h.anchor], quad.Quad{Subject: v[0], Predicate: v[1], Object: v[2], Label: v[3]})
	}
	return out, nil
}

// quadIterator returns the quads holding ref in direction dir. On a key-value
// store with indexes inds, when the predicate is known and an index starts with (dir,
// predicate), it scans only that index prefix, so a node with many kinds of
// links (a province, a popular mechanism) costs only the links asked for.
func quadIterator(qs cgraph.QuadStore, inds []ckv.QuadIndex, dir quad.Direction, ref, pred cgraph.Ref) cgraph.Iterator {
	if kqs, ok := qs.(*ckv.QuadStore); ok && pred != nil {
		v, ok1 := ref.(ckv.Int64Value)
		p, ok2 := pred.(ckv.Int64Value)
		if ok1 && ok2 {
			for _, ind := range inds {
				if len(ind.Dirs) >= 2 && ind.Dirs[0] == dir && ind.Dirs[1] == quad.Predicate {
					return ckv.IndexScan{Index: ind, Values: []uint64{uint64(v), uint64(p)}}.BuildIterator(kqs)
				}
			}
		}
	}
	return qs.QuadIterator(dir, ref)
}

func sameRef(a, b cgraph.Ref) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Key() == b.Key()
}

// refsOf resolves values to node references, nil for a value the store
// does not hold, in one batch where the backend can.
func refsOf(ctx context.Context, qs cgraph.QuadStore, vals []quad.Value) ([]cgraph.Ref, error) {
	if _, ok := qs.(cgraph.BatchQuadStore); ok {
		refs, err := cgraph.RefsOf(ctx, qs, vals)
		if err != nil {
			return nil, err
		}
		for i, r := range refs {
			if v, ok := r.(ckv.Int64Value); ok && v == 0 {
				refs[i] = nil
			}
		}
		return refs, nil
	}
	refs := make([]cgraph.Ref, len(vals))
	for i, v := range vals {
		refs[i] = qs.ValueOf(v)
	}
	return refs, nil
}

// valuesOf resolves node references (nil allowed) to values in one batch
// where the backend can.
func valuesOf(ctx context.Context, qs cgraph.QuadStore, refs []cgraph.Ref) ([]quad.Value, error) {
	// Resolve each distinct node once.
	distinct := make([]cgraph.Ref, 0, len(refs))
	at := make(map[any]int, len(refs))
	for _, r := range refs {
		if r == nil {
			continue
		}
		if _, ok := at[r.Key()]; !ok {
			at[r.Key()] = len(distinct)
			distinct = append(distinct, r)
		}
	}
	vals, err := cgraph.ValuesOf(ctx, qs, distinct)
	if err != nil {
		return nil, err
	}
	out := make([]quad.Value, len(refs))
	for i, r := range refs {
		if r != nil {
			out[i] = vals[at[r.Key()]]
		}
	}
	return out, nil
}
