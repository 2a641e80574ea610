package altsynth

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/fazhikg/fazhikg/diffusion"
	"github.com/fazhikg/fazhikg/extract"
	"github.com/fazhikg/fazhikg/extract/jieba"
	"github.com/fazhikg/fazhikg/internal/synth"
)

// What the extractor reaches on this corpus, as measured (seed 1, the
// default size): adoption recall 0.978 against the goal of 0.95, and one
// plan-only mention of 2,978 taken as achieved (a wrapped line cut
// 下一步，将 from the rest of its sentence) against the goal of none. The test
// fails below these, so that a regression shows.
const (
	goalRecall = 0.95
	// measuredRecall is the adoption recall, with a little room for noise.
	measuredRecall = 0.97
	// measuredPlanLeaks is the share of plan-only mentions taken as
	// achieved.
	measuredPlanLeaks = 0.001
)

// newPipeline builds the extraction pipeline the command line uses.
func newPipeline(t testing.TB) *extract.Pipeline {
	p, release, err := jieba.NewPipeline()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(release)
	return p
}

// keys are the forms by which an extracted name is matched to a planted
// one: simplified, without quotes, width-folded, with and without the
// generic suffixes.
func keys(t testing.TB, names ...string) []string {
	ccs, err := converters()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, n := range names {
		if n == "" {
			continue
		}
		s, err := ccs["t2s"].Convert(n)
		if err != nil {
			t.Fatal(err)
		}
		s = norm(s)
		for _, k := range []string{s, stem(s)} {
			if k != "" && !slices.Contains(out, k) {
				out = append(out, k)
			}
		}
	}
	return out
}

func norm(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '！' && r <= '～':
			r -= 0xFEE0
		case r == '　':
			r = ' '
		}
		if strings.ContainsRune("“”‘’「」『』\"' 、", r) {
			continue
		}
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

var suffixes = []string{"工作机制", "机制", "工作法", "模式", "制度", "改革", "服务品牌", "品牌", "工作", "体系", "会议", "清单", "服务平台", "平台", "监管"}

func stem(s string) string {
	s = strings.TrimPrefix(s, "新时代")
	for changed := true; changed; {
		changed = false
		for _, x := range suffixes {
			if t := strings.TrimSuffix(s, x); t != s && len([]rune(t)) >= 2 {
				s, changed = t, true
			}
		}
	}
	return s
}

// corpusMatcher maps extracted mechanisms to planted ones.
type corpusMatcher map[string]string // key → planted name

func newMatcher(t testing.TB, tr *synth.Truth) corpusMatcher {
	m := make(corpusMatcher)
	for _, info := range tr.Manifest.Mechanisms {
		for _, k := range keys(t, append([]string{info.Name, info.Core}, info.Forms...)...) {
			if other, ok := m[k]; ok && other != info.Name {
				t.Fatalf("key %q of %s and %s", k, other, info.Name)
			}
			m[k] = info.Name
		}
	}
	return m
}

// planted returns the planted mechanisms an extracted one stands for.
func (cm corpusMatcher) planted(t testing.TB, x extract.Mechanism) []string {
	var out []string
	for _, k := range keys(t, append([]string{x.Name}, x.Surfaces...)...) {
		if n, ok := cm[k]; ok && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// found is what the extractor said of a planted mechanism in one report.
type found struct {
	statuses []extract.Status
	cues     []extract.Cue
	x        []extract.Mechanism
}

func (f *found) achieved() bool { return f != nil && slices.Contains(f.statuses, extract.Achieved) }

type extracted struct {
	r   *extract.Report
	by  map[string]*found // planted name → what was found
	err error
}

func readPhrasing(t testing.TB, dir string) map[[2]string]Phrasing {
	f, err := os.Open(filepath.Join(dir, "truth", "phrasing.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := make(map[[2]string]Phrasing)
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var p Phrasing
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatal(err)
		}
		out[[2]string{p.File, p.Mechanism}] = p
	}
	return out
}

// tally counts hits by a key.
type tally map[string][2]int // key → hits, total

func (t tally) add(k string, hit bool) {
	v := t[k]
	v[1]++
	if hit {
		v[0]++
	}
	t[k] = v
}

func (t tally) log(tb testing.TB, title string) {
	var ks []string
	for k := range t {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool {
		return t[ks[i]][1]-t[ks[i]][0] > t[ks[j]][1]-t[ks[j]][0] || t[ks[i]][1]-t[ks[i]][0] == t[ks[j]][1]-t[ks[j]][0] && ks[i] < ks[j]
	})
	var b strings.Builder
	fmt.Fprintf(&b, "%s:\n", title)
	for _, k := range ks {
		v := t[k]
		fmt.Fprintf(&b, "  %-40s %5d/%-5d %.3f\n", k, v[0], v[1], float64(v[0])/float64(max(1, v[1])))
	}
	tb.Log(b.String())
}

// TestExtractorOnIndependentCorpus extracts every report of a default-size
// corpus with the real pipeline and measures the extractor against the
// planted truth: adoption recall, plans and shortcomings taken as
// achieved, jurisdictions, years and cues; then infers the diffusion
// network from what was extracted.
func TestExtractorOnIndependentCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and extracts 1,800 reports")
	}
	o := Options{Places: DefaultPlaces, Years: DefaultYears, Mechanisms: DefaultMechanisms, Seed: 1, Out: t.TempDir()}
	if dir := os.Getenv("FAZHIKG_ALTSYNTH_DIR"); dir != "" {
		o.Out = dir // keep the corpus for inspection
	}
	_, tr := generate(t, o)
	phr := readPhrasing(t, o.Out)
	cm := newMatcher(t, tr)
	p := newPipeline(t)

	// extract on all cores
	ctx := context.Background()
	results := make([]extracted, len(tr.Reports))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				rep := tr.Reports[i]
				in, raw, err := extract.ReadFile(ctx, filepath.Join(o.Out, filepath.FromSlash(rep.File)), 0)
				if err != nil {
					results[i].err = err
					continue
				}
				r, err := p.Extract(ctx, extract.Origin{Name: rep.File, Source: rep.File, Hash: extract.Hash(raw)}, in)
				results[i] = extracted{r: r, err: err, by: make(map[string]*found)}
				if err != nil {
					continue
				}
				for _, x := range r.Mechanisms {
					for _, name := range cm.planted(t, x) {
						f := results[i].by[name]
						if f == nil {
							f = &found{}
							results[i].by[name] = f
						}
						f.x = append(f.x, x)
						f.cues = append(f.cues, x.Cues...)
						for _, m := range x.Mentions {
							if m.Negated { // 尚未建立: the store records no adoption
								continue
							}
							f.statuses = append(f.statuses, r.Sentences[m.Sentence].Status)
						}
					}
				}
			}
		}()
	}
	for i := range tr.Reports {
		next <- i
	}
	close(next)
	wg.Wait()

	var (
		newHit, newAll, oldHit, oldAll       int
		planLeak, planAll, lackLeak, lackAll int
		placeOK, yearOK                      int
		byPattern, byWay, byFormat, byMech   = tally{}, tally{}, tally{}, tally{}
		leakByPattern, bySurface             = tally{}, tally{}
		misses, leaks                        []string
	)
	sentenceOf := func(e extracted, name string) string {
		f := e.by[name]
		if f == nil || len(f.x) == 0 || len(f.x[0].Mentions) == 0 {
			return ""
		}
		var out []string
		for _, x := range f.x {
			for _, m := range x.Mentions {
				out = append(out, fmt.Sprintf("[%s] %s", e.r.Sentences[m.Sentence].Status, e.r.SentenceText(m.Sentence)))
			}
		}
		return strings.Join(out, " | ")
	}
	for i, rep := range tr.Reports {
		e := results[i]
		if e.err != nil {
			t.Fatalf("%s: %v", rep.File, e.err)
		}
		if e.r.Jurisdiction != nil && e.r.Jurisdiction.Code == rep.Place {
			placeOK++
		}
		if e.r.Year == rep.Year {
			yearOK++
		}
		for _, m := range rep.Achieved {
			f := e.by[m.Mechanism]
			hit := f.achieved()
			ph := phr[[2]string{rep.File, m.Mechanism}]
			if !m.New {
				oldAll++
				if hit {
					oldHit++
				}
				continue
			}
			newAll++
			if hit {
				newHit++
			}
			byPattern.add(ph.Pattern, hit)
			byMech.add(m.Mechanism, hit)
			byFormat.add(strings.Join(append([]string{rep.Format, rep.Script}, ph.Format...), "+"), hit)
			bySurface.add(norm(m.Surface), hit)
			if !hit {
				why := "not found"
				if f != nil {
					why = fmt.Sprintf("found only as %v", f.statuses)
				}
				misses = append(misses, fmt.Sprintf("%s %s (%s, pattern %s, surface %q): %s\n      wrote: %s\n      found: %s",
					rep.File, m.Mechanism, strings.Join(ph.Format, ","), ph.Pattern, m.Surface, why, strings.Join(ph.Sentences, " / "), sentenceOf(e, m.Mechanism)))
			}
		}
		for _, m := range rep.Planned {
			planAll++
			ph := phr[[2]string{rep.File, m.Mechanism}]
			leak := e.by[m.Mechanism].achieved()
			kind := "plan section"
			if strings.HasPrefix(ph.Pattern, "trap:") {
				kind = "among achievements (" + ph.Pattern + ")"
			}
			if m.Adopted > 0 && m.Adopted <= rep.Year {
				kind += ", in place"
			}
			leakByPattern.add(kind, leak)
			if leak {
				planLeak++
				leaks = append(leaks, fmt.Sprintf("%s planned %s (%s, %s): wrote: %s\n      found: %s", rep.File, m.Mechanism, kind, m.Surface, strings.Join(ph.Sentences, " / "), sentenceOf(e, m.Mechanism)))
			}
		}
		for _, m := range rep.Lacking {
			lackAll++
			ph := phr[[2]string{rep.File, m.Mechanism}]
			leak := e.by[m.Mechanism].achieved()
			leakByPattern.add("lacking "+ph.Pattern, leak)
			if leak {
				lackLeak++
				leaks = append(leaks, fmt.Sprintf("%s lacking %s (%s): wrote: %s\n      found: %s", rep.File, m.Mechanism, m.Surface, strings.Join(ph.Sentences, " / "), sentenceOf(e, m.Mechanism)))
			}
		}
	}
	n := len(tr.Reports)
	recall := float64(newHit) / float64(newAll)
	planRate := float64(planLeak) / float64(max(1, planAll))
	t.Logf("reports %d; adoption recall %d/%d = %.3f; older ones named again %d/%d = %.3f", n, newHit, newAll, recall, oldHit, oldAll, float64(oldHit)/float64(max(1, oldAll)))
	t.Logf("plan-only mentions taken as achieved %d/%d = %.3f; lacking ones taken as achieved %d/%d = %.3f", planLeak, planAll, planRate, lackLeak, lackAll, float64(lackLeak)/float64(max(1, lackAll)))
	t.Logf("jurisdiction right %d/%d = %.3f; year right %d/%d = %.3f", placeOK, n, float64(placeOK)/float64(n), yearOK, n, float64(yearOK)/float64(n))
	byPattern.log(t, "adoption recall by sentence pattern")
	byFormat.log(t, "adoption recall by format")
	byMech.log(t, "adoption recall by mechanism")
	bySurface.log(t, "adoption recall by surface")
	leakByPattern.log(t, "taken as achieved, by where the mention is")

	cueRecall(t, tr, results, phr, byWay)
	byWay.log(t, "cues found, by how they are told")
	jurisdictionMisses(t, tr, results)
	inferFromExtraction(t, tr, results)

	for i, m := range misses[:min(30, len(misses))] {
		t.Logf("miss %d: %s", i+1, m)
	}
	for i, l := range leaks[:min(30, len(leaks))] {
		t.Logf("leak %d: %s", i+1, l)
	}
	if recall < goalRecall {
		t.Errorf("adoption recall %.3f is below the goal %.2f", recall, goalRecall)
	}
	if planLeak > 0 {
		t.Logf("%d plan-only mentions taken as achieved; the goal is none", planLeak)
	}
	if recall < measuredRecall {
		t.Errorf("adoption recall %.3f fell below the %.3f measured before", recall, measuredRecall)
	}
	if planRate > measuredPlanLeaks {
		t.Errorf("plan leaks %.3f rose above the %.3f measured before", planRate, measuredPlanLeaks)
	}
}

// cueRecall checks, for every planted cue, that the extractor found it on
// the mechanism in the report that tells it.
func cueRecall(t *testing.T, tr *synth.Truth, results []extracted, phr map[[2]string]Phrasing, byWay tally) {
	index := make(map[[2]any]int) // place, year → report
	for i, r := range tr.Reports {
		index[[2]any{r.Place, r.Year}] = i
	}
	adoptedIn := make(map[[2]string]int)
	for _, e := range tr.Events {
		adoptedIn[[2]string{e.Place, e.Mechanism}] = e.Year
	}
	kinds := map[diffusion.CueKind]string{
		diffusion.LearnedFrom: extract.CueLearned, diffusion.PromotedBy: extract.CuePromoted,
		diffusion.AdoptedBy: extract.CueAdopted, diffusion.Cited: extract.CueCited, diffusion.Awarded: extract.CueAward,
	}
	byKind := tally{}
	wrongPlace := tally{}
	ccs, _ := converters()
	title := func(s string) string {
		s, _ = ccs["t2s"].Convert(s)
		return strings.Trim(norm(s), "《》")
	}
	for _, e := range tr.Events {
		for _, cue := range e.Cues {
			ri, ok := index[[2]any{e.Place, e.Year}]
			if cue.Kind == diffusion.AdoptedBy {
				ri, ok = index[[2]any{e.Place, adoptedIn[[2]string{cue.Place, e.Mechanism}]}]
			}
			if !ok {
				continue
			}
			rep := tr.Reports[ri]
			f := results[ri].by[e.Mechanism]
			hit, samekind := false, false
			if f != nil {
				for _, c := range f.cues {
					if c.Kind != kinds[cue.Kind] {
						continue
					}
					samekind = true
					switch cue.Kind {
					case diffusion.Cited:
						hit = hit || title(c.Document) == title(cue.Document)
					case diffusion.Awarded:
						hit = true
					default:
						hit = hit || c.Place == cue.Place
					}
				}
			}
			byKind.add(string(cue.Kind), hit)
			if samekind && !hit && cue.Kind != diffusion.Awarded {
				wrongPlace.add(string(cue.Kind), true)
			}
			ph := phr[[2]string{rep.File, e.Mechanism}]
			for _, w := range ph.Ways {
				if strings.HasPrefix(w, string(cue.Kind)) {
					byWay.add(w, hit)
				}
			}
		}
	}
	byKind.log(t, "planted cues found on the right mechanism, with the right place or document")
	wrongPlace.log(t, "cues of the right kind naming the wrong place or document")

	// cues naming places that the truth does not name for that mechanism
	spurious := tally{}
	for i, rep := range tr.Reports {
		for name, f := range results[i].by {
			for _, c := range f.cues {
				if c.Kind == extract.CueLearned || c.Kind == extract.CuePromoted || c.Kind == extract.CueAdopted {
					named := false
					for _, ev := range tr.Events {
						if ev.Mechanism != name {
							continue
						}
						for _, tc := range ev.Cues {
							if kinds[tc.Kind] == c.Kind && (tc.Place == c.Place || ev.Place == c.Place) && (ev.Place == rep.Place || tc.Place == rep.Place) {
								named = true
							}
						}
					}
					spurious.add(c.Kind, !named)
				}
			}
		}
	}
	spurious.log(t, "extracted place cues (hits = named by no planted cue)")
}

// jurisdictionMisses logs the reports whose jurisdiction or year is wrong,
// grouped by level and format.
func jurisdictionMisses(t *testing.T, tr *synth.Truth, results []extracted) {
	place, year := tally{}, tally{}
	var examples []string
	for i, rep := range tr.Reports {
		r := results[i].r
		k := rep.Level + "+" + rep.Format + "+" + rep.Script
		if rep.Title == "" {
			k += "+no-title"
		}
		ok := r.Jurisdiction != nil && r.Jurisdiction.Code == rep.Place
		place.add(k, ok)
		year.add(k, r.Year == rep.Year)
		if !ok && len(examples) < 10 {
			got := "none"
			if r.Jurisdiction != nil {
				got = r.Jurisdiction.FullName
			}
			examples = append(examples, fmt.Sprintf("%s %s: got %s (title %q)", rep.File, rep.Name, got, r.Title))
		}
	}
	place.log(t, "jurisdiction right, by level and format")
	year.log(t, "year right, by level and format")
	for _, e := range examples {
		t.Log("wrong jurisdiction: " + e)
	}
}

// inferFromExtraction turns the extraction into adoption events, infers
// who learned from whom and compares it with inference on the planted
// events and with the truth.
func inferFromExtraction(t *testing.T, tr *synth.Truth, results []extracted) {
	kinds := map[string]diffusion.CueKind{
		extract.CueLearned: diffusion.LearnedFrom, extract.CuePromoted: diffusion.PromotedBy,
		extract.CueAdopted: diffusion.AdoptedBy, extract.CueCited: diffusion.Cited, extract.CueAward: diffusion.Awarded,
	}
	levels := map[string]string{"国家级": diffusion.DocNational, "national": diffusion.DocNational, "省级": diffusion.DocProvince, "province": diffusion.DocProvince}
	type pm struct{ place, mech string }
	events := make(map[pm]*diffusion.Event)
	var order []pm
	for i := range tr.Reports {
		r := results[i].r
		if r.Jurisdiction == nil || r.Year == 0 {
			continue
		}
		for name, f := range results[i].by {
			if !f.achieved() {
				continue
			}
			k := pm{r.Jurisdiction.Code, name}
			ev := events[k]
			if ev == nil {
				ev = &diffusion.Event{Place: k.place, Mechanism: name, Year: r.Year}
				events[k] = ev
				order = append(order, k)
			}
			if r.Year < ev.Year {
				ev.Year = r.Year
			}
			for _, c := range f.cues {
				ev.Cues = append(ev.Cues, diffusion.Cue{Kind: kinds[c.Kind], Place: c.Place, Document: c.Document, DocLevel: levels[c.Level]})
			}
		}
	}
	var evs []diffusion.Event
	for _, k := range order {
		evs = append(evs, *events[k])
	}
	fromTruth := diffusion.Evaluate(diffusion.Infer(tr.Places, tr.Events, diffusion.Options{}).Edges(), tr.Edges)
	fromText := diffusion.Evaluate(diffusion.Infer(tr.Places, evs, diffusion.Options{}).Edges(), tr.Edges)
	ceiling := diffusion.Evaluate(diffusion.Ceiling(tr.Places, tr.Events, tr.Params).Edges(), tr.Edges)
	baseline := diffusion.Evaluate(diffusion.Baseline(tr.Places, tr.Events), tr.Edges)
	t.Logf("diffusion, link F1 (place links, document links), accuracy over %d adoptions:", len(tr.Events))
	for _, s := range []struct {
		name string
		s    diffusion.Scores
	}{{"oracle (true weights, planted events)", ceiling}, {"fitted, planted events", fromTruth}, {"fitted, extracted events", fromText}, {"baseline, planted events", baseline}} {
		t.Logf("  %-40s F1 %.3f (%.3f, %.3f) accuracy %.3f", s.name, s.s.F1, s.s.Place.F1, s.s.Document.F1, s.s.Accuracy)
	}
	t.Logf("  extracted events %d, planted %d", len(evs), len(tr.Events))
}
