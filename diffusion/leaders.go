package diffusion

import (
	"cmp"
	"slices"
	"strings"
)

// Leader is one jurisdiction's record as an adopter across mechanisms.
type Leader struct {
	Place string `json:"place"`
	// Score is the early-adopter score: the mean over mechanisms of the
	// share of the other places it adopted before (a place adopting the
	// same year counts half; one that never adopted counts as later);
	// 0 for a mechanism it has not adopted. 1 is always first, 0 never
	// adopting anything.
	Score float64 `json:"score"`
	// Adopted is how many mechanisms it adopted, First how many of them
	// in the mechanism's first year.
	Adopted int `json:"adopted"`
	First   int `json:"first"`
	// Lag is the mean number of years between a mechanism's first
	// adoption anywhere and its own, over the mechanisms it adopted.
	Lag float64 `json:"lag"`
}

// Leaders scores every place (the places given and any other the events
// name) as an early or late adopter over all mechanisms in the events,
// leaders first; places with equal scores by code. A place's standing in
// one mechanism is the share of the other places it precedes: with N
// places of which n adopted, one adopting in year y precedes the N−n that
// never did and the adopters of later years, and half those of year y.
func Leaders(places []Place, events []Event) []Leader {
	codes := make([]string, 0, len(places))
	at := make(map[string]int)
	add := func(c string) {
		if _, ok := at[c]; !ok && c != "" {
			at[c] = len(codes)
			codes = append(codes, c)
		}
	}
	for _, p := range places {
		add(p.Code)
	}
	for _, e := range events {
		add(e.Place)
	}
	out := make([]Leader, len(codes))
	for i, c := range codes {
		out[i].Place = c
	}
	n := len(codes)
	byMech := earliest(events)
	names := make([]string, 0, len(byMech))
	for m := range byMech {
		names = append(names, m)
	}
	slices.Sort(names) // the same sums, in the same order, every time
	for _, m := range names {
		years := byMech[m]
		counts := make(map[int]int) // adopters per year
		first := 0
		for _, y := range years {
			counts[y]++
			if first == 0 || y < first {
				first = y
			}
		}
		later := make(map[int]int) // places after year y: adopters of later years and non-adopters
		for y := range counts {
			l := n - len(years)
			for z, k := range counts {
				if z > y {
					l += k
				}
			}
			later[y] = l
		}
		for place, y := range years {
			l := &out[at[place]]
			if n > 1 {
				l.Score += (float64(later[y]) + float64(counts[y]-1)/2) / float64(n-1)
			}
			l.Adopted++
			l.Lag += float64(y - first)
			if y == first {
				l.First++
			}
		}
	}
	for i := range out {
		if len(byMech) > 0 {
			out[i].Score /= float64(len(byMech))
		}
		if out[i].Adopted > 0 {
			out[i].Lag /= float64(out[i].Adopted)
		}
	}
	slices.SortFunc(out, func(a, b Leader) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return strings.Compare(a.Place, b.Place)
	})
	return out
}

// earliest returns, per mechanism, each adopter's earliest year.
func earliest(events []Event) map[string]map[string]int {
	out := make(map[string]map[string]int)
	for _, e := range events {
		if e.Place == "" {
			continue
		}
		m, ok := out[e.Mechanism]
		if !ok {
			m = make(map[string]int)
			out[e.Mechanism] = m
		}
		if y, ok := m[e.Place]; !ok || e.Year < y {
			m[e.Place] = e.Year
		}
	}
	return out
}
