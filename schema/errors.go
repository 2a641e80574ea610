package schema

import (
	"context"
	"errors"
	"log/slog"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/fazhikg/fazhikg/graph"
)

// Errors the resolvers return; the presenter maps them, and the store's
// sentinels, to an extensions.code.
var (
	// errBadInput: an argument cannot be used (a negative first, an ID of
	// no known kind, a malformed cursor).
	errBadInput = errors.New("bad input")
	// errInternal: a failure the client can do nothing about; its details
	// go to the log, not to the client.
	errInternal = errors.New("internal error")
	// errWritesDisabled: a mutation on a read-only API. The handler
	// refuses mutations before they resolve; this is the resolvers' own
	// check.
	errWritesDisabled = errors.New(msgWritesDisabled)
)

// presentError turns an error into what the client sees: an
// extensions.code telling its category, and no internal detail.
func presentError(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gerr := graphql.DefaultErrorPresenter(ctx, err)
		var code string
		switch {
		case errors.Is(err, errBadInput), errors.Is(err, graph.ErrBadCursor), errors.Is(err, graph.ErrInvalidReport):
			code = "BAD_USER_INPUT"
		case errors.Is(err, graph.ErrNotFound):
			code = "NOT_FOUND"
		case errors.Is(err, errWritesDisabled):
			code = "WRITES_DISABLED"
		case gerr.Extensions["code"] != nil:
			return gerr // parse and validation errors keep gqlgen's codes
		case introspecting(gerr):
			code = "INTROSPECTION_DISABLED"
		default:
			if !errors.Is(err, errInternal) {
				log.ErrorContext(ctx, "resolving a field", "path", gerr.Path.String(), "err", err)
			}
			code = "INTERNAL"
			gerr.Message = "internal error"
		}
		if gerr.Extensions == nil {
			gerr.Extensions = make(map[string]any)
		}
		gerr.Extensions["code"] = code
		return gerr
	}
}

// introspecting reports an error on the introspection fields, refused
// when Options.Introspection is off.
func introspecting(e *gqlerror.Error) bool {
	if len(e.Path) == 0 {
		return false
	}
	name, ok := e.Path[0].(ast.PathName)
	return ok && (name == "__schema" || name == "__type")
}
