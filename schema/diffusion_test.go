package schema_test

import (
	"context"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"
	"github.com/google/go-cmp/cmp"

	"github.com/fazhikg/fazhikg/schema"
)

// The spread query of the API's promise, on the fixture: 府检联动 by any
// of its names, with its variants.
const spreadQuery = `query($m: String!) {
  mechanismSpread(name: $m, topK: 5, minScore: 0) {
    mechanism { name }
    adoptions { jurisdiction { name fullName } year rank evidence { sentence } }
    curve { year new count }
    edges { sourceKind source { name fullName } target { name } sourceYear targetYear lag pathKind score explicit evidence { sentence } }
    fitted
  }
}`

type spreadResponse struct {
	MechanismSpread *struct {
		Mechanism named
		Adoptions []struct {
			Jurisdiction struct{ Name, FullName string }
			Year, Rank   int
			Evidence     []struct{ Sentence string }
		}
		Curve []struct{ Year, New, Count int }
		Edges []struct {
			SourceKind      string
			Source          *struct{ Name, FullName string }
			Target          named
			SourceYear, Lag *int
			TargetYear      int
			PathKind        *string
			Score           float64
			Explicit        bool
			Evidence        []struct{ Sentence string }
		}
		Fitted bool
	}
}

func TestMechanismSpread(t *testing.T) {
	s := seeded(t)
	c := newClient(t, s, schema.Options{})
	for _, name := range []string{"府检联动", "府检联动机制"} {
		var got spreadResponse
		post(t, c, spreadQuery, &got, client.Var("m", name))
		sp := got.MechanismSpread
		if sp == nil {
			t.Fatalf("mechanismSpread(%s) = null", name)
		}
		if sp.Mechanism.Name != "府检联动" {
			t.Errorf("mechanismSpread(%s).mechanism = %s", name, sp.Mechanism.Name)
		}
		var rows []string
		for _, a := range sp.Adoptions {
			rows = append(rows, a.Jurisdiction.FullName+"/"+itoa(a.Year)+"/"+itoa(a.Rank)+"/"+itoa(len(a.Evidence)))
		}
		want := []string{"浙江省湖州市/2018/1/1", "浙江省嘉兴市秀洲区/2022/2/1", "山东省济宁市嘉祥县/2023/3/1"}
		if diff := cmp.Diff(want, rows); diff != "" {
			t.Errorf("adoptions (-want +got):\n%s", diff)
		}
		if n := len(sp.Curve); n != 6 || sp.Curve[n-1].Year != 2023 || sp.Curve[n-1].Count != 3 || sp.Curve[n-1].New != 1 {
			t.Errorf("curve = %+v, want 2018 to 2023 ending with 3 adopted", sp.Curve)
		}
		found := false
		for _, e := range sp.Edges {
			if e.SourceKind == "PLACE" && (e.Source == nil || e.SourceYear == nil || e.Lag == nil || e.PathKind == nil) {
				t.Errorf("place edge without its source: %+v", e)
			}
			if e.SourceKind == "PLACE" && e.Source.Name == "湖州市" && e.Target.Name == "秀洲区" {
				found = true
				if *e.Lag != 4 || *e.PathKind != "province" || e.TargetYear != 2022 || len(e.Evidence) != 1 ||
					!strings.Contains(e.Evidence[0].Sentence, "府检联动") || e.Score <= 0 || e.Score > 1 {
					t.Errorf("edge 湖州市 → 秀洲区 = %+v", e)
				}
			}
		}
		if !found {
			t.Errorf("edges %+v lack 湖州市 → 秀洲区", sp.Edges)
		}
		if sp.Fitted {
			t.Error("fitted before any derive")
		}
	}
	var none spreadResponse
	post(t, c, spreadQuery, &none, client.Var("m", "无此机制"))
	if none.MechanismSpread != nil {
		t.Errorf("mechanismSpread(无此机制) = %+v, want null", none.MechanismSpread)
	}

	// after a fit, the model reports its weights
	var m struct {
		DiffusionModel struct {
			Fitted bool
			Rates  []struct {
				PathKind string
				Rate     float64
			}
			Decay, ExplicitShare float64
		}
	}
	post(t, c, `{ diffusionModel { fitted rates { pathKind rate } decay explicitShare } }`, &m)
	if m.DiffusionModel.Fitted || len(m.DiffusionModel.Rates) != 5 || m.DiffusionModel.Decay <= 0 {
		t.Errorf("diffusionModel before derive = %+v", m.DiffusionModel)
	}
	res, err := s.Derive(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	post(t, c, `{ diffusionModel { fitted rates { pathKind rate } decay explicitShare } }`, &m)
	if !m.DiffusionModel.Fitted || m.DiffusionModel.Decay != res.Params.Decay {
		t.Errorf("diffusionModel after derive = %+v, want decay %v", m.DiffusionModel, res.Params.Decay)
	}
	for _, r := range m.DiffusionModel.Rates {
		if r.Rate != res.Params.Rate[r.PathKind] {
			t.Errorf("rate %s = %v, fitted %v", r.PathKind, r.Rate, res.Params.Rate[r.PathKind])
		}
	}
}

func TestDiffusionAcrossMechanisms(t *testing.T) {
	c := newClient(t, seeded(t), schema.Options{})
	var got struct {
		Leaders []struct {
			Jurisdiction named
			Score        float64
			Adopted      int
		}
		CoAdoption []struct {
			Mechanism, Other named
			Count, Both      int
			Lift             float64
		}
		DiffusionNetwork []struct {
			Source, Target named
			Mechanism      named
		}
	}
	post(t, c, `{
  leaders(province: "浙江省") { jurisdiction { name } score adopted }
  coAdoption(name: "府检联动", first: 1) { mechanism { name } other { name } count both lift }
  diffusionNetwork(minScore: 0) { source { name } target { name } mechanism { name } }
}`, &got)
	var leaders []string
	for _, l := range got.Leaders {
		leaders = append(leaders, l.Jurisdiction.Name)
	}
	if diff := cmp.Diff([]string{"秀洲区", "湖州市"}, leaders); diff != "" {
		t.Errorf("leaders of 浙江省 (-want +got):\n%s", diff)
	}
	if len(got.CoAdoption) != 1 || got.CoAdoption[0].Other.Name != "府院联动" || got.CoAdoption[0].Both != 2 || got.CoAdoption[0].Count != 3 {
		t.Errorf("coAdoption(府检联动) = %+v, want 府院联动 with 2 of 3", got.CoAdoption)
	}
	found := false
	for _, e := range got.DiffusionNetwork {
		found = found || (e.Source.Name == "湖州市" && e.Target.Name == "秀洲区" && e.Mechanism.Name == "府检联动")
	}
	if !found {
		t.Errorf("diffusionNetwork = %+v, lacks 府检联动 湖州市 → 秀洲区", got.DiffusionNetwork)
	}
}

func TestDiffusionErrors(t *testing.T) {
	h := schema.NewHandler(seeded(t), schema.Options{})
	for _, tt := range []struct{ name, query string }{
		{"topK too large", `{ mechanismSpread(name: "府检联动", topK: 100) { fitted } }`},
		{"minScore above 1", `{ mechanismSpread(name: "府检联动", minScore: 2) { fitted } }`},
		{"years reversed", `{ mechanismSpread(name: "府检联动", fromYear: 2023, toYear: 2020) { fitted } }`},
		{"negative first", `{ leaders(first: -1) { score } }`},
		{"first too large", `{ diffusionNetwork(first: 1000000) { score } }`},
	} {
		if codes := errorCodes(t, h, tt.query); len(codes) == 0 || codes[0] != "BAD_USER_INPUT" {
			t.Errorf("%s: error codes %v, want BAD_USER_INPUT", tt.name, codes)
		}
	}
}
