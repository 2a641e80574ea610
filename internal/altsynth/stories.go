package altsynth

import (
	"strings"

	"github.com/fazhikg/fazhikg/diffusion"
)

// Marks around what the composer writes: a mechanism's surface, and the
// title of a document calling for one. They never reach a file; tests use
// them to check that prose outside them names no mechanism.
const (
	markOpen  = "\x01"
	markClose = "\x02"
	docOpen   = "\x03"
	docClose  = "\x04"
)

// role is what a report says of a mechanism.
type role int

const (
	roleNew  role = iota // adopted in the year covered
	roleOld              // adopted before, named again
	rolePlan             // named only among plans
	roleLack             // named among shortcomings, not in place
)

func (r role) String() string {
	return [...]string{"new", "old", "planned", "lacking"}[r]
}

// told is a mechanism as one report tells of it.
type told struct {
	m       *mech
	role    role
	adopted int // year of adoption; 0 never
	ev      *diffusion.Event
	// uptakes are places whose uptake of it this report tells.
	uptakes []string
	// trap marks a plan told among the achievements.
	trap bool
	// variant is the place's own name for it, if it has one.
	variant string
	// surfaces are the forms written, in order, before dressing.
	surfaces []string
	// pattern names how the main sentence is built; ways how each cue
	// is told.
	pattern string
	ways    []string
	// sentences are the sentences that name it or tell its cues.
	sentences []string
}

// templ is a sentence pattern: an id for the records and the text.
type templ struct{ id, text string }

// Main sentences of an adoption. Those in lead accept a clause before
// them (a cue: 学习借鉴XX经验，…); the others start their own way.
var (
	newLeadable = []templ{
		{"build", "{v}{M}，{does}。"},
		{"build-fig", "{v}{M}，{does}，{fig}。"},
		{"grasp", "以{M}为抓手，{does}，{fig}。"},
		{"title", "制定出台《关于{v3}{MT}的实施意见》，{does}。"},
		{"cover", "在{all}范围内实现{M}全覆盖，{fig}。"},
		{"pilot", "在{town}先行试点{M}，取得经验后于{mo}月在{all}推开，{fig}。"},
		{"explore", "积极探索{M}，{does}。"},
		{"colon", "推行{M}：{does}；{does2}。"},
		{"newly", "新建立{M}，{does}。"},
	}
	newOwn = []templ{
		{"time", "{mo}月，{we}正式{v2}{M}，{does}。"},
		{"subject", "{M}于{mo}月在{all}落地运行，{does}。"},
		{"progress", "{M}取得突破，{does}。"},
		{"partner", "{gov}与{partner}{sign}，建立{M}，{does}。"},
	}
	oldTempl = []templ{
		{"deepen", "持续深化{M}，{fig}。"},
		{"run", "{M}运行平稳，全年{fig}。"},
		{"rely", "依托{M}，{fig}。"},
		{"improve", "进一步完善{M}，{does}。"},
		{"consolidate", "巩固拓展{M}成果，{fig}。"},
		{"upgrade", "迭代升级{M}，{does}。"},
		{"uphold", "坚持和发展{M}，{does}。"},
	}
	planNewTempl = []templ{
		{"build", "推动建立{M}，{does}。"},
		{"explore", "探索推行{M}。"},
		{"strive", "力争{ny}年底前实现{M}全覆盖。"},
		{"scheme", "研究制定{M}实施方案，适时在{all}推开。"},
		{"introduce", "适时引入{M}，{does}。"},
		{"pilot", "选择{n}个乡镇（街道）开展{M}试点。"},
	}
	planOldTempl = []templ{
		{"deepen", "持续深化{M}，推动各项措施落地见效。"},
		{"continue", "继续推进{M}，巩固已有成果。"},
		{"extend", "推动{M}向村（社区）延伸。"},
	}
	trapTempl = []templ{
		{"preparing", "目前正在筹建{M}，预计{ny}年{season}投入运行。"},
		{"researched", "{M}已完成前期调研，拟于{ny}年在{all}推行。"},
		{"drafted", "起草了推行{M}的实施方案（征求意见稿），待{gov}常务会议审议后实施。"},
		{"next-step", "下一步，将在{town}试点{M}。"},
		{"intend", "计划于{ny}年上半年启动{M}。"},
	}
	lackTempl = []templ{
		{"not-yet", "与先进地区相比，{M}等创新做法尚未建立"},
		{"blank", "{we}在{M}方面仍是空白"},
		{"not-landed", "{M}至今未能落地"},
		{"behind", "周边地区已普遍推行{M}，{we}尚未启动"},
		{"missing", "尚未建立{M}，相关工作缺少有效抓手"},
	}
	enumTempl = []templ{
		{"enum", "{v}{M}、{M2}等{kinds}，{fig}。"},
		{"enum-colon", "{v}{M}和{M2}，{fig}。"},
	}
)

var (
	verbs     = []string{"建立", "建立健全", "推行", "全面推行", "探索建立", "构建", "创新推出", "率先推行", "启动实施", "引入", "落地实施"}
	verbs2    = []string{"推行", "实施", "启用", "运行"}
	verbs3    = []string{"建立", "推行", "全面推行", "实施"}
	signs     = []string{"签订合作框架协议", "会签工作意见", "召开首次联席会议"}
	kinds     = []string{"制度", "机制", "做法", "改革举措"}
	seasons   = []string{"一季度", "上半年", "年中", "下半年"}
	thatRefs  = []string{"该做法", "这一机制", "相关经验", "这项工作"}
	afterCues = []string{"在此基础上，", "结合本地实际，", ""}
)

// Cue phrasings. {S} is the source place, {A} an ancestor as the report
// names it, {au} the ancestor's unit, {D} a document, {H} an honour, {T} a
// place that took the mechanism up, {B} the mechanism's bare name.
var (
	learnedPrefix = []templ{
		{"learned:借鉴经验", "学习借鉴{S}经验，"},
		{"learned:成熟做法", "借鉴{S}的成熟做法，"},
		{"learned:考察基础上", "在赴{S}考察学习的基础上，"},
		{"learned:参照", "参照{S}的做法，"},
		{"learned:对标", "对标{S}先进经验，"},
		{"learned:复制", "复制{S}成功经验，"},
		{"learned:吸收", "吸收{S}好的做法，"},
	}
	learnedBefore = []templ{
		{"learned:考察-前句", "{mo}月，{we}组织相关部门赴{S}考察学习。"},
		{"learned:取经-前句", "年初，{we}专门到{S}学习取经。"},
	}
	learnedFromChild = []templ{
		{"learned:总结下级", "总结{S}的经验做法，"},
		{"learned:先行先试", "在{S}先行先试的基础上，"},
	}
	promotedPrefix = []templ{
		{"promoted:统一部署", "按照{A}统一部署，"},
		{"promoted:工作安排", "根据{A}工作安排，"},
		{"promoted:试点地区", "作为{A}确定的试点地区，"},
		{"promoted:推动下", "在{A}的推动下，"},
	}
	promotedBefore = []templ{
		{"promoted:部署推行-前句", "{A}在全{au}部署推行{B}。"},
		{"promoted:推广-前句", "{A}在全{au}推广{B}后，{we}第一时间跟进。"},
	}
	citedPrefix = []templ{
		{"cited:按照要求", "按照{D}要求，"},
		{"cited:根据", "根据{D}，"},
		{"cited:落实部署", "落实{D}部署，"},
		{"cited:依据", "依据{D}，"},
	}
	citedBefore = []templ{
		{"cited:出台后-前句", "{D}出台后，{we}及时研究落实措施。"},
	}
	awardAfter = []templ{
		{"award:该做法获评", "{that}获评{H}。"},
		{"award:入选", "{M}入选{H}。"},
		{"award:因成效表彰", "因{B}工作成效突出，{we}被表彰为{H}。"},
		{"award:被评为", "{M}被评为{H}。"},
	}
	uptakeAfter = []templ{
		{"adopted:被学习借鉴", "{we}{M}的经验做法被{T}学习借鉴。"},
		{"adopted:考察并推行", "{T}专程来{we}考察{M}，并在当地推行。"},
		{"adopted:复制落地", "相关做法已在{T}复制落地。"},
	}
	uptakeByAncestor = []templ{
		{"adopted:被上级采纳", "{we}{M}的做法被{T}采纳，并在全{tu}推开。"},
	}
)

// tellNew writes an adoption with its cues. It returns the sentences, and
// a lead when the adoption heads an item of its own.
func (w *composer) tellNew(t *told) (lead string, sents []string) {
	var prefix, before, after []string
	for _, cue := range t.ev.Cues {
		switch cue.Kind {
		case diffusion.LearnedFrom:
			src := w.c.byCode[cue.Place]
			name := w.placeRef(src)
			var tp templ
			switch {
			case src.parent == w.p.code:
				tp = w.one(learnedFromChild)
				prefix = append(prefix, tp.text)
			case w.rng.Float64() < 0.25:
				tp = w.one(learnedBefore)
				before = append(before, tp.text)
			default:
				tp = w.one(learnedPrefix)
				prefix = append(prefix, tp.text)
			}
			t.ways = append(t.ways, tp.id)
			w.sub["S"] = name
		case diffusion.PromotedBy:
			anc := w.c.byCode[cue.Place]
			ref, way := w.ancestorRef(anc)
			w.sub["A"], w.sub["au"] = ref, anc.unit
			var tp templ
			if w.rng.Float64() < 0.25 {
				tp = w.one(promotedBefore)
				before = append(before, strings.ReplaceAll(tp.text, "{B}", w.mark(t, t.m.e.bareName())))
			} else {
				tp = w.one(promotedPrefix)
				prefix = append(prefix, tp.text)
			}
			t.ways = append(t.ways, tp.id+"/"+way)
		case diffusion.Cited:
			d := w.docRef(t.m)
			w.sub["D"] = d
			var tp templ
			if w.rng.Float64() < 0.2 {
				tp = w.one(citedBefore)
				before = append(before, tp.text)
			} else {
				tp = w.one(citedPrefix)
				prefix = append(prefix, tp.text)
			}
			t.ways = append(t.ways, tp.id)
		case diffusion.Awarded:
			tp := w.one(awardAfter)
			w.sub["H"] = w.markHonour(t, cue.Document)
			after = append(after, tp.text)
			t.ways = append(t.ways, tp.id)
		}
	}
	after = append(after, w.tellUptakes(t)...)

	// Cues each fill their own slots once, so fill now, before the next
	// story reuses them.
	fillAll := func(ss []string) []string {
		for i, s := range ss {
			ss[i] = w.fillMech(t, s)
		}
		return ss
	}
	before, after = fillAll(before), fillAll(after)
	if len(before) > 0 {
		prefix = append([]string{w.oneString(afterCues)}, prefix...)
	}

	if len(prefix) == 0 && len(before) == 0 && w.rng.Float64() < 0.2 {
		// The adoption heads an item: 三是创新推行府检联动工作机制。
		t.pattern = "item-lead"
		lead = w.fillMech(t, w.oneString(verbs)+"{M}")
		body := w.oneString(thatRefs) + "实施以来，{does}，{fig}。"
		return lead, append([]string{w.fillMech(t, body)}, after...)
	}
	var tp templ
	if len(prefix) > 0 || w.rng.Float64() < 0.7 {
		tp = w.one(newLeadable)
	} else {
		tp = w.one(newOwn)
		if tp.id == "partner" && t.m.e.partner == "" {
			tp = newOwn[0]
		}
	}
	t.pattern = tp.id
	main := strings.Join(prefix, "") + tp.text
	sents = append(sents, before...)
	sents = append(sents, w.fillMech(t, main))
	return "", append(sents, after...)
}

// tellOld writes a mechanism in place named again, with the uptakes the
// report tells.
func (w *composer) tellOld(t *told) []string {
	tp := w.one(oldTempl)
	t.pattern = tp.id
	sents := []string{w.fillMech(t, tp.text)}
	for _, s := range w.tellUptakes(t) {
		sents = append(sents, w.fillMech(t, s))
	}
	return sents
}

// tellUptakes tells who took the mechanism up this year.
func (w *composer) tellUptakes(t *told) []string {
	var out []string
	for _, code := range t.uptakes {
		tg := w.c.byCode[code]
		var tp templ
		if w.p.parent == code || w.p.province == code {
			tp = w.one(uptakeByAncestor)
			w.sub["tu"] = tg.unit
		} else {
			tp = w.one(uptakeAfter)
		}
		w.sub["T"] = w.placeRef(tg)
		out = append(out, w.fill(tp.text))
		t.ways = append(t.ways, tp.id)
	}
	return out
}

// tellEnum writes two mechanisms in one sentence.
func (w *composer) tellEnum(a, b *told) string {
	tp := w.one(enumTempl)
	a.pattern, b.pattern = tp.id, tp.id
	s := strings.ReplaceAll(tp.text, "{M2}", w.pick(b))
	return w.fillMech(a, s)
}

// tellPlan writes a plan: a mechanism to come, or one in place to carry on.
func (w *composer) tellPlan(t *told) string {
	ts := planNewTempl
	if t.adopted > 0 && t.adopted <= w.y {
		ts = planOldTempl
	}
	tp := w.one(ts)
	t.pattern = tp.id
	return w.fillMech(t, tp.text)
}

// tellTrap writes a plan among the achievements, in the future tense.
func (w *composer) tellTrap(t *told) string {
	tp := w.one(trapTempl)
	t.pattern = "trap:" + tp.id
	return w.fillMech(t, tp.text)
}

// tellLack writes a shortcoming clause naming a mechanism not in place.
func (w *composer) tellLack(t *told) string {
	tp := w.one(lackTempl)
	t.pattern = tp.id
	return w.fillMech(t, tp.text)
}

// fillMech fills a sentence about t: its surface, what it does, and the
// report's slots.
func (w *composer) fillMech(t *told, s string) string {
	if strings.Contains(s, "{MT}") {
		s = strings.ReplaceAll(s, "{MT}", w.mark(t, w.titleForm(t)))
	}
	for strings.Contains(s, "{M}") {
		s = strings.Replace(s, "{M}", w.pick(t), 1)
	}
	if strings.Contains(s, "{B}") {
		s = strings.ReplaceAll(s, "{B}", w.mark(t, t.m.e.bareName()))
	}
	does := t.m.e.does
	i := w.rng.IntN(len(does))
	s = strings.ReplaceAll(s, "{does}", does[i])
	s = strings.ReplaceAll(s, "{does2}", does[(i+1)%len(does)])
	s = strings.ReplaceAll(s, "{that}", w.oneString(thatRefs))
	s = strings.ReplaceAll(s, "{fig}", w.oneString(mechFigs[t.m.e.topic]))
	s = strings.ReplaceAll(s, "{v}", w.oneString(verbs))
	s = strings.ReplaceAll(s, "{v2}", w.oneString(verbs2))
	s = strings.ReplaceAll(s, "{v3}", w.oneString(verbs3))
	s = strings.ReplaceAll(s, "{sign}", w.oneString(signs))
	s = strings.ReplaceAll(s, "{kinds}", w.oneString(kinds))
	s = strings.ReplaceAll(s, "{season}", w.oneString(seasons))
	if p := t.m.e.partner; p != "" {
		s = strings.ReplaceAll(s, "{partner}", w.partner(p))
	}
	s = w.fill(s)
	t.sentences = append(t.sentences, s)
	return s
}

// pick writes a surface of t: the place's own variant most of the time if
// it has one, now and then a rare form, else a usual one.
func (w *composer) pick(t *told) string {
	e := t.m.e
	var s string
	switch {
	case t.variant != "" && w.rng.Float64() < 0.75:
		s = t.variant
	case len(e.rare) > 0 && w.rng.Float64() < 0.12:
		s = e.rare[w.rng.IntN(len(e.rare))]
	default:
		s = e.forms[w.rng.IntN(len(e.forms))]
	}
	return w.mark(t, s)
}

// titleForm is the form written inside a document title: a usual form
// with a suffix, so that the title reads as one.
func (w *composer) titleForm(t *told) string {
	for _, f := range t.m.e.forms {
		if strings.HasSuffix(f, "机制") || strings.HasSuffix(f, "制度") || strings.HasSuffix(f, "模式") || strings.HasSuffix(f, "改革") {
			return f
		}
	}
	return t.m.e.forms[0]
}

func (w *composer) mark(t *told, s string) string {
	t.surfaces = append(t.surfaces, s)
	return markOpen + s + markClose
}

// markHonour marks the mechanism's name inside an honour that names it.
func (w *composer) markHonour(t *told, h string) string {
	b := t.m.e.bareName()
	if i := strings.Index(h, b); i >= 0 {
		return h[:i] + w.mark(t, b) + h[i+len(b):]
	}
	return h
}

// docRef names the document calling for a mechanism, maybe with its
// issuer.
func (w *composer) docRef(m *mech) string {
	d := m.doc
	title := docOpen + d.title + docClose
	if d.issuer != "" && w.rng.Float64() < 0.4 {
		return d.issuer + "印发的" + title
	}
	return title
}

// placeRef names another place the way reports do: by its name, with its
// city, in full, or by its short name.
func (w *composer) placeRef(p *place) string {
	x := w.rng.Float64()
	switch {
	case x < 0.5:
		return p.short
	case x < 0.75 && p.city != "" && p.level != "city":
		return p.city + p.name
	case x < 0.9:
		return p.full
	default:
		return p.shortName()
	}
}

// ancestorRef names the place's parent or province: by name, or as 市里,
// 省委、省政府.
func (w *composer) ancestorRef(a *place) (ref, way string) {
	x := w.rng.Float64()
	switch {
	case x < 0.55:
		return a.name, "name"
	case x < 0.8:
		return a.unit + "委、" + a.unit + "政府", "relative"
	default:
		return a.unit + "里", "colloquial"
	}
}

// partner is the relative name of a body running a mechanism with the
// government: 县检察院, 市中级人民法院.
func (w *composer) partner(kind string) string {
	switch w.p.level {
	case "province":
		if kind == "法院" {
			return "省高级人民法院"
		}
		return "省人民检察院"
	case "city":
		if kind == "法院" {
			return w.p.unit + "中级人民法院"
		}
		return w.p.unit + "人民检察院"
	case "zone":
		return "辖区" + kind
	}
	return w.p.unit + kind
}

// mechFigs are figures told of a mechanism, by topic.
var mechFigs = [numTopics][]string{
	topicLead:      {"全年召开专题会议{n}次", "{n}个部门参与其中", "推动解决基层难题{N}个"},
	topicService:   {"累计服务企业{N}家", "相关事项办理时限平均缩短{p2}%", "全年办件量达{N}件", "群众满意率达{pct}%"},
	topicRules:     {"审查相关文件{n}件", "形成制度文件{n}件"},
	topicDecision:  {"审查重大事项{N}件", "提出意见建议{N}条", "出具书面意见{N}份"},
	topicEnforce:   {"涉及执法案件{N}件", "覆盖执法领域{n}个", "惠及市场主体{N}户"},
	topicOversight: {"发现并督促整改问题{N}个", "召开联席会议{n}次", "移送问题线索{n}条"},
	topicDispute:   {"化解各类纠纷{N}件", "全年召开联席会议{n}次", "调处成功率{pct}%"},
	topicLegalAid:  {"服务群众{N}余人次", "覆盖{all}{n}个乡镇（街道）"},
	topicPublicity: {"开展活动{N}场次", "受众{N}余人次"},
	topicDigital:   {"线上办理事项{N}件", "覆盖{all}{n}个乡镇（街道）"},
}
