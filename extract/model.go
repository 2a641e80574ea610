package extract

// Span is a half-open range [Start, End) of character (Unicode code point)
// offsets into Report.Text, the decoded original text of a report.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of characters the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Status tells what kind of statement a sentence makes.
type Status string

const (
	// Achieved: the report states something done in the year it covers.
	Achieved Status = "achieved"
	// Planned: an intention for a later year (下一年工作安排, 工作思路 …).
	Planned Status = "planned"
	// Problem: a shortcoming the report admits (存在的不足 …).
	Problem Status = "problem"
	// Front: title, metadata and portal lines outside the report's body.
	Front Status = "front"
	// Lacking: said of a fact whose every mention says it does not hold
	// (“双随机、一公开”监管尚未全面建立).
	Lacking Status = "lacking"
)

// Sentence is one sentence of the report body, the unit of evidence.
type Sentence struct {
	Span
	// Section is the heading of the innermost section holding the sentence.
	Section string `json:"section,omitempty"`
	Status  Status `json:"status"`
}

// Mention is one place in the text where a fact is stated.
type Mention struct {
	Span
	// Sentence indexes Report.Sentences.
	Sentence int `json:"sentence"`
	// Surface is the mention as written in the original text.
	Surface string `json:"surface"`
	// Negated is set when the sentence says the fact does not hold: a
	// mechanism not yet in place (尚未建立, 缺乏).
	Negated bool `json:"negated,omitempty"`
}

// Level is the rank of a jurisdiction in the administrative hierarchy.
type Level string

const (
	Country  Level = "country"
	Province Level = "province" // 省, 自治区, 直辖市
	City     Level = "city"     // 地级市, 自治州, 地区, 盟
	County   Level = "county"   // 区, 县, 县级市, 旗
	Zone     Level = "zone"     // 经济技术开发区, 高新区 … acting as a county
	Township Level = "township" // 镇, 乡, 街道
	Village  Level = "village"  // 村, 社区
)

// Jurisdiction is a place in the administrative hierarchy named by a report
// (or an ancestor of one).
type Jurisdiction struct {
	// Code is the statistical division code (12 digits at most) or, for
	// places the gazetteer does not list, a code derived from the parent's.
	Code     string `json:"code"`
	Name     string `json:"name"`     // official short form: 秀洲区
	FullName string `json:"fullName"` // with its parents: 浙江省嘉兴市秀洲区
	Level    Level  `json:"level"`
	Parent   string `json:"parent,omitempty"` // parent's Code
	// Aliases are other names seen in the text (湛江经开区 for 湛江经济技术开发区).
	Aliases  []string  `json:"aliases,omitempty"`
	Mentions []Mention `json:"mentions,omitempty"`
}

// Body kinds, as analysts group them.
const (
	KindGovernment    = "政府"
	KindParty         = "党委"
	KindCongress      = "人大"
	KindCPPCC         = "政协"
	KindCourt         = "法院"
	KindProcuratorate = "检察院"
	KindJustice       = "司法局"
	KindPolice        = "公安局"
	KindMarket        = "市场监管"
	KindEnforcement   = "综合执法"
	KindOther         = "其他"
)

// Body is an organisation: a government organ, a party committee, a court,
// a procuratorate, a department, a centre, a firm.
type Body struct {
	// Name is the resolved full name (秀洲区人民法院 for 区法院 in a 秀洲区 report).
	Name string `json:"name"`
	Kind string `json:"kind"`
	// Jurisdiction is the Code of the place the body belongs to, when known.
	Jurisdiction string    `json:"jurisdiction,omitempty"`
	Surfaces     []string  `json:"surface,omitempty"`
	Mentions     []Mention `json:"mentions,omitempty"`
}

// Mechanism is a named working mechanism, model, reform, system or service
// brand: the things that spread between regions.
type Mechanism struct {
	// Name is the canonical simplified name (府检联动).
	Name string `json:"name"`
	// Surfaces are the forms seen in the text, as written.
	Surfaces []string `json:"surface,omitempty"`
	// Family is the canonical name of the mechanism this one is a variant of
	// ("三三制"府检联动模式 → 府检联动), empty for a root.
	Family string `json:"family,omitempty"`
	// Bodies are the names of the bodies taking part.
	Bodies []string `json:"bodies,omitempty"`
	// Known is true when the mechanism comes from the lexicon.
	Known bool `json:"known,omitempty"`
	// Cues are what the report says of where the mechanism came from.
	Cues     []Cue     `json:"cues,omitempty"`
	Mentions []Mention `json:"mentions,omitempty"`
}

// Cue kinds: what a report says about where a mechanism came from.
const (
	// CueLearned: the reporting jurisdiction learned it from Place
	// (学习借鉴临沂市经验, 参照临沂做法, 赴临沂市考察学习).
	CueLearned = "learned"
	// CuePromoted: Place promoted it to the places under it (在全市推广).
	CuePromoted = "promoted"
	// CueAdopted: Place took up the reporting jurisdiction's mechanism
	// (经验被兰陵县借鉴).
	CueAdopted = "adopted"
	// CueCited: the sentence cites Document, which calls for it.
	CueCited = "cited"
	// CueAward: an honour names it.
	CueAward = "award"
)

// Cue is an explicit statement about a mechanism's origin or spread.
type Cue struct {
	Kind string `json:"kind"`
	// Place is the code of the jurisdiction the statement names.
	Place string `json:"place,omitempty"`
	// Document is the title of the document cited (CueCited), or the
	// honour's name (CueAward).
	Document string `json:"document,omitempty"`
	// Level is the level of the document's issuer or of the honour:
	// national, province, city, county.
	Level   string  `json:"level,omitempty"`
	Mention Mention `json:"mention"`
}

// Document is a text cited in 《》.
type Document struct {
	// Title is the simplified title with punctuation normalised; one
	// document has one title whatever the punctuation of its citations.
	Title    string    `json:"title"`
	Kind     string    `json:"kind,omitempty"`   // 法律, 条例, 规定, 办法, 意见, 通知, 方案, 纲要 …
	Issuer   string    `json:"issuer,omitempty"` // body name when stated
	Level    string    `json:"level,omitempty"`  // 国家级, 省级, 市级, 县级 when it can be told
	Mentions []Mention `json:"mentions,omitempty"`
}

// Award is an honour conferred on a recipient.
type Award struct {
	Name      string    `json:"name"`
	Recipient string    `json:"recipient,omitempty"`
	Level     string    `json:"level,omitempty"` // 国家级, 省级, 市级, 县级, 其他
	Year      int       `json:"year,omitempty"`
	Mentions  []Mention `json:"mentions,omitempty"`
}

// Person is someone named with a post.
type Person struct {
	Name     string    `json:"name"`
	Role     string    `json:"role,omitempty"`
	Body     string    `json:"body,omitempty"` // body name when the post names one
	Mentions []Mention `json:"mentions,omitempty"`
}

// Report is everything extracted from one report.
type Report struct {
	// Name identifies the report across versions: ingesting a text under a
	// Name that is stored already replaces that report.
	Name string `json:"name"`
	// Source is where the text was read from (a path, a URL).
	Source string `json:"source,omitempty"`
	// Hash is the hex SHA-256 of the raw input bytes.
	Hash     string `json:"hash"`
	Format   string `json:"format"`   // text or html
	Encoding string `json:"encoding"` // UTF-8, GB18030, …
	// Text is the decoded original text; all offsets refer to it.
	Text string `json:"-"`

	Title        string        `json:"title,omitempty"`
	Jurisdiction *Jurisdiction `json:"jurisdiction,omitempty"` // reporting jurisdiction
	Year         int           `json:"year,omitempty"`         // year covered
	Published    string        `json:"published,omitempty"`    // YYYY-MM-DD
	Issuer       string        `json:"issuer,omitempty"`
	IndexNo      string        `json:"indexNo,omitempty"`

	Sentences     []Sentence     `json:"sentences,omitempty"`
	Jurisdictions []Jurisdiction `json:"jurisdictions,omitempty"`
	Bodies        []Body         `json:"bodies,omitempty"`
	Mechanisms    []Mechanism    `json:"mechanisms,omitempty"`
	Documents     []Document     `json:"documents,omitempty"`
	Awards        []Award        `json:"awards,omitempty"`
	People        []Person       `json:"people,omitempty"`
}

// SentenceText returns the original text of sentence i.
func (r *Report) SentenceText(i int) string {
	if i < 0 || i >= len(r.Sentences) {
		return ""
	}
	return r.Slice(r.Sentences[i].Span)
}

// Slice returns the original text a span covers ("" for a span outside it).
func (r *Report) Slice(s Span) string {
	if s.Start < 0 || s.End < s.Start {
		return ""
	}
	start, end, n := -1, -1, 0
	for i := range r.Text {
		if n == s.Start {
			start = i
		}
		if n == s.End {
			end = i
			break
		}
		n++
	}
	if start < 0 && s.Start == n {
		start = len(r.Text)
	}
	if end < 0 && s.End == n {
		end = len(r.Text)
	}
	if start < 0 || end < 0 {
		return ""
	}
	return r.Text[start:end]
}
