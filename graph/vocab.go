package graph

import "github.com/cayleygraph/quad"

// Namespaces of the graph. Node IRIs are NodeBase followed by an ID; the
// predicates and classes below live under VocabBase. The IRIs identify; they
// are not meant to resolve.
const (
	NodeBase  = "https://fazhikg.org/id/"
	VocabBase = "https://fazhikg.org/ns#"
	rdfType   = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
)

// Classes: the objects of rdf:type quads, one per Kind plus the report-scoped
// evidence and adoption nodes.
const (
	ClassReport       = quad.IRI(VocabBase + "Report")
	ClassJurisdiction = quad.IRI(VocabBase + "Jurisdiction")
	ClassBody         = quad.IRI(VocabBase + "Body")
	ClassMechanism    = quad.IRI(VocabBase + "Mechanism")
	ClassDocument     = quad.IRI(VocabBase + "Document")
	ClassAward        = quad.IRI(VocabBase + "Award")
	ClassPerson       = quad.IRI(VocabBase + "Person")
	ClassEvidence     = quad.IRI(VocabBase + "Evidence")
	ClassAdoption     = quad.IRI(VocabBase + "Adoption")
)

// Predicates. Each is used with one kind of subject; see the package
// documentation for the table of subjects and objects.
const (
	PredType = quad.IRI(rdfType)

	// Descriptions of entities (literal objects unless noted).
	PredName      = quad.IRI(VocabBase + "name")      // canonical name, normalised title
	PredAlias     = quad.IRI(VocabBase + "alias")     // another name or a surface form as written
	PredFullName  = quad.IRI(VocabBase + "fullName")  // jurisdiction with its parents
	PredCode      = quad.IRI(VocabBase + "code")      // statistical division code
	PredLevel     = quad.IRI(VocabBase + "level")     // jurisdiction level, document or award level
	PredKind      = quad.IRI(VocabBase + "kind")      // body kind, document kind
	PredParent    = quad.IRI(VocabBase + "parent")    // jurisdiction → parent jurisdiction
	PredLocatedIn = quad.IRI(VocabBase + "locatedIn") // body → jurisdiction
	PredFamily    = quad.IRI(VocabBase + "family")    // mechanism → the mechanism it is a variant of
	PredTakesPart = quad.IRI(VocabBase + "takesPart") // mechanism → body taking part
	PredKnown     = quad.IRI(VocabBase + "known")     // mechanism from the lexicon (boolean)
	PredIssuer    = quad.IRI(VocabBase + "issuer")    // document → issuing body; report: issuer as written
	PredRecipient = quad.IRI(VocabBase + "recipient") // award → recipient as written
	PredYear      = quad.IRI(VocabBase + "year")      // report: year covered; award, adoption: year
	PredRole      = quad.IRI(VocabBase + "role")      // person → post
	PredMemberOf  = quad.IRI(VocabBase + "memberOf")  // person → body

	// Reports.
	PredTitle        = quad.IRI(VocabBase + "title")
	PredPublished    = quad.IRI(VocabBase + "published")
	PredSource       = quad.IRI(VocabBase + "source")
	PredHash         = quad.IRI(VocabBase + "hash")
	PredFormat       = quad.IRI(VocabBase + "format")
	PredEncoding     = quad.IRI(VocabBase + "encoding")
	PredIndexNo      = quad.IRI(VocabBase + "indexNo")
	PredJurisdiction = quad.IRI(VocabBase + "jurisdiction") // report → reporting jurisdiction

	// Evidence: one node per sentence that states a fact.
	PredReport   = quad.IRI(VocabBase + "report")   // evidence, adoption → report
	PredSentence = quad.IRI(VocabBase + "sentence") // index of the sentence in the report
	PredText     = quad.IRI(VocabBase + "text")     // original text of the sentence
	PredStart    = quad.IRI(VocabBase + "start")    // character offset, inclusive
	PredEnd      = quad.IRI(VocabBase + "end")      // character offset, exclusive
	PredStatus   = quad.IRI(VocabBase + "status")   // achieved, planned, problem, front; adoption status
	PredSection  = quad.IRI(VocabBase + "section")  // heading of the section holding the sentence
	PredMentions = quad.IRI(VocabBase + "mentions") // evidence → entity it states something about

	// Adoptions: a mechanism adopted by the reporting jurisdiction in the
	// year the report covers.
	PredMechanism = quad.IRI(VocabBase + "mechanism") // adoption → mechanism
	PredAdopter   = quad.IRI(VocabBase + "adopter")   // adoption → jurisdiction
	PredEvidence  = quad.IRI(VocabBase + "evidence")  // adoption → evidence
	// PredCue states where the report says the mechanism came from, as a
	// literal "kind\tplace code\tdocument\tlevel" (see extract.Cue).
	PredCue = quad.IRI(VocabBase + "cue") // adoption → cue
)

// Kind is the kind of an entity node.
type Kind string

// The kinds of entity nodes.
const (
	KindReport       Kind = "report"
	KindJurisdiction Kind = "jurisdiction"
	KindBody         Kind = "body"
	KindMechanism    Kind = "mechanism"
	KindDocument     Kind = "document"
	KindAward        Kind = "award"
	KindPerson       Kind = "person"
	KindEvidence     Kind = "evidence"
	KindAdoption     Kind = "adoption"
)

// Kinds returns the entity kinds kept in the catalogue, in a fixed order.
func Kinds() []Kind {
	return []Kind{KindReport, KindJurisdiction, KindBody, KindMechanism, KindDocument, KindAward, KindPerson}
}

// classOf maps a kind to its class IRI.
func classOf(k Kind) quad.IRI {
	switch k {
	case KindReport:
		return ClassReport
	case KindJurisdiction:
		return ClassJurisdiction
	case KindBody:
		return ClassBody
	case KindMechanism:
		return ClassMechanism
	case KindDocument:
		return ClassDocument
	case KindAward:
		return ClassAward
	case KindPerson:
		return ClassPerson
	case KindEvidence:
		return ClassEvidence
	case KindAdoption:
		return ClassAdoption
	}
	return ""
}
