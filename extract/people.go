package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Common Chinese surnames: a person's name starts with one.
const surnames = `王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝储`

var compoundSurnames = []string{"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "司徒", "夏侯", "长孙", "宇文", "轩辕", "端木", "西门", "南宫"}

// Posts, longest first within each alternative.
var postRe = regexp.MustCompile(`(常务副省长|副省长|省长|常务副市长|副市长|市长|常务副区长|副区长|区长|常务副县长|副县长|县长|党委书记|党组书记|副书记|书记|常委|副主任|主任|副厅长|厅长|副局长|局长|副部长|部长|副院长|院长|副检察长|检察长|庭长|所长|副主席|主席|秘书长|镇长|乡长|政委|队长|处长|科长|巡视员|调研员)`)

var posts = wordsOf(`常务副省长 副省长 省长 常务副市长 副市长 市长 常务副区长 副区长 区长 常务副县长 副县长 县长 党委书记 党组书记 副书记 书记 常委 副主任 主任 副厅长 厅长 副局长 局长 副部长 部长 副院长 院长 副检察长 检察长 庭长 所长 副主席 主席 秘书长 镇长 乡长 政委 队长 处长 科长 巡视员 调研员`)

// Words that may follow a name: 徐晓波调研, 朱苗批示, 刘红兵书记.
var afterName = []string{"调研", "批示", "同志", "等", "到", "在", "出席", "带队", "讲话", "指出", "强调", "主持", "参加",
	"视察", "一行", "作", "对", "为", "和", "及", "与", "率", "专程", "莅临", "亲自", "先后", "分别", "给予", "表示",
	"听取", "肯定", "的", "被", "获", "荣获", "书记", "常务", "副", "省长", "市长", "区长", "县长", "主任", "局长", "厅长"}

func isSurname(rs []rune, i int) int {
	for _, c := range compoundSurnames {
		if strings.HasPrefix(string(rs[i:min(len(rs), i+2)]), c) {
			return 2
		}
	}
	if strings.ContainsRune(surnames, rs[i]) {
		return 1
	}
	return 0
}

// nameAt reads a person's name at t[i:]: a surname and one or two given
// characters, followed by punctuation or a word that follows names.
func nameAt(t text, i int) int {
	if i >= len(t) {
		return 0
	}
	sn := isSurname(t, i)
	if sn == 0 {
		return 0
	}
	for _, n := range []int{sn + 2, sn + 1} {
		e := i + n
		if e > len(t) {
			continue
		}
		ok := true
		for k := i; k < e; k++ {
			if !unicode.Is(unicode.Han, t[k]) {
				ok = false
			}
		}
		if !ok {
			continue
		}
		if e == len(t) || !unicode.Is(unicode.Han, t[e]) {
			return n
		}
		rest := t.str(e, e+3)
		for _, w := range afterName {
			if strings.HasPrefix(rest, w) {
				return n
			}
		}
	}
	return 0
}

// Names that are not people though they look like one.
var notNames = map[string]bool{"习近平": true}

// people finds people named with their posts.
func (x *doc) people() {
	t := x.t
	seen := map[string]int{}
	add := func(name, role, body string, s, e int) {
		if notNames[name] {
			return
		}
		m, ok := x.mention(s, e)
		if !ok {
			return
		}
		if i, ok := seen[name]; ok {
			p := &x.rep.People[i]
			p.Mentions = append(p.Mentions, m)
			if p.Role == "" {
				p.Role = role
			}
			return
		}
		seen[name] = len(x.rep.People)
		x.rep.People = append(x.rep.People, Person{Name: name, Role: role, Body: body, Mentions: []Mention{m}})
	}
	for _, s := range x.sents {
		if s.status == Front {
			continue
		}
		for ps := s.start; ps < s.end; ps++ {
			n := posts.at(t, ps)
			if n == 0 || ps+n > s.end {
				continue
			}
			pe := ps + n
			next := pe - 1
			func() {
				// post then name: 省司法厅副厅长徐晓波
				if n := nameAt(t, pe); n > 0 && x.nameOK(pe, pe+n) {
					rs, body := x.roleStart(ps, s.start)
					add(t.str(pe, pe+n), t.str(rs, pe), body, pe, pe+n)
					return
				}
				// name then post: 徐文光常务副省长, 刘红兵书记
				for n := 3; n >= 2; n-- {
					ns := ps - n
					if ns < s.start || isSurname(t, ns) == 0 {
						continue
					}
					ok := true
					for k := ns; k < ps; k++ {
						if !unicode.Is(unicode.Han, t[k]) {
							ok = false
						}
					}
					before := rune(0)
					if ns > 0 {
						before = t[ns-1]
					}
					if ok && (!unicode.Is(unicode.Han, before) || strings.ContainsRune("获达经由向请对与和及", before)) && x.bodyOverlapping(ns, ps) == nil && x.nameOK(ns, ps) {
						end := pe
						for end < s.end && postRe.MatchString(t.str(end, end+2)) {
							end++
						}
						add(t.str(ns, ps), t.str(ps, pe), "", ns, ps)
						break
					}
				}
			}()
			ps = next
		}
		// a body then a name: 区委政法委许志伟、区人民法院陈道准被授予
		for _, b := range x.bodyAt {
			if b.start < s.start || b.end > s.end {
				continue
			}
			if n := nameAt(t, b.end); n > 0 && x.nameOK(b.end, b.end+n) {
				e := b.end + n
				if e < len(t) && (t[e] == '、' || t.str(e, e+1) == "被" || t.str(e, e+2) == "荣获" || t.str(e, e+2) == "获评") {
					add(t.str(b.end, e), t.str(b.start, b.end), b.name, b.end, e)
				}
			}
		}
	}
}

// roleStart finds where a post's description begins: at the body written
// right before it (省司法厅副厅长), through posts joined by 、.
func (x *doc) roleStart(ps, limit int) (int, string) {
	start, body := ps, ""
	for {
		moved := false
		if b := x.bodyEndingAt(start); b != nil && b.start >= limit {
			start, body, moved = b.start, b.name, true
		} else if start-1 >= limit && x.t[start-1] == '、' {
			// 党委书记、厅长: walk over the earlier post
			if loc := postRe.FindStringIndex(x.t.str(max(limit, start-8), start-1)); loc != nil {
				sub := x.t.str(max(limit, start-8), start-1)
				if loc[1] == len(sub) {
					start = max(limit, start-8) + utf8.RuneCountInString(sub[:loc[0]])
					moved = true
				}
			}
		}
		if !moved {
			return start, body
		}
	}
}

func (x *doc) bodyEndingAt(i int) *bodyHit {
	for k := range x.bodyAt {
		if x.bodyAt[k].end == i {
			return &x.bodyAt[k]
		}
	}
	return nil
}

func (x *doc) bodyOverlapping(s, e int) *bodyHit {
	for k := range x.bodyAt {
		if x.bodyAt[k].start < e && s < x.bodyAt[k].end {
			return &x.bodyAt[k]
		}
	}
	return nil
}

// nameOK asks the segmenter whether [s, e) can be a person's name: not a
// common word of the dictionary (司法, 常务) and not cut out of a longer one
// (常委 of 常委会). Without a segmenter every candidate passes.
func (x *doc) nameOK(s, e int) bool {
	ts := x.tokens(x.sentenceAt(s))
	if ts == nil {
		return true
	}
	endOK := false
	for _, tk := range ts {
		if tk.End == e {
			endOK = true
		}
		if tk.Start == s && tk.End == e && tk.POS != "x" && !strings.HasPrefix(tk.POS, "nr") {
			return false
		}
	}
	return endOK || e >= len(x.t) || strings.ContainsRune("及和与、,，。;；等", x.t[e])
}
