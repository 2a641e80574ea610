package cli

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
)

// input is a file to read and the name its report is stored under.
type input struct {
	path string
	// name identifies the report across versions: the path relative to
	// the folder given on the command line, without extension, or the
	// base name of a file given directly.
	name string
}

// reportExts are the extensions of files read from folders. A file named
// on the command line is read whatever its extension.
var reportExts = map[string]bool{".txt": true, ".text": true, ".html": true, ".htm": true, ".xhtml": true, ".shtml": true}

// collectInputs expands files and folders into inputs, in a stable order.
// Problems with single paths go to fail and do not stop the walk.
func collectInputs(args []string, fail func(path string, err error)) []input {
	var out []input
	seen := map[string]bool{}
	add := func(in input) {
		if !seen[in.path] {
			seen[in.path] = true
			out = append(out, in)
		}
	}
	for _, arg := range args {
		fi, err := os.Stat(arg)
		if err != nil {
			fail(arg, err)
			continue
		}
		if !fi.IsDir() {
			add(input{path: arg, name: stem(filepath.Base(arg))})
			continue
		}
		walk(arg, arg, map[fileID]bool{}, add, fail)
	}
	return out
}

type fileID struct{ dev, ino uint64 }

func idOf(fi os.FileInfo) (fileID, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileID{}, false
	}
	return fileID{uint64(st.Dev), uint64(st.Ino)}, true
}

// walk lists report files under dir, following symbolic links to folders
// but never into a folder already being walked (a link loop).
func walk(root, dir string, onPath map[fileID]bool, add func(input), fail func(string, error)) {
	fi, err := os.Stat(dir)
	if err != nil {
		fail(dir, err)
		return
	}
	if id, ok := idOf(fi); ok {
		if onPath[id] {
			fail(dir, fmt.Errorf("symbolic link loop"))
			return
		}
		onPath[id] = true
		defer delete(onPath, id)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		fail(dir, err)
		return
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		p := filepath.Join(dir, name)
		mode := e.Type()
		if mode&fs.ModeSymlink != 0 {
			st, err := os.Stat(p)
			if err != nil {
				fail(p, err)
				continue
			}
			mode = st.Mode().Type()
		}
		switch {
		case mode.IsDir():
			walk(root, p, onPath, add, fail)
		case mode.IsRegular() || mode&fs.ModeSymlink != 0:
			if !reportExts[strings.ToLower(filepath.Ext(name))] {
				continue
			}
			rel, err := filepath.Rel(root, p)
			if err != nil {
				rel = name
			}
			add(input{path: p, name: filepath.ToSlash(stem(rel))})
		}
	}
}

func stem(p string) string { return strings.TrimSuffix(p, filepath.Ext(p)) }
