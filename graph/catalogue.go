package graph

import (
	"context"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/cayleygraph/quad"
)

// catalogue is the in-memory aggregate of every entity description in the
// store: for each entity, each (predicate, value) of its description with
// the number of reports that state it, and the reports that describe it.
// It answers lookups by name, lists with filters and entity reads without a
// store round trip.
//
// It is the sum of the description quads: Open adds them all up, and each
// committed transaction adds its new quads and subtracts its deleted ones,
// so it never needs a rebuild. The sorted views used by lists are rebuilt
// lazily, per kind, after a write.
type catalogue struct {
	entries   map[ID]*entry
	keys      map[string][]*entry // folded name, alias, full name or code → entities
	adoptions map[ID]int32        // → index in slots
	// strings interns predicates, cues and statuses, which recur in every
	// entity and adoption. Adoptions share their statuses and sorted
	// lists of cues by index in statuses and cueLists (cueSets finds
	// a list's index).
	strings  map[string]string
	statuses []AdoptionStatus
	cueLists [][]string
	cueSets  map[string]uint32
	// ids holds the IDs of entities and adoptions, slots the adoptions
	// and ints their evidence: a few large objects to the garbage
	// collector, and slots none it has to scan (see arena).
	ids   stringArena
	ints  refArena[int]
	slots slab[adoptRec]

	sortMu sync.Mutex // guards sorted; taken under the store's read lock
	sorted map[Kind][]*entry
}

// entry is one entity of the catalogue.
type entry struct {
	id    ID
	idRef ref // of id in the catalogue's ids
	// uses are the reports that describe the entity or mention it, sorted
	// by report.
	uses []use
	vals []statement
	// adoptions are those of a mechanism, or by a jurisdiction, by
	// index in the catalogue's slots, in no particular order.
	adoptions []int32
}

// use is one report's part in an entity: whether its rdf:type quad
// describes the entity, and how many of its evidence sentences mention it.
// A report may describe an entity it never mentions (the family of a
// variant, the parent of a place).
type use struct {
	report    ID
	described bool
	mentions  int32
}

// use returns the use of a report, added if missing when add is set; nil
// when there is none.
func (e *entry) use(report ID, add bool) *use {
	i, found := e.find(report)
	if found {
		return &e.uses[i]
	}
	if !add {
		return nil
	}
	e.uses = append(e.uses, use{})
	copy(e.uses[i+1:], e.uses[i:])
	e.uses[i] = use{report: report}
	return &e.uses[i]
}

// find returns where the use of report is or would be in e.uses.
func (e *entry) find(report ID) (int, bool) {
	return sort.Find(len(e.uses), func(i int) int { return strings.Compare(string(report), string(e.uses[i].report)) })
}

// settle drops the use of report if it neither describes nor mentions
// the entity any more. It looks at that use only: an entity named by
// thousands of reports is changed one report at a time.
func (e *entry) settle(report ID) {
	if i, found := e.find(report); found && !e.uses[i].described && e.uses[i].mentions <= 0 {
		e.uses = slices.Delete(e.uses, i, i+1)
	}
}

// mentionedIn returns the number of reports whose text mentions the entity.
func (e *entry) mentionedIn() int {
	n := 0
	for _, u := range e.uses {
		if u.mentions > 0 {
			n++
		}
	}
	return n
}

// describedIn returns the number of reports that describe the entity.
func (e *entry) describedIn() int {
	n := 0
	for _, u := range e.uses {
		if u.described {
			n++
		}
	}
	return n
}

// statement is one (predicate, value) of an entity's description, with the
// number of reports stating it and, for names, its folded key.
type statement struct {
	pred quad.IRI
	val  quad.Value
	n    int
	key  string
}

func newCatalogue() *catalogue {
	return &catalogue{
		entries:   make(map[ID]*entry),
		keys:      make(map[string][]*entry),
		adoptions: make(map[ID]int32),
		strings:   make(map[string]string),
		statuses:  []AdoptionStatus{""},
		cueLists:  [][]string{nil},
		cueSets:   make(map[string]uint32),
		sorted:    make(map[Kind][]*entry),
	}
}

// catalogued reports whether nodes of kind k are entities of the catalogue.
func catalogued(k Kind) bool {
	switch k {
	case KindReport, KindJurisdiction, KindBody, KindMechanism, KindDocument, KindAward, KindPerson:
		return true
	}
	return false
}

// keyed reports whether values of pred name their subject.
func keyed(pred quad.IRI) bool {
	switch pred {
	case PredName, PredAlias, PredFullName, PredCode:
		return true
	}
	return false
}

// loadCatalogue builds the catalogue of a store from the description quads
// of its entities and adoptions, reached from each class through the
// rdf:type quads, and from the quads of the evidence that mentions them.
func loadCatalogue(ctx context.Context, s *Store) (*catalogue, error) {
	c := newCatalogue()
	for _, k := range append(Kinds(), KindAdoption) {
		typed, err := s.scan(ctx, quad.Object, []quad.Value{classOf(k)}, PredType)
		if err != nil {
			return nil, err
		}
		var subjects []quad.Value
		seen := make(map[quad.Value]bool)
		for _, q := range typed[0] {
			if !seen[q.Subject] {
				seen[q.Subject] = true
				subjects = append(subjects, q.Subject)
			}
		}
		const batch = 512
		for len(subjects) > 0 {
			n := min(batch, len(subjects))
			described, err := s.scan(ctx, quad.Subject, subjects[:n], "")
			if err != nil {
				return nil, err
			}
			mentioned, err := s.scan(ctx, quad.Object, subjects[:n], PredMentions)
			if err != nil {
				return nil, err
			}
			for _, qs := range append(described, mentioned...) {
				for _, q := range qs {
					c.apply(q, +1)
				}
			}
			subjects = subjects[n:]
		}
	}
	return c, nil
}

// apply adds (d = +1) or subtracts (d = -1) one quad: a description of an
// entity, a quad of an adoption, or an evidence sentence's mention of an
// entity. The rest of the evidence quads are ignored.
func (c *catalogue) apply(q quad.Quad, d int) {
	report, _ := idOf(q.Label)
	report = c.id(report)
	if q.Predicate == PredMentions {
		if id, ok := idOf(q.Object); ok && catalogued(id.Kind()) {
			if e := c.entry(id, d); e != nil {
				if u := e.use(report, d > 0); u != nil {
					u.mentions += int32(d)
					e.settle(report)
				}
				c.drop(e)
			}
		}
		return
	}
	id, ok := idOf(q.Subject)
	if ok && id.Kind() == KindAdoption {
		c.applyAdoption(id, q, d)
		return
	}
	if !ok || !catalogued(id.Kind()) {
		return
	}
	e := c.entry(id, d)
	if e == nil {
		return
	}
	if q.Predicate == PredType {
		if u := e.use(report, d > 0); u != nil {
			u.described = d > 0
			e.settle(report)
		}
	} else if pred, ok := q.Predicate.(quad.IRI); ok {
		c.count(e, pred, q.Object, d)
	}
	c.drop(e)
}

// intern returns the copy of s the catalogue holds, adding it if needed.
// It is kept for the few strings that recur everywhere (predicates, cues);
// IDs are shared through the entries instead (see id).
func (c *catalogue) intern(s string) string {
	if x, ok := c.strings[s]; ok {
		return x
	}
	c.strings[s] = s
	return s
}

// id returns the copy of id the catalogue's entry for it holds, so that
// the reports in every entity's uses and the ends of every adoption share
// one string; id itself when it names no entry.
func (c *catalogue) id(id ID) ID {
	if e := c.entries[id]; e != nil {
		return e.id
	}
	return id
}

// value returns the catalogue's copy of a value: the entry's ID for an IRI
// naming an entry, text held in the arena for other IRIs and strings.
func (c *catalogue) value(v quad.Value) quad.Value {
	switch x := v.(type) {
	case quad.IRI:
		if e := c.entries[ID(x)]; e != nil {
			return quad.IRI(e.id)
		}
		return quad.IRI(c.ids.str(string(x)))
	case quad.String:
		return quad.String(c.ids.str(string(x)))
	}
	return v
}

// entry returns the entry of id for a change d, creating it for an
// addition; nil when a removal finds none.
func (c *catalogue) entry(id ID, d int) *entry {
	c.invalidate(id.Kind())
	e := c.entries[id]
	if e == nil && d > 0 {
		e = c.newEntry(id)
		c.entries[e.id] = e
	}
	return e
}

// newEntry returns an entry of id, its ID held in the arena.
func (c *catalogue) newEntry(id ID) *entry {
	r, s := c.ids.put(string(id))
	return &entry{id: ID(s), idRef: r}
}

// drop removes an entry nothing describes or mentions any more.
func (c *catalogue) drop(e *entry) {
	if len(e.uses) == 0 && len(e.vals) == 0 && len(e.adoptions) == 0 {
		delete(c.entries, e.id)
	}
}

// count changes the number of reports stating (pred, val) about e.
func (c *catalogue) count(e *entry, pred quad.IRI, val quad.Value, d int) {
	for i := range e.vals {
		st := &e.vals[i]
		if st.pred != pred || st.val != val {
			continue
		}
		st.n += d
		if st.n <= 0 {
			if st.key != "" {
				c.unindex(st.key, e)
			}
			e.vals = append(e.vals[:i], e.vals[i+1:]...)
		}
		return
	}
	if d <= 0 {
		return
	}
	st := statement{pred: quad.IRI(c.intern(string(pred))), val: c.value(val), n: d}
	if keyed(pred) {
		if s, ok := val.(quad.String); ok {
			st.key = c.ids.str(Fold(string(s)))
		}
		if st.key != "" && !e.hasKey(st.key) {
			c.keys[st.key] = append(c.keys[st.key], e)
		}
	}
	e.vals = append(e.vals, st)
}

// unindex drops e from the entries of key unless another of its names
// still folds to it.
func (c *catalogue) unindex(key string, e *entry) {
	n := 0
	for _, st := range e.vals {
		if st.key == key {
			n++
		}
	}
	if n > 1 {
		return // the statement being removed is one of several
	}
	list := c.keys[key]
	for i, x := range list {
		if x == e {
			list = append(list[:i:i], list[i+1:]...)
			break
		}
	}
	if len(list) == 0 {
		delete(c.keys, key)
	} else {
		c.keys[key] = list
	}
}

func (e *entry) hasKey(key string) bool {
	for _, st := range e.vals {
		if st.key == key {
			return true
		}
	}
	return false
}

func (c *catalogue) invalidate(k Kind) {
	c.sortMu.Lock()
	delete(c.sorted, k)
	c.sortMu.Unlock()
}

// value returns the value of pred most reports state (the smallest one
// among equals), nil when none does.
func (e *entry) value(pred quad.IRI) quad.Value {
	var best *statement
	for i := range e.vals {
		st := &e.vals[i]
		if st.pred != pred {
			continue
		}
		if best == nil || st.n > best.n || (st.n == best.n && lessValue(st.val, best.val)) {
			best = st
		}
	}
	if best == nil {
		return nil
	}
	return best.val
}

// values returns every value of pred, sorted.
func (e *entry) values(pred quad.IRI) []quad.Value {
	var out []quad.Value
	for _, st := range e.vals {
		if st.pred == pred {
			out = append(out, st.val)
		}
	}
	sort.Slice(out, func(i, j int) bool { return lessValue(out[i], out[j]) })
	return out
}

// lessValue orders values of the kinds descriptions use without
// formatting them: strings and IRIs by text, numbers by value, kinds
// apart.
func lessValue(a, b quad.Value) bool {
	rank := func(v quad.Value) (int, string, int64) {
		switch x := v.(type) {
		case quad.String:
			return 0, string(x), 0
		case quad.IRI:
			return 1, string(x), 0
		case quad.Int:
			return 2, "", int64(x)
		case quad.Bool:
			if x {
				return 3, "", 1
			}
			return 3, "", 0
		}
		return 4, quad.ToString(v), 0
	}
	ka, sa, na := rank(a)
	kb, sb, nb := rank(b)
	if ka != kb {
		return ka < kb
	}
	if sa != sb {
		return sa < sb
	}
	return na < nb
}

func (e *entry) str(pred quad.IRI) string {
	s, _ := e.value(pred).(quad.String)
	return string(s)
}

func (e *entry) int(pred quad.IRI) int {
	n, _ := e.value(pred).(quad.Int)
	return int(n)
}

func (e *entry) bool(pred quad.IRI) bool {
	b, _ := e.value(pred).(quad.Bool)
	return bool(b)
}

func (e *entry) ref(pred quad.IRI) ID {
	id, _ := idOf(e.value(pred))
	return id
}

func (e *entry) strs(pred quad.IRI) []string {
	var out []string
	for _, v := range e.values(pred) {
		if s, ok := v.(quad.String); ok {
			out = append(out, string(s))
		}
	}
	return out
}

func (e *entry) refs(pred quad.IRI) []ID {
	var out []ID
	for _, v := range e.values(pred) {
		if id, ok := idOf(v); ok {
			out = append(out, id)
		}
	}
	return out
}

// name returns the entity's name, falling back to its ID's last segment.
func (e *entry) name() string {
	if s := e.str(PredName); s != "" {
		return s
	}
	i := strings.LastIndexByte(string(e.id), '/')
	return string(e.id[i+1:])
}

// find returns the entities of kind k (any kind when k is "") having a
// name, alias, full name or code that folds to key, best match first: a
// match on the name before one on a full name, code or alias, then the
// entities most reports mention, then describe.
func (c *catalogue) find(k Kind, key string) []*entry {
	var out []*entry
	for _, e := range c.keys[key] {
		if k == "" || e.id.Kind() == k {
			out = append(out, e)
		}
	}
	rank := func(e *entry) int {
		best := 3
		for _, st := range e.vals {
			if st.key != key {
				continue
			}
			switch st.pred {
			case PredName:
				best = min(best, 0)
			case PredFullName, PredCode:
				best = min(best, 1)
			default:
				best = min(best, 2)
			}
		}
		return best
	}
	sort.SliceStable(out, func(i, j int) bool {
		ri, rj := rank(out[i]), rank(out[j])
		if ri != rj {
			return ri < rj
		}
		if ni, nj := out[i].mentionedIn(), out[j].mentionedIn(); ni != nj {
			return ni > nj
		}
		if ni, nj := out[i].describedIn(), out[j].describedIn(); ni != nj {
			return ni > nj
		}
		return out[i].id < out[j].id
	})
	return out
}
