package synth

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/fazhikg/fazhikg/diffusion"
	"github.com/fazhikg/fazhikg/extract/gazetteer"
)

// place is a reporting jurisdiction with the words its report calls itself
// and its bodies by.
type place struct {
	gz     *gazetteer.Place
	code   string
	name   string // official name: 沂南县, 湛江经济技术开发区
	level  string // diffusion level: province, city, county, zone
	parent *place // nil for a province
	prov   *place // the province (itself for a province)
	index  int    // in corpus.places

	// lvl is the word of 全县, 县政府: 县, 区, 市, 旗, 州, 省.
	lvl string
	// short is what the report calls the place besides its name: 经开区
	// for a zone, the official name otherwise.
	short string
	// towns are the township-level places under it, for honours.
	towns []string
	// children are the places of the corpus directly under it.
	children []*place
}

// diffusionPlace is p as the cascade model sees it.
func (p *place) diffusionPlace() diffusion.Place {
	d := diffusion.Place{Code: p.code, Name: p.name, Level: p.level, Province: p.prov.code}
	if p.parent != nil {
		d.Parent = p.parent.code
	}
	return d
}

// choosePlaces draws n reporting places from the gazetteer: a few
// provinces, cities in them with their counties, districts and zones, so
// that parents, siblings and provinces all matter. They come sorted by code.
func choosePlaces(g *gazetteer.Gazetteer, n int, r *rand.Rand) ([]*place, error) {
	var provs []*gazetteer.Place
	avail := 0
	for _, p := range g.Children(nil) {
		if k := reportingUnder(g, p); k > 0 {
			provs = append(provs, p)
			avail += 1 + k
		}
	}
	if n > avail {
		return nil, fmt.Errorf("synth.Generate: %w: %d places asked, the gazetteer has %d that report", ErrOptions, n, avail)
	}
	r.Shuffle(len(provs), func(i, j int) { provs[i], provs[j] = provs[j], provs[i] })
	nProv := min(max((n+74)/75, 1), len(provs))
	if n >= 3 {
		nProv = max(nProv, 2)
	}
	var chosen []*gazetteer.Place
	taken := map[*gazetteer.Place]bool{}
	left := n
	// a share of the places in each of nProv provinces, then whatever is
	// missing from the provinces in turn
	for pass := 0; pass < 2 && left > 0; pass++ {
		for i := 0; left > 0 && i < len(provs); i++ {
			budget := left
			if pass == 0 && i < nProv {
				budget = (left + nProv - i - 1) / (nProv - i)
			}
			got := fillProvince(g, provs[i], budget, taken, r)
			chosen = append(chosen, got...)
			left -= len(got)
		}
	}
	slices.SortFunc(chosen, func(a, b *gazetteer.Place) int { return strings.Compare(a.Code, b.Code) })
	return makePlaces(g, chosen), nil
}

// reportingUnder counts the places under a province that report: cities,
// counties and zones.
func reportingUnder(g *gazetteer.Gazetteer, p *gazetteer.Place) int {
	k := 0
	for _, c := range g.Children(p) {
		switch c.Level {
		case gazetteer.City:
			k++
			for _, cc := range g.Children(c) {
				if cc.Level == gazetteer.County || cc.Level == gazetteer.Zone {
					k++
				}
			}
		case gazetteer.County, gazetteer.Zone:
			k++
		}
	}
	return k
}

// fillProvince takes up to budget places of a province not taken yet: the
// province first, then whole cities with their counties while the budget
// lasts.
func fillProvince(g *gazetteer.Gazetteer, prov *gazetteer.Place, budget int, taken map[*gazetteer.Place]bool, r *rand.Rand) []*gazetteer.Place {
	var out []*gazetteer.Place
	take := func(p *gazetteer.Place) {
		if !taken[p] && len(out) < budget {
			taken[p] = true
			out = append(out, p)
		}
	}
	take(prov)
	units := g.Children(prov)
	r.Shuffle(len(units), func(i, j int) { units[i], units[j] = units[j], units[i] })
	for _, u := range units {
		switch u.Level {
		case gazetteer.County, gazetteer.Zone: // districts of a municipality, cities under the province
			take(u)
		case gazetteer.City:
			take(u)
			var kids []*gazetteer.Place
			for _, c := range g.Children(u) {
				if c.Level == gazetteer.County || c.Level == gazetteer.Zone {
					kids = append(kids, c)
				}
			}
			r.Shuffle(len(kids), func(i, j int) { kids[i], kids[j] = kids[j], kids[i] })
			for _, c := range kids {
				take(c)
			}
		}
	}
	return out
}

// makePlaces wraps the chosen gazetteer places, linking parents.
func makePlaces(g *gazetteer.Gazetteer, chosen []*gazetteer.Place) []*place {
	byCode := make(map[string]*place, len(chosen))
	out := make([]*place, len(chosen))
	for i, gp := range chosen {
		p := &place{gz: gp, code: gp.Code, name: gp.Name, level: string(gp.Level), index: i}
		p.lvl, p.short = selfWords(gp)
		for _, t := range g.Children(gp) {
			if t.Level == gazetteer.Township && hasTownEnding(t.Name) {
				p.towns = append(p.towns, t.Name)
			}
		}
		out[i] = p
		byCode[p.code] = p
	}
	for _, p := range out {
		for q := p.gz.Parent; q != nil; q = q.Parent {
			if pp := byCode[q.Code]; pp != nil {
				p.parent = pp
				pp.children = append(pp.children, p)
				break
			}
		}
		p.prov = byCode[p.gz.Province().Code]
		if p.prov == nil {
			p.prov = p
		}
	}
	return out
}

func hasTownEnding(name string) bool {
	return strings.HasSuffix(name, "镇") || strings.HasSuffix(name, "乡") || strings.HasSuffix(name, "街道")
}

// selfWords returns the level word and the short self-name of a place.
func selfWords(p *gazetteer.Place) (lvl, short string) {
	n := p.Name
	switch p.Level {
	case gazetteer.Province:
		switch {
		case strings.HasSuffix(n, "自治区"):
			return "自治区", n
		case strings.HasSuffix(n, "市"):
			return "市", n
		}
		return "省", n
	case gazetteer.City:
		switch {
		case strings.HasSuffix(n, "自治州"):
			return "州", n
		case strings.HasSuffix(n, "地区"):
			return "地区", n
		case strings.HasSuffix(n, "盟"):
			return "盟", n
		}
		return "市", n
	case gazetteer.Zone:
		switch {
		case strings.Contains(n, "经济技术开发区"), strings.Contains(n, "经济开发区"):
			return "区", "经开区"
		case strings.Contains(n, "高新技术产业开发区"), strings.Contains(n, "高新区"):
			return "区", "高新区"
		case strings.HasSuffix(n, "新区"):
			return "区", "新区"
		}
		return "区", "开发区"
	}
	switch {
	case strings.HasSuffix(n, "旗"):
		return "旗", n
	case strings.HasSuffix(n, "县"):
		return "县", n
	case strings.HasSuffix(n, "市"):
		return "市", n
	}
	return "区", n
}

// all is 全县, 全区, 全市 …
func (p *place) all() string {
	if p.lvl == "自治区" {
		return "全区"
	}
	return "全" + p.lvl
}

// self is 我县, 我区, 我市 …
func (p *place) self() string {
	if p.lvl == "自治区" {
		return "我区"
	}
	return "我" + p.lvl
}

// subs names the units under the place, as reports list them.
func (p *place) subs() string {
	switch p.level {
	case "province":
		return "各市（州）"
	case "city":
		return "各县（市、区）"
	case "zone":
		return "各街道（园区）"
	}
	if p.lvl == "区" {
		return "各街道（镇）"
	}
	return "各乡镇（街道）"
}

// subWord is what the units under the place are called in counts: 乡镇,
// 县（市、区）.
func (p *place) subWord() string {
	switch p.level {
	case "province":
		return "设区市"
	case "city":
		return "县（市、区）"
	case "zone":
		return "街道"
	}
	return "乡镇（街道）"
}

// nameFrom is how a report of from names p: by its name alone when near,
// with its city or province when farther.
func (p *place) nameFrom(from *place, r *rand.Rand) string {
	if p.level == "zone" && len(p.gz.Aliases) > 0 && r.IntN(2) == 0 {
		return p.gz.Aliases[0] // 湛江经开区
	}
	switch {
	case p.level == "province" || p == from.parent || from == p.parent:
		return p.name
	case p.parent != nil && p.parent == from.parent:
		return p.name
	}
	city := ""
	if c := p.gz.City(); c != nil && p.level != "city" {
		city = c.Name
	}
	if p.prov == from.prov {
		return city + p.name
	}
	if p.level == "city" && r.IntN(3) == 0 && len(p.prov.gz.ShortNames) > 0 {
		return p.prov.gz.ShortNames[0] + p.name // 浙江湖州市
	}
	return p.prov.name + city + p.name
}
