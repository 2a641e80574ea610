package graph

import (
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

func TestID(t *testing.T) {
	tests := []struct {
		id    ID
		kind  Kind
		valid bool
	}{
		{MechanismID("府检联动"), KindMechanism, true},
		{MechanismID(`"三三制"府检联动模式`), KindMechanism, true},
		{ReportID("a/b c"), KindReport, true},
		{AwardID("示范村", "", 0), KindAward, true},
		{"mechanism/", KindMechanism, false},
		{"mechanism", "", false},
		{"planet/mars", "planet", false},
		{"report/a//b", KindReport, false},
	}
	for _, tt := range tests {
		if tt.id.Kind() != tt.kind || tt.id.Valid() != tt.valid {
			t.Errorf("%q: kind %q valid %v, want %q %v", tt.id, tt.id.Kind(), tt.id.Valid(), tt.kind, tt.valid)
		}
	}
	if got, want := ReportID("a/b c"), ID("report/a%2Fb%20c"); got != want {
		t.Errorf("ReportID(a/b c) = %q, want %q", got, want)
	}
	if got, want := AwardID("全国文明城市", "湖州市", 2020), ID("award/全国文明城市/湖州市/2020"); got != want {
		t.Errorf("AwardID = %q, want %q", got, want)
	}
}

// FuzzID checks that any report name gives an ID with one segment after the
// kind, whose IRI survives a round trip through N-Quads.
func FuzzID(f *testing.F) {
	for _, s := range []string{"000_秀洲区", "a/b", "<x>", "100%", "a b", "\x00\xff", "#?"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		id := ReportID(name)
		if strings.Count(string(id), "/") != 1 || id.Kind() != KindReport {
			t.Fatalf("ReportID(%q) = %q: want one segment after the kind", name, id)
		}
		if name != "" && !id.Valid() {
			t.Fatalf("ReportID(%q) = %q not valid", name, id)
		}
		q := quad.Quad{Subject: id.IRI(), Predicate: PredName, Object: quad.String("x"), Label: id.IRI()}
		var b strings.Builder
		w := nquads.NewWriter(&b)
		if err := w.WriteQuad(q); err != nil {
			t.Fatal(err)
		}
		w.Close()
		back, err := nquads.Parse(strings.TrimSuffix(b.String(), "\n"))
		if err != nil {
			t.Fatalf("N-Quads of ReportID(%q) do not parse: %v\n%s", name, err, b.String())
		}
		if got, _ := idOf(back.Subject); got != id {
			t.Fatalf("ReportID(%q) = %q comes back from N-Quads as %q", name, id, got)
		}
	})
}
