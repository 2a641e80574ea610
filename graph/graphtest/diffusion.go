package graphtest

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/fazhikg/fazhikg/diffusion"
	"github.com/fazhikg/fazhikg/graph"
)

// spreadOf returns the spread of 府检联动 with opts, failing the test on
// an error.
func spreadOf(t *testing.T, s *graph.Store, o graph.SpreadOptions) *graph.Spread {
	t.Helper()
	sp, err := s.Spread(context.Background(), graph.MechanismID("府检联动"), o)
	if err != nil {
		t.Fatalf("Spread(府检联动, %+v): %v", o, err)
	}
	return sp
}

type adopted struct {
	Place string
	Year  int
	Rank  int
}

func adoptionsOf(sp *graph.Spread) []adopted {
	var out []adopted
	for _, a := range sp.Adoptions {
		out = append(out, adopted{a.Place, a.Year, a.Rank})
	}
	return out
}

// checkEdges checks what holds of every spread: each adopter has sources
// whose scores are probabilities summing to at most 1, a place source is
// named and adopted no later than its target.
func checkEdges(t *testing.T, sp *graph.Spread) {
	t.Helper()
	year := map[string]int{}
	for _, a := range sp.Adoptions {
		year[a.Place] = a.Year
	}
	sum := map[string]float64{}
	for _, e := range sp.Edges {
		if e.Score <= 0 || e.Score > 1 || math.IsNaN(e.Score) {
			t.Errorf("edge %+v: score out of (0, 1]", e)
		}
		sum[e.Target] += e.Score
		if e.SourceKind == diffusion.SourcePlace && (e.Source == "" || e.SourceYear > e.TargetYear) {
			t.Errorf("edge %+v: no source, or a later one", e)
		}
	}
	for p, y := range year {
		if _, ok := sum[p]; !ok && y >= sp.Adoptions[0].Year {
			t.Errorf("adopter %s (%d) has no source", p, y)
		}
		if sum[p] > 1+1e-9 {
			t.Errorf("scores of %s sum to %v", p, sum[p])
		}
	}
}

// sourcesOf returns the place sources of target's edges.
func sourcesOf(sp *graph.Spread, target string) []string {
	var out []string
	for _, e := range sp.Edges {
		if e.Target == target && e.SourceKind == diffusion.SourcePlace {
			out = append(out, e.Source)
		}
	}
	return out
}

func testSpread(t *testing.T, h Harness) {
	s, _ := seeded(t, h)
	ctx := context.Background()
	all := graph.SpreadOptions{Variants: true, TopK: 5}
	sp := spreadOf(t, s, all)
	// the family's achieved adoptions; 常州经开区 only plans it
	want := []adopted{{CodeHuzhou, 2018, 1}, {CodeXiuzhou, 2022, 2}, {CodeJiaxiang, 2023, 3}}
	if diff := cmp.Diff(want, adoptionsOf(sp)); diff != "" {
		t.Errorf("adoptions (-want +got):\n%s", diff)
	}
	var wantCurve []diffusion.CurvePoint
	for i, total := range []int{1, 1, 1, 1, 2, 3} {
		p := diffusion.CurvePoint{Year: 2018 + i, New: total, Total: total}
		if i > 0 {
			p.New -= wantCurve[i-1].Total
		}
		wantCurve = append(wantCurve, p)
	}
	if diff := cmp.Diff(wantCurve, sp.Curve); diff != "" {
		t.Errorf("curve (-want +got):\n%s", diff)
	}
	checkEdges(t, sp)
	if got := sourcesOf(sp, CodeXiuzhou); len(got) == 0 || got[0] != CodeHuzhou {
		t.Errorf("sources of 秀洲区 = %v, want 湖州市 first", got)
	}
	if sp.Fitted {
		t.Error("Fitted before any Derive")
	}
	if got := sp.EvidenceOf(CodeHuzhou, 2018); len(got) != 1 || got[0] != "evidence/huzhou-2018/1" {
		t.Errorf("evidence of 湖州市 2018 = %v", got)
	}

	// the mechanism alone, without its variants
	if diff := cmp.Diff([]adopted{{CodeXiuzhou, 2022, 1}}, adoptionsOf(spreadOf(t, s, graph.SpreadOptions{}))); diff != "" {
		t.Errorf("adoptions without variants (-want +got):\n%s", diff)
	}
	// adopters before FromYear are still sources
	from := spreadOf(t, s, graph.SpreadOptions{Variants: true, TopK: 5, FromYear: 2022})
	if diff := cmp.Diff(want[1:], adoptionsOf(from)); diff != "" {
		t.Errorf("adoptions from 2022 (-want +got):\n%s", diff)
	}
	if got := sourcesOf(from, CodeXiuzhou); len(got) == 0 || got[0] != CodeHuzhou {
		t.Errorf("sources of 秀洲区 from 2022 = %v, want 湖州市 first", got)
	}
	if len(from.Curve) == 0 || from.Curve[0].Year != 2022 || from.Curve[0].Total != 2 {
		t.Errorf("curve from 2022 = %+v, want it to start in 2022 with 2 adopted", from.Curve)
	}
	to := spreadOf(t, s, graph.SpreadOptions{Variants: true, ToYear: 2022})
	if diff := cmp.Diff(want[:2], adoptionsOf(to)); diff != "" {
		t.Errorf("adoptions to 2022 (-want +got):\n%s", diff)
	}
	if _, err := s.Spread(ctx, graph.MechanismID("无此机制"), all); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("Spread of an unknown mechanism: err = %v, want ErrNotFound", err)
	}

	// reads follow writes: a report naming its source
	if _, err := s.PutReport(ctx, Jiaxing2020()); err != nil {
		t.Fatal(err)
	}
	sp = spreadOf(t, s, all)
	want = []adopted{{CodeHuzhou, 2018, 1}, {CodeJiaxing, 2020, 2}, {CodeXiuzhou, 2022, 3}, {CodeJiaxiang, 2023, 4}}
	if diff := cmp.Diff(want, adoptionsOf(sp)); diff != "" {
		t.Errorf("adoptions with 嘉兴市 (-want +got):\n%s", diff)
	}
	checkEdges(t, sp)
	var named *diffusion.Edge
	for i, e := range sp.Edges {
		if e.Target == CodeJiaxing {
			named = &sp.Edges[i]
			break
		}
	}
	if named == nil || named.Source != CodeHuzhou || !named.Explicit || named.Path != diffusion.PathSiblings {
		t.Errorf("best source of 嘉兴市 = %+v, want 湖州市, explicit, siblings", named)
	}
	if err := s.DeleteReport(ctx, "jiaxing-2020"); err != nil {
		t.Fatal(err)
	}
	if got := adoptionsOf(spreadOf(t, s, all)); len(got) != 3 {
		t.Errorf("adoptions after deleting 嘉兴市's report = %v, want 3", got)
	}
}

func testDiffusionAcross(t *testing.T, h Harness) {
	s, _ := seeded(t, h)
	ctx := context.Background()
	leaders, err := s.Leaders(ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(leaders) != 4 || leaders[0].Place != CodeXiuzhou {
		t.Errorf("leaders = %+v, want the 4 adopters, 秀洲区 first", leaders)
	}
	for i := 1; i < len(leaders); i++ {
		if leaders[i].Score > leaders[i-1].Score {
			t.Errorf("leaders not best first: %+v", leaders)
		}
	}
	zj, err := s.Leaders(ctx, CodeZhejiang, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range zj {
		if !strings.HasPrefix(l.Place, "33") {
			t.Errorf("leaders of 浙江省 include %s", l.Place)
		}
	}
	if len(zj) != 2 {
		t.Errorf("leaders of 浙江省 = %+v, want 秀洲区 and 湖州市", zj)
	}
	// a province by its name, short or full, as analysts write it
	for _, name := range []string{"浙江", "浙江省"} {
		if byName, err := s.Leaders(ctx, name, 0); err != nil || len(byName) != len(zj) {
			t.Errorf("Leaders(%s) = %+v, %v; want the %d of code %s", name, byName, err, len(zj), CodeZhejiang)
		}
	}
	if none, err := s.Leaders(ctx, "火星省", 0); err != nil || len(none) != 0 {
		t.Errorf("Leaders(火星省) = %+v, %v; want none", none, err)
	}
	net, err := s.DiffusionNetwork(ctx, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range net {
		if e.SourceKind != diffusion.SourcePlace || e.Source == "" {
			t.Errorf("network edge %+v: not between places", e)
		}
		found = found || (e.Mechanism == "府检联动" && e.Source == CodeHuzhou && e.Target == CodeXiuzhou)
	}
	if !found {
		t.Errorf("network %+v lacks 府检联动 湖州市 → 秀洲区", net)
	}
	if top, _ := s.DiffusionNetwork(ctx, 0, 1); len(top) != 1 || (len(net) > 0 && top[0] != net[0]) {
		t.Errorf("DiffusionNetwork(first 1) = %+v, want the best of %d", top, len(net))
	}
	pairs, err := s.CoAdoption(ctx, graph.MechanismID("府检联动"), 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) == 0 || pairs[0].B != "府院联动" || pairs[0].Both != 2 || pairs[0].CountA != 3 {
		t.Errorf("co-adoption of 府检联动 = %+v, want 府院联动 first, both 2 of 3", pairs)
	}
}

// derivedLabel is the label of the derived quads in an N-Quads line.
var derivedLabel = " " + graph.DiffusionID.IRI().String() + " .\n"

func testDerive(t *testing.T, h Harness) {
	s, dir := seeded(t, h)
	ctx := context.Background()
	if p, fitted, err := s.DiffusionParams(ctx); err != nil || fitted || !cmp.Equal(p, diffusion.DefaultParams()) {
		t.Errorf("DiffusionParams before Derive = %+v, %v, %v; want the defaults", p, fitted, err)
	}
	before := Export(t, s)
	res, err := s.Derive(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if res.Unchanged || res.Edges == 0 || res.Added == 0 || res.Adoptions == 0 {
		t.Errorf("Derive = %+v, want transmissions written", res)
	}
	// derived quads under their own label, extracted facts untouched
	after := Export(t, s)
	kept := map[string]bool{}
	for _, line := range strings.SplitAfter(after, "\n") {
		kept[line] = true
	}
	for _, line := range strings.SplitAfter(before, "\n") {
		if line != "" && !kept[line] {
			t.Errorf("Derive removed an extracted quad: %s", line)
		}
	}
	derived := derivedQuads(after)
	if len(derived) != res.Added || strings.Count(after, "\n")-strings.Count(before, "\n") != res.Added {
		t.Errorf("%d derived quads, %d new lines; Derive added %d", len(derived), strings.Count(after, "\n")-strings.Count(before, "\n"), res.Added)
	}
	if got := countPredicate(derived, graph.PredTo); got != res.Edges {
		t.Errorf("%d transmissions stored, Derive says %d", got, res.Edges)
	}
	p, fitted, err := s.DiffusionParams(ctx)
	if err != nil || !fitted || !cmp.Equal(p, res.Params) {
		t.Errorf("DiffusionParams after Derive = %+v, %v, %v; want the fitted %+v", p, fitted, err, res.Params)
	}
	if !spreadOf(t, s, graph.SpreadOptions{Variants: true}).Fitted {
		t.Error("Spread after Derive: not Fitted")
	}
	again, err := s.Derive(ctx)
	if err != nil || !again.Unchanged || again.Added != 0 {
		t.Errorf("second Derive = %+v, %v; want unchanged", again, err)
	}

	// a new report: the derived results are replaced as a whole
	if _, err := s.PutReport(ctx, Jiaxing2020()); err != nil {
		t.Fatal(err)
	}
	res2, err := s.Derive(ctx)
	if err != nil || res2.Unchanged || res2.Adoptions != res.Adoptions+1 {
		t.Fatalf("Derive after a new report = %+v, %v; want one more adoption than %d", res2, err, res.Adoptions)
	}
	derived = derivedQuads(Export(t, s))
	if got := countPredicate(derived, graph.PredTo); got != res2.Edges {
		t.Errorf("%d transmissions stored after the second Derive, it says %d", got, res2.Edges)
	}
	if !h.Persistent {
		return
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = h.Open(t, dir)
	p, fitted, err = s.DiffusionParams(ctx)
	if err != nil || !fitted || !cmp.Equal(p, res2.Params) {
		t.Errorf("DiffusionParams after reopening = %+v, %v, %v; want the fitted %+v", p, fitted, err, res2.Params)
	}
	if res3, err := s.Derive(ctx); err != nil || !res3.Unchanged {
		t.Errorf("Derive after reopening = %+v, %v; want unchanged", res3, err)
	}
}

func derivedQuads(nq string) []string {
	var out []string
	for _, line := range strings.SplitAfter(nq, "\n") {
		if strings.HasSuffix(line, derivedLabel) {
			out = append(out, line)
		}
	}
	return out
}

func countPredicate(lines []string, p interface{ String() string }) int {
	n := 0
	for _, l := range lines {
		if strings.Contains(l, " "+p.String()+" ") {
			n++
		}
	}
	return n
}
