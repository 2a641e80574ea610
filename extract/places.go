package extract

import (
	"crypto/sha1"
	"encoding/hex"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fazhikg/fazhikg/extract/gazetteer"
)

// jur is a jurisdiction as the report places it: a gazetteer place, a place
// the report puts under another parent (a street run by a development
// zone), or a place the gazetteer does not list (a village, a zone).
type jur struct {
	code, name string
	level      Level
	parent     *jur
	gp         *gazetteer.Place // nil for places not in the gazetteer
	aliases    []string
}

func (j *jur) fullName() string {
	var parts []string
	for p := j; p != nil; p = p.parent {
		parts = append(parts, p.name)
	}
	var b strings.Builder
	for i := len(parts) - 1; i >= 0; i-- {
		b.WriteString(parts[i])
	}
	return b.String()
}

// below reports whether j lies strictly below anc.
func (j *jur) below(anc *jur) bool {
	for p := j.parent; p != nil; p = p.parent {
		if p == anc || p.code != "" && p.code == anc.code {
			return true
		}
	}
	return false
}

// placeHit is a resolved mention of a jurisdiction.
type placeHit struct {
	start, end int
	j          *jur
	short      bool // matched by a short alias
	zoneWord   bool // a bare 经开区 standing for a zone
}

// jurOf wraps a gazetteer place and its ancestors, reusing known nodes.
func (x *doc) jurOf(p *gazetteer.Place) *jur {
	if p == nil {
		return nil
	}
	if j, ok := x.jurs[p.Code]; ok {
		return j
	}
	j := &jur{code: p.Code, name: p.Name, level: Level(p.Level), gp: p, parent: x.jurOf(p.Parent)}
	x.jurs[p.Code] = j
	return j
}

// underParent returns j placed under parent (a zone running a street).
func (x *doc) underParent(j, parent *jur) *jur {
	if j.parent == parent {
		return j
	}
	key := parent.code + "/" + j.code
	if k, ok := x.jurs[key]; ok {
		return k
	}
	k := &jur{code: j.code, name: j.name, level: j.level, parent: parent, gp: j.gp}
	x.jurs[key] = k
	x.jurs[j.code] = k
	return k
}

// synthetic makes a place the gazetteer does not list, under parent.
func (x *doc) synthetic(parent *jur, name string, level Level) *jur {
	h := sha1.Sum([]byte(name))
	code := parent.code + "-" + hex.EncodeToString(h[:4])
	if j, ok := x.jurs[code]; ok {
		return j
	}
	j := &jur{code: code, name: name, level: level, parent: parent}
	x.jurs[code] = j
	return j
}

var (
	indexCodeRe = regexp.MustCompile(`^\s*(\d{6})`)
	creditRe    = regexp.MustCompile(`^\s*[1-9A-Y][1-9]([0-9]{6})[0-9A-Z]{9,10}`)
)

// codeHints reads division codes off the index number: portals start it
// with the division code (330411ZF…) or the issuer's unified social
// credit code, whose characters 3–8 are the division code.
func (x *doc) codeHints() []*gazetteer.Place {
	var out []*gazetteer.Place
	v := x.meta["索引号"]
	if v == "" {
		return nil
	}
	add := func(code string) {
		for c := code; len(c) >= 4; c = c[:len(c)-2] {
			if strings.HasSuffix(c, "00") {
				continue
			}
			if p := x.p.gaz.ByCode(c); p != nil {
				out = append(out, p)
				return
			}
		}
	}
	if m := creditRe.FindStringSubmatch(v); m != nil {
		add(m[1])
	}
	if m := indexCodeRe.FindStringSubmatch(v); m != nil {
		add(m[1])
	}
	return out
}

// Bare names of development zones, resolved against the report's city.
var zoneWords = []struct{ word, kind string }{
	{"经济技术开发区", "经济技术开发区"}, {"经济开发区", "经济开发区"}, {"高新技术产业开发区", "高新技术产业开发区"},
	{"经开区", "经济"}, {"高新区", "高新"}, {"开发区", "开发区"},
}

// zoneOf finds the zone of city named by a bare zone word.
func (x *doc) zoneOf(city *gazetteer.Place, kind string) *gazetteer.Place {
	if city == nil {
		return nil
	}
	var best *gazetteer.Place
	for _, c := range x.p.gaz.Children(city) {
		if c.Level != gazetteer.Zone {
			continue
		}
		switch kind {
		case "经济":
			if strings.Contains(c.Name, "经济技术开发区") && best == nil {
				best = c
			} else if strings.Contains(c.Name, "经济开发区") && best == nil {
				best = c
			}
		case "高新":
			if strings.Contains(c.Name, "高新") && best == nil {
				best = c
			}
		case "开发区":
			if strings.Contains(c.Name, "开发区") && best == nil {
				best = c
			}
		default:
			if strings.HasSuffix(c.Name, kind) && best == nil {
				best = c
			}
		}
	}
	return best
}

// resolve picks, among a match's candidates, the place this report means.
// prev is the place matched just before (a parent in a chain such as
// 嘉兴市秀洲区, or a sibling in a list such as 盛泽镇、桃源镇).
func (x *doc) resolve(m gazetteer.Match, prev *gazetteer.Place, prevAdjacent, prevListed bool, hints []*gazetteer.Place) *gazetteer.Place {
	c := m.Places
	if len(c) == 0 {
		return nil
	}
	pick := func(keep func(p *gazetteer.Place) bool) *gazetteer.Place {
		var found *gazetteer.Place
		for _, p := range c {
			if keep(p) {
				if found != nil && found != p {
					return nil // still ambiguous
				}
				found = p
			}
		}
		return found
	}
	// a parent written right before decides
	if prev != nil && prevAdjacent {
		// a child, or a county under a province (江苏吴江); a town after a
		// province (广东省民主…) is a word, not a chain
		if p := pick(func(p *gazetteer.Place) bool {
			return p.Parent == prev || (p.Level != gazetteer.Township && p.Parent != nil && p.Parent.Parent == prev)
		}); p != nil {
			return p
		}
	}
	// a list continues under the previous item's parent
	if prev != nil && prevListed && prev.Parent != nil {
		if p := pick(func(p *gazetteer.Place) bool { return p.Parent == prev.Parent }); p != nil {
			return p
		}
	}
	// a name of two characters (成县, 和县) is too often part of a word
	// (形成县级): it needs a parent before it or the report's own scope
	if utf8.RuneCountInString(m.Surface) <= 2 && !(prev != nil && prevAdjacent) && !(m.Short && isTownship(c)) {
		if x.place == nil {
			return nil
		}
		var inScope *gazetteer.Place
		for _, p := range c {
			if p.Within(x.place.Province()) {
				inScope = p
			}
		}
		if inScope == nil || !x.wordAt(m.Start, m.End) {
			return nil
		}
		return inScope
	}
	scopes := []*gazetteer.Place{}
	if x.place != nil {
		for p := x.place; p != nil; p = p.Parent {
			scopes = append(scopes, p)
		}
	}
	scopes = append(scopes, hints...)
	for _, s := range scopes {
		// a short name (市中 of 市中区) or a town must lie within the
		// report's city: a whole province has too many
		if (m.Short || isTownship(c)) && s.Level == gazetteer.Province {
			continue
		}
		// a town's short name that the dictionary knows as a common word (发展
		// of 发展乡, 民主 of 民主街道) is that word
		if m.Short && isTownship(c) && (x.commonWord(m.Start, m.End) || !x.wordAt(m.Start, m.End)) {
			return nil
		}
		// a town's short name (金屯) only within the report's own county
		if m.Short && isTownship(c) && s.Level == gazetteer.City {
			continue
		}
		if m.Short && !isTownship(c) && !x.wordAt(m.Start, m.End) {
			break
		}
		if p := pick(func(p *gazetteer.Place) bool { return p.Within(s) }); p != nil {
			return p
		}
		// a zone's streets are listed under the counties of its city
		if s.Level == gazetteer.Zone && s.Parent != nil && !m.Short {
			if p := pick(func(p *gazetteer.Place) bool {
				return p.Level == gazetteer.Township && p.Within(s.Parent)
			}); p != nil {
				return p
			}
		}
	}
	if m.Short {
		// a short alias (嘉兴, 吴江) needs a context: its parent just
		// before, or the report's own province
		if len(c) == 1 && c[0].Level == gazetteer.Province {
			return c[0]
		}
		return nil
	}
	if len(c) == 1 {
		// an unambiguous full name stands alone, but a street or town
		// named nowhere near the report is too weak a reading
		if c[0].Level == gazetteer.Township && x.place != nil && !prevAdjacent {
			return nil // a town outside the report's city, named alone
		}
		return c[0]
	}
	return nil
}

// findJurisdiction decides the reporting jurisdiction: from the title, the
// opening sentence, the issuer, in that order.
func (x *doc) findJurisdiction(hints []*gazetteer.Place) *gazetteer.Place {
	var sources []string
	if x.rep.Title != "" {
		sources = append(sources, x.rep.Title)
	}
	for _, s := range x.sents {
		if s.status != Front {
			sources = append(sources, x.t.str(s.start, s.end))
			break
		}
	}
	for _, k := range []string{"发布机构", "发布单位", "发文机关", "发文机构", "发文单位", "来源"} {
		if v := x.meta[k]; v != "" {
			sources = append(sources, v)
		}
	}
	for _, ln := range x.lines {
		if ln.class == lineSign {
			sources = append(sources, x.t.str(ln.start, ln.end))
		}
	}
	// the closing sentence (颍泉区人民政府将以…), then the portal's operator
	// named in its footer (主办:颍泉区人民政府办公室)
	for i := len(x.sents) - 1; i >= 0; i-- {
		if s := x.sents[i]; s.status != Front {
			sources = append(sources, x.t.str(s.start, s.end))
			break
		}
	}
	for _, ln := range x.lines {
		if s := x.t.str(ln.start, ln.end); ln.class == lineCruft && strings.HasPrefix(s, "主办") {
			sources = append(sources, s)
		}
	}
	for _, s := range sources {
		if p := x.mostSpecific(s, hints); p != nil {
			return p
		}
	}
	if len(hints) > 0 {
		return hints[0]
	}
	return nil
}

// mostSpecific resolves the places named in s (with the hints as scope)
// and returns the lowest in the hierarchy, preferring the first written.
func (x *doc) mostSpecific(s string, hints []*gazetteer.Place) *gazetteer.Place {
	ms := x.p.gaz.Scan(s, nil)
	var best, prev *gazetteer.Place
	prevEnd := -1
	rs := []rune(s)
	rank := func(p *gazetteer.Place) int {
		switch p.Level {
		case gazetteer.Province:
			return 1
		case gazetteer.City:
			return 2
		case gazetteer.County, gazetteer.Zone:
			return 3
		}
		return 0 // townships do not report here
	}
	for _, m := range ms {
		p := x.resolve(m, prev, m.Start == prevEnd, false, hints)
		if p == nil && !m.Short && len(m.Places) == 1 && utf8.RuneCountInString(m.Surface) <= 2 && namesReporter(rs, m) {
			// a two-character county heading a title or a signature (寿县2019年…,
			// 寿县人民政府) is that county, not part of a word
			p = m.Places[0]
		}
		if p == nil && len(m.Places) > 1 && prev == nil {
			// the first place of a title: an ambiguous county takes the
			// candidate the hints or the text's other places support
			p = x.byEvidence(m.Places)
		}
		if p == nil {
			continue
		}
		// a bare zone word after a city: 常州经开区
		if p.Level == gazetteer.City {
			if z := x.zoneAfter(rs, m.End, p); z != nil {
				p = z
			}
		}
		if rank(p) > 0 && (best == nil || rank(p) > rank(best)) {
			best = p
		}
		prev, prevEnd = p, m.End
	}
	return best
}

// namesReporter reports whether the place matched in rs starts it or
// stands before what follows a reporter's name: a year, 人民政府, 政府, 关于.
func namesReporter(rs []rune, m gazetteer.Match) bool {
	if m.Start > 0 && !strings.ContainsRune("（(“《 ，,。：:；;", rs[m.Start-1]) {
		return false
	}
	rest := string(rs[m.End:])
	return m.Start == 0 && (rest == "" || unicode.IsDigit(rs[m.End])) ||
		strings.HasPrefix(rest, "人民政府") || strings.HasPrefix(rest, "政府") || strings.HasPrefix(rest, "关于")
}

// zoneAfter returns the zone of city named by a bare zone word at rs[i:].
func (x *doc) zoneAfter(rs []rune, i int, city *gazetteer.Place) *gazetteer.Place {
	rest := string(rs[i:])
	for _, z := range zoneWords {
		if strings.HasPrefix(rest, z.word) {
			return x.zoneOf(city, z.kind)
		}
	}
	return nil
}

// byEvidence chooses among candidates the one whose province or city the
// rest of the text names most often.
func (x *doc) byEvidence(c []*gazetteer.Place) *gazetteer.Place {
	if x.mentionCount == nil {
		x.mentionCount = map[string]int{}
		for _, m := range x.p.gaz.Scan(string(x.t), nil) {
			if len(m.Places) == 1 && !m.Short {
				for p := m.Places[0]; p != nil; p = p.Parent {
					x.mentionCount[p.Code]++
				}
			}
		}
	}
	var best *gazetteer.Place
	bestN := 0
	for _, p := range c {
		n := 0
		for q := p.Parent; q != nil; q = q.Parent {
			n += x.mentionCount[q.Code]
		}
		if n > bestN {
			best, bestN = p, n
		} else if n == bestN {
			best = nil
		}
	}
	return best
}

var villageRe = regexp.MustCompile(`^([\p{Han}]{1,5}?)(社区|村)(委会|委|民委员会|居委会)?`)

// villageStop are characters that do not occur in village names but do
// begin the words that follow a town's name (镇村两级, 街道社区工作者).
const villageStop = "的和与及等各全本该镇乡街道区县市省是为在将对了个级两三多"

// places resolves every jurisdiction the report names.
func (x *doc) places() {
	hints := x.codeHints()
	x.place = x.findJurisdiction(hints)
	var self *jur
	if x.place != nil {
		self = x.jurOf(x.place)
		x.self = self
		x.rep.Jurisdiction = &Jurisdiction{Code: self.code, Name: self.name, FullName: self.fullName(), Level: self.level}
		if self.parent != nil {
			x.rep.Jurisdiction.Parent = self.parent.code
		}
	}
	// short names of towns (金屯 for 金屯镇) are looked for only in the
	// report's own county: a zone's streets are listed under other counties
	// and a whole city has too many towns whose short names are words
	scope := x.place
	if scope != nil && scope.Level != gazetteer.County && scope.Level != gazetteer.Zone && scope.Level != gazetteer.Township {
		scope = nil // a city has too many towns whose short names are words (涪江)
	}
	t := x.t
	ms := x.p.gaz.Scan(string(t), scope)
	var prev *gazetteer.Place
	var prevJ *jur
	prevEnd := -1
	for _, m := range ms {
		if x.inCruft(m.Start) {
			continue
		}
		adjacent := m.Start == prevEnd
		listed := prevEnd >= 0 && m.Start == prevEnd+1 && t[prevEnd] == '、'
		p := x.resolve(m, prev, adjacent, listed, hints)
		if p == nil {
			prev, prevJ, prevEnd = nil, nil, -1
			continue
		}
		j := x.jurOf(p)
		// a street named after a zone, or any street in a zone's report,
		// belongs to the zone
		if p.Level == gazetteer.Township {
			switch {
			case adjacent && prevJ != nil && prevJ.level == Zone:
				j = x.underParent(j, prevJ)
			case self != nil && self.level == Zone && x.place.Parent != nil && p.Within(x.place.Parent):
				j = x.underParent(j, self)
			}
		}
		if m.Surface != j.name && !contains(j.aliases, m.Surface) {
			j.aliases = append(j.aliases, m.Surface)
		}
		x.placeAt = append(x.placeAt, placeHit{start: m.Start, end: m.End, j: j, short: m.Short})
		end := m.End
		// a bare zone word after a city: 常州经开区
		if p.Level == gazetteer.City {
			if z := x.zoneAfter(t, m.End, p); z != nil {
				zj := x.jurOf(z)
				w := zoneWordAt(t, m.End)
				x.placeAt[len(x.placeAt)-1] = placeHit{start: m.Start, end: m.End + w, j: zj}
				if s := t.str(m.Start, m.End+w); s != zj.name && !contains(zj.aliases, s) {
					zj.aliases = append(zj.aliases, s)
				}
				j, end = zj, m.End+w
			}
		}
		// a village right after its town: 新塍镇洛东村
		if p.Level == gazetteer.Township {
			if v, n := villageAt(t, end); n > 0 {
				vj := x.synthetic(j, v, Village)
				x.placeAt = append(x.placeAt, placeHit{start: end, end: end + n, j: vj})
				end += n
			}
		}
		prev, prevJ, prevEnd = p, j, end
	}
	x.bareZones(self)
}

// zoneWordAt returns the length of a bare zone word at t[i:], or 0.
func zoneWordAt(t text, i int) int {
	rest := t.str(i, i+8)
	for _, z := range zoneWords {
		if strings.HasPrefix(rest, z.word) {
			return len([]rune(z.word))
		}
	}
	return 0
}

// villageAt reads a village name right after a town: 洛东村, 平乐下社区, 蔚葎村委.
func villageAt(t text, i int) (string, int) {
	m := villageRe.FindStringSubmatch(t.str(i, i+12))
	if m == nil {
		return "", 0
	}
	for _, r := range m[1] {
		if strings.ContainsRune(villageStop, r) {
			return "", 0
		}
	}
	n := len([]rune(m[0]))
	return m[1] + m[2], n
}

// bareZones resolves 经开区, 开发区, 高新区 written without a city: the
// report's own zone, or a zone of the report's city.
func (x *doc) bareZones(self *jur) {
	t := x.t
	for _, z := range zoneWords {
		w := []rune(z.word)
		next := 0
		for _, i := range x.find(z.word) {
			if i < next {
				continue
			}
			if i > 0 && unicode.Is(unicode.Han, t[i-1]) && !strings.ContainsRune("在与和及、,，;；:：的对由向将把是为年", t[i-1]) {
				continue // part of a longer name
			}
			if x.inCruft(i) || x.hitAt(i) {
				continue
			}
			var zp *gazetteer.Place
			if x.place != nil && x.place.Level == gazetteer.Zone {
				zp = x.place
			} else if x.place != nil {
				zp = x.zoneOf(x.place.City(), z.kind)
			}
			if zp == nil {
				continue
			}
			zj := x.jurOf(zp)
			x.placeAt = append(x.placeAt, placeHit{start: i, end: i + len(w), j: zj, short: true, zoneWord: true})
			// a street right after it belongs to it
			if ms := x.p.gaz.Scan(t.str(i+len(w), i+len(w)+8), zp.Parent); len(ms) > 0 && ms[0].Start == 0 {
				for _, p := range ms[0].Places {
					if p.Level == gazetteer.Township && zp.Parent != nil && p.Within(zp.Parent) {
						sj := x.underParent(x.jurOf(p), zj)
						x.placeAt = append(x.placeAt, placeHit{start: i + len(w), end: i + len(w) + ms[0].End, j: sj})
						break
					}
				}
			}
			next = i + len(w)
		}
	}
	sortHits(x.placeAt)
}

func (x *doc) hitAt(i int) bool {
	for _, h := range x.placeAt {
		if h.start <= i && i < h.end {
			return true
		}
	}
	return false
}

func (x *doc) inCruft(i int) bool {
	l := x.lineOf(i)
	return l >= 0 && x.lines[l].class == lineCruft
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func sortHits(h []placeHit) {
	sort.SliceStable(h, func(i, j int) bool { return h[i].start < h[j].start })
}

// wordAt reports whether the name at [s, e) stands as words of its own:
// by the segmenter when there is one, else by the character before it.
func (x *doc) wordAt(s, e int) bool {
	if yes, ok := x.boundary(s, e); ok {
		return yes
	}
	return !x.inWordAt(s)
}

// inWordAt reports whether the text just before i continues a word into
// the name at i: 形成县级 holds 成县 but does not name it.
func (x *doc) inWordAt(i int) bool {
	if i == 0 {
		return false
	}
	r := x.t[i-1]
	return unicode.Is(unicode.Han, r) && !strings.ContainsRune("在与和及、的对由向将把是为年于至到省市区县镇乡", r)
}

func isTownship(c []*gazetteer.Place) bool {
	for _, p := range c {
		if p.Level != gazetteer.Township {
			return false
		}
	}
	return len(c) > 0
}

// commonWord reports whether the segmenter reads [s, e) as one common
// word (a noun, verb, adjective …) rather than a name.
func (x *doc) commonWord(s, e int) bool {
	for _, tk := range x.tokens(x.sentenceAt(s)) {
		if tk.Start == s && tk.End == e {
			switch tk.POS {
			case "n", "v", "vn", "a", "ad", "an", "d", "c", "p", "m", "q", "r", "t", "f", "vd", "l", "i":
				return true
			}
		}
	}
	return false
}
