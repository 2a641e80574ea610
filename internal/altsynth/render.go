package altsynth

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// cnNumber writes 1 to 99 in Chinese numerals: 一, 十二, 二十.
func cnNumber(n int) string {
	d := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return d[n]
	case n < 20:
		return "十" + d[n%10]
	default:
		return d[n/10] + "十" + d[n%10]
	}
}

// numbering is how a report numbers its subsections and items.
type numbering struct {
	sub  func(i int) string // （一）
	item func(i int) string // 一是, 1., （1）, or nothing
	// inline puts a subsection's heading and items in one paragraph.
	inline bool
}

func newNumbering(rng *rand.Rand) numbering {
	var n numbering
	switch x := rng.Float64(); {
	case x < 0.7:
		n.sub = func(i int) string { return "（" + cnNumber(i) + "）" }
	case x < 0.85:
		n.sub = func(i int) string { return "(" + cnNumber(i) + ")" }
	default:
		n.sub = func(i int) string { return strconv.Itoa(i) + "." }
	}
	switch x := rng.Float64(); {
	case x < 0.5:
		n.item = func(i int) string { return cnNumber(i) + "是" }
	case x < 0.7:
		n.item = func(i int) string { return strconv.Itoa(i) + "." }
	case x < 0.8:
		n.item = func(i int) string { return "（" + strconv.Itoa(i) + "）" }
	default:
		n.item = func(int) string { return "" }
	}
	n.inline = rng.Float64() < 0.25
	return n
}

// render lays the draft's body out as paragraphs of marked text.
func (d *draft) render(rng *rand.Rand) []string {
	num := newNumbering(rng)
	out := append([]string(nil), d.intro...)
	top := 0
	heading := func(h string) {
		top++
		out = append(out, cnNumber(top)+"、"+h)
	}
	item := func(j int, b *block) string {
		lead := b.lead
		no := num.item(j)
		if lead != "" && no == "" && !strings.Contains(lead, markOpen) {
			lead = "" // unnumbered items read as prose
		}
		s := no + lead
		if lead != "" {
			s += "。"
		}
		return s + strings.Join(b.sents, "")
	}
	for _, s := range d.sections {
		switch s.kind {
		case secAchieved:
			heading(s.head)
			if s.subs == nil { // a topic as a section of its own
				for j, b := range s.items {
					if b.lead == "" {
						out = append(out, strings.Join(b.sents, ""))
						continue
					}
					out = append(out, num.sub(j+1)+b.lead+"。"+strings.Join(b.sents, ""))
				}
				continue
			}
			for i, sub := range s.subs {
				if num.inline {
					p := num.sub(i+1) + sub.head + "。"
					for j, b := range sub.items {
						p += item(j+1, b)
					}
					out = append(out, p)
					continue
				}
				out = append(out, num.sub(i+1)+sub.head)
				for j, b := range sub.items {
					out = append(out, item(j+1, b))
				}
			}
		case secProblem, secBoth:
			heading(s.head)
			out = append(out, problemParagraphs(rng, s)...)
			if len(s.plans) > 0 {
				out = append(out, planParagraphs(rng, s.planOpen, s.plans, num)...)
			}
		case secDuty:
			heading(s.head)
			for _, b := range s.items {
				out = append(out, strings.Join(b.sents, ""))
			}
		case secPlan:
			heading(s.head)
			out = append(out, planParagraphs(rng, s.open, s.items, num)...)
		}
	}
	if d.closing != "" {
		out = append(out, d.closing)
	}
	return out
}

// problemParagraphs writes shortcomings as one paragraph of 一是…；二是…
// or as numbered paragraphs.
func problemParagraphs(rng *rand.Rand, s *section) []string {
	var clauses []string
	for _, b := range s.items {
		clauses = append(clauses, strings.TrimSuffix(strings.Join(b.sents, ""), "。"))
	}
	if rng.Float64() < 0.6 {
		var p strings.Builder
		p.WriteString(s.open)
		for i, c := range clauses {
			p.WriteString(cnNumber(i+1) + "是" + c)
			if i < len(clauses)-1 {
				p.WriteString("；")
			}
		}
		p.WriteString("。")
		return []string{p.String()}
	}
	var out []string
	if s.open != "" {
		out = append(out, s.open)
	}
	for i, c := range clauses {
		out = append(out, "（"+cnNumber(i+1)+"）"+c+"。")
	}
	return out
}

// planParagraphs writes plans as numbered paragraphs with leads, as one
// paragraph, or as plain paragraphs.
func planParagraphs(rng *rand.Rand, open string, items []*block, num numbering) []string {
	var out []string
	switch x := rng.Float64(); {
	case x < 0.6:
		if open != "" {
			out = append(out, open)
		}
		for i, b := range items {
			out = append(out, num.sub(i+1)+b.lead+"。"+strings.Join(b.sents, ""))
		}
	case x < 0.8:
		p := open
		for i, b := range items {
			p += cnNumber(i+1) + "是" + b.lead + "。" + strings.Join(b.sents, "")
		}
		out = append(out, p)
	default:
		if open != "" {
			out = append(out, open)
		}
		for _, b := range items {
			out = append(out, strings.Join(b.sents, ""))
		}
	}
	return out
}
