package gazetteer

import "strings"

// Level is the rank of a place in the administrative hierarchy. Its values
// are those of extract.Level, so extract.Level(p.Level) converts.
type Level string

const (
	Country  Level = "country"
	Province Level = "province" // 省, 自治区, 直辖市, 特别行政区
	City     Level = "city"     // 地级市, 自治州, 地区, 盟
	County   Level = "county"   // 区, 县, 县级市, 旗
	Zone     Level = "zone"     // 经济技术开发区, 高新区, 新区 … acting as a county
	Township Level = "township" // 镇, 乡, 街道
	Village  Level = "village"  // 村, 社区
)

// rank orders the levels from the top; a parent ranks above its children.
func (l Level) rank() int {
	switch l {
	case Country:
		return 0
	case Province:
		return 1
	case City:
		return 2
	case County:
		return 3
	case Zone:
		return 4
	case Township:
		return 5
	case Village:
		return 6
	}
	return -1
}

// Place is one division of the gazetteer. Places are shared and read-only.
type Place struct {
	// Code is the statistical division code (2 digits for a province, 4 for
	// a city, 6 for a county or zone, 9 for a township) or, for a zone the
	// statistics lack, a synthetic code: the parent's code, "Z" and a
	// two-digit number (4408Z01 湛江经济技术开发区).
	Code string
	// Name is the official name: 秀洲区, 湛江经济技术开发区, 高照街道.
	Name  string
	Level Level
	// Parent is nil for provinces. Placeholders of the statistics (市辖区 of
	// the municipalities, 省直辖县级行政区划) are left out, so 东城区 hangs
	// under 北京市 and 济源市 under 河南省.
	Parent *Place
	// Aliases are other full names in use: 湛江经开区 and 湛江开发区 for
	// 湛江经济技术开发区.
	Aliases []string
	// ShortNames are the name without its generic ending: 浙江 for 浙江省,
	// 延边 for 延边朝鲜族自治州, 秀洲 for 秀洲区, 金屯 for 金屯镇. Short
	// names read as ordinary words more often than full names do.
	ShortNames []string

	children []*Place
	// scanned tells whether Scan looks for the name and aliases; the
	// names of farms, prisons and other township-level units are only
	// found by Lookup.
	scanned bool
	// generic marks official names that are common words (城区, 郊区, 矿区):
	// Scan reports them as short, and only on the scope's line.
	generic bool
}

// String returns the full name.
func (p *Place) String() string { return p.FullName() }

// FullName returns the name with those of its parents: 浙江省嘉兴市秀洲区,
// 北京市东城区, 广东省湛江市湛江经济技术开发区.
func (p *Place) FullName() string {
	var b strings.Builder
	for _, q := range p.Chain() {
		b.WriteString(q.Name)
	}
	return b.String()
}

// Chain returns p and its parents, province first and p last.
func (p *Place) Chain() []*Place {
	n := 0
	for q := p; q != nil; q = q.Parent {
		n++
	}
	chain := make([]*Place, n)
	for q := p; q != nil; q = q.Parent {
		n--
		chain[n] = q
	}
	return chain
}

// up returns the nearest place at level l among p and its parents, or nil.
func (p *Place) up(l Level) *Place {
	for q := p; q != nil; q = q.Parent {
		if q.Level == l {
			return q
		}
	}
	return nil
}

// Province returns the province p lies in (p itself for a province).
func (p *Place) Province() *Place { return p.up(Province) }

// City returns the prefecture-level city p lies in, or nil (for a
// province, a municipality's district, a county under the province).
func (p *Place) City() *Place { return p.up(City) }

// County returns the county-level division p lies in, or nil (for a
// province, a city, a zone not under a county, a township a zone manages).
func (p *Place) County() *Place { return p.up(County) }

// Zone returns the functional zone p lies in, or nil.
func (p *Place) Zone() *Place { return p.up(Zone) }

// Within reports whether p is q or lies under q.
func (p *Place) Within(q *Place) bool {
	if q == nil {
		return false
	}
	for x := p; x != nil; x = x.Parent {
		if x == q {
			return true
		}
	}
	return false
}
