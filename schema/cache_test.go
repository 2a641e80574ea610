package schema_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
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

// counting is a store that counts the lookups by name and the reads of its
// counts, and fails the next lookup when told to.
type counting struct {
	*graph.Store
	finds, stats atomic.Int64
	failNext     atomic.Bool
}

func (c *counting) Find(ctx context.Context, k graph.Kind, name string) ([]graph.ID, error) {
	c.finds.Add(1)
	if c.failNext.Swap(false) {
		return nil, errors.New("the disk is on fire")
	}
	return c.Store.Find(ctx, k, name)
}

func (c *counting) Stats(ctx context.Context) (graph.Stats, error) {
	c.stats.Add(1)
	return c.Store.Stats(ctx)
}

func TestResponseCache(t *testing.T) {
	const (
		mechanism = `query($m: String!) { mechanism(name: $m) { name reportCount } }`
		stats     = `{ stats { reports } }`
	)
	ask := func(t *testing.T, h http.Handler, q string, vars map[string]any) string {
		t.Helper()
		r := do(t, h, "", q, vars)
		if len(r.Errors) > 0 {
			t.Fatalf("%s: errors %+v", q, r.Errors)
		}
		return string(r.Data)
	}

	t.Run("a question asked again is answered without the store", func(t *testing.T) {
		s := &counting{Store: seeded(t)}
		h := schema.NewHandler(s, schema.Options{})
		first := ask(t, h, mechanism, map[string]any{"m": "府检联动"})
		again := ask(t, h, mechanism, map[string]any{"m": "府检联动"})
		if first != again {
			t.Errorf("the answer changed without a write:\n%s\n%s", first, again)
		}
		if n := s.finds.Load(); n != 1 {
			t.Errorf("Find called %d times for the same question twice, want 1", n)
		}
		ask(t, h, mechanism, map[string]any{"m": "府院联席"})
		if n := s.finds.Load(); n != 2 {
			t.Errorf("Find called %d times after a question with other variables, want 2", n)
		}
	})

	t.Run("a write makes the store answer again", func(t *testing.T) {
		s := &counting{Store: seeded(t)}
		h := schema.NewHandler(s, schema.Options{})
		before := ask(t, h, stats, nil)
		ask(t, h, stats, nil)
		r := graphtest.Jiaxiang2023()
		r.Name, r.Year = "jiaxiang-2024.txt", 2024
		if _, err := s.PutReports(context.Background(), []*extract.Report{r}); err != nil {
			t.Fatal(err)
		}
		after := ask(t, h, stats, nil)
		if before == after {
			t.Errorf("stats after a new report = %s, the answer from before the write", after)
		}
		if n := s.stats.Load(); n != 2 {
			t.Errorf("Stats called %d times, want 2 (once before the write, once after)", n)
		}
	})

	t.Run("errors are not kept", func(t *testing.T) {
		s := &counting{Store: seeded(t)}
		h := schema.NewHandler(s, schema.Options{})
		s.failNext.Store(true)
		if r := do(t, h, "", mechanism, map[string]any{"m": "府检联动"}); len(r.Errors) == 0 {
			t.Fatalf("no error from a failing store: %s", r.Data)
		}
		ask(t, h, mechanism, map[string]any{"m": "府检联动"})
		if n := s.finds.Load(); n != 2 {
			t.Errorf("Find called %d times, want 2: the failed answer must not be kept", n)
		}
	})

	t.Run("off", func(t *testing.T) {
		s := &counting{Store: seeded(t)}
		h := schema.NewHandler(s, schema.Options{CacheBytes: -1})
		for range 3 {
			ask(t, h, mechanism, map[string]any{"m": "府检联动"})
		}
		if n := s.finds.Load(); n != 3 {
			t.Errorf("Find called %d times for three questions with the cache off, want 3", n)
		}
	})

	t.Run("bounded", func(t *testing.T) {
		s := &counting{Store: seeded(t)}
		// Each answer ({"mechanism":null} and its key) takes 50 bytes:
		// room for eight.
		h := schema.NewHandler(s, schema.Options{CacheBytes: 400})
		for i := range 20 {
			ask(t, h, mechanism, map[string]any{"m": fmt.Sprint("无此机制", i)})
		}
		ask(t, h, mechanism, map[string]any{"m": "无此机制19"})
		if n := s.finds.Load(); n != 20 {
			t.Errorf("Find called %d times, want 20: the last answer should still be kept", n)
		}
		ask(t, h, mechanism, map[string]any{"m": "无此机制0"})
		if n := s.finds.Load(); n != 21 {
			t.Errorf("Find called %d times, want 21: the first answer should have made room for later ones", n)
		}
	})
}

// TestReplay checks that a POST asked again is answered with the bytes
// sent the first time, without running the operation, and only then.
func TestReplay(t *testing.T) {
	s := &counting{Store: seeded(t)}
	var replays []string
	h := schema.NewHandler(s, schema.Options{Replayed: func(oc *graphql.OperationContext, _ time.Duration) {
		replays = append(replays, oc.RawQuery)
	}})
	post := func(body, accept string) *httptest.ResponseRecorder {
		if accept == "" {
			return send(h, []byte(body))
		}
		return send(h, []byte(body), "Accept: "+accept)
	}
	const q = `{"query":"{ mechanism(name: \"府检联动\") { name reportCount } }"}`

	first := post(q, "")
	again := post(q, "")
	if first.Code != http.StatusOK || again.Code != http.StatusOK {
		t.Fatalf("status %d then %d", first.Code, again.Code)
	}
	if !bytes.Equal(first.Body.Bytes(), again.Body.Bytes()) {
		t.Errorf("replayed answer differs:\n%s\n%s", first.Body, again.Body)
	}
	if a, b := first.Header().Get("Content-Type"), again.Header().Get("Content-Type"); a != b || a == "" {
		t.Errorf("Content-Type %q, then %q", a, b)
	}
	if len(replays) != 1 || !strings.Contains(replays[0], "府检联动") {
		t.Errorf("replays reported: %q, want the query once", replays)
	}

	// The Accept header chooses the content type: not the same answer.
	other := post(q, "application/graphql-response+json")
	if got := other.Header().Get("Content-Type"); !strings.HasPrefix(got, "application/graphql-response+json") {
		t.Errorf("Content-Type for Accept: application/graphql-response+json = %q", got)
	}
	if len(replays) != 1 {
		t.Errorf("a request with another Accept header was replayed")
	}

	// Answers with errors are not replayed.
	bad := `{"query":"{ mechanism(name: \"府检联动\") { nosuchfield } }"}`
	post(bad, "")
	if w := post(bad, ""); w.Code == http.StatusOK && len(replays) != 1 {
		t.Errorf("an answer with errors was replayed")
	}

	// A write: the same body is answered afresh.
	finds := s.finds.Load()
	r := graphtest.Jiaxiang2023()
	r.Name, r.Year = "jiaxiang-2024.txt", 2024
	if _, err := s.PutReports(context.Background(), []*extract.Report{r}); err != nil {
		t.Fatal(err)
	}
	post(q, "")
	if s.finds.Load() != finds+1 || len(replays) != 1 {
		t.Errorf("after a write: %d more lookups and %d replays, want 1 and still 1", s.finds.Load()-finds, len(replays))
	}
}
