package extract

import (
	"regexp"
	"strings"
	"unicode"
)

// lineClass says what a line of the report is.
type lineClass int

const (
	lineBlank lineClass = iota
	lineCruft           // portal navigation, print buttons, site names
	lineMeta            // metadata block: 索引号, 发布机构, 成文日期 …
	lineFront           // title, addressee, description: outside the body
	lineBody            // the report itself
	lineSign            // signature block at the end: issuer, date
)

type line struct {
	start, end int // normalised rune offsets, trimmed of spaces and bullets
	class      lineClass
}

// text is the normalised text of a report with helpers over rune offsets.
type text []rune

func (t text) str(start, end int) string {
	if start < 0 {
		start = 0
	}
	if end > len(t) {
		end = len(t)
	}
	if start >= end {
		return ""
	}
	return string(t[start:end])
}

// has reports whether the text at i reads w, without allocating.
func (t text) has(i int, w string) bool {
	if i < 0 {
		return false
	}
	for _, r := range w {
		if i >= len(t) || t[i] != r {
			return false
		}
		i++
	}
	return true
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '•' || r == '·' || r == '\u2022'
}

// splitLines cuts the text into trimmed lines.
func splitLines(t text) []line {
	var lines []line
	st := 0
	for i := 0; i <= len(t); i++ {
		if i < len(t) && t[i] != '\n' {
			continue
		}
		s, e := st, i
		for s < e && isSpace(t[s]) {
			s++
		}
		for e > s && isSpace(t[e-1]) {
			e--
		}
		lines = append(lines, line{start: s, end: e})
		st = i + 1
	}
	return lines
}

// Metadata keys of government portals, simplified; values follow a colon.
var metaKeys = []string{
	"索引号", "发布机构", "发布单位", "发文机关", "发文机构", "发文单位", "公开方式", "组配分类", "主题分类",
	"体裁分类", "服务对象分类", "成文日期", "发文日期", "发布日期", "生成日期", "发布时间", "印发日期",
	"失效日期", "有效性", "文号", "发文字号", "来源", "信息来源", "作者", "浏览次数", "访问量", "点击数",
	"中文名", "公开时限", "公开范围", "主题词", "时效", "所属机构", "主办单位", "字号", "字体",
}

var metaKeyRe = regexp.MustCompile(`(` + strings.Join(metaKeys, "|") + `)\s*[:：]\s*`)

// mayBeMeta reports whether a colon comes early enough in s for it to
// start with a metadata key.
func mayBeMeta(s string) bool {
	n := 0
	for _, r := range s {
		if r == ':' || r == '：' {
			return true
		}
		if n++; n > 12 {
			return false
		}
	}
	return false
}

// parseMeta reads "key: value" pairs from a line; several may share it.
func parseMeta(s string) map[string]string {
	locs := metaKeyRe.FindAllStringSubmatchIndex(s, -1)
	if len(locs) == 0 {
		return nil
	}
	// the line must start with a key (after bullets) to be metadata
	if strings.TrimSpace(s[:locs[0][0]]) != "" {
		return nil
	}
	m := map[string]string{}
	for i, l := range locs {
		key := s[l[2]:l[3]]
		end := len(s)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		v := strings.TrimSpace(s[l[1]:end])
		if _, ok := m[key]; !ok || m[key] == "" {
			m[key] = v
		}
	}
	return m
}

var (
	cruftStart = []string{
		"当前位置", "您的位置", "您现在的位置", "你的位置", "你现在的位置", "位置:", "首页", "打印本页", "打印此页", "关闭窗口",
		"【打印", "[打印", "【关闭", "【字体", "【 字体", "[字体", "字号:", "上一篇", "下一篇", "网站地图", "热搜",
		"分享到", "分享:", "扫一扫", "相关链接", "相关词条", "热门词条", "联络我们", "联系我们", "版权所有",
		"主办单位", "主办:", "承办单位", "协办:", "技术支持", "网站标识码", "ICP", "京ICP", "返回顶部", "返回首页", "收藏本页",
		"基本介绍", "相关文章", "相关阅读", "责任编辑", "编辑:", "审核:", "【大", "【我要纠错", "我要纠错",
		"附件:", "附件下载", "浏览次数", "视力保护色", "来源:", "作者:",
	}
	cruftExact   = map[string]bool{"打印": true, "关闭": true, "|": true, ">": true, "收藏": true, "分享": true, "首页": true}
	breadcrumbRe = regexp.MustCompile(`(\s>\s|>|＞|»|›|→).*(>|＞|»|›|→)|^>`)
	dateOnlyRe   = regexp.MustCompile(`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$`)
	addresseeRe  = regexp.MustCompile(`^[\p{Han}、]{2,30}[:：]$`)
	describeRe   = regexp.MustCompile(`^《[^》]+》是\d{4}年.{2,30}(发布|印发)的`)
)

// classifyLine decides what a non-blank line is, from its text alone.
func classifyLine(s string) lineClass {
	if s == "" {
		return lineBlank
	}
	if cruftExact[s] {
		return lineCruft
	}
	if mayBeMeta(s) && parseMeta(s) != nil {
		return lineMeta
	}
	for _, p := range cruftStart {
		if strings.HasPrefix(s, p) {
			return lineCruft
		}
	}
	n := len([]rune(s))
	if n < 120 && !strings.ContainsAny(s, "。；") && breadcrumbRe.MatchString(s) {
		return lineCruft
	}
	han := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			han++
		}
	}
	if han == 0 {
		return lineCruft
	}
	if describeRe.MatchString(s) {
		return lineFront
	}
	return lineBody
}

// Headings: 一、 / (一) / 1. at the start of a line.
var (
	heading1Re = regexp.MustCompile(`^[一二三四五六七八九十]{1,3}\s*[、.．]`)
	heading2Re = regexp.MustCompile(`^[(（][一二三四五六七八九十]{1,3}[)）]`)
	heading3Re = regexp.MustCompile(`^\d{1,2}\s*[、.．](\D|$)`)
)

func headingLevel(s string) int {
	switch {
	case heading1Re.MatchString(s):
		return 1
	case heading2Re.MatchString(s):
		return 2
	case heading3Re.MatchString(s):
		return 3
	}
	return 0
}

// headingText is the heading part of a line: the line itself when short,
// else its first sentence when that is short.
func headingText(s string) string {
	rs := []rune(s)
	for i, r := range rs {
		if r == '。' || r == '!' || r == '?' {
			if i <= 60 {
				return string(rs[:i])
			}
			break
		}
	}
	if len(rs) <= 60 {
		return s
	}
	return ""
}

var (
	planHeadRe    = regexp.MustCompile(`下一年|下一步|下步|下一阶段|下阶段|明年|今后|来年|工作安排|工作计划|工作打算|工作思路|工作任务|工作要点|重点工作|重点任务|工作重点|努力方向|工作方向|工作展望|打算|工作设想|工作谋划`)
	problemHeadRe = regexp.MustCompile(`不足|问题|差距|短板|薄弱|困难|需要改进|有待改进|有待加强|有待提升`)
	yearRe        = regexp.MustCompile(`(\d{4})\s*年`)
	planParaRe    = regexp.MustCompile(`^(下一步|下步|今后|明年|新的一年|(\d{4})\s*年)[,，]?.{0,24}将`)
	problemParaRe = regexp.MustCompile(`(存在|还有|仍有|面临|但).{0,24}(不足|问题|短板|差距|薄弱|困难)`)
)

// sectionStatus classifies a heading for a report covering year.
func sectionStatus(h string, year int) (Status, bool) {
	if m := yearRe.FindStringSubmatch(h); m != nil && year > 0 {
		if y := atoi(m[1]); y > year {
			return Planned, true
		}
	}
	if planHeadRe.MatchString(h) {
		return Planned, true
	}
	if problemHeadRe.MatchString(h) && !problemSolvedRe.MatchString(h) {
		return Problem, true
	}
	return Achieved, false
}

// problemSolvedRe matches a heading of work done on problems (整治突出问题,
// 补齐基层短板, 着力解决群众反映强烈的问题): an achievement, not a shortcoming.
var problemSolvedRe = regexp.MustCompile(`(整治|解决|破解|化解|聚焦|针对|回应|治理|纠正|整改|补齐|补强|弥补|克服|攻克|查处|排查)[^，,。；]{0,10}(问题|短板|困难|薄弱|不足|差距)`)

// paragraphStatus looks at the first sentence of a paragraph for a plan or
// an admitted shortcoming that its section heading does not announce.
func paragraphStatus(first string, year int) (Status, bool) {
	if m := planParaRe.FindStringSubmatch(first); m != nil {
		if m[2] == "" || year == 0 || atoi(m[2]) > year {
			return Planned, true
		}
	}
	if problemParaRe.MatchString(first) && len([]rune(first)) < 160 {
		if strings.Contains(first, "成绩") || strings.Contains(first, "成效") || strings.HasSuffix(first, ":") || strings.HasSuffix(first, ":。") {
			return Problem, true
		}
	}
	return "", false
}

// A sentence among achievements that states something not yet done: the
// next step (下一步，将在…试点), a start planned for a later year (计划于2021年
// 启动, 拟于2019年推行), work still in preparation (正在筹建, 预计…投入运行) or a
// draft awaiting approval (实施方案（征求意见稿），待…审议后实施).
var (
	planLeadRe  = regexp.MustCompile(`^(下一步|下步|下一阶段|下阶段|今后|明年|下一年度?)[,，:：]?`)
	planYearRe  = gate(`(计划|拟|预计|准备|打算|力争|争取)(于|在|到)?\s*(\d{4})\s*年`, words("计划|拟|预计|准备|打算|力争|争取"), words("年"))
	preparingRe = gate(`正在(筹建|筹备|筹划|谋划|酝酿|研究制定|研究起草|起草|论证)|预计.{0,16}(投入运行|投入使用|正式运行|建成|上线|实施)|(征求意见稿|送审稿|草案).{0,4}[,，)）].{0,6}待.{0,20}(审议|审定|通过|批准|印发)后`,
		words("正在|预计|征求意见稿|送审稿|草案"))
)

// sentencePlanned reports whether a sentence of a report covering year
// states a plan, whatever its section says.
func sentencePlanned(s string, year int) bool {
	if planLeadRe.MatchString(s) || preparingRe.MatchString(s) {
		return true
	}
	for _, m := range planYearRe.FindAllStringSubmatch(s, -1) {
		if year > 0 && atoi(m[3]) > year {
			return true
		}
	}
	return false
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return n
		}
		n = n*10 + int(r-'0')
	}
	return n
}

// sentenceEnd reports whether r ends a sentence.
func sentenceEnd(r rune) bool {
	return r == '。' || r == '!' || r == '?' || r == '！' || r == '？'
}

// splitSentences cuts a body line into sentences; quoted and titled spans
// (“…”, 《…》) are not cut when they close within the line.
func splitSentences(t text, ln line) [][2]int {
	var out [][2]int
	st := ln.start
	depth := 0
	for i := ln.start; i < ln.end; i++ {
		switch t[i] {
		case '《', '“':
			depth++
		case '》', '”':
			if depth > 0 {
				depth--
			}
		}
		if sentenceEnd(t[i]) && (depth == 0 || !closesBefore(t, i, ln.end)) {
			depth = 0
			j := i + 1
			for j < ln.end && (t[j] == '”' || t[j] == '’' || t[j] == ')' || sentenceEnd(t[j])) {
				j++
			}
			out = append(out, [2]int{st, j})
			i = j - 1
			st = j
			for st < ln.end && isSpace(t[st]) {
				st++
			}
		}
	}
	if st < ln.end {
		out = append(out, [2]int{st, ln.end})
	}
	return out
}

func closesBefore(t text, i, end int) bool {
	for j := i; j < end && j < i+80; j++ {
		if t[j] == '》' || t[j] == '”' {
			return true
		}
	}
	return false
}
