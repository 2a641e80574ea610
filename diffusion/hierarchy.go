package diffusion

import "fmt"

// Place levels used by the simulator and the synthetic hierarchy; any other
// level a caller gives is kept as is.
const (
	LevelProvince = "province"
	LevelCity     = "city"
	LevelCounty   = "county"
)

// Document scopes (Cue.DocLevel, DocumentSpec.Level).
const (
	DocNational = "national"
	DocProvince = "province"
)

// path kinds as small integers, in the order of PathKinds.
const (
	kParentChild = iota
	kChildParent
	kSiblings
	kProvince
	kNational
	numKinds
)

// pathNames returns the path kinds by their small integers.
func pathNames() [numKinds]string {
	return [numKinds]string{PathParentChild, PathChildParent, PathSiblings, PathProvince, PathNational}
}

// PathKinds returns the path kinds, from the closest relation to the
// farthest.
func PathKinds() []string {
	names := pathNames()
	return names[:]
}

// hierarchy indexes places for constant-time path lookups. It is read-only
// once built and safe for concurrent use.
type hierarchy struct {
	places []Place
	index  map[string]int
	// interned codes: self, parent and province of each place; -1 none.
	self, parent, province []int32
	provinceSize           map[int32]int
	ids                    map[string]int32 // the interned codes
}

func newHierarchy(places []Place) *hierarchy {
	h := &hierarchy{index: make(map[string]int, len(places)), provinceSize: make(map[int32]int)}
	byCode := make(map[string]Place, len(places))
	for _, p := range places {
		if p.Code == "" {
			continue
		}
		if _, dup := h.index[p.Code]; dup {
			continue
		}
		h.index[p.Code] = len(h.places)
		h.places = append(h.places, p)
		byCode[p.Code] = p
	}
	ids := make(map[string]int32)
	h.ids = ids
	intern := func(code string) int32 {
		if code == "" {
			return -1
		}
		id, ok := ids[code]
		if !ok {
			id = int32(len(ids))
			ids[code] = id
		}
		return id
	}
	for _, p := range h.places {
		h.self = append(h.self, intern(p.Code))
		h.parent = append(h.parent, intern(p.Parent))
		h.province = append(h.province, intern(provinceOf(p, byCode)))
	}
	for _, pr := range h.province {
		if pr >= 0 {
			h.provinceSize[pr]++
		}
	}
	return h
}

// provinceOf is the place's province: as given, or its topmost ancestor
// among the places.
func provinceOf(p Place, byCode map[string]Place) string {
	if p.Province != "" {
		return p.Province
	}
	seen := map[string]bool{p.Code: true}
	for p.Parent != "" {
		up, ok := byCode[p.Parent]
		if !ok || seen[up.Code] {
			return p.Parent
		}
		if up.Province != "" {
			return up.Province
		}
		seen[up.Code] = true
		p = up
	}
	return p.Code
}

// provinceID is the interned code of a province, -1 if no place is in it.
func (h *hierarchy) provinceID(code string) int32 {
	if id, ok := h.ids[code]; ok {
		return id
	}
	return -1
}

// with returns the hierarchy extended by codes it does not know, as
// places with no parent and no province (related to every other place
// only nationally); h itself if there are none.
func (h *hierarchy) with(codes []string) *hierarchy {
	var extra []Place
	seen := make(map[string]bool)
	for _, c := range codes {
		if _, ok := h.index[c]; !ok && c != "" && !seen[c] {
			seen[c] = true
			extra = append(extra, Place{Code: c, Name: c})
		}
	}
	if len(extra) == 0 {
		return h
	}
	return newHierarchy(append(append([]Place(nil), h.places...), extra...))
}

// kind is the path kind from source s to target t (place indices, s ≠ t);
// an unknown place (-1) relates to others only nationally.
func (h *hierarchy) kind(s, t int) int {
	if s < 0 || t < 0 {
		return kNational
	}
	switch {
	case h.parent[t] >= 0 && h.parent[t] == h.self[s]:
		return kParentChild
	case h.parent[s] >= 0 && h.parent[s] == h.self[t]:
		return kChildParent
	case h.parent[s] >= 0 && h.parent[s] == h.parent[t]:
		return kSiblings
	case h.province[s] >= 0 && h.province[s] == h.province[t]:
		return kProvince
	}
	return kNational
}

// ancestor reports whether s is t's parent or t's province.
func (h *hierarchy) ancestor(s, t int) bool {
	if s < 0 || t < 0 {
		return false
	}
	return h.parent[t] == h.self[s] || h.province[t] == h.self[s]
}

// Path returns how the place with code source relates to the place with
// code target: one of the path kinds (PathParentChild …), PathNational for
// places it does not know.
func Path(places []Place, source, target string) string {
	h := newHierarchy(places)
	s, ok := h.index[source]
	if !ok {
		s = -1
	}
	t, ok := h.index[target]
	if !ok {
		t = -1
	}
	return pathNames()[h.kind(s, t)]
}

// SyntheticPlaces builds a hierarchy for tests and simulations without the
// gazetteer: provinces, each with cities, each with counties (the count
// varies between cities by up to two either way, deterministically, so that
// parents have different numbers of children). Codes follow the national
// scheme: 110000 for a province, 110100 for its first city, 110101 for that
// city's first county.
func SyntheticPlaces(provinces, cities, counties int) []Place {
	var out []Place
	for p := range provinces {
		pc := fmt.Sprintf("%02d0000", 11+p)
		pn := fmt.Sprintf("省%02d", 11+p)
		out = append(out, Place{Code: pc, Name: pn, Province: pc, Level: LevelProvince})
		for c := range cities {
			cc := fmt.Sprintf("%02d%02d00", 11+p, c+1)
			cn := fmt.Sprintf("%s市%02d", pn, c+1)
			out = append(out, Place{Code: cc, Name: cn, Parent: pc, Province: pc, Level: LevelCity})
			n := counties
			if counties > 2 {
				n += (p*7+c*3)%5 - 2
			}
			for k := range n {
				out = append(out, Place{
					Code:     fmt.Sprintf("%02d%02d%02d", 11+p, c+1, k+1),
					Name:     fmt.Sprintf("%s县%02d", cn, k+1),
					Parent:   cc,
					Province: pc,
					Level:    LevelCounty,
				})
			}
		}
	}
	return out
}
