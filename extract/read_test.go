package extract

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// The -update flag rewrites the golden files and the encoded samples under
// testdata/read. It is shared with other golden tests of the package: it is
// defined here only when no other file has defined it.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files under testdata/")
	}
}

func updatingGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// tinyReport is a made-up report in simplified characters, with
// full-width punctuation, a 《》 citation and Windows line endings removed.
const tinyReport = `青禾县人民政府2023年法治政府建设年度报告

2023年，青禾县坚持依法行政，深入推进府检联动、府院联席会议等工作机制，全面落实行政执法三项制度。
一、主要举措和成效
（一）健全依法决策机制。县政府常务会议集体学法12次，审查规范性文件28件，提出修改意见43条。
（二）推进“最多跑一次”改革，政务服务事项网上可办率达到98.5%。认真贯彻《中华人民共和国行政复议法》。
二、存在的不足
基层执法力量仍显薄弱，部分乡镇执法人员业务能力有待提升。
`

// tinyReportRare adds characters GBK lacks and GB18030 has.
const tinyReportRare = tinyReport + "附：䶮字与𠮷字的写法说明。\n"

// tinyReportTraditional is a made-up report in traditional characters.
const tinyReportTraditional = `青禾縣人民政府2023年法治政府建設年度報告

2023年，青禾縣堅持依法行政，深入推進府檢聯動、府院聯席會議等工作機制，全面落實行政執法三項制度。
一、主要舉措和成效
（一）健全依法決策機制。縣政府常務會議集體學法12次，審查規範性檔案28件，並完善合法性審查程序。
（二）推進「最多跑一次」改革，政務服務事項網上可辦率達到98.5%。
二、存在的不足
基層執法力量仍顯薄弱，部分鄉鎮執法人員業務能力有待提升。
`

const tinyPortalPage = `<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>青禾县2023年法治政府建设年度报告_青禾县人民政府门户网站</title>
<style>p { text-indent: 2em }</style>
<script>var hits = "浏览次数：" + 1024;</script>
</head>
<body>
<div class="header"><h1>青禾县人民政府</h1></div>
<div id="mainNav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a></div>
<div class="dqwz">当前位置：首页 &gt; 政务公开 &gt; 法治政府建设</div>
<div class="content">
<h2>青禾县2023年法治政府建设年度报告</h2>
<p>&nbsp;</p>
<p>　　2023年，青禾县坚持依法行政，
深入推进府检联动、府院联席会议等工作机制。</p>
<div style="display: none">凯发平台</div>
<p>一、主要举措和成效</p>
<table><tr><td>规范性文件</td><td>28件</td></tr><tr><td>学法次数</td><td>12次</td></tr></table>
<p>审查意见&amp;建议43条<br>其中采纳40条。</p>
<p><br></p><p><br></p>
<p>二、存在的不足</p>
</div>
<div class="bdsharebuttonbox">分享到：微信 微博</div>
<form><select><option>相关链接</option></select><button>搜索</button></form>
<div class="footer">主办：青禾县人民政府办公室 网站标识码：0000000000</div>
</body></html>
`

const tinyArticlePage = `<html><head><title>门户网站 - 报告</title></head>
<body><form id="form1"><div class="wrap">
<nav>首页 | 政务公开</nav>
<article><header><h1>青禾县法治政府建设年度报告</h1><p>发布日期：2024-03-20</p></header>
<section><p>一、主要举措和成效</p><ul><li>学法12次</li><li>审查文件28件</li></ul>
<pre>  表一
  项目    数量</pre></section>
<footer>来源：青禾县司法局</footer></article>
</div></form>
<footer>版权所有 青禾县人民政府</footer>
</body></html>
`

// readSample is one file of testdata/read: how to make it and what Decode
// must say about it.
type readSample struct {
	file    string
	make    func() []byte
	format  string
	enc     string
	err     error
	same    string // when set, the decoded text must equal it exactly
	noMatch bool   // the decoded text must differ from same (lossy input)
}

func mustEncode(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding sample: %v", err)
	}
	return b
}

func readSamples(t testing.TB) []readSample {
	utf16le := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	utf16be := unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	truncated := []byte(tinyReport)
	truncated = append(truncated, []byte("末尾截断的字")[:16]...) // 5 characters and 1 byte of the 6th
	return []readSample{
		{file: "utf8.txt", make: func() []byte { return []byte(tinyReport) },
			format: FormatText, enc: "UTF-8", same: tinyReport},
		{file: "utf8_bom.txt", make: func() []byte { return append([]byte("\xEF\xBB\xBF"), tinyReport...) },
			format: FormatText, enc: "UTF-8", same: tinyReport},
		{file: "utf8_crlf.txt", make: func() []byte { return []byte(strings.ReplaceAll(tinyReport, "\n", "\r\n") + "旧式\r换行\n") },
			format: FormatText, enc: "UTF-8", same: tinyReport + "旧式\n换行\n"},
		{file: "utf16le_bom.txt", make: func() []byte { return mustEncode(t, utf16le, tinyReport) },
			format: FormatText, enc: "UTF-16LE", same: tinyReport},
		{file: "utf16be_bom.txt", make: func() []byte { return mustEncode(t, utf16be, tinyReport) },
			format: FormatText, enc: "UTF-16BE", same: tinyReport},
		{file: "gbk.txt", make: func() []byte { return mustEncode(t, simplifiedchinese.GBK, tinyReport) },
			format: FormatText, enc: "GB18030", same: tinyReport},
		{file: "gb18030.txt", make: func() []byte { return mustEncode(t, simplifiedchinese.GB18030, tinyReportRare) },
			format: FormatText, enc: "GB18030", same: tinyReportRare},
		{file: "gbk_traditional.txt", make: func() []byte { return mustEncode(t, simplifiedchinese.GBK, tinyReportTraditional) },
			format: FormatText, enc: "GB18030", same: tinyReportTraditional},
		{file: "big5.txt", make: func() []byte { return mustEncode(t, traditionalchinese.Big5, tinyReportTraditional) },
			format: FormatText, enc: "Big5", same: tinyReportTraditional},
		{file: "utf8_truncated.txt", make: func() []byte { return truncated },
			format: FormatText, enc: "UTF-8", same: tinyReport + "末尾截断的\uFFFD"},
		{file: "page_gb2312.html", make: func() []byte { return mustEncode(t, simplifiedchinese.GBK, tinyPortalPage) },
			format: FormatHTML, enc: "GB18030"},
		{file: "page_declared_wrongly.htm", make: func() []byte { return []byte(tinyPortalPage) }, // says gb2312, is UTF-8
			format: FormatHTML, enc: "UTF-8"},
		{file: "page_utf16.html", make: func() []byte { return mustEncode(t, utf16le, tinyPortalPage) },
			format: FormatHTML, enc: "UTF-16LE"},
		{file: "page_article.txt", make: func() []byte { return []byte(tinyArticlePage) }, // sniffed
			format: FormatHTML, enc: "UTF-8"},
		{file: "page_no_text.html", make: func() []byte {
			return []byte("<html><head><title></title><script>x=1</script></head><body><nav>首页</nav></body></html>")
		},
			err: ErrEmpty},
		{file: "empty.txt", make: func() []byte { return nil }, err: ErrEmpty},
		{file: "blank.txt", make: func() []byte { return []byte(" \r\n\t\n　\n") }, err: ErrEmpty},
		{file: "binary.bin", make: func() []byte {
			b := make([]byte, 4096)
			for i := range b {
				b[i] = byte(i * 7 % 31) // NULs and control bytes
			}
			return b
		}, err: ErrNotText},
		{file: "fake.pdf.txt", make: func() []byte { return []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n") }, err: ErrNotText},
		{file: "utf16le_nobom.txt", make: func() []byte {
			return mustEncode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), tinyReport)
		},
			format: FormatText, enc: "UTF-16LE", same: tinyReport},
	}
}

func TestDecodeSamples(t *testing.T) {
	dir := filepath.Join("testdata", "read")
	for _, s := range readSamples(t) {
		t.Run(s.file, func(t *testing.T) {
			path := filepath.Join(dir, s.file)
			if updatingGolden() {
				if err := os.WriteFile(path, s.make(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create the samples)", err)
			}
			if !bytes.Equal(raw, s.make()) {
				t.Fatalf("%s is not what its recipe makes; run go test -update", path)
			}
			in, err := Decode(raw, s.file)
			if s.err != nil {
				if !errors.Is(err, s.err) {
					t.Fatalf("Decode error = %v, want %v", err, s.err)
				}
				if !strings.Contains(err.Error(), s.file) {
					t.Errorf("error %q does not name the file", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if in.Format != s.format || in.Encoding != s.enc {
				t.Errorf("Format, Encoding = %q, %q; want %q, %q", in.Format, in.Encoding, s.format, s.enc)
			}
			if !utf8.ValidString(in.Text) || strings.Contains(in.Text, "\r") {
				t.Errorf("Text is not valid UTF-8 with \\n line endings: %q", in.Text)
			}
			if s.same != "" && in.Text != s.same {
				t.Errorf("Text =\n%q\nwant\n%q", in.Text, s.same)
			}
			checkReadGolden(t, path+".golden", in.Text)
		})
	}
}

// checkGolden compares got with the golden file, or rewrites it under
// -update.
func checkReadGolden(t *testing.T, path, got string) {
	t.Helper()
	if updatingGolden() {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		t.Errorf("text differs from %s:\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

func TestSniffHTML(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"<!DOCTYPE html><p>x</p>", true},
		{"\n\n  <HTML lang=zh>", true},
		{"<body>正文", true},
		{"<head><meta charset=utf-8>", true},
		{"报告正文提到<html>标签", true},
		{"<htmlfoo>", false},
		{"<bodyguard>", false},
		{"纯文本报告，没有标签。", false},
		{strings.Repeat("正文", 600) + "<html>", false},
	}
	for _, tt := range tests {
		if got := sniffHTML([]byte(tt.text)); got != tt.want {
			t.Errorf("sniffHTML(%.40q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestDeclaredCharset(t *testing.T) {
	tests := []struct {
		head, want string
	}{
		{`<meta charset="gb2312">`, "GB18030"},
		{`<meta charset=GBK>`, "GB18030"},
		{`<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=big5">`, "Big5"},
		{`<meta content="text/html;charset='utf-8'" http-equiv="content-type">`, "UTF-8"},
		{`<?xml version="1.0" encoding="GB18030"?><html>`, "GB18030"},
		{`<meta charset="utf-16">`, ""},
		{`<meta charset="no-such-charset">`, ""},
		{`<meta name="keywords" content="charset=gbk">`, ""},
		{`<html><body><meta charset="gbk">`, ""},
		{`<meta charset="iso-8859-1">`, "windows-1252"},
	}
	for _, tt := range tests {
		if got := declaredCharset([]byte(tt.head)); got != tt.want {
			t.Errorf("declaredCharset(%q) = %q, want %q", tt.head, got, tt.want)
		}
	}
}

// TestDetectShort checks detection on short undeclared snippets, where the
// statistics have little to go on.
func TestDetectShort(t *testing.T) {
	tests := []struct {
		text string
		enc  encoding.Encoding
		want string
	}{
		{"府检联动", simplifiedchinese.GBK, "GB18030"},
		{"行政复议", simplifiedchinese.GBK, "GB18030"},
		{"法治政府建设年度报告", simplifiedchinese.GBK, "GB18030"},
		{"府院聯席會議", traditionalchinese.Big5, "Big5"},
		{"法治政府建設年度報告", traditionalchinese.Big5, "Big5"},
		{"行政執法三項制度", traditionalchinese.Big5, "Big5"},
		{"法治政府建設年度報告", simplifiedchinese.GBK, "GB18030"},
		{"依法行政，建设法治政府。", unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "UTF-16LE"},
		{"依法行政，建设法治政府。", unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "UTF-16BE"},
	}
	for _, tt := range tests {
		raw := mustEncode(t, tt.enc, tt.text)
		in, err := Decode(raw, "snippet.txt")
		if err != nil {
			t.Errorf("%s: %v", tt.text, err)
			continue
		}
		if in.Encoding != tt.want || in.Text != tt.text {
			t.Errorf("%s as %s: got %q from %s", tt.text, tt.want, in.Text, in.Encoding)
		}
	}
}

// seedFiles returns the real reports in ../shared/seeds (relative to the
// repository root), skipping the test when they are absent.
func seedReports(t testing.TB) map[string]string {
	t.Helper()
	seeds, ok := trySeedReports()
	if !ok {
		t.Skip("no seed reports in ../shared/seeds")
	}
	return seeds
}

// trySeedFiles reads the real reports, if they are there.
func trySeedReports() (map[string]string, bool) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "shared", "seeds", "*.txt"))
	seeds := make(map[string]string, len(paths))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		seeds[filepath.Base(p)] = string(b)
	}
	return seeds, len(seeds) > 0
}

// TestDecodeSeedsReencoded re-encodes the real reports and checks that
// Decode recovers them exactly without being told the encoding.
func TestDecodeSeedsReencoded(t *testing.T) {
	for name, text := range seedReports(t) {
		encs := []struct {
			want string
			enc  encoding.Encoding
		}{
			{"GB18030", simplifiedchinese.GB18030},
			{"GB18030", simplifiedchinese.GBK},
			{"UTF-16LE", unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)},
			{"UTF-16BE", unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)},
			{"Big5", traditionalchinese.Big5},
		}
		for _, e := range encs {
			raw, err := e.enc.NewEncoder().Bytes([]byte(text))
			if err != nil {
				continue // a character the encoding lacks: GBK, Big5
			}
			in, err := Decode(raw, name)
			if err != nil {
				t.Errorf("%s as %s: %v", name, e.want, err)
				continue
			}
			if in.Encoding != e.want || in.Text != normalizeLineEndings(text) {
				t.Errorf("%s as %s: decoded as %s, text equal: %v", name, e.want, in.Encoding, in.Text == text)
			}
		}
	}
}

func TestReadFile(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "report.txt")
	if err := os.WriteFile(path, []byte(tinyReport), 0o644); err != nil {
		t.Fatal(err)
	}
	in, raw, err := ReadFile(ctx, path, 0)
	if err != nil || in.Text != tinyReport || string(raw) != tinyReport {
		t.Fatalf("ReadFile = %q, %d bytes, %v", in.Text, len(raw), err)
	}

	_, _, err = ReadFile(ctx, path, 100)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), path) {
		t.Errorf("capped ReadFile error = %v, want ErrTooLarge naming the file", err)
	}
	_, _, err = Read(ctx, strings.NewReader(tinyReport), "stdin", 100)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "stdin") {
		t.Errorf("capped Read error = %v, want ErrTooLarge naming the input", err)
	}
	_, _, err = ReadFile(ctx, filepath.Join(dir, "missing.txt"), 0)
	if !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), "missing.txt") {
		t.Errorf("missing file error = %v", err)
	}
	_, _, err = ReadFile(ctx, dir, 0)
	if err == nil || !strings.Contains(err.Error(), "directory") {
		t.Errorf("directory error = %v", err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	_, _, err = Read(cancelled, strings.NewReader(tinyReport), "stdin", 0)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled Read error = %v", err)
	}
}

func TestDecodeUTF8Replacement(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ok", "ok"},
		{"a\xffb", "a\uFFFDb"},
		{"法\xe6\xb2", "法\uFFFD"},               // truncated 3-byte character: one replacement
		{"\xe6\xb2法", "\uFFFD法"},               // truncated before a valid one
		{"\xed\xa0\x80", "\uFFFD\uFFFD\uFFFD"}, // surrogate: each byte invalid
		{"\xf0\x9f\x98", "\uFFFD"},
		{"\xc0\xaf", "\uFFFD\uFFFD"},
	}
	for _, tt := range tests {
		if got := decodeUTF8([]byte(tt.in)); got != tt.want {
			t.Errorf("decodeUTF8(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(tinyReport), "report.txt")
	f.Add([]byte(tinyPortalPage), "page.html")
	f.Add(mustEncode(f, simplifiedchinese.GBK, tinyReport), "gbk.txt")
	f.Add(mustEncode(f, traditionalchinese.Big5, tinyReportTraditional), "big5.txt")
	f.Add([]byte("\xff\xfe\x00\x00"), "odd.txt")
	f.Add([]byte("<html><p>甲<br>乙</p></html>"), "x")
	seeds, _ := trySeedReports()
	for _, name := range slices.Sorted(maps.Keys(seeds)) {
		text := seeds[name]
		head := text[:utf8Prefix(text, 4<<10)]
		f.Add([]byte(text), name)
		f.Add([]byte(head), name)
		for _, e := range []encoding.Encoding{
			simplifiedchinese.GB18030,
			traditionalchinese.Big5,
			unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM),
			unicode.UTF16(unicode.BigEndian, unicode.UseBOM),
		} {
			if raw, err := e.NewEncoder().Bytes([]byte(head)); err == nil {
				f.Add(raw, name)
			}
		}
		page := "<html><head><meta charset=\"gbk\"><title>" + name + "</title><script>var a = 1;</script></head><body><div class=\"nav\">首页</div><div class=\"content\"><p>" +
			strings.ReplaceAll(head, "\n", "</p>\n<p>") + "</p></div></body></html>"
		if raw, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(page)); err == nil {
			f.Add(raw, name+".html")
		}
	}
	f.Fuzz(func(t *testing.T, raw []byte, name string) {
		in, err := Decode(raw, name)
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrNotText) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if !utf8.ValidString(in.Text) {
			t.Fatalf("text is not valid UTF-8: %q", in.Text)
		}
		if strings.Contains(in.Text, "\r") {
			t.Fatalf("text holds \\r: %q", in.Text)
		}
		if in.Format != FormatText && in.Format != FormatHTML || in.Encoding == "" {
			t.Fatalf("Format, Encoding = %q, %q", in.Format, in.Encoding)
		}
		if in.Format == FormatText && in.Encoding == "UTF-8" && utf8.Valid(raw) && !bytes.HasPrefix(raw, []byte("\xEF\xBB\xBF")) {
			if want := normalizeLineEndings(string(raw)); in.Text != want {
				t.Fatalf("valid UTF-8 text changed: %q → %q", raw, in.Text)
			}
		}
	})
}

// utf8Prefix returns the length of the longest prefix of s no longer than n
// bytes that ends on a character boundary.
func utf8Prefix(s string, n int) int {
	if n >= len(s) {
		return len(s)
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return n
}

func BenchmarkDecode(b *testing.B) {
	gbk := mustEncode(b, simplifiedchinese.GBK, strings.Repeat(tinyReport, 200))
	page := []byte(strings.Repeat(tinyPortalPage, 50))
	for _, bm := range []struct {
		name string
		raw  []byte
		file string
	}{
		{"utf8", []byte(strings.Repeat(tinyReport, 200)), "r.txt"},
		{"gbk-undeclared", gbk, "r.txt"},
		{"html", page, "p.html"},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.SetBytes(int64(len(bm.raw)))
			for b.Loop() {
				if _, err := Decode(bm.raw, bm.file); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func ExampleDecode() {
	page := `<html><head><meta charset="gb2312"><title>报告_门户网站</title></head>
<body><div class="nav">首页</div><p>一、主要举措</p><p>推进府检联动。</p></body></html>`
	raw, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(page))
	in, err := Decode(raw, "report.html")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(in.Format, in.Encoding)
	fmt.Println(in.Text)
	// Output:
	// html GB18030
	// 报告_门户网站
	// 一、主要举措
	// 推进府检联动。
}
