package cli

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// benchChild makes the test binary run as fazhikg when bench starts it
// as a child process.
const benchChild = "FAZHIKG_TEST_AS_FAZHIKG"

func init() {
	if os.Getenv(benchChild) == "1" {
		os.Exit(Run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
	}
}

func TestBench(t *testing.T) {
	if testing.Short() {
		t.Skip("bench ingests, loads, extracts and serves: slow")
	}
	t.Setenv(benchChild, "1")
	corpus := writeReports(t, 6)
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	var out, errs strings.Builder
	e := &env{stdout: &out, stderr: &errs}
	o := benchOptions{work: work, backend: "leveldb", sampleMB: 0.001, batch: 100, graphql: true, clients: 2, requests: 3, exe: exe}
	if err := runBench(context.Background(), e, o, []string{corpus}); err != nil {
		t.Fatalf("bench: %v\n%s", err, errs.String())
	}
	name := filepath.Base(corpus)
	row := func(table string) []string {
		t.Helper()
		re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(table) + `\n\n(?:.*\n){2}(\| ` + regexp.QuoteMeta(name) + ` \|.*)$`)
		m := re.FindStringSubmatch(out.String())
		if m == nil {
			t.Fatalf("no row for %s under %q in:\n%s", name, table, out.String())
		}
		cells := strings.Split(strings.Trim(m[1], "| "), " | ")
		return cells
	}
	number := func(cell string) float64 {
		t.Helper()
		v, err := strconv.ParseFloat(strings.TrimSuffix(cell, "%"), 64)
		if err != nil {
			t.Fatalf("cell %q is not a number", cell)
		}
		return v
	}
	ingest := row("Ingest (leveldb, " + strconv.Itoa(runtime.NumCPU()) + " cores, GOMAXPROCS " + strconv.Itoa(runtime.GOMAXPROCS(0)) + ")")
	if ingest[1] != "6" {
		t.Errorf("ingest row %v: want 6 reports", ingest)
	}
	quads := number(ingest[3])
	if quads < 6*10 || number(ingest[8]) <= 0 || number(ingest[9]) <= 0 || number(ingest[10]) <= 0 {
		t.Errorf("ingest row %v: quads, rate, peak RSS or store size missing", ingest)
	}
	load := row("The store's limit: the same quads through Cayley's own writer, 100 per transaction")
	if number(load[3]) <= 0 || !strings.HasSuffix(load[6], "%") {
		t.Errorf("load row %v: no rate or ratio", load)
	}
	ex := row("Extraction alone beside the segmenter's Tag, one core, the same text")
	if number(ex[3]) <= 0 || number(ex[5]) <= 0 {
		t.Errorf("extraction row %v: no rates", ex)
	}
	// every query answered, without errors
	for _, q := range []string{"mechanism", "jurisdiction", "mechanisms", "documents", "awards+bodies+people", "mechanismSpread"} {
		re := regexp.MustCompile(`(?m)^\| ` + regexp.QuoteMeta(name) + ` \| ` + regexp.QuoteMeta(q) + ` \| ([0-9.]+) \| ([0-9.]+) \| [0-9.]+ \| (\d+) \|$`)
		m := re.FindStringSubmatch(out.String())
		if m == nil {
			t.Errorf("no GraphQL row for %s", q)
			continue
		}
		if m[3] != "0" {
			t.Errorf("%s: %s errors", q, m[3])
		}
		if p50, p99 := number(m[1]), number(m[2]); p50 <= 0 || p99 < p50 || time.Duration(p99*1e6) > time.Minute {
			t.Errorf("%s: p50 %v, p99 %v", q, p50, p99)
		}
	}
	// the stores are removed unless kept; the corpus stays
	left, _ := filepath.Glob(filepath.Join(work, "*"))
	if len(left) != 0 {
		t.Errorf("left in the working directory: %v", left)
	}
}

func TestPercentile(t *testing.T) {
	var d []time.Duration
	for i := 1; i <= 200; i++ {
		d = append(d, time.Duration(i))
	}
	tests := []struct {
		p    float64
		want time.Duration
	}{{50, 100}, {99, 198}, {100, 200}, {0, 1}}
	for _, tt := range tests {
		if got := percentile(d, tt.p); got != tt.want {
			t.Errorf("percentile(1..200, %v) = %v, want %v", tt.p, got, tt.want)
		}
	}
	if got := percentile(d[:1], 99); got != 1 {
		t.Errorf("percentile of one = %v", got)
	}
}

// TestBenchQueryStore times the GraphQL API of a store built beforehand,
// and refuses what --query-store cannot time.
func TestBenchQueryStore(t *testing.T) {
	if testing.Short() {
		t.Skip("serves a store: slow")
	}
	t.Setenv(benchChild, "1")
	data := filepath.Join(t.TempDir(), "data")
	if code, _, errs := run(t, "--data", data, "ingest", "-q", writeReports(t, 4)); code != 0 {
		t.Fatalf("ingest: %s", errs)
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	var out, errs strings.Builder
	e := &env{stdout: &out, stderr: &errs}
	o := benchOptions{queryStore: data, clients: 2, requests: 3, exe: exe}
	if err := benchQueriesOnly(context.Background(), e, o); err != nil {
		t.Fatalf("bench --query-store: %v\n%s", err, errs.String())
	}
	for _, q := range []string{"mechanism", "jurisdiction", "mechanisms", "documents", "awards+bodies+people", "mechanismSpread"} {
		if !regexp.MustCompile(`(?m)^\| data \| ` + regexp.QuoteMeta(q) + ` \| [0-9.]+ \| [0-9.]+ \| [0-9.]+ \| 0 \|$`).MatchString(out.String()) {
			t.Errorf("no GraphQL row without errors for %s in:\n%s", q, out.String())
		}
	}
	if strings.Contains(out.String(), "Ingest") {
		t.Errorf("--query-store printed more than the GraphQL table:\n%s", out.String())
	}

	empty := t.TempDir()
	if code, _, errs := run(t, "bench", "--query-store", empty); code != 1 || !strings.Contains(errs, empty) || !strings.Contains(errs, "holds no store") {
		t.Errorf("an empty directory: exit %d, %q", code, errs)
	}
	if code, _, errs := run(t, "bench", "--query-store", data, "--sizes", "10"); code != 64 || !strings.Contains(errs, "--query-store") {
		t.Errorf("--query-store with --sizes: exit %d, %q", code, errs)
	}
}

func TestStoreLabel(t *testing.T) {
	for in, want := range map[string]string{
		"/srv/fazhikg/data/": "data",
		"store-50k":          "store-50k",
		"postgres://fazhikg:secret@127.0.0.1:5432/kg?sslmode=disable": "postgres://127.0.0.1:5432/kg",
		"cockroach://root@db:26257/fazhikg":                           "cockroach://db:26257/fazhikg",
	} {
		if got := storeLabel(in); got != want {
			t.Errorf("storeLabel(%q) = %q, want %q", in, got, want)
		}
	}
}
