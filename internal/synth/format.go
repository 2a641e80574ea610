package synth

import (
	"fmt"
	"html"
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// look is how one report comes: format, encoding, furniture and layout.
type look struct {
	html, trad, gbk          bool
	taiwan, cornerQuotes     bool // traditional in Taiwan's forms, with 「」
	portal, meta, noTitle    bool
	crlf, blank, indent      bool
	half, asciiQuotes        bool
	encyclopedia, spam, sign bool
	metaFirst, twoLineTitle  bool
	addressee                bool
	sub                      int // layout of subsections (see renderer.layout)
	titleForm                int
	published                string // YYYY-MM-DD
	issuer                   string
	indexNo                  string
}

// lookOf draws how a report comes. A place keeps its title form and layout
// from year to year, mostly, as a portal keeps its templates.
func (c *corpus) lookOf(p *place, year int, r *rand.Rand) look {
	pr := rand.New(rand.NewPCG(c.seed, hash64(11, p.code)))
	sh := c.o.Shares
	var l look
	l.html = r.Float64() < sh.HTML
	if !l.html && sh.HTML < 1 {
		l.trad = r.Float64() < sh.Traditional/(1-sh.HTML)
	}
	if !l.trad && sh.Traditional < 1 {
		l.gbk = r.Float64() < sh.GB18030/(1-sh.Traditional)
	}
	l.portal = r.Float64() < sh.Portal
	l.meta = r.Float64() < sh.Metadata
	l.noTitle = r.Float64() < sh.NoTitle
	l.crlf = r.Float64() < sh.CRLF
	l.blank = pr.IntN(2) == 0
	l.indent = pr.IntN(3) == 0
	l.sub = pr.IntN(5)
	l.titleForm = pr.IntN(len(titleForms))
	if r.IntN(4) == 0 {
		l.sub = r.IntN(5)
		l.titleForm = r.IntN(len(titleForms))
	}
	l.half = r.IntN(9) == 0
	l.asciiQuotes = r.IntN(20) == 0
	l.encyclopedia = l.trad && r.IntN(2) == 0
	l.taiwan = l.trad && r.IntN(3) == 0
	l.cornerQuotes = l.trad && r.IntN(4) == 0
	l.spam = l.portal && r.IntN(12) == 0
	l.sign = r.IntN(5) < 2
	l.metaFirst = r.IntN(3) == 0
	l.twoLineTitle = !l.html && r.IntN(20) == 0
	l.addressee = r.IntN(5) == 0 || l.encyclopedia
	l.published = fmt.Sprintf("%d-%02d-%02d", year+1, 1+r.IntN(3), 1+r.IntN(28))
	l.issuer = oneOf(r, []string{p.name + "人民政府办公室", p.name + "司法局", p.name + "人民政府"})
	switch p.level {
	case "zone":
		l.issuer = oneOf(r, []string{p.name + "管理委员会", p.name + "党政办公室"})
	case "province":
		l.issuer = oneOf(r, []string{p.name + "人民政府办公厅", p.name + "司法厅", p.name + "人民政府"})
	}
	code := p.code
	switch r.IntN(3) {
	case 0:
		l.indexNo = fmt.Sprintf("%s000000/%d-%05d", code, year+1, r.IntN(100000))
	case 1:
		l.indexNo = fmt.Sprintf("11%s%04dA/%d-%05d", code, r.IntN(10000), year+1, r.IntN(100000))
	default:
		l.indexNo = fmt.Sprintf("00%s-%02d-%d-%04d", code, 1+r.IntN(12), year+1, r.IntN(10000))
	}
	return l
}

// titleForms are the ways titles go: {n} the name, {y} the year, {g} the
// government (人民政府, 管委会).
var titleForms = []string{
	"{n}{y}年法治政府建设年度报告",
	"{n}{g}{y}年法治政府建设年度报告",
	"{n}{g}关于{y}年度法治政府建设情况的报告",
	"{n}{y}年度法治政府建设情况报告",
	"{n}{y}年法治政府建设工作报告",
	"{n}{y}年法治政府建设工作总结",
	"关于{n}{y}年法治政府建设工作情况的报告",
	"{y}年{n}法治政府建设年度报告",
	"{n}{y}年度法治政府建设报告",
}

// title is the report's title.
func (w *renderer) title() string {
	p, r := w.p, w.r
	name := p.name
	if c := p.gz.City(); c != nil && p.level != "city" && r.IntN(3) == 0 {
		name = c.Name + p.name
	} else if p.level == "city" && r.IntN(5) == 0 {
		name = p.prov.name + p.name
	}
	g := "人民政府"
	if p.level == "zone" {
		g = oneOf(r, []string{"管委会", "管理委员会"})
	}
	return strings.NewReplacer("{n}", name, "{y}", strconv.Itoa(w.year), "{g}", g).Replace(titleForms[w.look.titleForm])
}

// front is what comes before the body: furniture, title, metadata,
// addressee.
func (w *renderer) front() []block {
	l, p, r := w.look, w.p, w.r
	var out []block
	title := w.title()
	if l.portal || l.html {
		out = append(out, block{kind: bCruft, text: oneOf(r, breadcrumbs)})
	}
	meta := w.metadata()
	if l.meta && l.metaFirst {
		out = append(out, meta...)
	}
	if !l.noTitle {
		t := title
		if l.spam {
			t += oneOf(r, []string{" -", "_", " - "}) + oneOf(r, spamSites)
		}
		if l.twoLineTitle {
			if i := strings.Index(t, "关于"); i > 0 {
				out = append(out, block{kind: bTitle, text: t[:i]}, block{kind: bTitle, text: t[i:]})
			} else {
				out = append(out, block{kind: bTitle, text: t})
			}
		} else {
			out = append(out, block{kind: bTitle, text: t})
		}
	}
	if l.portal && !l.html {
		out = append(out, block{kind: bCruft, text: oneOf(r, []string{
			"发布日期：" + l.published + " " + clock(r) + " 浏览次数：",
			"来源：" + l.issuer + "　发布时间：" + l.published,
			"【字体：大 中 小】【打印本页】【关闭窗口】",
		})})
	}
	if l.meta && !l.metaFirst {
		out = append(out, meta...)
	}
	if l.encyclopedia {
		out = append(out,
			block{kind: bFront, text: "《" + title + "》是" + strconv.Itoa(w.year+1) + "年" + p.name + "人民政府发布的报告。"},
			block{kind: bCruft, text: "基本介绍"},
			block{kind: bMeta, text: "中文名：" + title},
			block{kind: bMeta, text: "发布单位：" + l.issuer})
	}
	if l.addressee {
		switch {
		case p.parent != nil:
			out = append(out, block{kind: bFront, text: p.parent.name + "人民政府："})
		case p.level == "province":
			out = append(out, block{kind: bFront, text: "党中央、国务院："})
		}
	}
	return out
}

func clock(r *rand.Rand) string { return fmt.Sprintf("%02d:%02d", 8+r.IntN(10), r.IntN(60)) }

var breadcrumbs = []string{
	"当前位置：首页 > 政务公开 > 法定主动公开内容 > 法治政府建设",
	"您现在的位置：首页 > 信息公开 > 计划总结",
	"首页 > 政府信息公开 > 规划计划 > 工作总结",
	"当前位置：首页 > 政务公开 > 重点领域信息公开 > 法治政府建设年度报告",
	"您的位置：首页 > 政府信息公开目录 > 法治政府建设",
}

var spamSites = []string{"星辰娱乐官网入口", "优选导航网", "第一范文网", "文库下载站", "百家资讯平台"}

// metadata is the block of portal metadata in one of its layouts.
func (w *renderer) metadata() []block {
	l, r := w.look, w.r
	switch r.IntN(3) {
	case 0:
		return []block{
			{kind: bMeta, text: "索引号：" + l.indexNo},
			{kind: bMeta, text: "发布机构：" + l.issuer},
			{kind: bMeta, text: "公开方式：主动公开"},
			{kind: bMeta, text: "成文日期：" + l.published},
			{kind: bMeta, text: "发布日期：" + l.published},
		}
	case 1:
		return []block{
			{kind: bMeta, text: "索引号：" + l.indexNo + "　　发布机构：" + l.issuer},
			{kind: bMeta, text: "公开方式：主动公开　　组配分类：法治政府建设"},
			{kind: bMeta, text: "成文日期：" + l.published + "　　发布日期：" + l.published},
		}
	}
	return []block{
		{kind: bMeta, text: "索引号: " + l.indexNo + " 公开方式: 主动公开"},
		{kind: bMeta, text: "发布单位: " + l.issuer + " 生成日期: " + l.published},
		{kind: bMeta, text: "主题分类: 综合政务"},
	}
}

// back is what follows the plans: signature and furniture.
func (w *renderer) back() []block {
	l, p, r := w.look, w.p, w.r
	var out []block
	if l.sign {
		signer := p.name + "人民政府"
		if p.level == "zone" {
			signer = p.name + "管理委员会"
		}
		y, m, d := w.year+1, 1+r.IntN(3), 1+r.IntN(28)
		out = append(out, block{kind: bSign, text: signer}, block{kind: bSign, text: fmt.Sprintf("%d年%d月%d日", y, m, d)})
	}
	office := "人民政府办公室"
	if p.level == "zone" {
		office = "管委会办公室"
	}
	if l.portal || l.html {
		out = append(out,
			block{kind: bCruftFoot, text: "【打印本页】【关闭窗口】"},
			block{kind: bCruftFoot, text: "上一篇：" + oneOf(r, []string{"关于公布" + p.name + "行政许可事项清单的通知", strconv.Itoa(w.year+1) + "年政府工作报告", "关于印发" + strconv.Itoa(w.year+1) + "年法治政府建设工作要点的通知"})},
			block{kind: bCruftFoot, text: "下一篇：" + oneOf(r, []string{"关于开展" + strconv.Itoa(w.year+1) + "年度行政执法案卷评查工作的通知", strconv.Itoa(w.year) + "年度政府信息公开工作年度报告"})},
			block{kind: bCruftFoot, text: "主办单位：" + p.name + office + "　网站标识码：" + fmt.Sprintf("%010d", r.IntN(1e9)) + "　" + provAbbr(p) + "ICP备" + fmt.Sprintf("%08d", r.IntN(1e8)) + "号"},
		)
	}
	return out
}

// provAbbr is the one-character abbreviation of the place's province.
func provAbbr(p *place) string {
	abbr := map[string]string{"11": "京", "12": "津", "13": "冀", "14": "晋", "15": "蒙", "21": "辽", "22": "吉", "23": "黑",
		"31": "沪", "32": "苏", "33": "浙", "34": "皖", "35": "闽", "36": "赣", "37": "鲁", "41": "豫", "42": "鄂", "43": "湘",
		"44": "粤", "45": "桂", "46": "琼", "50": "渝", "51": "川", "52": "贵", "53": "云", "54": "藏", "61": "陕", "62": "甘",
		"63": "青", "64": "宁", "65": "新"}
	if a, ok := abbr[p.prov.code]; ok {
		return a
	}
	return ""
}

// report is one rendered report: its bytes and its truth.
type report struct {
	truth Report
	bytes []byte
}

// format writes the blocks as the report's file and fills in its truth.
func (c *corpus) format(w *renderer, blocks []block) report {
	l := w.look
	conv := func(s string) string {
		if l.trad {
			s = c.traditional(s, l.taiwan)
			if l.cornerQuotes {
				s = cornerQuotes.Replace(s)
			}
		}
		if l.half {
			s = halfWidth.Replace(s)
		}
		if l.asciiQuotes {
			s = asciiQuotes.Replace(s)
		}
		return s
	}
	simple := make([]string, len(blocks))
	for i := range blocks {
		simple[i] = blocks[i].text
		blocks[i].text = conv(blocks[i].text)
	}
	// written is a surface as the report writes it: taken from the
	// converted line at its place, as the conversion to traditional
	// characters goes by phrases (告知承诺制成效 becomes 告知承諾製成效)
	written := func(surface string) string {
		for i, line := range simple {
			j := strings.Index(line, surface)
			if j < 0 {
				continue
			}
			from, n := utf8.RuneCountInString(line[:j]), utf8.RuneCountInString(surface)
			if out := []rune(blocks[i].text); len(out) == utf8.RuneCountInString(line) {
				return string(out[from : from+n])
			}
			break
		}
		return conv(surface)
	}
	var text string
	if l.html {
		text = c.page(w, blocks)
	} else {
		text = plain(l, blocks)
	}
	rt := Report{
		Place: w.p.code, Name: w.p.gz.FullName(), Level: w.p.level, Year: w.year,
		Format: "text", Encoding: "UTF-8", Script: "simplified",
		Published: l.published, Chars: utf8.RuneCountInString(text),
		Achieved: []Mention{}, Planned: []Mention{},
	}
	if l.html {
		rt.Chars = utf8.RuneCountInString(plain(l, blocks))
	}
	ext := ".txt"
	if l.html {
		rt.Format, ext = "html", ".html"
	}
	if l.trad {
		rt.Script = "traditional"
	}
	if !l.noTitle {
		rt.Title = conv(w.title())
		for _, b := range blocks {
			if b.kind == bTitle {
				rt.Title = b.text
				break
			}
		}
	}
	rt.File = "reports/" + strconv.Itoa(w.year) + "/" + w.p.code + ext
	for _, t := range w.ach {
		rt.Achieved = append(rt.Achieved, mentionOf(t, written))
	}
	for _, t := range w.plan {
		rt.Planned = append(rt.Planned, mentionOf(t, written))
	}
	for _, t := range w.lack {
		rt.Lacking = append(rt.Lacking, mentionOf(t, written))
	}
	if l.crlf && !l.html {
		text = strings.ReplaceAll(text, "\n", "\r\n")
	}
	data := []byte(text)
	if l.gbk {
		rt.Encoding = "GB18030"
		enc, err := simplifiedchinese.GB18030.NewEncoder().Bytes(data)
		if err != nil {
			panic(fmt.Sprintf("synth: GB18030 cannot encode %s: %v", rt.File, err)) // it encodes all of Unicode
		}
		data = enc
	}
	return report{truth: rt, bytes: data}
}

var (
	halfWidth    = strings.NewReplacer("（", "(", "）", ")", "，", ",", "：", ":", "；", ";")
	asciiQuotes  = strings.NewReplacer("“", "\"", "”", "\"")
	cornerQuotes = strings.NewReplacer("“", "「", "”", "」")
)

// traditional converts simplified text to traditional characters, in
// OpenCC's standard forms or in Taiwan's.
func (c *corpus) traditional(s string, taiwan bool) string {
	load := s2t
	if taiwan {
		load = s2tw
	}
	cc, err := load() // loaded by newCorpus already
	if err != nil {
		return s
	}
	if t, err := cc.Convert(s); err == nil {
		return t
	}
	return s // the dictionaries are embedded and complete: this does not happen
}

// plain writes the blocks as a text file.
func plain(l look, blocks []block) string {
	var b strings.Builder
	sep := "\n"
	if l.blank {
		sep = "\n\n"
	}
	for i, bl := range blocks {
		if i > 0 {
			switch {
			case bl.kind == bMeta && blocks[i-1].kind == bMeta, bl.kind == bSign && blocks[i-1].kind == bSign,
				bl.kind == bCruftFoot && blocks[i-1].kind == bCruftFoot, bl.kind == bTitle && blocks[i-1].kind == bTitle:
				b.WriteString("\n")
			default:
				b.WriteString(sep)
			}
		}
		if l.indent && (bl.kind == bPara || bl.kind == bHeading || bl.kind == bSubhead) {
			b.WriteString("　　")
		}
		b.WriteString(bl.text)
	}
	b.WriteString("\n")
	return b.String()
}

// page writes the blocks as a portal's HTML page.
func (c *corpus) page(w *renderer, blocks []block) string {
	l, p := w.look, w.p
	esc := html.EscapeString
	charset := "utf-8"
	if l.gbk {
		charset = "gb2312"
	}
	title := w.title()
	for _, b := range blocks {
		if b.kind == bTitle {
			title = b.text
			break
		}
	}
	site := p.name + "人民政府"
	var b strings.Builder
	b.Grow(16 << 10)
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"%s\">\n", charset)
	fmt.Fprintf(&b, "<title>%s_%s</title>\n", esc(title), esc(site))
	fmt.Fprintf(&b, "<meta name=\"keywords\" content=\"法治政府建设,年度报告,%s\">\n", esc(p.name))
	b.WriteString("<link rel=\"stylesheet\" href=\"/static/css/article.css\">\n")
	fmt.Fprintf(&b, "<script type=\"text/javascript\">var siteName = \"%s\"; var columnName = \"法治政府建设\";</script>\n", esc(site))
	b.WriteString("</head>\n<body>\n")
	b.WriteString("<div class=\"top\"><a href=\"/\">首页</a> | <a href=\"/zwgk/\">政务公开</a> | <a href=\"/bsfw/\">办事服务</a> | <a href=\"/hdjl/\">互动交流</a></div>\n")
	var meta []block
	for _, bl := range blocks {
		if bl.kind == bMeta {
			meta = append(meta, bl)
		}
	}
	for _, bl := range blocks {
		if bl.kind == bCruft {
			fmt.Fprintf(&b, "<div class=\"position\">%s</div>\n", esc(bl.text))
			break
		}
	}
	if len(meta) > 0 {
		b.WriteString("<table class=\"xxgk-meta\">\n")
		for _, m := range meta {
			fmt.Fprintf(&b, "<tr><td>%s</td></tr>\n", esc(m.text))
		}
		b.WriteString("</table>\n")
	}
	b.WriteString("<div class=\"article\">\n")
	titled := false
	for _, bl := range blocks {
		if bl.kind == bTitle {
			fmt.Fprintf(&b, "<h1 class=\"title\">%s</h1>\n", esc(bl.text))
			titled = true
		}
	}
	if titled {
		fmt.Fprintf(&b, "<div class=\"info\">发布时间：%s　来源：%s　【字体：<a href=\"javascript:doZoom(16)\">大</a> <a href=\"javascript:doZoom(14)\">中</a> <a href=\"javascript:doZoom(12)\">小</a>】</div>\n",
			esc(l.published), esc(l.issuer))
	}
	b.WriteString("<div class=\"content\" id=\"zoom\">\n")
	for _, bl := range blocks {
		switch bl.kind {
		case bFront, bPara, bSign:
			fmt.Fprintf(&b, "<p style=\"text-indent: 2em;\">%s</p>\n", esc(bl.text))
		case bHeading, bSubhead:
			fmt.Fprintf(&b, "<p style=\"text-indent: 2em;\"><strong>%s</strong></p>\n", esc(bl.text))
		}
	}
	b.WriteString("</div>\n</div>\n<div class=\"footer\">\n")
	for _, bl := range blocks {
		if bl.kind == bCruftFoot {
			fmt.Fprintf(&b, "<p>%s</p>\n", esc(bl.text))
		}
	}
	b.WriteString("</div>\n</body>\n</html>\n")
	return b.String()
}
