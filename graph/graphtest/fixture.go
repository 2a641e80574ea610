package graphtest

import (
	"strings"
	"unicode/utf8"

	"github.com/fazhikg/fazhikg/extract"
)

// The fixture: five short reports, invented for the tests, with the traps
// of the real ones in miniature.
//
//	xiuzhou-2022   浙江省嘉兴市秀洲区 2022  府检联动 (achieved), 一件事一次办
//	xiuzhou-2023   浙江省嘉兴市秀洲区 2023  府检联动 (achieved + problem), 府院联动, 枫桥经验,
//	               一件事一次办 (planned only), 盛泽镇 across the border, an award, a person
//	jiaxiang-2023  山东省济宁市嘉祥县 2023  "三三制"府检联动模式 (variant of 府检联动), 府院联席,
//	               双随机、一公开
//	huzhou-2018    浙江省湖州市 2018        traditional characters: 府檢聯席 (variant of 府检联动),
//	               最多跑一次, 《法治政府建設實施綱要(2015－2020年)》
//	changzhou-2023 江苏省常州市常州经开区 2023  no title; 拿地即开工; 府检联动 planned only
//
// Adoptions of the 府检联动 family (achieved or reported, earliest year per
// jurisdiction): 湖州市 2018, 秀洲区 2022, 嘉祥县 2023; 常州经开区 2023 only
// with planned ones.

// Division codes of the fixture's places.
const (
	CodeZhejiang  = "330000000000"
	CodeJiaxing   = "330400000000"
	CodeXiuzhou   = "330411000000"
	CodeHuzhou    = "330500000000"
	CodeShandong  = "370000000000"
	CodeJining    = "370800000000"
	CodeJiaxiang  = "370829000000"
	CodeJiangsu   = "320000000000"
	CodeChangzhou = "320400000000"
	CodeCZZone    = "320491000000"
	CodeWujiang   = "320509000000"
	CodeShengze   = "320509102000"
)

// Fixture returns the five reports, fresh values on every call.
func Fixture() []*extract.Report {
	return []*extract.Report{Xiuzhou2022(), Xiuzhou2023(), Jiaxiang2023(), Huzhou2018(), Changzhou2023()}
}

func zhejiang() extract.Jurisdiction {
	return extract.Jurisdiction{Code: CodeZhejiang, Name: "浙江省", FullName: "浙江省", Level: extract.Province}
}

func jiaxing() extract.Jurisdiction {
	return extract.Jurisdiction{Code: CodeJiaxing, Name: "嘉兴市", FullName: "浙江省嘉兴市", Level: extract.City, Parent: CodeZhejiang}
}

func xiuzhou() *extract.Jurisdiction {
	return &extract.Jurisdiction{Code: CodeXiuzhou, Name: "秀洲区", FullName: "浙江省嘉兴市秀洲区", Level: extract.County, Parent: CodeJiaxing}
}

// Xiuzhou2022 is the earlier of the two 秀洲区 reports.
func Xiuzhou2022() *extract.Report {
	b := newReport("xiuzhou-2022", "sha-xiuzhou-2022", 2022, xiuzhou(),
		line{"秀洲区2022年法治政府建设年度报告", extract.Front, ""},
		line{"2022年，秀洲区启动府检联动试点，区政府与区检察院签订协作意见。", extract.Achieved, "一、主要举措和成效"},
		line{"全面推行“一件事一次办”改革。", extract.Achieved, "一、主要举措和成效"},
	)
	b.r.Title = "秀洲区2022年法治政府建设年度报告"
	b.r.Published = "2023-01-20"
	b.places(zhejiang(), jiaxing())
	b.body("秀洲区人民政府", extract.KindGovernment, CodeXiuzhou, "区政府")
	b.body("秀洲区人民检察院", extract.KindProcuratorate, CodeXiuzhou, "区检察院")
	b.mechanism("府检联动", "", true, []string{"秀洲区人民政府", "秀洲区人民检察院"}, "府检联动")
	b.mechanism("一件事一次办", "", true, nil, "一件事一次办")
	return b.r
}

// Xiuzhou2023 is the later 秀洲区 report.
func Xiuzhou2023() *extract.Report {
	b := newReport("xiuzhou-2023", "sha-xiuzhou-2023", 2023, xiuzhou(),
		line{"秀洲区2023年法治政府建设年度报告", extract.Front, ""},
		line{"2023年，秀洲区深化府检联动机制，区政府与区检察院召开联席会议4次。", extract.Achieved, "一、主要举措和成效"},
		line{"区法院与区司法局建立府院联动工作机制，行政机关负责人出庭应诉率100%。", extract.Achieved, "一、主要举措和成效"},
		line{"认真贯彻《中华人民共和国行政复议法》和《法治政府建设实施纲要(2021-2025年)》，坚持和发展新时代“枫桥经验”。", extract.Achieved, "一、主要举措和成效"},
		line{"与江苏省苏州市吴江区盛泽镇签订跨省联调协议。", extract.Achieved, "一、主要举措和成效"},
		line{"王家桥村获评全国民主法治示范村。", extract.Achieved, "一、主要举措和成效"},
		line{"区委政法委许志伟被评为全省平安建设先进个人。", extract.Achieved, "一、主要举措和成效"},
		line{"府检联动的覆盖面仍需拓展。", extract.Problem, "二、存在的不足"},
		line{"2024年将全面推行“一件事一次办”。", extract.Planned, "四、下一年工作安排"},
	)
	b.r.Title = "秀洲区2023年法治政府建设年度报告"
	b.r.Published = "2024-01-25"
	b.r.Issuer = "秀洲区人民政府"
	b.places(zhejiang(), jiaxing(),
		extract.Jurisdiction{Code: CodeShengze, Name: "盛泽镇", FullName: "江苏省苏州市吴江区盛泽镇", Level: extract.Township, Parent: CodeWujiang})
	b.mentionPlace(CodeShengze, "江苏省苏州市吴江区盛泽镇")
	b.body("秀洲区人民政府", extract.KindGovernment, CodeXiuzhou, "区政府")
	b.body("秀洲区人民检察院", extract.KindProcuratorate, CodeXiuzhou, "区检察院")
	b.body("秀洲区人民法院", extract.KindCourt, CodeXiuzhou, "区法院")
	b.body("秀洲区司法局", extract.KindJustice, CodeXiuzhou, "区司法局")
	b.body("中共嘉兴市秀洲区委政法委员会", extract.KindParty, CodeXiuzhou, "区委政法委")
	b.mechanism("府检联动", "", true, []string{"秀洲区人民政府", "秀洲区人民检察院"}, "府检联动机制", "府检联动")
	b.mechanism("府院联动", "", true, []string{"秀洲区人民政府", "秀洲区人民法院"}, "府院联动工作机制")
	b.mechanism("行政机关负责人出庭应诉", "", true, nil, "行政机关负责人出庭应诉")
	b.mechanism("枫桥经验", "", true, nil, "“枫桥经验”")
	b.mechanism("一件事一次办", "", true, nil, "“一件事一次办”")
	b.document("中华人民共和国行政复议法", "法律", "全国人民代表大会常务委员会", "国家级", "中华人民共和国行政复议法")
	b.document("法治政府建设实施纲要(2021-2025年)", "纲要", "", "国家级", "法治政府建设实施纲要(2021-2025年)")
	b.award("全国民主法治示范村", "王家桥村", "国家级", 2023, "全国民主法治示范村")
	b.award("全省平安建设先进个人", "许志伟", "省级", 2023, "全省平安建设先进个人")
	b.person("许志伟", "", "中共嘉兴市秀洲区委政法委员会", "许志伟")
	return b.r
}

// Jiaxiang2023 holds a local variant of 府检联动.
func Jiaxiang2023() *extract.Report {
	b := newReport("jiaxiang-2023", "sha-jiaxiang-2023", 2023,
		&extract.Jurisdiction{Code: CodeJiaxiang, Name: "嘉祥县", FullName: "山东省济宁市嘉祥县", Level: extract.County, Parent: CodeJining},
		line{"嘉祥县2023年法治政府建设情况报告", extract.Front, ""},
		line{"嘉祥县创新“三三制”府检联动模式，县检察院与县司法局联合办案12件。", extract.Achieved, "一、主要举措和成效"},
		line{"建立府院联席会议制度，化解行政争议35件。", extract.Achieved, "一、主要举措和成效"},
		line{"推进“双随机、一公开”监管全覆盖。", extract.Achieved, "一、主要举措和成效"},
	)
	b.r.Title = "嘉祥县2023年法治政府建设情况报告"
	b.r.Issuer = "嘉祥县司法局"
	b.r.IndexNo = "11370829MB2857"
	b.places(
		extract.Jurisdiction{Code: CodeShandong, Name: "山东省", FullName: "山东省", Level: extract.Province},
		extract.Jurisdiction{Code: CodeJining, Name: "济宁市", FullName: "山东省济宁市", Level: extract.City, Parent: CodeShandong})
	b.body("嘉祥县人民检察院", extract.KindProcuratorate, CodeJiaxiang, "县检察院")
	b.body("嘉祥县司法局", extract.KindJustice, CodeJiaxiang, "县司法局")
	b.mechanism(`"三三制"府检联动模式`, "府检联动", false, []string{"嘉祥县人民政府", "嘉祥县人民检察院"}, "“三三制”府检联动模式")
	b.mechanism("府院联席", "府院联动", true, nil, "府院联席会议制度")
	b.mechanism("双随机、一公开", "", true, nil, "“双随机、一公开”")
	return b.r
}

// Huzhou2018 is written in traditional characters.
func Huzhou2018() *extract.Report {
	b := newReport("huzhou-2018", "sha-huzhou-2018", 2018,
		&extract.Jurisdiction{Code: CodeHuzhou, Name: "湖州市", FullName: "浙江省湖州市", Level: extract.City, Parent: CodeZhejiang},
		line{"湖州市2018年法治政府建設情況的報告", extract.Front, ""},
		line{"市政府與市檢察院建立府檢聯席工作機制。", extract.Achieved, "一、主要舉措和成效"},
		line{"深化“最多跑一次”改革。", extract.Achieved, "一、主要舉措和成效"},
		line{"落實《法治政府建設實施綱要(2015－2020年)》。", extract.Achieved, "一、主要舉措和成效"},
	)
	b.r.Title = "湖州市2018年法治政府建設情況的報告"
	b.places(zhejiang())
	b.body("湖州市人民政府", extract.KindGovernment, CodeHuzhou, "市政府")
	b.body("湖州市人民检察院", extract.KindProcuratorate, CodeHuzhou, "市檢察院")
	b.mechanism("府检联席", "府检联动", false, []string{"湖州市人民政府", "湖州市人民检察院"}, "府檢聯席工作機制")
	b.mechanism("最多跑一次", "", true, nil, "“最多跑一次”")
	b.document("法治政府建设实施纲要(2015-2020年)", "纲要", "", "国家级", "法治政府建設實施綱要(2015－2020年)")
	return b.r
}

// Changzhou2023 has no title and names 府检联动 only in its plans.
func Changzhou2023() *extract.Report {
	b := newReport("changzhou-2023", "sha-changzhou-2023", 2023,
		&extract.Jurisdiction{Code: CodeCZZone, Name: "常州经开区", FullName: "江苏省常州市常州经开区", Level: extract.Zone,
			Parent: CodeChangzhou, Aliases: []string{"常州经济开发区"}},
		line{"常州经开区持续优化营商环境，推行“拿地即开工”。", extract.Achieved, "一、主要举措和成效"},
		line{"对照《法治政府建设实施纲要(2021—2025年)》查找差距。", extract.Problem, "二、存在的不足"},
		line{"2024年，经开区将探索府检联动机制。", extract.Planned, "四、下一年工作安排"},
	)
	b.places(
		extract.Jurisdiction{Code: CodeJiangsu, Name: "江苏省", FullName: "江苏省", Level: extract.Province},
		extract.Jurisdiction{Code: CodeChangzhou, Name: "常州市", FullName: "江苏省常州市", Level: extract.City, Parent: CodeJiangsu})
	b.mechanism("拿地即开工", "", true, nil, "“拿地即开工”")
	b.mechanism("府检联动", "", true, nil, "府检联动机制")
	b.document("法治政府建设实施纲要(2021—2025年)", "纲要", "", "国家级", "法治政府建设实施纲要(2021—2025年)")
	return b.r
}

// Xiuzhou2023Revised is a second version of Xiuzhou2023: same name, new
// hash; the plan for 一件事一次办 is gone and 最多跑一次 is new.
func Xiuzhou2023Revised() *extract.Report {
	b := newReport("xiuzhou-2023", "sha-xiuzhou-2023-revised", 2023, xiuzhou(),
		line{"秀洲区2023年法治政府建设年度报告", extract.Front, ""},
		line{"2023年，秀洲区深化府检联动机制，区政府与区检察院召开联席会议4次。", extract.Achieved, "一、主要举措和成效"},
		line{"区法院与区司法局建立府院联动工作机制，行政机关负责人出庭应诉率100%。", extract.Achieved, "一、主要举措和成效"},
		line{"深化“最多跑一次”改革，办事时间压缩一半。", extract.Achieved, "一、主要举措和成效"},
	)
	b.r.Title = "秀洲区2023年法治政府建设年度报告（修订）"
	b.places(zhejiang(), jiaxing())
	b.body("秀洲区人民政府", extract.KindGovernment, CodeXiuzhou, "区政府")
	b.body("秀洲区人民检察院", extract.KindProcuratorate, CodeXiuzhou, "区检察院")
	b.body("秀洲区人民法院", extract.KindCourt, CodeXiuzhou, "区法院")
	b.body("秀洲区司法局", extract.KindJustice, CodeXiuzhou, "区司法局")
	b.mechanism("府检联动", "", true, []string{"秀洲区人民政府", "秀洲区人民检察院"}, "府检联动机制")
	b.mechanism("府院联动", "", true, []string{"秀洲区人民政府", "秀洲区人民法院"}, "府院联动工作机制")
	b.mechanism("行政机关负责人出庭应诉", "", true, nil, "行政机关负责人出庭应诉")
	b.mechanism("最多跑一次", "", true, nil, "“最多跑一次”")
	return b.r
}

// line is one sentence of a fixture report.
// Jiaxing2020 is a report that names the source of its adoption: 嘉兴市
// learned 府检联动 from 湖州市. It is not part of Fixture.
func Jiaxing2020() *extract.Report {
	b := newReport("jiaxing-2020", "sha-jiaxing-2020", 2020,
		&extract.Jurisdiction{Code: CodeJiaxing, Name: "嘉兴市", FullName: "浙江省嘉兴市", Level: extract.City, Parent: CodeZhejiang},
		line{"嘉兴市2020年法治政府建设工作报告", extract.Front, ""},
		line{"学习借鉴湖州市经验，建立府检联动机制。", extract.Achieved, "一、主要成效"},
	)
	b.r.Title = "嘉兴市2020年法治政府建设工作报告"
	b.places(zhejiang(), extract.Jurisdiction{Code: CodeHuzhou, Name: "湖州市", FullName: "浙江省湖州市", Level: extract.City, Parent: CodeZhejiang})
	b.mentionPlace(CodeHuzhou, "湖州市")
	b.mechanism("府检联动", "", true, nil, "府检联动机制")
	b.cue(0, extract.CueLearned, CodeHuzhou, "湖州市")
	return b.r
}

type line struct {
	text    string
	status  extract.Status
	section string
}

type reportBuilder struct{ r *extract.Report }

// newReport joins the lines into the report's text, one sentence each.
func newReport(name, hash string, year int, j *extract.Jurisdiction, lines ...line) *reportBuilder {
	r := &extract.Report{Name: name, Source: "testdata/" + name + ".txt", Hash: hash, Format: "text",
		Encoding: "UTF-8", Year: year, Jurisdiction: j}
	var text strings.Builder
	pos := 0
	for _, l := range lines {
		n := utf8.RuneCountInString(l.text)
		r.Sentences = append(r.Sentences, extract.Sentence{Span: extract.Span{Start: pos, End: pos + n}, Section: l.section, Status: l.status})
		text.WriteString(l.text)
		text.WriteString("\n")
		pos += n + 1
	}
	r.Text = text.String()
	b := &reportBuilder{r}
	j.Mentions = b.find(j.Name)
	return b
}

// find returns a mention of every place surface occurs in a sentence.
func (b *reportBuilder) find(surface string) []extract.Mention {
	var out []extract.Mention
	for i, s := range b.r.Sentences {
		sentence := b.r.Slice(s.Span)
		from := 0
		for {
			k := strings.Index(sentence[from:], surface)
			if k < 0 {
				break
			}
			start := s.Start + utf8.RuneCountInString(sentence[:from+k])
			out = append(out, extract.Mention{
				Span:     extract.Span{Start: start, End: start + utf8.RuneCountInString(surface)},
				Sentence: i,
				Surface:  surface,
			})
			from += k + len(surface)
		}
	}
	return out
}

func (b *reportBuilder) findAll(surfaces []string) []extract.Mention {
	var out []extract.Mention
	for _, s := range surfaces {
		out = append(out, b.find(s)...)
	}
	return out
}

func (b *reportBuilder) places(js ...extract.Jurisdiction) {
	b.r.Jurisdictions = append(b.r.Jurisdictions, js...)
}

func (b *reportBuilder) mentionPlace(code, surface string) {
	for i := range b.r.Jurisdictions {
		if b.r.Jurisdictions[i].Code == code {
			b.r.Jurisdictions[i].Mentions = b.find(surface)
			return
		}
	}
	b.r.Jurisdiction.Mentions = append(b.r.Jurisdiction.Mentions, b.find(surface)...)
}

func (b *reportBuilder) body(name, kind, code string, surfaces ...string) {
	b.r.Bodies = append(b.r.Bodies, extract.Body{Name: name, Kind: kind, Jurisdiction: code,
		Surfaces: surfaces, Mentions: b.findAll(surfaces)})
}

func (b *reportBuilder) mechanism(name, family string, known bool, bodies []string, surfaces ...string) {
	b.r.Mechanisms = append(b.r.Mechanisms, extract.Mechanism{Name: name, Family: family, Known: known,
		Bodies: bodies, Surfaces: surfaces, Mentions: b.findAll(surfaces)})
}

// cue gives mechanism i a cue whose statement is surface's first mention.
func (b *reportBuilder) cue(i int, kind, place, surface string) {
	m := &b.r.Mechanisms[i]
	m.Cues = append(m.Cues, extract.Cue{Kind: kind, Place: place, Mention: b.find(surface)[0]})
}

func (b *reportBuilder) document(title, kind, issuer, level, surface string) {
	b.r.Documents = append(b.r.Documents, extract.Document{Title: title, Kind: kind, Issuer: issuer,
		Level: level, Mentions: b.find(surface)})
}

func (b *reportBuilder) award(name, recipient, level string, year int, surface string) {
	b.r.Awards = append(b.r.Awards, extract.Award{Name: name, Recipient: recipient, Level: level,
		Year: year, Mentions: b.find(surface)})
}

func (b *reportBuilder) person(name, role, body, surface string) {
	b.r.People = append(b.r.People, extract.Person{Name: name, Role: role, Body: body, Mentions: b.find(surface)})
}
