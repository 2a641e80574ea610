package gazetteer

import (
	"slices"
	"strings"
	"unicode/utf8"

	ahocorasick "github.com/petar-dambovaliev/aho-corasick"
)

// Match is a name found in a text.
type Match struct {
	// Start and End are character (rune) offsets of the half-open range
	// [Start, End) the name covers.
	Start, End int
	// Surface is the name as written.
	Surface string
	// Places are the places with that name: first those it is the official
	// name or an alias of, then those it is a short name of.
	Places []*Place
	// Short is true when the surface is only a short name (嘉兴, 秀洲, 金屯)
	// or an official name that is a common word (城区, 郊区): a two-character
	// string that often turns up by chance (顺利通过 holds 利通), so the
	// caller should demand context before trusting it.
	Short bool
}

// scanner finds every name of the gazetteer with one Aho-Corasick
// automaton over the UTF-8 bytes. Names are valid UTF-8, so every match
// starts and ends on a character boundary.
type scanner struct {
	ac      ahocorasick.AhoCorasick
	entries []entry // by pattern index
}

// entry lists the places one name stands for.
type entry struct {
	full   []*Place // official name or alias
	short  []*Place // short name
	lineal []*Place // common word: found only on the scope's line
	local  []*Place // short name of a township: found only within scope
}

// commonWords are short names of counties and cities that are also
// ordinary words of government prose (公安 in 公安局, 资源, 平安, 光明) or
// common given names (建平, 卫东). Scan reports them only for places on
// the scope's line, so 公安 counts in a report of 公安县 but not in every
// report naming a 公安局. Read-only.
var commonWords = wordSet(`
	共和 公安 平安 资源 光明 富裕 同心 新华 市中 城中 新建 会同 和政 政和 台前
	大化 和平 长安 安定 新兴 合作 东方 中山 永安 红旗 河东 河西 江北 江南 城关
	大同 安宁 清河 平和 太和 大通 温泉 富民 惠民 安居 高明 振兴 友好 前进 向阳
	通道 大方 平原 凤凰 朝阳 白云 青山 南山 宝山 城东 城西 城北 新城 铁西 铁东
	永和 永宁 新市 东兴 兴国 民权 和顺 四平 东海 南海 建平 卫东 建华 双桥 东风
	中原 海港 太平 商城 延长 长寿 滨海 滨江 江城 大名 白沙 金山 龙门 石门 武功`)

func wordSet(words string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
}

func newScanner(places []*Place) *scanner {
	index := make(map[string]int, 2*len(places))
	patterns := make([]string, 0, 2*len(places))
	entries := make([]entry, 0, 2*len(places))
	at := func(name string) *entry {
		i, ok := index[name]
		if !ok {
			i = len(patterns)
			index[name] = i
			patterns = append(patterns, name)
			entries = append(entries, entry{})
		}
		return &entries[i]
	}
	for _, p := range places {
		if !p.scanned {
			continue
		}
		for i, name := range append([]string{p.Name}, p.Aliases...) {
			if utf8.RuneCountInString(name) < 2 {
				continue
			}
			e := at(name)
			if i == 0 && p.generic {
				e.lineal = append(e.lineal, p)
			} else {
				e.full = append(e.full, p)
			}
		}
		for _, name := range p.ShortNames {
			if utf8.RuneCountInString(name) < 2 {
				continue
			}
			e := at(name)
			switch {
			case p.Level == Township:
				e.local = append(e.local, p)
			case commonWords[name]:
				e.lineal = append(e.lineal, p)
			default:
				e.short = append(e.short, p)
			}
		}
	}
	for i := range entries {
		e := &entries[i]
		slices.SortFunc(e.full, byLevelAndCode)
		slices.SortFunc(e.short, byLevelAndCode)
		slices.SortFunc(e.lineal, byLevelAndCode)
		slices.SortFunc(e.local, byLevelAndCode)
	}
	b := ahocorasick.NewAhoCorasickBuilder(ahocorasick.Opts{MatchKind: ahocorasick.StandardMatch})
	return &scanner{ac: b.Build(patterns), entries: entries}
}

// scoped appends to dst the places of e that need a scope and suit it: the
// common words lying on the scope's line (the scope, under it or above
// it), the townships within it. townships is the scope for townships.
func (e *entry) scoped(dst []*Place, scope, townships *Place) []*Place {
	if scope == nil {
		return dst
	}
	for _, p := range e.lineal {
		if p.Within(scope) || scope.Within(p) {
			dst = append(dst, p)
		}
	}
	for _, p := range e.local {
		if p.Within(townships) {
			dst = append(dst, p)
		}
	}
	return dst
}

// anyScoped reports whether scoped would add a place.
func (e *entry) anyScoped(scope, townships *Place) bool {
	if scope == nil || len(e.lineal)+len(e.local) == 0 {
		return false
	}
	var buf [1]*Place
	return len(e.scoped(buf[:0:1], scope, townships)) > 0
}

// Scan finds every occurrence of a name, alias or short name in text. At
// each position the longest name wins, and names inside a longer one are
// not reported (湛江经济技术开发区 hides 湛江), so the matches come in text
// order without overlapping; a chain such as 江苏省苏州市吴江区盛泽镇 comes out
// as consecutive matches.
//
// Short names of townships (金屯 for 金屯镇) are reported only for
// townships within scope, and not at all when scope is nil; for townships a
// zone as scope extends to its parent, since zones administer townships the
// statistics list under the surrounding districts. Names that are common
// words (公安 for 公安县, 城区 of 阳泉市) are reported only for places
// on the scope's line: the scope, places under it and places above it.
// Other short names are always reported, with Short set.
//
// The first call builds the automaton (a few hundred milliseconds for the
// embedded data); later calls share it.
func (g *Gazetteer) Scan(text string, scope *Place) []Match {
	townships := scope
	if scope != nil && scope.Level == Zone && scope.Parent != nil {
		townships = scope.Parent
	}
	g.scanOnce.Do(func() { g.scan = newScanner(g.places) })
	s := g.scan
	type candidate struct {
		start, end, pattern int
		short               bool
	}
	var cands []candidate
	it := s.ac.IterOverlapping(text)
	for m := it.Next(); m != nil; m = it.Next() {
		e := &s.entries[m.Pattern()]
		if len(e.full) == 0 && len(e.short) == 0 && !e.anyScoped(scope, townships) {
			continue
		}
		cands = append(cands, candidate{m.Start(), m.End(), m.Pattern(), len(e.full) == 0})
	}
	// Leftmost first; at one position, longest first.
	slices.SortFunc(cands, func(a, b candidate) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return b.end - a.end
	})

	var matches []Match
	end, bytePos, runePos := 0, 0, 0
	for _, c := range cands {
		if c.start < end {
			continue
		}
		end = c.end
		runePos += utf8.RuneCountInString(text[bytePos:c.start])
		start := runePos
		runePos += utf8.RuneCountInString(text[c.start:c.end])
		bytePos = c.end

		e := &s.entries[c.pattern]
		places := make([]*Place, 0, len(e.full)+len(e.short)+len(e.lineal)+len(e.local))
		places = append(places, e.full...)
		places = append(places, e.short...)
		places = e.scoped(places, scope, townships)
		matches = append(matches, Match{
			Start: start, End: runePos, Surface: text[c.start:c.end], Places: places, Short: c.short,
		})
	}
	return matches
}
