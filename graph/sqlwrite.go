package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	graphlog "github.com/cayleygraph/cayley/graph/log"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/jackc/pgx"
	"github.com/lib/pq"
)

// Cayley's SQL writer sends one INSERT per node and one per quad, each a
// round trip to the server. The bulk path here writes the same rows into
// Cayley's own tables, hashed as Cayley hashes them, so that its reader
// (and Cayley's tools) still read them, but with multi-row statements:
// a handful of round trips per transaction, whatever its size, each
// statement taking the rows as arrays (one parameter per column) that the
// server unnests.

// nodeColumns are the columns of Cayley's nodes table the bulk path fills,
// with the casts that type their parameters.
var nodeColumns = []struct{ name, cast string }{
	{"hash", "bytea"}, {"refs", "int"}, {"value", "bytea"}, {"value_string", "text"},
	{"datatype", "text"}, {"language", "text"}, {"iri", "boolean"}, {"bnode", "boolean"},
	{"value_int", "bigint"}, {"value_bool", "boolean"}, {"value_float", "double precision"},
	{"value_time", "timestamp with time zone"},
}

// apply commits deltas as one SQL transaction, which also moves the store
// to its next generation and logs the deltas for other processes. Adding a
// quad that exists or deleting one that does not fails it, as on Cayley's
// other backends. A transaction CockroachDB asks to retry is retried.
// Called with store.mu held for writing.
func (sq *sqlStore) apply(ctx context.Context, deltas []cgraph.Delta) error {
	logged, err := encodeDeltas(deltas)
	if err != nil {
		return fmt.Errorf("encoding the log entry: %w", err)
	}
	split := graphlog.SplitDeltas(deltas)
	for attempt := 1; ; attempt++ {
		err = sq.applyOnce(ctx, split, logged)
		if err == nil || attempt == 5 || !retryable(err) {
			return err
		}
	}
}

func (sq *sqlStore) applyOnce(ctx context.Context, d *graphlog.Deltas, logged []byte) error {
	tx, err := sq.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() // after Commit, a no-op

	// Moving the generation locks its row: writers from other processes
	// wait here until this transaction ends.
	var (
		gen   uint64
		quads int64
	)
	err = tx.QueryRowContext(ctx, `UPDATE fazhikg_meta SET generation = generation + 1, quads = quads + $1
		WHERE name = 'store' RETURNING generation, quads`, len(d.QuadAdd)-len(d.QuadDel)).Scan(&gen, &quads)
	if err != nil {
		return fmt.Errorf("moving the generation: %w", err)
	}
	if gen != sq.gen+1 {
		tx.Rollback()
		seen := sq.gen
		if err := sq.catchUp(ctx); err != nil {
			return fmt.Errorf("%w; catching up: %v", ErrConflict, err)
		}
		return fmt.Errorf("%w: another process committed generation %d after %d", ErrConflict, gen-1, seen)
	}
	if err := insertNodes(ctx, tx, d.IncNode); err != nil {
		return fmt.Errorf("inserting nodes: %w", err)
	}
	if err := insertQuads(ctx, tx, d.QuadAdd); err != nil {
		return fmt.Errorf("inserting quads: %w", err)
	}
	if err := deleteQuads(ctx, tx, d.QuadDel); err != nil {
		return fmt.Errorf("deleting quads: %w", err)
	}
	if err := releaseNodes(ctx, tx, d.DecNode); err != nil {
		return fmt.Errorf("releasing nodes: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO fazhikg_log (generation, deltas) VALUES ($1, $2)`, int64(gen), logged); err != nil {
		return fmt.Errorf("logging the transaction: %w", err)
	}
	if gen > logKept {
		if _, err := tx.ExecContext(ctx, `DELETE FROM fazhikg_log WHERE generation <= $1`, int64(gen-logKept)); err != nil {
			return fmt.Errorf("pruning the transaction log: %w", err)
		}
	}
	if sq.flavour == Postgres {
		if _, err := tx.ExecContext(ctx, `SELECT pg_notify($1, $2)`, notifyChannel, strconv.FormatUint(gen, 10)); err != nil {
			return fmt.Errorf("notifying the write: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	sq.gen, sq.quads = gen, quads
	return nil
}

// insertNodes inserts new nodes and adds to the reference counts of
// existing ones.
func insertNodes(ctx context.Context, tx *sql.Tx, nodes []graphlog.NodeUpdate) error {
	cols := make([]pgArray, len(nodeColumns))
	for _, n := range nodes {
		if n.RefInc == 0 {
			continue // used as much as before: the node exists
		}
		typ, vals, err := csql.NodeValues(csql.NodeHash{ValueHash: n.Hash}, n.Val)
		if err != nil {
			return err
		}
		row := make([]any, len(nodeColumns))
		row[0], row[1] = vals[0], int64(n.RefInc)
		for i, col := range typ.Columns() {
			for j, c := range nodeColumns {
				if c.name == col {
					row[j] = vals[i+1]
				}
			}
		}
		for j := range cols {
			cols[j] = append(cols[j], row[j])
		}
	}
	names, casts := make([]string, len(nodeColumns)), make([]string, len(nodeColumns))
	for i, c := range nodeColumns {
		names[i], casts[i] = c.name, c.cast
	}
	_, err := execArrays(ctx, tx, `INSERT INTO nodes (`+strings.Join(names, ", ")+`) SELECT * FROM `,
		` ON CONFLICT (hash) DO UPDATE SET refs = nodes.refs + excluded.refs`, casts, cols)
	return err
}

// quadColumns returns the hashes of quads, one array per direction.
func quadColumns(quads []graphlog.QuadUpdate) []pgArray {
	cols := make([]pgArray, len(quad.Directions))
	for j := range cols {
		cols[j] = make(pgArray, len(quads))
	}
	for i, q := range quads {
		for j, h := range q.Quad.Dirs() {
			cols[j][i] = csql.NodeHash{ValueHash: h}.SQLValue() // nil for no label
		}
	}
	return cols
}

var quadCasts = []string{"bytea", "bytea", "bytea", "bytea"}

func insertQuads(ctx context.Context, tx *sql.Tx, quads []graphlog.QuadUpdate) error {
	_, err := execArrays(ctx, tx, `INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash, ts)
		SELECT s, p, o, l, now() FROM `, ` AS v (s, p, o, l)`, quadCasts, quadColumns(quads))
	if sqlState(err) == "23505" { // unique_violation
		return &cgraph.DeltaError{Err: cgraph.ErrQuadExists}
	}
	return err
}

// deleteQuads deletes quads, failing unless each exists.
func deleteQuads(ctx context.Context, tx *sql.Tx, quads []graphlog.QuadUpdate) error {
	n, err := execArrays(ctx, tx, `DELETE FROM quads USING `, ` AS d (s, p, o, l)
		WHERE quads.subject_hash = d.s AND quads.predicate_hash = d.p AND quads.object_hash = d.o
		AND quads.label_hash IS NOT DISTINCT FROM d.l`, quadCasts, quadColumns(quads))
	if err != nil {
		return err
	}
	if int(n) != len(quads) {
		return &cgraph.DeltaError{Err: cgraph.ErrQuadNotExist}
	}
	return nil
}

// releaseNodes lowers the reference counts of nodes and deletes those no
// quad uses any more. Cayley's writer deletes with a scan of the whole
// nodes table; this looks at the nodes released only.
func releaseNodes(ctx context.Context, tx *sql.Tx, nodes []graphlog.NodeUpdate) error {
	if len(nodes) == 0 {
		return nil
	}
	hashes, incs := make(pgArray, len(nodes)), make(pgArray, len(nodes))
	for i, n := range nodes {
		hashes[i], incs[i] = csql.NodeHash{ValueHash: n.Hash}.SQLValue(), int64(n.RefInc)
	}
	if _, err := execArrays(ctx, tx, `UPDATE nodes SET refs = nodes.refs + d.inc FROM `,
		` AS d (hash, inc) WHERE nodes.hash = d.hash`, []string{"bytea", "int"}, []pgArray{hashes, incs}); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM nodes WHERE refs <= 0 AND hash = ANY($1::bytea[])`, hashes)
	return err
}

// rowsPerStatement bounds the rows one statement sends.
const rowsPerStatement = 20000

// execArrays runs prefix, unnest over one array parameter per column,
// suffix: one statement per rowsPerStatement rows, each with as many
// parameters as columns, whatever its rows, so that the server parses
// and plans a short statement. It returns the rows affected.
func execArrays(ctx context.Context, tx *sql.Tx, prefix, suffix string, casts []string, cols []pgArray) (int64, error) {
	var unnest strings.Builder
	unnest.WriteString("unnest(")
	for j, c := range casts {
		if j > 0 {
			unnest.WriteString(", ")
		}
		unnest.WriteString("$" + strconv.Itoa(j+1) + "::" + c + "[]")
	}
	unnest.WriteString(")")
	stmt := prefix + unnest.String() + suffix
	var total int64
	for len(cols[0]) > 0 {
		n := min(rowsPerStatement, len(cols[0]))
		args := make([]any, len(cols))
		for j := range cols {
			args[j] = cols[j][:n]
			cols[j] = cols[j][n:]
		}
		res, err := tx.ExecContext(ctx, stmt, args...)
		if err != nil {
			return total, err
		}
		k, err := res.RowsAffected()
		if err != nil {
			return total, err
		}
		total += k
	}
	return total, nil
}

// sqlState returns the SQLSTATE code of a database error, "" for others.
func sqlState(err error) string {
	var pqe *pq.Error
	if errors.As(err, &pqe) {
		return string(pqe.Code)
	}
	var pge pgx.PgError
	if errors.As(err, &pge) {
		return pge.Code
	}
	var pgp *pgx.PgError
	if errors.As(err, &pgp) {
		return pgp.Code
	}
	return ""
}

// retryable reports whether the database asks for a transaction to be run
// again: a serialisation failure (CockroachDB's way of resolving
// contention) or a deadlock.
func retryable(err error) bool {
	switch sqlState(err) {
	case "40001", "40P01":
		return true
	}
	return false
}
