package gazetteer

import (
	"slices"
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
	// or an official name that is a common word (城区, 郊区): the caller
	// should demand context before trusting it.
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
	full  []*Place // official name or alias
	short []*Place // short name, or an official name that is a common word
	local []*Place // short name of a township: found only within scope
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
				e.short = append(e.short, p)
			} else {
				e.full = append(e.full, p)
			}
		}
		for _, name := range p.ShortNames {
			if utf8.RuneCountInString(name) < 2 {
				continue
			}
			e := at(name)
			if p.Level == Township {
				e.local = append(e.local, p)
			} else {
				e.short = append(e.short, p)
			}
		}
	}
	for i := range entries {
		e := &entries[i]
		slices.SortFunc(e.full, byLevelAndCode)
		slices.SortFunc(e.short, byLevelAndCode)
		slices.SortFunc(e.local, byLevelAndCode)
	}
	b := ahocorasick.NewAhoCorasickBuilder(ahocorasick.Opts{MatchKind: ahocorasick.StandardMatch})
	return &scanner{ac: b.Build(patterns), entries: entries}
}

// localWithin returns the townships of e within scope.
func (e *entry) localWithin(scope *Place, dst []*Place) []*Place {
	if scope == nil {
		return dst
	}
	for _, p := range e.local {
		if p.Within(scope) {
			dst = append(dst, p)
		}
	}
	return dst
}

func (e *entry) anyLocalWithin(scope *Place) bool {
	if scope == nil {
		return false
	}
	for _, p := range e.local {
		if p.Within(scope) {
			return true
		}
	}
	return false
}

// Scan finds every occurrence of a name, alias or short name in text. At
// each position the longest name wins, and names inside a longer one are
// not reported (湛江经济技术开发区 hides 湛江), so the matches come in text
// order without overlapping; a chain such as 江苏省苏州市吴江区盛泽镇 comes out
// as consecutive matches.
//
// Short names of townships (金屯 for 金屯镇) are reported only for
// townships within scope, and not at all when scope is nil. A zone as scope
// extends to its parent, since zones administer townships the statistics
// list under the surrounding districts. Other short names are reported
// with Short set.
//
// The first call builds the automaton (a few hundred milliseconds for the
// embedded data); later calls share it.
func (g *Gazetteer) Scan(text string, scope *Place) []Match {
	if scope != nil && scope.Level == Zone && scope.Parent != nil {
		scope = scope.Parent
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
		if len(e.full) == 0 && len(e.short) == 0 && !e.anyLocalWithin(scope) {
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
		places := make([]*Place, 0, len(e.full)+len(e.short)+len(e.local))
		places = append(places, e.full...)
		places = append(places, e.short...)
		places = e.localWithin(scope, places)
		matches = append(matches, Match{
			Start: start, End: runePos, Surface: text[c.start:c.end], Places: places, Short: c.short,
		})
	}
	return matches
}
