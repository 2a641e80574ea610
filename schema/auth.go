package schema

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Messages of the refusals of writes.
const (
	msgWritesDisabled = "writes are disabled: start serve with --token-file FILE (or FAZHIKG_TOKEN) to enable them"
	msgNoToken        = "this mutation needs the server's token as the header Authorization: Bearer <token>"
	msgBadToken       = "the token in the Authorization header is not valid"
)

// caller is what a request's Authorization header established, and the
// HTTP status its refusal asks for.
type caller struct {
	writer bool // the request carries the server's token
	status int  // when not 0, the status the response is sent with
}

type callerKey struct{}

func callerOf(ctx context.Context) *caller {
	c, _ := ctx.Value(callerKey{}).(*caller)
	if c == nil {
		return &caller{}
	}
	return c
}

// authenticate reads the Authorization header of requests to the API. With
// writes enabled, a request with the right bearer token may write; one
// with a wrong token or another scheme is refused with 401 whatever it
// asks; one without the header may read. With writes disabled the header
// is ignored. The token is compared in constant time.
func authenticate(w *writes, next http.Handler) http.Handler {
	var want [sha256.Size]byte
	if w != nil {
		want = sha256.Sum256([]byte(w.Token))
	}
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		c := &caller{}
		if h := r.Header.Get("Authorization"); w != nil && h != "" {
			scheme, token, _ := strings.Cut(h, " ")
			got := sha256.Sum256([]byte(strings.TrimSpace(token)))
			if !strings.EqualFold(scheme, "Bearer") || subtle.ConstantTimeCompare(got[:], want[:]) != 1 {
				rw.Header().Set("WWW-Authenticate", `Bearer realm="fazhikg", error="invalid_token"`)
				writeError(rw, http.StatusUnauthorized, msgBadToken, "UNAUTHENTICATED")
				return
			}
			c.writer = true
		}
		ctx := context.WithValue(r.Context(), callerKey{}, c)
		next.ServeHTTP(&statusWriter{ResponseWriter: rw, c: c}, r.WithContext(ctx))
	})
}

// statusWriter sends a response with the status a refusal asked for.
type statusWriter struct {
	http.ResponseWriter
	c       *caller
	written bool
}

func (s *statusWriter) WriteHeader(code int) {
	if !s.written && s.c.status != 0 && code == http.StatusOK {
		code = s.c.status
		if code == http.StatusUnauthorized {
			s.Header().Set("WWW-Authenticate", `Bearer realm="fazhikg"`)
		}
	}
	s.written = true
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusWriter) Write(p []byte) (int, error) {
	if !s.written {
		s.WriteHeader(http.StatusOK)
	}
	return s.ResponseWriter.Write(p)
}

func (s *statusWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// writeError sends a GraphQL-shaped error outside GraphQL's execution.
func writeError(w http.ResponseWriter, status int, message, code string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(graphql.Response{Errors: gqlerror.List{{
		Message:    message,
		Extensions: map[string]any{"code": code},
	}}})
}

// writeGate refuses mutations, before any field resolves, when writes are
// disabled (403) or the request carries no token (401).
type writeGate struct{ enabled bool }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationInterceptor
} = writeGate{}

func (writeGate) ExtensionName() string                   { return "WriteGate" }
func (writeGate) Validate(graphql.ExecutableSchema) error { return nil }
func (g writeGate) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	if oc.Operation == nil || oc.Operation.Operation != ast.Mutation {
		return next(ctx)
	}
	c := callerOf(ctx)
	var msg, code string
	switch {
	case !g.enabled:
		c.status, msg, code = http.StatusForbidden, msgWritesDisabled, "WRITES_DISABLED"
	case !c.writer:
		c.status, msg, code = http.StatusUnauthorized, msgNoToken, "UNAUTHENTICATED"
	default:
		return next(ctx)
	}
	return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{{
		Message:    msg,
		Extensions: map[string]any{"code": code},
	}}})
}
