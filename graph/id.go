package graph

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
)

// ID identifies a node of the graph: its IRI without NodeBase. It is the
// node's kind, a slash and one or more slash-separated segments, each
// escaped so that the IRI stays valid and the segments unambiguous:
//
//	report/000_秀洲区2023
//	jurisdiction/330411000000
//	mechanism/府检联动
//	evidence/000_秀洲区2023/12
type ID string

// Kind returns the kind named by the ID's first segment ("" for a malformed ID).
func (id ID) Kind() Kind {
	k, _, ok := strings.Cut(string(id), "/")
	if !ok {
		return ""
	}
	return Kind(k)
}

// IRI returns the node's IRI.
func (id ID) IRI() quad.IRI { return quad.IRI(NodeBase + string(id)) }

// Valid reports whether the ID names a known kind and has at least one
// non-empty segment.
func (id ID) Valid() bool {
	k, rest, ok := strings.Cut(string(id), "/")
	if !ok || rest == "" || classOf(Kind(k)) == "" {
		return false
	}
	for _, seg := range strings.Split(rest, "/") {
		if seg == "" {
			return false
		}
	}
	return true
}

// idOf returns the ID of a node IRI, false for any other value.
func idOf(v quad.Value) (ID, bool) {
	iri, ok := v.(quad.IRI)
	if !ok || !strings.HasPrefix(string(iri), NodeBase) {
		return "", false
	}
	return ID(iri[len(NodeBase):]), true
}

// newID builds the ID of a node of kind k from raw segments.
func newID(k Kind, segs ...string) ID {
	var b strings.Builder
	b.WriteString(string(k))
	for _, s := range segs {
		b.WriteByte('/')
		b.WriteString(escapeSegment(s))
	}
	return ID(b.String())
}

// ReportID returns the ID of the report stored under name (extract.Report.Name).
func ReportID(name string) ID { return newID(KindReport, name) }

// JurisdictionID returns the ID of the jurisdiction with a division code.
func JurisdictionID(code string) ID { return newID(KindJurisdiction, code) }

// MechanismID returns the ID of the mechanism with a canonical name.
func MechanismID(name string) ID { return newID(KindMechanism, Fold(name)) }

// BodyID returns the ID of the body with a resolved full name.
func BodyID(name string) ID { return newID(KindBody, Fold(name)) }

// DocumentID returns the ID of the document with a normalised title.
func DocumentID(title string) ID { return newID(KindDocument, Fold(title)) }

// AwardID returns the ID of an honour conferred on a recipient in a year
// (0 when unknown).
func AwardID(name, recipient string, year int) ID {
	return newID(KindAward, Fold(name), orDash(Fold(recipient)), strconv.Itoa(year))
}

// PersonID returns the ID of a person named in a body (or with a role when
// no body is named).
func PersonID(name, bodyOrRole string) ID {
	return newID(KindPerson, Fold(name), orDash(Fold(bodyOrRole)))
}

func evidenceID(report string, sentence int) ID {
	return newID(KindEvidence, report, strconv.Itoa(sentence))
}

func adoptionID(report string, mechanism ID) ID {
	_, key, _ := strings.Cut(string(mechanism), "/")
	return ID(string(newID(KindAdoption, report)) + "/" + key)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// escapeSegment percent-encodes the bytes an IRI may not hold (controls,
// space, <>"{}|\^`, invalid UTF-8) and those that delimit IDs and IRIs
// (% / ? #); every other character, Chinese included, stays as it is so that
// IDs remain readable.
func escapeSegment(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || (r < utf8.RuneSelf && mustEscape(byte(r))) {
			b.WriteByte('%')
			b.WriteByte(hex[s[i]>>4])
			b.WriteByte(hex[s[i]&15])
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func mustEscape(c byte) bool {
	if c <= ' ' || c == 0x7f {
		return true
	}
	return strings.IndexByte("<>\"{}|\\^`%/?#", c) >= 0
}
