package graph

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// ProblemKind names one kind of damage Check finds.
type ProblemKind string

// The kinds of problems Check reports.
const (
	// ProblemUnlabelled: quads that carry no label, so belong to no
	// report: no DeleteReport can ever remove them.
	ProblemUnlabelled ProblemKind = "unlabelled"
	// ProblemLabel: quads labelled with a value that is neither a report
	// nor the derived results.
	ProblemLabel ProblemKind = "label"
	// ProblemOrphan: quads labelled with a report whose own description
	// (its rdf:type fz:Report quad) is missing: facts of a report that
	// does not exist.
	ProblemOrphan ProblemKind = "orphan"
	// ProblemDangling: a quad names a node that its report does not
	// describe (every report writes the description of each node it uses),
	// or a derived quad names an entity no report describes.
	ProblemDangling ProblemKind = "dangling"
	// ProblemStale: the derived diffusion results were fitted to other
	// adoptions than the store holds; fazhikg derive refits them.
	ProblemStale ProblemKind = "stale"
	// ProblemCatalogue: the catalogue that answers lookups (in memory,
	// and in the snapshot Open read) differs from the sum of the quads.
	ProblemCatalogue ProblemKind = "catalogue"
)

// Problem is one thing Check found wrong with the store.
type Problem struct {
	Kind ProblemKind
	// Node is the report, entity or derived node at fault, "" when the
	// problem has none (unlabelled quads).
	Node   ID
	Detail string
}

func (p Problem) String() string {
	if p.Node == "" {
		return fmt.Sprintf("%s: %s", p.Kind, p.Detail)
	}
	return fmt.Sprintf("%s: %s: %s", p.Kind, p.Node, p.Detail)
}

// maxExamples bounds the quads or values quoted per problem.
const maxExamples = 3

// Check verifies the integrity of the store and returns the problems it
// finds, none for a sound store; the error is for a store it could not
// read. It checks that
//
//   - every quad carries a label, and every label is a report or the
//     derived results (DiffusionID);
//   - every report that labels quads exists: its rdf:type fz:Report quad is
//     among them;
//   - every node a report's quads name is described (has an rdf:type quad)
//     by that same report, and every entity the derived results name is
//     described by some report;
//   - the derived diffusion results were fitted to the adoptions the store
//     holds now;
//   - the catalogue equals what adding up the quads again gives.
//
// Check reads every quad once; it takes the store's read lock while it
// does, so writes wait.
func (s *Store) Check(ctx context.Context) ([]Problem, error) {
	probs, err := s.checkQuads(ctx)
	if err != nil {
		return nil, fmt.Errorf("graph.Check: %w", err)
	}
	stale, err := s.checkDerived(ctx)
	if err != nil {
		return nil, fmt.Errorf("graph.Check: %w", err)
	}
	return append(probs, stale...), nil
}

// checkQuads runs the checks that read the quads and the catalogue.
func (s *Store) checkQuads(ctx context.Context) ([]Problem, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	qs, err := s.open()
	if err != nil {
		return nil, err
	}
	labels, unlabelled, err := allLabels(ctx, qs)
	if err != nil {
		return nil, err
	}
	var probs []Problem
	if len(unlabelled) > 0 {
		probs = append(probs, Problem{Kind: ProblemUnlabelled,
			Detail: fmt.Sprintf("quads carrying no report, such as %s", quoteQuads(unlabelled))})
	}
	var reports []ID
	derived := false
	for _, l := range labels {
		id, ok := idOf(l)
		switch {
		case ok && id == DiffusionID:
			derived = true
		case ok && id.Kind() == KindReport:
			reports = append(reports, id)
		default:
			probs = append(probs, Problem{Kind: ProblemLabel, Detail: fmt.Sprintf("quads labelled %s, which is neither a report nor the derived results", l)})
		}
	}
	sortIDs(reports)
	const batch = 64
	for len(reports) > 0 {
		n := min(batch, len(reports))
		anchors := make([]quad.Value, n)
		for i, id := range reports[:n] {
			anchors[i] = id.IRI()
		}
		found, err := s.scan(ctx, quad.Label, anchors, "")
		if err != nil {
			return nil, err
		}
		for i, id := range reports[:n] {
			probs = append(probs, checkReportQuads(id, found[i])...)
		}
		reports = reports[n:]
	}
	if derived {
		found, err := s.scan(ctx, quad.Label, []quad.Value{DiffusionID.IRI()}, "")
		if err != nil {
			return nil, err
		}
		probs = append(probs, s.checkDerivedQuads(found[0])...)
	}
	fresh, err := loadCatalogue(ctx, s)
	if err != nil {
		return nil, fmt.Errorf("adding up the catalogue: %w", err)
	}
	diffs, err := compareCatalogues(s.cat, fresh)
	if err != nil {
		return nil, err
	}
	return append(probs, diffs...), nil
}

// allLabels reads every quad of the store and returns its distinct labels,
// and up to maxExamples quads without one.
func allLabels(ctx context.Context, qs cgraph.QuadStore) ([]quad.Value, []quad.Quad, error) {
	it := qs.QuadsAllIterator()
	defer it.Close()
	var refs []cgraph.Ref
	seen := make(map[any]bool)
	var unlabelled []quad.Quad
	for n := 0; it.Next(ctx); n++ {
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
		}
		r := it.Result()
		l := qs.QuadDirection(r, quad.Label)
		if l == nil {
			if len(unlabelled) < maxExamples {
				unlabelled = append(unlabelled, qs.Quad(r))
			}
			continue
		}
		if !seen[l.Key()] {
			seen[l.Key()] = true
			refs = append(refs, l)
		}
	}
	if err := it.Err(); err != nil {
		return nil, nil, err
	}
	vals, err := valuesOf(ctx, qs, refs)
	if err != nil {
		return nil, nil, err
	}
	sort.Slice(vals, func(i, j int) bool { return lessValue(vals[i], vals[j]) })
	return vals, unlabelled, nil
}

// checkReportQuads checks the quads labelled with one report: the report is
// described among them, and so is every node they name.
func checkReportQuads(report ID, qs []quad.Quad) []Problem {
	typed := make(map[ID]bool)
	for _, q := range qs {
		if q.Predicate == PredType {
			if id, ok := idOf(q.Subject); ok {
				typed[id] = true
			}
		}
	}
	if !slices.ContainsFunc(qs, func(q quad.Quad) bool {
		return q.Subject == report.IRI() && q.Predicate == PredType && q.Object == ClassReport
	}) {
		return []Problem{{Kind: ProblemOrphan, Node: report,
			Detail: fmt.Sprintf("%d quads of a report that is not in the store (no rdf:type fz:Report quad), such as %s", len(qs), quoteQuads(qs))}}
	}
	return dangling(report, qs, func(id ID) bool { return typed[id] }, "the report does not describe it")
}

// checkDerivedQuads checks the derived results: each transmission node is
// described among them, and each entity they name by some report.
func (s *Store) checkDerivedQuads(qs []quad.Quad) []Problem {
	typed := map[ID]bool{DiffusionID: true}
	for _, q := range qs {
		if q.Predicate == PredType {
			if id, ok := idOf(q.Subject); ok {
				typed[id] = true
			}
		}
	}
	return dangling(DiffusionID, qs, func(id ID) bool {
		if typed[id] {
			return true
		}
		e := s.cat.entries[id]
		return e != nil && e.describedIn() > 0
	}, "no report describes it")
}

// dangling returns a problem for each node the quads name that known does
// not know, quoting the first quads naming it.
func dangling(label ID, qs []quad.Quad, known func(ID) bool, why string) []Problem {
	users := make(map[ID][]quad.Quad)
	for _, q := range qs {
		for _, v := range []quad.Value{q.Subject, q.Object} {
			if id, ok := idOf(v); ok && !known(id) {
				users[id] = append(users[id], q)
			}
		}
	}
	var probs []Problem
	for id, uses := range users {
		probs = append(probs, Problem{Kind: ProblemDangling, Node: label,
			Detail: fmt.Sprintf("%d quads name %s, but %s: %s", len(uses), id, why, quoteQuads(uses))})
	}
	sort.Slice(probs, func(i, j int) bool { return probs[i].Detail < probs[j].Detail })
	return probs
}

// quoteQuads writes the first few quads as N-Quads-like text.
func quoteQuads(qs []quad.Quad) string {
	var parts []string
	for _, q := range qs[:min(len(qs), maxExamples)] {
		parts = append(parts, q.String())
	}
	if len(qs) > maxExamples {
		parts = append(parts, "…")
	}
	return strings.Join(parts, "; ")
}

// checkDerived reports derived diffusion results fitted to other adoptions
// than the store holds.
func (s *Store) checkDerived(ctx context.Context) ([]Problem, error) {
	s.mu.RLock()
	fitted, inputs := s.params != nil, s.paramsInputs
	s.mu.RUnlock()
	if !fitted {
		return nil, nil
	}
	st, err := s.diffusionState(ctx)
	if err != nil {
		return nil, err
	}
	if now := eventsHash(st.places, st.rolledUp()); now != inputs {
		return []Problem{{Kind: ProblemStale, Node: DiffusionID,
			Detail: fmt.Sprintf("the diffusion results were fitted to adoptions %s, the store holds adoptions %s: run fazhikg derive", inputs, now)}}, nil
	}
	return nil, nil
}

// maxCatalogueProblems bounds the catalogue differences reported one by
// one; the rest are counted.
const maxCatalogueProblems = 20

// compareCatalogues reports the entities and adoptions on which the
// catalogue in use (have) differs from one added up from the quads (want).
func compareCatalogues(have, want *catalogue) ([]Problem, error) {
	h, err := have.snapshot(0)
	if err != nil {
		return nil, err
	}
	w, err := want.snapshot(0)
	if err != nil {
		return nil, err
	}
	var probs []Problem
	n := 0
	report := func(id ID, what string) {
		n++
		if n <= maxCatalogueProblems {
			probs = append(probs, Problem{Kind: ProblemCatalogue, Node: id, Detail: what})
		}
	}
	he, we := snapEntries(h), snapEntries(w)
	for _, id := range unionKeys(he, we) {
		a, b := he[id], we[id]
		switch {
		case b == "":
			report(id, "in the catalogue, but no quad describes or mentions it")
		case a == "":
			report(id, "described or mentioned by quads, but missing from the catalogue")
		case a != b:
			report(id, fmt.Sprintf("the catalogue holds %s, the quads %s", a, b))
		}
	}
	ha, wa := snapAdoptions(h), snapAdoptions(w)
	for _, id := range unionKeys(ha, wa) {
		a, b := ha[id], wa[id]
		switch {
		case b == "":
			report(id, "an adoption in the catalogue that no quad states")
		case a == "":
			report(id, "an adoption the quads state, missing from the catalogue")
		case a != b:
			report(id, fmt.Sprintf("the catalogue holds adoption %s, the quads %s", a, b))
		}
	}
	if n > maxCatalogueProblems {
		probs = append(probs, Problem{Kind: ProblemCatalogue, Detail: fmt.Sprintf("%d more differences", n-maxCatalogueProblems)})
	}
	return probs, nil
}

// snapEntries renders each entry of a snapshot as text independent of the
// order of its values.
func snapEntries(snap *snapshot) map[ID]string {
	out := make(map[ID]string, len(snap.Entries))
	for _, e := range snap.Entries {
		vals := make([]string, len(e.Vals))
		for i, v := range e.Vals {
			vals[i] = fmt.Sprintf("%s=%c:%q/%d×%d", v.Pred, v.Kind, v.Text, v.Num, v.N)
		}
		slices.Sort(vals)
		uses := make([]string, len(e.Uses))
		for i, u := range e.Uses {
			uses[i] = fmt.Sprintf("%s:%v:%d", u.Report, u.Described, u.Mentions)
		}
		slices.Sort(uses)
		out[e.ID] = fmt.Sprintf("uses [%s] values [%s]", strings.Join(uses, " "), strings.Join(vals, " "))
	}
	return out
}

// snapAdoptions renders each adoption of a snapshot as text independent of
// the order of its evidence and cues.
func snapAdoptions(snap *snapshot) map[ID]string {
	out := make(map[ID]string, len(snap.Adoptions))
	for _, a := range snap.Adoptions {
		ev, cues := slices.Clone(a.Evidence), slices.Clone(a.Cues)
		slices.Sort(ev)
		slices.Sort(cues)
		out[a.ID] = fmt.Sprintf("{%s %s %s typed %v year %d %s evidence %v cues %q}", a.Mechanism, a.Adopter, a.Report, a.Typed, a.Year, a.Status, ev, cues)
	}
	return out
}

func unionKeys(a, b map[ID]string) []ID {
	var ids []ID
	for id := range a {
		ids = append(ids, id)
	}
	for id := range b {
		if _, ok := a[id]; !ok {
			ids = append(ids, id)
		}
	}
	sortIDs(ids)
	return ids
}
