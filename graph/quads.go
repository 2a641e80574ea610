package graph

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"

	"github.com/fazhikg/fazhikg/extract"
)

// reportQuads returns every quad a report writes, each labelled with the
// report's IRI: the report node, a description of every entity it relies on
// (its own copy), one evidence node per sentence that states a fact, the
// mentions linking evidence to entities, and one adoption per mechanism.
// The quads come without duplicates, in the same order for the same report.
func reportQuads(r *extract.Report) ([]quad.Quad, error) {
	if err := checkReport(r); err != nil {
		return nil, err
	}
	b := &builder{
		r:         r,
		label:     ReportID(r.Name).IRI(),
		seen:      make(map[quad.Quad]struct{}),
		described: make(map[ID]bool),
		offsets:   runeOffsets(r.Text),
		evidence:  make(map[int]ID),
	}
	b.report()
	b.jurisdictions()
	b.bodies()
	b.mechanisms()
	b.documents()
	b.awards()
	b.people()
	return b.quads, nil
}

// checkReport rejects a report the graph cannot place: no name, or mentions
// and sentences outside the text.
func checkReport(r *extract.Report) error {
	if r == nil {
		return fmt.Errorf("%w: nil report", ErrInvalidReport)
	}
	if strings.TrimSpace(r.Name) == "" {
		return fmt.Errorf("%w: report has no name", ErrInvalidReport)
	}
	n := utf8.RuneCountInString(r.Text)
	for i, s := range r.Sentences {
		if s.Start < 0 || s.End < s.Start || s.End > n {
			return fmt.Errorf("%w: report %q: sentence %d spans [%d,%d) outside a text of %d characters",
				ErrInvalidReport, r.Name, i, s.Start, s.End, n)
		}
	}
	check := func(what, name string, ms []extract.Mention) error {
		for _, m := range ms {
			if m.Sentence < 0 || m.Sentence >= len(r.Sentences) {
				return fmt.Errorf("%w: report %q: %s %q: mention names sentence %d of %d",
					ErrInvalidReport, r.Name, what, name, m.Sentence, len(r.Sentences))
			}
		}
		return nil
	}
	var err error
	for _, j := range r.Jurisdictions {
		err = firstErr(err, check("jurisdiction", j.Name, j.Mentions))
	}
	if r.Jurisdiction != nil {
		err = firstErr(err, check("jurisdiction", r.Jurisdiction.Name, r.Jurisdiction.Mentions))
	}
	for _, x := range r.Bodies {
		err = firstErr(err, check("body", x.Name, x.Mentions))
	}
	for _, x := range r.Mechanisms {
		err = firstErr(err, check("mechanism", x.Name, x.Mentions))
	}
	for _, x := range r.Documents {
		err = firstErr(err, check("document", x.Title, x.Mentions))
	}
	for _, x := range r.Awards {
		err = firstErr(err, check("award", x.Name, x.Mentions))
	}
	for _, x := range r.People {
		err = firstErr(err, check("person", x.Name, x.Mentions))
	}
	return err
}

func firstErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

type builder struct {
	r         *extract.Report
	label     quad.IRI
	quads     []quad.Quad
	seen      map[quad.Quad]struct{}
	described map[ID]bool // entities given at least a type and a name
	offsets   []int       // byte offset of each character of r.Text, and of its end
	evidence  map[int]ID  // sentence index → evidence node written
}

func (b *builder) add(s ID, p quad.IRI, o quad.Value) {
	if o == nil {
		return
	}
	q := quad.Quad{Subject: s.IRI(), Predicate: p, Object: o, Label: b.label}
	if _, ok := b.seen[q]; ok {
		return
	}
	b.seen[q] = struct{}{}
	b.quads = append(b.quads, q)
}

// str returns a string literal, or nil for an empty string so that add
// skips it.
func str(s string) quad.Value {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	return quad.String(strings.ToValidUTF8(s, "\uFFFD"))
}

// year returns an integer literal, or nil for 0 (unknown).
func year(y int) quad.Value {
	if y == 0 {
		return nil
	}
	return quad.Int(y)
}

// entity writes the type and name of an entity once per report.
func (b *builder) entity(id ID, name string) {
	if b.described[id] {
		return
	}
	b.described[id] = true
	b.add(id, PredType, classOf(id.Kind()))
	b.add(id, PredName, str(name))
}

// aliases writes the names of id other than its name.
func (b *builder) aliases(id ID, name string, names ...string) {
	for _, a := range names {
		if strings.TrimSpace(a) != strings.TrimSpace(name) {
			b.add(id, PredAlias, str(a))
		}
	}
}

// mentions writes one evidence node per sentence a mention sits in and links
// it to the entity; it returns the evidence nodes in sentence order.
func (b *builder) mentions(id ID, ms []extract.Mention) []ID {
	var out []ID
	for _, m := range ms {
		ev := b.sentence(m.Sentence)
		b.add(ev, PredMentions, id.IRI())
		out = append(out, ev)
	}
	return out
}

// sentence writes the evidence node of sentence i once.
func (b *builder) sentence(i int) ID {
	if ev, ok := b.evidence[i]; ok {
		return ev
	}
	s := b.r.Sentences[i]
	ev := evidenceID(b.r.Name, i)
	b.evidence[i] = ev
	b.add(ev, PredType, ClassEvidence)
	b.add(ev, PredReport, ReportID(b.r.Name).IRI())
	b.add(ev, PredSentence, quad.Int(i))
	b.add(ev, PredText, str(b.slice(s.Span)))
	b.add(ev, PredStart, quad.Int(s.Start))
	b.add(ev, PredEnd, quad.Int(s.End))
	b.add(ev, PredStatus, str(string(s.Status)))
	b.add(ev, PredSection, str(s.Section))
	return ev
}

func (b *builder) report() {
	r := b.r
	id := ReportID(r.Name)
	b.entity(id, r.Name)
	b.add(id, PredTitle, str(r.Title))
	b.add(id, PredYear, year(r.Year))
	b.add(id, PredPublished, str(r.Published))
	b.add(id, PredSource, str(r.Source))
	b.add(id, PredHash, str(r.Hash))
	b.add(id, PredFormat, str(r.Format))
	b.add(id, PredEncoding, str(r.Encoding))
	b.add(id, PredIssuer, str(r.Issuer))
	b.add(id, PredIndexNo, str(r.IndexNo))
	if r.Jurisdiction != nil {
		b.add(id, PredJurisdiction, jurisdictionID(r.Jurisdiction).IRI())
	}
}

// jurisdictionID returns the node of a jurisdiction: its division code, or
// its folded full name when the code is missing.
func jurisdictionID(j *extract.Jurisdiction) ID {
	if j.Code != "" {
		return JurisdictionID(j.Code)
	}
	name := j.FullName
	if name == "" {
		name = j.Name
	}
	return newID(KindJurisdiction, "~"+Fold(name))
}

func (b *builder) jurisdictions() {
	all := make([]*extract.Jurisdiction, 0, len(b.r.Jurisdictions)+1)
	if b.r.Jurisdiction != nil {
		all = append(all, b.r.Jurisdiction)
	}
	for i := range b.r.Jurisdictions {
		all = append(all, &b.r.Jurisdictions[i])
	}
	for _, j := range all {
		id := jurisdictionID(j)
		b.entity(id, j.Name)
		b.add(id, PredCode, str(j.Code))
		b.add(id, PredFullName, str(j.FullName))
		b.add(id, PredLevel, str(string(j.Level)))
		b.aliases(id, j.Name, j.Aliases...)
		b.mentions(id, j.Mentions)
	}
	// Parents come last so that a parent the report lists itself is
	// described in full rather than by its code alone.
	for _, j := range all {
		if j.Parent != "" {
			b.add(jurisdictionID(j), PredParent, b.place(j.Parent).IRI())
		}
	}
}

// place returns the node of the jurisdiction with a code, describing it by
// its code when the report lists no such jurisdiction.
func (b *builder) place(code string) ID {
	id := JurisdictionID(code)
	if !b.described[id] {
		b.entity(id, code)
		b.add(id, PredCode, str(code))
	}
	return id
}

// body returns the node of the body with a name, describing it by its name
// alone when the report lists no such body.
func (b *builder) body(name string) ID {
	id := BodyID(name)
	b.entity(id, name)
	return id
}

func (b *builder) bodies() {
	for _, x := range b.r.Bodies {
		if strings.TrimSpace(x.Name) == "" {
			continue
		}
		id := b.body(x.Name)
		b.add(id, PredKind, str(x.Kind))
		if x.Jurisdiction != "" {
			b.add(id, PredLocatedIn, b.place(x.Jurisdiction).IRI())
		}
		b.aliases(id, x.Name, x.Surfaces...)
		b.mentions(id, x.Mentions)
	}
}

func (b *builder) mechanisms() {
	for _, x := range b.r.Mechanisms {
		if strings.TrimSpace(x.Name) == "" {
			continue
		}
		id := MechanismID(x.Name)
		b.entity(id, x.Name)
		b.aliases(id, x.Name, x.Surfaces...)
		for _, m := range x.Mentions {
			b.aliases(id, x.Name, m.Surface)
		}
		if x.Known {
			b.add(id, PredKnown, quad.Bool(true))
		}
		if x.Family != "" && Fold(x.Family) != Fold(x.Name) {
			fam := MechanismID(x.Family)
			b.entity(fam, x.Family)
			b.add(id, PredFamily, fam.IRI())
		}
		for _, name := range x.Bodies {
			if strings.TrimSpace(name) != "" {
				b.add(id, PredTakesPart, b.body(name).IRI())
			}
		}
		evidence := b.mentions(id, x.Mentions)
		b.adoption(id, x.Mentions, evidence, x.Cues)
	}
}

// adoption writes the reporting jurisdiction's adoption of a mechanism in
// the year the report covers, with the status its strongest sentence gives.
func (b *builder) adoption(mech ID, ms []extract.Mention, evidence []ID, cues []extract.Cue) {
	if b.r.Jurisdiction == nil || len(ms) == 0 {
		return
	}
	var statuses []extract.Status
	for _, m := range ms {
		if !m.Negated { // 尚未建立: not an adoption
			statuses = append(statuses, b.r.Sentences[m.Sentence].Status)
		}
	}
	if len(statuses) == 0 {
		return
	}
	id := adoptionID(b.r.Name, mech)
	b.add(id, PredType, ClassAdoption)
	b.add(id, PredMechanism, mech.IRI())
	b.add(id, PredAdopter, jurisdictionID(b.r.Jurisdiction).IRI())
	b.add(id, PredReport, ReportID(b.r.Name).IRI())
	b.add(id, PredYear, year(b.r.Year))
	b.add(id, PredStatus, quad.String(AdoptionStatusOf(statuses...)))
	for _, ev := range evidence {
		b.add(id, PredEvidence, ev.IRI())
	}
	for _, c := range cues {
		b.add(id, PredCue, quad.String(Cue{Kind: c.Kind, Place: c.Place, Document: c.Document, Level: c.Level}.String()))
	}
}

func (b *builder) documents() {
	for _, x := range b.r.Documents {
		if strings.TrimSpace(x.Title) == "" {
			continue
		}
		id := DocumentID(x.Title)
		b.entity(id, x.Title)
		b.add(id, PredKind, str(x.Kind))
		b.add(id, PredLevel, str(x.Level))
		if x.Issuer != "" {
			b.add(id, PredIssuer, b.body(x.Issuer).IRI())
		}
		for _, m := range x.Mentions {
			b.aliases(id, x.Title, m.Surface)
		}
		b.mentions(id, x.Mentions)
	}
}

func (b *builder) awards() {
	for _, x := range b.r.Awards {
		if strings.TrimSpace(x.Name) == "" {
			continue
		}
		id := AwardID(x.Name, x.Recipient, x.Year)
		b.entity(id, x.Name)
		b.add(id, PredRecipient, str(x.Recipient))
		b.add(id, PredLevel, str(x.Level))
		b.add(id, PredYear, year(x.Year))
		b.mentions(id, x.Mentions)
	}
}

func (b *builder) people() {
	for _, x := range b.r.People {
		if strings.TrimSpace(x.Name) == "" {
			continue
		}
		where := x.Body
		if where == "" {
			where = x.Role
		}
		id := PersonID(x.Name, where)
		b.entity(id, x.Name)
		b.add(id, PredRole, str(x.Role))
		if x.Body != "" {
			b.add(id, PredMemberOf, b.body(x.Body).IRI())
		}
		b.mentions(id, x.Mentions)
	}
}

// slice returns the text a span covers, using the precomputed offsets.
func (b *builder) slice(s extract.Span) string {
	if s.Start < 0 || s.End < s.Start || s.End >= len(b.offsets) {
		return ""
	}
	return b.r.Text[b.offsets[s.Start]:b.offsets[s.End]]
}

// runeOffsets returns the byte offset of every character of text, followed
// by len(text).
func runeOffsets(text string) []int {
	out := make([]int, 0, len(text)/2+1)
	for i := range text {
		out = append(out, i)
	}
	return append(out, len(text))
}

// lessQuad orders quads by subject, predicate, object and label, as written
// in N-Quads.
func lessQuad(a, b quad.Quad) bool {
	for _, d := range quad.Directions {
		x, y := quad.ToString(a.Get(d)), quad.ToString(b.Get(d))
		if x != y {
			return x < y
		}
	}
	return false
}
