package extract_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The scorer of the project's annotations lives beside the real reports.
const scorer = "../../shared/tools/score_extraction.py"

var (
	categoryRe = regexp.MustCompile(`(?m)^(\w+)\s+precision ([\d.]+)\s+recall ([\d.]+)\s+F1 ([\d.]+)`)
	macroRe    = regexp.MustCompile(`(?m)^macro F1 ([\d.]+)`)
	reportRe   = regexp.MustCompile(`(?m)^reporting jurisdiction (\d+)/(\d+)\s+year (\d+)/(\d+)`)
)

// score extracts every report of dir, scores the output against goldDir
// with the project's scorer and returns its verdict.
func score(t *testing.T, dir, goldDir string) string {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed")
	}
	if _, err := os.Stat(scorer); err != nil {
		t.Skipf("the scorer is not here: %v", err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	enc := json.NewEncoder(w)
	for _, f := range files {
		if ext := filepath.Ext(f); ext != ".txt" && ext != ".html" {
			continue
		}
		if err := enc.Encode(extractFile(t, f).Summarize(f, false)); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	pred := filepath.Join(t.TempDir(), "pred.jsonl")
	if err := os.WriteFile(pred, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, scorer, goldDir, pred).CombinedOutput()
	if err != nil {
		t.Fatalf("scorer: %v\n%s", err, out)
	}
	t.Logf("\n%s", out)
	return string(out)
}

// checkScore asserts the thresholds the project holds its extraction to.
func checkScore(t *testing.T, out string, macroMin, categoryMin float64) {
	t.Helper()
	m := macroRe.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no macro F1 in the scorer's output:\n%s", out)
	}
	if f, _ := strconv.ParseFloat(m[1], 64); f < macroMin {
		t.Errorf("macro F1 %.3f, want at least %.2f", f, macroMin)
	}
	cats := categoryRe.FindAllStringSubmatch(out, -1)
	if len(cats) != 5 {
		t.Fatalf("found %d categories in the scorer's output, want 5", len(cats))
	}
	for _, c := range cats {
		if f, _ := strconv.ParseFloat(c[4], 64); f < categoryMin {
			t.Errorf("%s F1 %.2f, want at least %.2f", c[1], f, categoryMin)
		}
	}
	r := reportRe.FindStringSubmatch(out)
	if r == nil || r[1] != r[2] || r[3] != r[4] {
		t.Errorf("reporting jurisdiction or year wrong: %q", strings.TrimSpace(r[0]))
	}
}

func TestScoreSeeds(t *testing.T) {
	if _, err := os.Stat(seedsDir); err != nil {
		t.Skipf("the real reports are not here: %v", err)
	}
	checkScore(t, score(t, seedsDir, "../../shared/gold/seeds"), 0.85, 0.75)
}

func TestScoreCorpus(t *testing.T) {
	checkScore(t, score(t, "../examples/corpus", "../examples/corpus/gold"), 0.85, 0.75)
}

func TestScoreStyles(t *testing.T) {
	checkScore(t, score(t, "testdata/styles", "testdata/styles/gold"), 0.85, 0.75)
}
