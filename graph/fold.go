package graph

import (
	"strings"
	"sync"
	"unicode"

	"github.com/longbridgeapp/opencc"
	"golang.org/x/text/width"
)

// t2s converts traditional characters to simplified ones. The converter is
// built once, on first use, and only read afterwards.
var t2s = sync.OnceValues(func() (*opencc.OpenCC, error) {
	return opencc.New("t2s")
})

// Fold returns the lookup key of a name: traditional characters made
// simplified, full-width forms made narrow, letters lower-cased, and spaces
// and punctuation (quotes, dashes, 、·, brackets of any width) dropped. Names
// that differ only in those respects share a key: 府檢聯席 and 府检联席,
// “三三制”府检联动模式 and "三三制"府检联动模式, 双随机、一公开 and 双随机一公开.
//
// Keys name entities in IDs and index the catalogue, so the same folding
// applies when facts are written and when they are looked up.
func Fold(name string) string {
	name = width.Fold.String(name)
	if hasHan(name) {
		if cc, err := t2s(); err == nil {
			if s, err := cc.Convert(name); err == nil {
				name = s
			}
		}
	}
	var b strings.Builder
	b.Grow(len(name))
	for _, r := range name {
		switch {
		case unicode.IsSpace(r), unicode.IsPunct(r), unicode.IsControl(r):
			continue
		case r == unicode.ReplacementChar:
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// stripSuffix returns key without one of the endings a mechanism's name may
// carry or lose from one report to the next (机制, 模式, 制度, 会议 …), or ""
// when it carries none or would be left empty.
func stripSuffix(key string) string {
	for _, suf := range [...]string{"工作机制", "机制", "工作模式", "模式", "制度", "会议", "工作法"} {
		if strings.HasSuffix(key, suf) && len(key) > len(suf) {
			return strings.TrimSuffix(key, suf)
		}
	}
	return ""
}
