package main

import (
	"bufio"
	"compress/gzip"
	"io"
	"strings"
)

// header opens the data file; the gazetteer package documents the columns.
const header = `# fazhikg gazetteer, derived from ` + pkg + ` and zones.tsv by extract/gazetteer/derive; do not edit.
# code	level	parent	name	aliases	short
`

// write writes the places as a gzip'd TSV, one place a line, in the order
// given. The gzip header carries no name or time, so equal data gives equal
// bytes.
func write(w io.Writer, places []*place) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if err := writeTSV(zw, places); err != nil {
		return err
	}
	return zw.Close()
}

func writeTSV(w io.Writer, places []*place) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(header)
	for _, p := range places {
		parent := ""
		if p.parent != nil {
			parent = p.parent.code
		}
		bw.WriteString(strings.Join([]string{
			p.code, p.level, parent, p.name,
			strings.Join(p.aliases, ","), strings.Join(p.short, ","),
		}, "\t"))
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
