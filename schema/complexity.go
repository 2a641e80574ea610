package schema

import (
	"github.com/fazhikg/fazhikg/graph"
	"github.com/fazhikg/fazhikg/schema/generated"
	"github.com/fazhikg/fazhikg/schema/model"
)

// Costs the complexity limit counts. A field costs 1 plus what it selects;
// a list costs what it selects times the items it may return: first for
// pages and evidence, an expected size for the unbounded lists.
const (
	// maxFirst caps first on every list.
	maxFirst = 500
	// defaultFirst is first when a query leaves it out.
	defaultFirst = 20
	// adoptionsFirst is first of a mechanism's adoptions when a query
	// leaves it out.
	adoptionsFirst = 50
	// listCost stands for the items of a list without first (a place's
	// bodies, a mechanism's variants).
	listCost = 20
	// adoptionCost stands for the items of a list of adoptions.
	adoptionCost = 50
	// sentenceCost stands for the evidence sentences of one adoption.
	sentenceCost = 5
	// exportCost is the cost of exporting the whole graph: half the
	// default limit, so that a query holds one such export at most.
	exportCost = DefaultComplexityLimit / 2
	// subgraphScale divides the cost of the items of a subgraph (a
	// neighbourhood's nodes and edges): the walk reads them all in one
	// pass, and the explorer draws thousands of them, so one costs a tenth
	// of a list's item. Fields that read the store for each (entity,
	// evidence, adoptions, reports) still multiply.
	subgraphScale = 10
)

// size returns the number of items first asks for.
func size(first *int) int {
	if first == nil {
		return defaultFirst
	}
	return min(max(*first, 0), maxFirst)
}

// walkSize returns the nodes a neighbourhood walk may return.
func walkSize(limit *int) int {
	if limit == nil {
		return graph.DefaultLimit
	}
	return min(max(*limit, 1), graph.MaxLimit)
}

// setComplexity fills the costs of the fields that return lists.
func setComplexity(c *generated.ComplexityRoot) {
	page := func(child int, _ *model.Filter, first *int, _ *string) int { return 1 + child*size(first) }
	c.Query.Reports = page
	c.Query.Jurisdictions = page
	c.Query.Bodies = page
	c.Query.Mechanisms = page
	c.Query.Documents = page
	c.Query.Awards = page
	c.Query.People = page
	c.Query.Nodes = func(child int, ids []string) int { return 1 + child*len(ids) }
	c.Query.DiffusionNetwork = func(child int, _ *float64, first *int) int { return 1 + child*size(first) }
	c.Query.Leaders = func(child int, _ *string, first *int) int { return 1 + child*size(first) }
	c.Query.CoAdoption = func(child int, _ string, first *int) int { return 1 + child*size(first) }
	c.Query.Search = func(child int, _ string, _ []model.NodeKind, first *int) int { return 1 + child*size(first) }
	c.Query.Neighbourhood = func(child int, _ string, _ *int, _ []model.NodeKind, _, _ *int, limit *int, _ *bool) int {
		return 1 + child*walkSize(limit)/subgraphScale
	}
	c.Query.Subgraph = func(child int, ids []string, _ []model.NodeKind, _, _ *int) int {
		return 1 + child*len(ids)/subgraphScale
	}
	c.Query.Export = func(child int, _ model.ExportFormat, ids []string, _ []model.NodeKind, _, _ *int) int {
		if ids == nil {
			return exportCost + child
		}
		return 1 + len(ids) + child
	}

	// A subgraph's lists cost what one item selects; the query field
	// multiplies by the items.
	item := func(child int) int { return child }
	c.Subgraph.Nodes = item
	c.Subgraph.Edges = item

	evidence := func(child int, first *int) int { return 1 + child*size(first) }
	c.Body.Evidence = evidence
	c.Mechanism.Evidence = evidence
	c.Document.Evidence = evidence
	c.Award.Evidence = evidence
	c.Person.Evidence = evidence
	c.GraphNode.Evidence = evidence
	c.GraphEdge.Evidence = evidence
	c.SpreadAdoption.Evidence = evidence
	c.Transmission.Evidence = evidence

	list := func(child int) int { return 1 + child*listCost }
	c.Jurisdiction.Children = list
	c.Jurisdiction.Bodies = list
	c.Jurisdiction.Mechanisms = list
	c.Jurisdiction.Reports = list
	c.Body.Mechanisms = list
	c.Body.Documents = list
	c.Body.People = list
	c.Mechanism.Variants = list
	c.Mechanism.Bodies = list
	c.GraphEdge.Adoptions = list
	c.GraphEdge.Reports = list
	c.Spread.Curve = list
	c.Adoption.Evidence = func(child int) int { return 1 + child*sentenceCost }
	c.Spread.Adoptions = func(child int) int { return 1 + child*adoptionCost }
	c.Spread.Edges = func(child int) int { return 1 + child*adoptionCost }

	c.Jurisdiction.Adoptions = func(child int, _ *bool) int { return 1 + child*adoptionCost }
	c.Report.Adoptions = func(child int, _ *bool) int { return 1 + child*adoptionCost }
	c.Mechanism.Adoptions = func(child int, _, _, _ *bool, first *int, _ *string) int {
		if first == nil {
			return 1 + child*adoptionsFirst
		}
		return 1 + child*size(first)
	}
	// A page of adoptions: its lists cost what one item selects.
	c.AdoptionConnection.Nodes = item
	c.AdoptionConnection.Edges = item
}
