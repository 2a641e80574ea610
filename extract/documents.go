package extract

import (
	"regexp"
	"strings"
	"unicode"
)

// titleSpan is a 《》 title: outer bounds include the brackets.
type titleSpan struct {
	start, end int // the brackets
	inner      bool
}

// findTitles returns the 《》 titles of the text, outer and nested, in order.
// A title never crosses a line and is at most 150 characters long.
func findTitles(t text) []titleSpan {
	var out []titleSpan
	for i := 0; i < len(t); i++ {
		if t[i] != '《' {
			continue
		}
		depth := 0
		for j := i; j < len(t) && j < i+152; j++ {
			switch t[j] {
			case '\n':
				j = len(t)
				continue
			case '《':
				depth++
			case '》':
				depth--
				if depth == 0 {
					out = append(out, titleSpan{start: i, end: j + 1})
					// nested titles: 《…〈…〉…》, 《…<…>…》, 《…《…》…》
					out = append(out, innerTitles(t, i+1, j)...)
					i = j
					j = len(t)
				}
			}
		}
	}
	return out
}

func innerTitles(t text, s, e int) []titleSpan {
	var out []titleSpan
	pairs := map[rune]rune{'〈': '〉', '<': '>', '《': '》'}
	for i := s; i < e; i++ {
		close, ok := pairs[t[i]]
		if !ok {
			continue
		}
		for j := i + 1; j < e; j++ {
			if t[j] == close {
				if j-i > 3 {
					out = append(out, titleSpan{start: i, end: j + 1, inner: true})
				}
				i = j
				break
			}
		}
	}
	return out
}

var (
	dashRe = regexp.MustCompile(`[—–－‒―~～-]+`)
)

// docKey is a document's identity: its title without punctuation, spaces
// and quotes, so that one document has one key however it is punctuated.
func docKey(title string) string {
	var b strings.Builder
	for _, r := range title {
		if unicode.Is(unicode.Han, r) || unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// cleanDocTitle normalises a title for display: spaces collapsed, dashes
// unified to the Chinese dash in year ranges.
func cleanDocTitle(s string) string {
	s = strings.TrimSpace(s)
	s = dashRe.ReplaceAllStringFunc(s, func(d string) string { return "—" })
	return s
}

var docKinds = []struct {
	re   *regexp.Regexp
	kind string
}{
	{regexp.MustCompile(`(日报|晚报|时报|法制报|法治报|周刊|月刊|杂志|内参|学习强国|新闻网|网|电视台|频道|简报|快报|专刊|期刊|法苑)$`), "媒体或刊物"},
	{regexp.MustCompile(`^中华人民共和国.*法$|^[^省市县区]{2,12}法$`), "法律"},
	{regexp.MustCompile(`法实施条例$|^(中华人民共和国)?[^省市县区]{2,20}条例$`), "行政法规"},
	{regexp.MustCompile(`条例$`), "地方性法规"},
	{regexp.MustCompile(`纲要(\(.*\))?$`), "纲要"},
	{regexp.MustCompile(`规划(\(.*\))?$`), "规划"},
	{regexp.MustCompile(`意见(\(.*\))?$`), "意见"},
	{regexp.MustCompile(`通知$`), "通知"},
	{regexp.MustCompile(`(方案|计划|预案)(\(.*\))?$`), "方案"},
	{regexp.MustCompile(`(办法|规定|细则|规则)(\(.*\))?$`), "规范性文件"},
	{regexp.MustCompile(`决定$`), "决定"},
	{regexp.MustCompile(`报告(\(.*\))?$`), "报告"},
}

var provincialRe = regexp.MustCompile(`^[\p{Han}]{2,8}(省|自治区)`)

func docKind(title string) string {
	k := strings.TrimSpace(title)
	for _, d := range docKinds {
		if d.re.MatchString(k) {
			if d.kind == "规范性文件" && provincialRe.MatchString(k) && strings.HasSuffix(k, "规定") {
				return "规章"
			}
			return d.kind
		}
	}
	return "其他"
}

var (
	issueVerbRe = regexp.MustCompile(`(出台|印发|制定|制发|发布|颁布|下发|起草|编制|修订|联合印发|共同出台|发出)了?$`)
	citeVerbRe  = regexp.MustCompile(`(落实|贯彻|学习|依据|按照|根据|对标|执行|遵循|对照|宣传|传达)`)
)

// documents finds the documents cited in 《》 and their issuers.
func (x *doc) documents() {
	t := x.t
	byKey := map[string]*Document{}
	var order []string
	for _, ts := range findTitles(t) {
		if x.inCruft(ts.start) {
			continue
		}
		raw := t.str(ts.start+1, ts.end-1)
		title := cleanDocTitle(raw)
		key := docKey(title)
		if len([]rune(key)) < 2 || len([]rune(title)) > 120 {
			continue
		}
		x.docSpans = append(x.docSpans, [2]int{ts.start, ts.end})
		m, ok := x.mention(ts.start+1, ts.end-1)
		if !ok {
			continue
		}
		d := byKey[key]
		if d == nil {
			d = &Document{Title: title, Kind: docKind(title)}
			byKey[key] = d
			order = append(order, key)
		}
		if d.Issuer == "" && !ts.inner {
			d.Issuer = x.docIssuer(ts.start, ts.end, title)
		}
		d.Mentions = append(d.Mentions, m)
	}
	for _, k := range order {
		x.rep.Documents = append(x.rep.Documents, *byKey[k])
	}
}

// docIssuer returns the issuer of the document cited at [s, e): a body the
// title starts with, a body right before it, or the bodies of its clause
// that an issuing verb (出台, 印发 …) joins to it.
func (x *doc) docIssuer(s, e int, title string) string {
	for _, b := range x.bodyAt {
		if b.start == s+1 {
			return b.name
		}
	}
	// bodies of the clause before the title
	cs := s
	for cs > 0 && !strings.ContainsRune("。;；,，:：\n", x.t[cs-1]) {
		cs--
	}
	var names []string
	last := -1
	for _, b := range x.bodyAt {
		if b.start >= cs && b.end <= s {
			if !contains(names, b.name) {
				names = append(names, b.name)
			}
			last = b.end
		}
	}
	if len(names) == 0 {
		return ""
	}
	between := x.t.str(last, s)
	if between == "" || (issueVerbRe.MatchString(between) && !citeVerbRe.MatchString(between)) {
		return strings.Join(names, "、")
	}
	return ""
}
