package schema

import (
	"context"
	"encoding/base64"
	"fmt"
	"slices"
	"strings"

	"github.com/vikstrous/dataloadgen"

	"github.com/fazhikg/fazhikg/diffusion"
	"github.com/fazhikg/fazhikg/extract"
	"github.com/fazhikg/fazhikg/graph"
	"github.com/fazhikg/fazhikg/schema/model"
)

// filterOf turns the GraphQL filter into the store's.
func filterOf(f *model.Filter) graph.Filter {
	if f == nil {
		return graph.Filter{}
	}
	str := func(s *string) string {
		if s == nil {
			return ""
		}
		return *s
	}
	num := func(n *int) int {
		if n == nil {
			return 0
		}
		return *n
	}
	return graph.Filter{Name: str(f.Name), Kind: str(f.Kind), Family: str(f.Family), Province: str(f.Province),
		YearFrom: num(f.YearFrom), YearTo: num(f.YearTo)}
}

// page is one page of a list, its entities loaded.
type page[T any] struct {
	total   int
	info    *model.PageInfo
	nodes   []*T
	cursors []string
}

// list reads a page of the entities of kind k: their IDs from the store's
// catalogue, the entities through the request's loader.
func list[T any](ctx context.Context, r *Resolver, k graph.Kind, f *model.Filter, first *int, after *string, l *dataloadgen.Loader[graph.ID, *T]) (*page[T], error) {
	if err := checkFirst(first); err != nil {
		return nil, err
	}
	from := ""
	if after != nil {
		from = *after
	}
	p, err := r.Store.List(ctx, k, filterOf(f), size(first), from)
	if err != nil {
		return nil, err
	}
	got, err := l.LoadAll(ctx, p.IDs)
	if err != nil {
		return nil, err
	}
	out := &page[T]{total: p.Total, info: &model.PageInfo{HasNextPage: p.HasNext, HasPreviousPage: p.HasPrevious}}
	for i, n := range got {
		if n != nil { // gone since the list was read
			out.nodes = append(out.nodes, n)
			out.cursors = append(out.cursors, p.Cursors[i])
		}
	}
	if len(out.cursors) > 0 {
		out.info.StartCursor = &out.cursors[0]
		out.info.EndCursor = &out.cursors[len(out.cursors)-1]
	}
	return out, nil
}

// checkFirst refuses a page size outside 0..maxFirst.
func checkFirst(first *int) error {
	if first != nil && (*first < 0 || *first > maxFirst) {
		return fmt.Errorf("%w: first must be between 0 and %d", errBadInput, maxFirst)
	}
	return nil
}

// adoptionPage returns a page of a mechanism's adoptions: first of them
// (adoptionsFirst when nil) after the one the cursor after names. A cursor
// is an adoption's ID; a write that takes that adoption away invalidates
// it.
func adoptionPage(as []*graph.Adoption, first *int, after *string) (*model.AdoptionConnection, error) {
	if err := checkFirst(first); err != nil {
		return nil, err
	}
	n := adoptionsFirst
	if first != nil {
		n = *first
	}
	from := 0
	if after != nil && *after != "" {
		b, err := base64.RawURLEncoding.DecodeString(*after)
		from = slices.IndexFunc(as, func(a *graph.Adoption) bool { return string(a.ID) == string(b) }) + 1
		if err != nil || from == 0 {
			return nil, fmt.Errorf("%w %q: not an adoption of this list (the store may have changed since)", graph.ErrBadCursor, *after)
		}
	}
	to := min(from+n, len(as))
	c := &model.AdoptionConnection{
		TotalCount: len(as),
		PageInfo:   &model.PageInfo{HasPreviousPage: from > 0, HasNextPage: to < len(as)},
		Nodes:      as[from:to],
		Edges:      make([]*model.AdoptionEdge, 0, to-from),
	}
	for _, a := range c.Nodes {
		c.Edges = append(c.Edges, &model.AdoptionEdge{Cursor: base64.RawURLEncoding.EncodeToString([]byte(a.ID)), Node: a})
	}
	if len(c.Edges) > 0 {
		c.PageInfo.StartCursor = &c.Edges[0].Cursor
		c.PageInfo.EndCursor = &c.Edges[len(c.Edges)-1].Cursor
	}
	return c, nil
}

// find returns the best match of a lookup by name, loaded.
func find[T any](ctx context.Context, r *Resolver, k graph.Kind, name string, l *dataloadgen.Loader[graph.ID, *T]) (*T, error) {
	ids, err := r.Store.Find(ctx, k, name)
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	return l.Load(ctx, ids[0])
}

// linked loads the nodes linked to id by a relation.
func linked[T any](ctx context.Context, r *Resolver, rel graph.Relation, id graph.ID, l *dataloadgen.Loader[graph.ID, *T]) ([]*T, error) {
	ids, err := r.load(ctx).linked[rel].Load(ctx, id)
	if err != nil {
		return nil, err
	}
	return loadAll(ctx, l, ids)
}

// evidence loads the first sentences mentioning an entity.
func evidence(ctx context.Context, r *Resolver, id graph.ID, first *int) ([]*graph.Evidence, error) {
	if err := checkFirst(first); err != nil {
		return nil, err
	}
	ids, err := r.load(ctx).linked[graph.Mentions].Load(ctx, id)
	if err != nil {
		return nil, err
	}
	return loadAll(ctx, r.load(ctx).evidence, ids[:min(len(ids), size(first))])
}

// node loads the node behind an ID, of any kind; nil when the store holds
// none.
func (r *Resolver) node(ctx context.Context, id graph.ID) (model.Node, error) {
	if !id.Valid() {
		return nil, fmt.Errorf("%w: %q is not an ID", errBadInput, id)
	}
	return r.nodeThunk(ctx, id)()
}

// nodeThunk asks the loader of the ID's kind for the node and returns a
// function that waits for it, so that several nodes load in one batch.
func (r *Resolver) nodeThunk(ctx context.Context, id graph.ID) func() (model.Node, error) {
	l := r.load(ctx)
	switch id.Kind() {
	case graph.KindReport:
		return thunk(l.reports.LoadThunk(ctx, id))
	case graph.KindJurisdiction:
		return thunk(l.jurisdictions.LoadThunk(ctx, id))
	case graph.KindBody:
		return thunk(l.bodies.LoadThunk(ctx, id))
	case graph.KindMechanism:
		return thunk(l.mechanisms.LoadThunk(ctx, id))
	case graph.KindDocument:
		return thunk(l.documents.LoadThunk(ctx, id))
	case graph.KindAward:
		return thunk(l.awards.LoadThunk(ctx, id))
	case graph.KindPerson:
		return thunk(l.people.LoadThunk(ctx, id))
	case graph.KindEvidence:
		return thunk(l.evidence.LoadThunk(ctx, id))
	case graph.KindAdoption:
		return thunk(l.adoptions.LoadThunk(ctx, id))
	}
	return func() (model.Node, error) { return nil, nil }
}

// thunk turns a loader's thunk into one returning a Node, nil (not a Node
// holding a nil pointer) when the store holds none.
func thunk[T any](load func() (*T, error)) func() (model.Node, error) {
	return func() (model.Node, error) {
		v, err := load()
		if v == nil || err != nil {
			return nil, err
		}
		return v, nil
	}
}

// evidenceStatus maps a sentence's status to the GraphQL enum; a status
// the extractor left out counts as achieved, as it does for adoptions.
func evidenceStatus(s extract.Status) model.EvidenceStatus {
	st := model.EvidenceStatus(strings.ToUpper(string(s)))
	if !st.IsValid() {
		return model.EvidenceStatusAchieved
	}
	return st
}

func adoptionStatus(s graph.AdoptionStatus) model.AdoptionStatus {
	st := model.AdoptionStatus(strings.ToUpper(string(s)))
	if !st.IsValid() {
		return model.AdoptionStatusAchieved
	}
	return st
}

// inPlace keeps the adoptions stated as achieved or in place, and the
// planned ones too when planned is set.
func inPlace(as []*graph.Adoption, planned bool) []*graph.Adoption {
	var out []*graph.Adoption
	for _, a := range as {
		if planned || a.Status != graph.AdoptionPlanned {
			out = append(out, a)
		}
	}
	return out
}

func flag(b *bool, def bool) bool {
	if b == nil {
		return def
	}
	return *b
}

// must reports a node the store should hold and does not: a link to a
// node no report describes.
func must[T any](v *T, err error) (*T, error) {
	if err == nil && v == nil {
		return nil, fmt.Errorf("%w: dangling link", errInternal)
	}
	return v, err
}

// firstEvidence loads the first of the given evidence sentences.
func firstEvidence(ctx context.Context, r *Resolver, ids []graph.ID, first *int) ([]*graph.Evidence, error) {
	if err := checkFirst(first); err != nil {
		return nil, err
	}
	return loadAll(ctx, r.load(ctx).evidence, ids[:min(len(ids), size(first))])
}

// effective fills the weights a fit may leave out with those inference
// uses in their place.
func effective(p diffusion.Params) diffusion.Params {
	d := diffusion.DefaultParams()
	rates := map[string]float64{}
	for _, k := range diffusion.PathKinds() {
		rates[k] = p.Rate[k]
		if rates[k] <= 0 {
			rates[k] = d.Rate[k]
		}
	}
	p.Rate = rates
	for _, f := range []struct{ v, def *float64 }{
		{&p.Decay, &d.Decay}, {&p.Tie, &d.Tie}, {&p.Innovation, &d.Innovation}, {&p.Document, &d.Document},
		{&p.ExplicitShare, &d.ExplicitShare}, {&p.Cite, &d.Cite}, {&p.CiteOther, &d.CiteOther},
	} {
		if *f.v <= 0 {
			*f.v = *f.def
		}
	}
	p.Misnamed = max(p.Misnamed, diffusion.MinMisnamed)
	return p
}
