package schema

import (
	"context"

	"github.com/fazhikg/fazhikg/diffusion"
	"github.com/fazhikg/fazhikg/graph"
)

// Store is what the resolvers read: the graph store's batch reads. Every
// method takes many IDs and answers for each, so that the loaders make one
// call per batch.
type Store interface {
	Find(ctx context.Context, k graph.Kind, name string) ([]graph.ID, error)
	List(ctx context.Context, k graph.Kind, f graph.Filter, first int, after string) (graph.Page, error)
	Reports(ctx context.Context, ids []graph.ID) ([]*graph.Report, error)
	Jurisdictions(ctx context.Context, ids []graph.ID) ([]*graph.Jurisdiction, error)
	Bodies(ctx context.Context, ids []graph.ID) ([]*graph.Body, error)
	Mechanisms(ctx context.Context, ids []graph.ID) ([]*graph.Mechanism, error)
	Documents(ctx context.Context, ids []graph.ID) ([]*graph.Document, error)
	Awards(ctx context.Context, ids []graph.ID) ([]*graph.Award, error)
	People(ctx context.Context, ids []graph.ID) ([]*graph.Person, error)
	Evidence(ctx context.Context, ids []graph.ID) ([]*graph.Evidence, error)
	Adoptions(ctx context.Context, ids []graph.ID) ([]*graph.Adoption, error)
	Linked(ctx context.Context, rel graph.Relation, ids []graph.ID) ([][]graph.ID, error)
	AdoptionsOf(ctx context.Context, ids []graph.ID) ([][]*graph.Adoption, error)
	MechanismAdoptions(ctx context.Context, ids []graph.ID, q graph.AdoptionQuery) ([][]*graph.Adoption, error)
	Stats(ctx context.Context) (graph.Stats, error)
	Spread(ctx context.Context, mechanism graph.ID, o graph.SpreadOptions) (*graph.Spread, error)
	DiffusionNetwork(ctx context.Context, minScore float64, first int) ([]diffusion.Edge, error)
	Leaders(ctx context.Context, province string, first int) ([]diffusion.Leader, error)
	CoAdoption(ctx context.Context, mechanism graph.ID, first int) ([]diffusion.Pair, error)
	DiffusionParams(ctx context.Context) (diffusion.Params, bool, error)
}

var _ Store = (*graph.Store)(nil)
