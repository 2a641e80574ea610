package synth

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"strconv"
	"strings"
)

// scene expands the templates of one report. A template is text with
//
//   - slots in braces: {self} 我县, {all} 全县, {lvl} 县, {gov} 县政府,
//     {party} 县委, {court}, {proc}, {justice}, {market}, {enforce},
//     {police}, {name} the place's name, {subs} 各乡镇（街道）, {subword}
//     乡镇（街道）, {town} a township, {person} a name, {y} the year
//     covered, {y1} the next one, {field} a field of enforcement;
//   - variables the renderer sets, written as they are: {m} the mechanism
//     being told of, {src} the place a cue names, {doc} a document's title,
//     {parentLvl} the parent's level word (全市), {provLvl} the province's …;
//   - numbers: {n:5-30}, {pct:90-100} (maybe with a decimal), {dec:0.2-1.5},
//     {money:80-900};
//   - choices in brackets: [加强|强化|深化].
type scene struct {
	r    *rand.Rand
	p    *place
	year int
	// bodies are the relative names of the place's bodies, fixed for the
	// report so that it names them consistently.
	court, proc, justice, market, enforce, police string
	gov, party                                    string

	// vars are the variables; their values are not expanded.
	vars map[string]string
}

func newScene(p *place, year int, r *rand.Rand) *scene {
	s := &scene{r: r, p: p, year: year, vars: make(map[string]string, 24)}
	s.vars["parentLvl"] = "国"
	if p.parent != nil {
		s.vars["parentLvl"] = shortLvl(p.parent)
	}
	s.vars["provLvl"] = shortLvl(p.prov)
	s.vars["provShort"] = p.prov.name
	if len(p.prov.gz.ShortNames) > 0 {
		s.vars["provShort"] = p.prov.gz.ShortNames[0]
	}
	l := p.lvl
	switch p.level {
	case "province":
		s.court = pick(r, l+"高级人民法院", l+"法院")
		s.proc = pick(r, l+"人民检察院", l+"检察院")
		s.justice, s.market, s.enforce, s.police = l+"司法厅", l+"市场监管局", l+"住房城乡建设厅", l+"公安厅"
		s.gov, s.party = l+"政府", l+"委"
		if l == "自治区" {
			s.party = "自治区党委"
		}
	case "city":
		s.court = pick(r, l+"中级人民法院", l+"中院")
		s.proc = pick(r, l+"人民检察院", l+"检察院")
		s.justice, s.market, s.enforce, s.police = l+"司法局", pick(r, l+"市场监管局", l+"市场监督管理局"), l+"综合行政执法局", l+"公安局"
		s.gov, s.party = l+"政府", l+"委"
		if l == "地区" {
			s.gov, s.party = "行署", "地委"
		}
	case "zone":
		s.court, s.proc = "区法院", "区检察院"
		s.justice, s.market, s.enforce, s.police = "区司法局", "区市场监管局", "区综合行政执法局", "区公安分局"
		s.gov, s.party = "管委会", "党工委"
	default:
		s.court = pick(r, l+"法院", l+"人民法院")
		s.proc = pick(r, l+"检察院", l+"人民检察院")
		s.justice, s.market, s.enforce = l+"司法局", pick(r, l+"市场监管局", l+"市场监督管理局"), l+"综合行政执法局"
		s.police = l + "公安局"
		if l == "区" {
			s.police = "区公安分局"
		}
		s.gov, s.party = l+"政府", l+"委"
	}
	return s
}

func pick(r *rand.Rand, options ...string) string { return options[r.IntN(len(options))] }

// oneOf picks an item of a list.
func oneOf[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// expand returns the template t filled in.
func (s *scene) expand(t string) string {
	var b strings.Builder
	b.Grow(len(t) + 32)
	s.put(&b, t)
	return b.String()
}

// put writes the template t filled in to b.
func (s *scene) put(b *strings.Builder, t string) {
	for len(t) > 0 {
		i := strings.IndexAny(t, "{[")
		if i < 0 {
			b.WriteString(t)
			return
		}
		b.WriteString(t[:i])
		t = t[i:]
		if t[0] == '[' {
			alts, rest := choices(t)
			s.put(b, alts[s.r.IntN(len(alts))])
			t = rest
			continue
		}
		j := strings.IndexByte(t, '}')
		if j < 0 {
			panic(fmt.Sprintf("synth: unclosed { in template %q", t))
		}
		s.slot(b, t[1:j])
		t = t[j+1:]
	}
}

// choices splits the bracketed choice t starts with into its
// alternatives, which may hold choices themselves, and returns what follows.
func choices(t string) (alts []string, rest string) {
	depth, from := 0, 1
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return append(alts, t[from:i]), t[i+1:]
			}
		case '|':
			if depth == 1 {
				alts = append(alts, t[from:i])
				from = i + 1
			}
		}
	}
	panic(fmt.Sprintf("synth: unclosed [ in template %q", t))
}

// slot writes the value of one slot.
func (s *scene) slot(b *strings.Builder, key string) {
	name, arg, _ := strings.Cut(key, ":")
	p := s.p
	switch name {
	case "self":
		b.WriteString(p.self())
	case "all":
		b.WriteString(p.all())
	case "lvl":
		b.WriteString(p.lvl)
	case "gov":
		b.WriteString(s.gov)
	case "party":
		b.WriteString(s.party)
	case "court":
		b.WriteString(s.court)
	case "proc":
		b.WriteString(s.proc)
	case "justice":
		b.WriteString(s.justice)
	case "market":
		b.WriteString(s.market)
	case "enforce":
		b.WriteString(s.enforce)
	case "police":
		b.WriteString(s.police)
	case "name":
		b.WriteString(p.name)
	case "short":
		b.WriteString(p.short)
	case "subs":
		b.WriteString(p.subs())
	case "subword":
		b.WriteString(p.subWord())
	case "town":
		if len(p.towns) > 0 {
			b.WriteString(oneOf(s.r, p.towns))
		} else {
			b.WriteString(oneOf(s.r, fallbackTowns))
		}
	case "person":
		b.WriteString(personName(s.r))
	case "y":
		b.WriteString(strconv.Itoa(s.year))
	case "y1":
		b.WriteString(strconv.Itoa(s.year + 1))
	case "field":
		b.WriteString(oneOf(s.r, fields))
	case "n", "pct", "dec", "money":
		lo, hi := bounds(arg)
		b.WriteString(s.number(name, lo, hi))
	default:
		v, ok := s.vars[name]
		if !ok {
			panic(fmt.Sprintf("synth: unknown slot {%s}", key))
		}
		b.WriteString(v)
	}
}

// bounds parses "5-30" or "0.2-1.5".
func bounds(arg string) (lo, hi float64) {
	a, z, ok := strings.Cut(arg, "-")
	if !ok {
		panic(fmt.Sprintf("synth: bad range %q", arg))
	}
	lo, err1 := strconv.ParseFloat(a, 64)
	hi, err2 := strconv.ParseFloat(z, 64)
	if err1 != nil || err2 != nil || hi < lo {
		panic(fmt.Sprintf("synth: bad range %q", arg))
	}
	return lo, hi
}

func (s *scene) number(kind string, lo, hi float64) string {
	r := s.r
	switch kind {
	case "pct":
		if hi == 100 && r.IntN(3) == 0 {
			return "100"
		}
		v := lo + r.Float64()*(hi-lo)
		if r.IntN(2) == 0 || hi-lo < 1 {
			return strconv.FormatFloat(min(v, hi-0.1), 'f', 1, 64)
		}
		return strconv.Itoa(int(v))
	case "dec":
		return strconv.FormatFloat(lo+r.Float64()*(hi-lo), 'f', 1, 64)
	case "money":
		v := lo + r.Float64()*(hi-lo)
		if r.IntN(3) == 0 {
			return strconv.FormatFloat(v, 'f', 2, 64)
		}
		return strconv.Itoa(int(v))
	}
	n := int(lo) + r.IntN(int(hi)-int(lo)+1)
	return strconv.Itoa(n)
}

// Names of people: surnames and given-name characters common in reports.
const (
	surnames   = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
	givenChars = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建国红文斌宇浩凯健俊帆帅旭宁海波晓峰雪梅琳志春林永新立群东荣庆博卫民丹力学燕云振亮成飞"
)

var (
	surnameRunes = []rune(surnames)
	givenRunes   = []rune(givenChars)
)

func personName(r *rand.Rand) string {
	var b strings.Builder
	b.WriteRune(surnameRunes[r.IntN(len(surnameRunes))])
	b.WriteRune(givenRunes[r.IntN(len(givenRunes))])
	if r.IntN(3) > 0 {
		b.WriteRune(givenRunes[r.IntN(len(givenRunes))])
	}
	return b.String()
}

// fallbackTowns stand in for the townships of a place the gazetteer lists
// none for (zones, some districts).
var fallbackTowns = []string{"城关街道", "新城街道", "东城街道", "开发区街道"}

// fields of enforcement.
var fields = []string{"食品药品", "安全生产", "生态环境", "交通运输", "城市管理", "自然资源", "文化旅游", "农业农村", "医疗卫生", "住房建设"}

// hash64 mixes strings and a number into a seed.
func hash64(n uint64, parts ...string) uint64 {
	h := fnv.New64a()
	var buf [8]byte
	for i := range buf {
		buf[i] = byte(n >> (8 * i))
	}
	h.Write(buf[:])
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return h.Sum64()
}
