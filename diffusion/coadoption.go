package diffusion

import (
	"cmp"
	"slices"
	"strings"
)

// Pair is two mechanisms and the places that adopted both.
type Pair struct {
	A      string `json:"a"` // A < B
	B      string `json:"b"`
	CountA int    `json:"countA"` // places that adopted A
	CountB int    `json:"countB"` // places that adopted B
	Both   int    `json:"both"`   // places that adopted both
	Places int    `json:"places"` // places that adopted any mechanism
	// Lift is Both·Places/(CountA·CountB): how much more often the two go
	// together than if places took them up independently (1).
	Lift float64 `json:"lift"`
	// Jaccard is Both over the places that adopted either.
	Jaccard float64 `json:"jaccard"`
	// Of the places with both: A in an earlier year than B, B earlier,
	// the same year.
	AFirst   int `json:"aFirst"`
	BFirst   int `json:"bFirst"`
	SameYear int `json:"sameYear"`
}

// CoAdoption returns every pair of mechanisms that at least one place
// adopted both of, by lift (highest first), then by Both, then by name.
// The places counted are those the events name; a place's year for a
// mechanism is its earliest.
func CoAdoption(events []Event) []Pair {
	byMech := earliest(events)
	places := make(map[string]bool)
	names := make([]string, 0, len(byMech))
	for m, ys := range byMech {
		names = append(names, m)
		for p := range ys {
			places[p] = true
		}
	}
	slices.Sort(names)
	n := len(places)
	var out []Pair
	for i, a := range names {
		for _, b := range names[i+1:] {
			ya, yb := byMech[a], byMech[b]
			p := Pair{A: a, B: b, CountA: len(ya), CountB: len(yb), Places: n}
			small, big, swap := ya, yb, false
			if len(yb) < len(ya) {
				small, big, swap = yb, ya, true
			}
			for place, y1 := range small {
				y2, ok := big[place]
				if !ok {
					continue
				}
				p.Both++
				if swap {
					y1, y2 = y2, y1
				}
				switch {
				case y1 < y2:
					p.AFirst++
				case y1 > y2:
					p.BFirst++
				default:
					p.SameYear++
				}
			}
			if p.Both == 0 {
				continue
			}
			p.Lift = float64(p.Both) * float64(n) / (float64(p.CountA) * float64(p.CountB))
			p.Jaccard = float64(p.Both) / float64(p.CountA+p.CountB-p.Both)
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(x, y Pair) int {
		if c := cmp.Compare(y.Lift, x.Lift); c != 0 {
			return c
		}
		if c := cmp.Compare(y.Both, x.Both); c != 0 {
			return c
		}
		if c := strings.Compare(x.A, y.A); c != 0 {
			return c
		}
		return strings.Compare(x.B, y.B)
	})
	return out
}
