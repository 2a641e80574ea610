package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSynth(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	code, out, errs := run(t, "synth", "--out", dir, "--places", "12", "--years", "2", "--from", "2020", "--mechanisms", "21", "--seed", "4", "-q")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.HasPrefix(out, "24 reports (12 places × 2 years, 21 mechanisms)") {
		t.Errorf("summary %q", out)
	}
	for _, f := range []string{"manifest.json", "truth/adoptions.jsonl", "truth/edges.jsonl", "truth/params.json", "reports/2020", "reports/2021"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	// the reports ingest into the store
	code, out, errs = run(t, "--data", filepath.Join(t.TempDir(), "data"), "ingest", "-q", filepath.Join(dir, "reports"))
	if code != ExitOK || !strings.HasPrefix(out, "24 reports: 24 added") {
		t.Errorf("ingest: exit %d: %s%s", code, out, errs)
	}
}

func TestSynthUsage(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "old"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"no output", []string{"synth"}, "--out"},
		{"an argument", []string{"synth", "--out", "x", "extra"}, "no arguments"},
		{"output not empty", []string{"synth", "--out", dir, "--places", "3"}, "not empty"},
		{"bad share", []string{"synth", "--out", filepath.Join(dir, "new"), "--html", "2"}, "share html"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, _, errs := run(t, c.args...)
			if code != ExitUsage || !strings.Contains(errs, c.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errs, ExitUsage, c.want)
			}
		})
	}
}
