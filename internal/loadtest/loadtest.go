// Package loadtest puts a running fazhikg server under load: many
// clients sending the analysts' queries (the README's questions, search,
// neighbourhoods, the spread of mechanisms) for a while, and reports the
// requests, the errors, the latencies and the server's memory, sampled as
// it goes.
//
// Run starts `fazhikg serve` as a child process over a data directory
// (building a synthetic store there first with `fazhikg synth` and
// `fazhikg ingest` when it holds none), finds names to ask about in the
// store itself, and runs the clients; cmd/fazhikg-load is its command.
package loadtest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"
)

// Options configure a run.
type Options struct {
	// Binary is the fazhikg executable.
	Binary string
	// Data is the data directory served; when it holds no store, one is
	// built from a synthetic corpus of Places × Years reports.
	Data          string
	Places, Years int
	// Clients send requests concurrently for Duration.
	Clients  int
	Duration time.Duration
	// Sample is how often the server's memory is read.
	Sample time.Duration
	// ServeArgs are added to fazhikg serve's command line.
	ServeArgs []string
	// Seed makes the choice of queries repeatable.
	Seed uint64
	// Log receives progress; nil discards it.
	Log io.Writer
}

// Result is what a run measured.
type Result struct {
	Requests int
	// Errors counts the failed requests: no response, a status other than
	// 200, or a response carrying GraphQL errors; ErrorKinds splits them.
	Errors     int
	ErrorKinds map[string]int
	Elapsed    time.Duration
	// Latencies of all requests, and per query.
	All     Summary
	ByQuery map[string]Summary
	// Memory samples of the server (VmRSS) and its peak (VmHWM).
	Memory  []MemorySample
	PeakRSS int64
	// Store is what the store held.
	Reports int
	Quads   int64
}

// MemorySample is the server's resident memory at a moment of the run.
type MemorySample struct {
	At       time.Duration
	RSS, HWM int64 // bytes
}

// Run builds the store if needed, serves it and loads it.
func Run(ctx context.Context, o Options) (*Result, error) {
	if o.Log == nil {
		o.Log = io.Discard
	}
	if err := ensureStore(ctx, o); err != nil {
		return nil, err
	}
	srv, err := startServer(ctx, o)
	if err != nil {
		return nil, err
	}
	defer srv.stop()
	c := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: o.Clients + 8}, Timeout: time.Minute}
	h, err := srv.health(ctx, c)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(o.Log, "serving %d reports, %d quads at %s (pid %d)\n", h.Reports, h.Quads, srv.url, srv.cmd.Process.Pid)
	// The clients start once the server has warmed its store: the load
	// measures a server in service, not one starting.
	start := time.Now()
	for h.Warm != nil && !*h.Warm {
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(500 * time.Millisecond):
		}
		if h, err = srv.health(ctx, c); err != nil {
			return nil, err
		}
	}
	if h.Warm != nil {
		fmt.Fprintf(o.Log, "store warmed in %s\n", time.Since(start).Round(100*time.Millisecond))
	}
	qs, err := discover(ctx, c, srv.url)
	if err != nil {
		return nil, err
	}
	res, err := load(ctx, c, srv, qs, o)
	if err != nil {
		return nil, err
	}
	res.Reports, res.Quads = h.Reports, h.Quads
	if !srv.alive() {
		return res, fmt.Errorf("the server exited during the run: %s", srv.stderr.tail())
	}
	return res, nil
}

// ensureStore builds a synthetic store in o.Data unless it holds one.
func ensureStore(ctx context.Context, o Options) error {
	if entries, err := os.ReadDir(o.Data); err == nil && len(entries) > 0 {
		return nil
	}
	corpus := o.Data + ".corpus"
	if _, err := os.Stat(corpus); errors.Is(err, os.ErrNotExist) {
		fmt.Fprintf(o.Log, "writing a synthetic corpus of %d × %d reports to %s\n", o.Places, o.Years, corpus)
		if err := run(ctx, o, "synth", "--out", corpus, "--places", fmt.Sprint(o.Places), "--years", fmt.Sprint(o.Years), "-q"); err != nil {
			return err
		}
	}
	fmt.Fprintf(o.Log, "ingesting %s into %s\n", corpus, o.Data)
	return run(ctx, o, "--data", o.Data, "ingest", "-q", corpus)
}

func run(ctx context.Context, o Options, args ...string) error {
	cmd := exec.CommandContext(ctx, o.Binary, args...)
	cmd.Stdout, cmd.Stderr = o.Log, o.Log
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s: %w", filepath.Base(o.Binary), strings.Join(args, " "), err)
	}
	return nil
}

// server is a fazhikg serve child process.
type server struct {
	cmd    *exec.Cmd
	url    string
	stderr *tailBuffer
	done   chan struct{}
}

func startServer(ctx context.Context, o Options) (*server, error) {
	args := append([]string{"--data", o.Data, "serve", "--addr", "127.0.0.1:0"}, o.ServeArgs...)
	cmd := exec.Command(o.Binary, args...)
	pr, pw := io.Pipe()
	s := &server{cmd: cmd, stderr: &tailBuffer{}, done: make(chan struct{})}
	cmd.Stderr = pw
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s serve: %w", o.Binary, err)
	}
	go func() {
		cmd.Wait()
		pw.Close()
		close(s.done)
	}()
	found := make(chan string, 1)
	go func() {
		re := regexp.MustCompile(`http://127\.0\.0\.1:[0-9]+`)
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			line := sc.Text()
			s.stderr.add(line)
			if u := re.FindString(line); u != "" {
				select {
				case found <- u:
				default:
				}
			}
		}
	}()
	select {
	case s.url = <-found:
		return s, nil
	case <-s.done:
		return nil, fmt.Errorf("fazhikg serve exited: %s", s.stderr.tail())
	case <-time.After(2 * time.Minute):
		s.stop()
		return nil, errors.New("fazhikg serve did not say where it listens within 2 minutes")
	case <-ctx.Done():
		s.stop()
		return nil, ctx.Err()
	}
}

func (s *server) alive() bool {
	select {
	case <-s.done:
		return false
	default:
		return true
	}
}

// stop ends the server with SIGINT, as a user would, then waits.
func (s *server) stop() {
	if !s.alive() {
		return
	}
	s.cmd.Process.Signal(os.Interrupt)
	select {
	case <-s.done:
	case <-time.After(20 * time.Second):
		s.cmd.Process.Kill()
		<-s.done
	}
}

// healthz is what /healthz answers.
type healthz struct {
	Status  string
	Reports int
	Quads   int64
	Warm    *bool
}

func (s *server) health(ctx context.Context, c *http.Client) (healthz, error) {
	var h healthz
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.url+"/healthz", nil)
	if err != nil {
		return h, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return h, fmt.Errorf("GET /healthz: %w", err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(&h); err != nil || resp.StatusCode != http.StatusOK || h.Status != "ok" {
		return h, fmt.Errorf("GET /healthz: %d %+v %v", resp.StatusCode, h, err)
	}
	return h, nil
}

// tailBuffer keeps the last lines of the server's log.
type tailBuffer struct {
	mu    sync.Mutex
	lines []string
}

func (t *tailBuffer) add(line string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.lines = append(t.lines, line)
	if len(t.lines) > 20 {
		t.lines = t.lines[1:]
	}
}

func (t *tailBuffer) tail() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return strings.Join(t.lines, "\n")
}

// load runs the clients and samples the server's memory.
func load(ctx context.Context, c *http.Client, srv *server, qs []query, o Options) (*Result, error) {
	ctx, cancel := context.WithTimeout(ctx, o.Duration)
	defer cancel()
	start := time.Now()
	pid := srv.cmd.Process.Pid

	var mem []MemorySample
	memDone := make(chan struct{})
	go func() {
		defer close(memDone)
		t := time.NewTicker(o.Sample)
		defer t.Stop()
		for {
			if m, err := readMemory(pid); err == nil {
				m.At = time.Since(start)
				mem = append(mem, m)
				fmt.Fprintf(o.Log, "  %5.0fs  RSS %6.1f MiB  peak %6.1f MiB\n", m.At.Seconds(), mib(m.RSS), mib(m.HWM))
			}
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()

	type outcome struct {
		query   int
		latency time.Duration
		err     string
	}
	results := make([][]outcome, o.Clients)
	var wg sync.WaitGroup
	for i := range o.Clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(o.Seed, uint64(i)))
			for ctx.Err() == nil {
				qi := pick(rng, qs)
				body := qs[qi].body(rng)
				t0 := time.Now()
				errKind := send(ctx, c, srv.url, body)
				if ctx.Err() != nil && errKind != "" {
					return // cut off by the end of the run
				}
				results[i] = append(results[i], outcome{query: qi, latency: time.Since(t0), err: errKind})
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	<-memDone
	if m, err := readMemory(pid); err == nil {
		m.At = elapsed
		mem = append(mem, m)
	}

	res := &Result{ErrorKinds: map[string]int{}, ByQuery: map[string]Summary{}, Elapsed: elapsed, Memory: mem}
	var all []time.Duration
	per := make([][]time.Duration, len(qs))
	for _, rs := range results {
		for _, r := range rs {
			res.Requests++
			all = append(all, r.latency)
			per[r.query] = append(per[r.query], r.latency)
			if r.err != "" {
				res.Errors++
				res.ErrorKinds[qs[r.query].name+": "+r.err]++
			}
		}
	}
	res.All = summarize(all)
	for i, q := range qs {
		res.ByQuery[q.name] = summarize(per[i])
	}
	for _, m := range mem {
		res.PeakRSS = max(res.PeakRSS, m.HWM)
	}
	return res, nil
}

// send posts one query; it returns "" on success, else the kind of
// failure.
func send(ctx context.Context, c *http.Client, url string, body []byte) string {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url+"/graphql", bytes.NewReader(body))
	if err != nil {
		return "request: " + err.Error()
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.Do(req)
	if err != nil {
		return "transport"
	}
	defer resp.Body.Close()
	var r struct {
		Errors []struct {
			Message    string
			Extensions struct{ Code string }
		}
	}
	derr := json.NewDecoder(resp.Body).Decode(&r)
	switch {
	case resp.StatusCode != http.StatusOK:
		return fmt.Sprintf("HTTP %d", resp.StatusCode)
	case derr != nil:
		return "bad JSON"
	case len(r.Errors) > 0:
		return "GraphQL " + r.Errors[0].Extensions.Code + ": " + r.Errors[0].Message
	}
	return ""
}

// Summary sums up latencies.
type Summary struct {
	N                  int
	P50, P90, P99, Max time.Duration
}

func summarize(ds []time.Duration) Summary {
	if len(ds) == 0 {
		return Summary{}
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return Summary{N: len(s), P50: quantile(s, 0.50), P90: quantile(s, 0.90), P99: quantile(s, 0.99), Max: s[len(s)-1]}
}

// quantile returns the q-quantile of sorted durations: the smallest value
// at or above a share q of them (nearest rank).
func quantile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(q*float64(len(sorted))+0.999999999) - 1
	return sorted[min(max(rank, 0), len(sorted)-1)]
}

// readMemory reads a process's VmRSS and VmHWM from /proc.
func readMemory(pid int) (MemorySample, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return MemorySample{}, err
	}
	return parseStatus(b)
}

// parseStatus reads VmRSS and VmHWM from the text of /proc/PID/status.
func parseStatus(b []byte) (MemorySample, error) {
	var m MemorySample
	var seen int
	for _, line := range strings.Split(string(b), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok || (k != "VmRSS" && k != "VmHWM") {
			continue
		}
		var n int64
		var unit string
		if _, err := fmt.Sscan(strings.TrimSpace(v), &n, &unit); err != nil || unit != "kB" {
			return m, fmt.Errorf("reading %s in /proc status: %q", k, v)
		}
		if k == "VmRSS" {
			m.RSS = n << 10
		} else {
			m.HWM = n << 10
		}
		seen++
	}
	if seen != 2 {
		return m, errors.New("no VmRSS and VmHWM in /proc status")
	}
	return m, nil
}

func mib(n int64) float64 { return float64(n) / (1 << 20) }

// WriteTo prints the result as a short report.
func (r *Result) WriteTo(w io.Writer) (int64, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "store: %d reports, %d quads\n", r.Reports, r.Quads)
	fmt.Fprintf(&b, "requests: %d in %s (%.0f/s), errors: %d\n", r.Requests, r.Elapsed.Round(time.Millisecond),
		float64(r.Requests)/r.Elapsed.Seconds(), r.Errors)
	kinds := make([]string, 0, len(r.ErrorKinds))
	for k := range r.ErrorKinds {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		fmt.Fprintf(&b, "  %6d  %s\n", r.ErrorKinds[k], k)
	}
	fmt.Fprintf(&b, "latency: p50 %s, p90 %s, p99 %s, max %s\n", ms(r.All.P50), ms(r.All.P90), ms(r.All.P99), ms(r.All.Max))
	queries := make([]string, 0, len(r.ByQuery))
	for q := range r.ByQuery {
		queries = append(queries, q)
	}
	sort.Strings(queries)
	fmt.Fprintf(&b, "  %-24s %7s %9s %9s %9s\n", "query", "n", "p50", "p99", "max")
	for _, q := range queries {
		s := r.ByQuery[q]
		fmt.Fprintf(&b, "  %-24s %7d %9s %9s %9s\n", q, s.N, ms(s.P50), ms(s.P99), ms(s.Max))
	}
	fmt.Fprintf(&b, "server memory: peak RSS %.1f MiB", mib(r.PeakRSS))
	if len(r.Memory) > 2 {
		// The first sample is taken as the load starts; the flatness is
		// judged from the second on, once the caches are warm.
		warm, last := r.Memory[1], r.Memory[len(r.Memory)-1]
		fmt.Fprintf(&b, "; RSS %.1f MiB at %.0fs, %.1f MiB at the end (%+.1f%%)",
			mib(warm.RSS), warm.At.Seconds(), mib(last.RSS), 100*(float64(last.RSS)/float64(warm.RSS)-1))
	}
	b.WriteString("\n  samples (s: MiB):")
	for _, m := range r.Memory {
		fmt.Fprintf(&b, " %.0f:%.0f", m.At.Seconds(), mib(m.RSS))
	}
	b.WriteString("\n")
	n, err := w.Write(b.Bytes())
	return int64(n), err
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d)/float64(time.Millisecond)) }
