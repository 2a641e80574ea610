package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/fazhikg/fazhikg/graph"
	"github.com/fazhikg/fazhikg/schema"
)

// Defaults of serve's limits.
const (
	// defaultMaxBody caps request bodies: a GraphQL query is a few KB, a
	// report's text for ingestReport 10–100 KB, its web page rarely 1 MB.
	defaultMaxBody = 4 << 20
	// defaultTimeout bounds one request to /graphql, and Cayley's queries.
	defaultTimeout = 30 * time.Second
	// minTokenLength is the shortest token serve accepts.
	minTokenLength = 16
)

// serveOptions are the limits and switches of a server.
type serveOptions struct {
	api         schema.Options
	webDir      string
	corsOrigins []string      // origins allowed to call the API from a browser; "*" any
	maxBody     int64         // bytes; 0 means defaultMaxBody
	timeout     time.Duration // 0 means defaultTimeout
	// maxInFlight caps the GraphQL requests executed at once; others wait
	// for a turn. 0 means defaultMaxInFlight().
	maxInFlight int
	log         *slog.Logger
	// warm, when set, tells whether the store's warm-up (Store.Warm) is
	// over; /healthz reports it.
	warm *atomic.Bool
}

// defaultMaxInFlight is four GraphQL requests per core: enough to keep the
// cores busy while loaders wait, few enough that a burst of heavy queries
// queues instead of sharing the cores and the memory all at once.
func defaultMaxInFlight() int { return 4 * runtime.GOMAXPROCS(0) }

// server is what serve serves. Close it once the HTTP server has stopped
// and before the store closes.
type server struct {
	http.Handler
	api *schema.Handler
}

// Close stops the API's background work (a refit after a write).
func (s *server) Close() error { return s.api.Close() }

// newServer is what serve serves: Handler's routes behind the limits
// (request bodies, per-request timeout, CORS), with /healthz and /metrics,
// and a recovery that answers a panic with a bare 500.
func newServer(s *graph.Store, o serveOptions) *server {
	if o.maxBody <= 0 {
		o.maxBody = defaultMaxBody
	}
	if o.timeout <= 0 {
		o.timeout = defaultTimeout
	}
	if o.maxInFlight <= 0 {
		o.maxInFlight = defaultMaxInFlight()
	}
	if o.log == nil {
		o.log = slog.New(slog.DiscardHandler)
	}
	if o.api.Log == nil {
		o.api.Log = o.log
	}
	m := newMetrics()
	o.api.Extensions = append(o.api.Extensions, operationMetrics{m})
	o.api.Replayed = func(oc *graphql.OperationContext, took time.Duration) { operationMetrics{m}.observe(oc, "ok", took) }
	if o.api.Writes != nil {
		w := *o.api.Writes // the caller's options stay as they are
		o.api.Writes = &w
		observe := w.Observe
		w.Observe = func(op string, outcome schema.Outcome) {
			m.writes.WithLabelValues(op, string(outcome)).Inc()
			if observe != nil {
				observe(op, outcome)
			}
		}
		if w.MaxBytes <= 0 {
			w.MaxBytes = int(o.maxBody)
		}
	}
	api, gql := routes(s, o.api, o.webDir, o.timeout, o.maxInFlight)

	mux := http.NewServeMux()
	mux.Handle("/", withCORS(o.corsOrigins, limitBody(o.maxBody, api)))
	mux.Handle("/healthz", healthz(s, o.warm))
	mux.Handle("/metrics", promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{}))
	return &server{Handler: recovering(o.log, m.instrument(mux)), api: gql}
}

// jsonError sends an error in the shape GraphQL clients read.
func jsonError(w http.ResponseWriter, status int, code, message string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{
		"errors": []any{map[string]any{"message": message, "extensions": map[string]string{"code": code}}},
	})
}

// limitBody refuses bodies over limit bytes: at once when the request
// says its length (413), else when reading passes limit.
func limitBody(limit int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > limit {
			jsonError(w, http.StatusRequestEntityTooLarge, "REQUEST_TOO_LARGE",
				fmt.Sprintf("the request body has %d bytes, more than the server's cap of %d (serve --max-body)", r.ContentLength, limit))
			return
		}
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, limit)
		}
		next.ServeHTTP(w, r)
	})
}

// withTimeout ends a request to the GraphQL API that runs longer than d
// with 503 and a GraphQL error; its context is cancelled, so that the
// store's reads stop and a write in progress is rolled back.
func withTimeout(d time.Duration, next http.Handler) http.Handler {
	body, _ := json.Marshal(map[string]any{"errors": []any{map[string]any{
		"message":    fmt.Sprintf("the request took longer than the server's timeout of %s (serve --timeout)", d),
		"extensions": map[string]string{"code": "TIMEOUT"},
	}}})
	th := http.TimeoutHandler(next, d, string(body))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// GraphQL answers in JSON, the timeout's message too.
		w.Header().Set("Content-Type", "application/json")
		th.ServeHTTP(w, r)
	})
}

// withTurns lets n requests through at once; the others wait for a turn,
// as long as the timeout at most, then get 503. The timeout of a request
// counts from its turn.
func withTurns(n int, timeout time.Duration, next http.Handler) http.Handler {
	turns := make(chan struct{}, n)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t := time.NewTimer(timeout)
		defer t.Stop()
		select {
		case turns <- struct{}{}:
			defer func() { <-turns }()
			next.ServeHTTP(w, r)
		case <-t.C:
			w.Header().Set("Retry-After", "1")
			jsonError(w, http.StatusServiceUnavailable, "BUSY",
				fmt.Sprintf("the server is busy: %d requests ran for the whole timeout of %s while this one waited; retry later", n, timeout))
		case <-r.Context().Done():
			// The client left.
		}
	})
}

// withCORS lets browsers on the given origins call the API: it answers
// preflights and marks the responses to allowed origins. Without origins
// it adds nothing, and browsers keep pages of other origins out.
func withCORS(origins []string, next http.Handler) http.Handler {
	if len(origins) == 0 {
		return next
	}
	anyOrigin := slices.Contains(origins, "*")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if origin == "" {
			next.ServeHTTP(w, r)
			return
		}
		h := w.Header()
		h.Add("Vary", "Origin")
		allowed := anyOrigin || slices.Contains(origins, origin)
		if allowed {
			if anyOrigin {
				h.Set("Access-Control-Allow-Origin", "*")
			} else {
				h.Set("Access-Control-Allow-Origin", origin)
			}
		}
		if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
			if allowed {
				h.Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
				h.Set("Access-Control-Allow-Headers", "Content-Type, Authorization")
				h.Set("Access-Control-Max-Age", "600")
			}
			w.WriteHeader(http.StatusNoContent)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// health is what /healthz answers.
type health struct {
	Status  string `json:"status"` // ok or unavailable
	Backend string `json:"backend,omitempty"`
	Reports int    `json:"reports"`
	Quads   int64  `json:"quads"`
	// Warm is false while the server prepares what the first reads would
	// otherwise wait for (see Store.Warm); absent when it does not.
	Warm  *bool  `json:"warm,omitempty"`
	Error string `json:"error,omitempty"`
}

// healthz answers whether the store is open and reads: 200 with its
// counts, or 503.
func healthz(s *graph.Store, warm *atomic.Bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
		defer cancel()
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		st, err := s.Stats(ctx)
		if err != nil {
			w.WriteHeader(http.StatusServiceUnavailable)
			json.NewEncoder(w).Encode(health{Status: "unavailable", Error: "the store cannot be read"})
			return
		}
		h := health{Status: "ok", Backend: st.Backend, Reports: st.Reports, Quads: st.Quads}
		if warm != nil {
			h.Warm = new(bool)
			*h.Warm = warm.Load()
		}
		json.NewEncoder(w).Encode(h)
	})
}

// recovering answers a panic in a handler with 500, logging it; the
// client sees no stack. http.ErrAbortHandler passes through.
func recovering(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			p := recover()
			if p == nil {
				return
			}
			if err, ok := p.(error); ok && errors.Is(err, http.ErrAbortHandler) {
				panic(p)
			}
			log.ErrorContext(r.Context(), "panic serving a request", "path", r.URL.Path, "panic", p)
			jsonError(w, http.StatusInternalServerError, "INTERNAL", "internal error")
		}()
		next.ServeHTTP(w, r)
	})
}

// metrics are the server's Prometheus collectors, in a registry of their
// own.
type metrics struct {
	registry   *prometheus.Registry
	requests   *prometheus.CounterVec
	latency    *prometheus.HistogramVec
	inFlight   prometheus.Gauge
	operations *prometheus.CounterVec
	opLatency  *prometheus.HistogramVec
	writes     *prometheus.CounterVec
}

func newMetrics() *metrics {
	buckets := []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30}
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "fazhikg_http_requests_total",
			Help: "HTTP requests by route (graphql, graphiql, explore, cayley, healthz, metrics, other) and status code.",
		}, []string{"route", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "fazhikg_http_request_duration_seconds",
			Help:    "Time to answer an HTTP request, by route.",
			Buckets: buckets,
		}, []string{"route"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "fazhikg_http_requests_in_flight",
			Help: "HTTP requests being answered.",
		}),
		operations: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "fazhikg_graphql_operations_total",
			Help: "GraphQL operations by type (query, mutation), first root field and result (ok, error).",
		}, []string{"operation", "field", "result"}),
		opLatency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "fazhikg_graphql_operation_duration_seconds",
			Help:    "Time to execute a GraphQL operation, by type and first root field.",
			Buckets: buckets,
		}, []string{"operation", "field"}),
		writes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "fazhikg_api_writes_total",
			Help: "Writes through the API: op (ingest, delete, and the refit of the diffusion model after them) and outcome (added, replaced, unchanged, deleted, missing, rejected, refitted, failed).",
		}, []string{"op", "outcome"}),
	}
	m.registry.MustRegister(m.requests, m.latency, m.inFlight, m.operations, m.opLatency, m.writes,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// route names the part of the server a path belongs to: a label of few
// values, whatever the paths asked.
func route(path string) string {
	switch {
	case path == "/graphql":
		return "graphql"
	case path == "/":
		return "graphiql"
	case path == "/explore" || strings.HasPrefix(path, "/explore/"):
		return "explore"
	case strings.HasPrefix(path, "/cayley/"):
		return "cayley"
	case path == "/healthz":
		return "healthz"
	case path == "/metrics":
		return "metrics"
	}
	return "other"
}

// instrument counts requests and times them.
func (m *metrics) instrument(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		m.inFlight.Inc()
		defer m.inFlight.Dec()
		rec := &recorder{ResponseWriter: w, code: http.StatusOK}
		rt := route(r.URL.Path)
		defer func() {
			m.requests.WithLabelValues(rt, strconv.Itoa(rec.code)).Inc()
			m.latency.WithLabelValues(rt).Observe(time.Since(start).Seconds())
		}()
		next.ServeHTTP(rec, r)
	})
}

// recorder remembers the status of a response.
type recorder struct {
	http.ResponseWriter
	code        int
	wroteHeader bool
}

func (r *recorder) WriteHeader(code int) {
	if !r.wroteHeader {
		r.code, r.wroteHeader = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(p []byte) (int, error) {
	r.wroteHeader = true
	return r.ResponseWriter.Write(p)
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// operationMetrics counts and times GraphQL operations.
type operationMetrics struct{ m *metrics }

var _ interface {
	graphql.HandlerExtension
	graphql.ResponseInterceptor
} = operationMetrics{}

func (operationMetrics) ExtensionName() string                   { return "Metrics" }
func (operationMetrics) Validate(graphql.ExecutableSchema) error { return nil }

func (o operationMetrics) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	start := time.Now()
	resp := next(ctx)
	result := "ok"
	if resp != nil && len(resp.Errors) > 0 {
		result = "error"
	}
	o.observe(graphql.GetOperationContext(ctx), result, time.Since(start))
	return resp
}

// observe counts and times one operation; oc is nil for a request that
// named none.
func (o operationMetrics) observe(oc *graphql.OperationContext, result string, took time.Duration) {
	op, field := "invalid", ""
	if oc != nil && oc.Operation != nil {
		op = string(oc.Operation.Operation)
		field = firstField(oc.Operation.SelectionSet)
	}
	o.m.operations.WithLabelValues(op, field, result).Inc()
	o.m.opLatency.WithLabelValues(op, field).Observe(took.Seconds())
}

// firstField returns the name (not the alias) of an operation's first
// root field: one of the schema's, so the label takes few values.
func firstField(set ast.SelectionSet) string {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			return s.Name
		case *ast.InlineFragment:
			if f := firstField(s.SelectionSet); f != "" {
				return f
			}
		case *ast.FragmentSpread:
			if s.Definition != nil {
				if f := firstField(s.Definition.SelectionSet); f != "" {
					return f
				}
			}
		}
	}
	return ""
}

// readToken returns the write token: from the file when one is named,
// else from $FAZHIKG_TOKEN; "" when neither is set.
func readToken(file string) (string, error) {
	var tok, from string
	if file != "" {
		b, err := os.ReadFile(file)
		if err != nil {
			return "", fmt.Errorf("reading the token: %w", err)
		}
		tok, from = strings.TrimSpace(string(b)), file
	} else {
		tok, from = strings.TrimSpace(os.Getenv("FAZHIKG_TOKEN")), "$FAZHIKG_TOKEN"
		if tok == "" {
			return "", nil
		}
	}
	switch {
	case tok == "":
		return "", fmt.Errorf("the token in %s is empty", from)
	case strings.ContainsAny(tok, " \t\r\n"):
		return "", fmt.Errorf("the token in %s holds white space: write it on one line, alone", from)
	case len(tok) < minTokenLength:
		return "", fmt.Errorf("the token in %s is shorter than %d characters (try: head -c 32 /dev/urandom | base64)", from, minTokenLength)
	}
	return tok, nil
}
