package schema_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/fazhikg/fazhikg/graph"
	"github.com/fazhikg/fazhikg/schema"
)

func TestDepthLimit(t *testing.T) {
	h := schema.NewHandler(seeded(t), schema.Options{MaxDepth: 5, Introspection: true})
	for _, c := range []struct {
		name, query string
		refused     bool
	}{
		{"at the limit", `{ mechanism(name: "府检联动") { adoptions { nodes { jurisdiction { name } } } } }`, false},
		{"one deeper", `{ mechanism(name: "府检联动") { adoptions { nodes { jurisdiction { parent { name } } } } } }`, true},
		{"deep in a fragment", `{ mechanism(name: "府检联动") { ...A } }
		  fragment A on Mechanism { adoptions { nodes { jurisdiction { ...J } } } }
		  fragment J on Jurisdiction { parent { name } }`, true},
		{"deep in an inline fragment", `{ node(id: "mechanism/府检联动") { ... on Mechanism { adoptions { nodes { jurisdiction { parent { name } } } } } } }`, true},
		{"a fragment used twice at the limit", `{ a: mechanism(name: "府检联动") { ...A } b: mechanism(name: "府院联席") { ...A } }
		  fragment A on Mechanism { adoptions { nodes { jurisdiction { name } } } }`, false},
		{"introspection does not count", `{ __schema { types { name fields { type { ofType { ofType { ofType { name } } } } } } } }`, false},
		{"wide, not deep", `{ stats { reports } a: stats { quads } b: stats { backend } c: report(name: "x") { title } }`, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := do(t, h, "", c.query, nil)
			codes := r.codes()
			refused := len(codes) == 1 && codes[0] == "DEPTH_LIMIT_EXCEEDED"
			if refused != c.refused {
				t.Fatalf("refused %v, want %v: %+v", refused, c.refused, r.Errors)
			}
			if refused && !strings.Contains(r.Errors[0].Message, "5") {
				t.Errorf("message %q does not give the limit", r.Errors[0].Message)
			}
			if !refused && len(r.Errors) > 0 {
				t.Errorf("errors %+v", r.Errors)
			}
		})
	}
	if schema.DefaultMaxDepth < 8 {
		t.Errorf("DefaultMaxDepth %d is too shallow for the README's queries", schema.DefaultMaxDepth)
	}
}

func TestComplexityLimit(t *testing.T) {
	h := schema.NewHandler(seeded(t), schema.Options{})
	ids := make([]string, 3000)
	for i := range ids {
		ids[i] = fmt.Sprintf("%q", fmt.Sprintf("mechanism/m%d", i))
	}
	for _, c := range []struct {
		name, query string
		refused     bool
	}{
		{"a page of mechanisms", `{ mechanisms(first: 100) { nodes { name evidence(first: 20) { sentence } } } }`, false},
		{"pages of evidence times evidence", `{ mechanisms(first: 500) { nodes { name evidence(first: 500) { sentence } } } }`, true},
		{"adoptions of adoptions", `{ jurisdictions(first: 500) { nodes { adoptions { evidence { report { adoptions { mechanism { name } } } } } } } }`, true},
		{"a large neighbourhood to draw", `{ neighbourhood(id: "mechanism/府检联动", limit: 10000) { truncated nodes { id kind label evidenceCount } edges { kind source target } } }`, false},
		{"a large neighbourhood with evidence", `{ neighbourhood(id: "mechanism/府检联动", limit: 10000) { nodes { evidence(first: 20) { sentence } } } }`, true},
		{"a neighbourhood's entities", `{ neighbourhood(id: "mechanism/府检联动", limit: 10000) { nodes { entity { id ... on Report { title } } } edges { reports { title } } } }`, true},
		{"search with the nodes' evidence", `{ search(text: "府", first: 50) { node { label evidence(first: 500) { sentence report { title } } } } }`, true},
		{"one export of the whole graph", `{ export(format: CSV) { name content } }`, false},
		{"two exports of the whole graph", `{ a: export(format: CSV) { name } b: export(format: GEXF) { name } }`, true},
		{"the diffusion network's evidence", `{ diffusionNetwork(first: 500) { target { name } evidence(first: 500) { sentence } } }`, true},
		{"leaders", `{ leaders(first: 500) { jurisdiction { name reports { title } } } }`, false},
		{"co-adoption of every mechanism's evidence", `{ coAdoption(name: "府检联动", first: 500) { other { evidence(first: 500) { sentence } } } }`, true},
		{"a spread's edges", `{ mechanismSpread(name: "府检联动") { edges { evidence(first: 500) { sentence report { title } } } } }`, true},
		{"many nodes", `{ nodes(ids: [` + strings.Join(ids, ",") + `]) { id ... on Mechanism { evidence(first: 20) { sentence } } } }`, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := do(t, h, "", c.query, nil)
			codes := r.codes()
			refused := len(codes) == 1 && codes[0] == "COMPLEXITY_LIMIT_EXCEEDED"
			if refused != c.refused {
				t.Fatalf("refused %v, want %v: %+v", refused, c.refused, r.Errors)
			}
			if !refused && len(r.Errors) > 0 {
				t.Errorf("errors %+v", r.Errors)
			}
		})
	}
}

func TestPageSize(t *testing.T) {
	h := schema.NewHandler(seeded(t), schema.Options{ComplexityLimit: 1 << 30})
	over := schema.MaxPage + 1
	many := make([]string, graph.MaxLimit+1)
	for i := range many {
		many[i] = `"mechanism/x"`
	}
	for _, q := range []string{
		fmt.Sprintf(`{ reports(first: %d) { totalCount } }`, over),
		fmt.Sprintf(`{ mechanisms(first: %d) { totalCount } }`, over),
		fmt.Sprintf(`{ jurisdictions(first: -1) { totalCount } }`),
		fmt.Sprintf(`{ mechanism(name: "府检联动") { evidence(first: %d) { sentence } } }`, over),
		fmt.Sprintf(`{ diffusionNetwork(first: %d) { score } }`, over),
		fmt.Sprintf(`{ leaders(first: %d) { score } }`, over),
		fmt.Sprintf(`{ coAdoption(name: "府检联动", first: %d) { count } }`, over),
		`{ search(text: "府", first: 51) { matched } }`,
		fmt.Sprintf(`{ neighbourhood(id: "mechanism/府检联动", limit: %d) { truncated } }`, graph.MaxLimit+1),
		`{ nodes(ids: [` + strings.Join(many, ",") + `]) { id } }`,
		`{ subgraph(ids: [` + strings.Join(many, ",") + `]) { truncated } }`,
		`{ export(format: CSV, ids: [` + strings.Join(many, ",") + `]) { name } }`,
	} {
		r := do(t, h, "", q, nil)
		if codes := r.codes(); len(codes) != 1 || codes[0] != "BAD_USER_INPUT" {
			t.Errorf("%.80s: codes %v, want [BAD_USER_INPUT]", q, codes)
		}
	}
	r := do(t, h, "", fmt.Sprintf(`{ reports(first: %d) { totalCount } }`, schema.MaxPage), nil)
	if len(r.Errors) > 0 {
		t.Errorf("first: MaxPage refused: %+v", r.Errors)
	}
}

func TestIntrospectionSwitch(t *testing.T) {
	const q = `{ __schema { queryType { name } mutationType { name } } }`
	on := do(t, schema.NewHandler(seeded(t), schema.Options{Introspection: true}), "", q, nil)
	if len(on.Errors) > 0 || !strings.Contains(string(on.Data), `"mutationType":{"name":"Mutation"}`) {
		t.Errorf("introspection on: %s %+v", on.Data, on.Errors)
	}
	off := do(t, schema.NewHandler(seeded(t), schema.Options{}), "", q, nil)
	if codes := off.codes(); len(codes) == 0 || codes[0] != "INTROSPECTION_DISABLED" {
		t.Errorf("introspection off: codes %v", codes)
	}
}
