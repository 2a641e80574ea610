// Package schema is the GraphQL API over the knowledge graph.
//
// The contract is the SDL in schema/*.graphqls, split by domain; gqlgen
// (pinned as a tool in go.mod, configured by gqlgen.yml at the repository
// root) generates the executable schema into schema/generated and the
// connection, input and enum types into schema/model, and keeps one
// resolver file per schema file here (mechanism.graphqls →
// mechanism.resolvers.go). Regenerate with
//
//	go generate ./schema
//
// TestGeneratedUpToDate fails when the generated code is stale. Entity
// types are the graph package's own (graph.Mechanism …), bound in
// gqlgen.yml; helpers live in hand-written files, since gqlgen moves
// unknown code out of the resolver files.
//
// NewHandler serves POST and GET /graphql and GraphiQL at /, with a
// complexity limit (lists cost their first, or an expected size, times what
// they select; complexity.go), a depth limit (depth.go), page sizes capped
// at MaxPage, and introspection switched by Options.
//
// The API is read-only unless Options.Writes are given: then the mutations
// (write.graphqls: ingestReport, deleteReport) need the token as
// Authorization: Bearer <token>, compared in constant time (auth.go), and
// write through the graph store's transactions, one write at a time; the
// diffusion model is refitted in the background after them, one refit at a
// time, until Handler.Close (write.go). Mutations are
// refused before any field resolves: WRITES_DISABLED (HTTP 403) when
// writes are off, UNAUTHENTICATED (HTTP 401) without the token; a wrong
// token refuses any request (401).
//
// Resolvers never read the store per item: each request gets dataloaders
// (loaders.go) that collect the keys asked for within a short wait and read
// the store once per batch, through the Store interface, the graph store's
// batch reads. A list of N items costs a fixed number of store calls per
// level of the query, whatever N.
//
// Lookups by name (mechanism(name:), jurisdiction(name:) …) accept any
// alias or form seen in reports, in simplified or traditional characters;
// the store folds names before it compares them (graph.Fold).
//
// Errors carry an extensions.code: BAD_USER_INPUT, NOT_FOUND,
// INTROSPECTION_DISABLED, DEPTH_LIMIT_EXCEEDED, WRITES_DISABLED,
// UNAUTHENTICATED, gqlgen's own for parse, validation and complexity
// errors, and INTERNAL, whose details (paths, panics) go to the log only.
package schema
