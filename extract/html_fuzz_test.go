package extract

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzHTMLText checks the HTML text extraction of Decode, by the tree and by
// the flat fallback for deep documents: it never panics, returns valid
// UTF-8 without \r, trailing white space or runs of blank lines, and on
// markup-free input keeps every character that is not white space, in order.
func FuzzHTMLText(f *testing.F) {
	f.Add(tinyPortalPage)
	f.Add(tinyArticlePage)
	f.Add(`<p>甲<script>乙</script>丙</p><table><tr><td>一</td><td>二</td></tr></table>`)
	f.Add(strings.Repeat(`<div class="content"><span>`, 600) + "深处")
	f.Add("<title>标题</title><h1> </h1><pre>一\n  二</pre><br><br><br>")
	seeds, _ := trySeedReports()
	for _, name := range slices.Sorted(maps.Keys(seeds)) {
		text := seeds[name]
		f.Add(text)
		head := text[:utf8Prefix(text, 4<<10)]
		f.Add(`<html><head><title>` + name + `</title><style>p{}</style></head><body><div id="breadcrumb">首页 &gt; 政务公开</div><div class="article"><p>` +
			strings.ReplaceAll(head, "\n", "</p>\n<p>") + `</p></div><div class="footer">版权所有</div></body></html>`)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, way := range []struct {
			name string
			text func(string) string
		}{{"tree", htmlText}, {"flat", htmlTextFlat}} {
			got := way.text(src)
			if utf8.ValidString(src) && !utf8.ValidString(got) {
				t.Fatalf("%s: text is not valid UTF-8: %q", way.name, got)
			}
			if strings.Contains(got, "\r") || strings.Contains(got, "\n\n\n") {
				t.Fatalf("%s: text holds \\r or a run of blank lines: %q", way.name, got)
			}
			for _, l := range strings.Split(got, "\n") {
				if strings.TrimRightFunc(l, unicode.IsSpace) != l {
					t.Fatalf("%s: line %q ends in white space", way.name, l)
				}
			}
			if plainText(src) {
				if want, have := visible(src), visible(got); have != want {
					t.Fatalf("%s: plain text changed its characters:\n%q\nbecame\n%q", way.name, want, have)
				}
			}
		}
	})
}

// plainText reports whether s is valid UTF-8 with no markup, entities or
// control characters: text an HTML parser must pass through.
func plainText(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsAny(s, "<&\r") &&
		!strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 && r != '\n' && r != '\t' || r == 0x7F || r == utf8.RuneError })
}

// visible drops the white space from s.
func visible(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
