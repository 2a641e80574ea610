package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

const (
	corpusDir = "../../examples/corpus"
	seedsDir  = "../../../shared/seeds"
)

// run runs a command line in process and returns its exit code and output.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func stats(t *testing.T, data string) map[string]any {
	t.Helper()
	code, out, errs := run(t, "--data", data, "stats", "--format", "json")
	if code != 0 {
		t.Fatalf("stats: exit %d: %s", code, errs)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("stats --format json printed %q: %v", out, err)
	}
	return m
}

func TestExtract(t *testing.T) {
	code, out, errs := run(t, "extract", "--format", "jsonl", filepath.Join(corpusDir, "01_linyi_2019.txt"), filepath.Join(corpusDir, "02_yinan_2020.txt"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want one per file:\n%s", len(lines), out)
	}
	var r struct {
		File, Jurisdiction, Encoding string
		Year                         int
		Mechanisms                   []struct{ Name string }
	}
	if err := json.Unmarshal([]byte(lines[1]), &r); err != nil {
		t.Fatal(err)
	}
	if r.Jurisdiction != "山东省临沂市沂南县" || r.Year != 2020 || r.Encoding != "GB18030" {
		t.Errorf("got %+v, want 沂南县 2020 read from GB18030", r)
	}
}

func TestExtractBadInput(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	binary := filepath.Join(dir, "binary.txt")
	os.WriteFile(empty, nil, 0o644)
	os.WriteFile(binary, []byte("%PDF-1.4\x00\x01\x02\x03\x00\x00"), 0o644)
	good, _ := filepath.Abs(filepath.Join(corpusDir, "01_linyi_2019.txt"))
	code, out, errs := run(t, "extract", empty, good, binary, filepath.Join(dir, "missing.txt"))
	if code != ExitPartial {
		t.Errorf("exit %d, want %d", code, ExitPartial)
	}
	if n := strings.Count(strings.TrimSpace(out), "\n") + 1; n != 1 {
		t.Errorf("%d reports printed, want the good one only", n)
	}
	for _, f := range []string{empty, binary, "missing.txt"} {
		if !strings.Contains(errs, f) {
			t.Errorf("no line naming %s in:\n%s", f, errs)
		}
	}
	if n := strings.Count(errs, "\n"); n != 3 {
		t.Errorf("%d error lines, want 3:\n%s", n, errs)
	}
}

func TestIngestTwiceChangesNothing(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	code, out, errs := run(t, "--data", data, "ingest", corpusDir)
	if code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "12 added") {
		t.Errorf("first ingest: %s", out)
	}
	first := stats(t, data)
	if first["reports"].(float64) != 12 || first["quads"].(float64) == 0 {
		t.Fatalf("stats after one ingest: %v", first)
	}
	code, out, _ = run(t, "--data", data, "ingest", corpusDir)
	if code != 0 || !strings.Contains(out, "12 unchanged") || !strings.Contains(out, "0 quads written") {
		t.Errorf("second ingest: exit %d: %s", code, out)
	}
	if second := stats(t, data); fmt.Sprint(second) != fmt.Sprint(first) {
		t.Errorf("stats changed: %v, then %v", first, second)
	}
	// a changed version of a report replaces its facts
	dir := t.TempDir()
	src, _ := os.ReadFile(filepath.Join(corpusDir, "01_linyi_2019.txt"))
	os.WriteFile(filepath.Join(dir, "01_linyi_2019.txt"), append(src, []byte("\n全面推行“三色预警”工作法。\n")...), 0o644)
	code, out, _ = run(t, "--data", data, "ingest", dir)
	if code != 0 || !strings.Contains(out, "1 replaced") {
		t.Errorf("ingest of a changed report: exit %d: %s", code, out)
	}
	if third := stats(t, data); third["reports"].(float64) != 12 {
		t.Errorf("reports after a replacement: %v", third["reports"])
	}
	// export
	code, out, _ = run(t, "--data", data, "export", "--format", "nquads")
	if code != 0 || !strings.Contains(out, "三色预警") {
		t.Errorf("export: exit %d, the new fact missing", code)
	}
}

// TestSeedsOverGraphQL ingests the real reports and asks the questions
// analysts rely on, over HTTP.
func TestSeedsOverGraphQL(t *testing.T) {
	if _, err := os.Stat(seedsDir); err != nil {
		t.Skipf("the real reports are not here: %v", err)
	}
	data := filepath.Join(t.TempDir(), "data")
	if code, _, errs := run(t, "--data", data, "ingest", seedsDir); code != 0 {
		t.Fatalf("ingest: %s", errs)
	}
	before := stats(t, data)
	if code, _, errs := run(t, "--data", data, "ingest", seedsDir); code != 0 {
		t.Fatalf("second ingest: %s", errs)
	}
	if after := stats(t, data); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("a second ingest changed stats: %v, then %v", before, after)
	}

	url := serve(t, data)
	var res struct {
		Data struct {
			FJ, FY, FL struct {
				ID        string
				Family    *struct{ Name string }
				Adoptions struct {
					Nodes []struct {
						Jurisdiction struct{ Name, FullName string }
						Year         int
						Evidence     []struct {
							Sentence string
							Report   struct {
								Title string
								Year  int
							}
						}
					}
				}
			}
			J struct {
				FullName string
				Level    string
				Parent   struct{ Name string }
			}
		}
		Errors []any
	}
	adoption := `adoptions { nodes { jurisdiction { name fullName } year evidence { sentence report { title year } } } }`
	query(t, url, fmt.Sprintf(`{
		fj: mechanism(name: "府检联动") { id family { name } %[1]s }
		fy: mechanism(name: "府院联席") { id family { name } %[1]s }
		fl: mechanism(name: "府院联动") { id family { name } %[1]s }
		j: jurisdiction(name: "常州经开区") { fullName level parent { name } }
	}`, adoption), &res)
	if len(res.Errors) > 0 {
		t.Fatalf("errors: %v", res.Errors)
	}
	got := func(as []struct {
		Jurisdiction struct{ Name, FullName string }
		Year         int
		Evidence     []struct {
			Sentence string
			Report   struct {
				Title string
				Year  int
			}
		}
	}) []string {
		var out []string
		for _, a := range as {
			if len(a.Evidence) == 0 || a.Evidence[0].Sentence == "" {
				t.Errorf("%s %d: no evidence sentence", a.Jurisdiction.Name, a.Year)
			}
			out = append(out, fmt.Sprintf("%s %d", a.Jurisdiction.Name, a.Year))
		}
		slices.Sort(out)
		return out
	}
	if g, w := got(res.Data.FJ.Adoptions.Nodes), []string{"嘉祥县 2023", "湖州市 2018", "秀洲区 2023"}; !slices.Equal(g, w) {
		t.Errorf("府检联动 adoptions %v, want %v", g, w)
	}
	var written bool
	for _, a := range res.Data.FJ.Adoptions.Nodes {
		for _, e := range a.Evidence {
			written = written || strings.Contains(e.Sentence, "府檢聯席")
		}
	}
	if !written {
		t.Errorf("湖州市's evidence does not show 府檢聯席 as written")
	}
	family := func(id string, f *struct{ Name string }) string {
		if f != nil {
			return f.Name
		}
		return id
	}
	if family(res.Data.FY.ID, res.Data.FY.Family) != family(res.Data.FL.ID, res.Data.FL.Family) {
		t.Errorf("府院联席 and 府院联动 lead to different families")
	}
	want := []string{"嘉祥县 2023", "常州经济开发区 2023", "湖州市 2018", "秀洲区 2023"}
	if g := got(res.Data.FL.Adoptions.Nodes); !slices.Equal(g, want) {
		t.Errorf("府院联动 adoptions %v, want %v", g, want)
	}
	if j := res.Data.J; j.FullName != "江苏省常州市常州经济开发区" || j.Parent.Name != "常州市" {
		t.Errorf("常州经开区: %+v", j)
	}

	// the spread of 府院联动 starts where the five reports say it did
	var spread struct {
		Data struct {
			MechanismSpread struct {
				Adoptions []struct {
					Jurisdiction struct{ Name string }
					Year         int
				}
				Fitted bool
			}
		}
		Errors []any
	}
	query(t, url, `{ mechanismSpread(name: "府院联动") { adoptions { jurisdiction { name } year } fitted } }`, &spread)
	if len(spread.Errors) > 0 {
		t.Fatalf("errors: %v", spread.Errors)
	}
	as := spread.Data.MechanismSpread.Adoptions
	if len(as) == 0 || as[0].Jurisdiction.Name != "湖州市" || as[0].Year != 2018 {
		t.Errorf("mechanismSpread(府院联动) adoptions = %+v, want 湖州市 2018 first", as)
	}
	if !spread.Data.MechanismSpread.Fitted {
		t.Error("mechanismSpread after ingest: not fitted (ingest derives)")
	}
}

// serve starts fazhikg serve on a free port and returns its URL.
func serve(t *testing.T, data string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan int)
	go func() {
		done <- Run(ctx, []string{"--data", data, "serve", "--addr", "127.0.0.1:0"}, io.Discard, pw)
		pw.Close()
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	sc := bufio.NewScanner(pr)
	re := regexp.MustCompile(`http://[0-9.:]+`)
	for sc.Scan() {
		if u := re.FindString(sc.Text()); u != "" {
			go io.Copy(io.Discard, pr)
			return u
		}
	}
	t.Fatal("serve did not say where it listens")
	return ""
}

func query(t *testing.T, url, q string, v any) {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": q})
	resp, err := http.Post(url+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %s: %s", resp.Status, b)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
}

// TestBinaryRunsAlone builds the binary and runs it where neither Go nor
// the module cache can be seen: the segmenter's dictionaries ship inside it.
func TestBinaryRunsAlone(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	if _, err := exec.LookPath("unshare"); err != nil {
		t.Skip("no unshare to hide the module cache")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "fazhikg")
	build := exec.Command("go", "build", "-o", bin, "../../cmd/fazhikg")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	modcache, _ := exec.Command("go", "env", "GOMODCACHE").Output()
	goroot, _ := exec.Command("go", "env", "GOROOT").Output()
	report, _ := filepath.Abs(filepath.Join(corpusDir, "08_zhuji_2019.txt"))
	script := fmt.Sprintf(`mount -t tmpfs none %s && mount -t tmpfs none %s && cd %s && ./fazhikg extract %s`,
		strings.TrimSpace(string(modcache)), strings.TrimSpace(string(goroot)), dir, report)
	cmd := exec.Command("unshare", "-m", "sh", "-c", script)
	cmd.Env = []string{"HOME=" + dir, "XDG_CACHE_HOME=" + filepath.Join(dir, "cache"), "PATH=/usr/bin:/bin"}
	out, err := cmd.CombinedOutput()
	if err != nil && strings.Contains(string(out), "mount") || strings.Contains(string(out), "unshare:") {
		t.Skipf("cannot hide the module cache here: %s", out)
	}
	if err != nil {
		t.Fatalf("the binary alone: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), `"jurisdiction":"浙江省绍兴市诸暨市"`) {
		t.Errorf("unexpected output: %.300s", out)
	}
}

func TestExportCascades(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	if code, _, errs := run(t, "--data", data, "ingest", corpusDir); code != 0 {
		t.Fatalf("ingest: %s", errs)
	}
	_, out, _ := run(t, "--data", data, "export", "--format", "cascades")
	if !strings.HasPrefix(out, "mechanism,jurisdiction_code,jurisdiction,year,level,province_code,province,parent_code,parent,explicit_source\n") {
		t.Errorf("cascades header: %.200s", out)
	}
	for _, row := range []string{"府检联动,3713,临沂市,2019,city", "府检联动,371321,沂南县,2020,county,37,山东省,3713,临沂市,3713"} {
		if !strings.Contains(out, row) {
			t.Errorf("cascades lack %q", row)
		}
	}
	_, out, _ = run(t, "--data", data, "export", "--format", "netinf")
	nodes, cascades, ok := strings.Cut(out, "\n\n")
	if !ok || !strings.Contains(nodes, ",临沂市") {
		t.Fatalf("netinf: no node block: %.200s", out)
	}
	for _, line := range strings.Split(strings.TrimSpace(cascades), "\n") {
		if f := strings.Split(line, ","); len(f)%2 != 0 {
			t.Errorf("netinf cascade %q: not node,time pairs", line)
		}
	}
	_, out, _ = run(t, "--data", data, "export", "--format", "eha")
	// 沂南县 has one report, 2020, the year it adopted 府检联动: one row, adopted,
	// its parent 临沂市 having adopted in 2019
	var row []string
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "府检联动,371321,") {
			row = strings.Split(line, ",")
		}
	}
	// mechanism,code,name,year,adopted,level,province,parent,years_since_first,…,parent_adopted,document_cited
	if len(row) != 15 || row[3] != "2020" || row[4] != "1" || row[8] != "1" || row[13] != "1" {
		t.Errorf("eha row of 沂南县 for 府检联动: %q", row)
	}
	if code, _, _ := run(t, "--data", data, "export", "--format", "xml"); code != ExitUsage {
		t.Errorf("an unknown format: exit %d, want %d", code, ExitUsage)
	}
}

func TestProfiles(t *testing.T) {
	dir := t.TempDir()
	cpu, mem := filepath.Join(dir, "cpu.prof"), filepath.Join(dir, "mem.prof")
	code, _, errs := run(t, "--cpuprofile", cpu, "--memprofile", mem, "extract", "--format", "jsonl", corpusDir)
	if code != 0 {
		t.Fatalf("extract with profiles: exit %d: %s", code, errs)
	}
	for _, p := range []string{cpu, mem} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b { // pprof's gzipped protocol buffers
			t.Errorf("%s: %d bytes, not a profile", filepath.Base(p), len(b))
		}
	}
	code, _, errs = run(t, "--memprofile", filepath.Join(dir, "no", "such", "dir", "mem.prof"), "extract", corpusDir)
	if code == 0 || !strings.Contains(errs, "--memprofile") {
		t.Errorf("--memprofile into a missing directory: exit %d, %q", code, errs)
	}
}
