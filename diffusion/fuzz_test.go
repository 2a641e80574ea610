package diffusion

import "testing"

// FuzzInfer feeds arbitrary histories (places known and unknown, any years,
// any cues) to fitting and inference: they must not fail, and every spread
// must keep its invariants.
func FuzzInfer(f *testing.F) {
	f.Add([]byte{0, 1, 0, 1, 2, 1, 2, 3, 2, 9, 4, 5})
	f.Add([]byte{3, 0, 0, 3, 0, 0, 3, 0, 0})
	f.Add([]byte{1, 5, 17, 2, 5, 33, 8, 2, 49, 10, 0, 65})
	codes := make([]string, 0, len(testPlaces)+2)
	for _, p := range testPlaces {
		codes = append(codes, p.Code)
	}
	codes = append(codes, "990101", "")
	f.Fuzz(func(t *testing.T, data []byte) {
		var events []Event
		for i := 0; i+2 < len(data) && len(events) < 40; i += 3 {
			e := Event{
				Place:     codes[int(data[i])%len(codes)],
				Mechanism: []string{"甲", "乙"}[data[i+1]>>7],
				Year:      2015 + int(data[i+1]&15),
			}
			named := codes[int(data[i+2]>>4)%len(codes)]
			switch data[i+2] & 7 {
			case 1:
				e.Cues = append(e.Cues, Cue{Kind: LearnedFrom, Place: named})
			case 2:
				e.Cues = append(e.Cues, Cue{Kind: PromotedBy, Place: named})
			case 3:
				e.Cues = append(e.Cues, Cue{Kind: AdoptedBy, Place: named})
			case 4:
				e.Cues = append(e.Cues, Cue{Kind: Cited, Document: "纲要", DocLevel: DocNational, Year: 2015 + int(data[i+2]>>4)})
			case 5:
				e.Cues = append(e.Cues, Cue{Kind: Cited, Document: "条例", DocLevel: DocProvince})
			case 6:
				e.Cues = append(e.Cues, Cue{Kind: Awarded, Document: "示范"})
			case 7:
				e.Cues = append(e.Cues, Cue{Kind: Cited, Document: "市方案", DocLevel: "city"})
			}
			events = append(events, e)
		}
		r := Infer(testPlaces, events, Options{TopK: 4, MinScore: 0.01})
		w := r.Params.weights()
		for _, v := range append(w.rate[:], w.decay, w.tie, w.innovation, w.document) {
			if !(v > 0) {
				t.Fatalf("fitted weight %v: %+v", v, r.Params)
			}
		}
		checkSpreads(t, r)
		Leaders(testPlaces, events)
		CoAdoption(events)
	})
}
