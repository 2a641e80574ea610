package extract

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"

	"github.com/longbridgeapp/opencc"
)

func TestNormalizeWidth(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ＡＢＣ１２３", "ABC123"},
		{"（一）坚持依法行政：推进；完成！？", "(一)坚持依法行政:推进;完成!?"},
		{"第１２３号，共４５％", "第123号,共45%"},
		{"甲\u3000乙\u00a0丙\u2003丁\u202f戊", "甲 乙 丙 丁 戊"},
		{"“最多跑一次”、‘一件事’《条例》〈说明〉【附件】。", "“最多跑一次”、‘一件事’《条例》〈说明〉【附件】。"},
		{"2021—2025年 2021－2025年 2021–2025", "2021—2025年 2021-2025年 2021–2025"},
		{"～＠＃", "~@#"},
		{"ｶﾀｶﾅ ｰ ￥", "ｶﾀｶﾅ ｰ ￥"}, // half-width katakana and the yen sign are not full-width ASCII
		{"第一行\n\n第三行\n", "第一行\n\n第三行\n"},
	}
	for _, tt := range tests {
		n := Normalize(tt.in)
		if n.Text != tt.want || n.Traditional() {
			t.Errorf("Normalize(%q) = %q (traditional %v), want %q", tt.in, n.Text, n.Traditional(), tt.want)
		}
		if n.Len() != utf8.RuneCountInString(tt.in) {
			t.Errorf("Normalize(%q).Len() = %d, want %d", tt.in, n.Len(), utf8.RuneCountInString(tt.in))
		}
		for i := 0; i <= n.Len(); i++ {
			if n.Orig(i) != i {
				t.Errorf("Normalize(%q).Orig(%d) = %d", tt.in, i, n.Orig(i))
			}
		}
	}
}

func TestNormalizeSimplifiedPassesThrough(t *testing.T) {
	for _, s := range []string{
		"青禾县坚持依法行政，全面落实行政执法三项制度。"[:0] + "青禾县坚持依法行政,全面落实行政执法三项制度。",
		"规范性文件备案审查、著名的乾隆年间、了解情况、藉此机会、于是",
		// One traditional word in a simplified text.
		"2023年,青禾县深入推进府检联动机制建设,与县人民检察院联合出台工作办法,旧稿中写作府檢聯席。",
		"",
	} {
		n := Normalize(s)
		if n.Text != s || n.Traditional() {
			t.Errorf("Normalize(%q) = %q (traditional %v), want it unchanged", s, n.Text, n.Traditional())
		}
		if s != "" && unsafe.StringData(n.Text) != unsafe.StringData(s) {
			t.Errorf("Normalize(%q) copied the text", s)
		}
	}
}

func TestNormalizeTraditional(t *testing.T) {
	tests := []struct {
		name, in, want string
		// spans maps normalised spans to the original spans they came
		// from: {start, end, origStart, origEnd}.
		spans [][4]int
	}{
		{
			name: "length-changing phrases",
			in:   "推動營商環境最佳化，保護智慧財產權。",
			want: "推动营商环境优化,保护知识产权。",
			spans: [][4]int{
				{0, 6, 0, 6},     // 推动营商环境
				{6, 8, 6, 9},     // 优化 ← 最佳化
				{6, 7, 6, 9},     // 优 alone: the whole token
				{7, 8, 6, 9},     // 化 alone
				{8, 9, 9, 10},    // ,
				{11, 15, 12, 17}, // 知识产权 ← 智慧財產權
				{15, 16, 17, 18}, // 。
				{16, 16, 18, 18}, // the end
			},
		},
		{
			name:  "same-length phrase maps character by character",
			in:    "縣鄉法治政府行動計畫與資訊網路建設",
			want:  "县乡法治政府行动计划与信息网络建设",
			spans: [][4]int{{8, 10, 8, 10}, {9, 10, 9, 10}, {11, 13, 11, 13}, {13, 15, 13, 15}},
		},
		{
			name: "mainland wording",
			in:   "法務部指導機關契約審查，規範性檔案備案，軟體採購",
			want: "司法部指导机关合同审查,规范性文件备案,软件采购",
		},
		{
			name: "mainland words are not taken for Taiwan wording",
			in:   "建立健全重大行政決策程序，嚴格執行規範性文件審核，提升行政效能，新增抽檢批次。",
			want: "建立健全重大行政决策程序,严格执行规范性文件审核,提升行政效能,新增抽检批次。",
		},
		{
			name: "mechanism in traditional characters",
			in:   "府檢聯席會議",
			want: "府检联席会议",
		},
		{
			name: "control characters survive (OpenCC drops them)",
			in:   "\x01議會\x01後",
			want: "\x01议会\x01后",
		},
		{
			name: "lines are kept",
			in:   "一、主要舉措\n\n（一）健全機制\n",
			want: "一、主要举措\n\n(一)健全机制\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := Normalize(tt.in)
			if !n.Traditional() {
				t.Fatalf("Normalize(%q) not taken for traditional", tt.in)
			}
			if n.Text != tt.want {
				t.Errorf("Text = %q, want %q", n.Text, tt.want)
			}
			orig, norm := []rune(tt.in), []rune(n.Text)
			for _, sp := range tt.spans {
				s, e := n.OrigSpan(sp[0], sp[1])
				if s != sp[2] || e != sp[3] {
					t.Errorf("OrigSpan(%d, %d) [%s] = %d, %d [%s]; want %d, %d [%s]",
						sp[0], sp[1], string(norm[sp[0]:sp[1]]), s, e, string(orig[s:e]),
						sp[2], sp[3], string(orig[sp[2]:sp[3]]))
				}
			}
			checkAlignment(t, tt.in, n)
		})
	}
}

func TestNormalizeSample(t *testing.T) {
	n := Normalize(tinyReportTraditional)
	if !n.Traditional() {
		t.Fatal("the traditional sample is not taken for traditional")
	}
	checkAlignment(t, tinyReportTraditional, n)
	for _, want := range []string{"青禾县人民政府2023年法治政府建设年度报告", "府检联动、府院联席会议", "规范性文件28件", "合法性审查程序"} {
		if !strings.Contains(n.Text, want) {
			t.Errorf("normalised sample lacks %q:\n%s", want, n.Text)
		}
	}
	// Evidence found in the normalised text leads back to the original.
	i := strings.Index(n.Text, "府检联动")
	start := utf8.RuneCountInString(n.Text[:i])
	s, e := n.OrigSpan(start, start+4)
	if got := string([]rune(tinyReportTraditional)[s:e]); got != "府檢聯動" {
		t.Errorf("府检联动 maps back to %q", got)
	}
}

// TestNormalizeSeeds runs the real reports: only the traditional one is
// converted, and the conversion keeps the alignment.
func TestNormalizeSeeds(t *testing.T) {
	for name, text := range seedReports(t) {
		n := Normalize(text)
		trad := strings.HasPrefix(name, "002_")
		if n.Traditional() != trad {
			t.Errorf("%s: Traditional() = %v, want %v", name, n.Traditional(), trad)
		}
		checkAlignment(t, text, n)
		if trad && !strings.Contains(n.Text, "府院联席会议") {
			t.Errorf("%s: 府院聯席會議 was not normalised", name)
		}
	}
}

// checkAlignment checks the invariants of the map back to the original.
func checkAlignment(t *testing.T, original string, n *Normalized) {
	t.Helper()
	orig, norm := []rune(original), []rune(n.Text)
	if n.Len() != len(norm) {
		t.Fatalf("Len() = %d, text has %d characters", n.Len(), len(norm))
	}
	if n.Orig(0) != 0 || n.Orig(n.Len()) != len(orig) {
		t.Fatalf("Orig(0), Orig(Len) = %d, %d; want 0, %d", n.Orig(0), n.Orig(n.Len()), len(orig))
	}
	prev := 0
	for i := range norm {
		o := n.Orig(i)
		if o < prev || o >= len(orig) {
			t.Fatalf("Orig(%d) = %d after %d (original has %d characters)", i, o, prev, len(orig))
		}
		prev = o
		s, e := n.OrigSpan(i, i+1)
		if s != o || e <= s || e > len(orig) {
			t.Fatalf("OrigSpan(%d, %d) = %d, %d", i, i+1, s, e)
		}
		if (norm[i] == '\n') != (orig[o] == '\n') || norm[i] == '\n' && e != s+1 {
			t.Fatalf("line break at %d maps to %q", i, string(orig[s:e]))
		}
	}
	if strings.Count(n.Text, "\n") != strings.Count(original, "\n") {
		t.Fatalf("normalised text has %d lines, original %d", strings.Count(n.Text, "\n"), strings.Count(original, "\n"))
	}
	if !n.Traditional() && n.Text != foldWidthString(original, len(original)) {
		t.Fatalf("simplified text changed beyond width folding")
	}
}

// openccAligned converts s through the tw2sp chain as Normalize does but
// without the skipped entries and the wording table, for comparison with
// OpenCC's own Convert.
func openccAligned(s string) string {
	t := loadT2S()
	a := aligned{}
	for i, r := range []rune(s) {
		a.r = append(a.r, r)
		a.start = append(a.start, int32(i))
		a.end = append(a.end, int32(i+1))
	}
	for _, group := range t.chain {
		plain := make([]dictEntry, len(group))
		for i, e := range group {
			plain[i] = dictEntry{dict: e.dict}
		}
		a = a.convert(groupMatch(plain))
	}
	return string(a.r)
}

func TestConvertMatchesOpenCC(t *testing.T) {
	cc, err := opencc.New("tw2sp")
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{tinyReportTraditional, "最佳化程式與網路數位資料庫，建立執行程序", "PN接面與SQL隱碼攻擊"}
	if seeds, ok := trySeedReports(); ok {
		for _, s := range seeds {
			texts = append(texts, s)
		}
	}
	for _, s := range texts {
		want, err := cc.Convert(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := openccAligned(s); got != want {
			t.Errorf("aligned conversion differs from OpenCC on %.30q", s)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{tinyReport, tinyReportTraditional, "最佳化", "ＡＢＣ\u3000府檢聯席", "a\xffb後", "\n"} {
		f.Add(s)
	}
	toTraditional, err := opencc.New("s2t")
	if err != nil {
		f.Fatal(err)
	}
	seeds, _ := trySeedReports()
	for _, name := range slices.Sorted(maps.Keys(seeds)) {
		text := seeds[name]
		f.Add(text)
		// The start of the same report in traditional characters, as some
		// portals publish it.
		trad, err := toTraditional.Convert(text[:utf8Prefix(text, 4<<10)])
		if err != nil {
			f.Fatal(err)
		}
		f.Add(trad)
	}
	cc, err := opencc.New("tw2sp")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		checkAlignment(t, s, n)
		if !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 && r != '\n' && r != '\t' }) {
			// OpenCC's Convert mishandles control characters ("\x01議"
			// becomes "议议", see longestEntry) and invalid UTF-8.
			return
		}
		folded := foldWidthString(s, len(s))
		want, err := cc.Convert(folded)
		if err != nil {
			t.Fatal(err)
		}
		if got := openccAligned(folded); got != want {
			t.Fatalf("aligned conversion %q, OpenCC %q", got, want)
		}
	})
}

func BenchmarkNormalize(b *testing.B) {
	simplified := strings.Repeat(tinyReport, 500)
	traditional := strings.Repeat(tinyReportTraditional, 500)
	plain := strings.Repeat("青禾县坚持依法行政,全面落实行政执法三项制度。\n", 2000)
	Normalize("") // load the tables outside the timing
	for _, bm := range []struct{ name, text string }{
		{"simplified", simplified},
		{"simplified-no-fullwidth", plain},
		{"traditional", traditional},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.SetBytes(int64(len(bm.text)))
			for b.Loop() {
				Normalize(bm.text)
			}
		})
	}
}

func TestTraditionalOnly(t *testing.T) {
	set := loadT2S().tradOnly
	for _, r := range "後與這聯檢會議機關縣鄉舉" {
		if !set.has(r) {
			t.Errorf("%c is not taken for traditional-only", r)
		}
	}
	// Valid in simplified text too, or simplified already.
	for _, r := range "著乾瞭藉於么余后干了法治政府a1，" {
		if set.has(r) {
			t.Errorf("%c is taken for traditional-only", r)
		}
	}
}

func ExampleNormalize() {
	original := "推動營商環境最佳化，深化府檢聯動。"
	n := Normalize(original)
	fmt.Println(n.Text, n.Traditional())

	// A match in the normalised text, as character offsets …
	start := utf8.RuneCountInString(n.Text[:strings.Index(n.Text, "优化")])
	end := start + utf8.RuneCountInString("优化")
	// … leads back to the original.
	s, e := n.OrigSpan(start, end)
	fmt.Println(string([]rune(original)[s:e]))
	// Output:
	// 推动营商环境优化,深化府检联动。 true
	// 最佳化
}

// foldWidthString returns s with every character width-folded, as
// Normalize does to simplified text (invalid bytes are copied as they are).
func foldWidthString(s string, sizeHint int) string {
	b := make([]byte, 0, sizeHint)
	last := 0 // start of the bytes not copied yet
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if f := foldWidth(r); f != r {
			b = append(b, s[last:i]...)
			b = utf8.AppendRune(b, f)
			last = i + size
		}
		i += size
	}
	b = append(b, s[last:]...)
	return string(b)
}
