package graph

import (
	"bufio"
	"context"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
)

// An embedded store keeps a snapshot of its catalogue next to its data, so
// that Open reads one file instead of adding up every description quad
// again. The snapshot is trusted only when it was taken at the store's
// current generation: a counter every write transaction increments, in the
// same key-value transaction as its quads. A write the snapshot has not
// seen (a crash before Close, a write by another program) makes Open
// rebuild the catalogue from the quads, and write a new snapshot.

// snapshotFile is the name of the snapshot in the data directory.
const snapshotFile = "catalogue.gob"

// snapshotVersion changes whenever what the catalogue keeps, or how, does.
const snapshotVersion = 4

// generationKey returns where the generation counter lives, beside
// Cayley's buckets.
func generationKey() hkv.Key { return hkv.Key{[]byte("fazhikg"), []byte("generation")} }

// foldProbe tells whether Fold still folds as it did when a snapshot was
// taken (the keys it holds are folded names).
func foldProbe() string { return Fold("府檢聯席“三三制”Ｅ法審（2021—2025年）") }

// readGeneration returns the generation of a key-value store, 0 for one
// never written by this package.
func readGeneration(ctx context.Context, db hkv.KV) (uint64, error) {
	var gen uint64
	err := hkv.View(db, func(tx hkv.Tx) error {
		v, err := tx.Get(ctx, generationKey())
		if errors.Is(err, hkv.ErrNotFound) {
			return nil
		} else if err != nil {
			return err
		}
		if len(v) != 8 {
			return fmt.Errorf("generation of %d bytes", len(v))
		}
		gen = binary.BigEndian.Uint64(v)
		return nil
	})
	return gen, err
}

func encodeGeneration(gen uint64) []byte {
	return binary.BigEndian.AppendUint64(nil, gen)
}

// snapshot is the catalogue as written to disk.
type snapshot struct {
	Version    int
	Generation uint64
	Fold       string
	Entries    []snapEntry
	Adoptions  []snapAdoption
}

type snapEntry struct {
	ID   ID
	Uses []snapUse
	Vals []snapValue
}

type snapUse struct {
	Report    ID
	Described bool
	Mentions  int32
}

// snapValue is a statement; its value is one of the kinds of quad.Value
// descriptions use.
type snapValue struct {
	Pred quad.IRI
	Kind byte // 's' String, 'i' IRI, 'n' Int, 'b' Bool
	Text string
	Num  int64
	N    int
	Key  string
}

type snapAdoption struct {
	ID, Mechanism, Adopter, Report ID
	Typed                          bool
	Year                           int
	Status                         AdoptionStatus
	Evidence                       []int
	Cues                           []string
}

// errUnsnapshottable: a value of a kind the snapshot does not encode.
var errUnsnapshottable = errors.New("value the snapshot cannot hold")

// snapshot returns the whole catalogue as snapshot values, to compare two
// catalogues (writeSnapshot streams them instead).
func (c *catalogue) snapshot(gen uint64) (*snapshot, error) {
	snap := &snapshot{Version: snapshotVersion, Generation: gen, Fold: foldProbe()}
	for _, e := range c.entries {
		se, err := snapOfEntry(e)
		if err != nil {
			return nil, err
		}
		snap.Entries = append(snap.Entries, se)
	}
	for _, i := range c.adoptions {
		snap.Adoptions = append(snap.Adoptions, snapOfAdoption(c.adoption(i)))
	}
	return snap, nil
}

func snapOfEntry(e *entry) (snapEntry, error) {
	se := snapEntry{ID: e.id, Uses: make([]snapUse, len(e.uses))}
	for i, u := range e.uses {
		se.Uses[i] = snapUse{u.report, u.described, u.mentions}
	}
	for _, st := range e.vals {
		v := snapValue{Pred: st.pred, N: st.n, Key: st.key}
		switch x := st.val.(type) {
		case quad.String:
			v.Kind, v.Text = 's', string(x)
		case quad.IRI:
			v.Kind, v.Text = 'i', string(x)
		case quad.Int:
			v.Kind, v.Num = 'n', int64(x)
		case quad.Bool:
			v.Kind = 'b'
			if x {
				v.Num = 1
			}
		default:
			return se, fmt.Errorf("%w: %T", errUnsnapshottable, st.val)
		}
		se.Vals = append(se.Vals, v)
	}
	return se, nil
}

func snapOfAdoption(a adopted) snapAdoption {
	return snapAdoption{ID: a.id, Mechanism: a.mechanism, Adopter: a.adopter,
		Report: a.report, Typed: a.typed, Year: a.year, Status: a.status, Evidence: a.evidence, Cues: a.cues}
}

// addSnapEntry adds an entity read from a snapshot. The entities come
// before the adoptions that point at them.
func (c *catalogue) addSnapEntry(se snapEntry) {
	e := c.newEntry(se.ID)
	e.uses = make([]use, len(se.Uses))
	for i, u := range se.Uses {
		e.uses[i] = use{c.id(u.Report), u.Described, u.Mentions}
	}
	e.vals = make([]statement, 0, len(se.Vals))
	for _, v := range se.Vals {
		st := statement{pred: quad.IRI(c.intern(string(v.Pred))), n: v.N, key: c.ids.str(v.Key)}
		switch v.Kind {
		case 's':
			st.val = quad.String(c.ids.str(v.Text))
		case 'i':
			st.val = c.value(quad.IRI(v.Text))
		case 'n':
			st.val = quad.Int(v.Num)
		case 'b':
			st.val = quad.Bool(v.Num != 0)
		}
		if st.key != "" && !e.hasKey(st.key) {
			c.keys[st.key] = append(c.keys[st.key], e)
		}
		e.vals = append(e.vals, st)
	}
	c.entries[e.id] = e
}

// addSnapAdoption adds an adoption read from a snapshot.
func (c *catalogue) addSnapAdoption(sa snapAdoption) {
	i := c.slots.new()
	a := c.slots.at(i)
	id, s := c.ids.put(string(sa.ID))
	ev, evidence := c.ints.alloc(len(sa.Evidence))
	copy(evidence, sa.Evidence)
	slices.Sort(sa.Cues)
	*a = adoptRec{id: id, typed: sa.Typed, year: int32(sa.Year), status: c.status(sa.Status), evidence: ev, cues: c.cueSet(sa.Cues)}
	if sa.Report != "" {
		a.report = c.idRef(sa.Report)
	}
	c.adoptions[ID(s)] = i
	for _, end := range []struct {
		ref *ref
		id  ID
	}{{&a.mechanism, sa.Mechanism}, {&a.adopter, sa.Adopter}} {
		if end.id == "" {
			continue
		}
		if e := c.entries[end.id]; e != nil {
			*end.ref = e.idRef
			e.adoptions = append(e.adoptions, i)
		} else {
			*end.ref, _ = c.ids.put(string(end.id))
		}
	}
}

// A snapshot is written as a stream of gob values: a snapHeader, then
// snapChunks of at most snapChunkSize entities or adoptions, the entities
// first, the last chunk marked. Neither writing nor reading holds more
// than a chunk besides the catalogue itself.
type snapHeader struct {
	Version    int
	Generation uint64
	Fold       string
}

type snapChunk struct {
	Entries   []snapEntry
	Adoptions []snapAdoption
	Last      bool
}

const snapChunkSize = 4096

// encodeSnapshot writes the catalogue at generation gen to w.
func encodeSnapshot(w io.Writer, c *catalogue, gen uint64) error {
	enc := gob.NewEncoder(w)
	if err := enc.Encode(snapHeader{Version: snapshotVersion, Generation: gen, Fold: foldProbe()}); err != nil {
		return err
	}
	var chunk snapChunk
	flush := func(last bool) error {
		chunk.Last = last
		err := enc.Encode(&chunk)
		chunk.Entries, chunk.Adoptions = chunk.Entries[:0], chunk.Adoptions[:0]
		return err
	}
	for _, e := range c.entries {
		se, err := snapOfEntry(e)
		if err != nil {
			return err
		}
		chunk.Entries = append(chunk.Entries, se)
		if len(chunk.Entries) == snapChunkSize {
			if err := flush(false); err != nil {
				return err
			}
		}
	}
	for _, i := range c.adoptions {
		chunk.Adoptions = append(chunk.Adoptions, snapOfAdoption(c.adoption(i)))
		if len(chunk.Entries)+len(chunk.Adoptions) >= snapChunkSize {
			if err := flush(false); err != nil {
				return err
			}
		}
	}
	return flush(true)
}

// decodeSnapshot reads a catalogue written by encodeSnapshot; ok is false
// when r holds none, or one that cannot serve a store at generation gen.
func decodeSnapshot(r io.Reader, gen uint64) (c *catalogue, ok bool) {
	dec := gob.NewDecoder(r)
	var h snapHeader
	if err := dec.Decode(&h); err != nil {
		return nil, false
	}
	if h.Version != snapshotVersion || h.Generation != gen || h.Fold != foldProbe() {
		return nil, false
	}
	c = newCatalogue()
	for {
		var chunk snapChunk
		if err := dec.Decode(&chunk); err != nil {
			return nil, false
		}
		for _, se := range chunk.Entries {
			c.addSnapEntry(se)
		}
		for _, sa := range chunk.Adoptions {
			c.addSnapAdoption(sa)
		}
		if chunk.Last {
			return c, true
		}
	}
}

// readSnapshot reads the snapshot of a data directory; ok is false when
// there is none, or it cannot serve a store at generation gen.
func readSnapshot(dir string, gen uint64) (c *catalogue, ok bool) {
	f, err := os.Open(filepath.Join(dir, snapshotFile))
	if err != nil {
		return nil, false
	}
	defer f.Close()
	return decodeSnapshot(bufio.NewReaderSize(f, 1<<20), gen)
}

// writeSnapshot writes the catalogue of a store at generation gen to its
// data directory, whole or not at all.
func writeSnapshot(dir string, c *catalogue, gen uint64) error {
	path := filepath.Join(dir, snapshotFile)
	tmp, err := os.CreateTemp(dir, snapshotFile+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after the rename, a no-op
	w := bufio.NewWriterSize(tmp, 1<<20)
	err = encodeSnapshot(w, c, gen)
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
