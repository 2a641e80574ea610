package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/fazhikg/fazhikg/extract"
	"github.com/fazhikg/fazhikg/graph"
	"github.com/fazhikg/fazhikg/graph/graphtest"
	"github.com/fazhikg/fazhikg/schema"
)

const testToken = "0123456789abcdef-test"

// sampleText is a short report written for these tests.
const sampleText = `沂水县2022年法治政府建设年度报告

2022年，沂水县人民政府推进法治政府建设。县政府与县人民检察院建立“府检联动”工作机制，每季度召开一次联席会议。
`

func memStore(t *testing.T) *graph.Store {
	t.Helper()
	s, err := graph.Open(context.Background(), graph.Options{Backend: graph.Memstore})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.PutReports(context.Background(), graphtest.Fixture()); err != nil {
		t.Fatal(err)
	}
	return s
}

// gqlResponse is a GraphQL response with its HTTP status and headers.
type gqlResponse struct {
	status int
	header http.Header
	Data   json.RawMessage
	Errors []struct {
		Message    string
		Extensions struct{ Code string }
	}
}

func (r gqlResponse) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	return r.Errors[0].Extensions.Code
}

// post sends a GraphQL request with the given headers ("Name: value").
func post(t *testing.T, h http.Handler, body string, headers ...string) gqlResponse {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for _, kv := range headers {
		k, v, _ := strings.Cut(kv, ": ")
		req.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	r := gqlResponse{status: w.Code, header: w.Header()}
	if err := json.Unmarshal(w.Body.Bytes(), &r); err != nil {
		t.Fatalf("not JSON (%d): %s", w.Code, w.Body)
	}
	return r
}

func gqlBody(query string, vars map[string]any) string {
	b, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	return string(b)
}

func TestBodyLimit(t *testing.T) {
	s := memStore(t)
	h := newServer(s, serveOptions{
		maxBody: 2000,
		api:     schema.Options{Writes: &schema.Writes{Token: testToken, Extractor: extract.NewPipeline(extract.Options{})}},
	})
	defer h.Close()
	before, _ := s.Stats(context.Background())
	big := gqlBody(`mutation($t: String!) { ingestReport(text: $t) { id } }`, map[string]any{"t": strings.Repeat(sampleText, 20)})

	// The length said: 413 before reading.
	r := post(t, h, big, "Authorization: Bearer "+testToken)
	if r.status != http.StatusRequestEntityTooLarge || r.code() != "REQUEST_TOO_LARGE" || !strings.Contains(r.Errors[0].Message, "2000") {
		t.Errorf("large body: %d %+v", r.status, r.Errors)
	}

	// The length unsaid (chunked): refused once reading passes the cap.
	req := httptest.NewRequest(http.MethodPost, "/graphql", io.MultiReader(strings.NewReader(big)))
	req.ContentLength = -1
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+testToken)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	if w.Code == http.StatusOK {
		t.Errorf("large chunked body accepted: %s", w.Body)
	}
	after, _ := s.Stats(context.Background())
	if after.Reports != before.Reports {
		t.Errorf("a report was stored: %d reports, %d before", after.Reports, before.Reports)
	}

	// Under the cap, the same mutation stores the report.
	r = post(t, h, gqlBody(`mutation($t: String!) { ingestReport(text: $t) { year } }`, map[string]any{"t": sampleText}), "Authorization: Bearer "+testToken)
	if r.status != http.StatusOK || len(r.Errors) > 0 || string(r.Data) != `{"ingestReport":{"year":2022}}` {
		t.Errorf("small body: %d %s %+v", r.status, r.Data, r.Errors)
	}
}

// stall holds every operation until its context is done, and tells when.
type stall struct{ cancelled chan error }

func (stall) ExtensionName() string                   { return "Stall" }
func (stall) Validate(graphql.ExecutableSchema) error { return nil }
func (s stall) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	<-ctx.Done()
	s.cancelled <- ctx.Err()
	return next(ctx)
}

func TestTimeout(t *testing.T) {
	st := stall{cancelled: make(chan error, 1)}
	h := newServer(memStore(t), serveOptions{timeout: 50 * time.Millisecond, api: schema.Options{Extensions: []graphql.HandlerExtension{st}}})
	start := time.Now()
	r := post(t, h, gqlBody(`{ stats { reports } }`, nil))
	if r.status != http.StatusServiceUnavailable || r.code() != "TIMEOUT" || !strings.Contains(r.Errors[0].Message, "50ms") {
		t.Errorf("stalled query: %d %+v", r.status, r.Errors)
	}
	if ct := r.header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type %q", ct)
	}
	select {
	case err := <-st.cancelled:
		if err == nil {
			t.Error("the operation's context was not cancelled")
		}
	case <-time.After(5 * time.Second):
		t.Error("the operation's context was not cancelled")
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("answered after %s", d)
	}
}

func TestCORS(t *testing.T) {
	s := memStore(t)
	for _, c := range []struct {
		name, origin     string
		allow            []string
		preflight        bool
		wantAllowOrigin  string
		wantAllowHeaders bool
	}{
		{name: "none configured", origin: "https://a.example", wantAllowOrigin: ""},
		{name: "allowed", origin: "https://a.example", allow: []string{"https://a.example", "https://b.example"}, wantAllowOrigin: "https://a.example"},
		{name: "another origin", origin: "https://evil.example", allow: []string{"https://a.example"}, wantAllowOrigin: ""},
		{name: "any", origin: "https://c.example", allow: []string{"*"}, wantAllowOrigin: "*"},
		{name: "preflight allowed", origin: "https://a.example", allow: []string{"https://a.example"}, preflight: true, wantAllowOrigin: "https://a.example", wantAllowHeaders: true},
		{name: "preflight refused", origin: "https://evil.example", allow: []string{"https://a.example"}, preflight: true},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := newServer(s, serveOptions{corsOrigins: c.allow})
			req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(gqlBody(`{ stats { reports } }`, nil)))
			req.Header.Set("Content-Type", "application/json")
			if c.preflight {
				req = httptest.NewRequest(http.MethodOptions, "/graphql", nil)
				req.Header.Set("Access-Control-Request-Method", "POST")
				req.Header.Set("Access-Control-Request-Headers", "content-type, authorization")
			}
			req.Header.Set("Origin", c.origin)
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			if got := w.Header().Get("Access-Control-Allow-Origin"); got != c.wantAllowOrigin {
				t.Errorf("Access-Control-Allow-Origin %q, want %q", got, c.wantAllowOrigin)
			}
			allowHeaders := w.Header().Get("Access-Control-Allow-Headers")
			if c.wantAllowHeaders != (allowHeaders != "") {
				t.Errorf("Access-Control-Allow-Headers %q", allowHeaders)
			}
			if c.wantAllowHeaders && !strings.Contains(allowHeaders, "Authorization") {
				t.Errorf("Authorization is not allowed: %q", allowHeaders)
			}
			if c.preflight && w.Code != http.StatusNoContent {
				t.Errorf("preflight status %d", w.Code)
			}
			if !c.preflight && w.Code != http.StatusOK {
				t.Errorf("status %d: %s", w.Code, w.Body)
			}
			if c.allow != nil && !strings.Contains(w.Header().Get("Vary"), "Origin") {
				t.Error("no Vary: Origin")
			}
		})
	}
}

func TestHealthz(t *testing.T) {
	s, err := graph.Open(context.Background(), graph.Options{Backend: graph.Bolt, Path: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutReports(context.Background(), graphtest.Fixture()); err != nil {
		t.Fatal(err)
	}
	warm := new(atomic.Bool)
	h := newServer(s, serveOptions{warm: warm})
	get := func() (int, health, string) {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/healthz", nil))
		var got health
		if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
			t.Fatalf("/healthz: not JSON: %s", w.Body)
		}
		return w.Code, got, w.Body.String()
	}
	code, got, _ := get()
	if code != http.StatusOK || got.Status != "ok" || got.Reports != len(graphtest.Fixture()) || got.Quads == 0 || got.Backend != graph.Bolt {
		t.Errorf("/healthz of an open store: %d %+v", code, got)
	}
	if got.Warm == nil || *got.Warm {
		t.Errorf("/healthz before the warm-up is over: warm %v, want false", got.Warm)
	}
	warm.Store(true)
	if _, got, _ := get(); got.Warm == nil || !*got.Warm {
		t.Errorf("/healthz after the warm-up: warm %v, want true", got.Warm)
	}
	s.Close()
	code, got, body := get()
	if code != http.StatusServiceUnavailable || got.Status != "unavailable" {
		t.Errorf("/healthz of a closed store: %d %+v", code, got)
	}
	if strings.Contains(body, "/") {
		t.Errorf("/healthz shows a path: %s", body)
	}
}

func TestMetrics(t *testing.T) {
	h := newServer(memStore(t), serveOptions{api: schema.Options{Writes: &schema.Writes{
		Token: testToken, Extractor: extract.NewPipeline(extract.Options{}),
	}}})
	defer h.Close()
	post(t, h, gqlBody(`{ stats { reports } }`, nil))
	post(t, h, gqlBody(`{ stats { reports } }`, nil)) // replayed: counted all the same
	post(t, h, gqlBody(`{ a: mechanism(name: "府检联动") { name } }`, nil))
	post(t, h, gqlBody(`{ reports(first: 100000) { totalCount } }`, nil))
	post(t, h, gqlBody(`mutation($t: String!) { ingestReport(text: $t) { id } }`, map[string]any{"t": sampleText}), "Authorization: Bearer "+testToken)
	post(t, h, gqlBody(`mutation { ingestReport(text: "") { id } }`, nil), "Authorization: Bearer "+testToken)
	post(t, h, gqlBody(`mutation { deleteReport(id: "report/x") }`, nil))

	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if w.Code != http.StatusOK {
		t.Fatalf("/metrics: %d", w.Code)
	}
	body := w.Body.String()
	for _, want := range []string{
		`fazhikg_http_requests_total{code="200",route="graphql"} 6`,
		`fazhikg_http_requests_total{code="401",route="graphql"} 1`,
		`fazhikg_graphql_operations_total{field="stats",operation="query",result="ok"} 2`,
		`fazhikg_graphql_operations_total{field="mechanism",operation="query",result="ok"} 1`,
		`fazhikg_graphql_operations_total{field="reports",operation="query",result="error"} 1`,
		`fazhikg_graphql_operations_total{field="ingestReport",operation="mutation",result="ok"} 1`,
		`fazhikg_api_writes_total{op="ingest",outcome="added"} 1`,
		`fazhikg_api_writes_total{op="ingest",outcome="rejected"} 1`,
		`fazhikg_http_request_duration_seconds_count{route="graphql"} 7`,
		`fazhikg_http_requests_in_flight`,
		`go_goroutines`,
		`process_resident_memory_bytes`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}

func TestRecovering(t *testing.T) {
	var logged bytes.Buffer
	h := recovering(slogTo(&logged), http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		panic("open /var/lib/fazhikg/secret: boom")
	}))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/graphql", nil))
	if w.Code != http.StatusInternalServerError || strings.Contains(w.Body.String(), "/var") || strings.Contains(w.Body.String(), "goroutine") {
		t.Errorf("panic answered %d %s", w.Code, w.Body)
	}
	if !strings.Contains(logged.String(), "boom") {
		t.Errorf("the panic is not logged: %q", logged.String())
	}
}

func TestReadToken(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, c := range []struct {
		name, file, env, want, err string
	}{
		{name: "none", want: ""},
		{name: "file", file: write("good", testToken+"\n"), want: testToken},
		{name: "env", env: testToken, want: testToken},
		{name: "file before env", file: write("good2", testToken+"-file"), env: testToken, want: testToken + "-file"},
		{name: "missing file", file: filepath.Join(dir, "absent"), err: "reading the token"},
		{name: "empty file", file: write("empty", "\n"), err: "is empty"},
		{name: "short", file: write("short", "abc"), err: "shorter than 16"},
		{name: "two lines", file: write("lines", testToken+"\n"+testToken), err: "white space"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("FAZHIKG_TOKEN", c.env)
			got, err := readToken(c.file)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("error %v, want one saying %q", err, c.err)
				}
				return
			}
			if err != nil || got != c.want {
				t.Errorf("readToken = %q, %v; want %q", got, err, c.want)
			}
		})
	}
}

func TestLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"localhost:8080": true, "127.0.0.1:0": true, "[::1]:80": true,
		":8080": false, "0.0.0.0:8080": false, "192.168.1.2:80": false, "example.org:80": false, "nonsense": false,
	} {
		if got := loopback(addr); got != want {
			t.Errorf("loopback(%q) = %v", addr, got)
		}
	}
}

// serveWith starts fazhikg serve with extra arguments and returns its URL.
func serveWith(t *testing.T, data string, env map[string]string, args ...string) string {
	t.Helper()
	for k, v := range env {
		t.Setenv(k, v)
	}
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan int)
	go func() {
		done <- Run(ctx, append([]string{"--data", data, "serve", "--addr", "127.0.0.1:0"}, args...), io.Discard, pw)
		pw.Close()
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	sc := bufio.NewScanner(pr)
	re := regexp.MustCompile(`http://[0-9.:]+`)
	for sc.Scan() {
		if u := re.FindString(sc.Text()); u != "" {
			go io.Copy(io.Discard, pr)
			return u
		}
	}
	t.Fatal("serve did not say where it listens")
	return ""
}

// call posts a GraphQL request to a running server.
func call(t *testing.T, url, auth, query string, vars map[string]any) gqlResponse {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url+"/graphql", strings.NewReader(gqlBody(query, vars)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	r := gqlResponse{status: resp.StatusCode, header: resp.Header}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		t.Fatalf("not JSON (%d): %v", resp.StatusCode, err)
	}
	return r
}

func TestServeWrites(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the segmenter")
	}
	tokenFile := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(tokenFile, []byte(testToken+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	const ingest = `mutation($t: String!) { ingestReport(text: $t, name: "沂水县2022") { name year jurisdiction { name } } }`

	// Read-only by default: mutations refused, introspection on for a
	// loopback address.
	ro := serveWith(t, t.TempDir(), map[string]string{"FAZHIKG_TOKEN": ""})
	r := call(t, ro, "Bearer "+testToken, ingest, map[string]any{"t": sampleText})
	if r.status != http.StatusForbidden || r.code() != "WRITES_DISABLED" {
		t.Errorf("read-only server: %d %+v", r.status, r.Errors)
	}
	if r := call(t, ro, "", `{ __schema { mutationType { name } } }`, nil); len(r.Errors) > 0 {
		t.Errorf("introspection on loopback: %+v", r.Errors)
	}

	// With a token: refused without it, stored with it, and queried back.
	rw := serveWith(t, t.TempDir(), nil, "--token-file", tokenFile, "--introspection=false")
	if r := call(t, rw, "", ingest, map[string]any{"t": sampleText}); r.status != http.StatusUnauthorized || r.code() != "UNAUTHENTICATED" {
		t.Errorf("no token: %d %+v", r.status, r.Errors)
	}
	r = call(t, rw, "Bearer "+testToken, ingest, map[string]any{"t": sampleText})
	if r.status != http.StatusOK || string(r.Data) != `{"ingestReport":{"name":"沂水县2022","year":2022,"jurisdiction":{"name":"沂水县"}}}` {
		t.Fatalf("ingestReport: %d %s %+v", r.status, r.Data, r.Errors)
	}
	r = call(t, rw, "", `{ mechanism(name: "府检联动") { adoptions { nodes { jurisdiction { name } year } } } }`, nil)
	if !strings.Contains(string(r.Data), `{"jurisdiction":{"name":"沂水县"},"year":2022}`) {
		t.Errorf("the adoption is not queried back: %s %+v", r.Data, r.Errors)
	}
	if r := call(t, rw, "", `{ __schema { mutationType { name } } }`, nil); r.code() != "INTROSPECTION_DISABLED" {
		t.Errorf("--introspection=false: %s %+v", r.Data, r.Errors)
	}
	resp, err := http.Get(rw + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	var h health
	json.NewDecoder(resp.Body).Decode(&h)
	resp.Body.Close()
	if h.Status != "ok" || h.Reports != 1 {
		t.Errorf("/healthz after one ingest: %+v", h)
	}
}

func TestServeFlags(t *testing.T) {
	short := filepath.Join(t.TempDir(), "token")
	os.WriteFile(short, []byte("abc"), 0o600)
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--token-file", short}, ExitError, "shorter than 16"},
		{[]string{"--timeout", "0s"}, ExitUsage, "must be positive"},
		{[]string{"--max-depth", "-1"}, ExitUsage, "must be positive"},
	} {
		var stderr bytes.Buffer
		code := Run(context.Background(), append([]string{"--data", t.TempDir(), "serve", "--addr", "127.0.0.1:0"}, c.args...), io.Discard, &stderr)
		if code != c.code || !strings.Contains(stderr.String(), c.msg) {
			t.Errorf("serve %v: exit %d, %q; want %d saying %q", c.args, code, stderr.String(), c.code, c.msg)
		}
	}
}

func slogTo(w io.Writer) *slog.Logger { return slog.New(slog.NewTextHandler(w, nil)) }

func TestTurns(t *testing.T) {
	release := make(chan struct{})
	started := make(chan struct{}, 2)
	h := withTurns(1, time.Second, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		started <- struct{}{}
		<-release
		io.WriteString(w, `{"data":{}}`)
	}))
	first := make(chan int)
	go func() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/graphql", nil))
		first <- w.Code
	}()
	<-started

	// The one turn is taken: the second waits the timeout, then is told
	// the server is busy.
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/graphql", nil))
	if w.Code != http.StatusServiceUnavailable || !strings.Contains(w.Body.String(), `"BUSY"`) || w.Header().Get("Retry-After") == "" {
		t.Errorf("second request: %d %s", w.Code, w.Body)
	}

	// A third waits for the first to end, then runs.
	third := make(chan int)
	go func() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/graphql", nil))
		third <- w.Code
	}()
	time.Sleep(20 * time.Millisecond)
	release <- struct{}{}
	if code := <-first; code != http.StatusOK {
		t.Errorf("first request: %d", code)
	}
	<-started
	release <- struct{}{}
	if code := <-third; code != http.StatusOK {
		t.Errorf("third request: %d", code)
	}
}
