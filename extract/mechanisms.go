package extract

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A mechanism is found three ways:
//
//  1. a known form from the lexicon, bare or quoted (府检联动, 枫桥经验);
//  2. a quoted name with the marks of a mechanism: a head word after it or
//     inside it (“跨省执法”工作机制, “15分钟公共法律服务圈”), a verb that
//     introduces one before it (打造“助企暖商”, 创新建立“联动调解”), a
//     structured name (“1+4+N”, “两强三提高”); slogans, metaphors, honours
//     and media are not mechanisms;
//  3. an unquoted phrase ending in 机制, 模式, 改革, 工作法 or …制 that a
//     creating verb introduces (建立行政争议实质性化解联动协作机制).
//
// A variant joins the family of the known mechanism its name contains.

// Head words that end a mechanism's name.
var mechHeads = []string{
	"工作机制", "长效机制", "机制", "工作模式", "新模式", "模式", "工作法", "调解法", "体制改革", "改革", "工作制度", "制度",
	"服务体系", "工作体系", "体系", "工程", "专项整治行动", "专项行动", "提升行动", "行动", "专项活动", "创建活动", "活动", "服务品牌", "品牌",
	"服务平台", "平台", "双审系统", "系统", "小程序", "工作站", "警务站", "服务站", "联络站", "调解室", "工作室",
	"服务圈", "示范点", "创建", "试点", "评选", "讲法", "普法规划", "普法", "经验", "全周期服务", "服务", "管理", "格局",
}

// Heads that only say what kind of thing a quoted name is.
var genericSuffix = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`机制 工作机制 长效机制 模式 工作模式 新模式 工作法 调解法 改革 制度 工作制度 品牌 服务品牌
		普法品牌 调解品牌 活动 专项活动 行动 专项行动 工程 体系 服务体系 平台 服务平台 系统 试点 创建 创建活动 评选`) {
		genericSuffix[w] = true
	}
}

// Verbs that introduce a mechanism: 推行, 打造, 创新建立 …
var mechCues = wordsOf(`推行 推广 推进 深化 打造 建立 创新 开展 实施 落实 探索 构建 坚持 完善 健全 升级 践行 发展 首创 创建 实行 推出 设立 成立 启动 开发 运用 依托 通过 借鉴 学习 复制 引入 执行 强化 优化 结合 倡导 形成 承接 用好 擦亮 培育 树立 总结 提炼 创设 推动 开通 上线 建成 组建 设置 引进 深耕 做实 做优 迭代`)

// Verbs that create a mechanism named without quotes: an existing one
// that is merely improved (完善, 健全) is too often a generic arrangement.
var (
	bareCues   = wordsOf(`建立健全 建立完善 探索建立 创新建立 探索创新 建立 推行 创新 探索 构建 首创 率先推出 推出 试行 创设 打造`)
	buildCues  = wordsOf(`推进 深化 加强 加快 强化 建立健全 建立 探索 构建`)
	reformCues = wordsOf(`建立健全 建立完善 探索建立 创新建立 建立 推行 创新 探索 构建 首创 率先推出 推出 试行 创设 打造 推进 深化 承接 开展 启动 落实`)
)

// Words after a quote that show it is not a mechanism's name.
var notMechAfterRe = regexp.MustCompile(`^(作用|问题|难题|效应|局面|目标|理念|精神|要求|原则|意识|思想|战略|发展战略|地位|角色|态势|短板|瓶颈|领域|场所|流程|指标|考核指标|的跃升|到|之|称号|荣誉|课题|新定位|使命|定位|标准|号召|两个|两项)`)

var (
	ideologyEndRe   = regexp.MustCompile(`(思想|精神|战略|理念|讲话|论述|指示|批示|使命|定位)$`)
	mediaRe         = regexp.MustCompile(`(发布|官博|公众号|微信|微博|日报|晚报|杂志|客户端|APP|频道|电视|报$|网$|新闻)`)
	honourNameRe    = regexp.MustCompile(`(示范村|示范社区|先进个人|先进集体|先进单位|模范|基地|奖$|提名奖|典型事例|典型案例|称号|优秀|标兵|星级|先锋杯)`)
	numeralRe       = regexp.MustCompile(`[0-9一二三四五六七八九十两百千零双+]`)
	hanOrAlnumDigit = regexp.MustCompile(`[\p{Han}A-Za-z0-9]`)
	digitsOnlyRe    = regexp.MustCompile(`^[0-9·.\-/ ]+$`)
	structuredRe    = regexp.MustCompile(`^([一二三四五六七八九十两双]+[^一二三四五六七八九十两双]{1,3}){2,}$`)
	eventEndRe      = regexp.MustCompile(`(班|会|讲座|论坛|大赛|比赛|竞赛|仪式|培训|联络站|考试|宣传月|宣传周|宣传日|活动月|活动周|开放日|节|大比武|比武)$`)
	listHeadRe      = regexp.MustCompile(`^[一二三四五六七八九十两]+[大项个张条]?[\p{Han}]{0,6}?(行动|工程|制度|机制|改革|提升行动)`)
)

var prefixStops = newWordSet(prefixStop...)

// prefixStop are the words a quoted name's topic (行政调解“湖州模式”) never
// crosses on its left.
var prefixStop = []string{"推行", "推广", "推进", "深化", "打造", "建立", "创新", "开展", "实施", "落实", "探索", "构建",
	"坚持", "完善", "健全", "升级", "践行", "发展", "首创", "创建", "实行", "推出", "设立", "成立", "启动", "开发",
	"运用", "依托", "通过", "借鉴", "学习", "复制", "引入", "执行", "强化", "优化", "结合", "倡导", "形成", "承接",
	"围绕", "聚焦", "按照", "全面", "深入", "持续", "积极", "大力", "加快", "稳步", "扎实", "全力", "着力", "不断",
	"进一步", "努力", "切实", "认真", "严格", "统筹", "重点", "主要", "率先", "新时代", "各类", "多种", "实现",
	"推动", "用好", "做好", "抓好", "开展了", "举办", "贯彻", "组织", "提供", "纳入", "加强", "保障", "助推", "带动",
	"将", "对", "把", "以", "在", "和", "与", "及", "等", "为", "由", "从", "向", "于", "并", "了", "的", "是", "个",
	"项", "这", "其", "之", "让", "使", "用", "全市", "全区", "全县", "全省", "全国", "省", "市", "区", "县", "镇",
	"入选", "获评", "获", "荣获", "首个", "首家", "原先", "取得", "有效", "深度", "一批", "新", "提升", "迭代",
	"制定", "印发", "出台", "好", "届", "批", "期", "第", "项目", "传承", "弘扬", "发扬", "坚持和发展"}

type mcand struct {
	start, end int    // surface, normalised offsets
	content    string // the quoted words, for a quoted name
	key        string
	name       string
	family     string
	kinds      []string
	known      bool
}

// quote is a “…” span: q0 the opening mark, q1 one past the closing mark.
type quote struct{ q0, q1 int }

func quotesIn(t text, s, e int) []quote {
	var out []quote
	pairs := map[rune]rune{'“': '”', '「': '」', '‘': '’', '"': '"'}
	for i := s; i < e; i++ {
		close, ok := pairs[t[i]]
		if !ok {
			continue
		}
		for j := i + 1; j < e && j <= i+32; j++ {
			if t[j] == close {
				out = append(out, quote{i, j + 1})
				i = j
				break
			}
			if t[j] == '“' || t[j] == '。' || t[j] == '\n' {
				break
			}
		}
	}
	return out
}

// headAt returns the length of the longest run at t[i:] that ends with a
// head word, reading at most 14 characters of one phrase.
func headAt(t text, i, limit int) int {
	end := i
	for end < limit && end < i+14 {
		r := t[end]
		if !(unicode.Is(unicode.Han, r) || unicode.IsLetter(r) || unicode.IsDigit(r)) || strings.ContainsRune("的和与及等、", r) {
			break
		}
		end++
	}
	for e := end; e > i; e-- {
		s := t.str(i, e)
		for _, h := range mechHeads {
			if strings.HasSuffix(s, h) {
				// a head must close a word: 制度 yes, 制度化 no
				if e < limit && strings.ContainsRune("化性", t[e]) {
					continue
				}
				return e - i
			}
		}
	}
	return 0
}

func endsWithHead(s string) bool {
	for _, h := range mechHeads {
		if strings.HasSuffix(s, h) && s != h {
			return true
		}
	}
	return false
}

// topicBefore returns the start of the topic words right before i (行政调解
// in 行政调解“湖州模式”), or i when there are none: the Han characters back
// to the last verb, function word or body, at most eight of them.
func (x *doc) topicBefore(i, limit int) int {
	t := x.t
	s := i
	for s > limit && s > i-16 && unicode.Is(unicode.Han, t[s-1]) {
		s--
	}
	if e := prefixStops.lastEnd(t, s, i); e >= 0 {
		s = e
	}
	for _, b := range x.bodyAt {
		if b.end > s && b.end <= i {
			s = b.end
		}
	}
	if i-s < 2 || i-s > 8 {
		return i
	}
	return s
}

// rejectQuoted says whether the content of a quote cannot name a mechanism.
func (x *doc) rejectQuoted(c string) bool {
	n := utf8.RuneCountInString(c)
	if n < 2 || n > 30 || !hanOrAlnumDigit.MatchString(c) {
		return true
	}
	if strings.ContainsAny(c, ",，。;；:：") {
		return true
	}
	if ideologyEndRe.MatchString(c) || mediaRe.MatchString(c) || honourNameRe.MatchString(c) {
		return true
	}
	if (strings.HasPrefix(c, "法治") || strings.HasPrefix(c, "平安")) && utf8.RuneCountInString(c) <= 5 {
		return true // 法治浙江, 平安龙胜: slogans of the rule of law and of order
	}
	// a place or a body: “嘉祥县如心检调对接中心” is a body
	if strings.HasSuffix(c, "中心") || strings.HasSuffix(c, "局") || strings.HasSuffix(c, "委员会") || eventEndRe.MatchString(c) {
		return true
	}
	return false
}

// Forms that name two known mechanisms at once: 府院、府检工作联席会议.
var coForms = map[string][]string{
	"府院、府检": {"府院联动", "府检联动"}, "府检、府院": {"府检联动", "府院联动"},
	"府院府检": {"府院联动", "府检联动"}, "府院和府检": {"府院联动", "府检联动"}, "府院与府检": {"府院联动", "府检联动"},
}

var coFormWords = func() wordSet {
	var ws []string
	for f := range coForms {
		ws = append(ws, f)
	}
	return newWordSet(ws...)
}()

// mechanisms finds the mechanisms of the report.
func (x *doc) mechanisms() {
	t := x.t
	var cands []mcand
	claimed := make([]bool, len(t))
	claim := func(s, e int) {
		for i := s; i < e && i < len(claimed); i++ {
			claimed[i] = true
		}
	}
	free := func(s, e int) bool {
		for i := s; i < e; i++ {
			if claimed[i] {
				return false
			}
		}
		return true
	}
	for _, s := range x.sents {
		if s.status != Front {
			cands = append(cands, x.quotedMechanisms(s.start, s.end, free, claim)...)
		}
	}
	for _, s := range x.sents {
		if s.status != Front {
			cands = append(cands, x.knownMechanisms(s.start, s.end, free, claim)...)
		}
	}
	for _, s := range x.sents {
		if s.status != Front {
			cands = append(cands, x.bareMechanisms(s.start, s.end, free, claim)...)
		}
	}
	x.collectMechanisms(cands)
}

// knownMechanisms finds the lexicon's forms in [s, e), reading through
// quotes (行政执法“三项制度” is 行政执法三项制度) and taking in the quotes and
// a generic head around them (“府检联动”工作机制).
func (x *doc) knownMechanisms(s, e int, free func(int, int) bool, claim func(int, int)) []mcand {
	t := x.t
	// the sentence without quote marks, and where each character came from
	var dq text
	var at []int
	for i := s; i < e; i++ {
		if strings.ContainsRune("“”‘’「」\"", t[i]) {
			continue
		}
		dq = append(dq, t[i])
		at = append(at, i)
	}
	var out []mcand
	for k := 0; k < len(dq); k++ {
		var entries []*lexEntry
		n := 0
		if fr := coFormWords.at(dq, k); fr > 0 {
			n = fr
			for _, name := range coForms[dq.str(k, k+fr)] {
				entries = append(entries, x.p.lex.byName[name])
			}
		}
		if n == 0 {
			f, ok := x.p.lex.match(dq, k)
			if !ok {
				continue
			}
			n, entries = f.runes, []*lexEntry{f.e}
		}
		st, en := at[k], at[k+n-1]+1
		// quotes opened inside are closed after, and the other way round
		if strings.Count(t.str(st, en), "“") > strings.Count(t.str(st, en), "”") && en < e && t[en] == '”' {
			en++
		}
		if st > s && t[st-1] == '“' && (en < e && t[en] == '”') {
			st, en = st-1, en+1
		}
		if !free(st, en) || x.inQuotedAward(st) || x.inBody(st, en) {
			k += n - 1
			continue
		}
		limit := 6
		if len(entries) > 1 {
			limit = 10
		}
		if h := headAt(t, en, e); h > 0 && h <= limit {
			en += h
		}
		for _, le := range entries {
			if le.root {
				continue
			}
			out = append(out, mcand{start: st, end: en, key: mechKey(le.name), name: le.name,
				family: le.family, kinds: le.kinds, known: true})
		}
		claim(st, en)
		for k+1 < len(dq) && at[k+1] < en {
			k++
		}
	}
	return out
}

// inBody reports whether [s, e) lies inside a body's name (检调对接 in
// 嘉祥县如心检调对接中心).
func (x *doc) inBody(s, e int) bool {
	for _, b := range x.bodyAt {
		if b.start <= s && e <= b.end && (b.start < s || e < b.end) {
			return true
		}
	}
	return false
}

// inQuotedAward reports whether i lies inside a quoted honour's name:
// “全国民主法治示范村(社区)” names an honour, not the mechanism of creating one.
func (x *doc) inQuotedAward(i int) bool {
	for _, a := range x.awardSpan {
		if a[0] > i || i >= a[1] {
			continue
		}
		for _, q := range quotesIn(x.t, a[0], a[1]) {
			if q.q0 < i && i < q.q1 && honourNameRe.MatchString(x.t.str(q.q0+1, q.q1-1)) {
				return true
			}
		}
	}
	return false
}

// inRecipient reports whether i lies in the recipient of an honour: a
// quoted practice that wins one is a mechanism (开工审批“一件事”入选…).
func (x *doc) inRecipient(i int) bool {
	for _, r := range x.recipSpan {
		if r[0] <= i && i < r[1] {
			return true
		}
	}
	return false
}

// quotedMechanisms finds quoted names of mechanisms in [s, e).
func (x *doc) quotedMechanisms(s, e int, free func(int, int) bool, claim func(int, int)) []mcand {
	t := x.t
	qs := quotesIn(t, s, e)
	type item struct {
		q0, q1  int // first quote … last quote (for “A”+“B” chains)
		content string
	}
	var items []item
	for k := 0; k < len(qs); k++ {
		it := item{q0: qs[k].q0, q1: qs[k].q1, content: t.str(qs[k].q0+1, qs[k].q1-1)}
		// “E法审”+“E公审”, “五未”土地处置+“标准地”: one name
		for k+1 < len(qs) {
			gap := t.str(it.q1, qs[k+1].q0)
			if !strings.HasSuffix(gap, "+") || utf8.RuneCountInString(gap) > 7 || strings.ContainsAny(gap, ",，。、;") {
				break
			}
			k++
			it.content += gap + t.str(qs[k].q0+1, qs[k].q1-1)
			it.q1 = qs[k].q1
		}
		items = append(items, it)
	}
	// lists: quotes joined directly, by 、 or by a short topic after 、
	// share the verb before the first and a 等… head after the last
	listStart := make([]int, len(items))
	for k := range items {
		listStart[k] = k
		if k > 0 {
			gap := []rune(t.str(items[k-1].q1, items[k].q0))
			if len(gap) == 0 || (gap[0] == '、' && len(gap) <= 5 && !strings.ContainsAny(string(gap), ",，。;")) {
				listStart[k] = listStart[k-1]
			}
		}
	}
	listEnd := make([]int, len(items))
	for k := len(items) - 1; k >= 0; k-- {
		listEnd[k] = k
		if k+1 < len(items) && listStart[k+1] == listStart[k] {
			listEnd[k] = listEnd[k+1]
		}
	}
	var out []mcand
	for k := 0; k < len(items); k++ {
		it := items[k]
		// “大产业”“大平台”…五大提升行动: the numbered whole is the name
		if listStart[k] == k && listEnd[k] > k {
			last := items[listEnd[k]]
			if m := listHeadRe.FindString(t.str(last.q1, min(e, last.q1+12))); m != "" && t.str(items[k].q1, items[k+1].q0) == "" {
				en := last.q1 + utf8.RuneCountInString(m)
				if free(it.q0, en) {
					out = append(out, mcand{start: it.q0, end: en, key: mechKey(m), name: mechDisplay(m)})
					claim(it.q0, en)
				}
				k = listEnd[k]
				continue
			}
		}
		c := it.content
		if !free(it.q0, it.q1) || x.rejectQuoted(c) || x.inTitleAward(it.q0) {
			continue
		}
		after := t.str(it.q1, min(e, it.q1+8))
		if strings.HasPrefix(after, "的") {
			continue // a description of what follows: “信访打头…”的县级社会治理中心
		}
		score := 0
		en := it.q1
		hn := headAt(t, it.q1, e)
		switch {
		case endsWithHead(c):
			score += 3
		case hn > 0:
			score += 3
			en = it.q1 + hn
		case notMechAfterRe.MatchString(after):
			score -= 4
		}
		if x.p.lex.stop[c] && hn == 0 {
			continue // a slogan or metaphor, unless a head makes it a name: “娘家人”调解室
		}
		if x.isAwardName(it.q0, it.q1) {
			continue // the quoted whole is an honour's name
		}
		if digitsOnlyRe.MatchString(c) && en == it.q1 {
			continue // “0506”, “12·4”: dates and numbers
		}
		// items of a known mechanism: “出生”“退休”等“一件事一次办”事项
		last := items[listEnd[k]]
		if tail := t.str(last.q1, min(e, last.q1+12)); strings.HasPrefix(tail, "等") {
			rest := strings.Trim(tail[len("等"):], "“”")
			if f, ok := x.p.lex.match(text([]rune(rest)), 0); ok && !x.p.lex.sameAs(mechKey(c), f.e) {
				continue
			}
		}
		// a shared head after the list: “拿地即开工”“竣备即发证”等改革
		if t.str(last.q1, min(e, last.q1+1)) == "等" && headAt(t, last.q1+1, e) > 0 {
			score += 3
		}
		// a verb right before the list
		first := items[listStart[k]]
		ps := x.topicBefore(first.q0, s)
		cs := clauseStart(t, ps, s)
		if end := mechCues.lastEnd(t, max(cs, ps-10), ps); end >= 0 && ps-end <= 3 {
			score += 2
		}
		switch {
		case structuredRe.MatchString(c) || strings.Contains(c, "+"):
			score += 2
		case numeralRe.MatchString(c):
			score++
		}
		if x.inRecipient(it.q0) {
			score += 2
		}
		// inside parentheses right after a name: (“一站式”核查、“一次性”告知)
		if open := strings.LastIndexAny(t.str(s, it.q0), "(（"); open >= 0 && !strings.ContainsAny(t.str(s, it.q0)[open:], ")）") {
			score -= 2
		}
		known := x.p.lex.familyOf(c)
		if known != nil {
			score += 2
		}
		if score < 2 {
			continue
		}
		// the topic before the quote is part of the surface, and of the
		// name when the quoted part is a template: 行政调解“湖州模式”
		st := it.q0
		nameStart := it.q0
		if tp := x.topicBefore(it.q0, s); tp < it.q0 {
			st = tp
			if strings.HasSuffix(c, "模式") || strings.HasSuffix(c, "经验") || strings.HasSuffix(c, "做法") {
				nameStart = tp
			}
		}
		// a known form right after is the same mechanism: “谁执法谁普法”普法责任制
		if f, ok := x.p.lex.match(t, en); ok && known != nil && en == it.q1+hn {
			en += f.runes
		} else if hn > 0 {
			if f, ok := x.p.lex.match(t, it.q1); ok && f.runes > hn && known != nil {
				en = it.q1 + f.runes
			}
		}
		full := t.str(nameStart, en)
		key := mechKey(full)
		// a generic head does not make another mechanism: “七曲说法”普法品牌
		// is “七曲说法”
		if nameStart == it.q0 && genericSuffix[t.str(it.q1, en)] && hasHan(c) && (utf8.RuneCountInString(c) >= 3 || structuredRe.MatchString(c)) {
			key = mechKey(c)
		}
		name := mechDisplay(full)
		if key == mechKey(c) && hasHan(c) {
			name = mechDisplay(c)
		}
		cand := mcand{start: st, end: en, key: key, name: name, content: mechKey(c)}
		for _, probe := range []string{full, t.str(it.q0, en), c, t.str(st, en)} {
			if le := x.p.lex.find(probe); le != nil && !le.root {
				cand.key, cand.name, cand.family, cand.kinds, cand.known = mechKey(le.name), le.name, le.family, le.kinds, true
				break
			}
		}
		if known == nil {
			known = x.p.lex.familyOf(full)
		}
		if !cand.known && known != nil {
			if x.p.lex.sameAs(key, known) {
				cand.key, cand.name, cand.family, cand.kinds, cand.known = mechKey(known.name), known.name, known.family, known.kinds, true
			} else {
				cand.family, cand.kinds = known.name, known.kinds
			}
		}
		out = append(out, cand)
		claim(st, en)
	}
	return out
}

// inTitleAward reports whether i is inside a 《》 title that names an
// honour or a case: quotes there are part of a title.
func (x *doc) inTitleAward(i int) bool {
	for _, d := range x.docSpans {
		if d[0] < i && i < d[1] {
			return strings.Contains(x.t.str(d[0], d[1]), "典型") || strings.Contains(x.t.str(d[0], d[1]), "蓝")
		}
	}
	return false
}

var (
	bareHeads = wordsOf(`工作机制 机制 工作模式 模式 改革 工作法 制`)
	// 制 alone ends a name after these: 限时办结制, 首问负责制, 告知承诺制
	barePreZhi = "结任诺问示理值责号单案核审告备名分保牌办联"
	// words that make a head part of a longer word: 改革创新, 模式化
	headGlueRe = regexp.MustCompile(`^(化|性|度|创新|开放|发展|任务|举措|成效|经验|攻坚|试验|红利|成果|项目)`)
)

// bareMechanisms finds unquoted names that a creating verb introduces:
// 建立行政争议实质性化解联动协作机制, 探索法律顾问、退休法官辅助法制审核模式.
func (x *doc) bareMechanisms(s, e int, free func(int, int) bool, claim func(int, int)) []mcand {
	t := x.t
	var out []mcand
	for hs := s; hs < e; hs++ {
		n := bareHeads.at(t, hs)
		if n == 0 {
			continue
		}
		he := hs + n
		head := t.str(hs, he)
		if headGlueRe.MatchString(t.str(he, min(e, he+2))) {
			continue
		}
		if head == "制" && (hs == 0 || !strings.ContainsRune(barePreZhi, t[hs-1])) {
			continue
		}
		if !free(hs, he) || x.inAward(hs) {
			continue
		}
		cue := bareCues
		if head == "改革" {
			cue = reformCues
		}
		// the creating verb to the left, within 18 characters of one clause;
		// or a mechanism just before, joined by 和/及/、
		cs := clauseStart(t, hs, s)
		start := -1
		if he+2 <= e && t.str(he, he+2) == "建设" && (head == "机制" || head == "模式" || head == "工作机制") {
			cue = buildCues // 推进知识产权多元化解机制建设
		}
		if strings.HasSuffix(t.str(max(s, hs-2), he), "长效机制") {
			continue // a long-term arrangement, not a named mechanism
		}
		cueEnds := cue.ends(t, max(cs, hs-26), hs)
		for k := hs - 1; k >= max(cs, hs-18); k-- {
			if strings.ContainsRune("的等或“”《》", t[k]) ||
				(t[k] == '与' && (k == 0 || !strings.ContainsRune("参给授赋干涉", t[k-1]))) {
				break
			}
			if strings.ContainsRune("和及、", t[k]) {
				if k > 0 && claimed(free, k-1) && k+1 < hs {
					start = k + 1
				}
				if t[k] != '、' || start >= 0 {
					break
				}
				continue
			}
			if cueEnds[k] {
				start = k
				break
			}
		}
		if start < 0 {
			continue
		}
		core := t.str(start, hs)
		if utf8.RuneCountInString(core) < 5 || !free(start, he) {
			continue
		}
		full := t.str(start, he)
		key := mechKey(full)
		cand := mcand{start: start, end: he, key: key, name: mechDisplay(full)}
		if le := x.p.lex.find(key); le != nil && !le.root {
			cand.key, cand.name, cand.family, cand.kinds, cand.known = mechKey(le.name), le.name, le.family, le.kinds, true
		} else if f := x.p.lex.familyOf(full); f != nil {
			cand.family, cand.kinds = f.name, f.kinds
		}
		out = append(out, cand)
		claim(start, he)
	}
	return out
}

func claimed(free func(int, int) bool, i int) bool { return !free(i, i+1) }

// inAward reports whether i lies in the name of an honour.
func (x *doc) inAward(i int) bool {
	for _, a := range x.awardSpan {
		if a[0] <= i && i < a[1] {
			return true
		}
	}
	return false
}

// collectMechanisms merges candidates by key into the report's mechanisms,
// with surfaces, mentions and the bodies taking part.
func (x *doc) collectMechanisms(cands []mcand) {
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].start < cands[j].start })
	// parts of a composite listed together are the composite: 行政执法公示
	// 制度、执法全过程记录制度、重大执法决定法制审核制度 are the 三项制度
	// “一会三单” alone is the “一会三单”府检联动机制 the report names elsewhere
	named := map[string]mcand{}
	for _, c := range cands {
		if c.content != "" && c.key != c.content {
			if _, ok := named[c.content]; !ok {
				named[c.content] = c
			}
		}
	}
	for i := range cands {
		c := &cands[i]
		if d, ok := named[c.content]; ok && c.content != "" && c.key == c.content {
			c.key, c.name, c.family, c.kinds, c.known = d.key, d.name, d.family, d.kinds, d.known
		}
	}
	wholes := make([]*lexEntry, len(cands))
	for i, c := range cands {
		e := x.p.lex.byName[c.name]
		if !c.known || e == nil || !e.part {
			continue
		}
		si := x.sentenceAt(c.start)
		parts := map[string]bool{}
		for _, d := range cands {
			if de := x.p.lex.byName[d.name]; de != nil && de.part && de.family == e.family && x.sentenceAt(d.start) == si {
				parts[d.name] = true
			}
		}
		if len(parts) >= 2 {
			wholes[i] = x.p.lex.byName[e.family]
		}
	}
	for i, w := range wholes {
		if w != nil {
			c := &cands[i]
			c.key, c.name, c.family, c.kinds = mechKey(w.name), w.name, w.family, w.kinds
		}
	}
	byKey := map[string]*Mechanism{}
	var order []string
	for _, c := range cands {
		if c.key == "" || utf8.RuneCountInString(c.key) < 2 {
			continue
		}
		m, ok := x.mention(c.start, c.end)
		if !ok {
			continue
		}
		mech := byKey[c.key]
		if mech == nil {
			mech = &Mechanism{Name: c.name, Family: c.family, Known: c.known}
			byKey[c.key] = mech
			order = append(order, c.key)
		}
		if mech.Family == "" && c.family != "" && c.family != mech.Name {
			mech.Family = c.family
		}
		if !contains(mech.Surfaces, m.Surface) {
			mech.Surfaces = append(mech.Surfaces, m.Surface)
		}
		mech.Mentions = append(mech.Mentions, m)
		for _, b := range x.mechBodies(c) {
			if !contains(mech.Bodies, b) {
				mech.Bodies = append(mech.Bodies, b)
			}
		}
	}
	for _, k := range order {
		x.rep.Mechanisms = append(x.rep.Mechanisms, *byKey[k])
	}
}

var cooperateRe = regexp.MustCompile(`与|联合|会同|共同|协同|携手|联动|合力`)

// mechBodies returns the bodies taking part in a mechanism: those its kind
// implies (府检联动: the government and the procuratorate of the report's
// jurisdiction), and those its clause names as acting together.
func (x *doc) mechBodies(c mcand) []string {
	var out []string
	if x.self != nil {
		for _, k := range c.kinds {
			canon := map[string]string{KindGovernment: "人民政府", KindCourt: "人民法院", KindProcuratorate: "人民检察院",
				KindJustice: "司法局", KindPolice: "公安局", KindParty: "委"}[k]
			if canon != "" {
				out = append(out, bodyName(x.self, canon))
			}
		}
	}
	si := x.sentenceAt(c.start)
	if si < 0 {
		return out
	}
	s := x.sents[si]
	// the clause: from the last ; before the mechanism
	from := s.start
	for k := c.start - 1; k > s.start; k-- {
		if x.t[k] == '；' || x.t[k] == ';' {
			from = k + 1
			break
		}
	}
	var named []string
	for _, b := range x.bodyAt {
		if b.start >= from && b.end <= c.start {
			// a known mechanism takes the kinds of bodies it is made of
			if len(c.kinds) > 0 && !contains(c.kinds, b.kind) {
				continue
			}
			if !contains(named, b.name) {
				named = append(named, b.name)
			}
		}
	}
	if len(named) >= 2 && cooperateRe.MatchString(x.t.str(from, c.start)) {
		for _, n := range named {
			if !contains(out, n) {
				out = append(out, n)
			}
		}
	}
	return out
}

// isAwardName reports whether the quote [q0, q1) is the whole name of an
// honour: 被评为“四川省枫桥式司法所”.
func (x *doc) isAwardName(q0, q1 int) bool {
	for _, a := range x.awardSpan {
		if a[0] <= q0 && q1 <= a[1] && (a[1]-a[0])-(q1-q0) <= 2 {
			return true
		}
	}
	return false
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// A mechanism said not to be in place: 尚未全面建立, 还未有效运行, 缺乏.
var (
	lackAfterRe  = regexp.MustCompile(`^[^，,。；;：:]{0,12}?(尚未|还未|仍未|未能|还没有|尚没有|没有|未)(全面|有效|真正|完全|普遍|系统)?(建立|形成|落实|推开|推行|实施|覆盖|开展|运行|启动|落地|铺开|建成)`)
	lackBeforeRe = regexp.MustCompile(`(缺乏|缺少|尚未建立|未建立|没有建立|尚无|还没有)$`)
)

// negations marks the mentions of mechanisms said not to be in place.
func (x *doc) negations() {
	for i := range x.rep.Mechanisms {
		m := &x.rep.Mechanisms[i]
		for k := range m.Mentions {
			mn := &m.Mentions[k]
			si := mn.Sentence
			if si < 0 || si >= len(x.sents) || x.sents[si].status == Front {
				continue
			}
			st, en := x.normSpan(*mn)
			after := x.t.str(en, min(x.sents[si].end, en+24))
			before := x.t.str(max(x.sents[si].start, st-6), st)
			if lackAfterRe.MatchString(after) || lackBeforeRe.MatchString(before) {
				mn.Negated = true
			}
		}
	}
}
