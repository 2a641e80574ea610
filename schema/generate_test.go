package schema_test

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestGeneratedUpToDate regenerates the GraphQL code in a copy of the
// module and fails when it differs from the code in the repository: a
// schema or gqlgen.yml change without `go generate ./schema`, or a hand
// edit of generated code.
func TestGeneratedUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("runs gqlgen: skipped with -short")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	for _, f := range []string{"go.mod", "go.sum", "gqlgen.yml"} {
		copyFile(t, filepath.Join(root, f), filepath.Join(tmp, f))
	}
	// The packages gqlgen loads: the schema and those its models live in.
	for _, dir := range []string{"schema", "graph", "extract", "diffusion"} {
		copyTree(t, filepath.Join(root, dir), filepath.Join(tmp, dir))
	}
	cmd := exec.Command("go", "tool", "gqlgen", "generate")
	cmd.Dir = filepath.Join(tmp, "schema")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go tool gqlgen generate: %v\n%s", err, out)
	}
	generated := func(path string) bool {
		rel, _ := filepath.Rel(tmp, path)
		return strings.HasPrefix(rel, filepath.Join("schema", "generated")) ||
			rel == filepath.Join("schema", "model", "models_gen.go") ||
			strings.HasSuffix(rel, ".resolvers.go")
	}
	seen := make(map[string]bool)
	err = filepath.WalkDir(filepath.Join(tmp, "schema"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !generated(path) {
			return err
		}
		rel, _ := filepath.Rel(tmp, path)
		seen[rel] = true
		want, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		got, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			t.Errorf("%s: generated but missing from the repository (run go generate ./schema)", rel)
			return nil
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run go generate ./schema", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(filepath.Join(root, "schema"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if generated(filepath.Join(tmp, rel)) && !seen[rel] {
			t.Errorf("%s: no longer generated; delete it", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		copyFile(t, path, filepath.Join(to, rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
