// Package model holds the Go types of the GraphQL API that are not entities
// of the graph: connections, inputs and enums, generated from the schema,
// and the Node interface.
package model

// Node is an object with an ID: a *graph.Report, *graph.Jurisdiction,
// *graph.Body, *graph.Mechanism, *graph.Document, *graph.Award,
// *graph.Person, *graph.Evidence or *graph.Adoption.
type Node interface{}
