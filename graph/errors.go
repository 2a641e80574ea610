package graph

import "errors"

// Errors returned by the store; callers test for them with errors.Is.
var (
	// ErrNotFound: no report, entity or node has the name or ID asked for.
	ErrNotFound = errors.New("graph: not found")

	// ErrInvalidReport: a report cannot be written as it is (no name,
	// offsets outside its text, two reports of one name in a batch).
	ErrInvalidReport = errors.New("graph: invalid report")

	// ErrBadCursor: a cursor passed to List is not one List returned.
	ErrBadCursor = errors.New("graph: bad cursor")

	// ErrBackend: Options name a backend this build does not provide, or a
	// data directory holds a store of another backend.
	ErrBackend = errors.New("graph: unsupported backend")

	// ErrClosed: the store was used after Close.
	ErrClosed = errors.New("graph: store closed")
)
