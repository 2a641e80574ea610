package main

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// zoneRow is one line of zones.tsv.
type zoneRow struct {
	line    int
	code    string
	parent  string // full name of the parent; "-" for statistical codes
	name    string
	aliases []string
	manages []string // township names
}

// synthetic reports whether a code is one zones.tsv made up: the parent's
// code, "Z" and a two-digit number.
var synthetic = regexp.MustCompile(`^[0-9]{2,9}Z[0-9]{2}$`)

var statistical = regexp.MustCompile(`^[0-9]{6}$`)

// readZones parses zones.tsv; name is used in error messages.
func readZones(r io.Reader, name string) ([]zoneRow, error) {
	var rows []zoneRow
	codes := map[string]int{}
	names := map[string]int{}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 || len(f) > 5 {
			return nil, fmt.Errorf("%s:%d: want 3 to 5 tab-separated fields, have %d", name, n, len(f))
		}
		for len(f) < 5 {
			f = append(f, "")
		}
		z := zoneRow{line: n, code: f[0], parent: f[1], name: f[2], aliases: list(f[3]), manages: list(f[4])}
		switch {
		case synthetic.MatchString(z.code):
			if z.parent == "" || z.parent == "-" {
				return nil, fmt.Errorf("%s:%d: zone %s %s has no parent", name, n, z.code, z.name)
			}
		case statistical.MatchString(z.code):
		default:
			return nil, fmt.Errorf("%s:%d: bad code %q: want a 6-digit statistical code or PARENTZnn", name, n, z.code)
		}
		if z.name == "" {
			return nil, fmt.Errorf("%s:%d: empty name", name, n)
		}
		if prev, ok := codes[z.code]; ok {
			return nil, fmt.Errorf("%s:%d: code %s already on line %d", name, n, z.code, prev)
		}
		if prev, ok := names[z.name]; ok {
			return nil, fmt.Errorf("%s:%d: name %s already on line %d", name, n, z.name, prev)
		}
		codes[z.code], names[z.name] = n, n
		rows = append(rows, z)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return rows, nil
}

func list(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}
