package extract

import "sort"

// UserWords returns the domain terms a segmenter should keep whole: the
// forms of the known mechanisms and the heads of body names.
func UserWords() []string {
	l := defaultLexicon()
	seen := map[string]bool{}
	var out []string
	add := func(w string) {
		if len([]rune(w)) >= 2 && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	for _, fs := range l.forms {
		for _, f := range fs {
			add(f.form)
		}
	}
	for _, cs := range cores {
		for _, c := range cs {
			add(c.surface)
		}
	}
	sort.Strings(out)
	return out
}

// tokens returns the segmentation of sentence si (offsets into the
// normalised text), computed once; nil without a segmenter.
func (x *doc) tokens(si int) []Token {
	if x.p.seg == nil || si < 0 || si >= len(x.sents) {
		return nil
	}
	if x.segCache == nil {
		x.segCache = map[int][]Token{}
	}
	if ts, ok := x.segCache[si]; ok {
		return ts
	}
	s := x.sents[si]
	ts := x.p.seg.Tag(x.t.str(s.start, s.end))
	for i := range ts {
		ts[i].Start += s.start
		ts[i].End += s.start
	}
	x.segCache[si] = ts
	return ts
}

// boundary reports whether [s, e) starts and ends on word boundaries of
// the segmented sentence: 理县 in 办理县人大代表 does not (办理/县/人大代表).
// Without a segmenter, ok is false and the caller falls back on rules.
func (x *doc) boundary(s, e int) (yes, ok bool) {
	si := x.sentenceAt(s)
	ts := x.tokens(si)
	if ts == nil {
		return false, false
	}
	startOK, endOK := false, false
	for _, t := range ts {
		if t.Start == s {
			startOK = true
		}
		if t.End == e {
			endOK = true
		}
	}
	return startOK && endOK, true
}
