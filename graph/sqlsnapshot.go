package graph

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
)

// A store on an SQL backend keeps its catalogue snapshot in the row
// 'catalogue' of fazhikg_meta, with the generation it was taken at, and the
// quads of its last logKept transactions in fazhikg_log.

// readSnapshot returns the catalogue snapshot of the database and its
// generation; a nil catalogue when there is none or it was taken by
// another version of this package.
func (sq *sqlStore) readSnapshot(ctx context.Context) (*catalogue, uint64, error) {
	var (
		gen  uint64
		data []byte
	)
	err := sq.db.QueryRowContext(ctx, `SELECT generation, data FROM fazhikg_meta WHERE name = 'catalogue'`).Scan(&gen, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, 0, nil
	} else if err != nil {
		return nil, 0, fmt.Errorf("reading the catalogue snapshot: %w", err)
	}
	c, ok := decodeSnapshot(bytes.NewReader(data), gen)
	if !ok {
		return nil, 0, nil
	}
	return c, gen, nil
}

// writeSnapshot stores the catalogue of generation gen, unless the store
// has moved past gen (another process wrote since).
func (sq *sqlStore) writeSnapshot(ctx context.Context, c *catalogue, gen uint64) error {
	var buf bytes.Buffer
	if err := encodeSnapshot(&buf, c, gen); err != nil {
		return err
	}
	_, err := sq.db.ExecContext(ctx, `INSERT INTO fazhikg_meta (name, generation, quads, data)
		SELECT 'catalogue', $1, 0, $2 FROM fazhikg_meta WHERE name = 'store' AND generation = $1
		ON CONFLICT (name) DO UPDATE SET generation = excluded.generation, data = excluded.data`,
		int64(gen), buf.Bytes())
	return err
}

// cataloguedQuad reports whether catalogue.apply counts a quad: the
// mention of an entity, or a quad about an entity or an adoption. Only
// those go to fazhikg_log; the rest (most evidence quads, with the text
// of their sentences) would cost the write without changing the catalogue
// of a process replaying it. TestLogFilter checks that it keeps what
// catalogue.apply uses.
func cataloguedQuad(q quad.Quad) bool {
	if q.Predicate == PredMentions {
		id, ok := idOf(q.Object)
		return ok && catalogued(id.Kind())
	}
	id, ok := idOf(q.Subject)
	return ok && (id.Kind() == KindAdoption || catalogued(id.Kind()))
}

// encodeDeltas encodes the deltas the catalogue counts for fazhikg_log: per delta, the action (1 to
// add, 0 to delete) and the four values in Cayley's protobuf encoding, each
// preceded by its length (0 for none).
func encodeDeltas(deltas []cgraph.Delta) ([]byte, error) {
	var buf []byte
	for _, d := range deltas {
		if !cataloguedQuad(d.Quad) {
			continue
		}
		if d.Action == cgraph.Add {
			buf = append(buf, 1)
		} else {
			buf = append(buf, 0)
		}
		for _, dir := range quad.Directions {
			v := d.Quad.Get(dir)
			if v == nil {
				buf = binary.AppendUvarint(buf, 0)
				continue
			}
			data, err := pquads.MarshalValue(v)
			if err != nil {
				return nil, err
			}
			buf = binary.AppendUvarint(buf, uint64(len(data)))
			buf = append(buf, data...)
		}
	}
	return buf, nil
}

var errBadLog = errors.New("malformed log entry")

// decodeDeltas decodes what encodeDeltas encoded.
func decodeDeltas(buf []byte) ([]cgraph.Delta, error) {
	var out []cgraph.Delta
	for len(buf) > 0 {
		d := cgraph.Delta{Action: cgraph.Delete}
		if buf[0] == 1 {
			d.Action = cgraph.Add
		}
		buf = buf[1:]
		for _, dir := range quad.Directions {
			n, k := binary.Uvarint(buf)
			if k <= 0 || uint64(len(buf)-k) < n {
				return nil, errBadLog
			}
			buf = buf[k:]
			if n == 0 {
				continue
			}
			v, err := pquads.UnmarshalValue(buf[:n])
			if err != nil {
				return nil, fmt.Errorf("%w: %v", errBadLog, err)
			}
			d.Quad.Set(dir, v)
			buf = buf[n:]
		}
		out = append(out, d)
	}
	return out, nil
}

// readLog returns the deltas of the transactions after generation from up
// to generation to, in order; ok is false when the log no longer holds
// them all.
func (sq *sqlStore) readLog(ctx context.Context, from, to uint64) (deltas []cgraph.Delta, ok bool, err error) {
	rows, err := sq.db.QueryContext(ctx, `SELECT generation, deltas FROM fazhikg_log
		WHERE generation > $1 AND generation <= $2 ORDER BY generation`, int64(from), int64(to))
	if err != nil {
		return nil, false, fmt.Errorf("reading the transaction log: %w", err)
	}
	defer rows.Close()
	next := from + 1
	for rows.Next() {
		var (
			gen  uint64
			data []byte
		)
		if err := rows.Scan(&gen, &data); err != nil {
			return nil, false, fmt.Errorf("reading the transaction log: %w", err)
		}
		if gen != next {
			return nil, false, nil
		}
		next++
		ds, err := decodeDeltas(data)
		if err != nil {
			return nil, false, fmt.Errorf("reading the transaction log, generation %d: %w", gen, err)
		}
		deltas = append(deltas, ds...)
	}
	if err := rows.Err(); err != nil {
		return nil, false, fmt.Errorf("reading the transaction log: %w", err)
	}
	return deltas, next == to+1, nil
}
