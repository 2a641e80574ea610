package altsynth

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// composer writes the body of one report: it decides which mechanisms the
// report names and how, and surrounds them with the prose of the genre.
type composer struct {
	c   *corpus
	p   *place
	y   int
	rng *rand.Rand
	// sub holds slots a story sets for its own sentences ({S}, {D} …).
	sub  map[string]string
	told []*told
	// fillers left per topic, drawn without replacement.
	fillers  [numTopics][]string
	acts     [numTopics][]string
	needYear bool
}

// block is an item: a lead (一是…) and its sentences.
type block struct {
	lead  string
	sents []string
	// own marks an item headed by a mechanism: its sentences refer to it
	// (该做法…), so no other story goes in.
	own bool
}

// subsection is a heading with items, inside the achievements.
type subsection struct {
	topic topic
	head  string
	items []*block
}

// Kinds of sections.
const (
	secAchieved = "achieved"
	secProblem  = "problem"
	secDuty     = "duty"
	secPlan     = "plan"
	secBoth     = "problem+plan" // shortcomings and plans under one heading
)

type section struct {
	kind  string
	head  string // "" for none
	open  string
	subs  []*subsection // achievements, nested layout
	items []*block
	// plans, for a section of shortcomings that ends with them
	// (下一步，我县将…) or a combined one, and what opens them.
	plans    []*block
	planOpen string
}

// draft is a composed report: marked text, not yet dressed.
type draft struct {
	intro    []string
	sections []*section
	closing  string
	told     []*told
	flat     bool // topics as top-level sections
	// unused are topics the achievements do not cover yet.
	unused []topic
}

// compose writes the body of the report of p for year y; needYear asks
// for an introduction that states the year, for a report whose title
// does not.
func (c *corpus) compose(p *place, y int, needYear bool) *draft {
	w := &composer{c: c, p: p, y: y, rng: c.stream("report", p.code, y), sub: make(map[string]string), needYear: needYear}
	for t := range numTopics {
		w.fillers[t] = shuffled(w.rng, sentences[t])
		w.acts[t] = shuffled(w.rng, acts[t])
	}
	w.choose()
	return w.draft()
}

// choose decides what the report says of which mechanism: the adoptions
// of the year, older ones again, plans, a shortcoming.
func (w *composer) choose() {
	c, code := w.c, w.p.code
	byMech := make(map[int]*told)
	add := func(t *told) *told {
		byMech[t.m.idx] = t
		t.variant = w.variantOf(t.m)
		w.told = append(w.told, t)
		return t
	}
	for _, e := range c.news[key{code, w.y}] {
		mi := slices.IndexFunc(c.mechs, func(m *mech) bool { return m.e.name == e.Mechanism })
		add(&told{m: c.mechs[mi], role: roleNew, adopted: w.y, ev: e})
	}
	for _, u := range c.takenUp[key{code, w.y}] {
		t := byMech[u.mech]
		if t == nil {
			t = add(&told{m: c.mechs[u.mech], role: roleOld, adopted: c.adopted[code][u.mech]})
		}
		t.uptakes = append(t.uptakes, u.target)
	}
	adopted := c.adopted[code]
	olds := 0
	for _, mi := range w.rng.Perm(len(c.mechs)) {
		if yr := adopted[mi]; yr > 0 && yr < w.y && byMech[mi] == nil && olds < 4 && w.rng.Float64() < 0.3 {
			add(&told{m: c.mechs[mi], role: roleOld, adopted: yr})
			olds++
		}
	}
	plans := 0
	for _, mi := range w.rng.Perm(len(c.mechs)) {
		yr := adopted[mi]
		if byMech[mi] != nil || plans >= 3 {
			continue
		}
		if (yr == w.y+1 && w.rng.Float64() < 0.55) || (yr == w.y+2 && w.rng.Float64() < 0.2) {
			add(&told{m: c.mechs[mi], role: rolePlan, adopted: yr})
			plans++
		}
	}
	known := func(mi int) bool { return c.first[mi] > 0 && c.first[mi] <= w.y }
	if plans < 3 && w.rng.Float64() < 0.15 {
		for _, mi := range w.rng.Perm(len(c.mechs)) {
			if adopted[mi] == 0 && known(mi) && byMech[mi] == nil {
				add(&told{m: c.mechs[mi], role: rolePlan})
				plans++
				break
			}
		}
	}
	if plans < 3 && w.rng.Float64() < 0.3 {
		for _, mi := range w.rng.Perm(len(c.mechs)) {
			if yr := adopted[mi]; yr > 0 && yr < w.y && byMech[mi] == nil {
				add(&told{m: c.mechs[mi], role: rolePlan, adopted: yr})
				break
			}
		}
	}
	for _, t := range w.told {
		if t.role == rolePlan && (t.adopted == 0 || t.adopted > w.y) && w.rng.Float64() < 0.15 {
			t.trap = true
			break
		}
	}
	if w.rng.Float64() < 0.3 {
		for _, mi := range w.rng.Perm(len(c.mechs)) {
			yr := adopted[mi]
			if (yr == 0 || yr > w.y) && known(mi) && c.first[mi] < w.y && byMech[mi] == nil {
				add(&told{m: c.mechs[mi], role: roleLack, adopted: yr})
				break
			}
		}
	}
}

// variantOf is the place's own name for a mechanism, the same every
// year, or "".
func (w *composer) variantOf(m *mech) string {
	if len(m.e.variants) == 0 {
		return ""
	}
	rng := w.c.stream("variant", w.p.code, m.idx)
	if rng.Float64() >= 0.35 {
		return ""
	}
	v := m.e.variants[rng.IntN(len(m.e.variants))]
	r := strings.NewReplacer(
		"{x}", counts[rng.IntN(len(counts))],
		"{s}", w.p.shortName(),
		"{t}", themes[rng.IntN(len(themes))],
		"{h}", whistlers[rng.IntN(len(whistlers))],
		"{m}", minutes[rng.IntN(len(minutes))],
	)
	return r.Replace(v)
}

// draft lays the report out and fills it to its length.
func (w *composer) draft() *draft {
	d := &draft{told: w.told, flat: w.rng.Float64() < 0.4}
	in := w.oneString(intros)
	for w.needYear && !strings.HasPrefix(in, "{y}") {
		in = w.oneString(intros)
	}
	intro := w.fill(in)
	if w.rng.Float64() < 0.35 {
		intro += w.fill(w.oneString(honoursIntro))
	}
	if s := w.fill(w.oneString(reportLines)); s != "" {
		intro += s
	}
	d.intro = []string{intro}

	// The topics told: the leadership always, those of the mechanisms,
	// and others up to four to seven.
	want := map[topic]bool{topicLead: true}
	for _, t := range w.told {
		if t.role == roleNew || t.role == roleOld || t.trap {
			want[t.m.e.topic] = true
		}
	}
	for _, t := range w.rng.Perm(int(numTopics)) {
		if len(want) >= 4+w.rng.IntN(4) {
			break
		}
		want[topic(t)] = true
	}
	var subs []*subsection
	for t := range numTopics {
		if !want[t] {
			continue
		}
		s := &subsection{topic: t, head: w.oneString(sectionHeads[t])}
		ls := slices.Clone(leads[t])
		w.rng.Shuffle(len(ls), func(i, j int) { ls[i], ls[j] = ls[j], ls[i] })
		for i := range min(len(ls), 2+w.rng.IntN(2)) {
			s.items = append(s.items, &block{lead: ls[i], sents: []string{w.filler(t)}})
		}
		subs = append(subs, s)
	}
	d.unused = nil
	for t := range numTopics {
		if !want[t] {
			d.unused = append(d.unused, t)
		}
	}
	if w.rng.Float64() < 0.2 && len(subs) > 2 {
		rest := subs[1:]
		w.rng.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
	}
	subOf := func(t topic) *subsection {
		for _, s := range subs {
			if s.topic == t {
				return s
			}
		}
		return subs[0]
	}
	w.placeStories(subOf)

	var secs []*section
	if d.flat {
		for _, s := range subs {
			secs = append(secs, &section{kind: secAchieved, head: s.head, items: s.items})
		}
	} else {
		secs = append(secs, &section{kind: secAchieved, head: w.fill(w.oneString(achievedHeads)), subs: subs})
	}

	problem, plan := w.problems(), w.plans()
	duty := w.duty()
	x := w.rng.Float64()
	switch {
	case x < 0.15: // 存在的不足及下一步打算
		problem.kind, problem.head = secBoth, w.fill(w.oneString(bothHeads))
		problem.plans, problem.planOpen = plan.items, w.fill(w.oneString(planTurns))
		secs = append(secs, duty, problem)
	case x < 0.25: // plans close the shortcomings, with no heading
		problem.plans, problem.planOpen = plan.items, w.fill(w.oneString(planTurns))
		secs = append(secs, problem, duty)
	case x < 0.35: // no duty section
		secs = append(secs, problem, plan)
	default:
		secs = append(secs, problem, duty, plan)
	}
	secs = slices.DeleteFunc(secs, func(s *section) bool { return s == nil })
	d.sections = secs
	d.closing = w.fill(w.oneString(closings))
	w.pad(d)
	return d
}

var achievedHeads = []string{
	"主要举措和成效",
	"{y}年法治政府建设主要工作",
	"推进法治政府建设的主要举措及成效",
	"工作开展情况",
	"主要工作及成效",
	"{y}年工作情况",
	"法治政府建设取得的成效",
}

var problemHeads = []string{
	"存在的问题和不足",
	"存在的不足",
	"工作中存在的短板",
	"问题与差距",
	"需要改进的方面",
	"当前存在的薄弱环节",
	"存在的困难和问题",
}

var planHeads = []string{
	"{ny}年工作打算",
	"下一步工作安排",
	"下一阶段工作重点",
	"{ny}年法治政府建设工作思路",
	"今后工作方向",
	"下步工作计划",
	"{ny}年重点工作",
	"明年工作谋划",
	"下一年度工作安排",
	"努力方向",
}

// planTurns open plans that follow the shortcomings with no heading.
var planTurns = []string{
	"下一步，{we}将重点做好以下工作：",
	"{ny}年，{we}将着力抓好以下几项工作：",
	"针对上述问题，{we}将采取以下措施：",
}

var bothHeads = []string{
	"存在的不足及下一步打算",
	"问题和打算",
	"存在的短板及改进措施",
}

// placeStories puts every achievement in the subsection of its topic: as
// an item of its own or among an item's sentences; two without cues now
// and then share a sentence.
func (w *composer) placeStories(subOf func(topic) *subsection) {
	var quiet []*told
	for _, t := range w.told {
		if (t.role == roleNew && len(t.ev.Cues) == 0 || t.role == roleOld) && len(t.uptakes) == 0 {
			quiet = append(quiet, t)
		}
	}
	paired := make(map[*told]bool)
	for i, a := range quiet {
		if paired[a] || w.rng.Float64() >= 0.3 {
			continue
		}
		for _, b := range quiet[i+1:] {
			if !paired[b] && b.m.e.topic == a.m.e.topic {
				paired[a], paired[b] = true, true
				w.insert(subOf(a.m.e.topic), w.tellEnum(a, b))
				break
			}
		}
	}
	for _, t := range w.told {
		if paired[t] {
			continue
		}
		s := subOf(t.m.e.topic)
		switch {
		case t.role == roleNew:
			lead, sents := w.tellNew(t)
			if lead != "" {
				s.items = append(s.items, &block{lead: lead, sents: sents, own: true})
				continue
			}
			w.insert(s, sents...)
		case t.role == roleOld:
			w.insert(s, w.tellOld(t)...)
		case t.trap:
			b := w.someItem(s)
			b.sents = append(b.sents, w.tellTrap(t))
		}
	}
}

// insert puts sentences into a random item of s, before or after what it
// has.
func (w *composer) insert(s *subsection, sents ...string) {
	b := w.someItem(s)
	if w.rng.Float64() < 0.5 {
		b.sents = append(slices.Clone(sents), b.sents...)
	} else {
		b.sents = append(b.sents, sents...)
	}
}

// someItem draws an item of s that no mechanism heads.
func (w *composer) someItem(s *subsection) *block {
	for {
		if b := s.items[w.rng.IntN(len(s.items))]; !b.own {
			return b
		}
	}
}

func (w *composer) problems() *section {
	s := &section{kind: secProblem, head: w.oneString(problemHeads), open: w.fill(w.oneString(problemOpeners))}
	ps := slices.Clone(problems)
	w.rng.Shuffle(len(ps), func(i, j int) { ps[i], ps[j] = ps[j], ps[i] })
	ps = ps[:2+w.rng.IntN(3)]
	for _, t := range w.told {
		if t.role == roleLack {
			i := w.rng.IntN(len(ps) + 1)
			ps = slices.Insert(ps, i, w.tellLack(t))
		}
	}
	for _, p := range ps {
		s.items = append(s.items, &block{sents: []string{w.fill(p)}})
	}
	return s
}

func (w *composer) plans() *section {
	s := &section{kind: secPlan, head: w.fill(w.oneString(planHeads)), open: w.fill(w.oneString(planOpeners))}
	ls := slices.Clone(planLeads)
	w.rng.Shuffle(len(ls), func(i, j int) { ls[i], ls[j] = ls[j], ls[i] })
	ps := slices.Clone(planSentences)
	w.rng.Shuffle(len(ps), func(i, j int) { ps[i], ps[j] = ps[j], ps[i] })
	n := 3 + w.rng.IntN(3)
	for i := range n {
		s.items = append(s.items, &block{lead: ls[i], sents: []string{w.fill(ps[i])}})
	}
	for _, t := range w.told {
		if t.role == rolePlan && !t.trap {
			b := s.items[w.rng.IntN(len(s.items))]
			b.sents = append(b.sents, w.tellPlan(t))
		}
	}
	return s
}

func (w *composer) duty() *section {
	if w.rng.Float64() < 0.45 {
		return nil
	}
	s := &section{kind: secDuty, head: w.fill(w.oneString(dutyHeads))}
	ds := slices.Clone(dutySentences)
	w.rng.Shuffle(len(ds), func(i, j int) { ds[i], ds[j] = ds[j], ds[i] })
	var sents []string
	for _, d := range ds[:3+w.rng.IntN(3)] {
		sents = append(sents, w.fill(d))
	}
	s.items = []*block{{sents: sents}}
	return s
}

// pad adds prose to the achievements until the report reaches a length
// drawn for it, 3,000 to 9,000 characters with the furniture: to the
// shortest item whose topic has prose left, and to topics not yet told
// when those run out.
func (w *composer) pad(d *draft) {
	target := 2500 + w.rng.IntN(5600)
	type slot struct {
		b *block
		t topic
		n int
	}
	var slots []*slot
	count := func(b *block) int {
		n := utf8.RuneCountInString(b.lead)
		for _, s := range b.sents {
			n += utf8.RuneCountInString(s)
		}
		return n
	}
	last := 0
	for i, s := range d.sections {
		if s.kind != secAchieved {
			continue
		}
		last = i
		for _, sub := range s.subs {
			for _, b := range sub.items {
				slots = append(slots, &slot{b, sub.topic, count(b)})
			}
		}
		if s.subs == nil {
			t := topicOfHead(s.head)
			for _, b := range s.items {
				slots = append(slots, &slot{b, t, count(b)})
			}
		}
	}
	n := d.length()
	for n < target {
		var best *slot
		for _, sl := range slots {
			if !sl.b.own && w.hasFiller(sl.t) && (best == nil || sl.n < best.n) {
				best = sl
			}
		}
		if best == nil {
			if len(d.unused) == 0 {
				return
			}
			t := d.unused[0]
			d.unused = d.unused[1:]
			sub := &subsection{topic: t, head: w.oneString(sectionHeads[t])}
			for _, l := range shuffled(w.rng, leads[t])[:2] {
				b := &block{lead: l}
				sub.items = append(sub.items, b)
				slots = append(slots, &slot{b, t, utf8.RuneCountInString(l)})
			}
			if d.flat {
				sec := &section{kind: secAchieved, head: sub.head, items: sub.items}
				d.sections = slices.Insert(d.sections, last+1, sec)
				last++
			} else {
				d.sections[0].subs = append(d.sections[0].subs, sub)
			}
			continue
		}
		s := w.filler(best.t)
		best.b.sents = append(best.b.sents, s)
		k := utf8.RuneCountInString(s)
		best.n += k
		n += k
	}
}

func (w *composer) hasFiller(t topic) bool {
	return len(w.fillers[t]) > 0 || len(w.acts[t]) > 0
}

func shuffled[T any](rng *rand.Rand, s []T) []T {
	out := slices.Clone(s)
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// topicOfHead finds the topic of a section heading.
func topicOfHead(h string) topic {
	for t := range numTopics {
		if slices.Contains(sectionHeads[t], h) {
			return t
		}
	}
	return topicLead
}

// length counts the characters of the draft's text.
func (d *draft) length() int {
	n := 0
	add := func(ss ...string) {
		for _, s := range ss {
			n += utf8.RuneCountInString(s)
		}
	}
	add(d.intro...)
	for _, s := range d.sections {
		add(s.head, s.open)
		for _, sub := range s.subs {
			add(sub.head)
			for _, b := range sub.items {
				add(b.lead)
				add(b.sents...)
			}
		}
		for _, b := range append(slices.Clone(s.items), s.plans...) {
			add(b.lead)
			add(b.sents...)
		}
	}
	return n
}

// filler draws a sentence of a topic's prose: a written one while they
// last, then one composed of an act, maybe a figure and an effect, each
// act once.
func (w *composer) filler(t topic) string {
	if f := w.fillers[t]; len(f) > 0 {
		w.fillers[t] = f[1:]
		return w.fill(f[0])
	}
	a := w.acts[t]
	if len(a) == 0 {
		return w.fill(w.oneString(sentences[t]))
	}
	w.acts[t] = a[1:]
	s := a[0]
	if w.rng.Float64() < 0.7 {
		s += "，" + w.oneString(facts)
	}
	if w.rng.Float64() < 0.5 {
		s += "，" + w.oneString(effects)
	}
	return w.fill(s + "。")
}

// fill replaces the report's slots in s; slots it does not know stay.
func (w *composer) fill(s string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		name := s[i+1 : i+j]
		if v, ok := w.slot(name); ok {
			b.WriteString(v)
		} else {
			b.WriteString(s[i : i+j+1])
		}
		s = s[i+j+1:]
	}
}

var cnDigits = []string{"两", "三", "四", "五", "六", "七", "八"}

func (w *composer) slot(name string) (string, bool) {
	p, r := w.p, w.rng
	switch name {
	case "we":
		return "我" + p.unit, true
	case "all":
		return "全" + p.unit, true
	case "u":
		return p.unit, true
	case "name":
		return p.name, true
	case "govname":
		return p.name + govWord(p), true
	case "short":
		return p.short, true
	case "gov":
		return w.gov(), true
	case "party":
		switch p.level {
		case "zone":
			return "党工委", true
		case "province":
			if p.unit == "区" {
				return "自治区党委", true
			}
		}
		return p.unit + "委", true
	case "head":
		switch p.level {
		case "zone":
			return "管委会主任", true
		case "province":
			if p.unit == "区" {
				return "自治区主席", true
			}
		}
		return p.unit + "长", true
	case "up":
		if p.level == "province" {
			return "国", true
		}
		return p.upUnit, true
	case "upper":
		if p.level == "province" {
			return "党中央、国务院", true
		}
		return p.upUnit + "委、" + p.upUnit + "政府", true
	case "town":
		return p.below[r.IntN(len(p.below))], true
	case "dept":
		d := depts[r.IntN(len(depts))]
		if p.level == "province" {
			return "省" + d[1], true
		}
		if p.level == "zone" {
			return "区" + d[0], true
		}
		return p.unit + d[0], true
	case "n":
		return strconv.Itoa(2 + r.IntN(29)), true
	case "N":
		return strconv.Itoa(100 + r.IntN([]int{400, 2000, 9000}[r.IntN(3)])), true
	case "pct":
		if r.Float64() < 0.3 {
			return "100", true
		}
		return fmt.Sprintf("%.1f", 85+15*r.Float64()), true
	case "p2":
		return strconv.Itoa(3 + r.IntN(43)), true
	case "cn":
		return cnDigits[r.IntN(len(cnDigits))], true
	case "mo":
		return strconv.Itoa(1 + r.IntN(12)), true
	case "y":
		return strconv.Itoa(w.y), true
	case "ny":
		return strconv.Itoa(w.y + 1), true
	case "py":
		return strconv.Itoa(w.y - 1), true
	case "spirit":
		return spirit(w.y), true
	case "spirit2":
		return strings.TrimPrefix(strings.TrimPrefix(spirit(w.y), "全面贯彻"), "认真学习宣传贯彻"), true
	case "law":
		var ok []string
		for _, l := range laws {
			if l.from <= w.y && w.y <= l.to {
				ok = append(ok, l.title)
			}
		}
		return ok[r.IntN(len(ok))], true
	case "doc":
		return w.fill(localDocs[r.IntN(len(localDocs))]), true
	}
	if v, ok := w.sub[name]; ok {
		return v, true
	}
	return "", false
}

func (w *composer) gov() string {
	switch w.p.level {
	case "zone":
		return "管委会"
	case "province":
		if w.p.unit == "区" {
			return "自治区政府"
		}
	}
	return w.p.unit + "政府"
}

func (w *composer) one(ts []templ) templ        { return ts[w.rng.IntN(len(ts))] }
func (w *composer) oneString(s []string) string { return s[w.rng.IntN(len(s))] }
