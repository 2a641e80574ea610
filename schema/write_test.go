package schema_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fazhikg/fazhikg/extract"
	"github.com/fazhikg/fazhikg/graph"
	"github.com/fazhikg/fazhikg/schema"
)

const token = "s3cret-token"

// response is a GraphQL response as the client sees it.
type response struct {
	status int
	header http.Header
	Data   json.RawMessage
	Errors []struct {
		Message    string
		Extensions struct{ Code string }
	}
}

// codes returns the extensions.code of each error.
func (r response) codes() []string {
	var out []string
	for _, e := range r.Errors {
		out = append(out, e.Extensions.Code)
	}
	return out
}

// do posts a query to /graphql with an Authorization header when auth is
// not "".
func do(t *testing.T, h http.Handler, auth, query string, vars map[string]any) response {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	var headers []string
	if auth != "" {
		headers = append(headers, "Authorization: "+auth)
	}
	w := send(h, body, headers...)
	resp := response{status: w.Code, header: w.Header()}
	if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
		t.Fatalf("response is not JSON (%d): %v\n%s", w.Code, err, w.Body)
	}
	return resp
}

// send posts a JSON body to /graphql with the given headers ("Name:
// value") and returns the recorded response.
func send(h http.Handler, body []byte, headers ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for _, hv := range headers {
		name, value, _ := strings.Cut(hv, ":")
		req.Header.Set(name, strings.TrimSpace(value))
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

// writable returns a handler over a seeded memstore with writes enabled.
func writable(t *testing.T, observe func(string, schema.Outcome)) (http.Handler, *graph.Store) {
	t.Helper()
	s := seeded(t)
	h := schema.NewHandler(s, schema.Options{Writes: &schema.Writes{
		Token:     token,
		Extractor: extract.NewPipeline(extract.Options{}),
		Observe:   observe,
	}})
	t.Cleanup(func() { h.Close() })
	return h, s
}

func sampleReport(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/report.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

const ingestMutation = `mutation($text: String!, $name: String) {
  ingestReport(text: $text, name: $name) { id name title year jurisdiction { name } }
}`

func TestWriteAccess(t *testing.T) {
	readOnly := schema.NewHandler(seeded(t), schema.Options{})
	writes, _ := writable(t, nil)
	const del = `mutation { deleteReport(id: "report/nothing") }`
	const read = `{ stats { reports } }`
	for _, c := range []struct {
		name   string
		h      http.Handler
		auth   string
		query  string
		status int
		code   string // "" when the query must succeed
	}{
		{"read-only: reads", readOnly, "", read, http.StatusOK, ""},
		{"read-only: a token is ignored on reads", readOnly, "Bearer " + token, read, http.StatusOK, ""},
		{"read-only: mutations refused", readOnly, "", del, http.StatusForbidden, "WRITES_DISABLED"},
		{"read-only: even with a token", readOnly, "Bearer " + token, del, http.StatusForbidden, "WRITES_DISABLED"},
		{"writes: reads need no token", writes, "", read, http.StatusOK, ""},
		{"writes: mutation without a token", writes, "", del, http.StatusUnauthorized, "UNAUTHENTICATED"},
		{"writes: wrong token", writes, "Bearer nope", del, http.StatusUnauthorized, "UNAUTHENTICATED"},
		{"writes: wrong token on a read", writes, "Bearer nope", read, http.StatusUnauthorized, "UNAUTHENTICATED"},
		{"writes: a token's prefix", writes, "Bearer " + token[:5], del, http.StatusUnauthorized, "UNAUTHENTICATED"},
		{"writes: another scheme", writes, "Basic " + token, del, http.StatusUnauthorized, "UNAUTHENTICATED"},
		{"writes: right token", writes, "Bearer " + token, del, http.StatusOK, ""},
		{"writes: scheme in any case", writes, "bearer " + token, del, http.StatusOK, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := do(t, c.h, c.auth, c.query, nil)
			if r.status != c.status {
				t.Errorf("status %d, want %d", r.status, c.status)
			}
			if c.code == "" {
				if len(r.Errors) > 0 {
					t.Errorf("errors: %+v", r.Errors)
				}
				return
			}
			if got := r.codes(); len(got) != 1 || got[0] != c.code {
				t.Errorf("codes %v, want [%s]", got, c.code)
			}
			msg := r.Errors[0].Message
			switch c.code {
			case "WRITES_DISABLED":
				if !strings.Contains(msg, "--token-file") {
					t.Errorf("message %q does not say how to enable writes", msg)
				}
			case "UNAUTHENTICATED":
				if !strings.Contains(msg, "token") {
					t.Errorf("message %q does not name the token", msg)
				}
				if r.header.Get("WWW-Authenticate") == "" {
					t.Error("no WWW-Authenticate header")
				}
			}
			if strings.Contains(msg, token) {
				t.Errorf("message %q shows the token", msg)
			}
		})
	}
}

func TestIngestReport(t *testing.T) {
	var mu sync.Mutex
	var seen []string
	refitted := make(chan struct{}, 10)
	h, s := writable(t, func(op string, o schema.Outcome) {
		if op == "refit" {
			if o == schema.Refitted {
				refitted <- struct{}{}
			}
			return
		}
		mu.Lock()
		defer mu.Unlock()
		seen = append(seen, op+" "+string(o))
	})
	fitted := func() bool {
		r := do(t, h, "", `{ diffusionModel { fitted } }`, nil)
		return string(r.Data) == `{"diffusionModel":{"fitted":true}}`
	}
	if fitted() {
		t.Fatal("the fixture's diffusion model is fitted already")
	}
	before, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	text := sampleReport(t)
	auth := "Bearer " + token

	r := do(t, h, auth, ingestMutation, map[string]any{"text": text, "name": "沂水县/2022"})
	if len(r.Errors) > 0 || r.status != http.StatusOK {
		t.Fatalf("ingestReport: %d %+v", r.status, r.Errors)
	}
	var got struct {
		IngestReport struct {
			ID, Name, Title string
			Year            int
			Jurisdiction    struct{ Name string }
		}
	}
	if err := json.Unmarshal(r.Data, &got); err != nil {
		t.Fatal(err)
	}
	ir := got.IngestReport
	if ir.ID != string(graph.ReportID("沂水县/2022")) || ir.Name != "沂水县/2022" || ir.Year != 2022 || ir.Jurisdiction.Name != "沂水县" {
		t.Errorf("ingestReport returned %+v", ir)
	}

	// Queried back by another request: the report, its mechanism adoption
	// and its evidence.
	q := do(t, h, "", `query($id: ID!) {
	  node(id: $id) { ... on Report { name adoptions { mechanism { name } evidence { sentence } } } }
	  mechanism(name: "府检联动") { adoptions { nodes { jurisdiction { name } year } } }
	}`, map[string]any{"id": ir.ID})
	if len(q.Errors) > 0 {
		t.Fatalf("query back: %+v", q.Errors)
	}
	var back struct {
		Node struct {
			Name      string
			Adoptions []struct {
				Mechanism struct{ Name string }
				Evidence  []struct{ Sentence string }
			}
		}
		Mechanism struct {
			Adoptions struct {
				Nodes []struct {
					Jurisdiction struct{ Name string }
					Year         int
				}
			}
		}
	}
	if err := json.Unmarshal(q.Data, &back); err != nil {
		t.Fatal(err)
	}
	if back.Node.Name != "沂水县/2022" {
		t.Errorf("node(id: %q) is %+v", ir.ID, back.Node)
	}
	var adopted bool
	for _, a := range back.Node.Adoptions {
		if a.Mechanism.Name == "府检联动" && len(a.Evidence) > 0 && strings.Contains(a.Evidence[0].Sentence, "府检联动") {
			adopted = true
		}
	}
	if !adopted {
		t.Errorf("the report's adoption of 府检联动 with its sentence is missing: %+v", back.Node.Adoptions)
	}
	var listed bool
	for _, a := range back.Mechanism.Adoptions.Nodes {
		listed = listed || a.Jurisdiction.Name == "沂水县" && a.Year == 2022
	}
	if !listed {
		t.Errorf("沂水县 2022 is not among 府检联动's adoptions: %+v", back.Mechanism.Adoptions.Nodes)
	}

	// The diffusion model is refitted in the background.
	select {
	case <-refitted:
	case <-time.After(time.Minute):
		t.Fatal("no refit after ingestReport")
	}
	if !fitted() {
		t.Error("the diffusion model is not fitted after the refit")
	}

	// The same text again changes nothing; without a name, it is named
	// after its hash.
	if r := do(t, h, auth, ingestMutation, map[string]any{"text": text, "name": "沂水县/2022"}); len(r.Errors) > 0 {
		t.Fatalf("second ingestReport: %+v", r.Errors)
	}
	r = do(t, h, auth, ingestMutation, map[string]any{"text": text})
	if len(r.Errors) > 0 {
		t.Fatalf("ingestReport without a name: %+v", r.Errors)
	}
	if err := json.Unmarshal(r.Data, &got); err != nil {
		t.Fatal(err)
	}
	if want := "api/" + extract.Hash([]byte(text))[:16]; got.IngestReport.Name != want {
		t.Errorf("name %q, want %q", got.IngestReport.Name, want)
	}
	after, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if after.Reports != before.Reports+2 {
		t.Errorf("%d reports after two ingests, %d before", after.Reports, before.Reports)
	}

	// Deleted, it is gone; deleted again, false.
	del := `mutation($id: ID!) { deleteReport(id: $id) }`
	for i, want := range []string{`{"deleteReport":true}`, `{"deleteReport":false}`} {
		r := do(t, h, auth, del, map[string]any{"id": ir.ID})
		if len(r.Errors) > 0 || string(r.Data) != want {
			t.Errorf("deleteReport #%d: %s %+v, want %s", i+1, r.Data, r.Errors, want)
		}
	}
	q = do(t, h, "", `query($id: ID!) { node(id: $id) { id } report(name: "沂水县/2022") { id } }`, map[string]any{"id": ir.ID})
	if string(q.Data) != `{"node":null,"report":null}` {
		t.Errorf("after deleteReport: %s %+v", q.Data, q.Errors)
	}
	if r := do(t, h, auth, `mutation { deleteReport(id: "mechanism/府检联动") }`, nil); len(r.codes()) != 1 || r.codes()[0] != "BAD_USER_INPUT" {
		t.Errorf("deleteReport of a mechanism: %s %+v", r.Data, r.Errors)
	}

	mu.Lock()
	defer mu.Unlock()
	want := []string{"ingest added", "ingest unchanged", "ingest added", "delete deleted", "delete missing", "delete rejected"}
	if strings.Join(seen, ", ") != strings.Join(want, ", ") {
		t.Errorf("observed %q, want %q", seen, want)
	}
}

func TestIngestReportBadText(t *testing.T) {
	s := seeded(t)
	var rejected int
	h := schema.NewHandler(s, schema.Options{Writes: &schema.Writes{
		Token:     token,
		Extractor: extract.NewPipeline(extract.Options{}),
		MaxBytes:  1000,
		Observe: func(op string, o schema.Outcome) {
			if o == schema.Rejected {
				rejected++
			}
		},
	}})
	defer h.Close()
	before, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, text string
		vars       map[string]any
		message    string
	}{
		{name: "empty", text: "", message: "empty"},
		{name: "blank", text: " \n\t\n ", message: "empty"},
		{name: "binary", text: "\x00\x01\x02\x00PK\x03\x04\x00\x00", message: "not text"},
		{name: "too large", text: strings.Repeat("府检联动。", 100), message: "cap of 1000"},
		{name: "blank name", text: "沂水县2022年法治政府建设年度报告", vars: map[string]any{"name": "  "}, message: "name"},
	} {
		t.Run(c.name, func(t *testing.T) {
			vars := map[string]any{"text": c.text}
			for k, v := range c.vars {
				vars[k] = v
			}
			r := do(t, h, "Bearer "+token, ingestMutation, vars)
			if got := r.codes(); len(got) != 1 || got[0] != "BAD_USER_INPUT" {
				t.Fatalf("codes %v, want [BAD_USER_INPUT]: %+v", got, r.Errors)
			}
			if msg := r.Errors[0].Message; !strings.Contains(msg, c.message) || !strings.Contains(msg, "ingestReport") {
				t.Errorf("message %q does not say %q", msg, c.message)
			}
			if string(r.Data) != `{"ingestReport":null}` {
				t.Errorf("data %s", r.Data)
			}
		})
	}
	after, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if after.Reports != before.Reports || after.Quads != before.Quads {
		t.Errorf("the store changed: %+v, was %+v", after, before)
	}
	if rejected != 5 {
		t.Errorf("%d writes observed as rejected, want 5", rejected)
	}
}

// leaky is a store whose reads and writes fail with errors naming files,
// as a backend's would.
type leaky struct {
	*graph.Store
	panics bool
}

var errDisk = &os.PathError{Op: "open", Path: "/var/lib/fazhikg/data/000042.ldb", Err: os.ErrPermission}

func (l leaky) List(ctx context.Context, k graph.Kind, f graph.Filter, first int, after string) (graph.Page, error) {
	if l.panics {
		panic(errDisk)
	}
	return graph.Page{}, errDisk
}

func (l leaky) Stats(ctx context.Context) (graph.Stats, error) { return graph.Stats{}, errDisk }

func (l leaky) PutReport(ctx context.Context, r *extract.Report) (graph.PutResult, error) {
	return graph.PutResult{}, errDisk
}

func TestErrorsHideInternals(t *testing.T) {
	for _, panics := range []bool{false, true} {
		h := schema.NewHandler(leaky{Store: seeded(t), panics: panics}, schema.Options{Writes: &schema.Writes{
			Token:     token,
			Extractor: extract.NewPipeline(extract.Options{}),
		}})
		defer h.Close()
		for _, q := range []struct {
			query string
			vars  map[string]any
		}{
			{`{ reports { totalCount } }`, nil},
			{`{ stats { quads } }`, nil},
			{`{ mechanisms(first: 3) { nodes { name } } }`, nil},
			{ingestMutation, map[string]any{"text": sampleReport(t)}},
		} {
			r := do(t, h, "Bearer "+token, q.query, q.vars)
			if len(r.Errors) == 0 {
				t.Errorf("%s: no error", q.query)
				continue
			}
			for _, e := range r.Errors {
				if e.Extensions.Code != "INTERNAL" || e.Message != "internal error" {
					t.Errorf("%s: error %q (%s), want internal error (INTERNAL)", q.query, e.Message, e.Extensions.Code)
				}
			}
			raw, _ := json.Marshal(r.Errors)
			for _, leak := range []string{"/", "ldb", "goroutine", ".go:", "permission"} {
				if bytes.Contains(raw, []byte(leak)) {
					t.Errorf("%s: errors show %q: %s", q.query, leak, raw)
				}
			}
		}
	}
}
