package graph_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	_ "github.com/lib/pq"

	"github.com/fazhikg/fazhikg/extract"

	"github.com/fazhikg/fazhikg/graph"
	"github.com/fazhikg/fazhikg/graph/graphtest"
)

// postgresURL returns the database the PostgreSQL tests run in, named by
// FAZHIKG_TEST_POSTGRES, and skips the test when it is not set.
func postgresURL(t testing.TB) string {
	t.Helper()
	addr := os.Getenv("FAZHIKG_TEST_POSTGRES")
	if addr == "" {
		t.Skip("FAZHIKG_TEST_POSTGRES is not set: set it to the URL of a PostgreSQL database " +
			"(postgres://user@127.0.0.1:5432/db?sslmode=disable) to run the PostgreSQL tests; .ci/run does")
	}
	return addr
}

var schemas sync.Mutex

// schemaURL creates a schema of its own for a store kept "in" dir, dropped
// when the test ends, and returns the URL of the database with that schema
// as its search path: each store of the suite starts empty, and a
// directory opened again finds its store.
func schemaURL(t testing.TB, base, dir string) string {
	t.Helper()
	sum := sha256.Sum256([]byte(dir))
	schema := "t_" + hex.EncodeToString(sum[:8])
	db, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	schemas.Lock()
	defer schemas.Unlock()
	var exists bool
	if err := db.QueryRow(`SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)`, schema).Scan(&exists); err != nil {
		t.Fatalf("looking up schema %s: %v", schema, err)
	}
	if !exists {
		if _, err := db.Exec(`CREATE SCHEMA ` + schema); err != nil {
			t.Fatalf("creating schema %s: %v", schema, err)
		}
		t.Cleanup(func() {
			db, err := sql.Open("postgres", base)
			if err != nil {
				t.Error(err)
				return
			}
			defer db.Close()
			if _, err := db.Exec(`DROP SCHEMA ` + schema + ` CASCADE`); err != nil {
				t.Errorf("dropping schema %s: %v", schema, err)
			}
		})
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("FAZHIKG_TEST_POSTGRES: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func postgresHarness(t *testing.T) graphtest.Harness {
	base := postgresURL(t)
	return graphtest.Harness{
		Open: func(t testing.TB, dir string) *graph.Store {
			t.Helper()
			opts := graph.Options{Backend: graph.Postgres, Path: schemaURL(t, base, dir)}
			s, err := graph.Open(context.Background(), opts)
			if err != nil {
				t.Fatalf("Open(%s): %v", graph.Redact(opts.Path), err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		},
		Persistent:    true,
		FailNextWrite: graph.FailNextWrite,
		Golden:        "testdata/fixture.nq",
	}
}

// TestPostgres runs the conformance suite on PostgreSQL, each store in a
// schema of its own.
func TestPostgres(t *testing.T) { graphtest.Run(t, postgresHarness(t)) }

// TestSQLAddress tells database URLs from data directories, and keeps
// passwords out of messages, also when the server cannot be reached.
func TestSQLAddress(t *testing.T) {
	tests := []struct {
		addr, backend, redacted string
	}{
		{"postgres://fz:s3cret@db.example:5432/kg?sslmode=disable", graph.Postgres, "postgres://fz:xxxxx@db.example:5432/kg?sslmode=disable"},
		{"postgresql://db.example/kg?password=s3cret", graph.Postgres, "postgresql://db.example/kg?password=xxxxx"},
		{"cockroach://root@crdb:26257/kg", graph.Cockroach, "cockroach://root@crdb:26257/kg"},
		{"/var/lib/fazhikg", "", "/var/lib/fazhikg"},
		{"data", "", "data"},
		{"mysql://db/kg", "", "mysql://db/kg"},
	}
	for _, tt := range tests {
		backend, ok := graph.IsSQLAddress(tt.addr)
		if backend != tt.backend || ok != (tt.backend != "") {
			t.Errorf("IsSQLAddress(%q) = %q, %v; want %q", tt.addr, backend, ok, tt.backend)
		}
		if got := graph.Redact(tt.addr); got != tt.redacted {
			t.Errorf("Redact(%q) = %q, want %q", tt.addr, got, tt.redacted)
		}
	}

	// Port 1 on loopback: nothing listens there.
	addr := "postgres://fz:s3cret@127.0.0.1:1/kg?sslmode=disable&connect_timeout=5"
	_, err := graph.Open(context.Background(), graph.Options{Backend: graph.Postgres, Path: addr})
	if !errors.Is(err, graph.ErrUnreachable) {
		t.Fatalf("Open(unreachable server): err = %v, want ErrUnreachable", err)
	}
	if msg := err.Error(); strings.Contains(msg, "s3cret") || !strings.Contains(msg, "127.0.0.1:1") {
		t.Errorf("Open(unreachable server): %q, want the host named and no password", msg)
	}
	if _, err := graph.Open(context.Background(), graph.Options{Backend: graph.Cockroach, Path: "/var/lib/fazhikg"}); !errors.Is(err, graph.ErrBackend) {
		t.Errorf("Open(cockroach with a directory): err = %v, want ErrBackend", err)
	}
}

// TestLogFilter checks that the quads a write logs for other processes
// are enough to keep their catalogues as the writer's.
func TestLogFilter(t *testing.T) {
	all := graphtest.Fixture()
	tests := []struct {
		name           string
		added, deleted []*extract.Report
	}{
		{"fixture", all, nil},
		{"fixture less two reports", all, all[1:3]},
		{"revision", []*extract.Report{graphtest.Xiuzhou2023(), graphtest.Xiuzhou2023Revised()}, []*extract.Report{graphtest.Xiuzhou2023()}},
	}
	for _, tt := range tests {
		want, got, err := graph.LoggedCatalogues(tt.added, tt.deleted)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: catalogue replayed from the log differs (-all quads +logged):\n%s", tt.name, diff)
		}
	}
}

// TestPostgresShared runs two stores over one database, as two serve or
// ingest processes would: each sees the other's writes (on Refresh, and by
// itself once notified), and concurrent writes of both leave the store as
// one process writing everything would.
func TestPostgresShared(t *testing.T) {
	h := postgresHarness(t)
	ctx := context.Background()
	dir := t.TempDir()
	a, b := h.Open(t, dir), h.Open(t, dir)
	all := graphtest.Fixture()

	if _, err := a.PutReports(ctx, all[:3]); err != nil {
		t.Fatal(err)
	}
	if err := b.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if got, want := graphtest.Export(t, b), graphtest.Export(t, a); got != want {
		t.Errorf("after Refresh, the other store exports (-writer +reader):\n%s", cmp.Diff(want, got))
	}
	sameCatalogue(t, "reader after Refresh", b)

	// Without Refresh: the notification brings a up to date.
	if _, err := b.PutReports(ctx, all[3:]); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		st, err := a.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Reports == len(all) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("10s after the other store's write, %d reports, want %d", st.Reports, len(all))
		}
		time.Sleep(20 * time.Millisecond)
	}
	sameCatalogue(t, "store notified", a)
	if got, want := graphtest.Export(t, a), graphtest.Export(t, b); got != want {
		t.Errorf("after the notification, the stores differ (-writer +reader):\n%s", cmp.Diff(want, got))
	}

	// Both replace and delete reports at once; a write that finds the
	// store changed under it fails with ErrConflict and is tried again.
	var (
		wg        sync.WaitGroup
		conflicts atomic.Int32
	)
	errs := make(chan error, 2)
	write := func(s *graph.Store, put func() error) {
		defer wg.Done()
		for range 20 {
			err := put()
			if errors.Is(err, graph.ErrConflict) {
				conflicts.Add(1)
			} else {
				errs <- err
				return
			}
		}
		errs <- errors.New("ErrConflict 20 times")
	}
	wg.Add(2)
	go write(a, func() error { _, err := a.PutReport(ctx, graphtest.Xiuzhou2023Revised()); return err })
	go write(b, func() error { return b.DeleteReport(ctx, all[4].Name) })
	wg.Wait()
	close(errs)
	t.Logf("concurrent writes: %d conflicts", conflicts.Load())
	for err := range errs {
		if err != nil {
			t.Fatalf("concurrent writes: %v", err)
		}
	}
	for _, s := range []*graph.Store{a, b} {
		if err := s.Refresh(ctx); err != nil {
			t.Fatal(err)
		}
		sameCatalogue(t, "after concurrent writes", s)
	}
	one := h.Open(t, t.TempDir())
	for _, r := range append(all[:4:4], graphtest.Xiuzhou2023Revised()) {
		if _, err := one.PutReport(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	want := graphtest.Export(t, one)
	for name, s := range map[string]*graph.Store{"a": a, "b": b} {
		if got := graphtest.Export(t, s); got != want {
			t.Errorf("store %s after concurrent writes differs from one store written alone (-alone +shared):\n%s", name, cmp.Diff(want, got))
		}
	}
}

// sameCatalogue checks a store's catalogue against the one its quads add
// up to.
func sameCatalogue(t *testing.T, what string, s *graph.Store) {
	t.Helper()
	rebuilt, err := graph.RebuiltCatalogue(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(rebuilt, graph.Catalogue(s)); diff != "" {
		t.Errorf("%s: catalogue differs from the quads' (-rebuilt +kept):\n%s", what, diff)
	}
}

// TestPostgresCayleyQueries runs Cayley's query API and the store's check
// (which walks every quad through Cayley's iterator) over the store on
// PostgreSQL, and compares the answers with the same store's in memory:
// Cayley's SQL reader still reads the tables the store writes.
func TestPostgresCayleyQueries(t *testing.T) {
	h := postgresHarness(t)
	ctx := context.Background()
	pg := h.Open(t, t.TempDir())
	mem, err := graph.Open(ctx, graph.Options{Backend: graph.Memstore})
	if err != nil {
		t.Fatal(err)
	}
	defer mem.Close()
	for _, s := range []*graph.Store{pg, mem} {
		if _, err := s.PutReports(ctx, graphtest.Fixture()); err != nil {
			t.Fatal(err)
		}
	}
	mech := graph.MechanismID("府检联动").IRI().String()
	queries := []string{
		// One step: the mechanism's name.
		fmt.Sprintf(`g.V(%q).Out(%q).All()`, mech, graph.PredName.String()),
		// Two steps: the adopters of the mechanism.
		fmt.Sprintf(`g.V(%q).In(%q).Out(%q).All()`, mech, graph.PredMechanism.String(), graph.PredAdopter.String()),
	}
	answer := func(s *graph.Store, q string) []string {
		t.Helper()
		srv := httptest.NewServer(s.QueryHandler(graph.QueryOptions{}))
		defer srv.Close()
		resp, err := http.Post(srv.URL+"/api/v2/query?lang=gizmo", "application/javascript", strings.NewReader(q))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var body struct {
			Result []map[string]any `json:"result"`
			Error  string           `json:"error"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&body); err != nil || body.Error != "" {
			t.Fatalf("%s: %v %s", q, err, body.Error)
		}
		var out []string
		for _, r := range body.Result {
			out = append(out, fmt.Sprint(r["id"]))
		}
		slices.Sort(out)
		return out
	}
	// Check walks every quad through Cayley's iterator.
	memProblems, err := mem.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	pgProblems, err := pg.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(memProblems, pgProblems); diff != "" {
		t.Errorf("Check (-memstore +postgres):\n%s", diff)
	}
	for _, q := range queries {
		want, got := answer(mem, q), answer(pg, q)
		if len(want) == 0 {
			t.Errorf("%s: no answer in memory", q)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: PostgreSQL answers (-memstore +postgres):\n%s", q, diff)
		}
	}
}
