package synth

import (
	"math/rand/v2"
	"strings"
)

// maxMechanisms bounds Options.Mechanisms: the known ones and as many
// invented names as can be told apart.
const maxMechanisms = 200

// mechanism is a planted mechanism: how reports name it and how it spreads.
type mechanism struct {
	name string // canonical, simplified: 府检联动, 三联三化调解法
	// core is the quoted part of an invented name: 三联三化.
	core     string
	invented bool
	dom      domain
	kind     kind
	forms    []string
	plain    string // the name alone: 府检联动, “首违不罚”, “三联三化”
	newV     []string
	againV   []string
	details  []string
	variants []string

	// start is the first year anyone may adopt it; appeal scales its
	// hazards.
	start  int
	appeal float64
	// doc is the document calling for it, a common cause; nil when none.
	doc *document
}

// document is a national or provincial document calling for a mechanism.
type document struct {
	title string // without 《》
	level string // national or province
	prov  *place // the issuing province, for a provincial document
	year  int
	mech  *mechanism
}

// chooseMechanisms takes n mechanisms: about two thirds well known, in the
// catalogue's order, the rest invented; each gets its start, appeal and
// maybe a document calling for it.
func chooseMechanisms(n, from, years int, provinces []*place, r *rand.Rand) []*mechanism {
	nInv := n / 3
	nKnown := min(n-nInv, len(known))
	nInv = n - nKnown
	out := make([]*mechanism, 0, n)
	for _, e := range known[:nKnown] {
		m := &mechanism{name: e.name, plain: e.plain, dom: e.dom, kind: e.kind, forms: e.forms, newV: e.newV, againV: e.againV,
			details: e.details, variants: e.variants}
		if m.newV == nil {
			m.newV = newVerbs[e.kind]
		}
		if m.againV == nil {
			m.againV = againVerbs[e.kind]
		}
		if e.doc != "" && r.Float64() < 0.45 {
			m.doc = &document{title: e.doc}
		}
		out = append(out, m)
	}
	taken := map[string]bool{}
	for i := 0; i < nInv; i++ {
		out = append(out, invent(domainCycle[i%len(domainCycle)], taken, r))
	}
	span := max(1, (years+1)/2)
	for _, m := range out {
		m.start = from + r.IntN(span)
		m.appeal = 0.35 + 0.8*r.Float64()
		if m.doc == nil {
			continue
		}
		phrase := m.doc.title
		m.doc.mech = m
		m.doc.year = m.start + 1 + r.IntN(2)
		if m.doc.year >= from+years || len(provinces) == 0 {
			m.doc = nil
			continue
		}
		verb := docVerbs[m.kind]
		if r.IntN(2) == 0 {
			m.doc.level = "national"
			m.doc.title = strings.NewReplacer("{v}", verb, "{d}", phrase).Replace(nationalTitles[r.IntN(len(nationalTitles))])
		} else {
			p := provinces[r.IntN(len(provinces))]
			m.doc.level, m.doc.prov = "province", p
			m.doc.title = strings.NewReplacer("{p}", p.name, "{v}", verb, "{d}", phrase).Replace(provinceTitles[r.IntN(len(provinceTitles))])
		}
	}
	return out
}

var (
	docVerbs       = [...]string{kindLink: "建立健全", kindReform: "深化", kindRule: "全面推行", kindWay: "坚持和发展", kindBrand: "推进"}
	nationalTitles = []string{"国务院办公厅关于{v}{d}的指导意见", "司法部关于{v}{d}的意见", "国务院关于{v}{d}的实施意见"}
	provinceTitles = []string{"{p}人民政府办公厅关于{v}{d}的实施意见", "{p}关于{v}{d}的工作方案"}
)

// domainCycle is the order in which invented mechanisms take domains.
var domainCycle = []domain{domDispute, domBusiness, domPublic, domEnforce, domDispute, domOversight, domDecision, domPublic}

// Parts of invented names, per domain.
var (
	inventChars = [...]string{
		domDispute:   "联访调解化和心帮查排治",
		domPublic:    "进讲学送宣用守帮",
		domEnforce:   "查审告教督帮改减",
		domBusiness:  "帮办服送解惠护连",
		domOversight: "督查审评改联晒",
		domDecision:  "审议查评论核",
		domLead:      "学述考督",
	}
	inventWords = [...][]string{
		domDispute:   {"调解", "解纷", "说事", "评理", "和事", "息诉"},
		domPublic:    {"普法", "说法", "讲堂", "学法", "法课"},
		domEnforce:   {"执法", "监管", "检查", "服务"},
		domBusiness:  {"帮办", "护企", "惠企", "服务", "直通"},
		domOversight: {"监督", "督办", "问效"},
		domDecision:  {"审查", "议事", "论证"},
		domLead:      {"述法", "学法"},
	}
	inventHeads = [...][]string{
		domDispute:   {"调解法", "调解工作法", "解纷机制", "调解模式", "工作法"},
		domPublic:    {"普法品牌", "普法模式", "普法工程"},
		domEnforce:   {"执法模式", "监管机制", "工作机制"},
		domBusiness:  {"服务机制", "服务模式", "工作机制"},
		domOversight: {"监督机制", "工作机制"},
		domDecision:  {"审查机制", "工作机制"},
		domLead:      {"工作机制"},
	}
	inventPrefixes = []string{"法润", "和美", "暖心", "安心", "邻里", "乡贤", "红色", "指尖", "掌上", "码上", "云端",
		"阳光", "和合", "清风", "连心", "同心", "金牌", "小院", "老兵", "巾帼", "银发", "田间", "院坝", "板凳",
		"茶馆", "庭院", "石榴", "亲清", "心桥", "春风"}
	inventNumerals = []string{"一", "二", "三", "四", "五", "六"}
)

// notInCores are words an invented core may not hold: names of known
// mechanisms and their parts.
var notInCores = []string{"枫桥", "三治", "一件事", "跨省", "通办", "一网", "首违", "明白人", "双随机", "府检",
	"府院", "诉源", "诉调", "警调", "检调", "访调", "体检", "容缺", "证照", "承诺"}

// invent makes an invented mechanism of a domain with a name not taken.
func invent(d domain, taken map[string]bool, r *rand.Rand) *mechanism {
	var core string
	for tries := 0; ; tries++ {
		core = inventCore(d, r, tries)
		if !taken[core] && !clashes(core) {
			break
		}
	}
	taken[core] = true
	var heads []string
	for _, h := range inventHeads[d] {
		if !strings.Contains(h, string([]rune(core)[len([]rune(core))-2:])) {
			heads = append(heads, h)
		}
	}
	if len(heads) == 0 {
		heads = []string{"工作法"}
	}
	head := heads[r.IntN(len(heads))]
	m := &mechanism{name: core + head, core: core, plain: "“" + core + "”", invented: true, dom: d, kind: kindBrand,
		forms:   []string{"“" + core + "”" + head, "“" + core + "”"},
		newV:    []string{"创新推出", "探索推行", "打造", "推行", "首创"},
		againV:  []string{"深化", "持续推行", "完善", "擦亮"},
		details: inventDetails[d],
	}
	return m
}

func inventCore(d domain, r *rand.Rand, tries int) string {
	chars := []rune(inventChars[d])
	if tries < 40 && r.IntN(5) < 3 {
		// 三联三化, 四访四解
		n := inventNumerals[2+r.IntN(3)]
		a, b := chars[r.IntN(len(chars))], chars[r.IntN(len(chars))]
		if a == b {
			return inventCore(d, r, tries+1)
		}
		if r.IntN(4) == 0 {
			return "一" + string(a) + n + string(b)
		}
		return n + string(a) + n + string(b)
	}
	words := inventWords[d]
	p := inventPrefixes[r.IntN(len(inventPrefixes))]
	w := words[r.IntN(len(words))]
	if tries > 200 {
		// the pairs are exhausted: add a numeral
		return inventNumerals[r.IntN(len(inventNumerals))] + p + w
	}
	return p + w
}

// clashes reports whether an invented core reads as a known mechanism.
func clashes(core string) bool {
	for _, w := range notInCores {
		if strings.Contains(core, w) {
			return true
		}
	}
	for _, e := range known {
		if strings.Contains(e.name, core) || strings.Contains(core, e.name) {
			return true
		}
	}
	return false
}

// inventDetails are clauses for invented mechanisms, per domain.
var inventDetails = [...][]string{
	domDispute: {
		"由{n:5-40}名退休法官、律师和乡贤组成调解团队，全年化解矛盾纠纷{n:100-3000}件",
		"在{n:5-30}个村（社区）设立工作点，纠纷调解成功率{pct:93-99}%",
		"做到小事不出村、大事不出镇、矛盾不上交",
	},
	domPublic: {
		"开展以案释法、送法下乡活动{n:60-900}场，受众{n:5000-90000}人次",
		"制作普法短视频{n:20-300}部，网络点击量超过{n:10-900}万次",
		"组织法治文艺演出{n:10-90}场，让群众在家门口学法",
	},
	domEnforce: {
		"对企业的入企检查频次下降{pct:20-50}%，企业满意度达到{pct:92-99}%",
		"全年办理案件{n:100-2000}件，执法文书规范率{pct:95-100}%",
		"推动执法由重处罚向重指导转变",
	},
	domBusiness: {
		"为企业解决用地、融资、用工等难题{n:60-900}个",
		"企业诉求办结率{pct:95-100}%，营商环境满意度持续提升",
		"组建专班{n:3-12}个，提供“一对一”跟踪服务",
	},
	domOversight: {
		"发现并督促整改问题{n:30-600}个",
		"形成专项监督报告{n:3-20}份，推动建章立制{n:5-40}项",
	},
	domDecision: {
		"审查重大行政决策、规范性文件和合同{n:60-600}件",
		"提出审查意见{n:100-1600}条，采纳率{pct:90-100}%",
	},
	domLead: {
		"推动{n:20-80}个部门负责人履职尽责",
	},
}
