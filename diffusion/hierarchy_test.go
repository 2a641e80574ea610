package diffusion

import "testing"

// testPlaces is a small hierarchy: province 11 with cities 1101 (counties
// 110101, 110102, 110103) and 1102 (county 110201); province 12 with city
// 1201 (county 120101).
var testPlaces = []Place{
	{Code: "110000", Name: "甲省", Province: "110000", Level: LevelProvince},
	{Code: "110100", Name: "甲省一市", Parent: "110000", Province: "110000", Level: LevelCity},
	{Code: "110101", Name: "一市东县", Parent: "110100", Province: "110000", Level: LevelCounty},
	{Code: "110102", Name: "一市西县", Parent: "110100", Province: "110000", Level: LevelCounty},
	{Code: "110103", Name: "一市南县", Parent: "110100", Province: "110000", Level: LevelCounty},
	{Code: "110200", Name: "甲省二市", Parent: "110000", Province: "110000", Level: LevelCity},
	{Code: "110201", Name: "二市北县", Parent: "110200", Province: "110000", Level: LevelCounty},
	{Code: "120000", Name: "乙省", Province: "120000", Level: LevelProvince},
	{Code: "120100", Name: "乙省一市", Parent: "120000", Province: "120000", Level: LevelCity},
	{Code: "120101", Name: "乙一市县", Parent: "120100", Province: "120000", Level: LevelCounty},
}

func TestPath(t *testing.T) {
	for _, c := range []struct {
		name, source, target, want string
	}{
		{"city to its county", "110100", "110101", PathParentChild},
		{"province to its city", "110000", "110100", PathParentChild},
		{"county to its city", "110101", "110100", PathChildParent},
		{"counties of one city", "110101", "110102", PathSiblings},
		{"cities of one province", "110100", "110200", PathSiblings},
		{"cousins", "110101", "110201", PathProvince},
		{"province to a county", "110000", "110101", PathProvince},
		{"county to another city", "110101", "110200", PathProvince},
		{"across provinces", "110101", "120101", PathNational},
		{"provinces", "110000", "120000", PathNational},
		{"unknown source", "990101", "110101", PathNational},
		{"unknown target", "110101", "990101", PathNational},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := Path(testPlaces, c.source, c.target); got != c.want {
				t.Errorf("Path(%s, %s) = %s, want %s", c.source, c.target, got, c.want)
			}
		})
	}
}

func TestPathDerivesProvince(t *testing.T) {
	// no Province fields: the topmost ancestor is the province
	places := []Place{
		{Code: "P", Level: LevelProvince},
		{Code: "C1", Parent: "P"}, {Code: "C2", Parent: "P"},
		{Code: "K1", Parent: "C1"}, {Code: "K2", Parent: "C2"},
		{Code: "Q"}, {Code: "QK", Parent: "Q"},
	}
	for _, c := range []struct{ s, t, want string }{
		{"K1", "K2", PathProvince},
		{"P", "K1", PathProvince},
		{"K1", "QK", PathNational},
	} {
		if got := Path(places, c.s, c.t); got != c.want {
			t.Errorf("Path(%s, %s) = %s, want %s", c.s, c.t, got, c.want)
		}
	}
}

func TestSyntheticPlaces(t *testing.T) {
	places := SyntheticPlaces(6, 6, 8)
	if len(places) < 300 {
		t.Fatalf("got %d places, want at least 300", len(places))
	}
	byCode := make(map[string]Place)
	levels := make(map[string]int)
	children := make(map[string]int)
	for _, p := range places {
		if _, dup := byCode[p.Code]; dup {
			t.Fatalf("duplicate code %s", p.Code)
		}
		byCode[p.Code] = p
		levels[p.Level]++
		children[p.Parent]++
	}
	for _, p := range places {
		if p.Parent == "" {
			if p.Level != LevelProvince || p.Province != p.Code {
				t.Errorf("%s: a root must be a province of its own: %+v", p.Code, p)
			}
			continue
		}
		parent, ok := byCode[p.Parent]
		if !ok {
			t.Errorf("%s: parent %s missing", p.Code, p.Parent)
		} else if parent.Province != p.Province {
			t.Errorf("%s: province %s, its parent's %s", p.Code, p.Province, parent.Province)
		}
	}
	if levels[LevelProvince] != 6 || levels[LevelCity] != 36 {
		t.Errorf("levels %v, want 6 provinces and 36 cities", levels)
	}
	sizes := make(map[int]bool)
	for _, p := range places {
		if p.Level == LevelCity {
			sizes[children[p.Code]] = true
		}
	}
	if len(sizes) < 3 {
		t.Errorf("cities have %d distinct numbers of counties, want variety", len(sizes))
	}
}
