package altsynth

import (
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/fazhikg/fazhikg/diffusion"
	"github.com/fazhikg/fazhikg/extract/gazetteer"
)

// provincePool are the provinces corpora are drawn from, in an order the
// seed shuffles: inland and southern ones, where the clusters are dense.
var provincePool = []string{"41", "43", "35", "36", "13", "45", "52", "34", "62", "22"}

// citiesPerProvince caps how many cities one province gives before the
// next province is taken.
const citiesPerProvince = 4

// place is a reporting jurisdiction.
type place struct {
	g     *gazetteer.Place
	code  string
	name  string // official: 中牟县
	full  string // 河南省郑州市中牟县
	level string // province, city, county, zone
	// parent and province are codes; the parent need not report.
	parent, province string
	// city is the name of the prefecture-level city, "" for a province or
	// a city.
	city string
	// unit is the character reports use for the place (县 for 我县, 全县),
	// and short its name in prose (中牟县, or 郑州经开区 for a zone).
	unit, short string
	// upUnit is the unit of the place above: 市 or 州 for a county, 省 or
	// 区 for a city.
	upUnit string
	// below are places under it the prose can name: townships of a
	// county, counties of a city, cities of a province.
	below []string
}

func (p *place) diffusionPlace() diffusion.Place {
	return diffusion.Place{Code: p.code, Name: p.name, Parent: p.parent, Province: p.province, Level: p.level}
}

// choosePlaces draws n reporting places in clusters: a province, some of
// its cities and all their counties, districts and zones, then the next
// province.
func choosePlaces(g *gazetteer.Gazetteer, n int, rng *rand.Rand) []*place {
	pool := slices.Clone(provincePool)
	rng.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	var out []*place
	add := func(p *gazetteer.Place) bool {
		if len(out) >= n {
			return false
		}
		out = append(out, newPlace(g, p))
		return true
	}
	for _, code := range pool {
		pr := g.ByCode(code)
		if pr == nil || !add(pr) {
			break
		}
		var cities []*gazetteer.Place
		for _, c := range g.Children(pr) {
			if c.Level == gazetteer.City && len(countiesOf(g, c)) >= 4 {
				cities = append(cities, c)
			}
		}
		rng.Shuffle(len(cities), func(i, j int) { cities[i], cities[j] = cities[j], cities[i] })
		for _, c := range cities[:min(len(cities), citiesPerProvince)] {
			if !add(c) {
				break
			}
			counties := countiesOf(g, c)
			rng.Shuffle(len(counties), func(i, j int) { counties[i], counties[j] = counties[j], counties[i] })
			for _, k := range counties {
				if !add(k) {
					break
				}
			}
		}
	}
	return out
}

// countiesOf returns the counties, districts and zones directly under a
// city.
func countiesOf(g *gazetteer.Gazetteer, c *gazetteer.Place) []*gazetteer.Place {
	var out []*gazetteer.Place
	for _, k := range g.Children(c) {
		if k.Level == gazetteer.County || k.Level == gazetteer.Zone {
			out = append(out, k)
		}
	}
	return out
}

func newPlace(g *gazetteer.Gazetteer, gp *gazetteer.Place) *place {
	p := &place{g: gp, code: gp.Code, name: gp.Name, full: gp.FullName(), level: string(gp.Level), short: gp.Name}
	if gp.Parent != nil {
		p.parent = gp.Parent.Code
	}
	p.province = gp.Province().Code
	if c := gp.City(); c != nil && c != gp {
		p.city = c.Name
	}
	p.unit = unitOf(gp)
	if gp.Level == gazetteer.Zone && len(gp.Aliases) > 0 {
		p.short = gp.Aliases[0]
	}
	if par := gp.Parent; par != nil {
		p.upUnit = unitOf(par)
	}
	for _, c := range g.Children(gp) {
		if c.Level == gazetteer.Village || c.Level == gazetteer.Township && !isTownship(c.Name) {
			continue
		}
		if len(p.below) == 24 {
			break
		}
		p.below = append(p.below, c.Name)
	}
	if len(p.below) == 0 {
		p.below = []string{"城关", "中心"} // a zone with no townships listed: its parts
		for i := range p.below {
			p.below[i] += "片区"
		}
	}
	return p
}

// shortName is the name without its generic ending when the gazetteer
// gives one (中牟 for 中牟县), else the name.
func (p *place) shortName() string {
	if len(p.g.ShortNames) > 0 {
		return p.g.ShortNames[0]
	}
	return p.short
}

// unitOf is the character reports use for a place: 县 for 我县, 全县.
func unitOf(gp *gazetteer.Place) string {
	switch gp.Level {
	case gazetteer.Province:
		if strings.HasSuffix(gp.Name, "自治区") {
			return "区"
		}
		return "省"
	case gazetteer.City:
		if strings.HasSuffix(gp.Name, "州") {
			return "州"
		}
		return "市"
	case gazetteer.Zone:
		return "区"
	}
	r := []rune(gp.Name)
	return string(r[len(r)-1])
}

// isTownship tells the names of ordinary townships from farms, zones'
// parts and the like the gazetteer lists at that level.
func isTownship(name string) bool {
	return strings.HasSuffix(name, "镇") || strings.HasSuffix(name, "乡") || strings.HasSuffix(name, "街道")
}
