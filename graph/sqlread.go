package graph

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
)

// Cayley's SQL reader steps from nodes with one query per node, and
// resolves a node's value with one query per node (NameOf), behind a cache
// of 1,024 values: reading a report's quads took a round trip per distinct
// node. The store's scans on SQL step from a thousand nodes per query and
// resolve the values they meet a thousand per query; sqlStore implements
// Cayley's batch interface with the latter.

var _ cgraph.BatchQuadStore = (*sqlStore)(nil)

// valuesPerQuery bounds the hashes of one lookup.
const valuesPerQuery = 1000

// RefsOf returns the references of values: their hashes, which need no
// lookup (a value the store does not hold yields no quads).
func (sq *sqlStore) RefsOf(ctx context.Context, vals []quad.Value) ([]cgraph.Ref, error) {
	refs := make([]cgraph.Ref, len(vals))
	for i, v := range vals {
		refs[i] = sq.ValueOf(v)
	}
	return refs, nil
}

// ValuesOf returns the values of node references, nil for those the store
// does not hold, with one query per valuesPerQuery references.
func (sq *sqlStore) ValuesOf(ctx context.Context, refs []cgraph.Ref) ([]quad.Value, error) {
	out := make([]quad.Value, len(refs))
	at := make(map[cgraph.ValueHash][]int, len(refs))
	var hashes []any
	for i, r := range refs {
		var h cgraph.ValueHash
		switch r := r.(type) {
		case csql.NodeHash:
			h = r.ValueHash
		case cgraph.ValueHash:
			h = r
		case nil:
			continue
		default:
			out[i] = sq.NameOf(r)
			continue
		}
		if !h.Valid() {
			continue
		}
		if _, ok := at[h]; !ok {
			hashes = append(hashes, csql.NodeHash{ValueHash: h}.SQLValue())
		}
		at[h] = append(at[h], i)
	}
	for len(hashes) > 0 {
		n := min(valuesPerQuery, len(hashes))
		if err := sq.lookup(ctx, hashes[:n], func(h cgraph.ValueHash, v quad.Value) {
			for _, i := range at[h] {
				out[i] = v
			}
		}); err != nil {
			return nil, err
		}
		hashes = hashes[n:]
	}
	return out, nil
}

// lookup reads the values of nodes by hash.
func (sq *sqlStore) lookup(ctx context.Context, hashes []any, found func(cgraph.ValueHash, quad.Value)) error {
	var b strings.Builder
	b.WriteString(`SELECT hash, value, value_string, datatype, language, iri, bnode,
		value_int, value_bool, value_float, value_time FROM nodes WHERE hash IN (`)
	for i := range hashes {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("$" + strconv.Itoa(i+1))
	}
	b.WriteByte(')')
	rows, err := sq.db.QueryContext(ctx, b.String(), hashes...)
	if err != nil {
		return fmt.Errorf("reading node values: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			hash   []byte
			data   []byte
			str    sql.NullString
			typ    sql.NullString
			lang   sql.NullString
			iri    sql.NullBool
			bnode  sql.NullBool
			vint   sql.NullInt64
			vbool  sql.NullBool
			vfloat sql.NullFloat64
			vtime  sql.NullTime
		)
		if err := rows.Scan(&hash, &data, &str, &typ, &lang, &iri, &bnode, &vint, &vbool, &vfloat, &vtime); err != nil {
			return fmt.Errorf("reading node values: %w", err)
		}
		var h cgraph.ValueHash
		if len(hash) != len(h) {
			return fmt.Errorf("reading node values: a hash of %d bytes", len(hash))
		}
		copy(h[:], hash)
		v, err := nodeValue(data, str, typ, lang, iri, bnode, vint, vbool, vfloat, vtime)
		if err != nil {
			return fmt.Errorf("reading node values: %w", err)
		}
		found(h, v)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading node values: %w", err)
	}
	return nil
}

// nodeValue decodes a row of Cayley's nodes table as Cayley's NameOf does.
func nodeValue(data []byte, str, typ, lang sql.NullString, iri, bnode sql.NullBool,
	vint sql.NullInt64, vbool sql.NullBool, vfloat sql.NullFloat64, vtime sql.NullTime) (quad.Value, error) {
	switch {
	case str.Valid:
		s := strings.ReplaceAll(str.String, `\x00`, "\x00") // Cayley's escape of NUL
		switch {
		case iri.Bool:
			return quad.IRI(str.String), nil
		case bnode.Bool:
			return quad.BNode(str.String), nil
		case lang.Valid:
			return quad.LangString{Value: quad.String(s), Lang: lang.String}, nil
		case typ.Valid:
			return quad.TypedString{Value: quad.String(s), Type: quad.IRI(typ.String)}, nil
		}
		return quad.String(s), nil
	case vint.Valid:
		return quad.Int(vint.Int64), nil
	case vbool.Valid:
		return quad.Bool(vbool.Bool), nil
	case vfloat.Valid:
		return quad.Float(vfloat.Float64), nil
	case vtime.Valid:
		return quad.Time(vtime.Time), nil
	}
	return pquads.UnmarshalValue(data)
}

// anchorsPerQuery bounds the nodes one scan query steps from.
const anchorsPerQuery = 1000

// scan is Store.scan on PostgreSQL or CockroachDB: the quads holding each
// anchor in direction dir (and predicate pred unless it is ""), with one
// query per anchorsPerQuery anchors through the index that starts with
// dir, where Cayley's iterator sends one per anchor; then the values of
// every node met, in batches.
func (sq *sqlStore) scan(ctx context.Context, dir quad.Direction, anchors []quad.Value, pred quad.IRI) ([][]quad.Quad, error) {
	out := make([][]quad.Quad, len(anchors))
	at := make(map[cgraph.ValueHash][]int, len(anchors))
	var hashes pgArray
	for i, a := range anchors {
		if a == nil {
			continue
		}
		h := cgraph.HashOf(a)
		if _, ok := at[h]; !ok {
			hashes = append(hashes, csql.NodeHash{ValueHash: h}.SQLValue())
		}
		at[h] = append(at[h], i)
	}
	query := `SELECT subject_hash, predicate_hash, object_hash, label_hash FROM quads WHERE ` +
		dir.String() + `_hash = ANY($1::bytea[])`
	var predHash any
	if pred != "" {
		query += ` AND predicate_hash = $2`
		predHash = csql.HashOf(pred).SQLValue()
	}
	type hit struct {
		anchors []int
		refs    [4]cgraph.Ref
	}
	var hits []hit
	for len(hashes) > 0 {
		n := min(anchorsPerQuery, len(hashes))
		args := []any{hashes[:n]}
		if predHash != nil {
			args = append(args, predHash)
		}
		hashes = hashes[n:]
		rows, err := sq.db.QueryContext(ctx, query, args...)
		if err != nil {
			return nil, fmt.Errorf("reading quads by %s: %w", dir, err)
		}
		for rows.Next() {
			var hs [4]csql.NodeHash
			if err := rows.Scan(&hs[0], &hs[1], &hs[2], &hs[3]); err != nil {
				rows.Close()
				return nil, fmt.Errorf("reading quads by %s: %w", dir, err)
			}
			var h hit
			for k := range hs {
				if hs[k].Valid() {
					h.refs[k] = hs[k]
				}
			}
			h.anchors = at[hs[dirIndex(dir)].ValueHash]
			hits = append(hits, h)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("reading quads by %s: %w", dir, err)
		}
	}
	if len(hits) == 0 {
		return out, nil
	}
	refs := make([]cgraph.Ref, 0, 4*len(hits))
	for _, h := range hits {
		refs = append(refs, h.refs[:]...)
	}
	vals, err := sq.ValuesOf(ctx, refs)
	if err != nil {
		return nil, err
	}
	for i, h := range hits {
		v := vals[4*i : 4*i+4]
		q := quad.Quad{Subject: v[0], Predicate: v[1], Object: v[2], Label: v[3]}
		for _, a := range h.anchors {
			out[a] = append(out[a], q)
		}
	}
	return out, nil
}

// dirIndex returns the place of a direction in quad.Directions.
func dirIndex(d quad.Direction) int {
	for i, x := range quad.Directions {
		if x == d {
			return i
		}
	}
	return -1
}
