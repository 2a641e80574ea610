package schema

import (
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
	// listCost stands for the items of a list without first (a place's
	// bodies, a mechanism's variants).
	listCost = 20
	// adoptionCost stands for the items of a list of adoptions.
	adoptionCost = 50
	// sentenceCost stands for the evidence sentences of one adoption.
	sentenceCost = 5
)

// size returns the number of items first asks for.
func size(first *int) int {
	if first == nil {
		return defaultFirst
	}
	return min(max(*first, 0), maxFirst)
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

	evidence := func(child int, first *int) int { return 1 + child*size(first) }
	c.Body.Evidence = evidence
	c.Mechanism.Evidence = evidence
	c.Document.Evidence = evidence
	c.Award.Evidence = evidence
	c.Person.Evidence = evidence

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
	c.Adoption.Evidence = func(child int) int { return 1 + child*sentenceCost }

	c.Jurisdiction.Adoptions = func(child int, _ *bool) int { return 1 + child*adoptionCost }
	c.Report.Adoptions = func(child int, _ *bool) int { return 1 + child*adoptionCost }
	c.Mechanism.Adoptions = func(child int, _, _, _ *bool) int { return 1 + child*adoptionCost }
}
