package schema

import (
	"context"
	"net/http"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/fazhikg/fazhikg/graph"
)

// loaders batch the store reads of one request: every resolver that needs
// a node, a node's links or a mechanism's adoptions asks a loader, and the
// loader reads the store once for all the keys asked within a short wait.
// A list of N items thus costs one read per field, not N.
type loaders struct {
	reports       *dataloadgen.Loader[graph.ID, *graph.Report]
	jurisdictions *dataloadgen.Loader[graph.ID, *graph.Jurisdiction]
	bodies        *dataloadgen.Loader[graph.ID, *graph.Body]
	mechanisms    *dataloadgen.Loader[graph.ID, *graph.Mechanism]
	documents     *dataloadgen.Loader[graph.ID, *graph.Document]
	awards        *dataloadgen.Loader[graph.ID, *graph.Award]
	people        *dataloadgen.Loader[graph.ID, *graph.Person]
	evidence      *dataloadgen.Loader[graph.ID, *graph.Evidence]
	adoptions     *dataloadgen.Loader[graph.ID, *graph.Adoption]
	linked        map[graph.Relation]*dataloadgen.Loader[graph.ID, []graph.ID]
	adoptionsOf   *dataloadgen.Loader[graph.ID, []*graph.Adoption]
	spread        *dataloadgen.Loader[spreadKey, []*graph.Adoption]
}

// spreadKey asks for a mechanism's adoptions with given options.
type spreadKey struct {
	id graph.ID
	q  graph.AdoptionQuery
}

// relations are the links resolvers follow backwards.
func relations() []graph.Relation {
	return []graph.Relation{graph.Variants, graph.Children, graph.BodiesIn, graph.ReportsBy,
		graph.Mentions, graph.Members, graph.Issued, graph.TakesPart}
}

func newLoaders(s Store, wait time.Duration) *loaders {
	opt := dataloadgen.WithWait(wait)
	l := &loaders{
		reports:       dataloadgen.NewLoader(fetch(s.Reports), opt),
		jurisdictions: dataloadgen.NewLoader(fetch(s.Jurisdictions), opt),
		bodies:        dataloadgen.NewLoader(fetch(s.Bodies), opt),
		mechanisms:    dataloadgen.NewLoader(fetch(s.Mechanisms), opt),
		documents:     dataloadgen.NewLoader(fetch(s.Documents), opt),
		awards:        dataloadgen.NewLoader(fetch(s.Awards), opt),
		people:        dataloadgen.NewLoader(fetch(s.People), opt),
		evidence:      dataloadgen.NewLoader(fetch(s.Evidence), opt),
		adoptions:     dataloadgen.NewLoader(fetch(s.Adoptions), opt),
		adoptionsOf:   dataloadgen.NewLoader(fetch(s.AdoptionsOf), opt),
		linked:        make(map[graph.Relation]*dataloadgen.Loader[graph.ID, []graph.ID]),
	}
	for _, rel := range relations() {
		l.linked[rel] = dataloadgen.NewLoader(fetch(func(ctx context.Context, ids []graph.ID) ([][]graph.ID, error) {
			return s.Linked(ctx, rel, ids)
		}), opt)
	}
	l.spread = dataloadgen.NewLoader(func(ctx context.Context, keys []spreadKey) ([][]*graph.Adoption, []error) {
		// One store read per distinct set of options, usually one.
		out := make([][]*graph.Adoption, len(keys))
		byQuery := make(map[graph.AdoptionQuery][]int)
		for i, k := range keys {
			byQuery[k.q] = append(byQuery[k.q], i)
		}
		for q, at := range byQuery {
			ids := make([]graph.ID, len(at))
			for j, i := range at {
				ids[j] = keys[i].id
			}
			got, err := s.MechanismAdoptions(ctx, ids, q)
			if err != nil {
				return nil, []error{err}
			}
			for j, i := range at {
				out[i] = got[j]
			}
		}
		return out, nil
	}, opt)
	return l
}

// fetch adapts a batch read of the store to a loader's fetch function.
func fetch[T any](read func(context.Context, []graph.ID) ([]T, error)) func(context.Context, []graph.ID) ([]T, []error) {
	return func(ctx context.Context, ids []graph.ID) ([]T, []error) {
		out, err := read(ctx, ids)
		if err != nil {
			return nil, []error{err}
		}
		return out, nil
	}
}

type loadersKey struct{}

// withLoaders gives each request its own loaders, so that nothing is
// cached from one request to the next.
func withLoaders(s Store, wait time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := context.WithValue(r.Context(), loadersKey{}, newLoaders(s, wait))
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// load returns the request's loaders; a context without them (a resolver
// called outside a request) gets fresh ones with no batching across calls.
func (r *Resolver) load(ctx context.Context) *loaders {
	if l, ok := ctx.Value(loadersKey{}).(*loaders); ok {
		return l
	}
	return newLoaders(r.Store, 0)
}

// loadAll loads many keys, dropping the ones the store does not hold.
func loadAll[K comparable, V any](ctx context.Context, l *dataloadgen.Loader[K, *V], keys []K) ([]*V, error) {
	got, err := l.LoadAll(ctx, keys)
	if err != nil {
		return nil, err
	}
	out := make([]*V, 0, len(got))
	for _, v := range got {
		if v != nil {
			out = append(out, v)
		}
	}
	return out, nil
}

// loadOne loads a key; the empty ID gives nil.
func loadOne[V any](ctx context.Context, l *dataloadgen.Loader[graph.ID, *V], id graph.ID) (*V, error) {
	if id == "" {
		return nil, nil
	}
	return l.Load(ctx, id)
}
