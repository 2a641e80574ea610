package cli

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"

	"github.com/fazhikg/fazhikg/diffusion"
	"github.com/fazhikg/fazhikg/graph"
)

// The exports for analysts' own diffusion models: the cascades as a long
// table, the SNAP/NetInf cascade format, and a jurisdiction-year panel for
// event-history analysis. All work on mechanism families (a family's
// adoption is the earliest of any member), with the adoptions reports state
// as achieved or in place.

// cascadeData is what the three exports share.
type cascadeData struct {
	places   map[string]diffusion.Place
	events   []diffusion.Event // rolled up: one per family and place, earliest year
	families []string
	observed map[string][]int
}

func loadCascades(ctx context.Context, s *graph.Store) (*cascadeData, error) {
	places, events, root, err := s.DiffusionInput(ctx)
	if err != nil {
		return nil, err
	}
	observed, err := s.ObservedYears(ctx)
	if err != nil {
		return nil, err
	}
	d := &cascadeData{places: map[string]diffusion.Place{}, observed: observed}
	for _, p := range places {
		d.places[p.Code] = p
	}
	d.events = diffusion.RollUp(events, root)
	sort.Slice(d.events, func(i, j int) bool {
		a, b := d.events[i], d.events[j]
		if a.Mechanism != b.Mechanism {
			return a.Mechanism < b.Mechanism
		}
		if a.Year != b.Year {
			return a.Year < b.Year
		}
		return a.Place < b.Place
	})
	for _, e := range d.events {
		if len(d.families) == 0 || d.families[len(d.families)-1] != e.Mechanism {
			d.families = append(d.families, e.Mechanism)
		}
	}
	return d, nil
}

func (d *cascadeData) name(code string) string { return d.places[code].Name }

// writeCascades writes one row per family and adopting place.
func writeCascades(w io.Writer, d *cascadeData) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"mechanism", "jurisdiction_code", "jurisdiction", "year", "level", "province_code", "province", "parent_code", "parent", "explicit_source"})
	for _, e := range d.events {
		p := d.places[e.Place]
		source := ""
		for _, c := range e.Cues {
			if (c.Kind == diffusion.LearnedFrom || c.Kind == diffusion.PromotedBy) && c.Place != e.Place {
				source = c.Place
				break
			}
		}
		cw.Write([]string{e.Mechanism, e.Place, p.Name, strconv.Itoa(e.Year), p.Level, p.Province, d.name(p.Province),
			p.Parent, d.name(p.Parent), source})
	}
	cw.Flush()
	return cw.Error()
}

// writeNetInf writes the cascades in the format of SNAP's NetInf: the
// nodes as "id,name", a blank line, then one cascade per family as
// "node,time,node,time,…" in time order (the year adopted).
func writeNetInf(w io.Writer, d *cascadeData) error {
	ids := map[string]int{}
	var codes []string
	for _, e := range d.events {
		if _, ok := ids[e.Place]; !ok {
			ids[e.Place] = 0
			codes = append(codes, e.Place)
		}
	}
	slices.Sort(codes)
	bw := &errWriter{w: w}
	for i, c := range codes {
		ids[c] = i
		fmt.Fprintf(bw, "%d,%s\n", i, d.name(c))
	}
	fmt.Fprintln(bw)
	i := 0
	for _, fam := range d.families {
		sep := ""
		for ; i < len(d.events) && d.events[i].Mechanism == fam; i++ {
			fmt.Fprintf(bw, "%s%d,%d", sep, ids[d.events[i].Place], d.events[i].Year)
			sep = ","
		}
		fmt.Fprintln(bw)
	}
	return bw.err
}

// writeEHA writes a jurisdiction-year panel per family for event-history
// analysis: every year a place's reports cover, from the family's first
// adoption anywhere until the place adopts (that year included), with
// whether it adopted, the share of its siblings (same parent) and of its
// province's places that had adopted by the year before, whether its parent
// had, and whether a national or provincial document calling for the
// mechanism had been cited by then by a place in its scope.
func writeEHA(w io.Writer, d *cascadeData) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"mechanism", "jurisdiction_code", "jurisdiction", "year", "adopted", "level", "province_code",
		"parent_code", "years_since_first", "siblings", "siblings_adopted_share", "province_places",
		"province_adopted_share", "parent_adopted", "document_cited"})
	// observed places, by parent and province
	var observed []string
	for c := range d.observed {
		if _, ok := d.places[c]; ok {
			observed = append(observed, c)
		}
	}
	slices.Sort(observed)
	byParent, byProvince := map[string][]string{}, map[string][]string{}
	for _, c := range observed {
		p := d.places[c]
		byParent[p.Parent] = append(byParent[p.Parent], c)
		byProvince[p.Province] = append(byProvince[p.Province], c)
	}
	i := 0
	for _, fam := range d.families {
		adopted := map[string]int{}
		docs := map[string]int{} // scope ("" national, or a province code) → first year cited
		first := 0
		for ; i < len(d.events) && d.events[i].Mechanism == fam; i++ {
			e := d.events[i]
			adopted[e.Place] = e.Year
			if first == 0 || e.Year < first {
				first = e.Year
			}
			for _, c := range e.Cues {
				if c.Kind != diffusion.Cited {
					continue
				}
				scope := ""
				if c.DocLevel == "province" {
					scope = d.places[e.Place].Province
				}
				if y, ok := docs[scope]; !ok || e.Year < y {
					docs[scope] = e.Year
				}
			}
		}
		share := func(group []string, self string, year int) (int, string) {
			n, k := 0, 0
			for _, c := range group {
				if c == self {
					continue
				}
				n++
				if y, ok := adopted[c]; ok && y < year {
					k++
				}
			}
			if n == 0 {
				return 0, ""
			}
			return n, strconv.FormatFloat(float64(k)/float64(n), 'f', 3, 64)
		}
		for _, c := range observed {
			p := d.places[c]
			for _, y := range d.observed[c] {
				if y < first {
					continue
				}
				ay, did := adopted[c]
				if did && y > ay {
					break
				}
				sibs, sibShare := share(byParent[p.Parent], c, y)
				provs, provShare := share(byProvince[p.Province], c, y)
				parent := "0"
				if py, ok := adopted[p.Parent]; ok && py < y {
					parent = "1"
				}
				doc := "0"
				if dy, ok := docs[""]; ok && dy <= y {
					doc = "1"
				}
				if dy, ok := docs[p.Province]; ok && dy <= y {
					doc = "1"
				}
				outcome := "0"
				if did && y == ay {
					outcome = "1"
				}
				cw.Write([]string{fam, c, p.Name, strconv.Itoa(y), outcome, p.Level, p.Province, p.Parent,
					strconv.Itoa(y - first), strconv.Itoa(sibs), sibShare, strconv.Itoa(provs), provShare, parent, doc})
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// errWriter keeps the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}
