package cli

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// buildBinary builds fazhikg into a temporary directory and returns its
// path.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "fazhikg")
	build := exec.Command("go", "build", "-o", bin, "../../cmd/fazhikg")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// result is how a run of the binary ended.
type result struct {
	code           int
	stdout, stderr string
	maxRSS         int64 // peak resident set size, bytes
}

// runBinary runs the binary to completion.
func runBinary(t *testing.T, bin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if _, exited := err.(*exec.ExitError); err != nil && !exited {
		t.Fatalf("%s %v: %v", bin, args, err)
	}
	r := result{code: cmd.ProcessState.ExitCode(), stdout: out.String(), stderr: errb.String()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.maxRSS = ru.Maxrss << 10 // kilobytes on Linux
	}
	return r
}

// tinyPlaces are real counties the gazetteer knows, for made-up reports.
var tinyPlaces = []string{
	"秀洲区", "嘉善县", "海盐县", "桐乡市", "德清县", "长兴县", "安吉县", "诸暨市", "嵊州市", "新昌县",
	"沂南县", "兰陵县", "郯城县", "莒南县", "梓潼县", "三台县", "盐亭县", "嘉祥县", "汶上县", "泗水县",
}

// tinyReport is a made-up report of a few lines: a title naming the place
// and year, and a sentence stating a mechanism.
func tinyReport(i int) string {
	place := tinyPlaces[i%len(tinyPlaces)]
	year := 2015 + i%9
	return fmt.Sprintf("%s%d年法治政府建设年度报告\n\n%d年，%s坚持依法行政，深化府检联动工作机制，第%d次召开府院联席会议。\n",
		place, year, year, place, i+1)
}

// maxIngestRSS bounds the peak memory of ingesting the bad-input corpus:
// the segmenter's dictionaries and the gazetteer (about 250 MB), a bounded
// window of reports in flight, and the store's catalogue of 10,000 small
// reports. Files over the size cap are refused before they are read.
const maxIngestRSS = 1 << 30

// TestIngestBadInput ingests a folder of bad files beside good ones with
// the real binary: each bad file gets one line on stderr naming it and the
// problem, every good file is stored, nothing of a bad file is, the exit
// status is 2, and memory stays bounded.
func TestIngestBadInput(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	write := func(name string, b []byte) string {
		t.Helper()
		p := filepath.Join(corpus, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	gbk := func(s string) []byte {
		b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	gb18030 := func(s string) []byte {
		b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}

	// Bad files, and the words their line must hold.
	bad := map[string]string{}
	bad[write("empty.txt", nil)] = "no text"
	binary := make([]byte, 64<<10)
	for i := range binary {
		binary[i] = byte(i * 131 % 251)
	}
	bad[write("binary.txt", binary)] = "not text"
	bad[write("scan.html", append([]byte("%PDF-1.5\n"), binary...))] = "a PDF document"
	bad[write("blank.html", []byte("<html><head><title> </title><script>document.write('府检联动')</script></head><body><div class=\"nav\"></div></body></html>"))] = "no text"
	big := write("big.txt", nil)
	if err := os.Truncate(big, 50<<20); err != nil { // sparse: 50 MB of NULs
		t.Fatal(err)
	}
	bad[big] = "too large"
	loop := filepath.Join(corpus, "sub", "loop")
	os.MkdirAll(filepath.Dir(loop), 0o755)
	if err := os.Symlink("..", loop); err != nil { // a folder linking to its parent
		t.Fatal(err)
	}
	bad[loop] = "symbolic link loop"
	self := filepath.Join(corpus, "self.txt")
	if err := os.Symlink("self.txt", self); err != nil { // a link to itself
		t.Fatal(err)
	}
	bad[self] = "too many levels of symbolic links"
	if os.Geteuid() != 0 {
		unreadable := write("unreadable.txt", []byte(tinyReport(1)))
		if err := os.Chmod(unreadable, 0); err != nil {
			t.Fatal(err)
		}
		bad[unreadable] = "permission denied"
	} else {
		t.Log("running as root, which reads any file: the unreadable file is not tested")
	}

	// Good files, with a phrase the store must hold for each.
	good := map[string]string{}
	good[write("gbk.txt", gbk("海宁市2021年法治政府建设年度报告\n海宁市推行“枫桥式”调解工作法。\n"))] = "海宁市"
	good[write("gb18030.txt", gb18030("平湖市2022年法治政府建设年度报告\n平湖市深化府院联动，䶮字不在GBK中。\n"))] = "平湖市"
	cut := []byte("临安区2020年法治政府建设年度报告\n临安区建立府检联动工作机制。末尾截")
	good[write("truncated.txt", append(cut, "断"[:2]...))] = "临安区"
	good[write("scripts.html", []byte(`<html><head><meta charset="utf-8"><title>富阳区2021年法治政府建设年度报告_门户网站</title>`+
		`<script>var tracker = "脚本里的府院联席";`+strings.Repeat("x = x + 1;", 2000)+`</script><style>p{}</style></head>`+
		`<body><div class="nav">首页</div><p>富阳区深化府检联动工作机制。</p><script>alert("脚本里的府院联席")</script></body></html>`))] = "富阳区"
	good[write("deep.html", []byte("<html><head><title>建德市2022年法治政府建设年度报告</title></head><body>"+
		strings.Repeat(`<div class="content"><span>`, 100000)+"建德市建立府检联动工作机制。"))] = "建德市"
	notReport := write("recipe.txt", []byte("红烧肉的做法：五花肉切块，焯水，加冰糖炒色，加酱油和水慢炖一小时。\n"))
	good[notReport] = "" // stored: see below
	small := 10000
	if testing.Short() {
		small = 500
	}
	for i := range small {
		write(fmt.Sprintf("many/%05d.txt", i), []byte(tinyReport(i)))
	}

	data := filepath.Join(dir, "data")
	r := runBinary(t, bin, "--data", data, "ingest", "-q", "--no-derive", corpus)
	t.Logf("ingest: exit %d, peak RSS %d MB\n%s", r.code, r.maxRSS>>20, r.stdout)
	if r.code != ExitPartial {
		t.Errorf("exit status %d, want %d (some files failed)", r.code, ExitPartial)
	}
	lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
	for path, problem := range bad {
		var mine []string
		for _, l := range lines {
			if strings.HasPrefix(l, "fazhikg: "+path+": ") {
				mine = append(mine, l)
			}
		}
		if len(mine) != 1 || !strings.Contains(mine[0], problem) {
			t.Errorf("%s: lines %q, want one saying %q", filepath.Base(path), mine, problem)
		}
	}
	if len(lines) != len(bad) {
		t.Errorf("%d lines on stderr for %d bad files:\n%s", len(lines), len(bad), r.stderr)
	}
	if r.maxRSS > maxIngestRSS {
		t.Errorf("peak RSS %d MB, over the bound of %d MB", r.maxRSS>>20, maxIngestRSS>>20)
	}

	st := runBinary(t, bin, "--data", data, "stats", "--format", "json")
	if want := fmt.Sprintf(`"reports":%d`, len(good)+small); !strings.Contains(st.stdout, want) {
		t.Errorf("stats %s, want %s", st.stdout, want)
	}
	exp := runBinary(t, bin, "--data", data, "export", "--format", "nquads")
	if exp.code != 0 {
		t.Fatalf("export: exit %d: %s", exp.code, exp.stderr)
	}
	for path, phrase := range good {
		if !strings.Contains(exp.stdout, "/report/"+stem(filepath.Base(path))+">") || !strings.Contains(exp.stdout, phrase) {
			t.Errorf("%s: not stored, or %q missing from the store", filepath.Base(path), phrase)
		}
	}
	for path := range bad {
		if strings.Contains(exp.stdout, "/report/"+stem(filepath.Base(path))+">") {
			t.Errorf("%s: a bad file left a report in the store", filepath.Base(path))
		}
	}
	if strings.Contains(exp.stdout, "脚本里的") {
		t.Error("the text of a script reached the store")
	}
	// A file that is no report is kept, with no jurisdiction and so no
	// adoption: nothing about the spread of mechanisms comes from it.
	recipe := "<" + graphNode("report/recipe") + ">"
	for _, l := range strings.Split(exp.stdout, "\n") {
		if strings.HasPrefix(l, recipe) && strings.Contains(l, "#jurisdiction>") {
			t.Errorf("a file naming no place got a jurisdiction: %s", l)
		}
		if strings.Contains(l, "/adoption/recipe/") {
			t.Errorf("a file naming no place got an adoption: %s", l)
		}
	}

	// The cap is configurable: a small one refuses a good file, with the
	// same kind of line.
	one := filepath.Join(dir, "one.txt")
	os.WriteFile(one, []byte(tinyReport(7)), 0o644)
	r = runBinary(t, bin, "--data", filepath.Join(dir, "capped"), "ingest", "-q", "--max-size", "100", one)
	if r.code != ExitPartial || !strings.HasPrefix(r.stderr, "fazhikg: "+one+": ") || !strings.Contains(r.stderr, "too large") {
		t.Errorf("--max-size 100: exit %d, stderr %q", r.code, r.stderr)
	}
}

// graphNode returns the IRI of a node ID.
func graphNode(id string) string { return "https://fazhikg.org/id/" + id }
