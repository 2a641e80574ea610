package graph

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	cleveldb "github.com/cayleygraph/cayley/graph/kv/leveldb"
	cwriter "github.com/cayleygraph/cayley/writer"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	hkv "github.com/hidal-go/hidalgo/kv"
)

// BulkLoad loads N-Quads from r into a new key-value store in dir (absent
// or empty) with Cayley's own writer, batch quads per transaction, and
// returns the number of quads loaded. It is the reference a store's writes
// are measured against: LevelDB goes through Cayley's own LevelDB backend,
// Bolt through the same Bolt layout this package writes; both get the
// indexes and options of a Store, so that they do the same work for the
// same quads. Parsing runs on its own goroutine, one batch ahead of the
// writes, so that what is measured is the store. The result opens as a
// Store (which then builds its catalogue from the quads). A failed load
// leaves what it wrote in dir.
func BulkLoad(ctx context.Context, backend, dir string, r io.Reader, batch int) (int, error) {
	n, err := bulkLoad(ctx, backend, dir, r, batch)
	if err != nil {
		return n, fmt.Errorf("graph.BulkLoad(%s %s): %w", backend, dir, err)
	}
	return n, nil
}

func bulkLoad(ctx context.Context, backend, dir string, r io.Reader, batch int) (int, error) {
	if batch <= 0 {
		batch = quad.DefaultBatch
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return 0, fmt.Errorf("%w: %s is not empty", ErrBackend, dir)
	}
	opts := cgraph.Options{ckv.OptNoBloom: true}
	var db hkv.KV
	var err error
	switch backend {
	case LevelDB, "":
		db, err = cleveldb.Create(dir, cgraph.Options{"nosync": false})
	case Bolt:
		if err = os.MkdirAll(dir, 0o755); err == nil {
			db, err = openBolt(dir, false)
		}
	default:
		return 0, fmt.Errorf("%w: %q has no bulk load (want %s or %s)", ErrBackend, backend, LevelDB, Bolt)
	}
	if err != nil {
		return 0, err
	}
	if err := initKV(ctx, db, opts); err != nil {
		db.Close()
		return 0, err
	}
	qs, err := ckv.New(db, opts)
	if err != nil {
		db.Close()
		return 0, err
	}
	qw, err := cwriter.NewSingle(qs, cgraph.IgnoreOpts{})
	if err != nil {
		qs.Close()
		return 0, err
	}
	n, err := copyQuads(ctx, cgraph.NewWriter(qw), r, batch)
	return n, errors.Join(err, qs.Close())
}

// copyQuads parses N-Quads on one goroutine and writes them, batch by
// batch, on the calling one.
func copyQuads(ctx context.Context, w cgraph.BatchWriter, r io.Reader, batch int) (int, error) {
	type parsed struct {
		qs  []quad.Quad
		err error
	}
	ch := make(chan parsed, 1)
	done := make(chan struct{})
	defer close(done)
	go func() {
		defer close(ch)
		dec := nquads.NewReader(r, false)
		for {
			buf := make([]quad.Quad, 0, batch)
			var err error
			for len(buf) < batch {
				var q quad.Quad
				if q, err = dec.ReadQuad(); err != nil {
					break
				}
				buf = append(buf, q)
			}
			if err == io.EOF {
				err = nil
				if len(buf) == 0 {
					return
				}
			}
			select {
			case ch <- parsed{buf, err}:
			case <-done:
				return
			}
			if err != nil || len(buf) < batch {
				return
			}
		}
	}()
	total := 0
	for p := range ch {
		if p.err != nil {
			return total, fmt.Errorf("reading N-Quads after %d quads: %w", total, p.err)
		}
		if err := ctx.Err(); err != nil {
			return total, err
		}
		n, err := w.WriteQuads(p.qs)
		total += n
		if err != nil {
			return total, err
		}
	}
	return total, w.Close()
}
