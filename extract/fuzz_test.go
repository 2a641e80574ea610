package extract_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fazhikg/fazhikg/extract"
)

// FuzzPipeline checks that extraction never panics and that every span it
// returns lies within the text, on the sentence it names.
func FuzzPipeline(f *testing.F) {
	for _, s := range []string{
		"秀洲区2023年法治政府建设年度报告\n一、主要举措\n区法院与区检察院建立“府检联动”工作机制。",
		"湖州市人民政府關於2018年度法治政府建設情況的報告\n深化府檢聯席工作機制。",
		"《《》》“”“”‘’\n\n一、\n（一）",
		"获评“”。荣获。被授予“全国",
	} {
		f.Add(s)
	}
	files, _ := filepath.Glob("../examples/corpus/*.txt")
	for _, p := range files[:min(3, len(files))] {
		if b, err := os.ReadFile(p); err == nil && utf8.Valid(b) {
			f.Add(string(b))
		}
	}
	for _, text := range seedTexts() {
		f.Add(text)
		for _, c := range textChunks(text, 2<<10) {
			f.Add(c)
		}
	}
	p := pipeline(f)
	f.Fuzz(func(t *testing.T, s string) {
		in, err := extract.Decode([]byte(s), "fuzz.txt")
		if err != nil {
			return
		}
		r, err := p.Extract(context.Background(), extract.Origin{Name: "fuzz"}, in)
		if err != nil {
			t.Fatal(err)
		}
		n := utf8.RuneCountInString(r.Text)
		check := func(what string, ms []extract.Mention) {
			for _, m := range ms {
				if m.Start < 0 || m.End < m.Start || m.End > n {
					t.Fatalf("%s: span %d-%d outside the text of %d characters", what, m.Start, m.End, n)
				}
				if m.Sentence < 0 || m.Sentence >= len(r.Sentences) {
					t.Fatalf("%s: sentence %d of %d", what, m.Sentence, len(r.Sentences))
				}
				st := r.Sentences[m.Sentence]
				if m.Start < st.Start || m.End > st.End {
					t.Fatalf("%s: span %d-%d outside its sentence %d-%d", what, m.Start, m.End, st.Start, st.End)
				}
				if r.Slice(m.Span) != m.Surface {
					t.Fatalf("%s: surface %q is not the text %q", what, m.Surface, r.Slice(m.Span))
				}
			}
		}
		for _, s := range r.Sentences {
			if s.Start < 0 || s.End < s.Start || s.End > n {
				t.Fatalf("sentence %d-%d outside the text", s.Start, s.End)
			}
		}
		for _, j := range r.Jurisdictions {
			check("jurisdiction "+j.Name, j.Mentions)
		}
		for _, b := range r.Bodies {
			check("body "+b.Name, b.Mentions)
		}
		for _, m := range r.Mechanisms {
			check("mechanism "+m.Name, m.Mentions)
		}
		for _, d := range r.Documents {
			check("document "+d.Title, d.Mentions)
		}
		for _, a := range r.Awards {
			check("award "+a.Name, a.Mentions)
		}
		for _, p := range r.People {
			check("person "+p.Name, p.Mentions)
		}
	})
}

// seedTexts returns the real reports in ../shared/seeds (relative to the
// repository root), in a stable order; none when they are absent. They seed
// the fuzz targets and are never copied into testdata.
func seedTexts() []string {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "shared", "seeds", "*.txt"))
	var texts []string
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			texts = append(texts, string(b))
		}
	}
	return texts
}

// textChunks cuts s at line ends into pieces of about size bytes, so that
// fuzzing also starts from inputs small enough to mutate quickly.
func textChunks(s string, size int) []string {
	var out []string
	for len(s) > size {
		i := strings.LastIndexByte(s[:size], '\n')
		if i <= 0 {
			i = strings.IndexByte(s, '\n')
			if i < 0 {
				break
			}
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	if s != "" {
		out = append(out, s)
	}
	return out
}

// BenchmarkPipeline extracts the sample corpus: reading excluded, the
// segmenter included.
func BenchmarkPipeline(b *testing.B) {
	files, _ := filepath.Glob("../examples/corpus/*.txt")
	var ins []extract.Input
	size := 0
	for _, p := range files {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		in, err := extract.Decode(raw, p)
		if err != nil {
			b.Fatal(err)
		}
		ins = append(ins, in)
		size += len(in.Text)
	}
	p := pipeline(b)
	p.Extract(context.Background(), extract.Origin{Name: "warm"}, ins[0]) // load the gazetteer's automaton
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, in := range ins {
			if _, err := p.Extract(context.Background(), extract.Origin{Name: "b"}, in); err != nil {
				b.Fatal(err)
			}
		}
	}
}
