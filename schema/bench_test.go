package schema_test

import (
	"context"
	"testing"

	"github.com/99designs/gqlgen/client"

	"github.com/fazhikg/fazhikg/extract"
	"github.com/fazhikg/fazhikg/graph"
	"github.com/fazhikg/fazhikg/graph/graphtest"
	"github.com/fazhikg/fazhikg/schema"
)

// BenchmarkQuery measures whole GraphQL requests, loaders included, on a
// LevelDB store of 200 synthetic reports (about 780,000 quads).
func BenchmarkQuery(b *testing.B) {
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Options{Path: b.TempDir(), NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for i := 0; i < 200; i += 50 {
		var rs []*extract.Report
		for k := i; k < i+50; k++ {
			rs = append(rs, graphtest.Synthetic(k))
		}
		if _, err := s.PutReports(ctx, rs); err != nil {
			b.Fatal(err)
		}
	}
	c := newClient(b, s, schema.Options{LoaderWait: schema.DefaultLoaderWait})
	queries := []struct {
		name, query string
		vars        []client.Option
	}{
		{"Required", requiredQuery, []client.Option{client.Var("m", "第0号机制"), client.Var("j", "第1省第1市第1县")}},
		{"MechanismLookup", `{ mechanism(name: "第12号机制") { name aliases reportCount } }`, nil},
		{"MechanismsPage", `{ mechanisms(first: 20, filter: {yearFrom: 2016}) { totalCount nodes { name variants { name } adoptions { nodes { year jurisdiction { name } } } } } }`, nil},
		{"Node", `{ node(id: "mechanism/第7号机制") { id ... on Mechanism { name } } }`, nil},
	}
	for _, q := range queries {
		b.Run(q.name, func(b *testing.B) {
			for b.Loop() {
				var got map[string]any
				if err := c.Post(q.query, &got, q.vars...); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
