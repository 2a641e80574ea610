package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fazhikg/fazhikg/extract"
	"github.com/fazhikg/fazhikg/graph"
)

// places name the reporting jurisdictions of the sample reports that
// writeReports makes.
var places = []string{"秀洲区", "南湖区", "海盐县", "嘉善县", "平湖市", "桐乡市", "海宁市", "吴兴区"}

// writeReports writes n short reports into a new folder and returns it.
// Report i is named r%03d; its text differs from every other's.
func writeReports(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := 0; i < n; i++ {
		place := places[i%len(places)]
		year := 2018 + i/len(places)
		text := fmt.Sprintf("%s%d年法治政府建设情况报告\n\n%d年，%s深化府检联动工作机制，区法院与区检察院召开府院联席会议%d次。"+
			"制定《%s行政规范性文件管理办法》。\n", place, year, year, place, i+2, place)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%03d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func testPipeline(t *testing.T) (*extract.Pipeline, func()) {
	t.Helper()
	p, release, err := newPipeline()
	if err != nil {
		t.Fatal(err)
	}
	return p, release
}

func TestExtractAllIsOrderedAndBounded(t *testing.T) {
	const n, window = 40, 2
	dir := writeReports(t, n)
	inputs := collectInputs([]string{dir}, func(p string, err error) { t.Fatalf("%s: %v", p, err) })
	p, release := testPipeline(t)
	defer release()
	var started, emitted atomic.Int64
	workers := int64(runtime.GOMAXPROCS(0))
	var most int64
	o := extractOptions{window: window, unchanged: func(name, hash string) bool {
		started.Add(1)
		return false
	}}
	var names []string
	extractAll(context.Background(), loaded(p), inputs, o, func(x extracted) {
		if x.err != nil {
			t.Errorf("%s: %v", x.in.path, x.err)
		}
		names = append(names, x.in.name)
		ahead := started.Load() - emitted.Load()
		most = max(most, ahead)
		// a slow writer: the workers must wait for it
		time.Sleep(2 * time.Millisecond)
		emitted.Add(1)
	})
	if len(names) != n {
		t.Fatalf("%d results, want %d", len(names), n)
	}
	for i, name := range names {
		if want := fmt.Sprintf("r%03d", i); name != want {
			t.Fatalf("result %d is %s, want %s (input order)", i, name, want)
		}
	}
	// started but not emitted: the window, the result being emitted, one
	// per worker
	if limit := window + 1 + workers; most > limit {
		t.Errorf("%d inputs read ahead of the writer, want at most %d", most, limit)
	}
}

func TestExtractAllStopsWhenCancelled(t *testing.T) {
	const n = 40
	dir := writeReports(t, n)
	inputs := collectInputs([]string{dir}, func(p string, err error) { t.Fatalf("%s: %v", p, err) })
	p, release := testPipeline(t)
	defer release()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	got := 0
	extractAll(ctx, loaded(p), inputs, extractOptions{window: 2}, func(x extracted) {
		got++
		if got == 3 {
			cancel()
		}
	})
	if got >= n {
		t.Errorf("all %d inputs emitted after a cancel at the third", got)
	}
}

func TestExtractAllSkipsUnchanged(t *testing.T) {
	dir := writeReports(t, 3)
	inputs := collectInputs([]string{dir}, func(p string, err error) { t.Fatalf("%s: %v", p, err) })
	p, release := testPipeline(t)
	defer release()
	raw, err := os.ReadFile(filepath.Join(dir, "r001.txt"))
	if err != nil {
		t.Fatal(err)
	}
	stored := map[string]string{"r001": extract.Hash(raw), "r002": "an older version"}
	o := extractOptions{prepare: true, unchanged: func(name, hash string) bool { return stored[name] == hash }}
	extractAll(context.Background(), loaded(p), inputs, o, func(x extracted) {
		switch {
		case x.err != nil:
			t.Errorf("%s: %v", x.in.name, x.err)
		case x.in.name == "r001" && (!x.unchanged || x.report != nil):
			t.Errorf("r001 is unchanged but was extracted: %+v", x)
		case x.in.name != "r001" && (x.unchanged || x.report == nil || x.prepared == nil):
			t.Errorf("%s was not extracted and prepared: %+v", x.in.name, x)
		case x.bytes == 0:
			t.Errorf("%s: no bytes counted", x.in.name)
		}
	})
}

// fakeStore records the transactions it is given and fails those holding
// a report named in bad.
type fakeStore struct {
	mu   sync.Mutex
	bad  map[string]bool
	txs  [][]string
	seen map[string]bool
}

func (f *fakeStore) put(ctx context.Context, ps []*graph.Prepared) ([]graph.PutResult, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var names []string
	res := make([]graph.PutResult, len(ps))
	for i, p := range ps {
		names = append(names, p.Name())
		if f.bad[p.Name()] {
			f.txs = append(f.txs, names)
			return nil, fmt.Errorf("graph.PutPrepared: transaction failed, nothing written: %s is bad", p.Name())
		}
		res[i] = graph.PutResult{ID: graph.ReportID(p.Name()), Status: graph.Added, Added: p.Quads()}
	}
	f.txs = append(f.txs, names)
	for _, n := range names {
		f.seen[n] = true
	}
	return res, nil
}

func TestBatcherGroupsAndFallsBack(t *testing.T) {
	const n = 24
	dir := writeReports(t, n)
	inputs := collectInputs([]string{dir}, func(p string, err error) { t.Fatalf("%s: %v", p, err) })
	store, err := graph.Open(context.Background(), graph.Options{Backend: graph.Memstore})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	fake := &fakeStore{bad: map[string]bool{"r005": true}, seen: map[string]bool{}}
	var stderr strings.Builder
	e := &env{stdout: &strings.Builder{}, stderr: &stderr}
	// every sample report states more than 20 quads: at most a handful
	// go in one transaction of about 100
	o := ingestOptions{quiet: true, batchQuads: 100, batchWait: time.Minute, put: fake.put}
	sum, err := ingestInto(context.Background(), e, store, inputs, o)
	if err != nil {
		t.Fatal(err)
	}
	if sum.added != n-1 || sum.failed != 1 {
		t.Errorf("%d added, %d failed; want %d and 1", sum.added, sum.failed, n-1)
	}
	if !strings.Contains(stderr.String(), "r005.txt") || strings.Count(stderr.String(), "\n") != 1 {
		t.Errorf("the failure is not named once on stderr: %q", stderr.String())
	}
	if len(fake.seen) != n-1 || fake.seen["r005"] {
		t.Errorf("stored %d reports (r005 among them: %v), want the %d good ones", len(fake.seen), fake.seen["r005"], n-1)
	}
	grouped, single := 0, 0
	for _, tx := range fake.txs {
		if len(tx) > 1 {
			grouped++
		} else {
			single++
		}
	}
	if grouped == 0 {
		t.Errorf("no transaction held more than one report: %v", fake.txs)
	}
	// the failed transaction is retried report by report
	if single < 2 {
		t.Errorf("no fallback to single reports: %v", fake.txs)
	}
	if sum.transactions != len(fake.txs) {
		t.Errorf("%d transactions counted, %d made", sum.transactions, len(fake.txs))
	}
}

func TestBatcherFlushesAfterTheWait(t *testing.T) {
	dir := writeReports(t, 2)
	inputs := collectInputs([]string{dir}, func(p string, err error) { t.Fatalf("%s: %v", p, err) })
	store, err := graph.Open(context.Background(), graph.Options{Backend: graph.Memstore})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	fake := &fakeStore{seen: map[string]bool{}}
	b := &batcher{put: fake.put, maxQuads: 1 << 30, maxWait: 20 * time.Millisecond, sum: &ingestSummary{}, stderr: os.Stderr}
	in := make(chan extracted)
	done := make(chan struct{})
	go func() {
		defer close(done)
		b.run(context.Background(), in)
	}()
	p, release := testPipeline(t)
	defer release()
	extractAll(context.Background(), loaded(p), inputs[:1], extractOptions{prepare: true}, func(x extracted) { in <- x })
	deadline := time.Now().Add(10 * time.Second)
	for {
		fake.mu.Lock()
		n := len(fake.txs)
		fake.mu.Unlock()
		if n == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("a lone report was not written after the wait")
		}
		time.Sleep(5 * time.Millisecond)
	}
	close(in)
	<-done
	if b.sum.added != 1 {
		t.Errorf("%d added, want 1", b.sum.added)
	}
}

func TestIngestInterruptedKeepsWrittenReports(t *testing.T) {
	const n = 40
	dir := writeReports(t, n)
	inputs := collectInputs([]string{dir}, func(p string, err error) { t.Fatalf("%s: %v", p, err) })
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	data := filepath.Join(t.TempDir(), "data")
	store, err := graph.Open(ctx, graph.Options{Path: data})
	if err != nil {
		t.Fatal(err)
	}
	// Ctrl-C once the first transaction is written
	put := func(ctx context.Context, ps []*graph.Prepared) ([]graph.PutResult, error) {
		res, err := store.PutPrepared(ctx, ps)
		cancel()
		return res, err
	}
	e := &env{stdout: &strings.Builder{}, stderr: &strings.Builder{}}
	sum, err := ingestInto(ctx, e, store, inputs, ingestOptions{quiet: true, batchQuads: 1, batchWait: time.Minute, put: put})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	if sum.failed != 0 || e.stderr.(*strings.Builder).Len() != 0 {
		t.Errorf("an interrupted ingest reported failures: %d, %q", sum.failed, e.stderr)
	}
	if sum.added == 0 || sum.added >= n {
		t.Errorf("%d of %d added, want some but not all", sum.added, n)
	}
	if err := store.Close(); err != nil {
		t.Fatal(err)
	}
	// what was written is there, whole, after reopening
	store, err = graph.Open(context.Background(), graph.Options{Path: data})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	st, err := store.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Reports != sum.added {
		t.Errorf("%d reports stored, %d counted as added", st.Reports, sum.added)
	}
	// the next ingest skips them without extracting, and adds the rest
	names := make([]string, len(inputs))
	for i, in := range inputs {
		names[i] = in.name
	}
	if got := len(store.ReportHashes(names)); got != sum.added {
		t.Errorf("ReportHashes knows %d reports, want %d", got, sum.added)
	}
	again, err := ingestInto(context.Background(), e, store, inputs, ingestOptions{quiet: true, batchQuads: defaultBatchQuads, batchWait: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	if again.unchanged != sum.added || again.added != n-sum.added {
		t.Errorf("second ingest: %d unchanged, %d added; want %d and %d", again.unchanged, again.added, sum.added, n-sum.added)
	}
}

// A transaction refused because another process wrote in between is tried
// again; other errors, and a conflict that persists, are returned.
func TestRetryConflicts(t *testing.T) {
	conflict := fmt.Errorf("%w: another process committed", graph.ErrConflict)
	for _, c := range []struct {
		name      string
		errs      []error // what the store answers, in turn; then success
		wantCalls int
		wantErr   error
	}{
		{"no conflict", nil, 1, nil},
		{"two conflicts, then written", []error{conflict, conflict}, 3, nil},
		{"conflicts throughout", []error{conflict, conflict, conflict, conflict}, 3, graph.ErrConflict},
		{"another error is not retried", []error{errors.New("disk full")}, 1, errors.New("disk full")},
	} {
		t.Run(c.name, func(t *testing.T) {
			calls := 0
			put := retryConflicts(func(ctx context.Context, ps []*graph.Prepared) ([]graph.PutResult, error) {
				calls++
				if calls <= len(c.errs) {
					return nil, c.errs[calls-1]
				}
				return make([]graph.PutResult, len(ps)), nil
			}, 2, time.Millisecond)
			_, err := put(context.Background(), nil)
			if calls != c.wantCalls {
				t.Errorf("%d calls, want %d", calls, c.wantCalls)
			}
			switch {
			case c.wantErr == nil && err != nil:
				t.Errorf("err = %v, want none", err)
			case c.wantErr != nil && (err == nil || !errors.Is(err, c.wantErr) && err.Error() != c.wantErr.Error()):
				t.Errorf("err = %v, want %v", err, c.wantErr)
			}
		})
	}
}

// An ingest that does not write to a terminal logs its progress in lines.
func TestLogProgress(t *testing.T) {
	var out lockedWriter
	var buf bytes.Buffer
	out.w = &buf
	var done atomic.Int64
	done.Store(25)
	stop := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		logProgress(&out, &done, 100, 20*time.Millisecond, stop)
		close(finished)
	}()
	for {
		out.mu.Lock()
		n := strings.Count(buf.String(), "\n")
		out.mu.Unlock()
		if n >= 2 {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	close(stop)
	<-finished
	out.mu.Lock()
	first, _, _ := strings.Cut(buf.String(), "\n")
	out.mu.Unlock()
	if !strings.HasPrefix(first, "fazhikg: ingest: 25 of 100 reports (25.0%) in ") || !strings.Contains(first, " reports/s, about ") || !strings.HasSuffix(first, " left") {
		t.Errorf("progress line %q", first)
	}
}
