package loadtest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
)

// query is one kind of request of the mix: a GraphQL document and a
// function drawing its variables.
type query struct {
	name   string
	weight int
	doc    string
	vars   func(rng *rand.Rand) map[string]any
}

func (q query) body(rng *rand.Rand) []byte {
	var vars map[string]any
	if q.vars != nil {
		vars = q.vars(rng)
	}
	b, _ := json.Marshal(map[string]any{"query": q.doc, "variables": vars})
	return b
}

// pick draws a query by weight.
func pick(rng *rand.Rand, qs []query) int {
	total := 0
	for _, q := range qs {
		total += q.weight
	}
	n := rng.IntN(total)
	for i, q := range qs {
		if n < q.weight {
			return i
		}
		n -= q.weight
	}
	return len(qs) - 1
}

// names are what the store holds to ask about.
type names struct {
	Mechanisms    []string
	MechanismIDs  []string
	Jurisdictions []string
	PlaceIDs      []string
	Provinces     []string
	Documents     []string
}

// discover reads names from the store and builds the query mix over them.
func discover(ctx context.Context, c *http.Client, url string) ([]query, error) {
	var d struct {
		Mechanisms struct {
			Nodes []struct{ ID, Name string }
		}
		Jurisdictions struct {
			Nodes []struct {
				ID, Name string
				Level    string
			}
		}
		Documents struct {
			Nodes []struct{ Title string }
		}
	}
	err := post(ctx, c, url, `{
	  mechanisms(first: 100) { nodes { id name } }
	  jurisdictions(first: 500) { nodes { id name level } }
	  documents(first: 50) { nodes { title } }
	}`, &d)
	if err != nil {
		return nil, fmt.Errorf("reading names from the store: %w", err)
	}
	var n names
	for _, m := range d.Mechanisms.Nodes {
		n.Mechanisms = append(n.Mechanisms, m.Name)
		n.MechanismIDs = append(n.MechanismIDs, m.ID)
	}
	for _, j := range d.Jurisdictions.Nodes {
		n.Jurisdictions = append(n.Jurisdictions, j.Name)
		n.PlaceIDs = append(n.PlaceIDs, j.ID)
		if j.Level == "province" {
			n.Provinces = append(n.Provinces, j.Name)
		}
	}
	for _, doc := range d.Documents.Nodes {
		n.Documents = append(n.Documents, doc.Title)
	}
	if len(n.Mechanisms) == 0 || len(n.Jurisdictions) == 0 {
		return nil, errors.New("the store names no mechanisms or jurisdictions: ingest reports first")
	}
	if len(n.Provinces) == 0 {
		n.Provinces = []string{"山东"}
	}
	if len(n.Documents) == 0 {
		n.Documents = []string{"法治政府建设实施纲要"}
	}
	return mix(n), nil
}

func one(rng *rand.Rand, xs []string) string { return xs[rng.IntN(len(xs))] }

// prefix returns the first one or two characters of a name, as someone
// typing in the explorer's search box sends them.
func prefix(rng *rand.Rand, s string) string {
	r := []rune(s)
	return string(r[:min(len(r), 1+rng.IntN(2))])
}

// mix is the queries of the load: the README's questions, the explorer's
// search and neighbourhoods, and the diffusion of mechanisms.
func mix(n names) []query {
	return []query{
		{name: "mechanism adoptions", weight: 15, doc: `query($m: String!) {
		  mechanism(name: $m) {
		    name aliases variants { name }
		    adoptions(first: 20) { totalCount nodes { year status jurisdiction { fullName } evidence { sentence section report { title } } } }
		  }
		}`, vars: func(rng *rand.Rand) map[string]any { return map[string]any{"m": one(rng, n.Mechanisms)} }},
		{name: "jurisdiction", weight: 15, doc: `query($j: String!) {
		  jurisdiction(name: $j) {
		    fullName level parent { name }
		    bodies { name kind }
		    reports { title year published }
		    adoptions { year mechanism { name family { name } } }
		  }
		}`, vars: func(rng *rand.Rand) map[string]any { return map[string]any{"j": one(rng, n.Jurisdictions)} }},
		{name: "mechanisms by province", weight: 10, doc: `query($p: String!, $y: Int!) {
		  mechanisms(filter: {province: $p, yearFrom: $y}, first: 20) {
		    totalCount pageInfo { hasNextPage endCursor } nodes { name reportCount family { name } }
		  }
		}`, vars: func(rng *rand.Rand) map[string]any {
			return map[string]any{"p": one(rng, n.Provinces), "y": 2018 + rng.IntN(6)}
		}},
		{name: "documents", weight: 8, doc: `query($d: String!) {
		  documents(filter: {name: $d}) {
		    nodes { title kind reportCount evidence(first: 10) { sentence report { jurisdiction { name } year } } }
		  }
		}`, vars: func(rng *rand.Rand) map[string]any { return map[string]any{"d": one(rng, n.Documents)} }},
		{name: "awards, bodies, people", weight: 5, doc: `query($p: String!) {
		  awards(filter: {kind: "国家级"}) { totalCount nodes { name recipient year } }
		  bodies(filter: {kind: "检察院", province: $p}) { nodes { name jurisdiction { fullName } mechanisms { name } } }
		  people(first: 10) { nodes { name role } }
		}`, vars: func(rng *rand.Rand) map[string]any { return map[string]any{"p": one(rng, n.Provinces)} }},
		{name: "search", weight: 20, doc: `query($t: String!) {
		  search(text: $t, first: 12) { matched match node { id kind label detail evidenceCount } }
		}`, vars: func(rng *rand.Rand) map[string]any {
			pool := n.Mechanisms
			if rng.IntN(2) == 0 {
				pool = n.Jurisdictions
			}
			return map[string]any{"t": prefix(rng, one(rng, pool))}
		}},
		{name: "neighbourhood", weight: 12, doc: `query($id: ID!, $hops: Int!) {
		  neighbourhood(id: $id, hops: $hops, limit: 500) {
		    truncated nodes { id kind label evidenceCount } edges { kind source target }
		  }
		}`, vars: func(rng *rand.Rand) map[string]any {
			pool := n.MechanismIDs
			if rng.IntN(2) == 0 {
				pool = n.PlaceIDs
			}
			return map[string]any{"id": one(rng, pool), "hops": 1 + rng.IntN(2)}
		}},
		{name: "mechanismSpread", weight: 10, doc: `query($m: String!) {
		  mechanismSpread(name: $m) {
		    mechanism { name } fitted
		    adoptions { jurisdiction { name fullName } year }
		    curve { year count }
		    edges { source { name } target { name } sourceYear targetYear lag pathKind score evidence { sentence } }
		  }
		}`, vars: func(rng *rand.Rand) map[string]any { return map[string]any{"m": one(rng, n.Mechanisms)} }},
		{name: "stats", weight: 5, doc: `{ stats { backend reports quads entities { kind count } } }`},
	}
}

// post runs a query and decodes its data.
func post(ctx context.Context, c *http.Client, url, doc string, into any) error {
	b, _ := json.Marshal(map[string]any{"query": doc})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url+"/graphql", bytes.NewReader(b))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var r struct {
		Data   json.RawMessage
		Errors []struct{ Message string }
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return fmt.Errorf("HTTP %d: %w", resp.StatusCode, err)
	}
	if len(r.Errors) > 0 {
		return fmt.Errorf("HTTP %d: %s", resp.StatusCode, r.Errors[0].Message)
	}
	return json.Unmarshal(r.Data, into)
}
