package extract

import (
	"regexp"
	"strings"
)

// gatedRe is a regular expression that cannot match unless the text holds
// certain words: for each group of need, one of its words. Most sentences
// hold none of them, and strings.Contains rejects them far faster than
// the expression, which, unanchored and with bounded repeats, backtracks
// from every position.
type gatedRe struct {
	re   *regexp.Regexp
	need [][]string
}

// gate compiles expr. Every match of expr must contain a word of each
// group of need; TestGatesAreSound checks it on the sample corpus.
func gate(expr string, need ...[]string) gatedRe {
	return gatedRe{re: regexp.MustCompile(expr), need: need}
}

// may reports whether s holds a word of each group.
func (g gatedRe) may(s string) bool {
	for _, words := range g.need {
		if !containsAnyWord(s, words) {
			return false
		}
	}
	return true
}

func (g gatedRe) MatchString(s string) bool { return g.may(s) && g.re.MatchString(s) }

func (g gatedRe) FindAllStringSubmatch(s string, n int) [][]string {
	if !g.may(s) {
		return nil
	}
	return g.re.FindAllStringSubmatch(s, n)
}

func (g gatedRe) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if !g.may(s) {
		return nil
	}
	return g.re.FindAllStringSubmatchIndex(s, n)
}

// words splits a list of words separated by '|'.
func words(list string) []string { return strings.Split(list, "|") }
