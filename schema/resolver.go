package schema

//go:generate go tool gqlgen generate

import "log/slog"

// Resolver is the root resolver: every field reads the store through the
// request's loaders (see loaders.go).
type Resolver struct {
	Store Store
	Log   *slog.Logger
	// writes serve the mutations; nil when the API is read-only.
	writes *writes
}
