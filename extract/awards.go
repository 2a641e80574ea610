package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Words that confer an honour. Strong ones make an award of whatever
// follows; weak ones (获, 获得, 成功创建 …) only of an object that names an
// honour.
var (
	awardTriggerRe = regexp.MustCompile(`(被评选为|被评定为|被命名为|被表彰为|被确定为|被列为|被授予|被评为|荣获了?|获评为?|获得了?|入选了?|表彰为|评选为|评定为|命名为|授予|评为|成功创建|创建为|荣立|获|记)`)
	strongTriggers = map[string]bool{
		"被评选为": true, "被评定为": true, "被命名为": true, "被表彰为": true, "被授予": true, "被评为": true,
		"荣获": true, "荣获了": true, "获评": true, "获评为": true, "入选": true, "入选了": true, "表彰为": true,
		"评选为": true, "评定为": true, "命名为": true, "授予": true, "评为": true, "荣立": true,
	}
	honourRe       = regexp.MustCompile(`等功|示范|先进|模范|优秀|典型|案例|基地|奖|称号|集体|个人|标兵|品牌|试点|最佳实践|星级|荣誉|案例库|民主法治村|单位|十佳|百佳|优胜|金牌|表扬|表彰|名录|名单|项目|事例|先锋|红旗|文明`)
	notHonourEndRe = regexp.MustCompile(`(肯定|批示|点赞|刊载|刊发|报道|好评|认可|关注|支持|授信额度|资金|补助|经费|贷款|融资|成效|效果|提升|增长|突破|回复|答复)$`)
	countHonourRe  = regexp.MustCompile(`荣誉\d+项|\d+项荣誉|^(国家级|省级|市级|县级)荣誉`)
	leadWordsRe    = regexp.MustCompile(`^(同时|并且|并|其中|今年以来|此外|另外|目前|全年|期间|此外|先后|相继|还|均|分别|已|共)+`)
	firstOfRe      = regexp.MustCompile(`^[\p{Han}]{1,8}(首个|首家|唯一)`)
	awardYearRe    = regexp.MustCompile(`(\d{4})\s*年度?`)
	weakHonourRe   = regexp.MustCompile(`奖|称号|案例|表扬|表彰|先进|示范|荣誉`)
)

// awardLevel tells an honour's level from its name, or from the agent
// that conferred it (被省评定为).
func awardLevel(name, agent string) string {
	for _, s := range []string{name, agent} {
		switch {
		case strings.Contains(s, "全国") || strings.Contains(s, "国家") || strings.HasPrefix(s, "中国") ||
			strings.Contains(s, "国务院") || strings.Contains(s, "司法部") || strings.Contains(s, "中央") ||
			strings.Contains(s, "《中国"):
			return "国家级"
		case strings.Contains(s, "省"):
			return "省级"
		case strings.Contains(s, "市"):
			return "市级"
		case strings.Contains(s, "县") || strings.Contains(s, "区级") || strings.Contains(s, "全区"):
			return "县级"
		}
	}
	return "其他"
}

// awards finds honours conferred: 获评, 荣获, 被授予, 入选, 被表彰为, 被评为 …
func (x *doc) awards() {
	t := x.t
	type key struct{ name, recipient string }
	seen := map[key]int{}
	for si, s := range x.sents {
		if s.status == Front {
			continue
		}
		str := t.str(s.start, s.end)
		if !strings.ContainsAny(str, "获评授选彰命创荣记列确") {
			continue
		}
		for _, loc := range awardTriggerRe.FindAllStringIndex(str, -1) {
			trig := str[loc[0]:loc[1]]
			ts := s.start + utf8.RuneCountInString(str[:loc[0]])
			te := s.start + utf8.RuneCountInString(str[:loc[1]])
			if x.inTitle(ts) {
				continue
			}
			// the object: to the end of the clause, quotes and titles kept whole
			oe := clauseEnd(t, te, s.end)
			objects := splitTopLevel(t, te, oe)
			// the recipient: the clause before the trigger
			rs := clauseStart(t, ts, s.start)
			recipient, agent := x.recipientAt(rs, ts)
			recorded := false
			for _, ob := range objects {
				name := strings.TrimSpace(t.str(ob[0], ob[1]))
				name = firstOfRe.ReplaceAllString(name, "")
				name = strings.TrimSuffix(strings.TrimSuffix(name, "荣誉称号"), "称号")
				name = strings.TrimPrefix(name, "为")
				if utf8.RuneCountInString(name) < 3 || countHonourRe.MatchString(name) || notHonourEndRe.MatchString(name) {
					continue
				}
				if !strongTriggers[trig] && !honourRe.MatchString(name) {
					continue
				}
				name = strings.TrimSuffix(name, "名单")
				if strings.HasPrefix(name, "“") && strings.HasSuffix(name, "”") && strings.Count(name, "“") == 1 {
					name = strings.TrimSuffix(strings.TrimPrefix(name, "“"), "”")
				}
				if trig == "记" && !strings.HasSuffix(name, "功") {
					continue
				}
				if trig == "获" && !weakHonourRe.MatchString(name) {
					continue
				}
				x.awardSpan = append(x.awardSpan, [2]int{ob[0], ob[1]})
				if !recorded {
					x.recipSpan = append(x.recipSpan, [2]int{rs, ts})
					recorded = true
				}
				m, ok := x.mention(ob[0], ob[1])
				if !ok {
					continue
				}
				recips := []string{recipient}
				if parts := splitRecipients(recipient); len(parts) > 1 {
					recips = parts
				}
				for _, r := range recips {
					k := key{name, r}
					if i, ok := seen[k]; ok {
						x.rep.Awards[i].Mentions = append(x.rep.Awards[i].Mentions, m)
						continue
					}
					year := x.rep.Year
					if ym := awardYearRe.FindStringSubmatch(name); ym != nil {
						year = atoi(ym[1])
					}
					seen[k] = len(x.rep.Awards)
					x.rep.Awards = append(x.rep.Awards, Award{
						Name: name, Recipient: r, Level: awardLevel(name, agent), Year: year,
						Mentions: []Mention{m},
					})
				}
			}
			_ = si
		}
	}
}

// inTitle reports whether i lies inside a 《》 title.
func (x *doc) inTitle(i int) bool {
	for _, d := range x.docSpans {
		if d[0] < i && i < d[1] {
			return true
		}
	}
	return false
}

// clauseEnd returns where the clause from i ends: at , 。 ; or 并/并在,
// outside quotes and titles.
func clauseEnd(t text, i, limit int) int {
	depth := 0
	for j := i; j < limit; j++ {
		switch t[j] {
		case '“', '《', '(':
			depth++
		case '”', '》', ')':
			if depth > 0 {
				depth--
			}
		case ',', '，', '。', ';', '；', ':', '：', '!', '?':
			if depth == 0 {
				return j
			}
		case '并':
			if depth == 0 && j > i {
				return j
			}
		}
		if depth == 0 && j > i+1 && t.str(j, j+2) == "成为" {
			return j
		}
	}
	return limit
}

// clauseStart returns where the clause ending at i begins.
func clauseStart(t text, i, limit int) int {
	depth := 0
	for j := i - 1; j >= limit; j-- {
		switch t[j] {
		case '”', '》', ')':
			depth++
		case '“', '《', '(':
			if depth > 0 {
				depth--
			}
		case ',', '，', '。', ';', '；', ':', '：', '!', '?':
			if depth == 0 {
				return j + 1
			}
		}
	}
	return limit
}

// splitTopLevel splits [s, e) at 及, 和, 、 outside quotes and titles.
func splitTopLevel(t text, s, e int) [][2]int {
	var out [][2]int
	depth := 0
	st := s
	for j := s; j < e; j++ {
		switch t[j] {
		case '“', '《', '(':
			depth++
		case '”', '》', ')':
			if depth > 0 {
				depth--
			}
		case '及', '、':
			if depth == 0 {
				out = append(out, [2]int{st, j})
				st = j + 1
			}
		}
	}
	return append(out, [2]int{st, e})
}

var agentRe = regexp.MustCompile(`被(.{1,30}?)$`)

// recipientAt reads the recipient of an honour from the clause [s, e)
// before its trigger, and the agent of a passive (被省评定为 → 省).
func (x *doc) recipientAt(s, e int) (recipient, agent string) {
	str := x.t.str(s, e)
	if m := agentRe.FindStringSubmatchIndex(str); m != nil {
		agent = str[m[2]:m[3]]
		str = str[:m[0]]
	}
	str = leadWordsRe.ReplaceAllString(strings.TrimSpace(str), "")
	// a body named in the recipient stands for it when it is the whole
	for _, b := range x.bodyAt {
		if b.start == s && x.t.str(b.start, b.end) == str {
			return b.name, agent
		}
	}
	return str, agent
}

// splitRecipients splits "区委政法委许志伟、区人民法院陈道准" into its members.
func splitRecipients(r string) []string {
	if !strings.Contains(r, "、") || strings.Contains(r, "等") {
		return nil
	}
	parts := strings.Split(r, "、")
	for _, p := range parts {
		if utf8.RuneCountInString(p) < 2 {
			return nil
		}
	}
	return parts
}
