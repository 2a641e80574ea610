package schema

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// depthLimit refuses an operation whose selections nest deeper than a
// limit, fragments counted where they are spread. The fields of
// introspection (__schema, __type) do not count: their cost is bounded by
// the schema, and GraphiQL's own query nests deeply.
type depthLimit struct{ max int }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = depthLimit{}

func (depthLimit) ExtensionName() string                   { return "DepthLimit" }
func (depthLimit) Validate(graphql.ExecutableSchema) error { return nil }

func (d depthLimit) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	if n := depth(oc.Operation.SelectionSet, d.max, map[string]bool{}); n > d.max {
		err := gqlerror.Errorf("operation nests more than %d levels deep, the limit", d.max)
		errcode.Set(err, "DEPTH_LIMIT_EXCEEDED")
		return err
	}
	return nil
}

// depth returns how deep a selection set nests fields, stopping once it
// passes limit. inFragment holds the fragments being walked, so that a cycle
// (which validation rejects anyway) cannot loop.
func depth(set ast.SelectionSet, limit int, inFragment map[string]bool) int {
	if limit < 0 {
		return 0
	}
	deepest := 0
	for _, sel := range set {
		var n int
		switch s := sel.(type) {
		case *ast.Field:
			if strings.HasPrefix(s.Name, "__") {
				continue
			}
			n = 1 + depth(s.SelectionSet, limit-1, inFragment)
		case *ast.InlineFragment:
			n = depth(s.SelectionSet, limit, inFragment)
		case *ast.FragmentSpread:
			if s.Definition == nil || inFragment[s.Name] {
				continue
			}
			inFragment[s.Name] = true
			n = depth(s.Definition.SelectionSet, limit, inFragment)
			delete(inFragment, s.Name)
		}
		deepest = max(deepest, n)
		if deepest > limit {
			break
		}
	}
	return deepest
}
