package synth

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/fazhikg/fazhikg/diffusion"
)

// blockKind says what a line of a report is.
type blockKind int

const (
	bCruft     blockKind = iota // portal furniture
	bTitle                      // the title
	bMeta                       // metadata block
	bFront                      // addressee, encyclopedia description
	bPara                       // a paragraph of the body
	bHeading                    // a section heading: 一、
	bSubhead                    // a subsection heading: （一）
	bSign                       // signature and date
	bCruftFoot                  // furniture after the report
)

// part is the part of a report a line belongs to.
type part int

const (
	partFront   part = iota // title, metadata, furniture
	partBody                // achievements and duties: what is in place
	partProblem             // shortcomings
	partPlan                // plans
	partBack                // signature and furniture
)

// block is one line of a report.
type block struct {
	kind blockKind
	text string
	part part
}

// told is a mechanism a report tells of.
type told struct {
	m       *mechanism
	a       *adoption // the place's adoption, if it adopted
	isNew   bool      // adopted in the year covered
	primary string    // how the place names it
	// surfaces are the forms written, in order, without repeats.
	surfaces []string
}

// renderer writes one report.
type renderer struct {
	c    *corpus
	p    *place
	year int
	r    *rand.Rand
	s    *scene
	look look

	ach  []*told // stated as in place
	plan []*told // stated only in the plans
	keep []*told // in place and named in the plans too
	// lack are mechanisms not in place that the shortcomings name as
	// missing.
	lack []*told
}

// render writes the report of p for year.
func (c *corpus) render(p *place, year int) report {
	w, blocks := c.draft(p, year)
	return c.format(w, blocks)
}

// draft decides what the report of p for year tells and writes its lines
// in simplified characters.
func (c *corpus) draft(p *place, year int) (*renderer, []block) {
	r := rand.New(rand.NewPCG(c.seed, hash64(uint64(year), p.code)))
	w := &renderer{c: c, p: p, year: year, r: r, s: newScene(p, year, r)}
	w.look = c.lookOf(p, year, r)
	w.choose()
	return w, w.blocks()
}

// choose decides what the report tells: the mechanisms in place, among
// them the ones adopted in the year, and those only planned.
func (w *renderer) choose() {
	c, p, y, r := w.c, w.p, w.year, w.r
	mentioned := map[*mechanism]bool{}
	tellings := c.told[tellKey{p.index, y}]
	var stale []*told
	for i := range c.adopted[p.index] {
		a := &c.adopted[p.index][i]
		if a.year > y {
			continue
		}
		t := &told{m: a.m, a: a, isNew: a.year == y, primary: c.surfaceOf(p, a.m)}
		keep := t.isNew
		if !keep {
			chance := 0.35
			if y-a.year <= 2 {
				chance = 0.55
			}
			keep = r.Float64() < chance
		}
		for _, tl := range tellings {
			keep = keep || tl.m == a.m
		}
		if keep {
			w.ach = append(w.ach, t)
			mentioned[a.m] = true
		} else {
			stale = append(stale, t)
		}
	}
	// plans: mechanisms it takes up soon, now and then one it never will
	for _, i := range r.Perm(len(c.mechs)) {
		m := c.mechs[i]
		if mentioned[m] || m.start > y+1 || len(w.plan) >= 3 {
			continue
		}
		a, ok := c.adoptionOf(p, m)
		if ok && a.year <= y {
			continue
		}
		chance := 0.015
		if ok && a.year == y+1 {
			chance = 0.5
		} else if ok && a.year == y+2 {
			chance = 0.2
		}
		if r.Float64() < chance {
			t := &told{m: m, primary: c.surfaceOf(p, m)}
			if ok {
				t.a = &a
			}
			w.plan = append(w.plan, t)
			mentioned[m] = true
		}
	}
	// now and then the shortcomings name a mechanism others have and the
	// place lacks
	if r.IntN(16) == 0 {
		for _, i := range r.Perm(len(c.mechs)) {
			m := c.mechs[i]
			if mentioned[m] || m.start > y {
				continue
			}
			if a, ok := c.adoptionOf(p, m); ok && a.year <= y {
				continue
			}
			t := &told{m: m, primary: c.surfaceOf(p, m)}
			if a, ok := c.adoptionOf(p, m); ok {
				t.a = &a
			}
			w.lack = append(w.lack, t)
			mentioned[m] = true
			break
		}
	}
	// an older mechanism named only among the plans
	if len(stale) > 0 && r.IntN(8) == 0 {
		w.plan = append(w.plan, stale[r.IntN(len(stale))])
	}
	// mechanisms in place that the plans name again
	for _, t := range w.ach {
		if r.IntN(5) == 0 && len(w.keep) < 2 {
			w.keep = append(w.keep, t)
		}
	}
}

// surfaceOf is how p names m: a form of the catalogue or a local variant,
// the same every year.
func (c *corpus) surfaceOf(p *place, m *mechanism) string {
	r := rand.New(rand.NewPCG(c.seed, hash64(7, p.code, m.name)))
	var variants []string
	for _, v := range m.variants {
		// a variant after the place's name needs a short one: not a zone's
		if !strings.Contains(v, "{s}") || len(p.gz.ShortNames) > 0 {
			variants = append(variants, v)
		}
	}
	if len(variants) > 0 && r.Float64() < 0.18 {
		v := oneOf(r, variants)
		short := p.name
		if len(p.gz.ShortNames) > 0 {
			short = p.gz.ShortNames[0]
		}
		count := oneOf(r, countNames)
		if r.IntN(5) == 0 {
			count = strings.ReplaceAll(count, "+", "＋")
		}
		return strings.NewReplacer("{c}", count, "{s}", short).Replace(v)
	}
	if r.IntN(2) == 0 {
		return m.forms[0]
	}
	return oneOf(r, m.forms)
}

// variantOf says whether a surface is a local variant of m.
func (m *mechanism) variantOf(surface string) bool {
	return !slices.Contains(m.forms, surface)
}

// mention picks the surface of one mention of t: mostly the place's own.
func (w *renderer) mention(t *told) string {
	if w.r.IntN(10) < 7 || t.m.invented {
		return t.primary
	}
	return oneOf(w.r, t.m.forms)
}

// mname is how a statement about others names a mechanism: its name, or
// the quoted name of an invented one.
func mname(m *mechanism) string { return m.plain }

// note records the surfaces of t a sentence wrote.
func (t *told) note(sentence string, forms ...string) {
	for _, f := range forms {
		if f != "" && strings.Contains(sentence, f) && !slices.Contains(t.surfaces, f) {
			t.surfaces = append(t.surfaces, f)
		}
	}
}

// point is an item of a subsection: a lead and its sentences.
type point struct {
	lead  string
	lines []string
	mechs int
	named bool // the lead names a mechanism
}

// section is a subsection of the achievements.
type section struct {
	th      *theme
	heading string
	points  []*point
	used    map[int]bool // lines of the theme used
	cases   int          // local cases told
	issues  []string     // the issues they told of
}

// blocks writes the report as lines: the parts after the achievements are
// written first, so that the achievements can fill the report to its
// length.
func (w *renderer) blocks() []block {
	r := w.r
	front := w.front()
	intro := block{kind: bPara, text: w.intro()}
	tail := w.tail()
	target := 3400 + r.IntN(3300) + r.IntN(3300)
	used := utf8.RuneCountInString(intro.text)
	for _, b := range tail {
		used += utf8.RuneCountInString(b.text)
	}
	heading := block{kind: bHeading, text: "一、" + oneOf(r, []string{
		"主要举措和成效", strconv.Itoa(w.year) + "年法治政府建设主要举措和成效", "主要工作及成效",
		strconv.Itoa(w.year) + "年推进法治政府建设的主要举措和成效", "主要举措及成效", strconv.Itoa(w.year) + "年法治政府建设工作情况",
	})}
	ach := w.achievements(target - used)
	out := make([]block, 0, len(front)+len(ach)+len(tail)+2)
	out = append(out, front...)
	intro.part, heading.part = partBody, partBody
	out = append(out, intro, heading)
	for _, b := range ach {
		b.part = partBody
		out = append(out, b)
	}
	out = append(out, tail...)
	for _, b := range w.back() {
		b.part = partBack
		out = append(out, b)
	}
	return out
}

// tail is the sections after the achievements: shortcomings, the leaders'
// duties and the plans.
func (w *renderer) tail() []block {
	r := w.r
	var out []block
	num := 1
	heading := func(text string, pt part) {
		out = append(out, block{bHeading, cnNum(num) + "、" + text, pt})
		num++
	}
	duties := func() {
		heading(oneOf(r, dutyHeadings), partBody)
		out = append(out, block{bPara, w.duties(), partBody})
	}
	plans := func() {
		for _, b := range w.plans() {
			b.part = partPlan
			out = append(out, b)
		}
	}
	withDuties := r.IntN(10) < 7
	dutiesFirst := r.IntN(2) == 0
	if withDuties && dutiesFirst {
		duties()
	}
	if r.IntN(5) == 0 {
		// shortcomings and plans in one section
		if withDuties && !dutiesFirst {
			duties()
		}
		heading(oneOf(r, []string{"存在的不足及下一步工作打算", "存在的问题及下步打算", "存在的不足和下一步工作安排"}), partPlan)
		out = append(out, block{bPara, w.problems(), partProblem})
		plans()
		return out
	}
	heading(oneOf(r, []string{"存在的不足", "存在的问题和不足", "存在的不足和原因", "存在的问题", "存在的困难和不足"}), partProblem)
	out = append(out, block{bPara, w.problems(), partProblem})
	if withDuties && !dutiesFirst {
		duties()
	}
	if r.IntN(10) == 0 {
		// the plans in a last paragraph, under no heading of their own
		return append(out, block{bPara, w.planIntro(true) + w.planInline(), partPlan})
	}
	y1 := strconv.Itoa(w.year + 1)
	heading(oneOf(r, []string{y1 + "年工作安排", y1 + "年工作打算", "下一步工作打算", "下一年度工作计划",
		y1 + "年工作思路", "下步工作安排", y1 + "年法治政府建设工作安排", "下一步工作计划",
		y1 + "年重点工作", "下一阶段工作打算", "下一阶段重点任务", "今后工作方向"}), partPlan)
	plans()
	return out
}

var dutyHeadings = []string{
	"党政主要负责人履行推进法治建设第一责任人职责情况",
	"党政主要负责人履行推进法治建设第一责任人职责的情况",
	"主要负责人履行推进法治建设第一责任人职责情况",
}

// cnNum is 一, 二, 三 … for 0, 1, 2 …
func cnNum(i int) string {
	const digits = "一二三四五六七八九十"
	rs := []rune(digits)
	if i < 10 {
		return string(rs[i])
	}
	if i < 20 {
		return "十" + string(rs[i-10])
	}
	return strconv.Itoa(i + 1)
}

// head is the title of the place's chief: 县长, 市长, 管委会主任.
func (p *place) head() string {
	switch {
	case p.level == "zone":
		return "管委会主任"
	case p.lvl == "自治区":
		return "自治区主席"
	case p.lvl == "地区":
		return "行署专员"
	}
	return p.lvl + "长"
}

// secretary is the title of the party secretary: 县委书记, 党工委书记.
func (p *place) secretary(s *scene) string { return s.party + "书记" }

// partyAndGov is 市委、市政府 for a place as others name its leadership.
func (p *place) partyAndGov() string {
	switch {
	case p.level == "zone":
		return "党工委、管委会"
	case p.lvl == "自治区":
		return "自治区党委、政府"
	case p.lvl == "地区":
		return "地委、行署"
	}
	return p.lvl + "委、" + p.lvl + "政府"
}

// shortLvl is the level word in 全省, 全市: 自治区 says 全区.
func shortLvl(p *place) string {
	if p.lvl == "自治区" {
		return "区"
	}
	return p.lvl
}

// intro is the opening paragraph: the year, the guiding thought, honours.
func (w *renderer) intro() string {
	s, r, p := w.s, w.r, w.p
	var b strings.Builder
	b.WriteString(strconv.Itoa(w.year) + "年，")
	who := oneOf(r, []string{p.name, p.name, s.gov, p.short})
	if p.parent != nil {
		b.WriteString(oneOf(r, []string{"在" + p.parent.partyAndGov() + "的坚强领导下，", "在" + p.parent.partyAndGov() + "的正确领导下，", ""}))
	} else {
		b.WriteString(oneOf(r, []string{"在党中央、国务院的坚强领导下，", ""}))
	}
	b.WriteString(who)
	b.WriteString("坚持以习近平新时代中国特色社会主义思想为指导，")
	congress := "党的十九大"
	if w.year >= 2022 {
		congress = "党的二十大"
	}
	if w.year >= 2020 {
		b.WriteString(s.expand("[深入学习贯彻|全面贯彻落实|认真学习贯彻]" + congress + "精神和习近平法治思想，"))
	} else {
		b.WriteString(s.expand("[深入学习贯彻|全面贯彻落实]" + congress + "精神，"))
	}
	b.WriteString(s.expand("[全面落实|认真对照|对标]《" + w.outline() + "》[各项任务|确定的目标任务|各项要求]，"))
	b.WriteString(s.expand("[统筹推进|扎实推进|持续深化]法治政府建设，[为{all}经济社会高质量发展提供了有力法治保障|各项工作取得新进展|依法行政水平进一步提升]。"))
	for _, h := range w.honours() {
		b.WriteString(h)
	}
	if r.IntN(2) == 0 {
		b.WriteString(oneOf(r, []string{"现将有关情况报告如下：", "现将" + strconv.Itoa(w.year) + "年法治政府建设情况报告如下：", "现将我" + shortLvl(p) + "法治政府建设工作情况报告如下。"}))
	}
	return b.String()
}

// outline is the national outline in force, its dash and brackets varied.
func (w *renderer) outline() string {
	dash := oneOf(w.r, []string{"—", "-", "－", "—"})
	open, close := "（", "）"
	if w.r.IntN(4) == 0 {
		open, close = "(", ")"
	}
	if w.year <= 2020 {
		return "法治政府建设实施纲要" + open + "2015" + dash + "2020年" + close
	}
	return "法治政府建设实施纲要" + open + "2021" + dash + "2025年" + close
}

// honours are the intro's sentences on honours: those of the mechanisms
// adopted this year (the Awarded cue) and some others.
func (w *renderer) honours() []string {
	s, r, p := w.s, w.r, w.p
	var out []string
	for _, t := range w.ach {
		if !t.isNew {
			continue
		}
		for _, cue := range t.a.cues {
			if cue.Kind != diffusion.Awarded {
				continue
			}
			s.vars["award"] = cue.Document
			out = append(out, s.expand(oneOf(r, awardFrames))+"。")
		}
	}
	if len(w.ach) > 0 && r.IntN(6) == 0 {
		t := oneOf(r, w.ach)
		s.vars["m"] = w.mention(t)
		line := s.expand(oneOf(r, honourMechFrames)) + "。"
		t.note(line, s.vars["m"])
		out = append(out, line)
	}
	for n := r.IntN(3); n > 0; n-- {
		f := oneOf(r, honourFrames)
		if p.level == "province" && (strings.Contains(f, "{unit}") || strings.Contains(f, "{rank}") || strings.Contains(f, "{parentLvl}")) {
			continue
		}
		s.vars["village"] = oneOf(r, villageNames)
		s.vars["nth"] = oneOf(r, []string{"六", "七", "八", "九"})
		s.vars["rank"] = oneOf(r, []string{"一", "二", "三"})
		switch p.level {
		case "city":
			s.vars["unit"] = "市"
		default:
			s.vars["unit"] = "县（市、区）"
		}
		out = append(out, s.expand(f)+"。")
	}
	return out
}

// achievements are the subsections of the first section, filled to about
// size characters.
func (w *renderer) achievements(size int) []block {
	r := w.r
	secs := make([]*section, 0, int(nDomains)+len(moreThemes))
	for d := range themes {
		th := &themes[d]
		secs = append(secs, &section{th: th, heading: oneOf(r, th.headings), used: map[int]bool{}})
	}
	// mechanism sentences go to their domain's section; two older ones of
	// a domain are now and then named together
	has := make([]bool, nDomains)
	byDom := make([][]*told, nDomains)
	for _, t := range w.ach {
		byDom[t.m.dom] = append(byDom[t.m.dom], t)
		has[t.m.dom] = true
	}
	for d, ts := range byDom {
		sec := secs[d]
		for len(ts) > 0 {
			t := ts[0]
			ts = ts[1:]
			var line string
			if !t.isNew && r.IntN(3) == 0 {
				if k := slices.IndexFunc(ts, func(u *told) bool { return !u.isNew }); k >= 0 {
					u := ts[k]
					ts = slices.Delete(ts, k, k+1)
					line = w.listSentence(t, u)
				}
			}
			if line == "" {
				line = w.mechSentence(t)
			}
			w.place(sec, t, line)
		}
	}
	// sections in order, some left out when nothing is planted in them
	var order, skipped []*section
	for d, sec := range secs {
		if !has[d] && d != int(domLead) && r.IntN(5) == 0 {
			skipped = append(skipped, sec)
			continue
		}
		order = append(order, sec)
	}
	extra := []*theme{&moreThemes[0], &moreThemes[1], &emergencyTheme}
	if w.year >= 2020 && w.year <= 2022 {
		extra = append(extra, &epidemicTheme)
	}
	r.Shuffle(len(extra), func(i, j int) { extra[i], extra[j] = extra[j], extra[i] })
	// addSection adds a section of filler, or one left out, when the
	// others run dry
	addSection := func() {
		if len(extra) == 0 {
			sec := skipped[0]
			skipped = skipped[1:]
			for range 2 {
				w.addLine(sec, w.newPoint(sec))
			}
			order = append(order, sec)
			return
		}
		th := extra[0]
		extra = extra[1:]
		sec := &section{th: th, heading: oneOf(r, th.headings), used: map[int]bool{}}
		for range 2 {
			w.addLine(sec, w.newPoint(sec))
		}
		if th == &epidemicTheme && len(order) > 1 {
			order = slices.Insert(order, 1, sec) // early: it weighed on the year
		} else {
			order = append(order, sec)
		}
	}
	for len(extra) > 0 && r.IntN(3) == 0 {
		addSection()
	}
	if len(order) > 3 && r.IntN(3) == 0 {
		i := 1 + r.IntN(len(order)-2)
		order[i], order[i+1] = order[i+1], order[i]
	}
	for _, sec := range order {
		for len(sec.points) < 2 {
			w.newPoint(sec)
		}
		for _, pt := range sec.points {
			if len(pt.lines) == 0 {
				w.addLine(sec, pt)
			}
		}
	}
	// filler up to the report's length, with more sections if need be
	have := w.estimate(order)
	for tries := 0; have < size && tries < 800; tries++ {
		if tries%150 == 149 && len(extra)+len(skipped) > 0 {
			addSection()
		}
		sec := oneOf(r, order)
		var pt *point
		if len(sec.points) < min(5, len(sec.th.leads)) && r.IntN(3) == 0 {
			pt = w.newPoint(sec)
		} else {
			pt = oneOf(r, sec.points)
		}
		if len(pt.lines) >= 6 {
			continue
		}
		have += w.addLine(sec, pt)
	}
	return w.layout(order)
}

// place puts a sentence on mechanism t into a point of the section: with
// other sentences, or in a point of its own whose lead may name it.
func (w *renderer) place(sec *section, t *told, line string) {
	r := w.r
	var pt *point
	for _, q := range sec.points {
		if q.mechs < 2 && !q.named && r.IntN(2) == 0 {
			pt = q
			break
		}
	}
	if pt == nil {
		pt = w.newPoint(sec)
		if t.isNew && r.IntN(10) < 3 {
			surface := w.mention(t)
			pt.lead = oneOf(r, leadVerbs[t.m.kind]) + surface
			t.note(pt.lead, surface)
			pt.named = true
		}
	}
	if !pt.named && r.IntN(2) == 0 {
		pt.lines = append([]string{line}, pt.lines...)
	} else {
		pt.lines = append(pt.lines, line)
	}
	pt.mechs++
}

// leadVerbs open the lead of a point that names its mechanism: 创新府检联动机制.
var leadVerbs = [...][]string{
	kindLink:   {"创新", "建立", "健全"},
	kindReform: {"深化", "推进", "纵深推进"},
	kindRule:   {"推行", "全面推行", "落实"},
	kindWay:    {"坚持和发展", "践行"},
	kindBrand:  {"打造", "推出", "创新"},
}

// listSentence names two mechanisms in place in one sentence.
func (w *renderer) listSentence(t, u *told) string {
	s, r := w.s, w.r
	a, b := w.mention(t), w.mention(u)
	if r.IntN(2) == 0 {
		a, b = mname(t.m), mname(u.m)
	}
	s.vars["a"], s.vars["b"] = a, b
	s.vars["detail"] = s.expand(oneOf(r, t.m.details))
	frames := []string{
		"[持续深化|深入推进|巩固深化]{a}和{b}，{detail}",
		"{a}、{b}等[做法|举措]持续发挥作用，{detail}",
		"[坚持|深化]{a}、{b}等[做法|举措]，{detail}",
		"[统筹推进|一体推进]{a}与{b}，{detail}",
	}
	if strings.HasSuffix(a, "”") && strings.HasPrefix(b, "“") {
		frames = append(frames, "[坚持|深化]{a}{b}等[做法|举措]，{detail}") // “证照分离”“一件事一次办”等
	}
	line := s.expand(oneOf(r, frames)) + "。"
	t.note(line, a)
	u.note(line, b)
	return line
}

// fromYear reads a line that holds only from a year on ("@2021:…"): it
// returns the line without the mark and whether it holds in year.
func fromYear(line string, year int) (string, bool) {
	if !strings.HasPrefix(line, "@") {
		return line, true
	}
	y, rest, _ := strings.Cut(line[1:], ":")
	from, _ := strconv.Atoi(y)
	return rest, year >= from
}

// estimate is the length of the sections so far in characters.
func (w *renderer) estimate(order []*section) int {
	n := 0
	for _, sec := range order {
		n += utf8.RuneCountInString(sec.heading) + 6
		for _, pt := range sec.points {
			if w.look.sub < 4 || pt.named {
				n += utf8.RuneCountInString(pt.lead) + 4
			}
			for _, l := range pt.lines {
				n += utf8.RuneCountInString(l)
			}
		}
	}
	return n
}

// newPoint adds a point with an unused lead to a section.
// When every lead is taken, the point's lead repeats none: it goes without.
func (w *renderer) newPoint(sec *section) *point {
	var free []string
	for _, l := range sec.th.leads {
		if !slices.ContainsFunc(sec.points, func(q *point) bool { return q.lead == l }) {
			free = append(free, l)
		}
	}
	pt := &point{}
	if len(free) > 0 {
		pt.lead = oneOf(w.r, free)
	}
	sec.points = append(sec.points, pt)
	return pt
}

// addLine adds an unused filler sentence of the theme to a point and
// returns its length, 0 when the theme has none left. When half its
// sentences are used, it may tell a local case instead.
func (w *renderer) addLine(sec *section, pt *point) int {
	lines := sec.th.lines
	if parts, ok := caseParts[sec.th.dom]; ok && sec.th.dom >= 0 && sec.cases < 3 &&
		(len(sec.used) >= len(lines) || (2*len(sec.used) > len(lines) && w.r.IntN(4) == 0)) {
		sec.cases++
		s := w.s
		line := s.expand("{town}[针对|围绕|聚焦]"+oneOf(w.r, parts[0])+"的问题，"+oneOf(w.r, parts[1])+"，"+oneOf(w.r, parts[2])) + "。"
		pt.lines = append(pt.lines, line)
		return utf8.RuneCountInString(line)
	}
	if len(sec.used) >= len(lines) {
		return 0
	}
	i := w.r.IntN(len(lines))
	for sec.used[i] {
		i = (i + 1) % len(lines)
	}
	sec.used[i] = true
	tmpl, ok := fromYear(lines[i], w.year)
	if !ok {
		return w.addLine(sec, pt)
	}
	line := w.s.expand(tmpl) + "。"
	pt.lines = append(pt.lines, line)
	return utf8.RuneCountInString(line)
}

// mechSentence tells of a mechanism in place: how it was taken up, in its
// first year, or how it works now; and what the report says of others
// taking it up.
func (w *renderer) mechSentence(t *told) string {
	s, r, m := w.s, w.r, t.m
	surface := w.mention(t)
	s.vars["m"] = surface
	s.vars["mname"] = mname(m)
	two := r.Perm(len(m.details))
	s.vars["detail"] = s.expand(m.details[two[0]])
	s.vars["detail2"] = s.expand(m.details[two[len(two)-1]])
	var line string
	if t.isNew {
		line = w.newSentence(t)
	} else {
		s.vars["verb"] = oneOf(r, m.againV)
		s.vars["since"] = strconv.Itoa(t.a.year)
		s.vars["first"] = oneOf(r, m.newV)
		line = s.expand(oneOf(r, againFrames)) + "。"
	}
	t.note(line, surface, s.vars["mname"])
	for _, tl := range w.c.told[tellKey{w.p.index, w.year}] {
		if tl.m != m {
			continue
		}
		names := make([]string, 0, 3)
		for _, o := range tl.others {
			if len(names) == 3 {
				break
			}
			names = append(names, o.nameFrom(w.p, r))
		}
		s.vars["dst"] = strings.Join(names, "、")
		s.vars["count"] = cnCount(len(tl.others))
		frames := adoptedByFrames
		if tl.promoting {
			frames = promotingFrames
		}
		extra := s.expand(oneOf(r, frames)) + "。"
		t.note(extra, s.vars["m"], s.vars["mname"])
		line += extra
	}
	return line
}

// newSentence tells of a mechanism taken up in the year, with the cues of
// its adoption.
func (w *renderer) newSentence(t *told) string {
	s, r, m := w.s, w.r, t.m
	verb := oneOf(r, m.newV)
	var lead strings.Builder
	named := false
	for _, cue := range t.a.cues {
		switch cue.Kind {
		case diffusion.Cited:
			s.vars["doc"] = cue.Document
			lead.WriteString(s.expand(oneOf(r, citedFrames)))
		case diffusion.LearnedFrom, diffusion.PromotedBy:
			src := w.c.byCode[cue.Place]
			if src == nil {
				continue
			}
			named = true
			s.vars["src"] = src.nameFrom(w.p, r)
			s.vars["srclvl"] = shortLvl(src)
			s.vars["srcparty"] = src.partyAndGov()
			frames := learnedFrames
			if cue.Kind == diffusion.PromotedBy {
				frames = promotedFrames
			}
			lead.WriteString(s.expand(oneOf(r, frames)))
		}
	}
	if !named && t.a.source.SourceKind == diffusion.SourceSeed && r.IntN(2) == 0 {
		verb = s.expand(oneOf(r, firstFrames)) + verb
	}
	s.vars["verb"] = verb
	frames := newFrames
	if lead.Len() > 0 {
		frames = []string{newFrames[0], newFrames[1], newFrames[3]}
	}
	s.vars["month"] = strconv.Itoa(1 + r.IntN(12))
	if meaning := countMeaning(s.vars["m"]); meaning != "" && r.IntN(2) == 0 {
		s.vars["m"] += oneOf(r, []string{"（即" + meaning + "）", "（" + meaning + "）"})
	}
	return lead.String() + s.expand(oneOf(r, frames)) + "。"
}

// countMeaning spells out the count a variant's name starts with, if known.
func countMeaning(surface string) string {
	if !strings.HasPrefix(surface, "“") {
		return ""
	}
	count, _, ok := strings.Cut(strings.TrimPrefix(surface, "“"), "”")
	if !ok {
		return ""
	}
	return countMeanings[strings.ReplaceAll(count, "＋", "+")]
}

// cnCount writes a small count in Chinese numerals.
func cnCount(n int) string {
	if n >= 1 && n <= 10 {
		return []string{"一", "两", "三", "四", "五", "六", "七", "八", "九", "十"}[n-1]
	}
	return strconv.Itoa(n)
}

// layout writes the sections as lines in the report's numbering style.
func (w *renderer) layout(order []*section) []block {
	var out []block
	style := w.look.sub
	for i, sec := range order {
		mark := "（" + cnNum(i) + "）"
		var paras []string
		j := 0
		for _, pt := range sec.points {
			if len(pt.lines) == 0 {
				continue
			}
			text := strings.Join(pt.lines, "")
			switch {
			case pt.lead == "":
				paras = append(paras, text)
			case style <= 2:
				paras = append(paras, cnNum(j)+"是"+pt.lead+"。"+text)
				j++
			case style == 3:
				paras = append(paras, strconv.Itoa(j+1)+"."+pt.lead+"。"+text)
				j++
			case pt.named: // unnumbered, but the lead names a mechanism
				paras = append(paras, pt.lead+"。"+text)
			default:
				paras = append(paras, text)
			}
		}
		switch style {
		case 1: // points in one paragraph
			out = append(out, block{kind: bSubhead, text: mark + sec.heading}, block{kind: bPara, text: strings.Join(paras, "")})
		case 2: // heading and points in one paragraph
			out = append(out, block{kind: bPara, text: mark + sec.heading + "。" + strings.Join(paras, "")})
		default:
			out = append(out, block{kind: bSubhead, text: mark + sec.heading})
			for _, para := range paras {
				out = append(out, block{kind: bPara, text: para})
			}
		}
	}
	return out
}

// problems is the paragraph of shortcomings.
func (w *renderer) problems() string {
	s, r := w.s, w.r
	var items []string
	for _, i := range r.Perm(len(problems))[:2+r.IntN(3)] {
		items = append(items, s.expand(problems[i]))
	}
	if len(w.ach) > 0 && r.IntN(3) == 0 {
		t := oneOf(r, w.ach)
		s.vars["m"] = w.mention(t)
		line := s.expand(oneOf(r, mechProblems))
		t.note(line, s.vars["m"])
		items = slices.Insert(items, r.IntN(len(items)+1), line)
	}
	for _, t := range w.lack {
		s.vars["m"] = oneOf(r, []string{t.primary, mname(t.m)})
		line := s.expand(oneOf(r, lackFrames))
		t.note(line, s.vars["m"])
		items = slices.Insert(items, r.IntN(len(items)+1), line)
	}
	var b strings.Builder
	b.WriteString(s.expand("[{y}年，{self}法治政府建设虽然取得了[一定|明显]成效，但[仍存在|也还存在]一些[问题|不足]|对照法治政府建设的目标要求，{self}还存在一些[短板|问题和不足]|在肯定成绩的同时，我们也清醒地看到，工作中还存在一些问题]"))
	b.WriteString(oneOf(r, []string{"：", "，主要表现在："}))
	for i, it := range items {
		b.WriteString(cnNum(i) + "是" + it)
		if i < len(items)-1 {
			b.WriteString("；")
		}
	}
	b.WriteString("。")
	if r.IntN(3) == 0 {
		b.WriteString("对此，我们将高度重视，认真研究解决。")
	}
	return b.String()
}

// duties is the paragraph on the leaders' duties.
func (w *renderer) duties() string {
	s, r, p := w.s, w.r, w.p
	s.vars["head"] = p.head()
	s.vars["secretary"] = p.secretary(s)
	lines := []string{
		"{secretary}{person}、{head}{person}带头履行推进法治建设第一责任人职责，坚持重要工作亲自部署、重大问题亲自过问、重点环节亲自协调、重要任务亲自督办",
		"{head}主持召开{gov}常务会议{n:3-8}次专题研究法治政府建设工作",
		"带头参加{gov}常务会议会前学法，带头讲授法治专题党课{n:1-3}次",
		"{head}带头接访下访{n:2-12}次，协调解决群众反映的突出问题{n:5-40}个",
		"将履行推进法治建设第一责任人职责情况列入年终述职内容，推动{subs}主要负责人述法全覆盖",
		"{gov}主要负责同志对法治政府建设工作作出批示{n:3-20}次",
	}
	var b strings.Builder
	for _, i := range r.Perm(len(lines))[:3+r.IntN(2)] {
		b.WriteString(s.expand(lines[i]) + "。")
	}
	return b.String()
}

// planIntro opens the plans.
func (w *renderer) planIntro(unheaded bool) string {
	s := w.s
	if unheaded {
		return s.expand("[下一步|{y1}年]，{self}将[坚持以习近平法治思想为指导，|]重点做好以下工作：")
	}
	return s.expand("[{y1}年，{self}将坚持以习近平法治思想为指导，[重点抓好以下工作|着力做好以下几方面工作]：|下一步，{self}将[深入贯彻落实法治政府建设实施纲要，|]重点做好以下工作：|{y1}年，{self}将着力抓好以下工作：]")
}

// planItems are the sentences of the plans: intentions that name no
// mechanism, the mechanisms planned and those kept.
func (w *renderer) planLines() []string {
	s, r := w.s, w.r
	var items []string
	for _, i := range r.Perm(len(planItems))[:3+r.IntN(3)] {
		items = append(items, s.expand(planItems[i]))
	}
	add := func(line string) {
		items = slices.Insert(items, 1+r.IntN(len(items)), line)
	}
	for _, t := range w.plan {
		s.vars["m"] = t.primary
		s.vars["goal"] = planGoals[t.m.dom]
		s.vars["verb"] = oneOf(r, planVerbs[t.m.kind])
		frame := oneOf(r, planNewFrames)
		if t.a != nil && t.a.year <= w.year {
			frame = oneOf(r, planKeepFrames)
		} else if src := w.learnable(t.m); src != nil && r.IntN(5) == 0 {
			s.vars["src"] = src.nameFrom(w.p, r)
			frame = oneOf(r, planCueFrames)
		}
		line := s.expand(frame)
		t.note(line, t.primary)
		add(line)
	}
	for _, t := range w.keep {
		s.vars["m"] = w.mention(t)
		s.vars["goal"] = planGoals[t.m.dom]
		line := s.expand(oneOf(r, planKeepFrames))
		t.note(line, s.vars["m"])
		add(line)
	}
	return items
}

// learnable is a place near p that adopted m by the year, for a plan that
// names whom it will learn from.
func (w *renderer) learnable(m *mechanism) *place {
	var best *place
	for _, a := range w.c.adopters[m] {
		if a.year > w.year || a.p == w.p {
			continue
		}
		if best == nil || (a.p.prov == w.p.prov && best.prov != w.p.prov) {
			best = a.p
		}
	}
	return best
}

// planInline is the plans as one run: 一是…；二是….
func (w *renderer) planInline() string {
	var b strings.Builder
	items := w.planLines()
	for i, it := range items {
		b.WriteString(cnNum(i) + "是" + it)
		if i < len(items)-1 {
			b.WriteString("；")
		}
	}
	b.WriteString("。")
	return b.String()
}

// plans are the lines of the plans section.
func (w *renderer) plans() []block {
	r := w.r
	intro := w.planIntro(false)
	switch r.IntN(4) {
	case 0:
		return []block{{kind: bPara, text: intro + w.planInline()}}
	case 1:
		out := []block{{kind: bPara, text: intro}}
		for i, it := range w.planLines() {
			out = append(out, block{kind: bPara, text: "（" + cnNum(i) + "）" + it + "。"})
		}
		return out
	case 2:
		out := []block{{kind: bPara, text: intro}}
		for i, it := range w.planLines() {
			out = append(out, block{kind: bPara, text: strconv.Itoa(i+1) + "." + it + "。"})
		}
		return out
	}
	out := []block{{kind: bPara, text: intro}}
	items := w.planLines()
	for i := 0; i < len(items); i += 2 {
		j := min(i+2, len(items))
		out = append(out, block{kind: bPara, text: strings.Join(items[i:j], "。") + "。"})
	}
	return out
}
