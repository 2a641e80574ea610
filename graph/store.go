package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	"github.com/hidal-go/hidalgo/kv/flat"

	"github.com/fazhikg/fazhikg/diffusion"
)

// Backend names.
const (
	// LevelDB keeps the graph in a LevelDB directory: the default, smaller on
	// disk and faster to write than Bolt for the same reports.
	LevelDB = "leveldb"
	// Bolt keeps the graph in a single Bolt file, indexes.bolt, inside the
	// data directory.
	Bolt = "bolt"
	// Memstore keeps the graph in memory only (tests, one-off runs).
	Memstore = "memstore"
)

// Options tell Open which backend to use and where its data lives.
type Options struct {
	// Backend is LevelDB (the default when empty), Bolt or Memstore, or
	// Postgres or Cockroach, Cayley's SQL backend, whose Path is then a
	// connection URL (see docs/backends.md).
	Backend string
	// Path is the data directory of an embedded backend, created and
	// initialised on first use. Memstore takes none.
	Path string
	// NoSync commits without waiting for the disk, for bulk loads that can
	// be run again: if the machine (not just the process) fails, LevelDB
	// may lose the last commits, never part of one, and Bolt may be left
	// unreadable.
	NoSync bool
}

// Store is the knowledge graph. It is safe for concurrent use: writes are
// serialised and exclude reads, reads run in parallel.
type Store struct {
	opts Options

	mu  sync.RWMutex
	db  *txKV            // the key-value database of an embedded backend; nil for memstore
	qs  cgraph.QuadStore // nil once closed
	cat *catalogue       // guarded by mu
	kvo cgraph.Options   // options of Cayley's KV quad store: its Bloom filters off
	// kvIndexes are the quad indexes of an embedded store, as it was
	// created (see indexes).
	kvIndexes []ckv.QuadIndex

	// gen is the generation of the store: the number of write
	// transactions committed to it (embedded backends keep it with the
	// data); snapGen is that of the catalogue snapshot on disk.
	gen, snapGen uint64

	// version counts the writes applied since Open, so that results
	// derived from the catalogue know when they are stale.
	version uint64
	// what Evidence and Linked read, kept until the next write
	evidence versionCache[ID, *Evidence]
	links    versionCache[linkKey, []ID]
	titles   versionCache[struct{}, []titleKey]   // reports' titles, folded for Search
	years    versionCache[ID, []int]              // the years of an entity's reports, for the explorer's walks
	kinds    versionCache[struct{}, map[Kind]int] // entities of each kind, for Stats
	adopters versionCache[adoptersKey, []*Adoption]
	// params are the diffusion weights Derive fitted (nil: none yet),
	// paramsInputs the hash of the events they were fitted to.
	params       *diffusion.Params
	paramsInputs string
	diffMu       sync.Mutex
	diff         *diffState

	// failNext makes the next transaction fail after the backend applied
	// part of it; set only by tests, to prove that a failed write leaves
	// the store as it was.
	failNext bool
}

// Open opens the store Options name, creating and initialising the data
// directory of an embedded backend on first use, and loads the catalogue.
func Open(ctx context.Context, opts Options) (*Store, error) {
	if opts.Backend == "" {
		opts.Backend = LevelDB
	}
	s := &Store{opts: opts, kvo: cgraph.Options{ckv.OptNoBloom: true},
		evidence: versionCache[ID, *Evidence]{max: evidenceCacheSize},
		links:    versionCache[linkKey, []ID]{max: linkCacheIDs},
		titles:   versionCache[struct{}, []titleKey]{max: 1},
		kinds:    versionCache[struct{}, map[Kind]int]{max: 1},
		years:    versionCache[ID, []int]{max: yearsCacheInts},
		adopters: versionCache[adoptersKey, []*Adoption]{max: adoptersCacheSize}}
	var err error
	switch opts.Backend {
	case Memstore:
		if opts.Path != "" {
			return nil, fmt.Errorf("graph.Open: %w: memstore takes no path (got %q)", ErrBackend, opts.Path)
		}
		s.qs = memstore.New()
	case LevelDB, Bolt:
		err = s.openKV(ctx)
	case Postgres, Cockroach:
		err = s.openSQL(ctx)
		opts.Path = s.opts.Path // without the password, for the messages below
	default:
		return nil, fmt.Errorf("graph.Open: %w: %q (want %s, %s, %s, %s or %s)", ErrBackend, opts.Backend, LevelDB, Bolt, Memstore, Postgres, Cockroach)
	}
	if err != nil {
		return nil, fmt.Errorf("graph.Open(%s %s): %w", opts.Backend, opts.Path, err)
	}
	if err := s.loadCatalogue(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("graph.Open(%s %s): loading the catalogue: %w", opts.Backend, opts.Path, err)
	}
	if err := s.loadParams(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("graph.Open(%s %s): %w", opts.Backend, opts.Path, err)
	}
	if sq := s.sqlBackend(); sq != nil {
		go sq.watch()
	}
	return s, nil
}

// Version counts the writes the store has seen since it was opened: its
// own, and on an SQL backend those of other processes once read from the
// database. Anything read from the store before a change of Version may
// be stale.
func (s *Store) Version() uint64 {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.version
}

// loadCatalogue reads the catalogue snapshot of an embedded store when it
// is current, and otherwise adds up the quads of the store, then writes a
// snapshot for the next Open (a store in a read-only directory goes on
// without one).
func (s *Store) loadCatalogue(ctx context.Context) error {
	if sq := s.sqlBackend(); sq != nil {
		return sq.loadCatalogue(ctx)
	}
	if s.db == nil {
		cat, err := loadCatalogue(ctx, s)
		s.cat = cat
		return err
	}
	gen, err := readGeneration(ctx, s.db)
	if err != nil {
		return fmt.Errorf("reading the generation: %w", err)
	}
	s.gen, s.snapGen = gen, ^uint64(0)
	if cat, ok := readSnapshot(s.opts.Path, gen); ok {
		s.cat, s.snapGen = cat, gen
		return nil
	}
	if s.cat, err = loadCatalogue(ctx, s); err != nil {
		return err
	}
	if writeSnapshot(s.opts.Path, s.cat, gen) == nil {
		s.snapGen = gen
	}
	return nil
}

// Backend returns the name of the backend the store runs on.
func (s *Store) Backend() string { return s.opts.Backend }

// Close writes the catalogue snapshot of an embedded store if writes made
// it stale, and releases the backend. The store cannot be used afterwards.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.qs == nil {
		return nil
	}
	var err error
	if s.db != nil && s.cat != nil && s.gen != s.snapGen {
		if err = writeSnapshot(s.opts.Path, s.cat, s.gen); err != nil {
			err = fmt.Errorf("writing the catalogue snapshot: %w", err)
		}
	}
	err = errors.Join(err, s.qs.Close()) // closes s.db too
	s.qs, s.db, s.cat = nil, nil, nil
	if err != nil {
		return fmt.Errorf("graph.Close(%s %s): %w", s.opts.Backend, s.opts.Path, err)
	}
	return nil
}

// marker returns the file that tells a data directory holds a store of an
// embedded backend.
func marker(backend string) string {
	if backend == Bolt {
		return "indexes.bolt"
	}
	return "CURRENT" // LevelDB
}

// openKV opens (and on first use creates and initialises) an embedded
// key-value backend.
func (s *Store) openKV(ctx context.Context) error {
	dir := s.opts.Path
	if dir == "" {
		return errors.New("no data directory given")
	}
	for _, other := range [...]string{LevelDB, Bolt} {
		if other == s.opts.Backend {
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, marker(other))); err == nil {
			return fmt.Errorf("%w: %s holds a %s store", ErrBackend, dir, other)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var (
		raw   hkv.KV
		level *levelKV
	)
	if s.opts.Backend == Bolt {
		db, err := openBolt(dir, s.opts.NoSync)
		if err != nil {
			return err
		}
		raw = db
	} else {
		db, err := openLevel(dir, s.opts.NoSync)
		if err != nil {
			return err
		}
		raw, level = flat.Upgrade(db), db
	}
	db := &txKV{KV: raw}
	qs, err := ckv.New(db, s.kvo)
	if errors.Is(err, cgraph.ErrNotInitialized) {
		if err = initKV(ctx, raw, s.kvo); err == nil {
			qs, err = ckv.New(db, s.kvo)
		}
	}
	if err != nil {
		raw.Close()
		return err
	}
	inds, err := readIndexes(ctx, raw)
	if err != nil {
		qs.Close()
		raw.Close()
		return fmt.Errorf("reading the index layout: %w", err)
	}
	if level != nil {
		level.skipNew(inds)
	}
	s.db, s.qs, s.kvIndexes = db, qs, inds
	return nil
}

// readIndexes returns the quad indexes a key-value store was created with.
func readIndexes(ctx context.Context, db hkv.KV) ([]ckv.QuadIndex, error) {
	var inds []ckv.QuadIndex
	err := hkv.View(db, func(tx hkv.Tx) error {
		data, err := tx.Get(ctx, hkv.Key{[]byte("meta"), []byte("indexes")})
		if err != nil {
			return err
		}
		return json.Unmarshal(data, &inds)
	})
	return inds, err
}

// indexes are the quad indexes of a new key-value store: by subject, by
// object and by label, so that a report's quads can be listed without a
// scan of the whole store.
//
// Cayley keeps, under each index key, the list of the quads that share it,
// and rewrites the whole list to add one. Its default keys (subject and
// predicate; object, predicate and subject) are shared by every report
// that states the same fact about an entity (the name of a province, the
// type of a document cited everywhere), so those lists grow with the
// corpus and each report written costs more than the one before. The
// subject and object keys here run through all four directions, so each
// holds one quad, and a lookup by subject, or subject and predicate, is a
// scan of the keys starting with them. A label's list is the quads of one
// report, written in one transaction. Stores created with the older
// layout keep it: Cayley reads the layout from the store.
func indexes() []ckv.QuadIndex {
	return []ckv.QuadIndex{
		{Dirs: []quad.Direction{quad.Subject, quad.Predicate, quad.Object, quad.Label}},
		{Dirs: []quad.Direction{quad.Object, quad.Predicate, quad.Subject, quad.Label}},
		{Dirs: []quad.Direction{quad.Label}},
	}
}

// newStoreIndexes gives the indexes of a store created now; tests change it
// to create stores of the older layout.
var newStoreIndexes = indexes

// initKV initialises a new key-value store with the label index. Cayley
// reads the index list from the store's metadata when it opens it; Init
// writes the default list, which this replaces before the first quad.
func initKV(ctx context.Context, db hkv.KV, opts cgraph.Options) error {
	if err := ckv.Init(db, opts); err != nil {
		return err
	}
	data, err := json.Marshal(newStoreIndexes())
	if err != nil {
		return err
	}
	return hkv.Update(ctx, db, func(tx hkv.Tx) error {
		for _, ind := range newStoreIndexes() {
			bucket := make([]byte, len(ind.Dirs))
			for i, d := range ind.Dirs {
				bucket[i] = d.Prefix()
			}
			if err := hkv.CreateBucket(ctx, tx, hkv.Key{bucket}); err != nil {
				return err
			}
		}
		return tx.Put(hkv.Key{[]byte("meta"), []byte("indexes")}, data)
	})
}

// reopen replaces the Cayley quad store after a failed transaction. The
// key-value transaction was rolled back, but Cayley's KV store keeps caches
// (node IDs, pending index entries, Bloom filters) that the failed
// transaction filled in; a fresh instance over the same database drops them.
// Called with s.mu held.
func (s *Store) reopen() error {
	if s.db == nil {
		return nil // memstore checks a transaction before it changes anything
	}
	qs, err := ckv.New(s.db, s.kvo)
	if err != nil {
		return err
	}
	s.qs = qs
	return nil
}

// open returns the quad store, or ErrClosed.
func (s *Store) open() (cgraph.QuadStore, error) {
	if s.qs == nil {
		return nil, ErrClosed
	}
	return s.qs, nil
}
