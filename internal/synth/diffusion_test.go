package synth_test

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/fazhikg/fazhikg/diffusion"
	"github.com/fazhikg/fazhikg/extract"
	"github.com/fazhikg/fazhikg/graph"
	"github.com/fazhikg/fazhikg/internal/altsynth"
	"github.com/fazhikg/fazhikg/internal/synth"
)

// The whole pipeline against the planted truth: a synthetic corpus is
// generated, its reports extracted and stored, the adoption events derived
// from the store, and the inferred diffusion network scored against the
// true sources — beside the ceiling (inference with the generator's true
// weights) and the baseline (the earliest earlier adopter in the same
// province), both computed on the same extracted adoptions.

// pipelineScores are the figures of one run.
type pipelineScores struct {
	reports, events, truthEdges int
	inferred, ceiling, baseline diffusion.Scores
	params                      diffusion.Params
}

// A corpus writes a synthetic corpus with its planted truth into dir.
type corpus func(ctx context.Context, dir string) error

// ours is a corpus of this package's generator.
func ours(o synth.Options) corpus {
	return func(ctx context.Context, dir string) error {
		o.Out = dir
		_, err := synth.Generate(ctx, o, nil)
		return err
	}
}

// independent is a corpus of internal/altsynth, a generator written apart
// from this one and from the extractor, in its own words.
func independent(o altsynth.Options) corpus {
	return func(ctx context.Context, dir string) error {
		o.Out = dir
		_, err := altsynth.Generate(ctx, o)
		return err
	}
}

// ingested generates a corpus (in a temporary directory), extracts its
// reports on every core and stores them in store, as fazhikg ingest does.
// It returns the planted truth and the number of reports.
func ingested(tb testing.TB, gen corpus, store *graph.Store) (*synth.Truth, int) {
	tb.Helper()
	truth, reports := extracted(tb, gen)
	for i := 0; i < len(reports); i += 100 {
		if _, err := store.PutReports(context.Background(), reports[i:min(i+100, len(reports))]); err != nil {
			tb.Fatal(err)
		}
	}
	return truth, len(reports)
}

// extracted generates a corpus (in a temporary directory) and extracts its
// reports on every core. It returns the planted truth and the reports, in
// the order of their files.
func extracted(tb testing.TB, gen corpus) (*synth.Truth, []*extract.Report) {
	tb.Helper()
	ctx := context.Background()
	out := filepath.Join(tb.TempDir(), "corpus")
	if err := gen(ctx, out); err != nil {
		tb.Fatal(err)
	}
	truth, err := synth.LoadTruth(out)
	if err != nil {
		tb.Fatal(err)
	}
	p := pipeline(tb)
	files, _ := filepath.Glob(filepath.Join(out, "reports", "*", "*"))
	reports := make([]*extract.Report, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				in, raw, err := extract.ReadFile(ctx, files[i], 0)
				if err != nil {
					tb.Error(err)
					continue
				}
				rel, _ := filepath.Rel(out, files[i])
				r, err := p.Extract(ctx, extract.Origin{Name: rel, Source: files[i], Hash: extract.Hash(raw)}, in)
				if err != nil {
					tb.Error(err)
					continue
				}
				reports[i] = r
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	return truth, reports
}

// TestDeriveIndependentOfWriteOrder stores one corpus in two orders (the
// order of its files, 100 reports a transaction; the reverse, 7 a
// transaction, as a resumed ingest might): Derive fits the same weights
// and infers the same transmissions from both.
func TestDeriveIndependentOfWriteOrder(t *testing.T) {
	ctx := context.Background()
	_, reports := extracted(t, ours(synth.Options{Places: 40, Years: 6, Seed: 3}))
	derived := func(batch int, reverse bool) (graph.DeriveResult, []diffusion.Edge) {
		s, err := graph.Open(ctx, graph.Options{Backend: graph.Memstore})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		order := slices.Clone(reports)
		if reverse {
			slices.Reverse(order)
		}
		for i := 0; i < len(order); i += batch {
			if _, err := s.PutReports(ctx, order[i:min(i+batch, len(order))]); err != nil {
				t.Fatal(err)
			}
		}
		res, err := s.Derive(ctx)
		if err != nil {
			t.Fatal(err)
		}
		edges, err := s.DiffusionNetwork(ctx, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		return res, edges
	}
	res1, edges1 := derived(100, false)
	res2, edges2 := derived(7, true)
	if res1.Edges == 0 {
		t.Fatal("Derive inferred no transmission: the corpus tests nothing")
	}
	if diff := cmp.Diff(res1, res2); diff != "" {
		t.Errorf("Derive after writing in another order (-first +second):\n%s", diff)
	}
	if diff := cmp.Diff(edges1, edges2); diff != "" {
		t.Errorf("transmissions after writing in another order (-first +second):\n%.2000s", diff)
	}
}

// runPipeline generates, extracts, stores and evaluates one corpus.
func runPipeline(tb testing.TB, gen corpus) pipelineScores {
	tb.Helper()
	ctx := context.Background()
	store, err := graph.Open(ctx, graph.Options{Backend: graph.Memstore})
	if err != nil {
		tb.Fatal(err)
	}
	defer store.Close()
	truth, nreports := ingested(tb, gen, store)
	places, events, root, err := store.DiffusionInput(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	// the planted mechanisms, by the names the extractor gives them
	events = diffusion.RollUp(events, root)
	var mapped []diffusion.Event
	for _, e := range events {
		if m := plantedName(truth.Manifest.Mechanisms, e.Mechanism); m != "" {
			e.Mechanism = m
			mapped = append(mapped, e)
		}
	}
	mapped = diffusion.RollUp(mapped, nil) // one event per place and planted mechanism
	var truthEdges []diffusion.TruthEdge
	adopted := map[string]bool{}
	for _, e := range mapped {
		adopted[e.Mechanism+"|"+e.Place] = true
	}
	for _, t := range truth.Edges {
		if adopted[t.Mechanism+"|"+t.Target] {
			truthEdges = append(truthEdges, t)
		}
	}
	res := diffusion.Infer(places, mapped, diffusion.Options{})
	return pipelineScores{
		reports: nreports, events: len(mapped), truthEdges: len(truthEdges),
		inferred: diffusion.Evaluate(res.Edges(), truthEdges),
		ceiling:  diffusion.Evaluate(diffusion.Ceiling(places, mapped, truth.Params).Edges(), truthEdges),
		baseline: diffusion.Evaluate(diffusion.Baseline(places, mapped), truthEdges),
		params:   res.Params,
	}
}

// plantedName returns the planted mechanism a name the extractor found
// stands for, or "".
func plantedName(ms []synth.MechanismInfo, name string) string {
	n := strings.NewReplacer("“", "", "”", "", "\"", "").Replace(name)
	for _, m := range ms {
		if n == m.Name || (m.Core != "" && strings.Contains(n, m.Core)) {
			return m.Name
		}
		for _, f := range m.Forms {
			if n == strings.NewReplacer("“", "", "”", "", "\"", "").Replace(f) {
				return m.Name
			}
		}
	}
	return ""
}

func report(tb testing.TB, s pipelineScores) {
	tb.Logf("%d reports, %d adoptions extracted and mapped to planted mechanisms, %d true sources among them", s.reports, s.events, s.truthEdges)
	line := func(name string, sc diffusion.Scores) string {
		return fmt.Sprintf("%-9s precision %.3f  recall %.3f  F1 %.3f", name, sc.Precision, sc.Recall, sc.F1)
	}
	tb.Log(line("inferred", s.inferred))
	tb.Log(line("ceiling", s.ceiling))
	tb.Log(line("baseline", s.baseline))
	tb.Logf("inferred F1 / ceiling F1 = %.3f; inferred F1 / baseline F1 = %.1f", s.inferred.F1/s.ceiling.F1, s.inferred.F1/s.baseline.F1)
	rates := make([]string, 0, len(s.params.Rate))
	for _, k := range diffusion.PathKinds() {
		rates = append(rates, fmt.Sprintf("%s %.3g", k, s.params.Rate[k]))
	}
	sort.Strings(rates)
	tb.Logf("fitted weights: %s; decay %.2f", strings.Join(rates, ", "), s.params.Decay)
}

// TestPipelineAgainstPlantedTruth is the measurement: at least 300
// jurisdictions × 6 years × 20 mechanisms, F1 at least 90% of the
// ceiling's and well above the baseline's.
func TestPipelineAgainstPlantedTruth(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and extracts 1,800 reports")
	}
	runs := []struct {
		name string
		gen  corpus
	}{
		{"seed 1", ours(synth.Options{Places: 300, Years: 6, From: 2018, Mechanisms: 24, Seed: 1})},
		{"seed 2", ours(synth.Options{Places: 300, Years: 6, From: 2018, Mechanisms: 24, Seed: 2})},
		{"independent corpus", independent(altsynth.Options{Places: 300, Years: 6, From: 2018, Mechanisms: 24, Seed: 1})},
	}
	for _, run := range runs {
		t.Run(run.name, func(t *testing.T) {
			s := runPipeline(t, run.gen)
			report(t, s)
			if s.inferred.F1 < 0.9*s.ceiling.F1 {
				t.Errorf("inferred F1 %.3f is below 90%% of the ceiling's %.3f", s.inferred.F1, s.ceiling.F1)
			}
			if s.inferred.F1 < 2*s.baseline.F1 {
				t.Errorf("inferred F1 %.3f is not well above the baseline's %.3f", s.inferred.F1, s.baseline.F1)
			}
		})
	}
}

// BenchmarkPipelineAgainstPlantedTruth reports the same figures (run with
// -benchtime 1x: one run generates, extracts and infers a whole corpus).
func BenchmarkPipelineAgainstPlantedTruth(b *testing.B) {
	for i := 0; i < b.N; i++ {
		s := runPipeline(b, ours(synth.Options{Places: 300, Years: 6, From: 2018, Mechanisms: 24, Seed: 3}))
		report(b, s)
		b.ReportMetric(s.inferred.F1, "F1")
		b.ReportMetric(s.ceiling.F1, "ceilingF1")
		b.ReportMetric(s.baseline.F1, "baselineF1")
	}
}
