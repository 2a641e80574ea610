package extract

// Summary is the line printed for a report by `fazhikg extract --format
// jsonl`: the report's metadata and facts, each fact with its evidence.
type Summary struct {
	File          string             `json:"file"`
	Name          string             `json:"id"`
	Hash          string             `json:"hash"`
	Format        string             `json:"format"`
	Encoding      string             `json:"encoding"`
	Title         string             `json:"title"`
	Jurisdiction  string             `json:"jurisdiction"`
	Code          string             `json:"jurisdictionCode,omitempty"`
	Year          int                `json:"year"`
	Published     string             `json:"published"`
	Issuer        string             `json:"issuer"`
	IndexNo       string             `json:"indexNo,omitempty"`
	Jurisdictions []SummaryPlace     `json:"jurisdictions"`
	Bodies        []SummaryBody      `json:"bodies"`
	Mechanisms    []SummaryMechanism `json:"mechanisms"`
	Documents     []SummaryDocument  `json:"documents"`
	Awards        []SummaryAward     `json:"awards"`
	People        []SummaryPerson    `json:"people"`
	Sentences     []SummarySentence  `json:"sentences,omitempty"`
}

// Evidence is a mention: character offsets into the decoded text and the
// index of the sentence that holds it.
type Evidence struct {
	Start    int `json:"start"`
	End      int `json:"end"`
	Sentence int `json:"sentence"`
}

type SummaryPlace struct {
	Name     string     `json:"name"` // full name
	Short    string     `json:"short"`
	Code     string     `json:"code"`
	Level    Level      `json:"level"`
	Parent   string     `json:"parent,omitempty"`
	Aliases  []string   `json:"aliases,omitempty"`
	Evidence []Evidence `json:"evidence,omitempty"`
}

type SummaryBody struct {
	Name         string     `json:"name"`
	Kind         string     `json:"kind"`
	Jurisdiction string     `json:"jurisdiction,omitempty"`
	Surface      []string   `json:"surface"`
	Evidence     []Evidence `json:"evidence"`
}

type SummaryMechanism struct {
	Name    string   `json:"name"`
	Surface []string `json:"surface"`
	Family  string   `json:"family"`
	Bodies  []string `json:"bodies"`
	Known   bool     `json:"known"`
	// Status is achieved when any mention states it as done, else planned
	// or problem.
	Status   Status       `json:"status"`
	Plan     bool         `json:"plan"`
	Cues     []SummaryCue `json:"cues,omitempty"`
	Evidence []Evidence   `json:"evidence"`
}

// SummaryCue is a statement of where a mechanism came from (see Cue).
type SummaryCue struct {
	Kind     string   `json:"kind"`
	Place    string   `json:"place,omitempty"` // full name of the place named
	Code     string   `json:"code,omitempty"`
	Document string   `json:"document,omitempty"`
	Level    string   `json:"level,omitempty"`
	Evidence Evidence `json:"evidence"`
}

type SummaryDocument struct {
	// Title is as first written in the report; Simplified is the
	// normalised form that identifies the document.
	Title      string     `json:"title"`
	Simplified string     `json:"simplified"`
	Kind       string     `json:"kind"`
	Issuer     string     `json:"issuer"`
	Evidence   []Evidence `json:"evidence"`
}

type SummaryAward struct {
	Name      string     `json:"name"`
	Recipient string     `json:"recipient"`
	Level     string     `json:"level"`
	Year      int        `json:"year"`
	Evidence  []Evidence `json:"evidence"`
}

type SummaryPerson struct {
	Name     string     `json:"name"`
	Role     string     `json:"role"`
	Body     string     `json:"body,omitempty"`
	Evidence []Evidence `json:"evidence"`
}

type SummarySentence struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Status  Status `json:"status"`
	Section string `json:"section,omitempty"`
	Text    string `json:"text"`
}

func evidence(ms []Mention) []Evidence {
	out := make([]Evidence, len(ms))
	for i, m := range ms {
		out[i] = Evidence{Start: m.Start, End: m.End, Sentence: m.Sentence}
	}
	return out
}

// StatusOf tells what the mentions of a fact state: Achieved when one of
// them is in an achieved (or front) sentence, else the status of the first;
// Lacking when every mention says it does not hold.
func (r *Report) StatusOf(ms []Mention) Status {
	var first Status
	negated := 0
	for _, m := range ms {
		if m.Sentence < 0 || m.Sentence >= len(r.Sentences) {
			continue
		}
		if m.Negated {
			negated++
			continue
		}
		s := r.Sentences[m.Sentence].Status
		if s == Achieved || s == Front {
			return Achieved
		}
		if first == "" {
			first = s
		}
	}
	if first == "" {
		if negated > 0 {
			return Lacking
		}
		return Achieved
	}
	return first
}

// Summarize returns the report's summary; withText adds its sentences.
func (r *Report) Summarize(file string, withText bool) Summary {
	s := Summary{
		File: file, Name: r.Name, Hash: r.Hash, Format: r.Format, Encoding: r.Encoding,
		Title: r.Title, Year: r.Year, Published: r.Published, Issuer: r.Issuer, IndexNo: r.IndexNo,
		Jurisdictions: []SummaryPlace{}, Bodies: []SummaryBody{}, Mechanisms: []SummaryMechanism{},
		Documents: []SummaryDocument{}, Awards: []SummaryAward{}, People: []SummaryPerson{},
	}
	if r.Jurisdiction != nil {
		s.Jurisdiction, s.Code = r.Jurisdiction.FullName, r.Jurisdiction.Code
	}
	places := map[string]string{}
	for _, j := range r.Jurisdictions {
		places[j.Code] = j.FullName
		s.Jurisdictions = append(s.Jurisdictions, SummaryPlace{Name: j.FullName, Short: j.Name, Code: j.Code,
			Level: j.Level, Parent: j.Parent, Aliases: j.Aliases, Evidence: evidence(j.Mentions)})
	}
	for _, b := range r.Bodies {
		s.Bodies = append(s.Bodies, SummaryBody{Name: b.Name, Kind: b.Kind, Jurisdiction: b.Jurisdiction,
			Surface: b.Surfaces, Evidence: evidence(b.Mentions)})
	}
	for _, m := range r.Mechanisms {
		st := r.StatusOf(m.Mentions)
		bodies := m.Bodies
		if bodies == nil {
			bodies = []string{}
		}
		var cues []SummaryCue
		for _, c := range m.Cues {
			cues = append(cues, SummaryCue{Kind: c.Kind, Place: places[c.Place], Code: c.Place, Document: c.Document,
				Level: c.Level, Evidence: evidence([]Mention{c.Mention})[0]})
		}
		s.Mechanisms = append(s.Mechanisms, SummaryMechanism{Name: m.Name, Surface: m.Surfaces, Family: m.Family,
			Bodies: bodies, Known: m.Known, Status: st, Plan: st == Planned, Cues: cues, Evidence: evidence(m.Mentions)})
	}
	for _, d := range r.Documents {
		written := d.Title
		if len(d.Mentions) > 0 {
			written = d.Mentions[0].Surface
		}
		s.Documents = append(s.Documents, SummaryDocument{Title: written, Simplified: d.Title, Kind: d.Kind,
			Issuer: d.Issuer, Evidence: evidence(d.Mentions)})
	}
	for _, a := range r.Awards {
		s.Awards = append(s.Awards, SummaryAward{Name: a.Name, Recipient: a.Recipient, Level: a.Level, Year: a.Year,
			Evidence: evidence(a.Mentions)})
	}
	for _, p := range r.People {
		s.People = append(s.People, SummaryPerson{Name: p.Name, Role: p.Role, Body: p.Body, Evidence: evidence(p.Mentions)})
	}
	if withText {
		for i, st := range r.Sentences {
			s.Sentences = append(s.Sentences, SummarySentence{Start: st.Start, End: st.End, Status: st.Status,
				Section: st.Section, Text: r.SentenceText(i)})
		}
	}
	return s
}
