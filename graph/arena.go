package graph

import "unsafe"

// arena hands out small slices of T cut from large chunks, so that the
// millions of small, long-lived values of a large catalogue (IDs, evidence
// indexes) are a few large objects to the garbage collector instead of
// millions of small ones: the collector's work while ingest runs grows with
// the number of objects it has to mark, and it marks the whole catalogue on
// every cycle.
//
// Slices it returns have their capacity clipped to their length, so that
// appending to one copies it out of the arena instead of overwriting its
// neighbour. Space is never reused: a value dropped from the catalogue
// stays in its chunk until the store is opened again, which is bounded by
// the size of what a session wrote.
type arena[T any] struct {
	chunk []T
}

// arenaChunkBytes is the size of a chunk; values larger than an eighth of
// it are allocated on their own.
const arenaChunkBytes = 256 << 10

// alloc returns a zeroed slice of n values.
func (a *arena[T]) alloc(n int) []T {
	var zero T
	per := arenaChunkBytes / max(int(unsafe.Sizeof(zero)), 1)
	if n == 0 {
		return nil
	}
	if n > per/8 {
		return make([]T, n)
	}
	if len(a.chunk)+n > cap(a.chunk) {
		a.chunk = make([]T, 0, per)
	}
	at := len(a.chunk)
	a.chunk = a.chunk[:at+n]
	return a.chunk[at : at+n : at+n]
}

// stringArena holds strings in an arena of their bytes.
type stringArena struct{ bytes arena[byte] }

// str returns a copy of s held in the arena.
func (a *stringArena) str(s string) string {
	if s == "" {
		return ""
	}
	buf := a.bytes.alloc(len(s))
	copy(buf, s)
	return unsafe.String(&buf[0], len(buf))
}

// slab hands out pointers to values of T allocated a chunk at a time, and
// takes back those that are freed for the next allocations.
type slab[T any] struct {
	chunk []T
	free  []*T
}

const slabChunk = 2048

// new returns a pointer to a zero T.
func (s *slab[T]) new() *T {
	if n := len(s.free); n > 0 {
		p := s.free[n-1]
		s.free[n-1] = nil
		s.free = s.free[:n-1]
		return p
	}
	if len(s.chunk) == cap(s.chunk) {
		s.chunk = make([]T, 0, slabChunk)
	}
	s.chunk = s.chunk[:len(s.chunk)+1]
	return &s.chunk[len(s.chunk)-1]
}

// put zeroes *p and keeps it for a later new. Nothing may point at it
// any more.
func (s *slab[T]) put(p *T) {
	var zero T
	*p = zero
	s.free = append(s.free, p)
}
