package graph

import "strings"

import "github.com/fazhikg/fazhikg/extract"

// The types below are what reads return: one entity of the catalogue each,
// its description merged over every report that describes it (the value
// most reports state for single values, the union for lists). References to
// other nodes are IDs, resolved by further batch reads.

// Report is a stored report.
type Report struct {
	ID        ID
	Name      string
	Title     string
	Year      int
	Published string
	Source    string
	Hash      string
	Format    string
	Encoding  string
	Issuer    string
	IndexNo   string
	// JurisdictionID is the reporting jurisdiction ("" when unknown).
	JurisdictionID ID
}

// Jurisdiction is a place in the administrative hierarchy.
type Jurisdiction struct {
	ID       ID
	Code     string
	Name     string
	FullName string
	Level    string
	ParentID ID
	Aliases  []string
	// ReportCount is the number of reports whose text mentions the place
	// (every entity type has one).
	ReportCount int
}

// Body is an organisation.
type Body struct {
	ID             ID
	Name           string
	Kind           string
	JurisdictionID ID
	Aliases        []string
	ReportCount    int
}

// Mechanism is a working mechanism, model, reform or service brand.
type Mechanism struct {
	ID      ID
	Name    string
	Aliases []string
	// FamilyID is the mechanism this one is a variant of ("" for a root).
	FamilyID ID
	// BodyIDs are the bodies taking part.
	BodyIDs     []ID
	Known       bool
	ReportCount int
}

// Document is a text cited in 《》.
type Document struct {
	ID          ID
	Title       string
	Kind        string
	Level       string
	IssuerID    ID
	Aliases     []string // titles as written
	ReportCount int
}

// Award is an honour conferred on a recipient in a year.
type Award struct {
	ID          ID
	Name        string
	Recipient   string
	Level       string
	Year        int
	ReportCount int
}

// Person is someone named with a post.
type Person struct {
	ID          ID
	Name        string
	Role        string
	BodyID      ID
	ReportCount int
}

// Evidence is a sentence of a report that states a fact.
type Evidence struct {
	ID       ID
	ReportID ID
	// Sentence indexes the report's sentences.
	Sentence int
	// Text is the sentence as written in the report.
	Text string
	// Start and End are the sentence's character offsets in the report's
	// text, End exclusive.
	Start, End int
	Status     extract.Status
	Section    string
}

// AdoptionStatus tells how a report states a mechanism's adoption.
type AdoptionStatus string

// Adoption statuses, strongest first.
const (
	// AdoptionAchieved: a sentence states the mechanism at work in the year.
	AdoptionAchieved AdoptionStatus = "achieved"
	// AdoptionReported: the report names the mechanism as in place, among
	// its shortcomings or in its front matter, without claiming results.
	AdoptionReported AdoptionStatus = "reported"
	// AdoptionPlanned: the report names the mechanism only in its plans.
	AdoptionPlanned AdoptionStatus = "planned"
)

// AdoptionStatusOf returns the status a set of evidence sentences gives an
// adoption: the strongest of them.
func AdoptionStatusOf(ss ...extract.Status) AdoptionStatus {
	best := AdoptionPlanned
	for _, s := range ss {
		switch s {
		case extract.Planned:
		case extract.Problem, extract.Front:
			best = stronger(best, AdoptionReported)
		default: // achieved, or not told
			return AdoptionAchieved
		}
	}
	return best
}

func (a AdoptionStatus) rank() int {
	switch a {
	case AdoptionAchieved:
		return 0
	case AdoptionReported:
		return 1
	}
	return 2
}

func stronger(a, b AdoptionStatus) AdoptionStatus {
	if b.rank() < a.rank() {
		return b
	}
	return a
}

// Adoption is the analysts' central fact: a jurisdiction reports a
// mechanism for a year.
type Adoption struct {
	ID             ID
	MechanismID    ID
	JurisdictionID ID
	ReportID       ID
	Year           int
	Status         AdoptionStatus
	EvidenceIDs    []ID
	// Cues are what the report says of where the mechanism came from.
	Cues []Cue
}

// Cue is a statement of a report about a mechanism's origin: Kind is one
// of extract's cue kinds (learned, promoted, adopted, cited, award), Place
// the division code of the jurisdiction it names.
type Cue struct {
	Kind, Place, Document, Level string
}

// String encodes a cue as its literal in the store.
func (c Cue) String() string {
	return c.Kind + "\t" + c.Place + "\t" + c.Document + "\t" + c.Level
}

// parseCue decodes a cue literal.
func parseCue(s string) Cue {
	f := strings.SplitN(s, "\t", 4)
	for len(f) < 4 {
		f = append(f, "")
	}
	return Cue{Kind: f[0], Place: f[1], Document: f[2], Level: f[3]}
}
