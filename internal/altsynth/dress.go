package altsynth

import (
	"fmt"
	"html"
	"math/rand/v2"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

// Shares of the forms reports come in.
const (
	shareHTML         = 0.15
	shareTraditional  = 0.08 // of text files
	shareGB18030      = 0.10
	shareNoTitle      = 0.05 // of text files
	shareMetadata     = 0.40
	sharePortal       = 0.35 // of text files
	shareSpam         = 0.03
	shareLetter       = 0.20 // addressed to the level above, signed at the end
	shareEncyclopedia = 0.4  // of traditional ones: an encyclopedia's copy
	shareHalfWidth    = 0.05
	shareIndent       = 0.30
	shareCRLF         = 0.10
	shareWrapped      = 0.03 // hard line breaks as copied from a PDF
	sharePlusLost     = 0.30 // of HTML pages: “1+3” shown as “1 3”
	shareEntities     = 0.30 // of HTML pages: quotes as &ldquo; &rdquo;
)

// converters are OpenCC's, loaded once: s2t, s2tw, s2twp (which also
// swaps mainland terms for Taiwan's, as some copies do) and t2s for
// normalising.
var converters = sync.OnceValues(func() (map[string]*opencc.OpenCC, error) {
	out := make(map[string]*opencc.OpenCC)
	for _, name := range []string{"s2t", "s2tw", "s2twp", "t2s"} {
		cc, err := opencc.New(name)
		if err != nil {
			return nil, fmt.Errorf("loading OpenCC %s: %w", name, err)
		}
		out[name] = cc
	}
	return out, nil
})

// dress is how one report is written out: format, script, encoding and
// furniture.
type dress struct {
	html, gb18030, noTitle, metadata, portal, spam, letter bool
	encyclopedia, halfWidth, indent, crlf, wrapped         bool
	plusLost, entities                                     bool
	script                                                 string // "", s2t, s2tw, s2twp
	corners                                                bool   // 「」 for “”
	charset                                                string // an HTML page's declared charset
	title                                                  string // simplified
	published                                              string // YYYY-MM-DD
	cc                                                     *opencc.OpenCC
}

func newDress(rng *rand.Rand) dress {
	var d dress
	d.html = rng.Float64() < shareHTML
	d.gb18030 = rng.Float64() < shareGB18030
	if d.html {
		d.plusLost = rng.Float64() < sharePlusLost
		d.entities = rng.Float64() < shareEntities
		d.charset = "utf-8"
		if d.gb18030 {
			d.charset = []string{"gb2312", "GBK", "gb18030"}[rng.IntN(3)]
		}
	} else {
		if rng.Float64() < shareTraditional {
			d.script = []string{"s2t", "s2tw", "s2twp"}[rng.IntN(3)]
			d.corners = d.script != "s2t" && rng.Float64() < 0.6
			d.encyclopedia = rng.Float64() < shareEncyclopedia
		}
		d.noTitle = !d.encyclopedia && rng.Float64() < shareNoTitle
		d.portal = !d.encyclopedia && rng.Float64() < sharePortal
		d.halfWidth = rng.Float64() < shareHalfWidth
		d.indent = rng.Float64() < shareIndent
		d.crlf = rng.Float64() < shareCRLF
		d.wrapped = rng.Float64() < shareWrapped
	}
	d.metadata = !d.encyclopedia && rng.Float64() < shareMetadata
	d.spam = !d.noTitle && rng.Float64() < shareSpam
	d.letter = rng.Float64() < shareLetter
	return d
}

// text dresses a piece of text: script, quotes, punctuation. It works on
// any piece alone, so a surface dressed alone reads as it does in the
// dressed report.
func (d *dress) text(s string) string {
	if d.cc != nil {
		if out, err := d.cc.Convert(s); err == nil {
			s = out
		}
	}
	if d.corners {
		s = strings.NewReplacer("“", "「", "”", "」", "‘", "『", "’", "』").Replace(s)
	}
	if d.halfWidth {
		s = strings.NewReplacer("，", ",", "：", ":", "；", ";", "（", "(", "）", ")", "“", "\"", "”", "\"").Replace(s)
	}
	if d.plusLost {
		s = strings.ReplaceAll(s, "+", " ")
	}
	return s
}

// body dresses a marked paragraph and drops the marks.
func (d *dress) body(s string) string {
	var b strings.Builder
	for s != "" {
		i := strings.IndexAny(s, markOpen+markClose+docOpen+docClose)
		if i < 0 {
			b.WriteString(d.text(s))
			break
		}
		b.WriteString(d.text(s[:i]))
		s = s[i+1:]
	}
	return b.String()
}

// unmark drops the marks of a composed text.
func unmark(s string) string {
	return strings.NewReplacer(markOpen, "", markClose, "", docOpen, "", docClose, "").Replace(s)
}

// titles of reports: {name} the place, {full} its full name, {city} its
// city, {y} the year, {gov} 人民政府 or 管委会.
var titles = []string{
	"{name}{y}年法治政府建设年度报告",
	"{name}{gov}关于{y}年度法治政府建设工作情况的报告",
	"{name}{y}年度法治政府建设情况报告",
	"{full}{gov}{y}年法治政府建设工作报告",
	"关于{name}{y}年法治政府建设情况的报告",
	"{y}年{name}法治政府建设年度报告",
	"{name}{y}年度推进法治政府建设工作情况",
	"{name}{gov}{y}年度法治政府建设报告",
	"{city}{name}{y}年法治政府建设年度报告（全文）",
	"{name}法治政府建设年度报告（{y}年度）",
	"{name}{gov}法治政府建设年度报告",
}

var spams = []string{"-快看体育官网入口", "_博乐平台app下载", "-鑫盛娱乐官方网站", "-万象彩票注册"}

var crumbs = []string{
	"首页 > 政务公开 > 法定主动公开内容 > 法治政府建设",
	"您当前的位置：首页 > 信息公开 > 年度报告",
	"当前位置：首页>政府信息公开>重点领域信息公开>法治政府建设",
}

// front writes what comes before the body: breadcrumbs, metadata, title,
// the addressee; end what comes after it.
func (d *dress) front(rng *rand.Rand, p *place, y int) []string {
	var out []string
	if d.portal {
		out = append(out, crumbs[rng.IntN(len(crumbs))])
	}
	pub := issuerOf(rng, p)
	idx := fmt.Sprintf("%s%03d/%d-%05d", p.code, rng.IntN(1000), y+1, rng.IntN(100000))
	meta := func() []string {
		switch rng.IntN(3) {
		case 0:
			return []string{
				"索引号：" + idx + "　　主题分类：法治政府建设",
				"发布机构：" + pub + "　　发文日期：" + d.published,
				"文　　号：　　　　有 效 性：有效",
			}
		case 1:
			return []string{"信息索引号：" + idx, "生成日期：" + d.published, "发布单位：" + pub, "公开形式：主动公开", "公开范围：面向社会"}
		}
		return []string{fmt.Sprintf("来源：%s　发布时间：%s %02d:%02d　阅读次数：%d", pub, d.published, 8+rng.IntN(10), rng.IntN(60), 20+rng.IntN(3000))}
	}
	if d.encyclopedia {
		out = append(out, d.title, "概述",
			fmt.Sprintf("%s，由%s于%s公开发布，属于政府信息公开年度报告类文件。", d.title, pub, d.published[:4]+"年"+strings.TrimPrefix(d.published[5:7], "0")+"月"),
			"文件信息", "文件名称："+d.title, "发文机关："+pub, "公开日期："+d.published, "正文")
		return out
	}
	if d.metadata && rng.Float64() < 0.5 {
		out = append(out, meta()...)
		d.metadata = false
	}
	if !d.noTitle {
		t := d.title
		if d.spam {
			t += spams[rng.IntN(len(spams))]
		}
		out = append(out, t)
	}
	if d.metadata {
		out = append(out, meta()...)
	}
	if d.letter {
		out = append(out, addresseeOf(p)+"：")
	}
	return out
}

func (d *dress) end(rng *rand.Rand, p *place) []string {
	var out []string
	if d.letter {
		out = append(out, p.name+govWord(p), fmt.Sprintf("%s年%s月%s日", d.published[:4], strings.TrimPrefix(d.published[5:7], "0"), strings.TrimPrefix(d.published[8:], "0")))
	}
	if d.encyclopedia {
		out = append(out, "参考资料", "编辑　收藏　分享")
	}
	if d.portal {
		out = append(out, "【打印本页】【关闭窗口】", "扫一扫在手机上查看当前页面",
			fmt.Sprintf("主办：%s人民政府办公室　网站标识码：%s0001", p.name, p.code))
	}
	return out
}

func govWord(p *place) string {
	if p.level == "zone" {
		return "管委会"
	}
	return "人民政府"
}

// issuerOf is who publishes the report on the portal.
func issuerOf(rng *rand.Rand, p *place) string {
	switch rng.IntN(3) {
	case 0:
		return p.name + govWord(p) + "办公室"
	case 1:
		if p.level == "province" {
			return p.name + "司法厅"
		}
		return p.name + "司法局"
	}
	return p.unit + "政府办公室"
}

// addresseeOf is the government a report is addressed to: the one above.
func addresseeOf(p *place) string {
	switch p.level {
	case "province":
		return "国务院"
	case "city":
		return p.g.Province().Name + "人民政府"
	}
	if c := p.g.Parent; c != nil {
		return c.Name + govWord(&place{level: string(c.Level)})
	}
	return "上级人民政府"
}

// title draws the report's title.
func titleOf(rng *rand.Rand, p *place, y int) string {
	t := titles[rng.IntN(len(titles))]
	name := p.name
	if p.level == "zone" && rng.Float64() < 0.5 {
		name = p.short
	}
	city := p.city
	if city == "" {
		t = strings.Replace(t, "{city}", "", 1)
	}
	return strings.NewReplacer("{name}", name, "{full}", p.full, "{city}", city, "{y}", fmt.Sprint(y), "{gov}", govWord(p)).Replace(t)
}

// assemble joins the dressed lines into the file's text, or its HTML.
func (d *dress) assemble(rng *rand.Rand, p *place, front, body, end []string) string {
	if d.html {
		return d.page(rng, p, front, body, end)
	}
	var lines []string
	lines = append(lines, front...)
	if !d.noTitle || d.portal {
		lines = append(lines, "")
	}
	for _, b := range body {
		if d.wrapped {
			lines = append(lines, wrap(b, 34+rng.IntN(8))...)
			continue
		}
		if d.indent {
			b = "　　" + b
		}
		lines = append(lines, b)
	}
	if len(end) > 0 {
		lines = append(lines, "")
		lines = append(lines, end...)
	}
	sep := "\n"
	if !d.wrapped {
		sep = "\n\n"
		if rng.Float64() < 0.5 {
			sep = "\n"
		}
	}
	text := strings.Join(lines, sep) + "\n"
	if d.crlf {
		text = strings.ReplaceAll(text, "\n", "\r\n")
	}
	return text
}

// wrap breaks a paragraph into lines of n characters, as a PDF's text
// layer gives it.
func wrap(s string, n int) []string {
	var out []string
	for utf8.RuneCountInString(s) > n {
		i := 0
		for k := range n {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			_ = k
		}
		out = append(out, s[:i])
		s = s[i:]
	}
	return append(out, s)
}

// page writes an HTML page of a government portal around the report.
func (d *dress) page(rng *rand.Rand, p *place, front, body, end []string) string {
	esc := func(s string) string {
		s = html.EscapeString(s)
		if d.entities {
			s = strings.NewReplacer("“", "&ldquo;", "”", "&rdquo;").Replace(s)
		}
		return s
	}
	site := p.name + govWord(p)
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"%s\">\n", d.charset)
	fmt.Fprintf(&b, "<title>%s_%s门户网站</title>\n", esc(d.title), esc(site))
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	b.WriteString("<link rel=\"stylesheet\" href=\"/css/article.css\">\n<script src=\"/js/jquery.min.js\"></script>\n")
	b.WriteString("<script>var _hmt=_hmt||[];(function(){var hm=document.createElement(\"script\");hm.src=\"/js/stat.js\";})();</script>\n")
	b.WriteString("</head>\n<body>\n<div class=\"header\"><ul class=\"nav\"><li><a href=\"/\">首页</a></li><li><a href=\"/zwgk/\">政务公开</a></li><li><a href=\"/zwfw/\">政务服务</a></li><li><a href=\"/hdjl/\">互动交流</a></li></ul></div>\n")
	fmt.Fprintf(&b, "<div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/zwgk/\">政务公开</a> &gt; 法治政府建设</div>\n")
	b.WriteString("<div class=\"article\">\n")
	for _, f := range front {
		if !d.noTitle && strings.HasPrefix(f, d.dressedTitle()) {
			fmt.Fprintf(&b, "<h1 class=\"title\">%s</h1>\n", esc(f))
			fmt.Fprintf(&b, "<div class=\"info\">发布时间：%s　来源：%s　【字体：<a>大</a> <a>中</a> <a>小</a>】</div>\n", d.published, esc(site))
			continue
		}
		fmt.Fprintf(&b, "<div class=\"meta\">%s</div>\n", esc(f))
	}
	b.WriteString("<div class=\"TRS_Editor\">\n")
	indent := []string{"", "&nbsp;&nbsp;&nbsp;&nbsp;", "　　"}[rng.IntN(3)]
	for _, para := range body {
		if isHeading(para) && rng.Float64() < 0.5 {
			fmt.Fprintf(&b, "<p style=\"text-indent:2em\"><strong>%s</strong></p>\n", esc(para))
			continue
		}
		fmt.Fprintf(&b, "<p style=\"text-indent:2em\">%s%s</p>\n", indent, esc(para))
	}
	for _, e := range end {
		fmt.Fprintf(&b, "<p style=\"text-align:right\">%s</p>\n", esc(e))
	}
	b.WriteString("</div>\n</div>\n")
	b.WriteString("<div class=\"tools\"><a href=\"javascript:window.print()\">【打印本页】</a> <a href=\"javascript:window.close()\">【关闭窗口】</a></div>\n")
	fmt.Fprintf(&b, "<div class=\"footer\"><p>主办单位：%s办公室　网站标识码：%s0001</p><p>ICP备%08d号</p></div>\n", esc(site), p.code, rng.IntN(100000000))
	b.WriteString("</body>\n</html>\n")
	return b.String()
}

// dressedTitle is the title as the page writes it.
func (d *dress) dressedTitle() string { return d.text(d.title) }

// isHeading tells a section heading: 一、… short of a sentence's end.
func isHeading(s string) bool {
	i := strings.Index(s, "、")
	return i > 0 && i <= 6 && !strings.ContainsAny(s, "。；")
}
