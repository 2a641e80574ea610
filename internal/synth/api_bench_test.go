package synth_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/fazhikg/fazhikg/graph"
	"github.com/fazhikg/fazhikg/internal/synth"
	"github.com/fazhikg/fazhikg/schema"
)

// spreadQuery asks for everything the Spread type offers, evidence
// included.
const spreadQuery = `query($m: String!) {
  mechanismSpread(name: $m) {
    mechanism { name }
    adoptions { jurisdiction { name fullName } year rank tied evidence { sentence } }
    curve { year new count }
    edges { sourceKind source { name fullName } sourceDocument target { name fullName }
            sourceYear targetYear lag pathKind score explicit evidence { sentence } }
    fitted
  }
}`

// BenchmarkMechanismSpread measures mechanismSpread over GraphQL on the
// store fazhikg ingest builds (LevelDB, fitted by derive) from a synthetic
// corpus of 300 places × 6 years × 24 mechanisms: for the mechanism with
// the median number of adopters and for the one with the most. It reports
// the median and 95th percentile of the requests, and the first request
// after opening the store (which builds the diffusion inputs from the
// catalogue; so does the first after a write).
func BenchmarkMechanismSpread(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	store, err := graph.Open(ctx, graph.Options{Path: dir})
	if err != nil {
		b.Fatal(err)
	}
	truth, reports := ingested(b, ours(synth.Options{Places: 300, Years: 6, From: 2018, Mechanisms: 24, Seed: 3}), store)
	res, err := store.Derive(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%d reports, %d adoptions in %d families", reports, res.Adoptions, res.Families)
	ms := slices.Clone(truth.Manifest.Mechanisms)
	sort.Slice(ms, func(i, j int) bool { return ms[i].Adopters < ms[j].Adopters })
	var srv *httptest.Server
	// reopen opens the store afresh and serves it, as fazhikg serve does
	reopen := func(b *testing.B) {
		if srv != nil {
			srv.Close()
		}
		if err := store.Close(); err != nil {
			b.Fatal(err)
		}
		if store, err = graph.Open(ctx, graph.Options{Path: dir}); err != nil {
			b.Fatal(err)
		}
		srv = httptest.NewServer(schema.NewHandler(store, schema.Options{LoaderWait: schema.DefaultLoaderWait}))
	}
	defer func() {
		srv.Close()
		store.Close()
	}()
	ask := func(b *testing.B, name string) int {
		body, _ := json.Marshal(map[string]any{"query": spreadQuery, "variables": map[string]string{"m": name}})
		resp, err := http.Post(srv.URL+"/graphql", "application/json", bytes.NewReader(body))
		if err != nil {
			b.Fatal(err)
		}
		defer resp.Body.Close()
		raw, err := io.ReadAll(resp.Body)
		if err != nil || resp.StatusCode != http.StatusOK {
			b.Fatalf("mechanismSpread(%s): %d %v %.200s", name, resp.StatusCode, err, raw)
		}
		if bytes.Contains(raw, []byte(`"errors"`)) {
			b.Fatalf("mechanismSpread(%s) answered with errors: %.600s", name, raw)
		}
		return bytes.Count(raw, []byte(`"rank":`))
	}
	for _, m := range []struct {
		name string
		info synth.MechanismInfo
	}{{"median", ms[len(ms)/2]}, {"largest", ms[len(ms)-1]}} {
		b.Run(m.name, func(b *testing.B) {
			reopen(b)
			start := time.Now()
			adopters := ask(b, m.info.Name)
			cold := time.Since(start)
			if adopters == 0 {
				b.Fatalf("mechanismSpread(%s): no adoptions", m.info.Name)
			}
			var took []time.Duration
			for b.Loop() {
				start := time.Now()
				ask(b, m.info.Name)
				took = append(took, time.Since(start))
			}
			slices.Sort(took)
			b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "ms-median")
			b.ReportMetric(float64(took[len(took)*95/100].Microseconds())/1000, "ms-p95")
			b.ReportMetric(float64(cold.Microseconds())/1000, "ms-first")
			b.ReportMetric(float64(adopters), "adopters")
		})
	}
}
