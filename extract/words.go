package extract

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// wordSet finds words of a fixed list in text, longest first, without
// regular expressions: many lists here are matched at every position.
type wordSet map[rune][]string

func newWordSet(words ...string) wordSet {
	ws := wordSet{}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		ws[r] = append(ws[r], w)
	}
	for r := range ws {
		sort.SliceStable(ws[r], func(i, j int) bool { return len(ws[r][i]) > len(ws[r][j]) })
	}
	return ws
}

func wordsOf(s string) wordSet { return newWordSet(strings.Fields(s)...) }

// at returns the length in characters of the longest word at t[i:], or 0.
func (ws wordSet) at(t text, i int) int {
	if i < 0 || i >= len(t) {
		return 0
	}
	for _, w := range ws[t[i]] {
		if t.has(i, w) {
			return utf8.RuneCountInString(w)
		}
	}
	return 0
}

// lastEnd reads t[s:e] left to right taking the longest word at each
// position, words not overlapping, and returns where the last word found
// ends, or -1.
func (ws wordSet) lastEnd(t text, s, e int) int {
	last := -1
	for k := max(s, 0); k < e; {
		if n := ws.at(t, k); n > 0 && k+n <= e {
			last = k + n
			k += n
			continue
		}
		k++
	}
	return last
}

// ends returns the set of positions where words read as in lastEnd end.
func (ws wordSet) ends(t text, s, e int) map[int]bool {
	out := map[int]bool{}
	for k := max(s, 0); k < e; {
		if n := ws.at(t, k); n > 0 && k+n <= e {
			out[k+n] = true
			k += n
			continue
		}
		k++
	}
	return out
}
