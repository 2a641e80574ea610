package graph

import (
	"slices"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"
)

// adopted is the catalogue's copy of one adoption node: the sum of its
// quads, kept in memory so that a mechanism's or a jurisdiction's
// adoptions cost no store read. It is linked from the entries of its
// mechanism and of its adopter.
//
// A large store holds millions of them, so none owns a small object of
// its own: adoptions live in the catalogue's slab, their IDs and evidence
// in its arenas, their statuses and lists of cues are shared.
type adopted struct {
	id        ID
	typed     bool
	mechanism ID
	adopter   ID
	report    ID
	year      int
	status    AdoptionStatus
	evidence  []int    // indexes of the report's sentences, sorted; never changed in place
	cues      []string // sorted; shared, never changed in place
}

// applyAdoption adds (d = +1) or subtracts (d = -1) one quad of an
// adoption node.
func (c *catalogue) applyAdoption(id ID, q quad.Quad, d int) {
	a := c.adoptions[id]
	if a == nil {
		if d < 0 {
			return
		}
		a = c.slots.new()
		a.id = ID(c.ids.str(string(id)))
		c.adoptions[a.id] = a
	}
	switch q.Predicate {
	case PredType:
		a.typed = d > 0
	case PredMechanism:
		c.link(&a.mechanism, a, q.Object, d)
	case PredAdopter:
		c.link(&a.adopter, a, q.Object, d)
	case PredReport:
		if r, ok := idOf(q.Object); ok {
			a.report = set(a.report, c.id(r), d)
		}
	case PredYear:
		a.year = set(a.year, intOf(q.Object), d)
	case PredStatus:
		a.status = set(a.status, AdoptionStatus(c.intern(strOf(q.Object))), d)
	case PredCue:
		// Sorted, so that the catalogue holds the same cues in the same
		// order whatever order their quads came in.
		v := strOf(q.Object)
		i, found := slices.BinarySearch(a.cues, v)
		if d > 0 && !found {
			a.cues = c.cueSet(slices.Insert(slices.Clone(a.cues), i, v))
		} else if d < 0 && found {
			a.cues = c.cueSet(slices.Delete(slices.Clone(a.cues), i, i+1))
		}
	case PredEvidence:
		ev, _ := idOf(q.Object)
		i, err := strconv.Atoi(string(ev[strings.LastIndexByte(string(ev), '/')+1:]))
		if err != nil {
			break
		}
		at, found := slices.BinarySearch(a.evidence, i)
		switch {
		case d > 0 && !found:
			ev := c.ints.alloc(len(a.evidence) + 1)
			copy(ev, a.evidence[:at])
			ev[at] = i
			copy(ev[at+1:], a.evidence[at:])
			a.evidence = ev
		case d < 0 && found:
			a.evidence = slices.Concat(a.evidence[:at], a.evidence[at+1:])
		}
	}
	if !a.typed && a.mechanism == "" && a.adopter == "" && a.report == "" && a.year == 0 && a.status == "" && len(a.evidence) == 0 && len(a.cues) == 0 {
		delete(c.adoptions, id)
		c.slots.put(a)
	}
}

// cueSet returns the catalogue's shared copy of a sorted list of cues.
func (c *catalogue) cueSet(cues []string) []string {
	if len(cues) == 0 {
		return nil
	}
	key := strings.Join(cues, "\x00")
	if set, ok := c.cueSets[key]; ok {
		return set
	}
	set := slices.Clip(slices.Clone(cues))
	for i, s := range set {
		set[i] = c.intern(s)
	}
	c.cueSets[key] = set
	return set
}

// set returns v for an addition, the zero value for the removal of the
// current value, and cur otherwise.
func set[T comparable](cur, v T, d int) T {
	var zero T
	switch {
	case d > 0:
		return v
	case cur == v:
		return zero
	}
	return cur
}

// link points one end of an adoption at an entity (d > 0) or unpoints it
// (d < 0), keeping the entity's list of adoptions in step.
func (c *catalogue) link(end *ID, a *adopted, target quad.Value, d int) {
	id, ok := idOf(target)
	if !ok {
		return
	}
	if d < 0 && *end != id {
		return
	}
	e := c.entry(id, d)
	if e == nil {
		return
	}
	if d > 0 {
		if *end != e.id { // else a is in the list already
			e.adoptions = append(e.adoptions, a)
		}
		*end = e.id
	} else {
		e.unlink(a)
		*end = ""
	}
	c.drop(e)
}

// unlink removes a from the entity's adoptions.
func (e *entry) unlink(a *adopted) {
	if i := slices.Index(e.adoptions, a); i >= 0 {
		last := len(e.adoptions) - 1
		e.adoptions[i] = e.adoptions[last]
		e.adoptions[last] = nil
		e.adoptions = e.adoptions[:last]
	}
}

// view returns the adoption as reads return it.
func (a *adopted) view() *Adoption {
	out := &Adoption{ID: a.id, MechanismID: a.mechanism, JurisdictionID: a.adopter, ReportID: a.report,
		Year: a.year, Status: a.status}
	name := strings.TrimPrefix(string(a.report), string(KindReport)+"/")
	for _, i := range a.evidence {
		out.EvidenceIDs = append(out.EvidenceIDs, ID(string(KindEvidence)+"/"+name+"/"+strconv.Itoa(i)))
	}
	for _, c := range a.cues {
		out.Cues = append(out.Cues, parseCue(c))
	}
	return out
}
