package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/fazhikg/fazhikg/extract/gazetteer"
)

// Cues are what reports say about where a mechanism came from: 学习借鉴临沂市
// 经验, 参照临沂做法, 赴临沂市考察学习, 在全市推广, 经验被兰陵县借鉴, a document
// that calls for it, an honour that names it. They are the strongest
// evidence of diffusion, and are attached to the mechanisms of the sentence
// that states them (or of its paragraph, when the sentence names none).

var (
	// a verb of learning right before the place: 学习借鉴临沂市经验
	learnBeforeRe = regexp.MustCompile(`(学习借鉴|借鉴|学习|参照|参考|复制推广|推广应用|复制|对标|效仿|吸收|引进|取经|总结|学习了|借鉴了|参照了)([\p{Han}]{2,3}(省|自治区))?$`)
	// a deployment from above: 根据市委、市政府统一部署
	deployRe = gate(`(根据|按照|落实|在)(上级|[省市州县区]委、?[省市州县区]政府|[省市州县区]委|[省市州县区]政府|[省市州县区]里)[^，,。；]{0,8}?(统一)?(部署|要求|安排|推动下|确定的试点)|(作为)([省市州县区]委、?[省市州县区]政府|[省市州县区]委|[省市州县区]政府|[省市州县区]里)确定的试点`,
		words("根据|按照|落实|在|作为"), words("部署|要求|安排|推动下|确定的试点"))
	// a named place above deploying it: 按照阜阳市统一部署, 在安徽省的推动下,
	// 作为阜阳市确定的试点地区
	deployBeforeRe = regexp.MustCompile(`(根据|按照|落实|在|作为)$`)
	deployAfterRe  = regexp.MustCompile(`^[\p{Han}、]{0,8}?(统一部署|总体部署|部署要求|工作安排|的推动下|推动下|确定的试点)`)
	// what is learned, right after the place: …经验, …做法
	learnAfterRe = regexp.MustCompile(`^[\p{Han}“”、]{0,12}?(先进|成功|典型)?(经验|做法|模式|模板|样板|机制|成果)`)
	// a visit: 赴临沂市…考察学习
	visitAfterRe = regexp.MustCompile(`^[\p{Han}“”、]{0,20}?(考察|学习|取经|观摩)`)
	// a pilot below it grew from: 在袁集镇先行先试的基础上
	pilotAfterRe = regexp.MustCompile(`^(的)?(先行先试|先行试点|试点)(的)?(基础上|经验)`)
	// others came to see it: 兰陵县专程来我县考察…
	cameAfterRe = regexp.MustCompile(`^[\p{Han}]{0,4}?(来|到)(我|本)[县区市州省旗]{1,2}(考察|学习|观摩|交流)`)
	// promotion across a whole jurisdiction: 在全市推广
	promoteRe = gate(`全(市|省|区|县|州|盟)(范围内|域内)?(复制推广|全面推广|推广|推行|复制)`, words("全"), words("推广|推行|复制"))
	// others took it up: 经验被兰陵县借鉴, 在兰陵县推广
	adoptedAfterRe = regexp.MustCompile(`^(采纳|借鉴|推广|复制|学习)`)
	// relative learning: 学习借鉴全市做法, 市里经验
	learnParentRe = gate(`(学习借鉴|借鉴|学习|参照|参考|复制)(全市|市里|市级|市|全省|省里|省级)(的)?(先进)?(经验|做法|模式)`, words("借鉴|学习|参照|参考|复制"), words("经验|做法|模式"))
	// a citation: 按照《…》, 落实《…》
	citeBeforeRe = regexp.MustCompile(`(按照|根据|依据|落实|贯彻|贯彻落实|对照|执行|遵照|印发|出台)$`)
)

// visitBefore reports whether the words before a place send someone there:
// 赴临沂市, 到临沂市, 前往临沂市.
func visitBefore(s string) bool {
	return strings.Contains(s, "赴") || strings.HasSuffix(s, "到") || strings.HasSuffix(s, "前往")
}

// sentenceCues returns the cues a sentence states, without their mechanism.
// For a sentence before the one naming the mechanism (alone is false),
// a deployment from above is left out: 按照省委总体部署 in an opening
// sentence frames the year's whole work, not the next sentence's mechanism.
func (x *doc) sentenceCues(si int, alone bool) []Cue {
	s := x.sents[si]
	t := x.t
	var out []Cue
	seen := map[string]bool{}
	add := func(kind, place, docTitle, level string, st, en int) {
		k := kind + place + docTitle
		if seen[k] {
			return
		}
		m, ok := x.mention(st, en)
		if !ok {
			return
		}
		seen[k] = true
		out = append(out, Cue{Kind: kind, Place: place, Document: docTitle, Level: level, Mention: m})
	}
	// places named with a verb of learning, a visit, or as takers-up
	for i := 0; i < len(x.placeAt); i++ {
		h := x.placeAt[i]
		if h.start < s.start || h.end > s.end || h.j == x.self {
			continue
		}
		// a chain 山东省临沂市 counts as its last place
		if i+1 < len(x.placeAt) && x.placeAt[i+1].start == h.end {
			continue
		}
		head := h.start
		for k := i - 1; k >= 0 && x.placeAt[k].end == head; k-- {
			head = x.placeAt[k].start
		}
		// a list 临沂市、枣庄市 shares the words around it
		first, last := x.placeList(i)
		lhead, lend := x.placeAt[first].start, x.placeAt[last].end
		for k := first - 1; k >= 0 && x.placeAt[k].end == lhead; k-- {
			lhead = x.placeAt[k].start
		}
		if lhead < s.start || lend > s.end {
			lhead, lend = head, h.end
		}
		cs := clauseStart(t, lhead, s.start)
		// another place as the clause's subject learned it, not the
		// report's jurisdiction: 梓潼县2022年借鉴山东省临沂市做法
		if k := i - 1; k >= 0 {
			for ; k >= 0 && x.placeAt[k].start >= cs; k-- {
				if x.placeAt[k].end <= lhead && x.placeAt[k].j != x.self && x.placeAt[k].end != lhead {
					break
				}
			}
			if k >= 0 && x.placeAt[k].start >= cs && x.placeAt[k].end < lhead {
				continue
			}
		}
		before := t.str(max(cs, lhead-8), lhead)
		after := t.str(lend, min(s.end, lend+24))
		code := h.j.code
		switch {
		case learnBeforeRe.MatchString(before) && learnAfterRe.MatchString(after):
			add(CueLearned, code, "", "", head, h.end)
		case visitBefore(t.str(max(cs, head-3), head)) && visitAfterRe.MatchString(after):
			add(CueLearned, code, "", "", head, h.end)
		case strings.HasSuffix(before, "在") && pilotAfterRe.MatchString(after):
			add(CueLearned, code, "", "", head, h.end)
		case alone && deployBeforeRe.MatchString(before) && deployAfterRe.MatchString(after) && x.self != nil && x.self.below(h.j):
			add(CuePromoted, code, "", "", head, h.end)
		case cameAfterRe.MatchString(after):
			add(CueAdopted, code, "", "", head, h.end)
		case strings.HasSuffix(before, "已在") && (strings.HasPrefix(after, "复制") || strings.HasPrefix(after, "推广")):
			add(CueAdopted, code, "", "", head, h.end)
		case strings.HasSuffix(before, "被") && adoptedAfterRe.MatchString(after):
			add(CueAdopted, code, "", "", head, h.end)
		case strings.HasSuffix(before, "在") && strings.HasPrefix(after, "推广"):
			add(CueAdopted, code, "", "", head, h.end)
		case strings.HasPrefix(after, "推广") || strings.HasPrefix(after, "关于在全") || strings.HasPrefix(after, "在全"):
			// 落实咸阳市推广府检联动的工作要求: the place promoted it
			add(CuePromoted, code, "", "", head, h.end)
		}
	}
	str := t.str(s.start, s.end)
	for _, loc := range promoteRe.FindAllStringSubmatchIndex(str, -1) {
		if j := x.relJur(str[loc[2]:loc[3]]); j != nil {
			st := s.start + utf8.RuneCountInString(str[:loc[0]])
			en := s.start + utf8.RuneCountInString(str[:loc[1]])
			add(CuePromoted, j.code, "", "", st, en)
		}
	}
	for _, loc := range deployRe.FindAllStringSubmatchIndex(str, -1) {
		if !alone {
			break
		}
		var who string
		if loc[4] >= 0 {
			who = str[loc[4]:loc[5]]
		} else { // 作为市里确定的试点
			who = str[loc[12]:loc[13]]
		}
		if who == "上级" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(who)
		if j := x.relJur(string(r)); j != nil && j != x.self {
			st := s.start + utf8.RuneCountInString(str[:loc[0]])
			en := s.start + utf8.RuneCountInString(str[:loc[1]])
			add(CuePromoted, j.code, "", "", st, en)
		}
	}
	for _, loc := range learnParentRe.FindAllStringSubmatchIndex(str, -1) {
		rel := str[loc[4]:loc[5]]
		var j *jur
		if strings.Contains(rel, "省") {
			j = x.relJur("省")
		} else {
			j = x.relJur("市")
		}
		if j != nil && j != x.self {
			st := s.start + utf8.RuneCountInString(str[:loc[0]])
			en := s.start + utf8.RuneCountInString(str[:loc[1]])
			add(CueLearned, j.code, "", "", st, en)
		}
	}
	return out
}

// docCues returns the documents a sentence cites for the mechanism at
// [ms, me): a title that names the mechanism, or one cited with 按照, 落实 …
// before it when the sentence names no mechanism of another family
// (落实《纲要》…，以府检联动、府院联动为抓手 frames the year's work; it does not
// say the 纲要 brought either).
func (x *doc) docCues(si, ms, me int, name string, alone bool) []Cue {
	s := x.sents[si]
	var out []Cue
	key := mechKey(name)
	for _, d := range x.docSpans {
		if d[0] < s.start || d[1] > s.end {
			continue
		}
		title := x.t.str(d[0]+1, d[1]-1)
		names := strings.Contains(docKey(title), docKey(key))
		cited := citeBeforeRe.MatchString(x.t.str(max(s.start, d[0]-6), d[0]))
		if !names && !(cited && alone && d[1] <= ms) {
			continue
		}
		m, ok := x.mention(d[0]+1, d[1]-1)
		if !ok {
			continue
		}
		out = append(out, Cue{Kind: CueCited, Document: cleanDocTitle(title), Level: x.docLevel(title), Mention: m})
	}
	return out
}

// docLevel tells the level of a document's issuer from its title: a law
// or a national programme, a province's, a city's or a county's own.
func (x *doc) docLevel(title string) string {
	if l, ok := x.docLevels[title]; ok {
		return l
	}
	l := x.findDocLevel(title)
	if x.docLevels == nil {
		x.docLevels = map[string]string{}
	}
	x.docLevels[title] = l
	return l
}

func (x *doc) findDocLevel(title string) string {
	switch {
	case strings.HasPrefix(title, "中华人民共和国") || strings.HasPrefix(title, "国务院") || strings.HasPrefix(title, "中共中央"):
		return "national"
	}
	for _, m := range x.p.gaz.Scan(title, nil) {
		if m.Start > 2 || len(m.Places) == 0 {
			break
		}
		switch m.Places[0].Level {
		case gazetteer.Province:
			return "province"
		case gazetteer.City:
			return "city"
		default:
			return "county"
		}
	}
	if strings.Contains(title, "在全市") {
		return "city"
	}
	if strings.Contains(title, "在全省") {
		return "province"
	}
	// titles with no place are national more often than not: 法治政府建设
	// 实施纲要, 优化营商环境条例
	if k := docKind(title); k == "纲要" || k == "法律" || k == "行政法规" {
		return "national"
	}
	return ""
}

// cues attaches to each mechanism the cues of the sentences that mention
// it, and of the honours that name it.
func (x *doc) cues() {
	bySent := map[int][]Cue{}
	before := map[int][]Cue{}
	// sentence → the families of the mechanisms it names (首违不罚 and its
	// 免罚清单 are one)
	familiesIn := map[int]map[string]bool{}
	for _, mech := range x.rep.Mechanisms {
		fam := mech.Family
		if fam == "" {
			fam = mech.Name
		}
		for _, m := range mech.Mentions {
			if familiesIn[m.Sentence] == nil {
				familiesIn[m.Sentence] = map[string]bool{}
			}
			familiesIn[m.Sentence][fam] = true
		}
	}
	for i, mech := range x.rep.Mechanisms {
		seen := map[string]bool{}
		add := func(c Cue) {
			k := c.Kind + c.Place + c.Document
			if !seen[k] {
				seen[k] = true
				x.rep.Mechanisms[i].Cues = append(x.rep.Mechanisms[i].Cues, c)
			}
		}
		for _, m := range mech.Mentions {
			si := m.Sentence
			if si < 0 || si >= len(x.sents) || x.sents[si].status == Front {
				continue
			}
			cs, ok := bySent[si]
			if !ok {
				cs = x.sentenceCues(si, true)
				bySent[si] = cs
			}
			for _, c := range cs {
				add(c)
			}
			// the cue may come in the sentence before, in the same paragraph
			if len(cs) == 0 && si > 0 && x.sents[si-1].line == x.sents[si].line {
				prev, ok := before[si-1]
				if !ok {
					prev = x.sentenceCues(si-1, false)
					before[si-1] = prev
				}
				for _, c := range prev {
					add(c)
				}
			}
			st, en := x.normSpan(m)
			for _, c := range x.docCues(si, st, en, mech.Name, len(familiesIn[si]) == 1) {
				add(c)
			}
		}
		for _, a := range x.rep.Awards {
			if strings.Contains(mechKey(a.Name), mechKey(mech.Name)) || strings.Contains(mechKey(a.Recipient), mechKey(mech.Name)) {
				if len(a.Mentions) > 0 {
					add(Cue{Kind: CueAward, Document: a.Name, Level: awardLevelCode(a.Level), Mention: a.Mentions[0]})
				}
			}
		}
	}
}

// normSpan returns the normalised span of a mention.
func (x *doc) normSpan(m Mention) (int, int) {
	s := x.sents[m.Sentence]
	// mentions are original offsets; find the normalised ones within the
	// sentence by walking its characters
	st, en := s.start, s.end
	for i := s.start; i <= s.end; i++ {
		if x.norm.Orig(i) == m.Start {
			st = i
			break
		}
	}
	for i := st; i <= s.end; i++ {
		if x.norm.Orig(i) >= m.End {
			en = i
			break
		}
	}
	return st, en
}

func awardLevelCode(l string) string {
	switch l {
	case "国家级":
		return "national"
	case "省级":
		return "province"
	case "市级":
		return "city"
	case "县级":
		return "county"
	}
	return ""
}

// placeList returns the first and last of the places joined by 、 that
// place hit i is one of: 经验被忠县、綦江区复制推广.
func (x *doc) placeList(i int) (first, last int) {
	t := x.t
	joined := func(a, b int) bool {
		return x.placeAt[a].end+1 == x.placeAt[b].start && t[x.placeAt[a].end] == '、'
	}
	first, last = i, i
	for first > 0 && joined(first-1, first) {
		first--
	}
	for last+1 < len(x.placeAt) && joined(last, last+1) {
		last++
	}
	return first, last
}
