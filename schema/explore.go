package schema

import (
	"context"
	"fmt"
	"strings"

	"github.com/fazhikg/fazhikg/graph"
	"github.com/fazhikg/fazhikg/schema/model"
)

// Explorer is what the explorer's fields (explore.graphqls) read: the
// graph store's subgraph reads. The store the resolvers are given must
// also be an Explorer for these fields to answer.
type Explorer interface {
	Search(ctx context.Context, text string, kinds []graph.Kind, limit int) ([]graph.Hit, error)
	Neighbourhood(ctx context.Context, id graph.ID, q graph.NeighbourhoodQuery) (*graph.Subgraph, error)
	Subgraph(ctx context.Context, ids []graph.ID, v graph.View) (*graph.Subgraph, error)
	Graph(ctx context.Context, v graph.View) (*graph.Subgraph, error)
	Edge(ctx context.Context, kind graph.EdgeKind, source, target graph.ID) (*graph.Edge, error)
	Support(ctx context.Context, e graph.Edge) (evidence, reports []graph.ID, err error)
}

var _ Explorer = (*graph.Store)(nil)

// maxSearch caps first on search.
const maxSearch = 50

// explorer returns the store as an Explorer.
func (r *Resolver) explorer() (Explorer, error) {
	x, ok := r.Store.(Explorer)
	if !ok {
		return nil, fmt.Errorf("%w: the store cannot read subgraphs", errInternal)
	}
	return x, nil
}

// edgeKinds pairs the GraphQL enum with the graph's kinds of edges.
var edgeKinds = map[model.EdgeKind]graph.EdgeKind{
	model.EdgeKindParent:     graph.EdgeParent,
	model.EdgeKindLocatedIn:  graph.EdgeLocatedIn,
	model.EdgeKindFamily:     graph.EdgeFamily,
	model.EdgeKindTakesPart:  graph.EdgeTakesPart,
	model.EdgeKindIssuer:     graph.EdgeIssuer,
	model.EdgeKindMemberOf:   graph.EdgeMemberOf,
	model.EdgeKindReportedBy: graph.EdgeReportedBy,
	model.EdgeKindAdopted:    graph.EdgeAdopted,
	model.EdgeKindMentions:   graph.EdgeMentions,
}

func edgeKindOf(k graph.EdgeKind) model.EdgeKind {
	for m, g := range edgeKinds {
		if g == k {
			return m
		}
	}
	return ""
}

// viewOf turns the filters of a query into the store's view.
func viewOf(kinds []model.NodeKind, fromYear, toYear *int) graph.View {
	v := graph.View{}
	for _, k := range kinds {
		v.Kinds = append(v.Kinds, graph.Kind(strings.ToLower(string(k))))
	}
	if fromYear != nil {
		v.FromYear = *fromYear
	}
	if toYear != nil {
		v.ToYear = *toYear
	}
	return v
}

func graphNodeOf(n graph.Node) *model.GraphNode {
	out := &model.GraphNode{ID: string(n.ID), Kind: model.NodeKind(strings.ToUpper(string(n.Kind))), Label: n.Label,
		Detail: n.Detail, Code: n.Code, Level: n.Level, Province: n.Province, Years: n.Years,
		EvidenceCount: n.Evidence, ReportCount: n.Reports}
	if out.Years == nil {
		out.Years = []int{}
	}
	if y := n.FirstYear(); y != 0 {
		out.FirstYear = &y
	}
	return out
}

func graphEdgeOf(e graph.Edge) *model.GraphEdge {
	out := &model.GraphEdge{ID: e.Key(), Kind: edgeKindOf(e.Kind), Source: string(e.Source), Target: string(e.Target),
		Years: e.Years, EvidenceCount: e.Evidence}
	if out.Years == nil {
		out.Years = []int{}
	}
	if y := e.FirstYear(); y != 0 {
		out.FirstYear = &y
	}
	if e.Status != "" {
		st := adoptionStatus(e.Status)
		out.Status = &st
	}
	return out
}

func subgraphOf(g *graph.Subgraph) *model.Subgraph {
	out := &model.Subgraph{Nodes: make([]*model.GraphNode, len(g.Nodes)), Edges: make([]*model.GraphEdge, len(g.Edges)), Truncated: g.Truncated}
	for i, n := range g.Nodes {
		out.Nodes[i] = graphNodeOf(n)
	}
	for i, e := range g.Edges {
		out.Edges[i] = graphEdgeOf(e)
	}
	return out
}

// edgeOf finds the store's edge behind a GraphQL edge.
func (r *Resolver) edgeOf(ctx context.Context, obj *model.GraphEdge) (*graph.Edge, Explorer, error) {
	x, err := r.explorer()
	if err != nil {
		return nil, nil, err
	}
	e, err := x.Edge(ctx, edgeKinds[obj.Kind], graph.ID(obj.Source), graph.ID(obj.Target))
	return e, x, err
}

// support returns the evidence and reports of a GraphQL edge.
func (r *Resolver) support(ctx context.Context, obj *model.GraphEdge) (evidence, reports []graph.ID, err error) {
	e, x, err := r.edgeOf(ctx, obj)
	if err != nil || e == nil {
		return nil, nil, err
	}
	return x.Support(ctx, *e)
}

// ids turns GraphQL IDs into the graph's, refusing malformed ones.
func idsOf(in []string) ([]graph.ID, error) {
	out := make([]graph.ID, len(in))
	for i, s := range in {
		if out[i] = graph.ID(s); !out[i].Valid() {
			return nil, fmt.Errorf("%w: %q is not an ID", errBadInput, s)
		}
	}
	return out, nil
}

// exportFiles writes a subgraph in a format as files named after base.
func exportFiles(g *graph.Subgraph, format model.ExportFormat, base string) ([]*model.ExportFile, error) {
	f, err := graph.ParseFormat(string(format))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errBadInput, err)
	}
	files, err := g.Files(f, base)
	if err != nil {
		return nil, err
	}
	out := make([]*model.ExportFile, len(files))
	for i, file := range files {
		out[i] = &model.ExportFile{Name: file.Name, MediaType: file.MediaType, Content: string(file.Data)}
	}
	return out, nil
}
