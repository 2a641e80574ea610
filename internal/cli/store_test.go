package cli

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fazhikg/fazhikg/graph"
)

func TestStoreFlags(t *testing.T) {
	e := &env{dataDir: "/var/lib/fazhikg"}
	tests := []struct {
		flags   storeFlags
		want    graph.Options
		wantErr string
	}{
		{storeFlags{backend: graph.LevelDB}, graph.Options{Backend: graph.LevelDB, Path: "/var/lib/fazhikg"}, ""},
		{storeFlags{backend: graph.Bolt, store: "/srv/kg"}, graph.Options{Backend: graph.Bolt, Path: "/srv/kg"}, ""},
		{storeFlags{backend: graph.LevelDB, store: "postgres://kg@db:5432/kg"}, graph.Options{Backend: graph.Postgres, Path: "postgres://kg@db:5432/kg"}, ""},
		{storeFlags{backend: graph.LevelDB, store: "postgresql://kg@db/kg"}, graph.Options{Backend: graph.Postgres, Path: "postgresql://kg@db/kg"}, ""},
		{storeFlags{backend: graph.LevelDB, store: "cockroach://root@crdb:26257/kg"}, graph.Options{Backend: graph.Cockroach, Path: "cockroach://root@crdb:26257/kg"}, ""},
		{storeFlags{backend: graph.Bolt, store: "postgres://kg:s3cret@db/kg"}, graph.Options{}, "--backend bolt names an embedded backend, but the store is the database postgres://kg:xxxxx@db/kg"},
		{storeFlags{backend: graph.Postgres}, graph.Options{}, "--backend postgres needs the database's URL in --store"},
	}
	for _, tt := range tests {
		got, err := tt.flags.options(e)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%+v: err = %v, want %q", tt.flags, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%+v: options = %+v, %v; want %+v", tt.flags, got, err, tt.want)
		}
	}
}

// TestStoreUnreachable: a database that cannot be reached is named by its
// host, never with its password.
func TestStoreUnreachable(t *testing.T) {
	e := &env{dataDir: t.TempDir()}
	f := storeFlags{backend: graph.LevelDB, store: "postgres://kg:s3cret@127.0.0.1:1/kg?sslmode=disable&connect_timeout=5"}
	_, err := f.open(context.Background(), e)
	if !errors.Is(err, graph.ErrUnreachable) {
		t.Fatalf("open: err = %v, want ErrUnreachable", err)
	}
	if msg := err.Error(); strings.Contains(msg, "s3cret") || !strings.Contains(msg, "127.0.0.1:1") {
		t.Errorf("open: %q, want the host and no password", msg)
	}
}

// TestIngestPostgres ingests the example corpus into PostgreSQL and
// into a LevelDB directory, and compares the stats and exports.
func TestIngestPostgres(t *testing.T) {
	base := os.Getenv("FAZHIKG_TEST_POSTGRES")
	if base == "" {
		t.Skip("FAZHIKG_TEST_POSTGRES is not set: set it to the URL of a PostgreSQL database to run the PostgreSQL tests; .ci/run does")
	}
	addr := freshSchema(t, base)
	data := t.TempDir()
	if code, _, errs := run(t, "--data", data, "ingest", "--store", addr, corpusDir); code != 0 {
		t.Fatalf("ingest --store %s: exit %d: %s", graph.Redact(addr), code, errs)
	}
	if code, _, errs := run(t, "--data", data, "ingest", corpusDir); code != 0 {
		t.Fatalf("ingest into %s: exit %d: %s", data, code, errs)
	}
	export := func(args ...string) string {
		t.Helper()
		code, out, errs := run(t, append([]string{"--data", data, "export", "--format", "nquads"}, args...)...)
		if code != 0 {
			t.Fatalf("export %v: exit %d: %s", args, code, errs)
		}
		return out
	}
	if pg, level := export("--store", addr), export(); pg != level {
		t.Errorf("the PostgreSQL store exports %d bytes, the LevelDB one %d: they differ", len(pg), len(level))
	}
}

// freshSchema creates a schema dropped when the test ends and returns the
// URL of the database base with that schema as its search path.
func freshSchema(t *testing.T, base string) string {
	t.Helper()
	db, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatal(err)
	}
	schema := fmt.Sprintf("cli_%d_%d", os.Getpid(), time.Now().UnixNano())
	if _, err := db.Exec(`CREATE SCHEMA ` + schema); err != nil {
		db.Close()
		t.Fatalf("creating schema %s: %v", schema, err)
	}
	t.Cleanup(func() {
		defer db.Close()
		if _, err := db.Exec(`DROP SCHEMA ` + schema + ` CASCADE`); err != nil {
			t.Errorf("dropping schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("FAZHIKG_TEST_POSTGRES: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// The commands that read a store name the one --store gives when there is
// none, and never the --data directory they did not look in.
func TestReadersWithoutStore(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nowhere")
	for _, cmd := range [][]string{{"stats"}, {"check"}, {"derive"}, {"export", "--format", "nquads"}} {
		code, _, errs := run(t, append([]string{"--data", "/nonexistent-data", cmd[0], "--store", missing}, cmd[1:]...)...)
		if code == 0 || !strings.Contains(errs, "no store in "+missing) || strings.Contains(errs, "/nonexistent-data") {
			t.Errorf("%v with --store %s: exit %d, stderr %q; want it named", cmd, missing, code, errs)
		}
	}
}

// ingest names the store it wrote, the one --store gives, not --data's.
func TestIngestNamesStore(t *testing.T) {
	store := filepath.Join(t.TempDir(), "store")
	code, out, errs := run(t, "--data", "/nonexistent-data", "ingest", "-q", "--no-derive", "--store", store,
		filepath.Join(corpusDir, "01_linyi_2019.txt"))
	if code != 0 {
		t.Fatalf("ingest --store %s: exit %d: %s", store, code, errs)
	}
	if !strings.Contains(out, "store "+store+": 1 reports") || strings.Contains(out, "/nonexistent-data") {
		t.Errorf("ingest --store %s printed %q; want the store named", store, out)
	}
}

// ingest refuses flags out of range before it opens anything.
func TestIngestFlagsOutOfRange(t *testing.T) {
	store := filepath.Join(t.TempDir(), "store")
	for _, flags := range [][]string{{"--memory-mb", "-1"}, {"--batch-quads", "0"}, {"--batch-wait", "0s"}} {
		args := append([]string{"ingest", "--store", store}, flags...)
		code, _, errs := run(t, append(args, corpusDir)...)
		if code != ExitUsage || !strings.Contains(errs, flags[0]) {
			t.Errorf("ingest %v: exit %d, stderr %q; want %d naming the flag", flags, code, errs, ExitUsage)
		}
	}
	if _, err := os.Stat(store); err == nil {
		t.Errorf("a refused ingest created %s", store)
	}
}
