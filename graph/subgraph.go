package graph

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
)

// A Subgraph is a part of the graph as drawable nodes and edges: what the
// explorer draws and the exports write. Its nodes are entities (reports
// included); evidence and adoption nodes are folded into the edges they
// support.
type Subgraph struct {
	Nodes []Node
	Edges []Edge
	// Truncated tells that a limit stopped the walk that made the subgraph
	// before it reached every node it would have.
	Truncated bool
}

// Node is an entity as drawn.
type Node struct {
	ID   ID
	Kind Kind
	// Label is the entity's name (a document's title; a report's title,
	// else its name).
	Label string
	// Detail says more in a few words: a jurisdiction's full name, a
	// body's or document's kind, an award's recipient, a person's role, a
	// report's jurisdiction.
	Detail string
	// Code is the division code of a jurisdiction, or of the jurisdiction
	// a body is located in or a report is issued by ("" when unknown).
	Code string
	// Level is a jurisdiction's level (province, city, county …), a
	// document's or an award's level.
	Level string
	// Province is the name of the province Code lies in.
	Province string
	// Years are the years covered by the reports that describe or mention
	// the entity (a report: its own year), sorted.
	Years []int
	// Evidence counts the sentences that mention the entity; Reports the
	// reports whose text mentions it.
	Evidence, Reports int
}

// FirstYear returns the earliest of the node's years, 0 when it has none.
func (n Node) FirstYear() int {
	if len(n.Years) == 0 {
		return 0
	}
	return n.Years[0]
}

// EdgeKind names a kind of link between two entities.
type EdgeKind string

// The kinds of edges, each drawn from source to target.
const (
	// EdgeParent: jurisdiction → the jurisdiction it belongs to.
	EdgeParent EdgeKind = "parent"
	// EdgeLocatedIn: body → its jurisdiction.
	EdgeLocatedIn EdgeKind = "locatedIn"
	// EdgeFamily: mechanism → the mechanism it is a variant of.
	EdgeFamily EdgeKind = "family"
	// EdgeTakesPart: mechanism → a body taking part in it.
	EdgeTakesPart EdgeKind = "takesPart"
	// EdgeIssuer: document → the body that issued it.
	EdgeIssuer EdgeKind = "issuer"
	// EdgeMemberOf: person → the body named with them.
	EdgeMemberOf EdgeKind = "memberOf"
	// EdgeReportedBy: report → the jurisdiction that issued it.
	EdgeReportedBy EdgeKind = "reportedBy"
	// EdgeAdopted: jurisdiction → a mechanism it reports, once however many
	// years it reports it.
	EdgeAdopted EdgeKind = "adopted"
	// EdgeMentions: report → an entity its text mentions.
	EdgeMentions EdgeKind = "mentions"
)

// EdgeKinds returns every kind of edge, in a fixed order.
func EdgeKinds() []EdgeKind {
	return []EdgeKind{EdgeParent, EdgeLocatedIn, EdgeFamily, EdgeTakesPart, EdgeIssuer, EdgeMemberOf,
		EdgeReportedBy, EdgeAdopted, EdgeMentions}
}

// refEdge pairs a kind of edge with the predicate that states it, for the
// edges stated by a description (subject → object).
type refEdge struct {
	kind EdgeKind
	from Kind
	// rel follows the edge back from its target; its predicate states it.
	rel Relation
}

// refEdges are the edges stated by entity descriptions.
var refEdges = [...]refEdge{
	{EdgeParent, KindJurisdiction, Children},
	{EdgeLocatedIn, KindBody, BodiesIn},
	{EdgeFamily, KindMechanism, Variants},
	{EdgeTakesPart, KindMechanism, TakesPart},
	{EdgeIssuer, KindDocument, Issued},
	{EdgeMemberOf, KindPerson, Members},
	{EdgeReportedBy, KindReport, ReportsBy},
}

// predicateOf returns the predicate stating edges of kind k, "" for
// adoptions and mentions.
func predicateOf(k EdgeKind) quad.IRI {
	for _, r := range refEdges {
		if r.kind == k {
			return r.rel.predicate()
		}
	}
	return ""
}

// Edge is a link between two entities as drawn.
type Edge struct {
	Kind           EdgeKind
	Source, Target ID
	// Years are the years the link is stated in: an adoption's years, the
	// year of a mentioning report; for a description, the first year both
	// ends are named. Sorted.
	Years []int
	// Status is an adoption's strongest status.
	Status AdoptionStatus
	// Evidence counts what supports the link: the sentences of an
	// adoption, the sentences of a report mentioning an entity, the
	// reports stating a description.
	Evidence int
	// Adoptions are the adoption nodes an adopted edge stands for.
	Adoptions []ID
}

// Key identifies the edge within a graph: kind, source and target.
func (e Edge) Key() string { return string(e.Kind) + ":" + string(e.Source) + ">" + string(e.Target) }

// FirstYear returns the earliest of the edge's years, 0 when it has none.
func (e Edge) FirstYear() int {
	if len(e.Years) == 0 {
		return 0
	}
	return e.Years[0]
}

// ParseEdgeKind returns the kind of edge named s, false for no kind.
func ParseEdgeKind(s string) (EdgeKind, bool) {
	for _, k := range EdgeKinds() {
		if string(k) == s {
			return k, true
		}
	}
	return "", false
}

// View narrows the subgraphs the explorer reads. Zero fields do not
// filter.
type View struct {
	// Kinds keeps the entities of these kinds.
	Kinds []Kind
	// FromYear and ToYear keep the entities named by a report covering a
	// year in the range, and the adoptions and mentions of a year in it;
	// either end is open when 0.
	FromYear, ToYear int
}

func (v View) keepsKind(k Kind) bool { return len(v.Kinds) == 0 || slices.Contains(v.Kinds, k) }

func (v View) inRange(y int) bool {
	return y != 0 && (v.FromYear == 0 || y >= v.FromYear) && (v.ToYear == 0 || y <= v.ToYear)
}

func (v View) dated() bool { return v.FromYear != 0 || v.ToYear != 0 }

// keepsYears reports whether a set of years passes the year range.
func (v View) keepsYears(ys []int) bool {
	if !v.dated() {
		return true
	}
	for _, y := range ys {
		if v.inRange(y) {
			return true
		}
	}
	return false
}

// Subgraph returns the entities with the given IDs that pass the view, and
// every edge between two of them: the subgraph they induce. Unknown IDs are
// left out.
func (s *Store) Subgraph(ctx context.Context, ids []ID, v View) (*Subgraph, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if _, err := s.open(); err != nil {
		return nil, fmt.Errorf("graph.Subgraph: %w", err)
	}
	w := s.newWalk(v)
	for _, id := range ids {
		if e := s.cat.entries[id]; e != nil && catalogued(id.Kind()) && w.keeps(e) {
			w.add(e)
		}
	}
	return w.result(), nil
}

// Graph returns every entity that passes the view and every edge between
// two of them: the whole graph, for export.
func (s *Store) Graph(ctx context.Context, v View) (*Subgraph, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if _, err := s.open(); err != nil {
		return nil, fmt.Errorf("graph.Graph: %w", err)
	}
	w := s.newWalk(v)
	for _, k := range Kinds() {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("graph.Graph: %w", err)
		}
		for _, e := range s.cat.kind(k) {
			if w.keeps(e) {
				w.add(e)
			}
		}
	}
	return w.result(), nil
}

// walk gathers the nodes of a subgraph, then its edges. Called with s.mu
// held for reading.
type walk struct {
	s     *Store
	v     View
	nodes map[ID]*entry
	order []ID
	years map[ID][]int  // memo of yearsOf
	edges map[ID][]Edge // memo of edgesOf
}

func (s *Store) newWalk(v View) *walk {
	return &walk{s: s, v: v, nodes: make(map[ID]*entry), years: make(map[ID][]int), edges: make(map[ID][]Edge)}
}

func (w *walk) has(id ID) bool { _, ok := w.nodes[id]; return ok }

func (w *walk) add(e *entry) {
	if !w.has(e.id) {
		w.nodes[e.id] = e
		w.order = append(w.order, e.id)
	}
}

// keeps reports whether an entity passes the view.
func (w *walk) keeps(e *entry) bool {
	return w.v.keepsKind(e.id.Kind()) && (!w.v.dated() || w.v.keepsYears(w.yearsOf(e)))
}

// yearsOf returns the years of the reports that describe or mention an
// entity (a report: its own), sorted and distinct. An entity's are kept
// until the next write: a mechanism's come from thousands of reports.
func (w *walk) yearsOf(e *entry) []int {
	if ys, ok := w.years[e.id]; ok {
		return ys
	}
	var ys []int
	if e.id.Kind() == KindReport {
		if y := e.int(PredYear); y != 0 {
			ys = []int{y}
		}
	} else if cached, ok := w.s.years.get(w.s.version, e.id); ok {
		ys = cached
	} else {
		for _, u := range e.uses {
			if r := w.s.cat.entries[u.report]; r != nil {
				if y := r.int(PredYear); y != 0 {
					ys = append(ys, y)
				}
			}
		}
		slices.Sort(ys)
		ys = slices.Compact(ys)
		w.s.years.put(w.s.version, e.id, ys, len(ys)+1)
	}
	w.years[e.id] = ys
	return ys
}

// result builds the subgraph of the nodes gathered: the nodes in the
// order they were added, and every edge between two of them, sorted.
func (w *walk) result() *Subgraph {
	g := &Subgraph{Nodes: make([]Node, 0, len(w.order))}
	for _, id := range w.order {
		g.Nodes = append(g.Nodes, w.node(w.nodes[id]))
	}
	type keyed struct {
		key  string
		edge Edge
	}
	var edges []keyed
	seen := make(map[string]bool)
	for _, id := range w.order {
		for _, e := range w.edgesAmong(w.nodes[id]) {
			if !w.has(e.Source) || !w.has(e.Target) {
				continue
			}
			key := e.Key()
			if seen[key] {
				continue
			}
			seen[key] = true
			finish(&e)
			edges = append(edges, keyed{key, e})
		}
	}
	sort.Slice(edges, func(i, j int) bool { return edges[i].key < edges[j].key })
	g.Edges = make([]Edge, len(edges))
	for i, k := range edges {
		g.Edges[i] = k.edge
	}
	return g
}

// node describes an entity as drawn.
func (w *walk) node(e *entry) Node {
	n := Node{ID: e.id, Kind: e.id.Kind(), Label: e.name(), Years: w.yearsOf(e), Reports: e.mentionedIn()}
	for _, u := range e.uses {
		n.Evidence += int(max(u.mentions, 0))
	}
	c := w.s.cat
	switch n.Kind {
	case KindJurisdiction:
		n.Detail, n.Level, n.Code = e.str(PredFullName), e.str(PredLevel), w.s.codeOf(e)
	case KindBody:
		n.Detail = e.str(PredKind)
		n.Code = w.s.codeOf(c.entries[e.ref(PredLocatedIn)])
	case KindMechanism:
		if f := c.entries[e.ref(PredFamily)]; f != nil {
			n.Detail = "variant of " + f.name()
		}
	case KindDocument:
		n.Detail, n.Level = e.str(PredKind), e.str(PredLevel)
	case KindAward:
		n.Detail, n.Level = e.str(PredRecipient), e.str(PredLevel)
	case KindPerson:
		n.Detail = e.str(PredRole)
	case KindReport:
		if t := e.str(PredTitle); t != "" {
			n.Label = t
		}
		if j := c.entries[e.ref(PredJurisdiction)]; j != nil {
			n.Detail = j.str(PredFullName)
			n.Code = w.s.codeOf(j)
		}
	}
	n.Province = w.s.provinceName(n.Code)
	return n
}

// provinceName returns the name of the province a division code lies in:
// the jurisdiction whose code is the code's first two digits, alone (the
// gazetteer's short codes: 33, 3305, 330411) or followed by zeros to six
// or twelve digits; "" when the store holds none.
func (s *Store) provinceName(code string) string {
	if len(code) < 2 {
		return ""
	}
	for _, c := range []string{code[:2], code[:2] + "0000", code[:2] + "0000000000"} {
		if e := s.cat.entries[JurisdictionID(c)]; e != nil {
			return e.name()
		}
	}
	return ""
}

// edgesOf returns the edges of an entity that the catalogue holds: those
// its description states, its adoptions, and, for anything but a report,
// the reports mentioning it. Every edge of the graph is found from one of
// its ends this way: the incoming links of a node are stated by the
// descriptions of their sources, and a report's mentions are kept by the
// entities mentioned.
func (w *walk) edgesOf(e *entry) []Edge {
	if out, ok := w.edges[e.id]; ok {
		return out
	}
	out := w.findEdges(e, nil)
	w.edges[e.id] = out
	return out
}

// edgesAmong returns the edges of an entity whose other end the walk
// holds, or may leave them to the other end: edgesOf filtered, but,
// unless edgesOf has already been asked, without building the edges to
// the entities left out (a mechanism's thousands of reports and adopters,
// of which a neighbourhood keeps few). Every edge between two nodes of the
// walk is returned for one of its ends.
func (w *walk) edgesAmong(e *entry) []Edge {
	if out, ok := w.edges[e.id]; ok {
		return out
	}
	return w.findEdges(e, w.has)
}

// findEdges returns the edges of edgesOf; with keep, only those whose
// other end keep accepts (some others may remain), and a mechanism's
// adoptions not at all: they are found from the places that adopted it,
// which hold the same adoptions and far fewer of them.
func (w *walk) findEdges(e *entry, keep func(ID) bool) []Edge {
	all := keep == nil
	if all {
		keep = func(ID) bool { return true }
	}
	var out []Edge
	k := e.id.Kind()
	described(e, func(r refEdge, target ID, n int) {
		if keep(target) {
			out = append(out, Edge{Kind: r.kind, Source: e.id, Target: target, Evidence: n, Years: w.describedYears(e.id, target)})
		}
	})
	if k == KindJurisdiction || (k == KindMechanism && all) {
		out = append(out, w.adoptionEdges(e, keep)...)
	}
	if k != KindReport {
		for _, u := range e.uses {
			if u.mentions <= 0 || !keep(u.report) {
				continue
			}
			edge := Edge{Kind: EdgeMentions, Source: u.report, Target: e.id, Evidence: int(u.mentions)}
			if r := w.s.cat.entries[u.report]; r != nil && r.int(PredYear) != 0 {
				edge.Years = []int{r.int(PredYear)}
			}
			if len(edge.Years) == 0 || !w.v.dated() || w.v.inRange(edge.Years[0]) {
				out = append(out, edge)
			}
		}
	}
	return out
}

// described passes to f each link e's description states: its kind, the
// entity it points to and the number of statements of it.
func described(e *entry, f func(r refEdge, target ID, n int)) {
	k := e.id.Kind()
	for _, r := range refEdges {
		if r.from != k {
			continue
		}
		pred := r.rel.predicate()
		for _, st := range e.vals {
			if st.pred != pred {
				continue
			}
			if target, ok := idOf(st.val); ok && catalogued(target.Kind()) {
				f(r, target, st.n)
			}
		}
	}
}

// describedYears returns the first year both ends of a description edge
// are named, as a one-year list (empty when either end has no year).
func (w *walk) describedYears(a, b ID) []int {
	ea, eb := w.s.cat.entries[a], w.s.cat.entries[b]
	if ea == nil || eb == nil {
		return nil
	}
	ya, yb := w.yearsOf(ea), w.yearsOf(eb)
	if len(ya) == 0 || len(yb) == 0 {
		return nil
	}
	return []int{max(ya[0], yb[0])}
}

// adoptionEdges merges the adoptions of a mechanism, or by a jurisdiction,
// into one edge per jurisdiction and mechanism, keeping those of a year
// in the view's range. The edges' years and adoptions are in no order
// until finish: a walk keeps few of the edges it reads.
func (w *walk) adoptionEdges(e *entry, keep func(ID) bool) []Edge {
	byPair := make(map[[2]ID]*Edge)
	for _, i := range e.adoptions {
		a := w.s.cat.adoption(i)
		if a.adopter == "" || a.mechanism == "" {
			continue
		}
		other := a.adopter
		if other == e.id {
			other = a.mechanism
		}
		if !keep(other) {
			continue
		}
		if w.v.dated() && !w.v.inRange(a.year) {
			continue
		}
		key := [2]ID{a.adopter, a.mechanism}
		edge := byPair[key]
		if edge == nil {
			edge = &Edge{Kind: EdgeAdopted, Source: a.adopter, Target: a.mechanism, Status: AdoptionPlanned}
			byPair[key] = edge
		}
		if a.year != 0 && !slices.Contains(edge.Years, a.year) {
			edge.Years = append(edge.Years, a.year)
		}
		edge.Status = stronger(edge.Status, a.status)
		edge.Evidence += len(a.evidence)
		edge.Adoptions = append(edge.Adoptions, a.id)
	}
	type keyed struct {
		key  string
		edge *Edge
	}
	edges := make([]keyed, 0, len(byPair))
	for _, edge := range byPair {
		edges = append(edges, keyed{edge.Key(), edge})
	}
	sort.Slice(edges, func(i, j int) bool { return edges[i].key < edges[j].key })
	out := make([]Edge, len(edges))
	for i, k := range edges {
		out[i] = *k.edge
	}
	return out
}

// finish sorts what adoptionEdges leaves unsorted in an edge it returns:
// its years and adoptions.
func finish(e *Edge) {
	if e.Kind == EdgeAdopted {
		slices.Sort(e.Years)
		sortIDs(e.Adoptions)
	}
}

// kindRank orders kinds for the explorer: places and mechanisms first,
// reports, the hubs, last.
func kindRank(k Kind) int {
	switch k {
	case KindJurisdiction:
		return 0
	case KindMechanism:
		return 1
	case KindBody:
		return 2
	case KindDocument:
		return 3
	case KindAward:
		return 4
	case KindPerson:
		return 5
	}
	return 6
}

// ParseKind returns the entity kind named s (any case), false for none.
func ParseKind(s string) (Kind, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, k := range Kinds() {
		if string(k) == s {
			return k, true
		}
	}
	return "", false
}
