// Package layering checks that the packages depend on each other in one
// direction only: extract ← graph ← schema ← cli, with the cgo segmenter
// and Cayley each behind one package.
package layering

import (
	"os/exec"
	"strings"
	"testing"
)

func deps(t *testing.T, pkg string) []string {
	t.Helper()
	out, err := exec.Command("go", "list", "-deps", "github.com/fazhikg/fazhikg/"+pkg).Output()
	if err != nil {
		t.Fatalf("go list -deps %s: %v", pkg, err)
	}
	return strings.Fields(string(out))
}

func TestLayering(t *testing.T) {
	for _, c := range []struct {
		pkg    string
		forbid []string
	}{
		// the knowledge graph and the API never segment text
		{"graph", []string{"github.com/yanyiwu/gojieba", "github.com/fazhikg/fazhikg/extract/jieba", "github.com/fazhikg/fazhikg/schema"}},
		{"schema", []string{"github.com/yanyiwu/gojieba", "github.com/fazhikg/fazhikg/extract/jieba", "github.com/fazhikg/fazhikg/internal/cli"}},
		// extraction knows nothing of storage, and takes its segmenter as an interface
		{"extract", []string{"github.com/cayleygraph/cayley", "github.com/fazhikg/fazhikg/graph", "github.com/yanyiwu/gojieba"}},
	} {
		for _, d := range deps(t, c.pkg) {
			for _, f := range c.forbid {
				if d == f || strings.HasPrefix(d, f+"/") {
					t.Errorf("%s imports %s", c.pkg, d)
				}
			}
		}
	}
}
