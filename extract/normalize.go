package extract

import (
	"fmt"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/liuzl/da"
	"github.com/longbridgeapp/opencc"
)

// Normalized is the form of a text the recognisers match on: full-width
// ASCII folded to ASCII and, for a traditional-character text, simplified
// characters and mainland wording. It keeps a map back to the original so
// that every match can be reported as evidence in the original text.
//
// Offsets here count characters (Unicode code points), as in Span.
// A Normalized is read-only once built and safe for concurrent use.
type Normalized struct {
	// Text is the normalised text. It has the same lines as the original:
	// nothing is stripped and line breaks are never produced or removed.
	Text string

	n       int // length of Text in characters
	origLen int // length of the original in characters
	// start[i], end[i] are the original span of the token normalised
	// character i came from; both nil when offsets are the same in the two
	// texts (width folding maps one character to one character).
	start, end []int32
	trad       bool
}

// Len returns the length of the normalised text in characters.
func (n *Normalized) Len() int { return n.n }

// Traditional reports whether the text was taken for traditional Chinese and
// converted to simplified characters.
func (n *Normalized) Traditional() bool { return n.trad }

// Orig maps a normalised character offset to the original one. Where a
// conversion changed a token (最佳化 → 优化) every character of the
// replacement maps to the start of the original token. Orig(Len()) is the
// length of the original; offsets outside [0, Len()] are clamped.
func (n *Normalized) Orig(i int) int {
	switch {
	case i <= 0:
		return 0
	case i >= n.n:
		return n.origLen
	case n.start == nil:
		return i
	}
	return int(n.start[i])
}

// OrigSpan maps the normalised span [start, end) to the smallest original
// span holding everything it came from. An empty span maps to an empty span
// at Orig(start). Offsets are clamped to [0, Len()].
func (n *Normalized) OrigSpan(start, end int) (int, int) {
	start = min(max(start, 0), n.n)
	end = min(max(end, 0), n.n)
	if end <= start || n.start == nil {
		s := n.Orig(start)
		return s, max(s, n.Orig(end))
	}
	return int(n.start[start]), int(n.end[end-1])
}

// Normalize builds the normalised form of original:
//
//   - full-width ASCII (U+FF01–U+FF5E) becomes ASCII; the ideographic space,
//     no-break spaces and the typographic spaces U+2000–U+200A become a
//     plain space. Chinese punctuation (。、“”‘’《》〈〉【】) and dashes stay;
//   - a text that really is in traditional characters (see below) is
//     converted to simplified with OpenCC's tw2sp chain (計畫 → 计划,
//     最佳化 → 优化, 網路 → 网络), less the Taiwan wording that would
//     corrupt ordinary mainland words (建立, 執行, 程序, 文件 …), and then
//     a few Taiwan terms are given their mainland form (法務部 → 司法部,
//     契約 → 合同).
//
// A text is taken for traditional when at least a tenth of its Han
// characters exist only in traditional form (後, 與, 這, but not 著, 乾, 於,
// which simplified text uses too), so a simplified report quoting a
// traditional name passes through as it is. In the real reports the share
// is 0–0.1% for simplified ones and 33% for the traditional one. Simplified
// text without full-width characters is returned unchanged, without
// copying.
func Normalize(original string) *Normalized {
	tables := loadT2S()
	var (
		nRunes, han, tradOnly int
		folded                []byte // the width-folded text, once a character needed it
		last                  int    // start of the bytes not copied to folded yet
	)
	for i := 0; i < len(original); {
		if original[i] < utf8.RuneSelf {
			i++
			nRunes++
			continue
		}
		r, size := utf8.DecodeRuneInString(original[i:])
		nRunes++
		switch {
		case r >= 0x3400 && r <= 0x9FFF, r >= 0xF900 && r <= 0xFAFF:
			han++
			if tables.tradOnly.has(r) {
				tradOnly++
			}
		case r >= 0x20000:
			han++
		default:
			if f := foldWidth(r); f != r {
				if folded == nil {
					folded = make([]byte, 0, len(original))
				}
				folded = append(folded, original[last:i]...)
				folded = utf8.AppendRune(folded, f)
				last = i + size
			}
		}
		i += size
	}
	n := &Normalized{Text: original, n: nRunes, origLen: nRunes}
	if tradOnly > 0 && tradOnly*10 >= han {
		n.trad = true
		tables.simplify(n, original)
		return n
	}
	if folded != nil {
		n.Text = string(append(folded, original[last:]...))
	}
	return n
}

// foldWidth maps one character to its narrow form (or itself).
func foldWidth(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0
	case r == 0x3000, r == 0x00A0, r == 0x202F, r >= 0x2000 && r <= 0x200A:
		return ' '
	}
	return r
}

// t2sTables is the read-only data the traditional → simplified conversion
// needs, loaded once.
type t2sTables struct {
	chain    [][]dictEntry // OpenCC tw2sp, one dictionary group per stage
	tradOnly *runeSet      // characters that exist only in traditional form
}

var t2sOnce = sync.OnceValue(func() *t2sTables {
	cc, err := opencc.New("tw2sp")
	if err != nil {
		// The dictionaries are embedded in the opencc module; failing to
		// load them is a broken build, not a runtime condition.
		panic(fmt.Sprintf("extract: loading OpenCC tw2sp: %v", err))
	}
	t := &t2sTables{tradOnly: new(runeSet)}
	var chars *da.Dict
	for _, g := range cc.DictChains {
		var group []dictEntry
		for i, f := range g.Files {
			e := dictEntry{dict: g.Dicts[i]}
			switch f {
			case "TWPhrasesRev.ocd2":
				e.skip = twSkipped
			case "TSCharacters.ocd2":
				chars = g.Dicts[i]
			}
			group = append(group, e)
		}
		t.chain = append(t.chain, group)
	}
	if chars == nil {
		panic("extract: OpenCC tw2sp has no TSCharacters dictionary")
	}
	// A character is traditional-only when OpenCC converts it and does not
	// list it among its own simplified forms (乾 → 干 乾 stays valid).
	for r := rune(0x3400); r <= 0xFFFF; r++ {
		if !unicode.Is(unicode.Han, r) {
			continue
		}
		vals := dictLookup(chars, string(r))
		if len(vals) == 0 {
			continue
		}
		self := false
		for _, v := range vals {
			if v == string(r) {
				self = true
			}
		}
		if !self {
			t.tradOnly.add(r)
		}
	}
	return t
})

func loadT2S() *t2sTables { return t2sOnce() }

// dictLookup returns the values of key in d. (da.Dict.Get cannot be used:
// it takes the value cedar returns for a node id and looks it up again.)
func dictLookup(d *da.Dict, key string) []string {
	v, err := d.Trie.Get([]byte(key))
	if err != nil || v < 0 || v >= len(d.Values) {
		return nil
	}
	return d.Values[v]
}

// dictEntry is one OpenCC dictionary and the entries of it not to apply.
type dictEntry struct {
	dict *da.Dict
	skip map[string]bool
}

// runeSet is a bitmap over the Basic Multilingual Plane.
type runeSet [0x10000 / 64]uint64

func (s *runeSet) add(r rune)      { s[r>>6] |= 1 << (r & 63) }
func (s *runeSet) has(r rune) bool { return r <= 0xFFFF && s[r>>6]&(1<<(r&63)) != 0 }

// twSkipped are entries of OpenCC's TWPhrasesRev (Taiwan → mainland IT and
// place wording) that are not applied. Traditional copies of mainland
// reports are mainland text run through a simplified → Taiwan converter, so
// a Taiwan form that is also a mainland word more often stands for itself
// than for the term it replaces: 建立健全 must not become 创建健全, 严格执行
// 严格运行, 法定程序 法定进程, 规范性文件 规范性文档. An entry is skipped when
// its own simplified form is at least as frequent in the jieba dictionary as
// its replacement, plus 效能, 新增, 批次 and 开启, which government reports use
// far more than general text does; 資料 → 数据 is kept (大数据). Longer
// entries starting with a skipped one (智慧財產權) still apply.
var twSkipped = map[string]bool{
	"建立": true, "執行": true, "程序": true, "核心": true, "文字": true,
	"文件": true, "影片": true, "指標": true, "通道": true, "模擬": true,
	"智慧": true, "整合": true, "查詢": true, "啟用": true, "序列": true,
	"傳送": true, "複製": true, "互動": true, "呼叫": true, "列舉": true,
	"獅子山": true, "哈薩克": true, "元件": true, "載入": true, "匯入": true,
	"鎦": true, "向量": true, "埠": true, "正規化": true, "外掛": true,
	"捲軸": true, "取樣": true, "預設": true, "過載": true, "桌布": true,
	"簡報": true, "存檔": true, "離線": true, "碟片": true, "執行長": true,
	"效能": true, "新增": true, "批次": true, "開啟": true,
}

// mainlandWording is Taiwan wording the conversion leaves behind that
// mainland government reports never use, in its simplified spelling, with
// the mainland term. It is applied to traditional texts only, after the
// character conversion.
var mainlandWording = map[string]string{
	"法务部":   "司法部",
	"契约":    "合同",
	"智慧财产权": "知识产权",
	"资讯":    "信息",
	"软体":    "软件",
	"规范性档案": "规范性文件",
}

const mainlandWordingMaxLen = 5 // longest key of mainlandWording, in characters

// aligned is text under conversion: characters with the original span each
// came from.
type aligned struct {
	r          []rune
	start, end []int32
}

// convertMatch finds the replacement for the longest token at the start of
// r, returning its length in characters (0 for none).
type convertMatch func(r []rune) (n int, repl string)

// convert runs one conversion stage. A replacement of the same length as its
// token maps character by character; any other maps every character to the
// whole token.
func (a aligned) convert(match convertMatch) aligned {
	out := aligned{
		r:     make([]rune, 0, len(a.r)),
		start: make([]int32, 0, len(a.r)),
		end:   make([]int32, 0, len(a.r)),
	}
	for i := 0; i < len(a.r); {
		n, repl := match(a.r[i:])
		if n == 0 {
			out.r = append(out.r, a.r[i])
			out.start = append(out.start, a.start[i])
			out.end = append(out.end, a.end[i])
			i++
			continue
		}
		k := 0
		same := utf8.RuneCountInString(repl) == n
		for _, c := range repl {
			out.r = append(out.r, c)
			if same {
				out.start = append(out.start, a.start[i+k])
				out.end = append(out.end, a.end[i+k])
			} else {
				out.start = append(out.start, a.start[i])
				out.end = append(out.end, a.end[i+n-1])
			}
			k++
		}
		i += n
	}
	return out
}

// openccMaxLen is how many characters OpenCC looks ahead for a phrase.
const openccMaxLen = 10

// groupMatch matches as OpenCC's Convert does: the first dictionary of the
// group with any entry at this position wins, with its longest entry.
func groupMatch(group []dictEntry) convertMatch {
	var buf [openccMaxLen * utf8.UTFMax]byte
	return func(r []rune) (int, string) {
		r = r[:min(len(r), openccMaxLen)]
		for _, e := range group {
			if n, repl := longestEntry(e.dict, r, buf[:0], e.skip); n > 0 {
				return n, repl
			}
		}
		return 0, ""
	}
}

// longestEntry walks the dictionary's trie along r and returns the longest
// entry (not in skip) that r starts with.
//
// The walk goes byte by byte and stops at a transition back to the root:
// cedar's Jump takes some bytes (0x01 in TSCharacters) for a loop on the
// root, which makes OpenCC's own Convert turn "\x01議" into "议议".
func longestEntry(d *da.Dict, r []rune, buf []byte, skip map[string]bool) (int, string) {
	best, bestVal := 0, -1
	from := 0
walk:
	for i, c := range r {
		start := len(buf)
		buf = utf8.AppendRune(buf, c)
		for k := start; k < len(buf); k++ {
			to, err := d.Trie.Jump(buf[k:k+1], from)
			if err != nil || to == 0 {
				break walk
			}
			from = to
		}
		to := from
		v, err := d.Trie.Value(to)
		if err != nil || v < 0 || v >= len(d.Values) || len(d.Values[v]) == 0 {
			continue
		}
		if skip != nil && skip[string(buf)] {
			continue
		}
		best, bestVal = i+1, v
	}
	if best == 0 {
		return 0, ""
	}
	return best, d.Values[bestVal][0]
}

// wordingMatch matches mainlandWording, longest entry first.
func wordingMatch(r []rune) (int, string) {
	for n := min(len(r), mainlandWordingMaxLen); n >= 2; n-- {
		if repl, ok := mainlandWording[string(r[:n])]; ok {
			return n, repl
		}
	}
	return 0, ""
}

// toSimplified converts width-folded traditional text through the OpenCC
// chain and the mainland wording table, keeping the alignment.
func (t *t2sTables) toSimplified(a aligned, wording bool) aligned {
	for _, group := range t.chain {
		a = a.convert(groupMatch(group))
	}
	if wording {
		a = a.convert(wordingMatch)
	}
	return a
}

// simplify fills n from the traditional text original.
func (t *t2sTables) simplify(n *Normalized, original string) {
	a := aligned{
		r:     make([]rune, 0, n.origLen),
		start: make([]int32, 0, n.origLen),
		end:   make([]int32, 0, n.origLen),
	}
	i := int32(0)
	for _, r := range original {
		a.r = append(a.r, foldWidth(r))
		a.start = append(a.start, i)
		a.end = append(a.end, i+1)
		i++
	}
	a = t.toSimplified(a, true)
	n.Text = string(a.r)
	n.n = len(a.r)
	n.start, n.end = a.start, a.end
}
