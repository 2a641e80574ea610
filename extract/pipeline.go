package extract

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/fazhikg/fazhikg/extract/gazetteer"
)

// Token is a word of segmented text with its part of speech.
// Start and End are character offsets into the segmented string.
type Token struct {
	Text       string
	Start, End int
	POS        string
}

// Segmenter cuts Chinese text into words and tags them (jieba's tag set:
// n noun, nr person name, ns place, nt organisation, v verb, p preposition …).
type Segmenter interface {
	Tag(text string) []Token
}

// Options configure a Pipeline. The zero value is usable.
type Options struct {
	// Gazetteer places jurisdictions; nil means gazetteer.Default().
	Gazetteer *gazetteer.Gazetteer
	// Segmenter is optional: without one, rules that need word boundaries
	// fall back to character patterns.
	Segmenter Segmenter
}

// Pipeline extracts reports. It is safe for concurrent use.
type Pipeline struct {
	gaz *gazetteer.Gazetteer
	seg Segmenter
	lex *lexicon
}

// NewPipeline returns a pipeline with the given options.
func NewPipeline(opts Options) *Pipeline {
	g := opts.Gazetteer
	if g == nil {
		g = gazetteer.Default()
	}
	return &Pipeline{gaz: g, seg: opts.Segmenter, lex: defaultLexicon()}
}

// Run decodes raw bytes and extracts the report. name identifies the report
// across versions (see Report.Name); source says where it came from.
func (p *Pipeline) Run(ctx context.Context, name, source string, raw []byte) (*Report, error) {
	in, err := Decode(raw, source)
	if err != nil {
		return nil, err
	}
	return p.Extract(ctx, Origin{Name: name, Source: source, Hash: Hash(raw)}, in)
}

// Hash returns the identity of raw input bytes: their hex SHA-256.
func Hash(raw []byte) string {
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:])
}

// Origin identifies the input of a report.
type Origin struct {
	Name   string // see Report.Name
	Source string // a path or URL
	Hash   string // see Hash
}

// Extract runs extraction over decoded input.
func (p *Pipeline) Extract(ctx context.Context, o Origin, in Input) (*Report, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if !utf8.ValidString(in.Text) {
		return nil, fmt.Errorf("extract %s: text is not valid UTF-8", o.Source)
	}
	x := newDoc(p, o, in)
	x.structure()
	x.metadata()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	x.places()
	x.bodies()
	x.documents()
	x.awards()
	x.people()
	x.mechanisms()
	x.negations()
	x.cues()
	x.finish()
	return x.rep, nil
}

// doc is the working state of one extraction.
type doc struct {
	p     *Pipeline
	rep   *Report
	orig  []rune // original text
	norm  *Normalized
	t     text    // normalised text
	ns    string  // the same as a string
	b2r   []int32 // byte offset in ns → character offset
	lines []line
	sents []sent
	meta  map[string]string

	place *gazetteer.Place // reporting jurisdiction
	self  *jur             // the same, as placed by this report
	jurs  map[string]*jur  // jurisdictions by code
	// mentionCount counts unambiguous mentions per place code, for
	// choosing among places of the same name
	mentionCount map[string]int
	bodyIndex    map[string]*Body
	unitNames    map[string]bool   // bodies found as named units
	segCache     map[int][]Token   // segmented sentences
	docLevels    map[string]string // issuer levels of cited titles
	// scratch shared by recognisers
	placeAt   []placeHit // resolved place mentions, in text order
	bodyAt    []bodyHit  // resolved body mentions, in text order
	docSpans  [][2]int   // 《》 spans (outer), normalised offsets
	awardSpan [][2]int   // award name spans
	recipSpan [][2]int   // award recipient spans
}

type sent struct {
	start, end int // normalised offsets
	status     Status
	section    string
	line       int
}

func newDoc(p *Pipeline, o Origin, in Input) *doc {
	n := Normalize(in.Text)
	return &doc{
		p: p,
		rep: &Report{
			Name: o.Name, Source: o.Source, Hash: o.Hash,
			Format: in.Format, Encoding: in.Encoding, Text: in.Text,
		},
		orig: []rune(in.Text),
		norm: n,
		t:    text([]rune(n.Text)),
		ns:   n.Text,
		b2r:  byteToRune(n.Text),
		meta: map[string]string{},
		jurs: map[string]*jur{},
	}
}

// origSpan maps a normalised span back to the original text.
func (x *doc) origSpan(s, e int) Span {
	return Span{Start: x.norm.Orig(s), End: x.norm.Orig(e)}
}

// mention builds a Mention for a normalised span, or false when the span
// lies outside every sentence (portal lines, metadata).
func (x *doc) mention(s, e int) (Mention, bool) {
	i := x.sentenceAt(s)
	if i < 0 {
		return Mention{}, false
	}
	sp := x.origSpan(s, e)
	return Mention{Span: sp, Sentence: i, Surface: string(x.orig[sp.Start:sp.End])}, true
}

// sentenceAt returns the index of the sentence holding normalised offset i.
func (x *doc) sentenceAt(i int) int {
	k := sort.Search(len(x.sents), func(k int) bool { return x.sents[k].end > i })
	if k < len(x.sents) && x.sents[k].start <= i {
		return k
	}
	return -1
}

func (x *doc) status(i int) Status {
	if k := x.sentenceAt(i); k >= 0 {
		return x.sents[k].status
	}
	return Front
}

// lineOf returns the line holding normalised offset i.
func (x *doc) lineOf(i int) int {
	k := sort.Search(len(x.lines), func(k int) bool { return x.lines[k].end >= i })
	if k < len(x.lines) {
		return k
	}
	return len(x.lines) - 1
}

var titleRe = regexp.MustCompile(`(法治|依法行政|法制)`)

// structure finds the front matter, the title, sections and sentences.
func (x *doc) structure() {
	t := x.t
	x.lines = splitLines(t)
	for i := range x.lines {
		ln := &x.lines[i]
		ln.class = classifyLine(t.str(ln.start, ln.end))
		if ln.class == lineMeta {
			for k, v := range parseMeta(t.str(ln.start, ln.end)) {
				if x.meta[k] == "" {
					x.meta[k] = v
				}
			}
		}
	}
	// Title: among the first lines before the prose, the first that names
	// the genre.
	seen := 0
	for i := range x.lines {
		ln := &x.lines[i]
		if ln.class == lineBlank {
			continue
		}
		seen++
		if seen > 25 {
			break
		}
		if ln.class != lineBody {
			continue
		}
		s := t.str(ln.start, ln.end)
		if headingLevel(s) > 0 || (x.rep.Title == "" && isProse(s)) {
			break
		}
		if title, ok := cleanTitle(s); ok {
			if x.rep.Title == "" {
				x.rep.Title = title
			}
			if title == x.rep.Title || strings.HasPrefix(s, x.rep.Title) {
				ln.class = lineFront
			}
		}
	}
	if x.rep.Title == "" {
		if v := x.meta["中文名"]; v != "" {
			if title, ok := cleanTitle(v); ok {
				x.rep.Title = title
			}
		}
	}
	// Lines before the first prose line that are neither headings nor prose
	// (an addressee such as 浙江省人民政府:) are front matter too.
	for i := range x.lines {
		ln := &x.lines[i]
		if ln.class != lineBody {
			continue
		}
		s := t.str(ln.start, ln.end)
		if headingLevel(s) > 0 || isProse(s) {
			break
		}
		ln.class = lineFront
	}
	// Signature: a date alone on the last lines, and the issuer above it.
	last := -1
	for i := len(x.lines) - 1; i >= 0; i-- {
		c := x.lines[i].class
		if c == lineBody {
			last = i
			break
		}
		if c != lineBlank && c != lineCruft {
			break
		}
	}
	if last >= 0 && dateOnlyRe.MatchString(t.str(x.lines[last].start, x.lines[last].end)) {
		x.lines[last].class = lineSign
		if last > 0 {
			prev := &x.lines[last-1]
			s := t.str(prev.start, prev.end)
			if prev.class == lineBody && utf8.RuneCountInString(s) <= 30 && !strings.ContainsAny(s, "。,，;；") {
				prev.class = lineSign
			}
		}
	}
	x.rep.Year = x.coveredYear()
	x.sections()
}

// isProse reports whether a line is running text rather than a heading,
// title or label.
func isProse(s string) bool {
	return strings.ContainsAny(s, "。;；") || utf8.RuneCountInString(s) > 40 && !strings.HasSuffix(s, "报告")
}

// cleanTitle returns the title in a line, with portal site names removed.
func cleanTitle(s string) (string, bool) {
	if utf8.RuneCountInString(s) > 120 || strings.Contains(s, "。") {
		return "", false
	}
	if !titleRe.MatchString(s) {
		return "", false
	}
	if i := strings.LastIndex(s, "报告"); i >= 0 {
		// keep the year written after it: 年度报告（2020年度）
		end := i + len("报告")
		if m := titleYearAfterRe.FindString(s[end:]); m != "" {
			end += len(m)
		}
		s = s[:end]
	} else if !strings.Contains(s, "法治政府") {
		return "", false
	} else {
		// cut a trailing site name: "… - 某某网"
		for _, sep := range []string{" -", " _", " |", "－", "——", "_"} {
			if j := strings.Index(s, sep); j > 0 {
				s = s[:j]
			}
		}
	}
	s = strings.TrimSpace(strings.Trim(s, "《》“”\""))
	if utf8.RuneCountInString(s) < 8 {
		return "", false
	}
	return s, true
}

// titleYearAfterRe matches the year in brackets after a title's 报告.
var titleYearAfterRe = regexp.MustCompile(`^\s*[(（]\d{4}\s*年度?[)）]`)

var firstYearRe = regexp.MustCompile(`^(\d{4})\s*年`)
var headYearRe = regexp.MustCompile(`(\d{4})\s*年(度)?(法治政府建设|依法行政|法治建设)`)

// coveredYear finds the year the report covers: title, then the opening
// sentence, then headings, then the publication date.
func (x *doc) coveredYear() int {
	ok := func(y int) bool { return y >= 1990 && y <= 2100 }
	if m := yearRe.FindStringSubmatch(x.rep.Title); m != nil && ok(atoi(m[1])) {
		return atoi(m[1])
	}
	for _, ln := range x.lines {
		if ln.class != lineBody {
			continue
		}
		s := x.t.str(ln.start, ln.end)
		if m := firstYearRe.FindStringSubmatch(s); m != nil && ok(atoi(m[1])) {
			return atoi(m[1])
		}
		break
	}
	for _, ln := range x.lines {
		if ln.class != lineBody {
			continue
		}
		s := x.t.str(ln.start, ln.end)
		if headingLevel(s) > 0 {
			if m := headYearRe.FindStringSubmatch(s); m != nil && ok(atoi(m[1])) {
				return atoi(m[1])
			}
		}
	}
	if d := x.publishedDate(); len(d) >= 4 {
		return atoi(d[:4]) - 1
	}
	return 0
}

// sections walks body lines, tracking headings and statement status, and
// cuts sentences.
func (x *doc) sections() {
	t := x.t
	year := x.rep.Year
	var sec1, sec2 string
	st1, st2 := Achieved, Status("")
	for li, ln := range x.lines {
		switch ln.class {
		case lineFront, lineMeta, lineSign:
			if ln.end > ln.start {
				x.sents = append(x.sents, sent{start: ln.start, end: ln.end, status: Front, line: li})
			}
			continue
		case lineBody:
		default:
			continue
		}
		s := t.str(ln.start, ln.end)
		parts := splitSentences(t, ln)
		if len(parts) == 0 {
			continue
		}
		lvl := headingLevel(s)
		switch lvl {
		case 1:
			sec1, sec2 = headingText(s), ""
			st1, _ = sectionStatus(sec1, year)
			st2 = ""
		case 2:
			sec2 = headingText(s)
			if st, ok := sectionStatus(sec2, year); ok {
				st2 = st
			} else {
				st2 = ""
			}
		}
		status := st1
		if st2 != "" {
			status = st2
		}
		// the paragraph's own opening may announce a plan or a shortcoming
		first := parts[0]
		if lvl > 0 && len(parts) > 1 {
			first = parts[1]
		}
		if lvl == 0 || lvl >= 2 {
			if ps, ok := paragraphStatus(t.str(first[0], first[1]), year); ok {
				status = ps
			}
		}
		section := sec1
		if sec2 != "" {
			section = sec2
		}
		for _, p := range parts {
			st := status
			if st == Achieved && sentencePlanned(t.str(p[0], p[1]), year) {
				st = Planned
			}
			x.sents = append(x.sents, sent{start: p[0], end: p[1], status: st, section: section, line: li})
		}
	}
	for _, s := range x.sents {
		x.rep.Sentences = append(x.rep.Sentences, Sentence{
			Span: x.origSpan(s.start, s.end), Section: s.section, Status: s.status,
		})
	}
}

func byteToRune(s string) []int32 {
	m := make([]int32, len(s)+1)
	n := int32(0)
	for i := range s {
		for j := i; j < len(s) && (j == i || !utf8.RuneStart(s[j])); j++ {
			m[j] = n
		}
		n++
	}
	m[len(s)] = n
	return m
}

// find returns the character offsets of every occurrence of w.
func (x *doc) find(w string) []int {
	var out []int
	for b := 0; b < len(x.ns); {
		i := strings.Index(x.ns[b:], w)
		if i < 0 {
			break
		}
		out = append(out, int(x.b2r[b+i]))
		b += i + len(w)
	}
	return out
}
