package cli

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	goruntime "runtime"

	"github.com/chromedp/cdproto/browser"
	cdpinput "github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/fazhikg/fazhikg/extract"
	"github.com/fazhikg/fazhikg/graph"
	"github.com/fazhikg/fazhikg/graph/graphtest"
	"github.com/fazhikg/fazhikg/schema"
	"github.com/fazhikg/fazhikg/web"
)

// The browser tests drive Debian's Chromium, headless, through the
// explorer as an analyst would, and save a screenshot of each step in the
// directory $ARTIFACTS names (a temporary one otherwise), which they print.

// chromium returns the browser to drive; it skips the test when there is
// none, unless CI is set, where the explorer must be tested.
func chromium(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("drives a browser: skipped with -short")
	}
	if os.Getenv("FAZHIKG_BROWSER_TESTS") == "done" {
		t.Skip("the browser tests ran already, alone, so that their timings are not those of a busy machine (.ci/run)")
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no Chromium to test the explorer with (apt-get install chromium)")
	}
	t.Skip("no Chromium (apt-get install chromium): the explorer is not tested in a browser")
	return ""
}

// artifacts returns the directory screenshots go to, printed once.
func artifacts(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "fazhikg-artifacts")
	}
	dir = filepath.Join(dir, "explorer")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	fmt.Printf("explorer screenshots in %s\n", dir)
	return dir
}

// browse starts Chromium on a fresh profile, with the flags a closed
// network needs, and returns a context driving one tab.
func browse(t *testing.T, exe string) context.Context {
	t.Helper()
	// A fresh profile, removed once the browser is gone (t.TempDir would
	// race with Chromium still writing to it as it quits).
	profile, err := os.MkdirTemp("", "fazhikg-chromium-*")
	if err != nil {
		t.Fatal(err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1440, 900),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(alloc)
	ctx, cancelTime := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() {
		cancelTime()
		cancelTab()
		cancelAlloc()
		for i := 0; i < 20 && os.RemoveAll(profile) != nil; i++ {
			time.Sleep(100 * time.Millisecond)
		}
	})
	if err := chromedp.Run(ctx); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	return ctx
}

// shoot saves a screenshot of the page as dir/name.
func shoot(dir, name string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		var png []byte
		if err := chromedp.CaptureScreenshot(&png).Do(ctx); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, name), png, 0o644)
	})
}

// waitJS polls a JavaScript condition until it holds.
func waitJS(cond string) chromedp.Action {
	return chromedp.Poll(cond, nil, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(30*time.Second))
}

// serveStore serves a store as fazhikg serve does.
func serveStore(t *testing.T, s *graph.Store) string {
	t.Helper()
	srv := httptest.NewServer(Handler(s, schema.Options{Introspection: true}, ""))
	t.Cleanup(srv.Close)
	return srv.URL
}

// TestExplorerInBrowser opens the explorer on the five real reports,
// searches 府检联动, checks that the mechanism and its adopters are drawn,
// clicks an adopter and reads the evidence panel, switches to the spread
// view, and exports the view as GEXF, which must validate.
func TestExplorerInBrowser(t *testing.T) {
	exe := chromium(t)
	if _, err := os.Stat(seedsDir); err != nil {
		t.Skipf("the real reports are not in %s", seedsDir)
	}
	data := t.TempDir()
	if code, _, errs := run(t, "--data", data, "ingest", seedsDir); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	s, err := graph.Open(context.Background(), graph.Options{Path: data})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	url := serveStore(t, s)
	dir := artifacts(t)
	downloads := t.TempDir()
	ctx := browse(t, exe)

	step := func(name string, actions ...chromedp.Action) {
		t.Helper()
		if err := chromedp.Run(ctx, actions...); err != nil {
			var status string
			chromedp.Run(ctx, chromedp.Text("#status", &status, chromedp.ByQuery), shoot(dir, "failed-"+name+".png"))
			t.Fatalf("%s: %v (status: %q; screenshot failed-%s.png in %s)", name, err, status, name, dir)
		}
	}

	step("open",
		browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllow).WithDownloadPath(downloads),
		chromedp.Navigate(url+"/explore/"),
		chromedp.WaitVisible("#search", chromedp.ByQuery),
		waitJS(`window.explorer && window.explorer.ready`),
		shoot(dir, "1-open.png"))

	var first string
	step("search",
		chromedp.SendKeys("#search", "府检联动", chromedp.ByQuery),
		chromedp.WaitVisible("#hits li", chromedp.ByQuery),
		chromedp.Text("#hits li .hit-label", &first, chromedp.ByQuery),
		shoot(dir, "2-search.png"))
	if first != "府检联动" {
		t.Fatalf("first completion of 府检联动 = %q", first)
	}

	// Choosing the completion draws the neighbourhood.
	var drawn struct {
		Mechanism bool
		Adopters  []string
		Nodes     int
	}
	step("neighbourhood",
		chromedp.Click("#hits li", chromedp.ByQuery),
		waitJS(`window.explorer.state.timing !== null && window.explorer.view.graph.hasNode("mechanism/府检联动")`),
		chromedp.Sleep(500), // the camera's animation
		chromedp.Evaluate(`(() => {
			const g = window.explorer.view.graph;
			const adopters = g.filterInNeighbors("mechanism/府检联动", (n, a) => a.kind === "JURISDICTION" &&
				g.getEdgeAttribute(g.edge(n, "mechanism/府检联动"), "kind") === "ADOPTED");
			return { mechanism: g.hasNode("mechanism/府检联动"), adopters, nodes: g.order };
		})()`, &drawn),
		shoot(dir, "3-neighbourhood.png"))
	if !drawn.Mechanism || len(drawn.Adopters) < 3 {
		t.Fatalf("drawn: mechanism %v, adopting jurisdictions %v; want the mechanism and at least 3", drawn.Mechanism, drawn.Adopters)
	}
	t.Logf("府检联动: %d nodes drawn, adopted by %v", drawn.Nodes, drawn.Adopters)

	// Click an adopter where it is drawn; another node drawn over it would
	// take the click, so the others are tried in turn.
	var title, sentence, label string
	clicked := false
	for _, adopter := range drawn.Adopters {
		var at struct{ X, Y float64 }
		step("locate",
			chromedp.Evaluate(fmt.Sprintf(`window.explorer.view.graph.getNodeAttribute(%q, "label")`, adopter), &label),
			chromedp.Evaluate(fmt.Sprintf(`window.explorer.view.screen(%q)`, adopter), &at))
		wait, cancel := context.WithTimeout(ctx, 10*time.Second)
		err := chromedp.Run(wait,
			chromedp.MouseEvent(cdpinput.MouseMoved, at.X, at.Y),
			chromedp.MouseClickXY(at.X, at.Y),
			waitJS(fmt.Sprintf(`document.querySelector("#panel .panel-title").textContent === %q && document.querySelector("#panel .sentence blockquote") !== null`, label)))
		cancel()
		if err != nil {
			t.Logf("clicking %s (%s) at %+v: %v", adopter, label, at, err)
			continue
		}
		clicked = true
		break
	}
	if !clicked {
		chromedp.Run(ctx, shoot(dir, "failed-click.png"))
		t.Fatalf("no click on an adopter showed its evidence (screenshot failed-click.png in %s)", dir)
	}
	step("evidence",
		chromedp.Text("#panel .panel-title", &title, chromedp.ByQuery),
		chromedp.Text("#panel .sentence blockquote", &sentence, chromedp.ByQuery),
		chromedp.Sleep(600),
		shoot(dir, "4-evidence.png"))
	if title != label || len([]rune(sentence)) < 5 {
		t.Fatalf("after clicking %s: panel %q, first sentence %q", label, title, sentence)
	}
	t.Logf("clicked %s: %s", label, sentence)

	var adoptions int
	var head string
	step("spread",
		chromedp.Click("#tab-spread", chromedp.ByQuery),
		chromedp.WaitVisible(".spread-svg .adoption", chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll(".spread-svg .adoption").length`, &adoptions),
		chromedp.Text(".spread-head", &head, chromedp.ByQuery),
		shoot(dir, "5-spread.png"))
	if adoptions < 3 || !strings.Contains(head, "府检联动") {
		t.Fatalf("spread view: %d adoptions drawn, head %q; want 府检联动 and at least 3", adoptions, head)
	}

	step("export",
		chromedp.Click("#tab-graph", chromedp.ByQuery),
		chromedp.SetValue("#format", "GEXF", chromedp.ByQuery),
		chromedp.Click("#export-view", chromedp.ByQuery),
		waitJS(`document.querySelector("#status").textContent.startsWith("Exported")`),
		shoot(dir, "6-export.png"))
	gexf := waitFile(t, filepath.Join(downloads, "fazhikg-view.gexf"))
	var doc struct {
		Nodes []struct {
			ID string `xml:"id,attr"`
		} `xml:"graph>nodes>node"`
	}
	if err := xml.Unmarshal(gexf, &doc); err != nil {
		t.Fatalf("the exported GEXF does not parse: %v", err)
	}
	var order int
	chromedp.Run(ctx, chromedp.Evaluate(`window.explorer.view.graph.order`, &order))
	if len(doc.Nodes) != order {
		t.Errorf("exported GEXF holds %d nodes, the view %d", len(doc.Nodes), order)
	}
	validateXML(t, gexf, "gexf.xsd")
	os.WriteFile(filepath.Join(dir, "fazhikg-view.gexf"), gexf, 0o644)
}

// waitFile waits for a download to land and returns its bytes.
func waitFile(t *testing.T, path string) []byte {
	t.Helper()
	for i := 0; i < 200; i++ {
		if b, err := os.ReadFile(path); err == nil && len(b) > 0 && strings.HasSuffix(strings.TrimSpace(string(b)), ">") {
			return b
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s was not downloaded", path)
	return nil
}

// TestExplorerLargeNeighbourhood times the explorer fetching and laying out
// a neighbourhood of 2,000 nodes of a synthetic store, and fails above 2 s.
func TestExplorerLargeNeighbourhood(t *testing.T) {
	exe := chromium(t)
	ctx := context.Background()
	// Written, closed and opened again, so that LevelDB's compactions of
	// the fresh data are not competing with the browser for the two cores.
	data := t.TempDir()
	s, err := graph.Open(ctx, graph.Options{Path: data, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	const reports = 100
	var batch []*extract.Report
	for i := 0; i < reports; i++ {
		batch = append(batch, graphtest.Synthetic(i))
	}
	if _, err := s.PutReports(ctx, batch); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if s, err = graph.Open(ctx, graph.Options{Path: data}); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	goruntime.GC()
	url := serveStore(t, s)
	dir := artifacts(t)
	tab := browse(t, exe)
	chromedp.ListenTarget(tab, func(ev any) {
		if c, ok := ev.(*runtime.EventConsoleAPICalled); ok {
			var parts []string
			for _, a := range c.Args {
				parts = append(parts, string(a.Value))
			}
			t.Logf("console: %s", strings.Join(parts, " "))
		}
	})
	type timing struct {
		Nodes, Edges                                int
		FetchMs, BuildMs, LayoutMs, DrawMs, TotalMs float64
		Truncated                                   bool
	}
	seed := graph.MechanismID("第0号机制")
	load := func(hops, limit int, into *timing) chromedp.Action {
		return chromedp.Evaluate(fmt.Sprintf(`window.explorer.load(%q, {hops: %d, limit: %d})`, seed, hops, limit), into,
			func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) })
	}
	// A first, small view warms the page's code up, as an analyst's first
	// search would; then the large view is drawn three times, a second
	// apart as an analyst would ask, and the best time counts: the two
	// cores are shared by the server, the browser and its software WebGL.
	var warm timing
	runs := make([]timing, 3)
	err = chromedp.Run(tab,
		chromedp.Navigate(url+"/explore/"),
		waitJS(`window.explorer && window.explorer.ready`),
		load(1, 200, &warm),
		chromedp.Sleep(time.Second),
		load(2, 2000, &runs[0]),
		chromedp.Sleep(time.Second),
		load(2, 2000, &runs[1]),
		chromedp.Sleep(time.Second),
		load(2, 2000, &runs[2]),
		chromedp.Sleep(500),
		shoot(dir, "7-large.png"))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	best := runs[0]
	for i, r := range runs {
		lines = append(lines, fmt.Sprintf("explorer: run %d: neighbourhood of %d nodes, %d edges: fetched in %.0f ms, built in %.0f ms, laid out in %.0f ms, drawn in %.0f ms: %.0f ms in all",
			i+1, r.Nodes, r.Edges, r.FetchMs, r.BuildMs, r.LayoutMs, r.DrawMs, r.TotalMs))
		if r.TotalMs < best.TotalMs {
			best = r
		}
	}
	out := strings.Join(lines, "\n")
	fmt.Println(out)
	os.WriteFile(filepath.Join(dir, "timing.txt"), []byte(out+"\n"), 0o644)
	if best.Nodes != 2000 || !best.Truncated {
		t.Fatalf("neighbourhood of %s: %d nodes (truncated %v), want the limit of 2000", seed, best.Nodes, best.Truncated)
	}
	if best.TotalMs > 2000 {
		t.Errorf("fetching and laying out 2,000 nodes took %.0f ms at best, over 2 s", best.TotalMs)
	}
}

// validateXML checks a document against a schema of graph/testdata/schema
// with xmllint, skipping when xmllint is missing outside CI.
func validateXML(t *testing.T, doc []byte, schema string) {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("xmllint is missing (apt-get install libxml2-utils)")
		}
		t.Log("xmllint is not installed (apt-get install libxml2-utils): the export is not validated")
		return
	}
	path := filepath.Join(t.TempDir(), "doc.xml")
	if err := os.WriteFile(path, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(xmllint, "--noout", "--nonet", "--schema", filepath.Join("..", "..", "graph", "testdata", "schema", schema), path).CombinedOutput()
	if err != nil {
		t.Errorf("xmllint --schema %s: %v\n%s", schema, err, out)
	}
}

// TestExplorerSpreadEdges draws the spread view against a server that
// answers mechanismSpread, the diffusion analysis's field, with canned
// data: the inferred edges must be drawn, their width their score, and the
// year slider must fade what comes later.
func TestExplorerSpreadEdges(t *testing.T) {
	exe := chromium(t)
	place := func(name, full, level, parent, parentLevel string) map[string]any {
		j := map[string]any{"id": "jurisdiction/" + name, "name": name, "fullName": full, "code": "", "level": level, "parent": nil}
		if parent != "" {
			j["parent"] = map[string]any{"name": parent, "level": parentLevel, "parent": nil}
		}
		return j
	}
	adoption := func(j map[string]any, year int) map[string]any {
		return map[string]any{"year": year, "status": "ACHIEVED", "mechanism": map[string]any{"name": "府检联动"}, "jurisdiction": j,
			"evidence": []any{map[string]any{"sentence": "建立府检联动工作机制。", "section": "", "status": "ACHIEVED", "index": 1,
				"report": map[string]any{"name": "r", "title": "报告", "year": year, "jurisdiction": map[string]any{"name": j["name"], "fullName": j["fullName"]}}}}}
	}
	linyi := place("临沂市", "山东省临沂市", "city", "山东省", "province")
	yinan := place("沂南县", "山东省临沂市沂南县", "county", "临沂市", "city")
	mianyang := place("绵阳市", "四川省绵阳市", "city", "四川省", "province")
	short := func(j map[string]any) map[string]any {
		return map[string]any{"name": j["name"], "fullName": j["fullName"]}
	}
	edge := func(s, t map[string]any, sy, ty int, kind string, score float64) map[string]any {
		return map[string]any{"source": short(s), "target": short(t), "sourceYear": sy, "targetYear": ty, "lag": ty - sy,
			"pathKind": kind, "score": score, "evidence": []any{map[string]any{"sentence": "学习借鉴临沂市做法。"}}}
	}
	answers := map[string]any{
		"mechanism": map[string]any{"id": "mechanism/府检联动", "name": "府检联动", "aliases": []any{},
			"adoptions": map[string]any{"pageInfo": map[string]any{"hasNextPage": false, "endCursor": "x"},
				"nodes": []any{adoption(linyi, 2019), adoption(yinan, 2020), adoption(mianyang, 2022)}}},
		"mechanismSpread": map[string]any{
			"mechanism": map[string]any{"name": "府检联动"},
			"adoptions": []any{map[string]any{"jurisdiction": short(linyi), "year": 2019}},
			"curve":     []any{map[string]any{"year": 2019, "new": 1, "count": 1}, map[string]any{"year": 2020, "new": 1, "count": 2}, map[string]any{"year": 2021, "new": 0, "count": 2}, map[string]any{"year": 2022, "new": 1, "count": 3}},
			"edges": []any{edge(linyi, yinan, 2019, 2020, "down", 0.8), edge(linyi, mianyang, 2019, 2022, "cross", 0.2),
				// a common cause and an innovation have no source place
				map[string]any{"sourceKind": "DOCUMENT", "source": nil, "sourceDocument": "法治政府建设实施纲要", "target": short(mianyang),
					"sourceYear": nil, "targetYear": 2022, "lag": nil, "pathKind": nil, "score": 0.5, "evidence": []any{}},
				map[string]any{"sourceKind": "SEED", "source": nil, "sourceDocument": nil, "target": short(linyi),
					"sourceYear": nil, "targetYear": 2019, "lag": nil, "pathKind": nil, "score": 1.0, "evidence": []any{}}},
		},
	}
	mux := http.NewServeMux()
	mux.Handle("/explore/", web.Handler("/explore", ""))
	mux.HandleFunc("/graphql", func(w http.ResponseWriter, r *http.Request) {
		var req struct{ Query string }
		json.NewDecoder(r.Body).Decode(&req)
		field := "mechanism"
		if strings.Contains(req.Query, "mechanismSpread") {
			field = "mechanismSpread"
		}
		json.NewEncoder(w).Encode(map[string]any{"data": map[string]any{field: answers[field]}})
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	dir := artifacts(t)
	ctx := browse(t, exe)
	var widths, curve []string
	var later int
	err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/explore/#spread=府检联动"),
		chromedp.WaitVisible(".spread-svg .diffusion", chromedp.ByQuery),
		chromedp.Evaluate(`[...document.querySelectorAll(".spread-svg .diffusion")].map(p => p.getAttribute("stroke-width"))`, &widths),
		chromedp.Evaluate(`[...document.querySelectorAll(".spread-svg .curve-label")].map(t => t.textContent)`, &curve),
		shoot(dir, "8-spread-inferred.png"),
		chromedp.Evaluate(`(() => { const s = document.querySelector("#spread-year"); s.value = 2019; s.dispatchEvent(new Event("input")); return document.querySelectorAll(".spread-svg .later").length; })()`, &later),
		shoot(dir, "9-spread-2019.png"))
	if err != nil {
		t.Fatal(err)
	}
	if len(widths) != 2 || widths[0] <= widths[1] {
		t.Errorf("inferred edges drawn with widths %v, want two, the stronger wider", widths)
	}
	if len(curve) == 0 || curve[len(curve)-1] != "3" {
		t.Errorf("cumulative curve labelled %v, want it to end at the 3 adopters", curve)
	}
	// Up to 2019: 沂南县 and 绵阳市 and both edges into them fade.
	if later != 4 {
		t.Errorf("slider at 2019: %d elements faded, want 4 (two places, two edges)", later)
	}
}
