package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/fazhikg/fazhikg/graph"
)

// crashCorpus writes the corpus of the crash tests: synthetic reports of
// real size (several hundred quads each, shared entities, adoptions) and
// many small ones, so that ingest writes transactions of many reports.
func crashCorpus(t *testing.T, bin string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "corpus")
	r := runBinary(t, bin, "synth", "-q", "--out", filepath.Join(dir, "synth"), "--places", "30", "--years", "5", "--seed", "11") // 150 reports
	if r.code != 0 {
		t.Fatalf("synth: exit %d: %s", r.code, r.stderr)
	}
	os.RemoveAll(filepath.Join(dir, "synth", "truth")) // the ground truth is no report
	os.Remove(filepath.Join(dir, "synth", "manifest.json"))
	for i := range 1050 {
		p := filepath.Join(dir, "small", fmt.Sprintf("%04d.txt", i))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(tinyReport(i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// killed runs the binary and sends it sig once the data directory has
// grown by grow bytes (a transaction was committed; 0: at once) and then
// after wait; it returns how the run ended and whether the signal ended it.
func killed(t *testing.T, bin, data string, sig syscall.Signal, grow int64, wait time.Duration, args ...string) (result, bool) {
	t.Helper()
	base := dirSize(data)
	var out, errb strings.Builder
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
wait:
	for {
		select {
		case err = <-done:
			break wait
		case <-tick.C:
			if dirSize(data) < base+grow {
				continue
			}
			select {
			case err = <-done:
			case <-time.After(wait):
				cmd.Process.Signal(sig)
				err = <-done
			}
			break wait
		}
	}
	if _, exited := err.(*exec.ExitError); err != nil && !exited {
		t.Fatalf("%v: %v", args, err)
	}
	ws := cmd.ProcessState.Sys().(syscall.WaitStatus)
	r := result{code: cmd.ProcessState.ExitCode(), stdout: out.String(), stderr: errb.String()}
	return r, ws.Signaled() && ws.Signal() == sig
}

// dirSize returns the bytes of the store's files under dir (the catalogue
// snapshot, written when the store opens, aside), 0 when there is none.
func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasPrefix(d.Name(), "catalogue.gob") {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}

// exportByReport exports the store as N-Quads and returns each label's
// quads (a report's, or the derived results'), as exported: sorted.
func exportByReport(t *testing.T, bin, data, backend string) map[string]string {
	t.Helper()
	r := runBinary(t, bin, "--data", data, "export", "--backend", backend, "--format", "nquads")
	if r.code != 0 {
		t.Fatalf("export: exit %d: %s", r.code, r.stderr)
	}
	out := map[string]string{}
	for _, l := range strings.SplitAfter(r.stdout, "\n") {
		if l == "" {
			continue
		}
		i := strings.LastIndex(l, " <")
		if i < 0 || !strings.HasSuffix(l, "> .\n") {
			t.Fatalf("export: not an N-Quad with a label: %q", l)
		}
		label := l[i+2 : len(l)-4]
		out[label] += l
	}
	return out
}

// storeStats returns the counts of fazhikg stats, without the backend.
func storeStats(t *testing.T, bin, data, backend string) map[string]any {
	t.Helper()
	r := runBinary(t, bin, "--data", data, "stats", "--backend", backend, "--format", "json")
	if r.code != 0 {
		t.Fatalf("stats: exit %d: %s", r.code, r.stderr)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &m); err != nil {
		t.Fatalf("stats: %v: %s", err, r.stdout)
	}
	delete(m, "backend")
	return m
}

var derivedLabel = graph.DiffusionID.IRI().String()

// firstCommit is how much a data directory grows with ingest's first
// transaction (about 16,000 quads, several MB of journal or pages), and
// more than opening a new store writes.
const firstCommit = 512 << 10

// wholeReports checks that every report in got is exactly the report in
// want, and returns how many there are.
func wholeReports(t *testing.T, got, want map[string]string) int {
	t.Helper()
	n := 0
	for _, label := range slices.Sorted(maps.Keys(got)) {
		if "<"+label+">" == derivedLabel {
			continue
		}
		n++
		if got[label] != want[label] {
			t.Errorf("report %s is not whole: %d bytes of quads, an uninterrupted ingest writes %d", label, len(got[label]), len(want[label]))
		}
	}
	return n
}

// TestIngestKilled kills fazhikg ingest with SIGKILL at several points of a
// corpus of 1,200 reports, on LevelDB and on Bolt: the store opens,
// every report in it is whole, and running the ingest again gives the
// store an uninterrupted ingest gives. Ctrl-C (SIGINT) stops an ingest
// cleanly, keeping the reports written.
func TestIngestKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests a corpus several times: skipped with -short")
	}
	bin := buildBinary(t)
	corpus := crashCorpus(t, bin)
	ref := filepath.Join(t.TempDir(), "ref")
	start := time.Now()
	if r := runBinary(t, bin, "--data", ref, "ingest", "-q", corpus); r.code != 0 {
		t.Fatalf("uninterrupted ingest: exit %d: %s", r.code, r.stderr)
	}
	full := time.Since(start)
	want, wantStats := exportByReport(t, bin, ref, graph.LevelDB), storeStats(t, bin, ref, graph.LevelDB)
	t.Logf("uninterrupted ingest: %s, %v", full.Round(time.Millisecond), wantStats)

	for _, backend := range []string{graph.LevelDB, graph.Bolt} {
		t.Run(backend, func(t *testing.T) {
			data := filepath.Join(t.TempDir(), "data")
			// Kill as the first transaction lands, then a while later,
			// then later still, each time running the ingest again.
			for _, at := range []float64{0, 0.15, 0.3} {
				wait := time.Duration(at * float64(full))
				r, ok := killed(t, bin, data, syscall.SIGKILL, firstCommit, wait, "--data", data, "ingest", "-q", "--backend", backend, corpus)
				got := exportByReport(t, bin, data, backend)
				n := wholeReports(t, got, want)
				t.Logf("killed %s after a commit: %v; %d of %d reports stored, each whole", wait.Round(time.Millisecond), ok, n, len(want)-1)
				if !ok && r.code != 0 {
					t.Fatalf("ingest neither killed nor done: exit %d: %s", r.code, r.stderr)
				}
			}
			if r := runBinary(t, bin, "--data", data, "ingest", "-q", "--backend", backend, corpus); r.code != 0 {
				t.Fatalf("ingest after the kills: exit %d: %s", r.code, r.stderr)
			}
			if got := storeStats(t, bin, data, backend); fmt.Sprint(got) != fmt.Sprint(wantStats) {
				t.Errorf("stats after the kills and a full ingest: %v, want %v", got, wantStats)
			}
			got := exportByReport(t, bin, data, backend)
			for _, label := range slices.Sorted(maps.Keys(want)) {
				if got[label] != want[label] {
					t.Errorf("%s differs from an uninterrupted ingest", label)
				}
			}
			if len(got) != len(want) {
				t.Errorf("%d labels, an uninterrupted ingest writes %d", len(got), len(want))
			}
			if r := runBinary(t, bin, "--data", data, "check", "--backend", backend); r.code != 0 {
				t.Errorf("check: exit %d:\n%s%s", r.code, r.stdout, r.stderr)
			}
		})
	}

	t.Run("interrupt", func(t *testing.T) {
		data := filepath.Join(t.TempDir(), "data")
		r, _ := killed(t, bin, data, syscall.SIGINT, firstCommit, 0, "--data", data, "ingest", "-q", corpus)
		n := wholeReports(t, exportByReport(t, bin, data, graph.LevelDB), want)
		t.Logf("interrupted as the first transaction landed: exit %d, %d reports kept, each whole; %s", r.code, n, strings.TrimSpace(r.stderr))
		// Stopped while writing, ingest says how many reports it kept; stopped
		// while fitting the model (on a fast machine), that the fit was
		// cut short.
		said := fmt.Sprintf(" %d of %d reports", n, len(want)-1)
		if n == len(want)-1 {
			said = "context canceled"
		}
		if r.code != ExitError || !strings.HasPrefix(r.stderr, "fazhikg: ") || !strings.Contains(r.stderr, said) || n == 0 {
			t.Errorf("interrupted ingest: exit %d, %d reports kept, stderr %q; want %d, some reports and a line saying %q", r.code, n, r.stderr, ExitError, said)
		}
		if r := runBinary(t, bin, "--data", data, "check"); r.code != 0 {
			t.Errorf("check: exit %d:\n%s%s", r.code, r.stdout, r.stderr)
		}
	})
}

// TestServeKilled kills fazhikg serve with SIGKILL while it answers
// queries: the store opens again, answers as before, and checks sound.
func TestServeKilled(t *testing.T) {
	bin := buildBinary(t)
	data := filepath.Join(t.TempDir(), "data")
	if r := runBinary(t, bin, "--data", data, "ingest", "-q", corpusDir); r.code != 0 {
		t.Fatalf("ingest: exit %d: %s", r.code, r.stderr)
	}
	const q = `{ mechanism(name: "府检联动") { id adoptions { nodes { jurisdiction { name } year evidence { sentence } } } } }`
	cmd, url := startServe(t, bin, data)
	before := graphqlPost(t, url, q)
	if !strings.Contains(before, "临沂市") {
		t.Fatalf("before the kill: %s", before)
	}
	// queries in flight when the server dies
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if resp, err := http.Post(url+"/graphql", "application/json", strings.NewReader(queryBody(q))); err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
			}
		}()
	}
	time.Sleep(500 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	close(stop)
	wg.Wait()

	cmd, url = startServe(t, bin, data)
	if after := graphqlPost(t, url, q); after != before {
		t.Errorf("after the kill the store answers\n%s\nwhere before it answered\n%s", after, before)
	}
	cmd.Process.Signal(syscall.SIGINT)
	cmd.Wait()
	if r := runBinary(t, bin, "--data", data, "check"); r.code != 0 {
		t.Errorf("check after the kill: exit %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// startServe starts fazhikg serve on a free port and returns it and its URL.
func startServe(t *testing.T, bin, data string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(bin, "--data", data, "serve", "--addr", "127.0.0.1:0")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	sc := bufio.NewScanner(stderr)
	re := regexp.MustCompile(`http://[0-9.:]+`)
	for sc.Scan() {
		if u := re.FindString(sc.Text()); u != "" {
			go io.Copy(io.Discard, stderr)
			return cmd, u
		}
	}
	t.Fatal("serve did not say where it listens")
	return nil, ""
}

// graphqlPost sends a GraphQL query and returns the response body.
func graphqlPost(t *testing.T, url, q string) string {
	t.Helper()
	resp, err := http.Post(url+"/graphql", "application/json", strings.NewReader(queryBody(q)))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("status %s, %v: %s", resp.Status, err, b)
	}
	return string(b)
}

func queryBody(q string) string {
	b, _ := json.Marshal(map[string]string{"query": q})
	return string(b)
}
