package synth_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fazhikg/fazhikg/diffusion"
	"github.com/fazhikg/fazhikg/extract"
	"github.com/fazhikg/fazhikg/internal/synth"
)

// generate writes a corpus to a fresh directory and returns it.
func generate(t testing.TB, o synth.Options) (string, synth.Summary) {
	t.Helper()
	if o.Out == "" {
		o.Out = filepath.Join(t.TempDir(), "corpus")
	}
	sum, err := synth.Generate(context.Background(), o, nil)
	if err != nil {
		t.Fatal(err)
	}
	return o.Out, sum
}

// files reads every file under dir, by relative path.
func files(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestSameSeedSameBytes(t *testing.T) {
	o := synth.Options{Places: 30, Years: 3, Seed: 7}
	a, _ := generate(t, o)
	o.Workers = 1 // the output does not depend on the workers either
	b, _ := generate(t, o)
	o.Seed, o.Workers = 8, 0
	c, _ := generate(t, o)
	fa, fb, fc := files(t, a), files(t, b), files(t, c)
	if len(fa) != len(fb) {
		t.Fatalf("%d files, then %d", len(fa), len(fb))
	}
	differ := 0
	for name, data := range fa {
		if !bytes.Equal(data, fb[name]) {
			t.Errorf("%s differs between two runs with one seed", name)
		}
		if !bytes.Equal(data, fc[name]) {
			differ++
		}
	}
	if differ < len(fa)/2 {
		t.Errorf("seeds 7 and 8 differ in %d of %d files", differ, len(fa))
	}
}

func TestCounts(t *testing.T) {
	const places, years, mechs = 60, 4, 21
	dir, sum := generate(t, synth.Options{Places: places, Years: years, From: 2019, Mechanisms: mechs, Seed: 3})
	if sum.Reports != places*years || sum.Places != places || sum.Years != years || sum.Mechanisms != mechs {
		t.Errorf("summary %+v, want %d places × %d years, %d mechanisms", sum, places, years, mechs)
	}
	truth, err := synth.LoadTruth(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(truth.Reports) != sum.Reports || len(truth.Places) != places || len(truth.Manifest.Mechanisms) != mechs {
		t.Errorf("truth: %d reports, %d places, %d mechanisms", len(truth.Reports), len(truth.Places), len(truth.Manifest.Mechanisms))
	}
	if len(truth.Events) != sum.Adoptions || len(truth.Edges) != sum.Edges || sum.Adoptions != sum.Edges || sum.Adoptions == 0 {
		t.Errorf("%d events, %d edges; summary %d adoptions, %d edges", len(truth.Events), len(truth.Edges), sum.Adoptions, sum.Edges)
	}
	if truth.Params.Decay == 0 || len(truth.Params.Rate) == 0 {
		t.Errorf("params.json: %+v", truth.Params)
	}
	invented := 0
	for _, m := range truth.Manifest.Mechanisms {
		if m.Invented {
			invented++
		}
	}
	if invented == 0 || invented == mechs {
		t.Errorf("%d of %d mechanisms invented, want some", invented, mechs)
	}
	seen := map[string]bool{}
	for _, r := range truth.Reports {
		key := fmt.Sprint(r.Place, "/", r.Year)
		if seen[key] {
			t.Errorf("two reports of %s in %d", r.Place, r.Year)
		}
		seen[key] = true
		if r.Year < 2019 || r.Year >= 2019+years {
			t.Errorf("%s covers %d", r.File, r.Year)
		}
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(r.File))); err != nil {
			t.Error(err)
		}
	}
	levels := map[string]int{}
	for _, p := range truth.Places {
		levels[p.Level]++
	}
	if levels["province"] < 2 || levels["city"] < 2 || levels["county"] < 10 {
		t.Errorf("places by level %v: want provinces, cities and counties", levels)
	}
}

func TestFormats(t *testing.T) {
	dir, sum := generate(t, synth.Options{Places: 100, Years: 3, Seed: 4})
	if sum.HTML == 0 || sum.Traditional == 0 || sum.GB18030 == 0 {
		t.Fatalf("summary %+v: a format is missing", sum)
	}
	truth, err := synth.LoadTruth(dir)
	if err != nil {
		t.Fatal(err)
	}
	crlf := 0
	for _, r := range truth.Reports {
		raw, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(r.File)))
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case r.Encoding == "GB18030" && utf8.Valid(raw):
			t.Errorf("%s: GB18030 but valid UTF-8", r.File)
		case r.Encoding == "UTF-8" && !utf8.Valid(raw):
			t.Errorf("%s: not UTF-8", r.File)
		}
		if (r.Format == "html") != bytes.HasPrefix(raw, []byte("<!DOCTYPE html>")) {
			t.Errorf("%s: format %s, starts %q", r.File, r.Format, raw[:min(20, len(raw))])
		}
		if bytes.Contains(raw, []byte("\r\n")) {
			crlf++
		}
		if r.Script == "traditional" && !strings.ContainsAny(string(raw), "們國報設會與縣區") {
			t.Errorf("%s: traditional, but no traditional character", r.File)
		}
	}
	if crlf == 0 {
		t.Error("no file with CRLF line endings")
	}
}

// TestEveryAdoptionRendered reads every report back as the extractor does
// and checks that each planted adoption is stated, with the surfaces the
// truth gives.
func TestEveryAdoptionRendered(t *testing.T) {
	dir, _ := generate(t, synth.Options{Places: 80, Years: 4, Seed: 9})
	truth, err := synth.LoadTruth(dir)
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		place, mech string
		year        int
	}
	stated := map[key]bool{}
	for _, r := range truth.Reports {
		in, _, err := extract.ReadFile(context.Background(), filepath.Join(dir, filepath.FromSlash(r.File)), 0)
		if err != nil {
			t.Fatal(err)
		}
		if in.Encoding != r.Encoding || in.Format != r.Format {
			t.Errorf("%s: read as %s %s, truth says %s %s", r.File, in.Format, in.Encoding, r.Format, r.Encoding)
		}
		for _, list := range [][]synth.Mention{r.Achieved, r.Planned, r.Lacking} {
			for _, m := range list {
				if !strings.Contains(in.Text, m.Surface) {
					t.Errorf("%s: %s written %q, not in the text", r.File, m.Mechanism, m.Surface)
				}
				for _, s := range m.Surfaces {
					if !strings.Contains(in.Text, s) {
						t.Errorf("%s: %s written %q, not in the text", r.File, m.Mechanism, s)
					}
				}
			}
		}
		for _, m := range r.Achieved {
			if m.New {
				stated[key{r.Place, m.Mechanism, r.Year}] = true
			}
			if m.Adopted == 0 || m.Adopted > r.Year {
				t.Errorf("%s: %s achieved, adopted %d", r.File, m.Mechanism, m.Adopted)
			}
		}
		for _, m := range r.Planned {
			if m.New {
				t.Errorf("%s: %s planned and new", r.File, m.Mechanism)
			}
		}
	}
	for _, e := range truth.Events {
		if !stated[key{e.Place, e.Mechanism, e.Year}] {
			t.Errorf("adoption of %s by %s in %d is not stated in that year's report", e.Mechanism, e.Place, e.Year)
		}
	}
	if len(truth.Events) == 0 {
		t.Fatal("no adoptions planted")
	}
	sources := map[string]int{}
	for _, e := range truth.Edges {
		sources[e.SourceKind]++
	}
	if sources[diffusion.SourcePlace] == 0 || sources[diffusion.SourceSeed] == 0 {
		t.Errorf("true sources by kind %v: want places and seeds", sources)
	}
}

func TestOptionErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		o    synth.Options
		want error
	}{
		{"no output", synth.Options{}, synth.ErrOptions},
		{"too many places", synth.Options{Places: 1 << 20}, synth.ErrOptions},
		{"negative places", synth.Options{Places: -3}, synth.ErrOptions},
		{"too many years", synth.Options{Years: 99}, synth.ErrOptions},
		{"too many mechanisms", synth.Options{Mechanisms: 100000}, synth.ErrOptions},
		{"share above one", synth.Options{Shares: &synth.Shares{HTML: 1.5}}, synth.ErrOptions},
		{"year far off", synth.Options{From: 1200}, synth.ErrOptions},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.name != "no output" {
				c.o.Out = t.TempDir()
			}
			if _, err := synth.Generate(context.Background(), c.o, nil); !errors.Is(err, c.want) {
				t.Errorf("error %v, want %v", err, c.want)
			}
		})
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "x"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := synth.Generate(context.Background(), synth.Options{Out: dir, Places: 5, Years: 1}, nil); !errors.Is(err, synth.ErrOutNotEmpty) {
		t.Errorf("non-empty directory: error %v, want ErrOutNotEmpty", err)
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	_, err := synth.Generate(ctx, synth.Options{Places: 300, Years: 6, Out: t.TempDir()}, func(done, total int) {
		calls++
		cancel()
	})
	if !errors.Is(err, context.Canceled) || calls != 1 {
		t.Errorf("error %v after %d batches, want context.Canceled after one", err, calls)
	}
}

func TestLoadTruthErrors(t *testing.T) {
	dir, _ := generate(t, synth.Options{Places: 5, Years: 1})
	if err := os.WriteFile(filepath.Join(dir, "truth", "edges.jsonl"), []byte("{\"mechanism\": 3}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := synth.LoadTruth(dir); !errors.Is(err, synth.ErrTruth) {
		t.Errorf("malformed edges: error %v, want ErrTruth", err)
	}
	if _, err := synth.LoadTruth(t.TempDir()); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("empty directory: error %v, want fs.ErrNotExist", err)
	}
}

// BenchmarkGenerate measures reports generated per second, written to
// disk with their truth: a 400-report corpus per iteration.
func BenchmarkGenerate(b *testing.B) {
	const places, years = 100, 4
	n := 0
	for i := 0; b.Loop(); i++ {
		dir := filepath.Join(b.TempDir(), "c")
		if _, err := synth.Generate(context.Background(), synth.Options{Places: places, Years: years, Seed: int64(i), Out: dir}, nil); err != nil {
			b.Fatal(err)
		}
		n += places * years
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "reports/s")
}
