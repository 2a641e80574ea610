package diffusion

// Place is a jurisdiction as the model sees it: where it sits in the
// administrative hierarchy.
type Place struct {
	Code     string `json:"code"`
	Name     string `json:"name"`
	Parent   string `json:"parent,omitempty"`   // parent's code; "" for a province
	Province string `json:"province,omitempty"` // province's code; the place's own for a province
	Level    string `json:"level"`              // province, city, county, zone, township
}

// CueKind says what a report states about where a mechanism came from.
type CueKind string

const (
	// LearnedFrom: the adopter says it learned from a named place
	// (学习借鉴XX经验, 复制推广XX做法, 参照XX模式).
	LearnedFrom CueKind = "learned"
	// PromotedBy: a place promoted the mechanism to those under it
	// (在全市推广, 全省推广XX经验); stated by the promoter or the adopter.
	PromotedBy CueKind = "promoted"
	// AdoptedBy: the source says others took its mechanism up (被XX采纳,
	// 在XX推广).
	AdoptedBy CueKind = "adopted"
	// Cited: the adopter's report cites a document that calls for the
	// mechanism (a 纲要, a provincial 条例): a common cause.
	Cited CueKind = "cited"
	// Awarded: the adopter was honoured for the mechanism (an award that
	// names it), which makes it a model others learn from. Document holds
	// the honour, DocLevel its level.
	Awarded CueKind = "awarded"
)

// Cue is an explicit statement in a report about a mechanism's origin.
type Cue struct {
	Kind CueKind `json:"kind"`
	// Place is the code of the place the statement names (the source for
	// LearnedFrom and PromotedBy, the adopter for AdoptedBy), if any.
	Place string `json:"place,omitempty"`
	// Document is the title of the document cited, for Cited.
	Document string `json:"document,omitempty"`
	// Level of the document's issuer: national, province, city.
	DocLevel string `json:"docLevel,omitempty"`
	// Year the document was issued, if known; inference otherwise takes
	// the earliest year an adopter cites it.
	Year int `json:"year,omitempty"`
}

// Event is an adoption: a jurisdiction reports a mechanism as in place in a
// year (the year its report covers).
type Event struct {
	Place     string `json:"place"`
	Mechanism string `json:"mechanism"`
	Year      int    `json:"year"`
	// Cues are the explicit statements of the adopter's report (and of
	// other reports, about this adoption).
	Cues []Cue `json:"cues,omitempty"`
}

// Source kinds of an inferred or true transmission.
const (
	SourcePlace    = "place"    // another jurisdiction
	SourceDocument = "document" // a common cause: a document the adopters cite
	SourceSeed     = "seed"     // no source: an innovation
)

// Edge is a transmission: Target adopted Mechanism in TargetYear, most
// likely from Source.
type Edge struct {
	Mechanism  string `json:"mechanism"`
	SourceKind string `json:"sourceKind"`
	Source     string `json:"source"` // place code, or document title
	Target     string `json:"target"`
	SourceYear int    `json:"sourceYear,omitempty"`
	TargetYear int    `json:"targetYear"`
	// Path is how source and target relate: parent-child, child-parent,
	// siblings (one parent), province (same province), national (across
	// provinces); "" for a document.
	Path     string  `json:"path,omitempty"`
	Score    float64 `json:"score"`
	Explicit bool    `json:"explicit,omitempty"` // a cue in the text says so
}

// Path kinds.
const (
	PathParentChild = "parent-child"
	PathChildParent = "child-parent"
	PathSiblings    = "siblings"
	PathProvince    = "province"
	PathNational    = "national"
)

// Params are the weights of the transmission model (see the package doc):
// the simulator plants cascades with them, and inference either estimates
// them from the events or, as an oracle, is given the true ones.
type Params struct {
	// Rate is, per path kind, the yearly hazard that one adopter passes
	// the mechanism to a place so related to it, in the year after it
	// adopted.
	Rate map[string]float64 `json:"rate"`
	// Decay multiplies the hazard for each further year of lag:
	// Rate[path] * Decay^(lag-1).
	Decay float64 `json:"decay"`
	// Tie weighs an adopter of the same year as the target against one of
	// the year before: the chance it came first, and had the time to pass
	// the mechanism on. The yearly model only; see Yearly.
	Tie float64 `json:"tie,omitempty"`
	// Innovation is the yearly chance that a place adopts on its own.
	Innovation float64 `json:"innovation"`
	// Document is the yearly hazard of adopting once a document calling
	// for the mechanism applies to the place (national, or its province's).
	Document float64 `json:"document"`
	// ExplicitShare is the share of transmitted adoptions whose report
	// names its source.
	ExplicitShare float64 `json:"explicitShare"`
	// Misnamed is the chance that a report names, as its source, a given
	// earlier adopter that was not. The simulator plants no such cue;
	// inference fits it and never lets it fall below MinMisnamed, so that
	// a cue is strong evidence but not proof.
	Misnamed float64 `json:"misnamed,omitempty"`
	// Cite is the chance that an adoption caused by a document cites it.
	Cite float64 `json:"cite,omitempty"`
	// CiteOther is the chance that an adopter the document applies to
	// cites it though it took the mechanism from elsewhere.
	CiteOther float64 `json:"citeOther,omitempty"`
	// AwardShare is the share of adopters honoured for the mechanism
	// (simulation only).
	AwardShare float64 `json:"awardShare,omitempty"`
	// AwardBoost multiplies the hazard an honoured adopter exerts on
	// others.
	AwardBoost float64 `json:"awardBoost,omitempty"`
}

// TruthEdge is a planted transmission: what really happened.
type TruthEdge struct {
	Mechanism  string `json:"mechanism"`
	Target     string `json:"target"`
	Year       int    `json:"year"`
	SourceKind string `json:"sourceKind"` // SourcePlace, SourceDocument or SourceSeed
	Source     string `json:"source,omitempty"`
}
