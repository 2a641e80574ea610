package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/fazhikg/fazhikg/extract"
	"github.com/fazhikg/fazhikg/extract/jieba"
	"github.com/fazhikg/fazhikg/graph"
	"github.com/fazhikg/fazhikg/internal/synth"
	"github.com/spf13/cobra"
)

// benchOptions say what bench measures.
type benchOptions struct {
	work     string // working directory: corpora, stores, N-Quads
	sizes    []int  // synthetic corpora to generate, in reports
	backend  string
	sampleMB float64 // decoded text over which extraction and Tag are timed
	batch    int     // quads per transaction of the reference load
	graphql  bool    // serve the store and time the API
	clients  int
	requests int // per query
	keep     bool
	exe      string // the program run as fazhikg; "" means this one
	// queryStore, when set, is a store (data directory or database URL)
	// whose GraphQL API alone is timed.
	queryStore string
}

func benchCmd(e *env) *cobra.Command {
	o := benchOptions{backend: graph.LevelDB}
	var sizes string
	cmd := &cobra.Command{
		Use:   "bench --work DIR [flags] [CORPUS...]",
		Short: "Measure ingest and queries beside the raw limits of the segmenter and the store",
		Long: `bench measures, for each corpus (folders of reports given as arguments, or
synthetic corpora of --sizes reports generated into the working directory and
reused on the next run):

  ingest    a fresh store filled by fazhikg ingest, run as a child process:
            wall and CPU time, reports/s, MB/s, quads/s, peak RSS, store size;
            then the same ingest again, every report unchanged
  load      Cayley's own writer loading the same quads (exported as N-Quads)
            into a fresh store of the same backend, --batch quads per
            transaction: the store's limit
  extract   extraction alone, one core, over the first --sample-mb of text,
            beside the segmenter's Tag over the same text
  graphql   with --graphql: the README's queries and mechanismSpread, each
            sent --requests times by --clients concurrent clients to
            fazhikg serve over the ingested (and derived) store; p50 and p99

and prints the figures as Markdown tables, with the ratios to the references.
Rates are per wall-clock second; on a shared machine compare the ratios,
which are measured in the same run.

With --query-store, bench times only the GraphQL API over a store already
ingested (run fazhikg derive on it first), a data directory or a database URL
as --store takes: the way to measure a store that took hours to build, or the
PostgreSQL backend.`,
		Example: `  fazhikg bench --work /tmp/bench --sizes 1000,10000
  fazhikg bench --work /tmp/bench --graphql /data/corpus
  fazhikg bench --query-store /data/fazhikg --clients 16 --requests 200`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.clients < 1 || o.requests < 1 {
				return usagef("--clients and --requests must be at least 1")
			}
			if o.queryStore != "" {
				if len(args) > 0 || sizes != "" {
					return usagef("--query-store times a store already built: give no corpora or --sizes")
				}
				return benchQueriesOnly(cmd.Context(), e, o)
			}
			if o.work == "" {
				return usagef("bench needs --work DIR")
			}
			for _, f := range strings.Split(sizes, ",") {
				if f = strings.TrimSpace(f); f == "" {
					continue
				}
				n, err := strconv.Atoi(f)
				if err != nil || n < 1 {
					return usagef("--sizes: %q is not a number of reports", f)
				}
				o.sizes = append(o.sizes, n)
			}
			if len(args) == 0 && len(o.sizes) == 0 {
				return usagef("bench needs corpora or --sizes")
			}
			return runBench(cmd.Context(), e, o, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.work, "work", "", "working directory (corpora are kept there for the next run)")
	f.StringVar(&sizes, "sizes", "", "synthetic corpora to generate, in reports, comma-separated")
	f.StringVar(&o.backend, "backend", graph.LevelDB, "embedded backend: leveldb or bolt")
	f.Float64Var(&o.sampleMB, "sample-mb", 20, "MB of text over which extraction and the segmenter are timed")
	f.IntVar(&o.batch, "batch", 10000, "quads per transaction of the reference load")
	f.BoolVar(&o.graphql, "graphql", false, "also time the GraphQL API (derives, then serves the store)")
	f.IntVar(&o.clients, "clients", 16, "concurrent GraphQL clients")
	f.IntVar(&o.requests, "requests", 200, "requests per GraphQL query")
	f.BoolVar(&o.keep, "keep", false, "keep the stores and N-Quads of the run")
	f.StringVar(&o.queryStore, "query-store", "", "time only the GraphQL API over this store (a data directory or database URL), already ingested and derived")
	return cmd
}

// benchCorpus is a corpus to measure.
type benchCorpus struct {
	name string
	dir  string // the folder ingested
}

// benchResult holds the figures of one corpus.
type benchResult struct {
	corpus  string
	reports int
	mb      float64 // raw bytes read, in MB
	quads   int

	ingest, reingest childRun
	storeMB          float64

	load    time.Duration
	loadCPU time.Duration
	loadMB  float64

	sampleMB                 float64
	extractTime, tagTime     time.Duration
	extractCPU, tagCPU       time.Duration
	extractReports, tagTexts int

	queries []queryTiming
}

// childRun is a child process's measure.
type childRun struct {
	wall, cpu time.Duration
	maxRSS    int64 // bytes
	stdout    string
}

// program returns the program bench runs as fazhikg.
func (o benchOptions) program() (string, error) {
	if o.exe != "" {
		return o.exe, nil
	}
	exe, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("bench: finding this program: %w", err)
	}
	return exe, nil
}

// benchQueriesOnly times the GraphQL API over o.queryStore.
func benchQueriesOnly(ctx context.Context, e *env, o benchOptions) error {
	if !strings.Contains(o.queryStore, "://") {
		if entries, err := os.ReadDir(o.queryStore); err != nil || len(entries) == 0 {
			return fmt.Errorf("bench --query-store %s: holds no store (ingest and derive a corpus into it first)", o.queryStore)
		}
	}
	exe, err := o.program()
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "bench %s: GraphQL with %d clients\n", o.queryStore, o.clients)
	qs, err := timeGraphQL(ctx, o, exe, o.queryStore)
	if err != nil {
		return fmt.Errorf("bench %s: %w", o.queryStore, err)
	}
	printGraphQL(e.stdout, o, []*benchResult{{corpus: storeLabel(o.queryStore), queries: qs}})
	return nil
}

// storeLabel names a store in a table: a data directory by its base name,
// a database by its URL without user, password or options.
func storeLabel(store string) string {
	if u, err := url.Parse(store); err == nil && u.Scheme != "" && u.Host != "" {
		return u.Scheme + "://" + u.Host + u.Path
	}
	return filepath.Base(filepath.Clean(store))
}

func runBench(ctx context.Context, e *env, o benchOptions, dirs []string) error {
	if err := os.MkdirAll(o.work, 0o755); err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	var corpora []benchCorpus
	for _, n := range o.sizes {
		c, err := synthCorpus(ctx, e, o.work, n)
		if err != nil {
			return err
		}
		corpora = append(corpora, c)
	}
	for _, d := range dirs {
		corpora = append(corpora, benchCorpus{name: filepath.Base(filepath.Clean(d)), dir: d})
	}
	exe, err := o.program()
	if err != nil {
		return err
	}
	var results []*benchResult
	for _, c := range corpora {
		r, err := benchOne(ctx, e, o, exe, c)
		if err != nil {
			return fmt.Errorf("bench %s: %w", c.name, err)
		}
		results = append(results, r)
		printBench(e.stdout, o, results[len(results)-1:])
	}
	if len(results) > 1 {
		fmt.Fprintln(e.stdout, "\nAll corpora:")
		printBench(e.stdout, o, results)
	}
	return nil
}

// synthCorpus returns the synthetic corpus of n reports in work,
// generating it unless an earlier run did: ten years from 2014 (twenty
// from 2004 past 30,000 reports, the gazetteer having too few places that
// report for ten), as many places as that takes.
func synthCorpus(ctx context.Context, e *env, work string, n int) (benchCorpus, error) {
	name := fmt.Sprintf("synth-%d", n)
	out := filepath.Join(work, name)
	c := benchCorpus{name: name, dir: filepath.Join(out, "reports")}
	if _, err := os.Stat(filepath.Join(out, "manifest.json")); err == nil {
		return c, nil
	}
	years, from := 10, 2014
	if n > 30000 {
		years, from = 20, 2004
	}
	if n < years {
		years = n
	}
	places := (n + years - 1) / years
	fmt.Fprintf(e.stderr, "bench: generating %s (%d places × %d years)\n", out, places, years)
	os.RemoveAll(out) // an unfinished earlier attempt
	if _, err := synth.Generate(ctx, synth.Options{Out: out, Places: places, Years: years, From: from, Seed: 1}, nil); err != nil {
		return c, fmt.Errorf("bench: generating %s: %w", out, err)
	}
	return c, nil
}

func benchOne(ctx context.Context, e *env, o benchOptions, exe string, c benchCorpus) (*benchResult, error) {
	r := &benchResult{corpus: c.name}
	store := filepath.Join(o.work, "store-"+c.name)
	ref := filepath.Join(o.work, "ref-"+c.name)
	nq := filepath.Join(o.work, c.name+".nq")
	for _, p := range []string{store, ref, nq} {
		if err := os.RemoveAll(p); err != nil {
			return nil, err
		}
	}
	if !o.keep {
		defer os.RemoveAll(store)
		defer os.RemoveAll(ref)
		defer os.Remove(nq)
	}

	// ingest, then again unchanged
	fmt.Fprintf(e.stderr, "bench %s: ingest\n", c.name)
	var err error
	if r.ingest, err = runChild(ctx, exe, "--data", store, "ingest", "-q", "--no-derive", "--backend", o.backend, c.dir); err != nil {
		return nil, err
	}
	if r.reingest, err = runChild(ctx, exe, "--data", store, "ingest", "-q", "--no-derive", "--backend", o.backend, c.dir); err != nil {
		return nil, err
	}
	if r.storeMB, err = dirMB(store); err != nil {
		return nil, err
	}
	if r.reports, r.quads, err = parseIngest(r.ingest.stdout); err != nil {
		return nil, err
	}

	// the same quads through Cayley's own writer
	fmt.Fprintf(e.stderr, "bench %s: N-Quads export and the reference load\n", c.name)
	if err := exportNQuads(ctx, o.backend, store, nq); err != nil {
		return nil, err
	}
	if err := timeLoad(ctx, o, nq, ref, r); err != nil {
		return nil, err
	}

	// extraction alone and the segmenter alone, one core
	fmt.Fprintf(e.stderr, "bench %s: extraction and Tag over %.0f MB\n", c.name, o.sampleMB)
	mb, err := corpusMB(c.dir)
	if err != nil {
		return nil, err
	}
	r.mb = mb
	if err := timeExtraction(ctx, o, c.dir, r); err != nil {
		return nil, err
	}

	if o.graphql {
		fmt.Fprintf(e.stderr, "bench %s: derive, then GraphQL with %d clients\n", c.name, o.clients)
		if _, err := runChild(ctx, exe, "--data", store, "derive"); err != nil {
			return nil, err
		}
		if r.queries, err = timeGraphQL(ctx, o, exe, store); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// runChild runs this program with args and measures it.
func runChild(ctx context.Context, exe string, args ...string) (childRun, error) {
	cmd := exec.CommandContext(ctx, exe, args...)
	var out, errs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errs
	start := time.Now()
	err := cmd.Run()
	run := childRun{wall: time.Since(start), stdout: out.String()}
	if err != nil {
		return run, fmt.Errorf("fazhikg %s: %w: %s", strings.Join(args, " "), err, lastLines(errs.String(), 5))
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		run.maxRSS = ru.Maxrss << 10 // kilobytes on Linux
		run.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	return run, nil
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

var (
	ingestLine = regexp.MustCompile(`(?m)^(\d+) reports: (\d+) added`)
	quadsLine  = regexp.MustCompile(`(?m)^\d+ facts; (\d+) quads written`)
)

// parseIngest reads the reports added and the quads written from ingest's
// summary.
func parseIngest(out string) (reports, quads int, err error) {
	m, q := ingestLine.FindStringSubmatch(out), quadsLine.FindStringSubmatch(out)
	if m == nil || q == nil {
		return 0, 0, fmt.Errorf("unexpected ingest output: %q", out)
	}
	reports, _ = strconv.Atoi(m[2])
	quads, _ = strconv.Atoi(q[1])
	return reports, quads, nil
}

// exportNQuads writes every quad of the store in dir to file.
func exportNQuads(ctx context.Context, backend, dir, file string) error {
	s, err := graph.Open(ctx, graph.Options{Backend: backend, Path: dir})
	if err != nil {
		return err
	}
	defer s.Close()
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	err = s.WriteNQuads(ctx, w)
	if err == nil {
		err = w.Flush()
	}
	return errors.Join(err, f.Close())
}

// timeLoad loads the N-Quads in nq into a fresh store in dir with
// Cayley's own writer.
func timeLoad(ctx context.Context, o benchOptions, nq, dir string, r *benchResult) error {
	f, err := os.Open(nq)
	if err != nil {
		return err
	}
	defer f.Close()
	cpu0 := cpuTime()
	start := time.Now()
	n, err := graph.BulkLoad(ctx, o.backend, dir, bufio.NewReaderSize(f, 1<<20), o.batch)
	r.load, r.loadCPU = time.Since(start), cpuTime()-cpu0
	if err != nil {
		return err
	}
	if n != r.quads {
		return fmt.Errorf("the reference load wrote %d quads, ingest %d", n, r.quads)
	}
	r.loadMB, err = dirMB(dir)
	return err
}

// timeExtraction times, on one goroutine, extraction of the first
// sampleMB of decoded text, then the segmenter's Tag over the same texts.
// Reading and decoding are not timed.
func timeExtraction(ctx context.Context, o benchOptions, dir string, r *benchResult) error {
	var texts []extract.Input
	var names []string
	size := 0
	limit := int(o.sampleMB * 1e6)
	var fail error
	inputs := collectInputs([]string{dir}, func(path string, err error) { fail = errors.Join(fail, err) })
	if fail != nil {
		return fail
	}
	for _, in := range inputs {
		if size >= limit {
			break
		}
		dec, _, err := extract.ReadFile(ctx, in.path, 0)
		if err != nil {
			continue // ingest reported it
		}
		texts = append(texts, dec)
		names = append(names, in.name)
		size += len(dec.Text)
	}
	r.sampleMB = float64(size) / 1e6
	p, release, err := newPipeline()
	if err != nil {
		return err
	}
	defer release()
	words := make([]jieba.Word, 0)
	for _, w := range extract.UserWords() {
		words = append(words, jieba.Word{Text: w, Tag: "nz"})
	}
	seg, err := jieba.New(jieba.Options{UserWords: words})
	if err != nil {
		return err
	}
	defer seg.Close()
	// warm both up: the gazetteer's automaton, the dictionaries
	p.Extract(ctx, extract.Origin{Name: "warm"}, texts[0])
	seg.Tag(texts[0].Text)

	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cpu0, start := cpuTime(), time.Now()
	for i, in := range texts {
		if _, err := p.Extract(ctx, extract.Origin{Name: names[i]}, in); err == nil {
			r.extractReports++
		}
	}
	r.extractTime, r.extractCPU = time.Since(start), cpuTime()-cpu0
	cpu0, start = cpuTime(), time.Now()
	for _, in := range texts {
		seg.Tag(in.Text)
		r.tagTexts++
	}
	r.tagTime, r.tagCPU = time.Since(start), cpuTime()-cpu0
	return ctx.Err()
}

// cpuTime is the CPU time of this process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func dirMB(dir string) (float64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			n += info.Size()
		}
		return err
	})
	return float64(n) / 1e6, err
}

// corpusMB is the size of the report files ingest reads in dir.
func corpusMB(dir string) (float64, error) {
	var n int64
	var fail error
	for _, in := range collectInputs([]string{dir}, func(_ string, err error) { fail = errors.Join(fail, err) }) {
		fi, err := os.Stat(in.path)
		if err != nil {
			return 0, err
		}
		n += fi.Size()
	}
	return float64(n) / 1e6, fail
}

// queryTiming is the latency of one GraphQL query under load.
type queryTiming struct {
	name          string
	n, errors     int
	p50, p99, max time.Duration
}

// timeGraphQL serves the store in dir with a child fazhikg serve and
// sends each benchmark query o.requests times from o.clients clients.
func timeGraphQL(ctx context.Context, o benchOptions, exe, dir string) ([]queryTiming, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.CommandContext(ctx, exe, "--store", dir, "serve", "--addr", addr)
	var errs bytes.Buffer
	cmd.Stderr = &errs
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	defer func() {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(15 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	}()
	url := "http://" + addr + "/graphql"
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: o.clients}}
	var ready bool
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		if _, err := postQuery(ctx, client, url, `{ stats { reports } }`); err == nil {
			ready = true
			break
		}
	}
	if !ready {
		return nil, fmt.Errorf("fazhikg serve did not answer on %s: %s", addr, lastLines(errs.String(), 5))
	}
	// Time a server in service, not one warming its store.
	for deadline := time.Now().Add(10 * time.Minute); time.Now().Before(deadline); time.Sleep(500 * time.Millisecond) {
		var h struct{ Warm *bool }
		resp, err := client.Get("http://" + addr + "/healthz")
		if err != nil {
			return nil, err
		}
		err = json.NewDecoder(resp.Body).Decode(&h)
		resp.Body.Close()
		if err != nil || h.Warm == nil || *h.Warm {
			break
		}
	}
	qs, err := benchQueries(ctx, client, url)
	if err != nil {
		return nil, err
	}
	var out []queryTiming
	for _, q := range qs {
		if _, err := postQuery(ctx, client, url, q.query); err != nil { // warm up, and check
			return nil, fmt.Errorf("query %s: %w", q.name, err)
		}
		out = append(out, loadQuery(ctx, client, url, q, o.clients, o.requests))
	}
	return out, nil
}

type benchQuery struct{ name, query string }

// benchPlace is a jurisdiction with its parents.
type benchPlace struct {
	Name   string
	Parent *benchPlace
}

// top returns the name of the outermost place: the province.
func (p benchPlace) top() string {
	for p.Parent != nil && p.Parent.Name != "" {
		p = *p.Parent
	}
	return p.Name
}

// benchQueries are the README's example queries, with names the store
// holds: its most reported mechanism, the jurisdiction of its first
// report, that jurisdiction's province; and mechanismSpread of that
// mechanism.
func benchQueries(ctx context.Context, client *http.Client, url string) ([]benchQuery, error) {
	var picks struct {
		Mechanisms struct {
			Nodes []struct {
				Name        string
				ReportCount int
			}
		}
		Reports struct {
			Nodes []struct {
				Jurisdiction benchPlace
			}
		}
	}
	data, err := postQuery(ctx, client, url, `{ mechanisms(first: 200) { nodes { name reportCount } }
		reports(first: 1) { nodes { jurisdiction { name parent { name parent { name parent { name } } } } } } }`)
	if err == nil {
		err = json.Unmarshal(data, &picks)
	}
	if err != nil {
		return nil, fmt.Errorf("choosing names to query: %w", err)
	}
	ms := picks.Mechanisms.Nodes
	if len(ms) == 0 || len(picks.Reports.Nodes) == 0 {
		return nil, errors.New("choosing names to query: the store holds no mechanism or report")
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].ReportCount > ms[j].ReportCount })
	mech := ms[0].Name
	jur := picks.Reports.Nodes[0].Jurisdiction
	prov := jur.top()
	q := strconv.Quote
	return []benchQuery{
		{"mechanism", `{ mechanism(name: ` + q(mech) + `) { name aliases variants { name }
			adoptions(first: 20) { totalCount pageInfo { hasNextPage endCursor }
			nodes { year status jurisdiction { fullName } evidence { sentence section report { title } } } } } }`},
		{"jurisdiction", `{ jurisdiction(name: ` + q(jur.Name) + `) { fullName level parent { name }
			bodies { name kind } reports { title year published } adoptions { year mechanism { name family { name } } } } }`},
		{"mechanisms", `{ mechanisms(filter: {province: ` + q(prov) + `, yearFrom: 2021}, first: 20) {
			totalCount pageInfo { hasNextPage endCursor } nodes { name reportCount family { name } } } }`},
		{"documents", `{ documents(filter: {name: "法治政府建设实施纲要"}) { nodes { title kind reportCount
			evidence(first: 10) { sentence report { jurisdiction { name } year } } } } }`},
		{"awards+bodies+people", `{ awards(filter: {kind: "国家级"}) { totalCount nodes { name recipient year } }
			bodies(filter: {kind: "检察院", province: ` + q(prov) + `}) { nodes { name jurisdiction { fullName } mechanisms { name } } }
			people(first: 10) { nodes { name role } } }`},
		{"mechanismSpread", `{ mechanismSpread(name: ` + q(mech) + `) { fitted adoptions { jurisdiction { name } year } } }`},
	}, nil
}

// postQuery sends a GraphQL query and returns its data, or the first error.
func postQuery(ctx context.Context, client *http.Client, url, query string) (json.RawMessage, error) {
	body, _ := json.Marshal(map[string]string{"query": query})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out struct {
		Data   json.RawMessage
		Errors []struct{ Message string }
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return nil, fmt.Errorf("HTTP %s: %w", resp.Status, err)
	}
	if len(out.Errors) > 0 {
		return nil, fmt.Errorf("HTTP %s: %s", resp.Status, out.Errors[0].Message)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("HTTP %s", resp.Status)
	}
	return out.Data, nil
}

// loadQuery sends q n times from clients concurrent clients and returns
// the latencies' percentiles.
func loadQuery(ctx context.Context, client *http.Client, url string, q benchQuery, clients, n int) queryTiming {
	next := make(chan struct{}, n)
	for i := 0; i < n; i++ {
		next <- struct{}{}
	}
	close(next)
	var mu sync.Mutex
	var lat []time.Duration
	failed := 0
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range next {
				start := time.Now()
				_, err := postQuery(ctx, client, url, q.query)
				d := time.Since(start)
				mu.Lock()
				if err != nil {
					failed++
				} else {
					lat = append(lat, d)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	t := queryTiming{name: q.name, n: len(lat), errors: failed}
	if len(lat) > 0 {
		sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
		t.p50, t.p99, t.max = percentile(lat, 50), percentile(lat, 99), lat[len(lat)-1]
	}
	return t
}

// percentile returns the p-th percentile of sorted durations (nearest
// rank).
func percentile(sorted []time.Duration, p float64) time.Duration {
	i := int(float64(len(sorted))*p/100+0.999999) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

// printBench writes the results as Markdown tables.
func printBench(w io.Writer, o benchOptions, rs []*benchResult) {
	secs := func(d time.Duration) string { return fmt.Sprintf("%.1f", d.Seconds()) }
	rate := func(x float64, d time.Duration) string {
		if d <= 0 {
			return "–"
		}
		return fmt.Sprintf("%.0f", x/d.Seconds())
	}
	ratio := func(a, b float64) string {
		if b == 0 {
			return "–"
		}
		return fmt.Sprintf("%.0f%%", 100*a/b)
	}
	fmt.Fprintf(w, "\nIngest (%s, %d cores, GOMAXPROCS %d)\n\n", o.backend, runtime.NumCPU(), runtime.GOMAXPROCS(0))
	fmt.Fprintln(w, "| corpus | reports | MB | quads | wall s | CPU s | reports/s | MB/s | quads/s | peak RSS MB | store MB | unchanged again s | its peak RSS MB |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, r := range rs {
		fmt.Fprintf(w, "| %s | %d | %.1f | %d | %s | %s | %s | %s | %s | %.0f | %.1f | %s | %.0f |\n",
			r.corpus, r.reports, r.mb, r.quads, secs(r.ingest.wall), secs(r.ingest.cpu),
			rate(float64(r.reports), r.ingest.wall), fmt.Sprintf("%.2f", r.mb/r.ingest.wall.Seconds()),
			rate(float64(r.quads), r.ingest.wall), float64(r.ingest.maxRSS)/1e6, r.storeMB, secs(r.reingest.wall),
			float64(r.reingest.maxRSS)/1e6)
	}
	fmt.Fprintf(w, "\nThe store's limit: the same quads through Cayley's own writer, %d per transaction\n\n", o.batch)
	fmt.Fprintln(w, "| corpus | load s | load CPU s | quads/s | its store MB | ingest quads/s | ingest / load |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|")
	for _, r := range rs {
		in, ld := float64(r.quads)/r.ingest.wall.Seconds(), float64(r.quads)/r.load.Seconds()
		fmt.Fprintf(w, "| %s | %s | %s | %.0f | %.1f | %.0f | %s |\n",
			r.corpus, secs(r.load), secs(r.loadCPU), ld, r.loadMB, in, ratio(in, ld))
	}
	fmt.Fprintln(w, "\nExtraction alone beside the segmenter's Tag, one core, the same text")
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, "| corpus | text MB | extract s | extract MB/s | Tag s | Tag MB/s | extract / Tag | by CPU time |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|")
	for _, r := range rs {
		ex, tg := r.sampleMB/r.extractTime.Seconds(), r.sampleMB/r.tagTime.Seconds()
		fmt.Fprintf(w, "| %s | %.1f | %s | %.2f | %s | %.2f | %s | %s |\n",
			r.corpus, r.sampleMB, secs(r.extractTime), ex, secs(r.tagTime), tg, ratio(ex, tg),
			ratio(r.tagCPU.Seconds(), r.extractCPU.Seconds()))
	}
	if o.graphql {
		printGraphQL(w, o, rs)
	}
}

// printGraphQL prints the GraphQL latencies of the corpora.
func printGraphQL(w io.Writer, o benchOptions, rs []*benchResult) {
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d)/float64(time.Millisecond)) }
	fmt.Fprintf(w, "\nGraphQL, %d concurrent clients, %d requests per query (ms)\n\n", o.clients, o.requests)
	fmt.Fprintln(w, "| corpus | query | p50 | p99 | max | errors |")
	fmt.Fprintln(w, "|---|---|---:|---:|---:|---:|")
	for _, r := range rs {
		for _, q := range r.queries {
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %d |\n", r.corpus, q.name, ms(q.p50), ms(q.p99), ms(q.max), q.errors)
		}
	}
}
