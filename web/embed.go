// Package web is the graph explorer, the page fazhikg serve shows at
// /explore: search with completion, the neighbourhood of a node drawn by
// sigma.js (WebGL) with an evidence panel, the spread of a mechanism on a
// timeline, and exports. It reads the public GraphQL API only, so any
// client can do what it does.
//
// The sources are in src/ (plain ES modules); build.mjs bundles them with
// their npm packages (sigma, graphology, ForceAtlas2) into dist/, which is
// committed and embedded, so that go install needs no Node. After editing
// src/, run from web/:
//
//	npm ci && npm run build
//
// TestBundleFresh fails when dist/ was not rebuilt after a change of the
// sources or the packages: dist/SOURCES.sha256 holds the hash of every
// input, and the test hashes them again.
package web

import (
	"embed"
	"io/fs"
	"net/http"
	"os"
	"strings"
)

//go:embed dist
var dist embed.FS

// Assets returns the built explorer: index.html, explorer.js,
// explorer.css.
func Assets() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // the directory is embedded: cannot happen
	}
	return sub
}

// Handler serves the explorer under prefix (such as "/explore"): the page
// at prefix + "/" (prefix alone redirects there) and its assets beside it.
// When dir is not "", the files are read from that directory instead of
// the binary (web/dist in a checkout), so that a rebuilt bundle shows
// without rebuilding the binary.
func Handler(prefix, dir string) http.Handler {
	assets := Assets()
	if dir != "" {
		assets = os.DirFS(dir)
	}
	files := http.StripPrefix(prefix, http.FileServer(http.FS(assets)))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == prefix {
			http.Redirect(w, r, prefix+"/", http.StatusMovedPermanently)
			return
		}
		if strings.HasSuffix(r.URL.Path, ".sha256") {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
}
