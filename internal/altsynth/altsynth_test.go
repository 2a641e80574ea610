package altsynth

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/fazhikg/fazhikg/diffusion"
	"github.com/fazhikg/fazhikg/extract"
	"github.com/fazhikg/fazhikg/internal/synth"
)

// small is a corpus quick to make that still has every kind of report.
func small(out string, seed int64) Options {
	return Options{Places: 60, Years: 4, From: 2019, Mechanisms: 20, Seed: seed, Out: out}
}

func generate(t testing.TB, o Options) (Summary, *synth.Truth) {
	t.Helper()
	sum, err := Generate(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := synth.LoadTruth(o.Out)
	if err != nil {
		t.Fatal(err)
	}
	return sum, tr
}

// readTree returns every file under dir by its relative path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := make(map[string][]byte)
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		out[rel] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestReproducible(t *testing.T) {
	dir := t.TempDir()
	a, b, c := small(filepath.Join(dir, "a"), 11), small(filepath.Join(dir, "b"), 11), small(filepath.Join(dir, "c"), 12)
	a.Workers, b.Workers = 1, 3
	for _, o := range []Options{a, b, c} {
		if _, err := Generate(context.Background(), o); err != nil {
			t.Fatal(err)
		}
	}
	ta, tb, tc := readTree(t, a.Out), readTree(t, b.Out), readTree(t, c.Out)
	if len(ta) != len(tb) {
		t.Fatalf("same seed: %d files and %d files", len(ta), len(tb))
	}
	for name, data := range ta {
		if !bytes.Equal(data, tb[name]) {
			t.Errorf("same seed, different workers: %s differs", name)
		}
	}
	same := 0
	for name, data := range ta {
		if bytes.Equal(data, tc[name]) {
			same++
		}
	}
	if same > len(ta)/10 {
		t.Errorf("another seed: %d of %d files identical", same, len(ta))
	}
}

func TestOptions(t *testing.T) {
	dir := t.TempDir()
	for _, o := range []Options{
		{Places: 1, Out: dir},
		{Years: -1, Out: dir},
		{Mechanisms: len(known) + len(invented) + 1, Out: dir},
		{From: 1900, Out: dir},
		{},
		{Places: 100000, Out: dir},
	} {
		if _, err := Generate(context.Background(), o); !errors.Is(err, ErrOptions) {
			t.Errorf("%+v: got %v, want ErrOptions", o, err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "x"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Generate(context.Background(), Options{Places: 10, Out: dir}); !errors.Is(err, ErrOutNotEmpty) {
		t.Errorf("non-empty directory: got %v, want ErrOutNotEmpty", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Generate(ctx, small(filepath.Join(dir, "cancelled"), 1)); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: got %v", err)
	}
}

// TestTruth checks that the truth agrees with itself and with the files.
func TestTruth(t *testing.T) {
	o := small(t.TempDir(), 5)
	sum, tr := generate(t, o)
	if len(tr.Reports) != sum.Reports || sum.Reports != o.Places*o.Years {
		t.Fatalf("%d reports in the truth, %d written, want %d", len(tr.Reports), sum.Reports, o.Places*o.Years)
	}
	if len(tr.Events) != len(tr.Edges) || len(tr.Events) != sum.Adoptions || sum.Adoptions == 0 {
		t.Fatalf("%d events, %d edges, %d adoptions", len(tr.Events), len(tr.Edges), sum.Adoptions)
	}
	if len(tr.Manifest.Mechanisms) != o.Mechanisms || len(tr.Places) != o.Places {
		t.Fatalf("%d mechanisms, %d places", len(tr.Manifest.Mechanisms), len(tr.Places))
	}
	if tr.Params.Rate[diffusion.PathSiblings] != DefaultParams().Rate[diffusion.PathSiblings] {
		t.Errorf("params.json: %+v", tr.Params)
	}
	forms := make(map[string][]string)
	for _, m := range tr.Manifest.Mechanisms {
		forms[m.Name] = m.Forms
		if (m.Core != "") != m.Invented {
			t.Errorf("%s: core %q, invented %v", m.Name, m.Core, m.Invented)
		}
	}
	places := make(map[string]diffusion.Place)
	for _, p := range tr.Places {
		places[p.Code] = p
	}
	type pm struct {
		place, mech string
	}
	adopted := make(map[pm]int)
	for _, e := range tr.Events {
		if _, ok := places[e.Place]; !ok {
			t.Errorf("event at %s, not a place", e.Place)
		}
		if e.Year < o.From || e.Year >= o.From+o.Years {
			t.Errorf("event %+v outside the years", e)
		}
		adopted[pm{e.Place, e.Mechanism}] = e.Year
	}
	newOnes := 0
	ctx := context.Background()
	for _, r := range tr.Reports {
		in, _, err := extract.ReadFile(ctx, filepath.Join(o.Out, filepath.FromSlash(r.File)), 0)
		if err != nil {
			t.Fatal(err)
		}
		text := in.Text
		if r.Format == "text" {
			text = strings.ReplaceAll(text, "\n", "") // hard-wrapped ones
		}
		if in.Encoding != r.Encoding || in.Format != r.Format {
			t.Errorf("%s: read as %s %s, truth says %s %s", r.File, in.Encoding, in.Format, r.Encoding, r.Format)
		}
		if r.Title != "" && !strings.Contains(in.Text, strings.ReplaceAll(r.Title, "+", " ")) && !strings.Contains(in.Text, r.Title) {
			t.Errorf("%s: title %q not in the text", r.File, r.Title)
		}
		check := func(kind string, ms []synth.Mention) {
			for _, m := range ms {
				if len(m.Surfaces) == 0 || m.Surface != m.Surfaces[0] {
					t.Errorf("%s: %s %s: surface %q, surfaces %q", r.File, kind, m.Mechanism, m.Surface, m.Surfaces)
				}
				for _, s := range m.Surfaces {
					if !strings.Contains(text, s) {
						t.Errorf("%s: %s surface %q not in the text", r.File, kind, s)
					}
					if !slices.Contains(forms[m.Mechanism], s) {
						t.Errorf("%s: surface %q not among the forms of %s", r.File, s, m.Mechanism)
					}
				}
				year, ok := adopted[pm{r.Place, m.Mechanism}]
				switch {
				case kind == "achieved" && (!ok || year > r.Year || m.New != (year == r.Year) || m.Adopted != year):
					t.Errorf("%s: achieved %s (new %v, adopted %d), its event says %d", r.File, m.Mechanism, m.New, m.Adopted, year)
				case kind == "lacking" && ok && year <= r.Year:
					t.Errorf("%s: lacking %s, adopted in %d", r.File, m.Mechanism, year)
				case kind == "planned" && ok && year != m.Adopted:
					t.Errorf("%s: planned %s adopted %d, its event says %d", r.File, m.Mechanism, m.Adopted, year)
				}
				if m.New {
					newOnes++
				}
			}
		}
		check("achieved", r.Achieved)
		check("planned", r.Planned)
		check("lacking", r.Lacking)
		seen := make(map[string]bool)
		for _, ms := range [][]synth.Mention{r.Achieved, r.Planned, r.Lacking} {
			for _, m := range ms {
				if seen[m.Mechanism] {
					t.Errorf("%s: %s told twice", r.File, m.Mechanism)
				}
				seen[m.Mechanism] = true
			}
		}
	}
	if newOnes != len(tr.Events) {
		t.Errorf("%d new adoptions in the reports, %d events", newOnes, len(tr.Events))
	}
}

// TestProseNamesNoMechanism composes reports and checks that no prose
// outside what is told of a mechanism names one, and that what is told of
// one names no other: a mechanism is named only where the truth says.
func TestProseNamesNoMechanism(t *testing.T) {
	o := small(t.TempDir(), 3)
	if err := o.defaults(); err != nil {
		t.Fatal(err)
	}
	c, err := plan(o)
	if err != nil {
		t.Fatal(err)
	}
	var all []*entry
	for i := range known {
		all = append(all, &known[i])
	}
	for i := range invented {
		all = append(all, &invented[i])
	}
	for _, p := range c.places {
		for y := o.From; y <= c.last; y++ {
			d := c.compose(p, y, false)
			text := strings.Join(d.render(c.stream("t", p.code, y)), "\n")
			var outside, inside strings.Builder
			in := false
			for _, r := range text {
				switch string(r) {
				case markOpen, docOpen:
					in = true
					continue
				case markClose, docClose:
					in = false
					outside.WriteString("|")
					continue
				}
				if in {
					inside.WriteRune(r)
				} else {
					outside.WriteRune(r)
				}
			}
			for _, e := range all {
				for _, g := range e.guard {
					if strings.Contains(outside.String(), g) {
						i := strings.Index(outside.String(), g)
						t.Fatalf("%s %d: %q of %s outside what a mechanism is told in: …%s…", p.name, y, g, e.name, around(outside.String(), i))
					}
				}
			}
			for _, tl := range d.told {
				for _, s := range tl.m.e.does {
					for _, e := range all {
						for _, g := range e.guard {
							if strings.Contains(s, g) {
								t.Fatalf("what %s does, %q, holds %q of %s", tl.m.e.name, s, g, e.name)
							}
						}
					}
				}
				for _, s := range tl.surfaces {
					for _, e := range all {
						if e == tl.m.e {
							continue
						}
						for _, g := range e.guard {
							if strings.Contains(s, g) {
								t.Errorf("%s %d: surface %q of %s holds %q of %s", p.name, y, s, tl.m.e.name, g, e.name)
							}
						}
					}
				}
			}
		}
	}
}

func around(s string, i int) string {
	r := []rune(s[:i])
	from := max(0, len(r)-20)
	rest := []rune(s[i:])
	return string(r[from:]) + string(rest[:min(len(rest), 20)])
}

func BenchmarkGenerate(b *testing.B) {
	dir := b.TempDir()
	for i := 0; b.Loop(); i++ {
		o := Options{Places: 60, Years: 3, Mechanisms: 20, Seed: 1, Out: filepath.Join(dir, strconv.Itoa(i))}
		sum, err := Generate(context.Background(), o)
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(sum.Bytes)
		b.ReportMetric(float64(sum.Reports), "reports/op")
	}
}
