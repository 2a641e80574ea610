package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	csql "github.com/cayleygraph/cayley/graph/sql"
	_ "github.com/cayleygraph/cayley/graph/sql/cockroach" // registers Cayley's cockroach flavour and the pgx driver
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"  // registers Cayley's postgres flavour
	"github.com/lib/pq"
)

// SQL backend names. Their Options.Path is a connection URL.
const (
	// Postgres keeps the graph in a PostgreSQL database, in the tables of
	// Cayley's SQL backend (nodes, quads) and one of this package
	// (fazhikg_meta, fazhikg_log), created on first use.
	Postgres = "postgres"
	// Cockroach keeps the graph in a CockroachDB database through Cayley's
	// cockroach flavour of its SQL backend.
	Cockroach = "cockroach"
)

// ErrUnreachable: the database an SQL backend names cannot be reached or
// refuses the connection.
var ErrUnreachable = errors.New("graph: database unreachable")

// ErrConflict: another process wrote to a shared database between the
// reads a write was computed from and its transaction. Nothing was
// written, and the store has caught up: the write can be tried again.
var ErrConflict = errors.New("graph: the store changed under the write")

// IsSQLAddress reports whether a store address is a database URL
// (postgres://, postgresql:// or cockroach://) rather than a data directory,
// and names its backend.
func IsSQLAddress(addr string) (backend string, ok bool) {
	scheme, _, found := strings.Cut(addr, "://")
	if !found {
		return "", false
	}
	switch strings.ToLower(scheme) {
	case "postgres", "postgresql":
		return Postgres, true
	case "cockroach", "cockroachdb":
		return Cockroach, true
	}
	return "", false
}

// Redact returns a store address fit for messages and logs: a database URL
// without its password, anything else as it is.
func Redact(addr string) string {
	if _, ok := IsSQLAddress(addr); !ok {
		return addr
	}
	u, err := url.Parse(addr)
	if err != nil {
		return "(an unparsable database URL)"
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.Redacted()
}

// sqlStore is Cayley's SQL quad store as the store runs on it. The store's
// reads and writes go to Cayley's tables directly, in batches (sqlread.go,
// sqlwrite.go), where Cayley's reader sends a query per node stepped from
// and per value resolved, and its writer a statement per node and per
// quad; Cayley's query API (QueryHandler) runs on Cayley's reader.
//
// Beside Cayley's tables the database holds fazhikg_meta: the generation
// of the store (the number of write transactions committed, incremented by
// each in the same transaction), the number of quads, and the catalogue
// snapshot; and fazhikg_log: the quads each recent transaction added and
// deleted, from which another process sharing the database brings its
// catalogue up to date without reading the whole store again.
type sqlStore struct {
	*csql.QuadStore
	db      *sql.DB
	flavour string // Postgres or Cockroach
	addr    string // the connection URL, with its password
	store   *Store

	// gen is the generation the store's catalogue reflects, snapGen that
	// of the snapshot in the database; both guarded by store.mu.
	gen, snapGen uint64
	quads        int64 // quads in the store at gen

	stop     chan struct{}
	stopOnce sync.Once
	listener *pq.Listener // nil on CockroachDB, which has no LISTEN
}

// Channel on which a write transaction notifies other processes.
const notifyChannel = "fazhikg"

// pollInterval is how often a store re-reads the generation to notice
// other processes' writes, besides PostgreSQL's notifications.
const pollInterval = 2 * time.Second

// logKept is how many transactions fazhikg_log keeps; a process further
// behind rebuilds its catalogue from the quads.
const logKept = 1024

// metaSchema creates this package's tables and an index by label on
// Cayley's quads: the store lists a report's quads (to replace or delete
// it) by label, which Cayley's indexes do not cover.
var metaSchema = []string{
	`CREATE TABLE IF NOT EXISTS fazhikg_meta (
	name TEXT PRIMARY KEY,
	generation BIGINT NOT NULL,
	quads BIGINT NOT NULL DEFAULT 0,
	data BYTEA
)`,
	`CREATE TABLE IF NOT EXISTS fazhikg_log (
	generation BIGINT PRIMARY KEY,
	deltas BYTEA NOT NULL
)`,
	`CREATE INDEX IF NOT EXISTS fazhikg_label_index ON quads (label_hash)`,
	`INSERT INTO fazhikg_meta (name, generation, quads) SELECT 'store', 0, count(*) FROM quads ON CONFLICT (name) DO NOTHING`,
}

// leanSchema drops, from the tables Cayley creates on PostgreSQL, what
// costs every write and serves none of the store's reads (docs/backends.md
// has the figures): the foreign keys from quads to nodes, four lookups in
// nodes per quad written, which the store does not need since it adds a
// node in the transaction that adds its first quad and drops it in the
// one that deletes its last; and the indexes by predicate first and by
// object then subject, which only Cayley's own query engine uses. Quads
// keep the indexes by subject, by object then predicate, by label, and the
// uniqueness of each quad.
var leanSchema = []string{
	`ALTER TABLE quads
	DROP CONSTRAINT IF EXISTS subject_hash_fk, DROP CONSTRAINT IF EXISTS predicate_hash_fk,
	DROP CONSTRAINT IF EXISTS object_hash_fk, DROP CONSTRAINT IF EXISTS label_hash_fk`,
	`DROP INDEX IF EXISTS pos_index`,
	`DROP INDEX IF EXISTS osp_index`,
}

// openSQL connects to the database Options.Path names, creates Cayley's
// tables and this package's on first use, and starts watching for other
// processes' writes. It leaves the address without its password in
// s.opts.Path.
func (s *Store) openSQL(ctx context.Context) error {
	addr := s.opts.Path
	s.opts.Path = Redact(addr)
	if addr == "" {
		return fmt.Errorf("%w: %s needs a connection URL (postgres://user@host:port/database)", ErrBackend, s.opts.Backend)
	}
	if _, ok := IsSQLAddress(addr); !ok {
		return fmt.Errorf("%w: %q is not a database URL (postgres://, postgresql:// or cockroach://)", ErrBackend, s.opts.Path)
	}
	// Both drivers take postgres:// URLs.
	_, rest, _ := strings.Cut(addr, "://")
	addr = "postgres://" + rest
	driver := "postgres"
	if s.opts.Backend == Cockroach {
		driver = "pgx"
	} else if !strings.Contains(addr, "connect_timeout=") {
		// lib/pq waits for an unanswered connection as long as the
		// system does (minutes).
		if strings.Contains(addr, "?") {
			addr += "&connect_timeout=15"
		} else {
			addr += "?connect_timeout=15"
		}
	}
	db, err := sql.Open(driver, addr)
	if err != nil {
		return fmt.Errorf("%w: %s: %v", ErrUnreachable, s.opts.Path, err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return fmt.Errorf("%w: connecting to %s: %v", ErrUnreachable, hostOf(s.opts.Path), err)
	}
	if err := initSQL(ctx, db, s.opts.Backend, addr); err != nil {
		db.Close()
		return fmt.Errorf("creating the tables in %s: %w", s.opts.Path, err)
	}
	qs, err := csql.New(s.opts.Backend, addr, cgraph.Options{})
	if err != nil {
		db.Close()
		return fmt.Errorf("%w: connecting to %s: %v", ErrUnreachable, hostOf(s.opts.Path), err)
	}
	sq := &sqlStore{QuadStore: qs.(*csql.QuadStore), db: db, flavour: s.opts.Backend, addr: addr, store: s, stop: make(chan struct{})}
	if s.opts.Backend == Postgres {
		sq.listener = pq.NewListener(addr, time.Second, time.Minute, nil)
		if err := sq.listener.Listen(notifyChannel); err != nil {
			sq.listener.Close()
			sq.listener = nil // polling alone still notices other writes
		}
	}
	s.qs = sq
	return nil
}

// hostOf names the server of a database URL.
func hostOf(addr string) string {
	u, err := url.Parse(addr)
	if err != nil || u.Host == "" {
		return "the database server"
	}
	return u.Host
}

// initSQL creates Cayley's tables unless they exist, then this package's.
func initSQL(ctx context.Context, db *sql.DB, backend, addr string) error {
	var n int
	err := db.QueryRowContext(ctx, `SELECT count(*) FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_name IN ('nodes', 'quads')`).Scan(&n)
	if err != nil {
		return err
	}
	switch n {
	case 0:
		if err := csql.Init(backend, addr, cgraph.Options{}); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
			return err
		}
		if backend == Postgres {
			for _, stmt := range leanSchema {
				if _, err := db.ExecContext(ctx, stmt); err != nil {
					return err
				}
			}
		}
	case 1:
		return errors.New("the schema holds one of the tables nodes and quads but not the other")
	}
	for _, stmt := range metaSchema {
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			return err
		}
	}
	return nil
}

// readMeta returns the generation and the number of quads of the store.
func readMeta(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (gen uint64, quads int64, err error) {
	err = q.QueryRowContext(ctx, `SELECT generation, quads FROM fazhikg_meta WHERE name = 'store'`).Scan(&gen, &quads)
	if err != nil {
		return 0, 0, fmt.Errorf("reading the generation: %w", err)
	}
	return gen, quads, nil
}

// Stats answers from the count kept in fazhikg_meta: Cayley's estimate
// from PostgreSQL's statistics lags behind writes, and counting the quads
// table is a scan of it.
func (sq *sqlStore) Stats(ctx context.Context, exact bool) (cgraph.Stats, error) {
	st, err := sq.QuadStore.Stats(ctx, false)
	if err != nil {
		return st, err
	}
	st.Quads = cgraph.Size{Size: sq.quads, Exact: true}
	return st, nil
}

// Close stops watching the database, writes the catalogue snapshot if
// writes made it stale, and closes the connections. Called with store.mu
// held, by Store.Close.
func (sq *sqlStore) Close() error {
	sq.stopOnce.Do(func() { close(sq.stop) })
	var err error
	if sq.listener != nil {
		err = sq.listener.Close()
	}
	if c := sq.store.cat; c != nil && sq.gen != sq.snapGen {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		if werr := sq.writeSnapshot(ctx, c, sq.gen); werr != nil {
			err = errors.Join(err, fmt.Errorf("writing the catalogue snapshot: %w", werr))
		}
		cancel()
	}
	return errors.Join(err, sq.QuadStore.Close(), sq.db.Close())
}

// sqlBackend returns the SQL quad store the store runs on, nil for an
// embedded backend.
func (s *Store) sqlBackend() *sqlStore {
	sq, _ := s.qs.(*sqlStore)
	return sq
}

// Refresh brings the store up to date with what other processes wrote to a
// database it shares with them. A store on PostgreSQL does so by itself
// within moments of each write (it is notified), one on CockroachDB within
// a few seconds (it polls); Refresh is for a caller who needs another
// process's write seen now. On an embedded backend it does nothing.
func (s *Store) Refresh(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.open(); err != nil {
		return fmt.Errorf("graph.Refresh: %w", err)
	}
	sq := s.sqlBackend()
	if sq == nil {
		return nil
	}
	if err := sq.catchUp(ctx); err != nil {
		return fmt.Errorf("graph.Refresh(%s): %w", s.opts.Path, err)
	}
	return nil
}

// watch re-reads the generation whenever another process notifies a write,
// and every pollInterval, and catches up when it moved. It runs until the
// store closes.
func (sq *sqlStore) watch() {
	tick := time.NewTicker(pollInterval)
	defer tick.Stop()
	var notified <-chan *pq.Notification
	if sq.listener != nil {
		notified = sq.listener.Notify
	}
	for {
		select {
		case <-sq.stop:
			return
		case <-tick.C:
		case _, ok := <-notified:
			if !ok {
				notified = nil
			}
		}
		if !sq.behind() {
			continue
		}
		s := sq.store
		s.mu.Lock()
		select {
		case <-sq.stop: // closed while this waited for the lock
			s.mu.Unlock()
			return
		default:
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		sq.catchUp(ctx) // on failure, the next tick tries again
		cancel()
		s.mu.Unlock()
	}
}

// behind reports whether another process committed a write since the
// store last caught up; it reads one row, without the store's lock.
func (sq *sqlStore) behind() bool {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	gen, _, err := readMeta(ctx, sq.db)
	sq.store.mu.RLock()
	known := sq.gen
	sq.store.mu.RUnlock()
	return err == nil && gen != known
}

// catchUp brings the catalogue to the database's generation: it replays
// the logged transactions since the store's generation when the log still
// holds them all, and otherwise loads the catalogue again. Called with
// store.mu held for writing.
func (sq *sqlStore) catchUp(ctx context.Context) error {
	s := sq.store
	gen, quads, err := readMeta(ctx, sq.db)
	if err != nil {
		return err
	}
	if gen == sq.gen {
		return nil
	}
	if gen > sq.gen {
		if deltas, ok, err := sq.readLog(ctx, sq.gen, gen); err != nil {
			return err
		} else if ok {
			for _, d := range deltas {
				s.cat.apply(d.Quad, int(d.Action))
			}
			sq.gen, sq.quads = gen, quads
			s.version++
			return s.loadParams(ctx)
		}
	}
	if err := sq.loadCatalogue(ctx); err != nil {
		return err
	}
	s.version++
	return s.loadParams(ctx)
}

// loadCatalogue reads the catalogue snapshot from the database when it is
// current, and otherwise adds up the quads of the store, then writes a
// snapshot for the next Open. Quads written meanwhile by another process
// make it read them again. Called during Open or with store.mu held for
// writing.
func (sq *sqlStore) loadCatalogue(ctx context.Context) error {
	s := sq.store
	for range 3 {
		gen, quads, err := readMeta(ctx, sq.db)
		if err != nil {
			return err
		}
		cat, snapGen, err := sq.readSnapshot(ctx)
		if err != nil {
			return err
		}
		if cat != nil && snapGen == gen {
			s.cat, sq.gen, sq.snapGen, sq.quads = cat, gen, gen, quads
			return nil
		}
		if cat, err = loadCatalogue(ctx, s); err != nil {
			return err
		}
		again, _, err := readMeta(ctx, sq.db)
		if err != nil {
			return err
		}
		if again != gen {
			continue // a write landed while the quads were read
		}
		s.cat, sq.gen, sq.snapGen, sq.quads = cat, gen, ^uint64(0), quads
		if sq.writeSnapshot(ctx, cat, gen) == nil {
			sq.snapGen = gen
		}
		return nil
	}
	return fmt.Errorf("%w: other processes kept writing while the catalogue was read", ErrConflict)
}

// cayleyStore returns the quad store to hand Cayley's query engine: on
// SQL, Cayley's own, whose query shapes compile to SQL only over it.
func cayleyStore(qs cgraph.QuadStore) cgraph.QuadStore {
	if sq, ok := qs.(*sqlStore); ok {
		return sq.QuadStore
	}
	return qs
}
