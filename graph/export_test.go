package graph

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"

	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
)

// FailNextWrite makes the store's next transaction fail after the backend
// applied part of it.
func FailNextWrite(s *Store) {
	s.mu.Lock()
	s.failNext = true
	s.mu.Unlock()
}

// SnapshotFile is the name of the catalogue snapshot in a data directory.
const SnapshotFile = snapshotFile

// Catalogue returns the store's catalogue as sorted lines.
func Catalogue(s *Store) string { return dump(s.cat) }

// RebuiltCatalogue returns the catalogue added up from the store's quads,
// as sorted lines.
func RebuiltCatalogue(ctx context.Context, s *Store) (string, error) {
	c, err := loadCatalogue(ctx, s)
	if err != nil {
		return "", err
	}
	return dump(c), nil
}

// SnapshotRoundTrip returns the store's catalogue written to a snapshot and
// read back, as sorted lines.
func SnapshotRoundTrip(s *Store) (string, error) {
	var buf bytes.Buffer
	if err := encodeSnapshot(&buf, s.cat, s.gen); err != nil {
		return "", err
	}
	c, ok := decodeSnapshot(&buf, s.gen)
	if !ok {
		return "", fmt.Errorf("the snapshot written cannot be read back")
	}
	return dump(c), nil
}

// Generations returns the store's generation and that of its snapshot.
func Generations(s *Store) (gen, snapshot uint64) { return s.gen, s.snapGen }

// dump writes a catalogue as sorted lines, to compare two of them.
func dump(c *catalogue) string {
	var lines []string
	for id, e := range c.entries {
		lines = append(lines, fmt.Sprintf("entry %s uses %v", id, e.uses))
		for _, st := range e.vals {
			lines = append(lines, fmt.Sprintf("  %s %s %s ×%d key %q", id, st.pred, quad.ToString(st.val), st.n, st.key))
		}
		for _, a := range e.adoptions {
			lines = append(lines, fmt.Sprintf("  %s adoption %s", id, c.adoption(a).id))
		}
	}
	for key, es := range c.keys {
		var ids []string
		for _, e := range es {
			ids = append(ids, string(e.id))
		}
		slices.Sort(ids)
		lines = append(lines, fmt.Sprintf("key %q %v", key, ids))
	}
	for id, a := range c.adoptions {
		lines = append(lines, fmt.Sprintf("adoption %s %+v", id, c.adoption(a)))
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// LegacyIndexes makes the stores created until the returned function is
// called use the index layout of earlier versions: Cayley's default
// indexes and one by label.
func LegacyIndexes() (restore func()) {
	newStoreIndexes = func() []ckv.QuadIndex {
		return []ckv.QuadIndex{
			{Dirs: []quad.Direction{quad.Subject, quad.Predicate}},
			{Dirs: []quad.Direction{quad.Object, quad.Predicate, quad.Subject}},
			{Dirs: []quad.Direction{quad.Label}},
		}
	}
	return func() { newStoreIndexes = indexes }
}

// SpreadsReady returns how many mechanism families the store's diffusion
// state holds a spread for, and how many there are; 0, 0 before the state
// is built.
func SpreadsReady(s *Store) (ready, families int) {
	s.diffMu.Lock()
	st := s.diff
	s.diffMu.Unlock()
	if st == nil || st.version != s.Version() {
		return 0, 0
	}
	families = len(st.roots())
	st.mu.Lock()
	defer st.mu.Unlock()
	return len(st.spreads), families
}
