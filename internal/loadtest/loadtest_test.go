package loadtest

import (
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestQuantile(t *testing.T) {
	ms := func(ns ...int) []time.Duration {
		var out []time.Duration
		for _, n := range ns {
			out = append(out, time.Duration(n)*time.Millisecond)
		}
		return out
	}
	hundred := make([]int, 100)
	for i := range hundred {
		hundred[i] = 100 - i // unsorted
	}
	for _, c := range []struct {
		name          string
		in            []time.Duration
		p50, p99, max time.Duration
	}{
		{"empty", nil, 0, 0, 0},
		{"one", ms(7), 7 * time.Millisecond, 7 * time.Millisecond, 7 * time.Millisecond},
		{"two", ms(9, 1), 1 * time.Millisecond, 9 * time.Millisecond, 9 * time.Millisecond},
		{"hundred", ms(hundred...), 50 * time.Millisecond, 99 * time.Millisecond, 100 * time.Millisecond},
	} {
		s := summarize(c.in)
		if s.P50 != c.p50 || s.P99 != c.p99 || s.Max != c.max || s.N != len(c.in) {
			t.Errorf("%s: %+v, want p50 %s p99 %s max %s", c.name, s, c.p50, c.p99, c.max)
		}
	}
}

func TestParseStatus(t *testing.T) {
	status := "Name:\tfazhikg\nVmPeak:\t 2470208 kB\nVmHWM:\t  802400 kB\nVmRSS:\t  795612 kB\nThreads:\t12\n"
	m, err := parseStatus([]byte(status))
	if err != nil || m.RSS != 795612<<10 || m.HWM != 802400<<10 {
		t.Errorf("parseStatus = %+v, %v", m, err)
	}
	for _, bad := range []string{"Name:\tx\n", "VmRSS:\t12 MB\nVmHWM:\t13 kB\n", "VmRSS:\tlots kB\nVmHWM:\t1 kB\n"} {
		if _, err := parseStatus([]byte(bad)); err == nil {
			t.Errorf("parseStatus(%q) did not fail", bad)
		}
	}
	if _, err := readMemory(os.Getpid()); err != nil {
		t.Errorf("reading this process's memory: %v", err)
	}
}

func TestPickFollowsWeights(t *testing.T) {
	qs := []query{{name: "a", weight: 1}, {name: "b", weight: 3}, {name: "c", weight: 0}}
	rng := rand.New(rand.NewPCG(1, 2))
	var n [3]int
	for range 40000 {
		n[pick(rng, qs)]++
	}
	if n[2] != 0 || n[1] < 2*n[0]+n[0]/2 || n[1] > 3*n[0]+n[0]/2 {
		t.Errorf("picks %v for weights 1, 3, 0", n)
	}
}

func TestMixBodies(t *testing.T) {
	n := names{Mechanisms: []string{"府检联动"}, MechanismIDs: []string{"mechanism/府检联动"},
		Jurisdictions: []string{"沂水县"}, PlaceIDs: []string{"jurisdiction/371323"}, Provinces: []string{"山东省"}, Documents: []string{"法治政府建设实施纲要"}}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, q := range mix(n) {
		b := string(q.body(rng))
		if !strings.Contains(b, `"query":`) || q.weight <= 0 {
			t.Errorf("%s: body %s", q.name, b)
		}
		if q.vars != nil && !strings.Contains(b, `"variables":{`) {
			t.Errorf("%s: no variables in %s", q.name, b)
		}
	}
}

// TestLoad runs a short load against a small synthetic store: set
// FAZHIKG_LOAD=1 (it builds fazhikg and a store of 60 reports).
func TestLoad(t *testing.T) {
	if os.Getenv("FAZHIKG_LOAD") == "" {
		t.Skip("set FAZHIKG_LOAD=1 to run a short load test")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "fazhikg")
	build := exec.Command("go", "build", "-o", bin, "github.com/fazhikg/fazhikg/cmd/fazhikg")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building fazhikg: %v\n%s", err, out)
	}
	var log bytes.Buffer
	res, err := Run(context.Background(), Options{
		Binary: bin, Data: filepath.Join(dir, "store"), Places: 20, Years: 3,
		Clients: 8, Duration: 5 * time.Second, Sample: time.Second, Seed: 1, Log: &log,
	})
	if err != nil {
		t.Fatalf("%v\n%s", err, log.String())
	}
	var out bytes.Buffer
	res.WriteTo(&out)
	t.Log("\n" + out.String())
	if res.Requests == 0 || res.Errors != 0 {
		t.Errorf("%d requests, %d errors: %v", res.Requests, res.Errors, res.ErrorKinds)
	}
	if len(res.ByQuery) != len(mix(names{})) {
		t.Errorf("%d kinds of query sent", len(res.ByQuery))
	}
	if res.PeakRSS == 0 || len(res.Memory) < 3 {
		t.Errorf("memory not sampled: %+v", res.Memory)
	}
	if res.Reports != 60 {
		t.Errorf("%d reports served, want 60", res.Reports)
	}
}
