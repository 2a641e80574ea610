package schema

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"

	"github.com/fazhikg/fazhikg/extract"
	"github.com/fazhikg/fazhikg/graph"
)

// Writes enable the mutations (write.graphqls). Without them (a nil
// Options.Writes) the API is read-only and every mutation is refused.
type Writes struct {
	// Token is the secret a mutation must carry as Authorization: Bearer
	// <token>. It must not be empty.
	Token string
	// Extractor turns a text into a report: the pipeline fazhikg ingest
	// uses.
	Extractor Extractor
	// MaxBytes caps the text of ingestReport; 0 means
	// extract.DefaultMaxBytes.
	MaxBytes int
	// Observe, when not nil, hears of every write once it is done: op is
	// "ingest", "delete" or "refit", outcome one of the Outcome constants.
	// It may be called from another goroutine than the request's.
	Observe func(op string, outcome Outcome)
}

// Outcome is what a write did, as Writes.Observe hears it.
type Outcome string

// The outcomes of writes.
const (
	Added     Outcome = "added"     // a report new to the store
	Replaced  Outcome = "replaced"  // a report replacing another of its name
	Unchanged Outcome = "unchanged" // the report was stored already
	Deleted   Outcome = "deleted"   // a report was deleted
	Missing   Outcome = "missing"   // no report to delete
	Rejected  Outcome = "rejected"  // bad input: nothing was written
	Failed    Outcome = "failed"    // an internal failure
	Refitted  Outcome = "refitted"  // the diffusion model was refitted
)

// Extractor turns the text of a report into its facts; *extract.Pipeline
// is one.
type Extractor interface {
	Extract(ctx context.Context, o extract.Origin, in extract.Input) (*extract.Report, error)
}

var _ Extractor = (*extract.Pipeline)(nil)

// Writer is what the mutations need of the store besides Store: the graph
// store's transactional writes and the refit of the diffusion model.
type Writer interface {
	PutReport(ctx context.Context, r *extract.Report) (graph.PutResult, error)
	DeleteReport(ctx context.Context, name string) error
	Derive(ctx context.Context) (graph.DeriveResult, error)
}

var _ Writer = (*graph.Store)(nil)

// writes is the resolvers' side of Writes: nil when writes are disabled.
type writes struct {
	Writes
	store Writer
	log   *slog.Logger
	mu    sync.Mutex // one write at a time

	// The refit of the diffusion model after writes runs in the
	// background, one at a time: fitting a large store takes longer than a
	// request may. Writes made during a refit ask for another, which
	// follows it; Handler.Close cancels and waits.
	refitCtx    context.Context
	cancelRefit context.CancelFunc
	refitMu     sync.Mutex
	refitting   bool // a refit runs
	again       bool // a write came after the running refit read the store
	closed      bool
	refits      sync.WaitGroup
}

// newWrites checks the options of the writes; it returns nil when writes
// are disabled.
func newWrites(s Store, w *Writes, log *slog.Logger) (*writes, error) {
	if w == nil {
		return nil, nil
	}
	if w.Token == "" {
		return nil, errors.New("schema: writes need a token")
	}
	if w.Extractor == nil {
		return nil, errors.New("schema: writes need an extractor")
	}
	ws, ok := s.(Writer)
	if !ok {
		return nil, errors.New("schema: writes need a store that can write")
	}
	if w.MaxBytes <= 0 {
		w.MaxBytes = extract.DefaultMaxBytes
	}
	ctx, cancel := context.WithCancel(context.Background())
	return &writes{Writes: *w, store: ws, log: log, refitCtx: ctx, cancelRefit: cancel}, nil
}

// refit asks for a refit of the diffusion model in the background.
func (w *writes) refit() {
	w.refitMu.Lock()
	defer w.refitMu.Unlock()
	switch {
	case w.closed:
		return
	case w.refitting:
		w.again = true
		return
	}
	w.refitting = true
	w.refits.Add(1)
	go func() {
		defer w.refits.Done()
		for {
			_, err := w.store.Derive(w.refitCtx)
			switch {
			case err == nil:
				w.observe("refit", Refitted)
			case w.refitCtx.Err() == nil:
				w.log.Error("refitting the diffusion model after a write", "err", err)
				w.observe("refit", Failed)
			}
			w.refitMu.Lock()
			if !w.again || w.closed {
				w.refitting, w.again = false, false
				w.refitMu.Unlock()
				return
			}
			w.again = false
			w.refitMu.Unlock()
		}
	}()
}

// close cancels a running refit and waits for it.
func (w *writes) close() {
	w.refitMu.Lock()
	w.closed = true
	w.refitMu.Unlock()
	w.cancelRefit()
	w.refits.Wait()
}

func (w *writes) observe(op string, o Outcome) {
	if w.Observe != nil {
		w.Observe(op, o)
	}
}

// defaultName is the name a text is stored under when ingestReport is
// given none.
func defaultName(hash string) string { return "api/" + hash[:16] }

// ingest extracts a report from text and stores it, then asks for a refit
// of the diffusion model. It returns the ID the report is stored under.
func (w *writes) ingest(ctx context.Context, text string, name *string) (id graph.ID, err error) {
	outcome := Failed
	defer func() { w.observe("ingest", outcome) }()
	reject := func(format string, args ...any) (graph.ID, error) {
		outcome = Rejected
		return "", fmt.Errorf("%w: ingestReport: %s", errBadInput, fmt.Sprintf(format, args...))
	}
	if len(text) > w.MaxBytes {
		return reject("the text has %d bytes, more than the cap of %d", len(text), w.MaxBytes)
	}
	raw := []byte(text)
	hash := extract.Hash(raw)
	n := defaultName(hash)
	if name != nil {
		n = strings.TrimSpace(*name)
		if n == "" {
			return reject("name is empty: leave it out to name the report after its text")
		}
	}
	in, err := extract.Decode(raw, n)
	switch {
	case errors.Is(err, extract.ErrEmpty):
		return reject("the text is empty")
	case errors.Is(err, extract.ErrNotText):
		return reject("the text is not text (binary data)")
	case err != nil:
		return reject("the text cannot be read: %v", err)
	}
	r, err := w.Extractor.Extract(ctx, extract.Origin{Name: n, Source: "api", Hash: hash}, in)
	if err != nil {
		return "", fmt.Errorf("ingestReport %q: extracting: %w", n, err)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	res, err := w.store.PutReport(ctx, r)
	if errors.Is(err, graph.ErrInvalidReport) {
		outcome = Rejected
		return "", fmt.Errorf("%w: ingestReport: %w", errBadInput, err)
	}
	if err != nil {
		return "", fmt.Errorf("ingestReport %q: storing: %w", n, err)
	}
	outcome = Outcome(res.Status)
	if res.Status != graph.Unchanged {
		w.refit()
	}
	return res.ID, nil
}

// delete deletes the report with an ID, then asks for a refit of the
// diffusion model; it returns false when there is no such report.
func (w *writes) delete(ctx context.Context, r *Resolver, id graph.ID) (ok bool, err error) {
	outcome := Failed
	defer func() { w.observe("delete", outcome) }()
	if id.Kind() != graph.KindReport || !id.Valid() {
		outcome = Rejected
		return false, fmt.Errorf("%w: deleteReport: %q is not the ID of a report (report/<name>)", errBadInput, id)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	rs, err := r.Store.Reports(ctx, []graph.ID{id})
	if err != nil {
		return false, fmt.Errorf("deleteReport %q: %w", id, err)
	}
	if len(rs) == 0 || rs[0] == nil {
		outcome = Missing
		return false, nil
	}
	err = w.store.DeleteReport(ctx, rs[0].Name)
	if errors.Is(err, graph.ErrNotFound) {
		outcome = Missing
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("deleteReport %q: %w", id, err)
	}
	outcome = Deleted
	w.refit()
	return true, nil
}
