package diffusion

import (
	"slices"
)

// RollUp returns the events with each mechanism replaced by its family
// (family maps a member to its family's name; mechanisms it does not map
// stay as they are), one event per place and family: the earliest year any
// member was reported, with the cues of every member's events, each once.
// A family's spread is then the spread of its rolled-up events.
func RollUp(events []Event, family map[string]string) []Event {
	type k struct{ mechanism, place string }
	at := make(map[k]int)
	var out []Event
	for _, e := range events {
		name := e.Mechanism
		if f, ok := family[name]; ok {
			name = f
		}
		i, ok := at[k{name, e.Place}]
		if !ok {
			i = len(out)
			at[k{name, e.Place}] = i
			out = append(out, Event{Place: e.Place, Mechanism: name, Year: e.Year})
		}
		r := &out[i]
		r.Year = min(r.Year, e.Year)
		for _, c := range e.Cues {
			if !slices.Contains(r.Cues, c) {
				r.Cues = append(r.Cues, c)
			}
		}
	}
	slices.SortFunc(out, func(a, b Event) int {
		return cmpEvent(a.Mechanism, a.Year, a.Place, b.Mechanism, b.Year, b.Place)
	})
	return out
}
