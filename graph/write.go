package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/fazhikg/fazhikg/extract"
)

// PutStatus tells what PutReport did with a report.
type PutStatus string

// The outcomes of a put.
const (
	// Added: no report of that name was stored.
	Added PutStatus = "added"
	// Replaced: a report of that name with other contents was stored; its
	// quads were replaced.
	Replaced PutStatus = "replaced"
	// Unchanged: the same report (same name and hash, or the same quads)
	// was stored already; nothing was written.
	Unchanged PutStatus = "unchanged"
)

// PutResult tells what a put did with one report.
type PutResult struct {
	ID      ID
	Status  PutStatus
	Added   int // quads written
	Removed int // quads of the previous version deleted
}

// PutReport writes a report in one transaction: all its quads or, if
// anything fails, none. A report stored under the same Name with the same
// Hash is left as it is (Unchanged); one with another Hash is replaced in the
// same transaction, its quads that the new version no longer states deleted.
func (s *Store) PutReport(ctx context.Context, r *extract.Report) (PutResult, error) {
	res, err := s.PutReports(ctx, []*extract.Report{r})
	if err != nil {
		return PutResult{}, err
	}
	return res[0], nil
}

// PutReports writes several reports in one transaction, as PutReport does
// for one. Two reports with the same Name in one call are an error.
func (s *Store) PutReports(ctx context.Context, rs []*extract.Report) ([]PutResult, error) {
	ps := make([]*Prepared, len(rs))
	for i, r := range rs {
		p, err := Prepare(r)
		if err != nil {
			return nil, fmt.Errorf("graph.PutReports: %w", err)
		}
		ps[i] = p
	}
	res, err := s.PutPrepared(ctx, ps)
	if err != nil {
		return nil, fmt.Errorf("graph.PutReports: %w", err)
	}
	return res, nil
}

// Prepared is a report turned into the quads a put writes. Preparing needs
// no store, so that many reports can be prepared at once, off the writer's
// path.
type Prepared struct {
	report *extract.Report
	quads  []quad.Quad
}

// Prepare turns a report into its quads. It fails with ErrInvalidReport
// when the report has no name or its mentions fall outside its text.
func Prepare(r *extract.Report) (*Prepared, error) {
	q, err := reportQuads(r)
	if err != nil {
		return nil, fmt.Errorf("graph.Prepare: %w", err)
	}
	return &Prepared{report: r, quads: q}, nil
}

// Name returns the name of the prepared report.
func (p *Prepared) Name() string { return p.report.Name }

// Quads returns the number of quads the report states: what a put of a
// new report writes.
func (p *Prepared) Quads() int { return len(p.quads) }

// PutPrepared writes prepared reports in one transaction, as PutReports
// does.
func (s *Store) PutPrepared(ctx context.Context, ps []*Prepared) ([]PutResult, error) {
	names := make(map[string]bool, len(ps))
	for _, p := range ps {
		if names[p.report.Name] {
			return nil, fmt.Errorf("graph.PutPrepared: %w: report %q given twice", ErrInvalidReport, p.report.Name)
		}
		names[p.report.Name] = true
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.open(); err != nil {
		return nil, fmt.Errorf("graph.PutPrepared: %w", err)
	}
	res := make([]PutResult, len(ps))
	size := 0
	for _, p := range ps {
		size += len(p.quads)
	}
	deltas := make([]cgraph.Delta, 0, size)
	for i, p := range ps {
		r := p.report
		id := ReportID(r.Name)
		res[i] = PutResult{ID: id, Status: Added}
		old := s.cat.entries[id]
		if old != nil {
			if r.Hash != "" && old.str(PredHash) == r.Hash {
				res[i].Status = Unchanged
				continue
			}
			res[i].Status = Replaced
		}
		var previous []quad.Quad
		if old != nil {
			var err error
			if previous, err = s.reportQuads(ctx, id); err != nil {
				return nil, fmt.Errorf("graph.PutPrepared(%s): reading the stored version: %w", r.Name, err)
			}
		}
		add, del := diff(p.quads, previous)
		if len(add) == 0 && len(del) == 0 {
			res[i].Status = Unchanged
		}
		res[i].Added, res[i].Removed = len(add), len(del)
		deltas = appendDeltas(deltas, del, cgraph.Delete)
		deltas = appendDeltas(deltas, add, cgraph.Add)
	}
	if err := s.apply(ctx, deltas); err != nil {
		return nil, fmt.Errorf("graph.PutPrepared: %w", err)
	}
	return res, nil
}

// ReportHash returns the Hash of the stored report of that name, and
// whether one is stored. It reads the catalogue only, so that a caller can
// skip reading and extracting a report whose bytes have not changed (see
// extract.Hash).
func (s *Store) ReportHash(name string) (string, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.cat == nil {
		return "", false
	}
	e := s.cat.entries[ReportID(name)]
	if e == nil {
		return "", false
	}
	return e.str(PredHash), true
}

// ReportHashes returns, by name, the Hash of each of the named reports
// that the store holds: ReportHash for many names under one lock, so that
// lookups do not queue behind writes.
func (s *Store) ReportHashes(names []string) map[string]string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make(map[string]string)
	if s.cat == nil {
		return out
	}
	for _, name := range names {
		if e := s.cat.entries[ReportID(name)]; e != nil {
			out[name] = e.str(PredHash)
		}
	}
	return out
}

// DeleteReport removes a report (by its Name) and every quad it wrote, in
// one transaction. Entities other reports describe stay, with their
// descriptions; those only this report described go. It returns
// ErrNotFound when no report has that name.
func (s *Store) DeleteReport(ctx context.Context, name string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := s.open(); err != nil {
		return fmt.Errorf("graph.DeleteReport(%q): %w", name, err)
	}
	id := ReportID(name)
	if s.cat.entries[id] == nil {
		return fmt.Errorf("graph.DeleteReport(%q): %w", name, ErrNotFound)
	}
	old, err := s.reportQuads(ctx, id)
	if err != nil {
		return fmt.Errorf("graph.DeleteReport(%q): %w", name, err)
	}
	if err := s.apply(ctx, appendDeltas(nil, old, cgraph.Delete)); err != nil {
		return fmt.Errorf("graph.DeleteReport(%q): %w", name, err)
	}
	return nil
}

// reportQuads returns every quad labelled with a report.
func (s *Store) reportQuads(ctx context.Context, report ID) ([]quad.Quad, error) {
	qs, err := s.scan(ctx, quad.Label, []quad.Value{report.IRI()}, "")
	if err != nil {
		return nil, err
	}
	return qs[0], nil
}

// diff returns the quads of next missing from prev, and those of prev
// missing from next.
func diff(next, prev []quad.Quad) (add, del []quad.Quad) {
	if len(prev) == 0 {
		return next, nil
	}
	in := make(map[quad.Quad]bool, len(prev))
	for _, q := range prev {
		in[q] = true
	}
	for _, q := range next {
		if in[q] {
			delete(in, q)
		} else {
			add = append(add, q)
		}
	}
	for _, q := range prev {
		if in[q] {
			del = append(del, q)
		}
	}
	return add, del
}

func appendDeltas(ds []cgraph.Delta, qs []quad.Quad, action cgraph.Procedure) []cgraph.Delta {
	for _, q := range qs {
		ds = append(ds, cgraph.Delta{Quad: q, Action: action})
	}
	return ds
}

// apply commits deltas as one backend transaction and, once committed,
// brings the catalogue up to date. Adding a quad that exists or deleting
// one that does not fails the whole transaction: the catalogue and the
// store would disagree otherwise. Called with s.mu held.
//
// On a key-value backend the additions and the deletions go to Cayley as
// two calls inside one key-value transaction (see txKV): Cayley 0.7.7's KV
// store mishandles one call that mixes them, writing added quads without
// the nodes (their label, often) whose use drops overall in the call.
func (s *Store) apply(ctx context.Context, deltas []cgraph.Delta) error {
	if len(deltas) == 0 {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.failNext {
		s.failNext = false
		// A quad no report wrote, deleted after everything else: the
		// backend applies the rest of the transaction before it fails.
		ghost := quad.MakeIRI(NodeBase+"missing", VocabBase+"missing", NodeBase+"missing", NodeBase+"missing")
		deltas = append(deltas[:len(deltas):len(deltas)], cgraph.Delta{Quad: ghost, Action: cgraph.Delete})
	}
	var err error
	if sq := s.sqlBackend(); sq != nil {
		err = sq.apply(ctx, deltas)
	} else if s.db == nil {
		// Memstore checks the whole call before it changes anything.
		err = s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{})
	} else {
		err = s.applyKV(ctx, deltas)
	}
	if err != nil {
		if rerr := s.reopen(); rerr != nil {
			return fmt.Errorf("transaction failed: %w; reopening the store after it: %v", err, rerr)
		}
		return fmt.Errorf("transaction failed, nothing written: %w", err)
	}
	for _, d := range deltas {
		s.cat.apply(d.Quad, int(d.Action))
	}
	s.version++
	return nil
}

// applyKV applies the additions, then the deletions, in one key-value
// transaction that also moves the store to its next generation.
func (s *Store) applyKV(ctx context.Context, deltas []cgraph.Delta) error {
	var adds, dels []cgraph.Delta
	for _, d := range deltas {
		if d.Action == cgraph.Add {
			adds = append(adds, d)
		} else {
			dels = append(dels, d)
		}
	}
	if err := s.db.Begin(); err != nil {
		return err
	}
	for _, part := range [][]cgraph.Delta{adds, dels} {
		if len(part) == 0 {
			continue
		}
		if err := s.qs.ApplyDeltas(part, cgraph.IgnoreOpts{}); err != nil {
			s.db.Rollback()
			return err
		}
	}
	if err := s.db.outer.Put(generationKey(), encodeGeneration(s.gen+1)); err != nil {
		s.db.Rollback()
		return err
	}
	if err := s.db.Commit(ctx); err != nil {
		return err
	}
	s.gen++
	return nil
}
