package graph

import (
	"context"
	"fmt"
)

// AdoptionQuery tells MechanismAdoptions which adoptions to return.
type AdoptionQuery struct {
	// Variants adds the adoptions of the mechanism's variants, and of
	// theirs: a family's adoptions under its root.
	Variants bool
	// Planned adds adoptions stated only in plans.
	Planned bool
	// AllYears returns every year a jurisdiction reports the mechanism
	// instead of the earliest one.
	AllYears bool
}

// MechanismAdoptions returns, for each mechanism, the jurisdictions that
// adopted it, ordered by year: by default one adoption per jurisdiction, the
// earliest year it reports the mechanism as achieved or in place, with the
// evidence of every report and variant that states it that year.
//
// Answers are kept until the next write: callers must not modify them.
func (s *Store) MechanismAdoptions(ctx context.Context, ids []ID, q AdoptionQuery) ([][]*Adoption, error) {
	s.mu.RLock()
	version := s.version
	s.mu.RUnlock()
	out := make([][]*Adoption, len(ids))
	var missing []int
	for i, id := range ids {
		if got, ok := s.adopters.get(version, adoptersKey{id, q}); ok {
			out[i] = got
		} else {
			missing = append(missing, i)
		}
	}
	if len(missing) == 0 {
		return out, nil
	}
	todo := make([]ID, len(missing))
	for k, i := range missing {
		todo[k] = ids[i]
	}
	found, err := s.mechanismAdoptions(ctx, todo, q)
	if err != nil {
		return nil, err
	}
	for k, i := range missing {
		out[i] = found[k]
		s.adopters.put(version, adoptersKey{ids[i], q}, found[k], len(found[k])+1)
	}
	return out, nil
}

// mechanismAdoptions computes MechanismAdoptions.
func (s *Store) mechanismAdoptions(ctx context.Context, ids []ID, q AdoptionQuery) ([][]*Adoption, error) {
	members := make([][]ID, len(ids)) // each mechanism and, with Variants, its family below it
	for i, id := range ids {
		members[i] = []ID{id}
	}
	if q.Variants {
		var err error
		if members, err = s.families(ctx, ids); err != nil {
			return nil, fmt.Errorf("graph.MechanismAdoptions: %w", err)
		}
	}
	var all []ID
	at := make(map[ID]int)
	for _, ms := range members {
		for _, m := range ms {
			if _, ok := at[m]; !ok {
				at[m] = len(all)
				all = append(all, m)
			}
		}
	}
	found, err := s.AdoptionsOf(ctx, all)
	if err != nil {
		return nil, fmt.Errorf("graph.MechanismAdoptions: %w", err)
	}
	out := make([][]*Adoption, len(ids))
	for i, ms := range members {
		var as []*Adoption
		for _, m := range ms {
			for _, a := range found[at[m]] {
				if a.Status == AdoptionPlanned && !q.Planned {
					continue
				}
				as = append(as, a)
			}
		}
		if !q.AllYears {
			as = earliest(as)
		}
		s.mu.RLock()
		s.sortAdoptions(as)
		s.mu.RUnlock()
		out[i] = as
	}
	return out, nil
}

// families returns each mechanism followed by its variants, theirs and so
// on, reading one level of the hierarchy per batch.
func (s *Store) families(ctx context.Context, ids []ID) ([][]ID, error) {
	out := make([][]ID, len(ids))
	seen := make([]map[ID]bool, len(ids))
	for i, id := range ids {
		out[i] = []ID{id}
		seen[i] = map[ID]bool{id: true}
	}
	frontier := make([][]ID, len(ids))
	copy(frontier, out)
	for depth := 0; depth < 8; depth++ {
		var batch []ID
		var owner []int
		for i, f := range frontier {
			for _, id := range f {
				batch = append(batch, id)
				owner = append(owner, i)
			}
		}
		if len(batch) == 0 {
			break
		}
		variants, err := s.Linked(ctx, Variants, batch)
		if err != nil {
			return nil, err
		}
		next := make([][]ID, len(ids))
		for j, vs := range variants {
			i := owner[j]
			for _, v := range vs {
				if !seen[i][v] {
					seen[i][v] = true
					out[i] = append(out[i], v)
					next[i] = append(next[i], v)
				}
			}
		}
		frontier = next
	}
	return out, nil
}

// earliest keeps one adoption per jurisdiction: the earliest year's, with
// the strongest status and the evidence of every adoption of that year.
func earliest(as []*Adoption) []*Adoption {
	first := make(map[ID]*Adoption)
	var order []ID
	for _, a := range as {
		cur, ok := first[a.JurisdictionID]
		switch {
		case !ok:
			c := *a
			c.EvidenceIDs = append([]ID(nil), a.EvidenceIDs...)
			first[a.JurisdictionID] = &c
			order = append(order, a.JurisdictionID)
		case earlier(a.Year, cur.Year):
			c := *a
			c.EvidenceIDs = append([]ID(nil), a.EvidenceIDs...)
			first[a.JurisdictionID] = &c
		case a.Year == cur.Year:
			if a.Status.rank() < cur.Status.rank() {
				cur.ID, cur.MechanismID, cur.ReportID, cur.Status = a.ID, a.MechanismID, a.ReportID, a.Status
			}
			cur.EvidenceIDs = appendNew(cur.EvidenceIDs, a.EvidenceIDs...)
		}
	}
	out := make([]*Adoption, 0, len(order))
	for _, j := range order {
		a := first[j]
		sortIDs(a.EvidenceIDs)
		out = append(out, a)
	}
	return out
}

// earlier reports whether year a comes before year b, an unknown year (0)
// coming after every known one.
func earlier(a, b int) bool {
	if a == 0 || b == 0 {
		return a != 0 && b == 0
	}
	return a < b
}

func appendNew(ids []ID, more ...ID) []ID {
	for _, m := range more {
		dup := false
		for _, id := range ids {
			if id == m {
				dup = true
				break
			}
		}
		if !dup {
			ids = append(ids, m)
		}
	}
	return ids
}
