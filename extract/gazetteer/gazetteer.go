package gazetteer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:generate go run ./derive -zones zones.tsv -o places.tsv.gz

//go:embed places.tsv.gz
var placesData []byte

// ErrData is wrapped by the errors of Load for input that is not a valid
// gazetteer file: a malformed line, an unknown level, a missing parent.
var ErrData = errors.New("gazetteer: malformed data")

// Gazetteer holds the places and finds them by code, by name and in text.
// It is safe for concurrent use.
type Gazetteer struct {
	places    []*Place // in file order
	provinces []*Place
	byCode    map[string]*Place
	byName    map[string][]*Place

	// ByFullName's index is built on first use.
	fullOnce sync.Once
	byFull   map[string][]*Place

	// The automaton of Scan is built on first use.
	scanOnce sync.Once
	scan     *scanner
}

var (
	defaultOnce sync.Once
	defaultG    *Gazetteer
)

// Default returns the gazetteer of the embedded data, loaded on first use.
func Default() *Gazetteer {
	defaultOnce.Do(func() {
		g, err := Load(context.Background(), bytes.NewReader(placesData))
		if err != nil {
			panic(fmt.Sprintf("gazetteer: embedded places.tsv.gz: %v", err))
		}
		defaultG = g
	})
	return defaultG
}

// Load reads a gazetteer file, gzip'd or not: a TSV with one place a line,
// columns code, level, parent code, name, aliases and short names (lists
// comma-separated); lines starting with # are comments. Parents may come
// after their children.
func Load(ctx context.Context, r io.Reader) (*Gazetteer, error) {
	br := bufio.NewReader(r)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("gazetteer.Load: %w", err)
		}
		defer zr.Close()
		br = bufio.NewReader(zr)
	}

	g := &Gazetteer{byCode: make(map[string]*Place, 1<<16)}
	parents := map[*Place]string{}
	lines := map[*Place]int{}
	sc := bufio.NewScanner(br)
	n := 0
	for sc.Scan() {
		n++
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("gazetteer.Load: %w", err)
			}
		}
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		if !utf8.ValidString(line) {
			return nil, fmt.Errorf("gazetteer.Load: line %d: invalid UTF-8: %w", n, ErrData)
		}
		f := strings.Split(line, "\t")
		if len(f) != 6 {
			return nil, fmt.Errorf("gazetteer.Load: line %d: %d fields, want 6: %w", n, len(f), ErrData)
		}
		p := &Place{Code: f[0], Level: Level(f[1]), Name: f[3], Aliases: names(f[4]), ShortNames: names(f[5])}
		switch {
		case p.Code == "" || p.Name == "":
			return nil, fmt.Errorf("gazetteer.Load: line %d: empty code or name: %w", n, ErrData)
		case p.Level.rank() < Province.rank() || p.Level == Village:
			return nil, fmt.Errorf("gazetteer.Load: line %d: %s: bad level %q: %w", n, p.Code, f[1], ErrData)
		case g.byCode[p.Code] != nil:
			return nil, fmt.Errorf("gazetteer.Load: line %d: duplicate code %s: %w", n, p.Code, ErrData)
		case (p.Level == Province) != (f[2] == ""):
			return nil, fmt.Errorf("gazetteer.Load: line %d: %s: provinces and only they have no parent: %w", n, p.Code, ErrData)
		}
		g.byCode[p.Code] = p
		g.places = append(g.places, p)
		parents[p] = f[2]
		lines[p] = n
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gazetteer.Load: line %d: %w", n+1, err)
	}

	for _, p := range g.places {
		if p.Level == Province {
			g.provinces = append(g.provinces, p)
			continue
		}
		parent := g.byCode[parents[p]]
		if parent == nil {
			return nil, fmt.Errorf("gazetteer.Load: line %d: %s: no parent %s: %w", lines[p], p.Code, parents[p], ErrData)
		}
		// A parent ranking above its child rules out cycles.
		if parent.Level.rank() >= p.Level.rank() {
			return nil, fmt.Errorf("gazetteer.Load: line %d: %s: a %s cannot hang under the %s %s: %w",
				lines[p], p.Code, p.Level, parent.Level, parent.Code, ErrData)
		}
		p.Parent = parent
		parent.children = append(parent.children, p)
	}
	for _, p := range g.places {
		slices.SortFunc(p.children, byLevelAndCode)
	}
	slices.SortFunc(g.provinces, byLevelAndCode)

	g.byName = make(map[string][]*Place, 2*len(g.places))
	for _, p := range g.places {
		p.scanned = p.Level != Township || hasTownshipSuffix(p.Name)
		p.generic = (p.Level == County || p.Level == Zone) && utf8.RuneCountInString(p.Name) == 2 && strings.HasSuffix(p.Name, "区")
		for _, name := range p.names() {
			if !slices.Contains(g.byName[name], p) {
				g.byName[name] = append(g.byName[name], p)
			}
		}
	}
	for _, list := range g.byName {
		slices.SortFunc(list, byLevelAndCode)
	}
	return g, nil
}

func names(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// names returns the official name, the aliases and the short names.
func (p *Place) names() []string {
	out := make([]string, 0, 1+len(p.Aliases)+len(p.ShortNames))
	out = append(out, p.Name)
	out = append(out, p.Aliases...)
	return append(out, p.ShortNames...)
}

func byLevelAndCode(a, b *Place) int {
	if d := a.Level.rank() - b.Level.rank(); d != 0 {
		return d
	}
	return strings.Compare(a.Code, b.Code)
}

// townshipSuffixes are the endings of the names of towns, townships and
// streets; township-level units named otherwise (农场, 监狱, 开发区 …) are
// not scanned for. The derive command gives short names by the same list
// (it cannot import this package, whose data it makes).
var townshipSuffixes = []string{"街道办事处", "民族乡", "办事处", "街道", "苏木", "地区", "镇", "乡"}

func hasTownshipSuffix(name string) bool {
	for _, s := range townshipSuffixes {
		if strings.HasSuffix(name, s) && name != s {
			return true
		}
	}
	return false
}

// Len returns the number of places.
func (g *Gazetteer) Len() int { return len(g.places) }

// ByCode returns the place with the code, or nil. The codes of
// placeholders (1101 市辖区 of 北京市) name no place.
func (g *Gazetteer) ByCode(code string) *Place { return g.byCode[code] }

// ByFullName returns the place with the full name (浙江省嘉兴市秀洲区), or
// nil; when two places share a full name, the one with the smaller code.
func (g *Gazetteer) ByFullName(full string) *Place {
	g.fullOnce.Do(func() {
		g.byFull = make(map[string][]*Place, len(g.places))
		for _, p := range g.places {
			name := p.FullName()
			g.byFull[name] = append(g.byFull[name], p)
		}
	})
	if list := g.byFull[full]; len(list) > 0 {
		return slices.MinFunc(list, func(a, b *Place) int { return strings.Compare(a.Code, b.Code) })
	}
	return nil
}

// Lookup returns the places whose official name, alias or short name is
// exactly name, higher levels first, then by code. 东山街道 gives a dozen
// streets; 朝阳 gives 朝阳市 and several 朝阳区 and 朝阳县.
func (g *Gazetteer) Lookup(name string) []*Place {
	return slices.Clone(g.byName[name])
}

// Children returns the places directly under p, higher levels first, then
// by code; the provinces when p is nil.
func (g *Gazetteer) Children(p *Place) []*Place {
	if p == nil {
		return slices.Clone(g.provinces)
	}
	return slices.Clone(p.children)
}
