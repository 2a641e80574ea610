package extract

import (
	"bufio"
	"embed"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed lexicon/mechanisms.tsv lexicon/notmechanisms.txt
var lexiconFiles embed.FS

// lexEntry is a known mechanism.
type lexEntry struct {
	name   string
	family string
	kinds  []string // kinds of the bodies taking part
	forms  []string
	root   bool // a family root only: not extracted on its own
	part   bool // a part of its family: parts listed together are the family
}

// lexicon holds the known mechanisms and the quoted words that are not
// mechanisms.
type lexicon struct {
	byName map[string]*lexEntry
	// forms by first rune, longest first
	forms map[rune][]lexForm
	// byKey finds an entry from a mechanism key (see mechKey)
	byKey map[string]*lexEntry
	stop  map[string]bool
	// marks are family marks: words that make a name a variant
	marks []lexForm
}

type lexForm struct {
	form  string
	runes int
	e     *lexEntry
}

var (
	lexOnce sync.Once
	lexData *lexicon
)

func defaultLexicon() *lexicon {
	lexOnce.Do(func() { lexData = loadLexicon() })
	return lexData
}

func loadLexicon() *lexicon {
	l := &lexicon{
		byName: map[string]*lexEntry{},
		forms:  map[rune][]lexForm{},
		byKey:  map[string]*lexEntry{},
		stop:   map[string]bool{},
	}
	f, err := lexiconFiles.Open("lexicon/mechanisms.tsv")
	if err != nil {
		panic(err) // embedded: cannot happen
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		for len(cols) < 5 {
			cols = append(cols, "")
		}
		e := &lexEntry{name: cols[0], family: cols[1], root: cols[4] == "root", part: cols[4] == "part"}
		if cols[2] != "" {
			e.kinds = strings.Split(cols[2], ",")
		}
		e.forms = append([]string{e.name}, strings.Split(cols[3], "|")...)
		// a family mark is not a form of the mechanism itself
		e.forms = slices.DeleteFunc(e.forms, func(f string) bool { return strings.HasPrefix(f, "~") && !addMark(l, e, f) })
		l.byName[e.name] = e
		for _, form := range e.forms {
			if form == "" {
				continue
			}

			r, _ := utf8.DecodeRuneInString(form)
			l.forms[r] = append(l.forms[r], lexForm{form: form, runes: utf8.RuneCountInString(form), e: e})
			if k := mechKey(form); k != "" {
				if _, ok := l.byKey[k]; !ok {
					l.byKey[k] = e
				}
			}
		}
	}
	for r := range l.forms {
		fs := l.forms[r]
		sort.SliceStable(fs, func(i, j int) bool { return fs[i].runes > fs[j].runes })
		// drop duplicate forms
		out := fs[:0]
		for i, f := range fs {
			if i > 0 && fs[i-1].form == f.form {
				continue
			}
			out = append(out, f)
		}
		l.forms[r] = out
	}
	g, err := lexiconFiles.Open("lexicon/notmechanisms.txt")
	if err != nil {
		panic(err)
	}
	sc = bufio.NewScanner(g)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line != "" && !strings.HasPrefix(line, "#") {
			l.stop[line] = true
		}
	}
	return l
}

// match returns the longest known form at t[i:]; none at the end of t.
func (l *lexicon) match(t text, i int) (lexForm, bool) {
	if i < 0 || i >= len(t) {
		return lexForm{}, false
	}
	for _, f := range l.forms[t[i]] {
		if t.has(i, f.form) {
			return f, true
		}
	}
	return lexForm{}, false
}

// find returns the known entry a name stands for, by its key.
func (l *lexicon) find(name string) *lexEntry {
	if e, ok := l.byName[name]; ok {
		return e
	}
	return l.byKey[mechKey(name)]
}

// familyOf returns the known mechanism whose form a name contains, for a
// local variant ("三三制"府检联动模式 contains 府检联动), or nil.
func (l *lexicon) familyOf(name string) *lexEntry {
	t := text([]rune(name))
	var best lexForm
	for i := range t {
		if f, ok := l.match(t, i); ok && f.runes > best.runes && f.runes >= 2 {
			best = f
		}
	}
	if best.e == nil {
		for _, m := range l.marks {
			if strings.Contains(name, m.form) {
				return m.e
			}
		}
	}
	return best.e
}

// mechKey is the identity of a mechanism name: quotes, spaces and
// punctuation dropped, and the generic suffixes 工作机制, 机制, 工作模式, 模式
// and 会议 removed, so that “府检联动”工作机制 and 府检联动 share a key.
func mechKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("“”\"'‘’「」『』《》〈〉<> 、,，·•()（）", r) {
			continue
		}
		switch r {
		case '—', '–', '－':
			r = '-'
		}
		b.WriteRune(r)
	}
	k := b.String()
	for {
		prev := k
		for _, suf := range []string{"工作机制", "机制", "工作模式", "模式", "会议", "工作"} {
			if strings.HasSuffix(k, suf) && utf8.RuneCountInString(k) > utf8.RuneCountInString(suf)+1 {
				k = strings.TrimSuffix(k, suf)
			}
		}
		if k == prev {
			return k
		}
	}
}

// sameAs reports whether a name is the known mechanism e written with
// other punctuation or a generic head: E法审+E公审双审系统 is E法审E公审.
func (l *lexicon) sameAs(key string, e *lexEntry) bool {
	rest := key
	for _, f := range e.forms {
		if f != "" {
			rest = strings.ReplaceAll(rest, mechKey(f), "")
		}
	}
	rest = strings.Trim(rest, "+-")
	for _, h := range mechHeads {
		rest = strings.TrimSuffix(rest, h)
	}
	return strings.Trim(rest, "+-") == ""
}

// mechDisplay is the name shown for a mechanism found in the text: the
// written form without quotes and punctuation, 工作机制 shortened to 机制.
func mechDisplay(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("“”\"'‘’「」『』《》〈〉<> 、,，·•", r) {
			continue
		}
		switch r {
		case '—', '–', '－':
			r = '-'
		}
		b.WriteRune(r)
	}
	d := b.String()
	for _, suf := range [][2]string{{"工作机制", "机制"}, {"工作模式", "模式"}} {
		if strings.HasSuffix(d, suf[0]) && d != suf[0] {
			d = strings.TrimSuffix(d, suf[0]) + suf[1]
		}
	}
	return d
}

func addMark(l *lexicon, e *lexEntry, f string) bool {
	l.marks = append(l.marks, lexForm{form: f[1:], runes: utf8.RuneCountInString(f[1:]), e: e})
	return false
}
