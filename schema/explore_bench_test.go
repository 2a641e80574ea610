package schema_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/fazhikg/fazhikg/extract"
	"github.com/fazhikg/fazhikg/graph"
	"github.com/fazhikg/fazhikg/graph/graphtest"
	"github.com/fazhikg/fazhikg/schema"
)

// BenchmarkNeighbourhoodQuery measures the explorer's largest request: the
// two-hop neighbourhood of a mechanism, cut at 2,000 nodes, of a LevelDB
// store of 100 synthetic reports, with the fields the explorer asks for,
// as an HTTP request (JSON encoding included); it reports the bytes sent.
func BenchmarkNeighbourhoodQuery(b *testing.B) {
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Options{Path: b.TempDir(), NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var rs []*extract.Report
	for i := 0; i < 100; i++ {
		rs = append(rs, graphtest.Synthetic(i))
	}
	if _, err := s.PutReports(ctx, rs); err != nil {
		b.Fatal(err)
	}
	h := schema.NewHandler(s, schema.Options{})
	body, _ := json.Marshal(map[string]any{
		"query": `query($id: ID!) { neighbourhood(id: $id, hops: 2, limit: 2000) { truncated
			nodes { id kind label evidenceCount }
			edges { kind source target } } }`,
		"variables": map[string]any{"id": "mechanism/第0号机制"},
	})
	var size int
	for b.Loop() {
		req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(string(body)))
		req.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusOK || strings.Contains(w.Body.String(), `"errors"`) {
			b.Fatalf("%d: %.300s", w.Code, w.Body)
		}
		size = w.Body.Len()
	}
	b.ReportMetric(float64(size), "bytes")
}
