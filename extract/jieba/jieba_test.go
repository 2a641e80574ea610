package jieba

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// shared is one Segmenter for the tests that only read: New takes about a
// second.
var shared = sync.OnceValues(func() (*Segmenter, error) {
	dir, err := os.MkdirTemp("", "jieba-test-")
	if err != nil {
		return nil, err
	}
	return New(Options{CacheDir: dir, UserWords: []Word{
		{Text: "府检联动", Tag: "nz"},
		{Text: "府院联席会议", Freq: 1000, Tag: "nz"},
		{Text: "一件事一次办"},
	}})
})

func sharedSegmenter(t testing.TB) *Segmenter {
	t.Helper()
	s, err := shared()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestMain(m *testing.M) {
	code := m.Run()
	if s, err := shared(); err == nil {
		s.Close()
	}
	os.Exit(code)
}

const sample = "2023年，秀洲区深化府检联动机制，推行“一件事一次办”改革。\n区法院与区检察院召开府院联席会议3次。"

// checkTiling checks that tokens cover text exactly, in order, with the
// right texts.
func checkTiling(t *testing.T, text string, tokens []Token) {
	t.Helper()
	runes := []rune(text)
	at := 0
	for _, tk := range tokens {
		if tk.Start != at || tk.End <= tk.Start || tk.End > len(runes) {
			t.Fatalf("token %+v does not start at %d within %d characters", tk, at, len(runes))
		}
		want := string(runes[tk.Start:tk.End])
		if utf8.ValidString(text) && tk.Text != want {
			t.Fatalf("token %+v: text should be %q", tk, want)
		}
		at = tk.End
	}
	if at != len(runes) {
		t.Fatalf("tokens end at %d of %d characters", at, len(runes))
	}
}

func TestCut(t *testing.T) {
	s := sharedSegmenter(t)
	tests := []struct {
		name, text string
		want       []string // words that must come out whole
	}{
		{"report sentence", sample, []string{"秀洲区", "府检联动", "一件事一次办", "府院联席会议", "检察院"}},
		{"Latin and digits", "PM2.5浓度下降12.5%, GDP growth", []string{"浓度", "下降", "GDP", "growth"}},
		{"characters outside the BMP", "𠮷野家与𠀾字", []string{"野"}},
		{"NUL", "依法\x00行政", []string{"依法", "行政"}},
		{"invalid UTF-8", "依法\xff行政\xe6\xb2", []string{"依法", "行政"}},
		{"white space only", " \n\t", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tokens := s.Cut(tt.text)
			checkTiling(t, tt.text, tokens)
			got := map[string]bool{}
			for _, tk := range tokens {
				got[tk.Text] = true
				if tk.POS != "" {
					t.Errorf("Cut gave a POS: %+v", tk)
				}
			}
			for _, w := range tt.want {
				if !got[w] {
					t.Errorf("%q not cut whole: %v", w, tokens)
				}
			}
		})
	}
	if s.Cut("") != nil {
		t.Error("Cut(\"\") is not nil")
	}
}

func TestCutKeepsOriginalBytes(t *testing.T) {
	s := sharedSegmenter(t)
	text := "依法\x00行政\xff。"
	var b strings.Builder
	for _, tk := range s.Cut(text) {
		b.WriteString(tk.Text)
	}
	if b.String() != text {
		t.Errorf("tokens rebuild %q, want %q", b.String(), text)
	}
}

func TestTag(t *testing.T) {
	s := sharedSegmenter(t)
	tests := []struct {
		text string
		want map[string]string // word → POS
	}{
		{sample, map[string]string{"秀洲区": "ns", "府检联动": "nz", "府院联席会议": "nz", "2023": "m", "，": "x", "改革": "vn"}},
		{"GDP增长12%", map[string]string{"GDP": "eng", "12": "m"}},
		{"a/b//c", map[string]string{"/": "x"}},
	}
	for _, tt := range tests {
		tokens := s.Tag(tt.text)
		checkTiling(t, tt.text, tokens)
		got := map[string]string{}
		for _, tk := range tokens {
			if tk.POS == "" {
				t.Errorf("%q: token %+v has no POS", tt.text, tk)
			}
			got[tk.Text] = tk.POS
		}
		for w, pos := range tt.want {
			if got[w] != pos {
				t.Errorf("%q: POS of %q = %q, want %q (%v)", tt.text, w, got[w], pos, tokens)
			}
		}
		// Tag cuts as Cut does.
		cut := s.Cut(tt.text)
		if len(cut) != len(tokens) {
			t.Errorf("%q: Cut gave %d tokens, Tag %d", tt.text, len(cut), len(tokens))
		}
	}
}

func TestUserWordsMatter(t *testing.T) {
	s := sharedSegmenter(t)
	plain, err := New(Options{CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close()
	text := "深化府检联动"
	has := func(tokens []Token, w string) bool {
		for _, tk := range tokens {
			if tk.Text == w {
				return true
			}
		}
		return false
	}
	if has(plain.Cut(text), "府检联动") {
		t.Skip("the stock dictionary already knows 府检联动")
	}
	if !has(s.Cut(text), "府检联动") {
		t.Errorf("user word 府检联动 not used: %v", s.Cut(text))
	}
}

func TestNewRejectsBadWords(t *testing.T) {
	for _, w := range []Word{
		{Text: ""},
		{Text: "府检 联动"},
		{Text: "府检，联动"},
		{Text: "府检\x00"},
		{Text: "府检\xff"},
		{Text: "府检联动", Freq: -1},
		{Text: "府检联动", Tag: "n/z"},
	} {
		s, err := New(Options{CacheDir: t.TempDir(), UserWords: []Word{w}})
		if err == nil {
			s.Close()
			t.Errorf("New accepted user word %+v", w)
			continue
		}
		if !strings.Contains(err.Error(), "jieba.New") || !strings.Contains(err.Error(), "user word") {
			t.Errorf("error %q does not say what failed", err)
		}
	}
}

func TestClose(t *testing.T) {
	s, err := New(Options{CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Cut("依法行政")) == 0 {
		t.Fatal("no tokens before Close")
	}
	s.Close()
	s.Close()
	if s.Cut("依法行政") != nil || s.Tag("依法行政") != nil {
		t.Error("tokens after Close")
	}
}

func TestDictionaryInstall(t *testing.T) {
	base := t.TempDir()
	files := dictFiles()
	// Several processes starting at once: all succeed, none sees a partial
	// file.
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Go(func() { _, errs[i] = dictionaryPaths(base) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	paths, err := dictionaryPaths(base)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(base, dictDirName(files))
	if len(paths) != 5 {
		t.Fatalf("%d paths, want 5", len(paths))
	}
	for i, p := range paths {
		if filepath.Dir(p) != dir {
			t.Errorf("%s is not in %s", p, dir)
		}
		if ok, err := fileMatches(p, files[i]); !ok || err != nil {
			t.Errorf("%s: content does not match (%v)", p, err)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, "*.tmp"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}

	// A damaged file is replaced.
	if err := os.WriteFile(paths[0], []byte("damaged 1 n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := dictionaryPaths(base); err != nil {
		t.Fatal(err)
	}
	if ok, _ := fileMatches(paths[0], files[0]); !ok {
		t.Error("damaged dictionary not replaced")
	}

	// An unusable cache directory is an error naming it.
	blocker := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := New(Options{CacheDir: blocker}); err == nil || !strings.Contains(err.Error(), blocker) {
		t.Errorf("New with a file as cache directory: %v", err)
	}
}

func TestDictDirNameFollowsContent(t *testing.T) {
	files := dictFiles()
	a := dictDirName(files)
	files[3].sum = strings.Repeat("0", 64)
	if b := dictDirName(files); a == b || !strings.HasPrefix(a, "jieba-") {
		t.Errorf("directory names %q and %q", a, b)
	}
}

// TestConcurrentUse cuts and tags from several goroutines at once; each
// must get what a lone caller gets. Run it with -race.
func TestConcurrentUse(t *testing.T) {
	s := sharedSegmenter(t)
	texts := []string{sample, "湖州市人民政府关于2018年度法治政府建设情况的报告", "行政机关负责人出庭应诉率100%"}
	want := make([][]Token, len(texts))
	for i, text := range texts {
		want[i] = s.Tag(text)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for k := range 200 {
				i := (g + k) % len(texts)
				var got []Token
				if k%2 == 0 {
					got = s.Tag(texts[i])
				} else {
					got = s.Cut(texts[i])
				}
				if len(got) != len(want[i]) {
					t.Errorf("goroutine %d: %d tokens, want %d", g, len(got), len(want[i]))
					return
				}
				for j := range got {
					if got[j].Text != want[i][j].Text || got[j].Start != want[i][j].Start {
						t.Errorf("goroutine %d: token %d = %+v, want %+v", g, j, got[j], want[i][j])
						return
					}
				}
			}
		})
	}
	wg.Wait()
}

func FuzzCut(f *testing.F) {
	f.Add(sample)
	f.Add("a/b//c \x00\xff𠮷")
	f.Fuzz(func(t *testing.T, text string) {
		s := sharedSegmenter(t)
		checkTiling(t, text, s.Cut(text))
		checkTiling(t, text, s.Tag(text))
	})
}

func benchText() string {
	return strings.Repeat(sample+"\n全面落实行政执法三项制度，行政机关负责人出庭应诉率达到100%，办理行政复议案件127件。\n", 300)
}

func BenchmarkCut(b *testing.B) {
	s := sharedSegmenter(b)
	text := benchText()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		s.Cut(text)
	}
}

func BenchmarkTag(b *testing.B) {
	s := sharedSegmenter(b)
	text := benchText()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		s.Tag(text)
	}
}

// BenchmarkNew measures loading with the dictionaries already in the cache.
func BenchmarkNew(b *testing.B) {
	dir := b.TempDir()
	if _, err := dictionaryPaths(dir); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		s, err := New(Options{CacheDir: dir})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkInstall measures checking the cached dictionaries, which New
// does every time.
func BenchmarkInstall(b *testing.B) {
	dir := b.TempDir()
	if _, err := dictionaryPaths(dir); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := dictionaryPaths(dir); err != nil {
			b.Fatal(err)
		}
	}
}
