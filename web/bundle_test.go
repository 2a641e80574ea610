package web_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/fazhikg/fazhikg/web"
)

// sourcesHash hashes the inputs of the bundle as build.mjs does: each of
// build.mjs, package.json, package-lock.json and the files of src/, in
// sorted order, as its path, a NUL, its bytes and a NUL.
func sourcesHash(t *testing.T) string {
	t.Helper()
	inputs := []string{"build.mjs", "package.json", "package-lock.json"}
	entries, err := os.ReadDir("src")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		inputs = append(inputs, "src/"+e.Name())
	}
	sort.Strings(inputs)
	h := sha256.New()
	for _, f := range inputs {
		b, err := os.ReadFile(filepath.FromSlash(f))
		if err != nil {
			t.Fatal(err)
		}
		h.Write([]byte(f + "\x00"))
		h.Write(b)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TestBundleFresh fails when the committed bundle was built from other
// sources than those in src/ (or other packages): edit, then rebuild.
func TestBundleFresh(t *testing.T) {
	got, err := os.ReadFile(filepath.Join("dist", "SOURCES.sha256"))
	if err != nil {
		t.Fatal(err)
	}
	if want := sourcesHash(t); strings.TrimSpace(string(got)) != want {
		t.Fatalf("web/dist is stale: its sources hash to %s, the bundle was built from %s; run `npm ci && npm run build` in web/",
			want, strings.TrimSpace(string(got)))
	}
}

// TestBundleRebuilds rebuilds the bundle when Node and the packages are
// there, and fails when it differs from the committed one: a hand edit of
// dist/, or a build that is not reproducible.
func TestBundleRebuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("rebuilds the bundle: skipped with -short")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed: the bundle's freshness is checked by hash only")
	}
	if _, err := os.Stat(filepath.Join("node_modules", "esbuild")); err != nil {
		t.Skip("web/node_modules is not installed (npm ci): the bundle's freshness is checked by hash only")
	}
	out := t.TempDir()
	cmd := exec.Command(node, "build.mjs", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("node build.mjs: %v\n%s", err, b)
	}
	for _, f := range []string{"index.html", "explorer.js", "explorer.css", "SOURCES.sha256"} {
		want, err := os.ReadFile(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join("dist", f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("dist/%s differs from a fresh build: run `npm run build` in web/", f)
		}
	}
}

func TestHandler(t *testing.T) {
	srv := httptest.NewServer(web.Handler("/explore", ""))
	defer srv.Close()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, tt := range []struct {
		path, wantType, wantBody string
		code                     int
	}{
		{"/explore", "", "", http.StatusMovedPermanently},
		{"/explore/", "text/html", `<script type="module" src="explorer.js">`, http.StatusOK},
		{"/explore/explorer.js", "text/javascript", "graphql", http.StatusOK},
		{"/explore/explorer.css", "text/css", "--accent", http.StatusOK},
		{"/explore/SOURCES.sha256", "", "", http.StatusNotFound},
		{"/explore/nothing.js", "", "", http.StatusNotFound},
	} {
		resp, err := client.Get(srv.URL + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.code {
			t.Errorf("GET %s: %d, want %d", tt.path, resp.StatusCode, tt.code)
			continue
		}
		if !strings.HasPrefix(resp.Header.Get("Content-Type"), tt.wantType) || !strings.Contains(string(body), tt.wantBody) {
			t.Errorf("GET %s: %s, %d bytes; want %s holding %q", tt.path, resp.Header.Get("Content-Type"), len(body), tt.wantType, tt.wantBody)
		}
	}
}
