package extract_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/fazhikg/fazhikg/extract"
	"github.com/fazhikg/fazhikg/extract/jieba"
	"github.com/google/go-cmp/cmp"
)

// updating reports whether -update asks for the golden files to be
// rewritten; the flag is shared with the package's internal tests.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files under testdata/")
	}
}

// seedsDir holds the real reports; they are not part of the repository.
const seedsDir = "../../shared/seeds"

var (
	pipeOnce sync.Once
	pipe     *extract.Pipeline
	pipeErr  error
)

// pipeline returns the pipeline the CLI uses: with the segmenter and the
// domain's words.
func pipeline(tb testing.TB) *extract.Pipeline {
	pipeOnce.Do(func() { pipe, _, pipeErr = jieba.NewPipeline() })
	if pipeErr != nil {
		tb.Fatal(pipeErr)
	}
	return pipe
}

func extractFile(tb testing.TB, path string) *extract.Report {
	tb.Helper()
	in, raw, err := extract.ReadFile(context.Background(), path, 0)
	if err != nil {
		tb.Fatal(err)
	}
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	r, err := pipeline(tb).Extract(context.Background(), extract.Origin{Name: name, Source: path, Hash: extract.Hash(raw)}, in)
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// golden is what a golden file records of a report: the facts, without
// the report's sentences.
type golden struct {
	Title         string   `json:"title"`
	Jurisdiction  string   `json:"jurisdiction"`
	Year          int      `json:"year"`
	Published     string   `json:"published"`
	Issuer        string   `json:"issuer"`
	Jurisdictions []string `json:"jurisdictions"`
	Bodies        []string `json:"bodies"`
	Mechanisms    []string `json:"mechanisms"`
	Documents     []string `json:"documents"`
	Awards        []string `json:"awards"`
	People        []string `json:"people"`
	Sentences     int      `json:"sentences"`
	Planned       int      `json:"plannedSentences"`
}

func goldenOf(r *extract.Report) golden {
	g := golden{Title: r.Title, Year: r.Year, Published: r.Published, Issuer: r.Issuer, Sentences: len(r.Sentences)}
	if r.Jurisdiction != nil {
		g.Jurisdiction = r.Jurisdiction.FullName
	}
	for _, s := range r.Sentences {
		if s.Status == extract.Planned {
			g.Planned++
		}
	}
	places := map[string]string{}
	for _, j := range r.Jurisdictions {
		places[j.Code] = j.FullName
		g.Jurisdictions = append(g.Jurisdictions, fmt.Sprintf("%s %s", j.FullName, j.Level))
	}
	for _, b := range r.Bodies {
		g.Bodies = append(g.Bodies, fmt.Sprintf("%s [%s] %d", b.Name, b.Kind, len(b.Mentions)))
	}
	for _, m := range r.Mechanisms {
		s := fmt.Sprintf("%s (%s) %s", m.Name, r.StatusOf(m.Mentions), strings.Join(m.Surfaces, "|"))
		if m.Family != "" {
			s += " < " + m.Family
		}
		if len(m.Bodies) > 0 {
			s += " with " + strings.Join(m.Bodies, ",")
		}
		for _, c := range m.Cues {
			s += fmt.Sprintf(" [%s %s%s %s]", c.Kind, places[c.Place], c.Document, c.Level)
		}
		g.Mechanisms = append(g.Mechanisms, s)
	}
	for _, d := range r.Documents {
		s := fmt.Sprintf("%s [%s]", d.Title, d.Kind)
		if d.Issuer != "" {
			s += " by " + d.Issuer
		}
		g.Documents = append(g.Documents, s)
	}
	for _, a := range r.Awards {
		g.Awards = append(g.Awards, fmt.Sprintf("%s [%s %d] to %s", a.Name, a.Level, a.Year, a.Recipient))
	}
	for _, p := range r.People {
		g.People = append(g.People, fmt.Sprintf("%s: %s", p.Name, p.Role))
	}
	return g
}

// checkGolden compares the extraction of every report in dir with its
// golden file in goldenDir.
func checkGolden(t *testing.T, dir, goldenDir string) {
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	n := 0
	for _, f := range files {
		ext := filepath.Ext(f)
		if ext != ".txt" && ext != ".html" {
			continue
		}
		n++
		name := strings.TrimSuffix(filepath.Base(f), ext)
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(goldenOf(extractFile(t, f))); err != nil {
				t.Fatal(err)
			}
			got := buf.Bytes()
			path := filepath.Join(goldenDir, name+".golden.json")
			if updating() {
				if err := os.MkdirAll(goldenDir, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./extract -update to write it)", err)
			}
			if !bytes.Equal(got, want) {
				var g, w golden
				json.Unmarshal(got, &g)
				json.Unmarshal(want, &w)
				t.Errorf("extraction of %s changed (-golden +now):\n%s", f, cmp.Diff(w, g))
			}
		})
	}
	if n == 0 {
		t.Fatalf("no reports in %s", dir)
	}
}

func TestGoldenSeeds(t *testing.T) {
	if _, err := os.Stat(seedsDir); err != nil {
		t.Skipf("the real reports are not here: %v", err)
	}
	checkGolden(t, seedsDir, "testdata/golden/seeds")
}

func TestGoldenCorpus(t *testing.T) {
	checkGolden(t, "../examples/corpus", "testdata/golden/corpus")
}

func TestGoldenStyles(t *testing.T) {
	checkGolden(t, "testdata/styles", "testdata/golden/styles")
}
