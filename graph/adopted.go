package graph

import (
	"slices"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"
)

// adopted is one adoption node of the catalogue as reads see it: the sum
// of its quads, kept in memory so that a mechanism's or a jurisdiction's
// adoptions cost no store read. The catalogue holds it as an adoptRec and
// builds it on each read (see catalogue.adoption), which allocates
// nothing: its strings and slices are those of the catalogue's arenas.
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

// adoptRec is how the catalogue holds an adoption. A large store holds
// millions of them, so they hold no pointers: the IDs and evidence are
// refs into the catalogue's arenas, the status and the list of cues
// indexes of the catalogue's shared ones. The slab of adoptRecs is memory
// the garbage collector does not scan. The adoption is linked from the
// entries of its mechanism and of its adopter by its index in the slab.
type adoptRec struct {
	id, mechanism, adopter, report ref
	evidence                       ref
	year                           int32
	status                         uint32 // index in catalogue.statuses
	cues                           uint32 // index in catalogue.cueLists
	typed                          bool
}

// adoption returns the adoption of index i.
func (c *catalogue) adoption(i int32) adopted {
	r := c.slots.at(i)
	return adopted{
		id: ID(c.ids.string(r.id)), typed: r.typed,
		mechanism: ID(c.ids.string(r.mechanism)), adopter: ID(c.ids.string(r.adopter)), report: ID(c.ids.string(r.report)),
		year: int(r.year), status: c.statuses[r.status],
		evidence: c.ints.get(r.evidence), cues: c.cueLists[r.cues],
	}
}

// applyAdoption adds (d = +1) or subtracts (d = -1) one quad of an
// adoption node.
func (c *catalogue) applyAdoption(id ID, q quad.Quad, d int) {
	i, ok := c.adoptions[id]
	if !ok {
		if d < 0 {
			return
		}
		i = c.slots.new()
		r, s := c.ids.put(string(id))
		c.slots.at(i).id = r
		c.adoptions[ID(s)] = i
	}
	a := c.slots.at(i) // slab values do not move
	switch q.Predicate {
	case PredType:
		a.typed = d > 0
	case PredMechanism:
		c.link(&a.mechanism, i, q.Object, d)
	case PredAdopter:
		c.link(&a.adopter, i, q.Object, d)
	case PredReport:
		if r, ok := idOf(q.Object); ok {
			switch {
			case d > 0:
				a.report = c.idRef(r)
			case c.ids.string(a.report) == string(r):
				a.report = 0
			}
		}
	case PredYear:
		a.year = set(a.year, int32(intOf(q.Object)), d)
	case PredStatus:
		a.status = set(a.status, c.status(AdoptionStatus(strOf(q.Object))), d)
	case PredCue:
		// Sorted, so that the catalogue holds the same cues in the same
		// order whatever order their quads came in.
		v := strOf(q.Object)
		cues := c.cueLists[a.cues]
		i, found := slices.BinarySearch(cues, v)
		if d > 0 && !found {
			a.cues = c.cueSet(slices.Insert(slices.Clone(cues), i, v))
		} else if d < 0 && found {
			a.cues = c.cueSet(slices.Delete(slices.Clone(cues), i, i+1))
		}
	case PredEvidence:
		ev, _ := idOf(q.Object)
		n, err := strconv.Atoi(string(ev[strings.LastIndexByte(string(ev), '/')+1:]))
		if err != nil {
			break
		}
		old := c.ints.get(a.evidence)
		at, found := slices.BinarySearch(old, n)
		switch {
		case d > 0 && !found:
			r, ev := c.ints.alloc(len(old) + 1)
			copy(ev, old[:at])
			ev[at] = n
			copy(ev[at+1:], old[at:])
			a.evidence = r
		case d < 0 && found:
			r, ev := c.ints.alloc(len(old) - 1)
			copy(ev, old[:at])
			copy(ev[at:], old[at+1:])
			a.evidence = r
		}
	}
	if *a == (adoptRec{id: a.id}) {
		delete(c.adoptions, id)
		c.slots.put(i)
	}
}

// idRef returns a ref to the ID of the entry id names, shared with the
// entry; a ref to a copy when it names none.
func (c *catalogue) idRef(id ID) ref {
	if e := c.entries[id]; e != nil {
		return e.idRef
	}
	r, _ := c.ids.put(string(id))
	return r
}

// status returns the index of an adoption status in c.statuses, adding it
// if needed. There are a handful.
func (c *catalogue) status(s AdoptionStatus) uint32 {
	if i := slices.Index(c.statuses, s); i >= 0 {
		return uint32(i)
	}
	c.statuses = append(c.statuses, AdoptionStatus(c.intern(string(s))))
	return uint32(len(c.statuses) - 1)
}

// cueSet returns the index of a sorted list of cues in c.cueLists, adding
// the list if needed; 0, the empty list, for none.
func (c *catalogue) cueSet(cues []string) uint32 {
	if len(cues) == 0 {
		return 0
	}
	key := strings.Join(cues, "\x00")
	if i, ok := c.cueSets[key]; ok {
		return i
	}
	set := slices.Clip(slices.Clone(cues))
	for i, s := range set {
		set[i] = c.intern(s)
	}
	c.cueLists = append(c.cueLists, set)
	i := uint32(len(c.cueLists) - 1)
	c.cueSets[key] = i
	return i
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

// link points one end of adoption i at an entity (d > 0) or unpoints it
// (d < 0), keeping the entity's list of adoptions in step.
func (c *catalogue) link(end *ref, i int32, target quad.Value, d int) {
	id, ok := idOf(target)
	if !ok {
		return
	}
	if d < 0 && c.ids.string(*end) != string(id) {
		return
	}
	e := c.entry(id, d)
	if e == nil {
		return
	}
	if d > 0 {
		if c.ids.string(*end) != string(e.id) { // else i is in the list already
			e.adoptions = append(e.adoptions, i)
		}
		*end = e.idRef
	} else {
		e.unlink(i)
		*end = 0
	}
	c.drop(e)
}

// unlink removes adoption i from the entity's adoptions.
func (e *entry) unlink(i int32) {
	if at := slices.Index(e.adoptions, i); at >= 0 {
		last := len(e.adoptions) - 1
		e.adoptions[at] = e.adoptions[last]
		e.adoptions = e.adoptions[:last]
	}
}

// view returns the adoption as reads return it.
func (a adopted) view() *Adoption {
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
