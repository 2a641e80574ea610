package graph

import "unsafe"

// The catalogue of a large store holds millions of small, long-lived
// values: IDs, evidence indexes, adoptions. The garbage collector marks
// everything the catalogue points at on every cycle, and ingest, which
// allocates fast, runs a cycle every few seconds; its cost grows with the
// number of pointers it has to follow. So the catalogue keeps those values
// in a few large chunks and refers to them by handles, which are numbers:
// a slab of adoptions holding handles only is memory the collector does
// not scan at all.

// ref is a handle to a slice held in a refArena: the chunk's index, the
// offset in the chunk and the length, packed in 64 bits. The zero ref is
// the empty slice.
type ref uint64

const (
	refLenBits = 22 // values of up to 4 Mi elements
	refOffBits = 18 // chunks of up to 256 Ki elements
)

// arenaChunkBytes is the size of a chunk; values larger than an eighth of
// it get a chunk of their own.
const arenaChunkBytes = 256 << 10

// refArena hands out slices of T cut from large chunks, named by refs.
// Space is never reused: a value dropped from the catalogue stays in its
// chunk until the store is opened again, which is bounded by the size of
// what a session wrote.
type refArena[T any] struct {
	chunks [][]T
	open   []T // the chunk being filled, chunks[openAt]
	openAt int
}

// alloc returns the ref of n new zero values, and the values to fill.
// The slice has its capacity clipped to its length, so that appending to
// it copies it out of the arena instead of overwriting its neighbour.
func (a *refArena[T]) alloc(n int) (ref, []T) {
	if n == 0 {
		return 0, nil
	}
	if n >= 1<<refLenBits {
		panic("graph: catalogue value too large")
	}
	var zero T
	per := min(arenaChunkBytes/max(int(unsafe.Sizeof(zero)), 1), 1<<refOffBits)
	if n > per/8 {
		a.chunks = append(a.chunks, make([]T, n))
		return a.pack(len(a.chunks)-1, 0, n), a.chunks[len(a.chunks)-1]
	}
	if len(a.open)+n > cap(a.open) {
		a.open = make([]T, 0, per)
		a.openAt = len(a.chunks)
		a.chunks = append(a.chunks, a.open)
	}
	at := len(a.open)
	a.open = a.open[:at+n]
	return a.pack(a.openAt, at, n), a.open[at : at+n : at+n]
}

func (a *refArena[T]) pack(chunk, off, n int) ref {
	return ref(uint64(chunk)<<(refOffBits+refLenBits) | uint64(off)<<refLenBits | uint64(n))
}

// get returns the values r names, capacity-clipped; nil for the zero ref.
func (a *refArena[T]) get(r ref) []T {
	if r == 0 {
		return nil
	}
	n := int(r & (1<<refLenBits - 1))
	off := int(r >> refLenBits & (1<<refOffBits - 1))
	return a.chunks[r>>(refOffBits+refLenBits)][off : off+n : off+n]
}

// stringArena holds strings in an arena of their bytes.
type stringArena struct{ bytes refArena[byte] }

// put returns the ref of a copy of s held in the arena, and the copy.
func (a *stringArena) put(s string) (ref, string) {
	r, buf := a.bytes.alloc(len(s))
	if r == 0 {
		return 0, ""
	}
	copy(buf, s)
	return r, unsafe.String(&buf[0], len(buf))
}

// str returns a copy of s held in the arena.
func (a *stringArena) str(s string) string {
	_, c := a.put(s)
	return c
}

// string returns the string r names.
func (a *stringArena) string(r ref) string {
	b := a.bytes.get(r)
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// slab holds values of T a chunk at a time, named by their index, and
// takes back those that are freed for the next allocations. A value's
// address does not change while it lives.
type slab[T any] struct {
	chunks [][]T
	n      int32 // values handed out, freed ones included
	free   []int32
}

const slabChunk = 2048

// new returns the index of a zero T.
func (s *slab[T]) new() int32 {
	if n := len(s.free); n > 0 {
		i := s.free[n-1]
		s.free = s.free[:n-1]
		return i
	}
	if int(s.n) == len(s.chunks)*slabChunk {
		s.chunks = append(s.chunks, make([]T, slabChunk))
	}
	s.n++
	return s.n - 1
}

// at returns the value of index i.
func (s *slab[T]) at(i int32) *T { return &s.chunks[i/slabChunk][i%slabChunk] }

// put zeroes the value of index i and keeps it for a later new. Nothing
// may refer to it any more.
func (s *slab[T]) put(i int32) {
	var zero T
	*s.at(i) = zero
	s.free = append(s.free, i)
}
