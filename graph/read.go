package graph

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/fazhikg/fazhikg/extract"
)

// Every read below takes many IDs and returns one result per ID, in order,
// nil (or empty) for an ID the store does not hold: batch-friendly, so that
// a caller resolving N items makes one call, not N.

// Reports returns the reports with the given IDs.
func (s *Store) Reports(ctx context.Context, ids []ID) ([]*Report, error) {
	return entities(s, ids, KindReport, func(e *entry) *Report {
		return &Report{
			ID: e.id, Name: e.name(), Title: e.str(PredTitle), Year: e.int(PredYear),
			Published: e.str(PredPublished), Source: e.str(PredSource), Hash: e.str(PredHash),
			Format: e.str(PredFormat), Encoding: e.str(PredEncoding), Issuer: e.str(PredIssuer),
			IndexNo: e.str(PredIndexNo), JurisdictionID: e.ref(PredJurisdiction),
		}
	})
}

// Jurisdictions returns the jurisdictions with the given IDs.
func (s *Store) Jurisdictions(ctx context.Context, ids []ID) ([]*Jurisdiction, error) {
	return entities(s, ids, KindJurisdiction, func(e *entry) *Jurisdiction {
		return &Jurisdiction{
			ID: e.id, Code: e.str(PredCode), Name: e.name(), FullName: e.str(PredFullName),
			Level: e.str(PredLevel), ParentID: e.ref(PredParent), Aliases: e.strs(PredAlias),
			ReportCount: e.mentionedIn(),
		}
	})
}

// Bodies returns the bodies with the given IDs.
func (s *Store) Bodies(ctx context.Context, ids []ID) ([]*Body, error) {
	return entities(s, ids, KindBody, func(e *entry) *Body {
		return &Body{
			ID: e.id, Name: e.name(), Kind: e.str(PredKind), JurisdictionID: e.ref(PredLocatedIn),
			Aliases: e.strs(PredAlias), ReportCount: e.mentionedIn(),
		}
	})
}

// Mechanisms returns the mechanisms with the given IDs.
func (s *Store) Mechanisms(ctx context.Context, ids []ID) ([]*Mechanism, error) {
	return entities(s, ids, KindMechanism, func(e *entry) *Mechanism {
		return &Mechanism{
			ID: e.id, Name: e.name(), Aliases: e.strs(PredAlias), FamilyID: e.ref(PredFamily),
			BodyIDs: e.refs(PredTakesPart), Known: e.bool(PredKnown), ReportCount: e.mentionedIn(),
		}
	})
}

// Documents returns the documents with the given IDs.
func (s *Store) Documents(ctx context.Context, ids []ID) ([]*Document, error) {
	return entities(s, ids, KindDocument, func(e *entry) *Document {
		return &Document{
			ID: e.id, Title: e.name(), Kind: e.str(PredKind), Level: e.str(PredLevel),
			IssuerID: e.ref(PredIssuer), Aliases: e.strs(PredAlias), ReportCount: e.mentionedIn(),
		}
	})
}

// Awards returns the awards with the given IDs.
func (s *Store) Awards(ctx context.Context, ids []ID) ([]*Award, error) {
	return entities(s, ids, KindAward, func(e *entry) *Award {
		return &Award{
			ID: e.id, Name: e.name(), Recipient: e.str(PredRecipient), Level: e.str(PredLevel),
			Year: e.int(PredYear), ReportCount: e.mentionedIn(),
		}
	})
}

// People returns the people with the given IDs.
func (s *Store) People(ctx context.Context, ids []ID) ([]*Person, error) {
	return entities(s, ids, KindPerson, func(e *entry) *Person {
		return &Person{
			ID: e.id, Name: e.name(), Role: e.str(PredRole), BodyID: e.ref(PredMemberOf),
			ReportCount: e.mentionedIn(),
		}
	})
}

// entities reads catalogue entries of kind k.
func entities[T any](s *Store, ids []ID, k Kind, view func(*entry) *T) ([]*T, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if _, err := s.open(); err != nil {
		return nil, err
	}
	out := make([]*T, len(ids))
	for i, id := range ids {
		if id.Kind() != k {
			continue
		}
		if e := s.cat.entries[id]; e != nil {
			out[i] = view(e)
		}
	}
	return out, nil
}

// Nodes returns the node behind each ID: a *Report, *Jurisdiction, *Body,
// *Mechanism, *Document, *Award, *Person, *Evidence or *Adoption, nil for
// an ID the store does not hold.
func (s *Store) Nodes(ctx context.Context, ids []ID) ([]any, error) {
	out := make([]any, len(ids))
	byKind := make(map[Kind][]int)
	for i, id := range ids {
		byKind[id.Kind()] = append(byKind[id.Kind()], i)
	}
	for k, at := range byKind {
		some := make([]ID, len(at))
		for j, i := range at {
			some[j] = ids[i]
		}
		var (
			got []any
			err error
		)
		switch k {
		case KindReport:
			got, err = anys(s.Reports(ctx, some))
		case KindJurisdiction:
			got, err = anys(s.Jurisdictions(ctx, some))
		case KindBody:
			got, err = anys(s.Bodies(ctx, some))
		case KindMechanism:
			got, err = anys(s.Mechanisms(ctx, some))
		case KindDocument:
			got, err = anys(s.Documents(ctx, some))
		case KindAward:
			got, err = anys(s.Awards(ctx, some))
		case KindPerson:
			got, err = anys(s.People(ctx, some))
		case KindEvidence:
			got, err = anys(s.Evidence(ctx, some))
		case KindAdoption:
			got, err = anys(s.Adoptions(ctx, some))
		default:
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("graph.Nodes: %w", err)
		}
		for j, i := range at {
			out[i] = got[j]
		}
	}
	return out, nil
}

// anys turns typed results into []any, keeping nil pointers as nil
// interfaces.
func anys[T any](xs []*T, err error) ([]any, error) {
	if err != nil {
		return nil, err
	}
	out := make([]any, len(xs))
	for i, x := range xs {
		if x != nil {
			out[i] = x
		}
	}
	return out, nil
}

// Evidence returns the evidence sentences with the given IDs.
func (s *Store) Evidence(ctx context.Context, ids []ID) ([]*Evidence, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if _, err := s.open(); err != nil {
		return nil, fmt.Errorf("graph.Evidence: %w", err)
	}
	out := make([]*Evidence, len(ids))
	var missing []ID
	var at []int
	for i, id := range ids {
		if ev, ok := s.evidence.get(s.version, id); ok {
			out[i] = ev
			continue
		}
		missing, at = append(missing, id), append(at, i)
	}
	if len(missing) == 0 {
		return out, nil
	}
	anchors := make([]quad.Value, len(missing))
	for i, id := range missing {
		if id.Kind() == KindEvidence {
			anchors[i] = id.IRI()
		}
	}
	described, err := s.scan(ctx, quad.Subject, anchors, "")
	if err != nil {
		return nil, fmt.Errorf("graph.Evidence: %w", err)
	}
	for k, qs := range described {
		var ev *Evidence // nil: no evidence with that ID
		if len(qs) > 0 {
			ev = evidenceOf(missing[k], qs)
		}
		out[at[k]] = ev
		s.evidence.put(s.version, missing[k], ev, 1)
	}
	return out, nil
}

func evidenceOf(id ID, qs []quad.Quad) *Evidence {
	ev := &Evidence{ID: id}
	for _, q := range qs {
		switch q.Predicate {
		case PredReport:
			ev.ReportID, _ = idOf(q.Object)
		case PredSentence:
			ev.Sentence = intOf(q.Object)
		case PredText:
			ev.Text = strOf(q.Object)
		case PredStart:
			ev.Start = intOf(q.Object)
		case PredEnd:
			ev.End = intOf(q.Object)
		case PredStatus:
			ev.Status = extract.Status(strOf(q.Object))
		case PredSection:
			ev.Section = strOf(q.Object)
		}
	}
	return ev
}

// Adoptions returns the adoptions with the given IDs.
func (s *Store) Adoptions(ctx context.Context, ids []ID) ([]*Adoption, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if _, err := s.open(); err != nil {
		return nil, fmt.Errorf("graph.Adoptions: %w", err)
	}
	out := make([]*Adoption, len(ids))
	for i, id := range ids {
		if a, ok := s.cat.adoptions[id]; ok {
			out[i] = s.cat.adoption(a).view()
		}
	}
	return out, nil
}

// describe returns the quads whose subject is each ID of kind k.
func (s *Store) describe(ctx context.Context, ids []ID, k Kind) ([][]quad.Quad, error) {
	anchors := make([]quad.Value, len(ids))
	for i, id := range ids {
		if id.Kind() == k {
			anchors[i] = id.IRI()
		}
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.scan(ctx, quad.Subject, anchors, "")
}

func strOf(v quad.Value) string {
	s, _ := v.(quad.String)
	return string(s)
}

func intOf(v quad.Value) int {
	n, _ := v.(quad.Int)
	return int(n)
}

// Relation names a link followed backwards, from the node it points to
// back to the nodes it starts from.
type Relation int

// Relations Linked follows.
const (
	// Variants: mechanism → the mechanisms that are its variants.
	Variants Relation = iota
	// Children: jurisdiction → the jurisdictions it is the parent of.
	Children
	// BodiesIn: jurisdiction → the bodies located in it.
	BodiesIn
	// ReportsBy: jurisdiction → the reports it issued.
	ReportsBy
	// Mentions: entity → the evidence sentences that mention it.
	Mentions
	// Members: body → the people named in it.
	Members
	// Issued: body → the documents it issued.
	Issued
	// TakesPart: body → the mechanisms it takes part in.
	TakesPart
)

func (r Relation) predicate() quad.IRI {
	switch r {
	case Variants:
		return PredFamily
	case Children:
		return PredParent
	case BodiesIn:
		return PredLocatedIn
	case ReportsBy:
		return PredJurisdiction
	case Mentions:
		return PredMentions
	case Members:
		return PredMemberOf
	case Issued:
		return PredIssuer
	case TakesPart:
		return PredTakesPart
	}
	return ""
}

// Linked returns, for each ID, the nodes linked to it by the relation,
// each once, sorted.
func (s *Store) Linked(ctx context.Context, rel Relation, ids []ID) ([][]ID, error) {
	pred := rel.predicate()
	if pred == "" {
		return nil, fmt.Errorf("graph.Linked: unknown relation %d", rel)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	out, err := s.linked(ctx, rel, ids)
	if err != nil {
		return nil, fmt.Errorf("graph.Linked: %w", err)
	}
	return out, nil
}

// linked is Linked for callers holding s.mu: each node's links are read
// from the store's object index once per version, then kept in s.links.
func (s *Store) linked(ctx context.Context, rel Relation, ids []ID) ([][]ID, error) {
	pred := rel.predicate()
	out := make([][]ID, len(ids))
	version := s.version
	var anchors []quad.Value
	var missing []int
	for i, id := range ids {
		if got, ok := s.links.get(version, linkKey{rel, id}); ok {
			out[i] = got
			continue
		}
		anchors = append(anchors, id.IRI())
		missing = append(missing, i)
	}
	if len(anchors) == 0 {
		return out, nil
	}
	found, err := s.scan(ctx, quad.Object, anchors, pred)
	if err != nil {
		return nil, err
	}
	for k, qs := range found {
		i := missing[k]
		out[i] = subjects(qs)
		s.links.put(version, linkKey{rel, ids[i]}, out[i], len(out[i]))
	}
	return out, nil
}

// subjects returns the distinct subject IDs of quads, sorted.
func subjects(qs []quad.Quad) []ID {
	var out []ID
	seen := make(map[ID]bool, len(qs))
	for _, q := range qs {
		if id, ok := idOf(q.Subject); ok && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	sortIDs(out)
	return out
}

// sortIDs sorts IDs segment by segment, numeric segments by value, so that
// evidence/r/2 comes before evidence/r/10.
func sortIDs(ids []ID) {
	sort.Slice(ids, func(i, j int) bool { return lessID(ids[i], ids[j]) })
}

// lessID orders IDs for sortIDs. It allocates nothing: lists of thousands
// of adoptions and sentences are sorted with it.
func lessID(a, b ID) bool {
	as, bs := string(a), string(b)
	for {
		x, restA, moreA := strings.Cut(as, "/")
		y, restB, moreB := strings.Cut(bs, "/")
		if x != y {
			if isInt(x) && isInt(y) {
				nx, errx := strconv.Atoi(x)
				ny, erry := strconv.Atoi(y)
				if errx == nil && erry == nil {
					return nx < ny
				}
			}
			return x < y
		}
		if !moreA || !moreB {
			return !moreA && moreB
		}
		as, bs = restA, restB
	}
}

// isInt reports whether s has the form strconv.Atoi parses: an optional
// sign and decimal digits.
func isInt(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// AdoptionsOf returns, for each ID, the adoptions of a mechanism or by a
// jurisdiction (by the ID's kind), ordered by year, then jurisdiction, then
// ID. The catalogue holds them: no store read.
func (s *Store) AdoptionsOf(ctx context.Context, ids []ID) ([][]*Adoption, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if _, err := s.open(); err != nil {
		return nil, fmt.Errorf("graph.AdoptionsOf: %w", err)
	}
	out := make([][]*Adoption, len(ids))
	for i, id := range ids {
		e := s.cat.entries[id]
		if e == nil {
			continue
		}
		for _, a := range e.adoptions {
			a := s.cat.adoption(a)
			if (id.Kind() == KindMechanism && a.mechanism == id) || (id.Kind() == KindJurisdiction && a.adopter == id) {
				out[i] = append(out[i], a.view())
			}
		}
		s.sortAdoptions(out[i])
	}
	return out, nil
}

// sortAdoptions orders adoptions by year (unknown last), then by the name
// of the jurisdiction, then by ID. Called with s.mu held.
func (s *Store) sortAdoptions(as []*Adoption) {
	names := make(map[ID]string)
	for _, a := range as {
		if _, ok := names[a.JurisdictionID]; !ok {
			names[a.JurisdictionID] = string(a.JurisdictionID)
			if e := s.cat.entries[a.JurisdictionID]; e != nil {
				names[a.JurisdictionID] = e.name()
			}
		}
	}
	sort.SliceStable(as, func(i, j int) bool {
		yi, yj := as[i].Year, as[j].Year
		if yi != yj {
			return earlier(yi, yj)
		}
		if ni, nj := names[as[i].JurisdictionID], names[as[j].JurisdictionID]; ni != nj {
			return ni < nj
		}
		return lessID(as[i].ID, as[j].ID)
	})
}
