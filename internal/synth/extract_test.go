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

	"github.com/fazhikg/fazhikg/extract"
	"github.com/fazhikg/fazhikg/extract/jieba"
	"github.com/fazhikg/fazhikg/internal/synth"
)

// pipeline is the extraction pipeline the command line builds: jieba with
// the domain's words.
func pipeline(t testing.TB) *extract.Pipeline {
	p, release, err := jieba.NewPipeline()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(release)
	return p
}

// norm is a mechanism name for comparison: simplified, without quotes.
func norm(s string) string {
	return strings.NewReplacer("“", "", "”", "", "\"", "", "「", "", "」", "", "（", "(", "）", ")").Replace(s)
}

// names are the names a planted mechanism may be found under: its
// canonical name and, for an invented one, its quoted core.
func names(m synth.MechanismInfo) []string {
	out := []string{norm(m.Name)}
	if m.Core != "" {
		out = append(out, norm(m.Core))
	}
	return out
}

// found says whether an extracted mechanism is the planted one: by
// canonical name or by family.
func found(x extract.Mechanism, want []string) bool {
	return slices.Contains(want, norm(x.Name)) || (x.Family != "" && slices.Contains(want, norm(x.Family)))
}

// achieved says whether an extracted mechanism is stated as in place: in
// a sentence that is neither a plan nor a shortcoming nor front matter.
func achieved(r *extract.Report, x extract.Mechanism) bool {
	for _, m := range x.Mentions {
		if m.Sentence >= 0 && m.Sentence < len(r.Sentences) && r.Sentences[m.Sentence].Status == extract.Achieved {
			return true
		}
	}
	return false
}

// TestExtractorRecall runs the project's extractor over a generated corpus
// (300 places × 6 years; 40 × 3 with -short) and measures how many planted
// adoptions it finds as achieved, and how many mechanisms named only in
// plans it takes as adopted; run it with -v to see the figures and the
// phrasings missed.
func TestExtractorRecall(t *testing.T) {
	places, years := 300, 6
	if testing.Short() {
		places, years = 40, 3
	}
	dir := t.TempDir()
	ctx := context.Background()
	if _, err := synth.Generate(ctx, synth.Options{Places: places, Years: years, Seed: 11, Out: dir}, nil); err != nil {
		t.Fatal(err)
	}
	truth, err := synth.LoadTruth(dir)
	if err != nil {
		t.Fatal(err)
	}
	mechs := map[string][]string{}
	for _, m := range truth.Manifest.Mechanisms {
		mechs[m.Name] = names(m)
	}
	p := pipeline(t)

	results := make([]outcome, len(truth.Reports))
	var wg sync.WaitGroup
	jobs := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = check(ctx, p, dir, &truth.Reports[i], mechs)
			}
		}()
	}
	for i := range truth.Reports {
		jobs <- i
	}
	close(jobs)
	wg.Wait()

	var sum outcome
	for _, o := range results {
		if o.failed != nil {
			t.Fatal(o.failed)
		}
		sum.achieved += o.achieved
		sum.achievedFound += o.achievedFound
		sum.newOnes += o.newOnes
		sum.newFound += o.newFound
		sum.planned += o.planned
		sum.planAsAchieved += o.planAsAchieved
		sum.lacking += o.lacking
		sum.lackAsAchieved += o.lackAsAchieved
		sum.missed = append(sum.missed, o.missed...)
		sum.planLeaks = append(sum.planLeaks, o.planLeaks...)
		for k, v := range o.examples {
			if sum.examples == nil {
				sum.examples = map[string]string{}
			}
			if _, ok := sum.examples[k]; !ok {
				sum.examples[k] = v
			}
		}
	}
	t.Logf("corpus: %d reports (%d places × %d years), %d mechanisms", len(truth.Reports), places, years, len(mechs))
	t.Logf("recall of adoptions in their year: %d/%d = %.3f", sum.newFound, sum.newOnes, ratio(sum.newFound, sum.newOnes))
	t.Logf("recall of every achieved mention:  %d/%d = %.3f", sum.achievedFound, sum.achieved, ratio(sum.achievedFound, sum.achieved))
	t.Logf("plan-only mentions taken as achieved: %d of %d", sum.planAsAchieved, sum.planned)
	t.Logf("mechanisms named as lacking taken as achieved: %d of %d", sum.lackAsAchieved, sum.lacking)
	// the project's goal is recall ≥ 0.95 and no adoption taken from a
	// plan; the second is the extractor's to meet, and is reported here
	// (with the reports that break it) rather than failed on
	if r := ratio(sum.newFound, sum.newOnes); r < 0.95 {
		t.Errorf("recall of adoptions %.3f, want at least 0.95", r)
	}
	if sum.planAsAchieved > 0 {
		t.Logf("NOTE: %d mechanisms named only in plans taken as achieved; the goal is none", sum.planAsAchieved)
	}
	logCounts(t, "missed (mechanism: surface)", sum.missed)
	logCounts(t, "plan-only taken as achieved", sum.planLeaks)
	if testing.Verbose() {
		keys := make([]string, 0, len(sum.examples))
		for k := range sum.examples {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			t.Logf("  example of a miss, %s\n      %s", k, sum.examples[k])
		}
	}
}

// around returns the text around the first place s occurs in text.
func around(text, s string) string {
	i := strings.Index(text, s)
	if i < 0 {
		return "(not in the text)"
	}
	rs := []rune(text[:i])
	from := max(0, len(rs)-40)
	after := []rune(text[i:])
	return strings.ReplaceAll(string(rs[from:])+string(after[:min(len(after), 60)]), "\n", " ⏎ ")
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// logCounts logs the most frequent items of a list.
func logCounts(t *testing.T, what string, items []string) {
	counts := map[string]int{}
	for _, it := range items {
		counts[it]++
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	if len(keys) > 25 {
		keys = keys[:25]
	}
	for _, k := range keys {
		t.Logf("  %s: %4d  %s", what, counts[k], k)
	}
}

// outcome is what the extractor found in one report, against its truth.
type outcome struct {
	achieved, achievedFound int // every achieved mention
	newOnes, newFound       int // adoptions in the year covered
	planned, planAsAchieved int
	lacking, lackAsAchieved int
	missed                  []string
	planLeaks               []string
	examples                map[string]string // a context of each miss
	failed                  error
}

func check(ctx context.Context, p *extract.Pipeline, dir string, rt *synth.Report, mechs map[string][]string) (o outcome) {
	path := filepath.Join(dir, filepath.FromSlash(rt.File))
	in, raw, err := extract.ReadFile(ctx, path, 0)
	if err != nil {
		o.failed = err
		return o
	}
	r, err := p.Extract(ctx, extract.Origin{Name: rt.File, Source: path, Hash: extract.Hash(raw)}, in)
	if err != nil {
		o.failed = fmt.Errorf("%s: %w", rt.File, err)
		return o
	}
	for _, a := range rt.Achieved {
		ok := false
		for _, x := range r.Mechanisms {
			if found(x, mechs[a.Mechanism]) && achieved(r, x) {
				ok = true
				break
			}
		}
		o.achieved++
		if a.New {
			o.newOnes++
		}
		if ok {
			o.achievedFound++
			if a.New {
				o.newFound++
			}
		} else {
			miss := a.Mechanism + ": " + a.Surface
			o.missed = append(o.missed, miss)
			if o.examples == nil {
				o.examples = map[string]string{}
			}
			o.examples[miss] = rt.File + ": " + around(in.Text, a.Surface)
		}
	}
	for _, l := range rt.Lacking {
		o.lacking++
		for _, x := range r.Mechanisms {
			if found(x, mechs[l.Mechanism]) && achieved(r, x) {
				o.lackAsAchieved++
				break
			}
		}
	}
	for _, pl := range rt.Planned {
		o.planned++
		for _, x := range r.Mechanisms {
			if found(x, mechs[pl.Mechanism]) && achieved(r, x) {
				o.planAsAchieved++
				o.planLeaks = append(o.planLeaks, pl.Mechanism+": "+rt.File)
				break
			}
		}
	}
	return o
}
