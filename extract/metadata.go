package extract

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

var dateRe = regexp.MustCompile(`(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})`)

// parseDate reads a date such as 2024-03-20, 2024年3月20日 or 2024/3/20.
func parseDate(s string) string {
	m := dateRe.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	y, mo, d := atoi(m[1]), atoi(m[2]), atoi(m[3])
	if y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
}

var dateKeys = []string{"发布日期", "发布时间", "成文日期", "发文日期", "印发日期", "生成日期"}
var issuerKeys = []string{"发布机构", "发布单位", "发文机关", "发文机构", "发文单位", "来源", "信息来源"}

// publishedDate is the publication date from the metadata block, else from
// the signature at the end.
func (x *doc) publishedDate() string {
	for _, k := range dateKeys {
		if d := parseDate(x.meta[k]); d != "" {
			return d
		}
	}
	for i := len(x.lines) - 1; i >= 0; i-- {
		ln := x.lines[i]
		if ln.class == lineSign {
			if d := parseDate(x.t.str(ln.start, ln.end)); d != "" {
				return d
			}
		}
	}
	return ""
}

// metadata reads publication date and index number.
func (x *doc) metadata() {
	x.rep.Published = x.publishedDate()
	if v := x.meta["索引号"]; strings.ContainsAny(v, "0123456789") {
		x.rep.IndexNo = v
	}
}

var notIssuer = map[string]bool{"本网": true, "本站": true, "网站": true, "本网站": true, "原创": true}

// issuer reads the issuing body from the metadata block or the signature,
// resolved like any body (区政府办公室 → 秀洲区人民政府办公室).
func (x *doc) issuer() string {
	for _, k := range issuerKeys {
		v := strings.TrimSpace(x.meta[k])
		if v == "" || notIssuer[v] {
			continue
		}
		if name := x.bodyIn(v, lineMeta); name != "" {
			return name
		}
		return v
	}
	for _, ln := range x.lines {
		if ln.class == lineSign {
			s := x.t.str(ln.start, ln.end)
			if parseDate(s) != "" {
				continue
			}
			if name := x.bodyIn(s, lineSign); name != "" {
				return name
			}
			return s
		}
	}
	return ""
}

// bodyIn returns the resolved name of the body whose mention spells v on a
// line of class c.
func (x *doc) bodyIn(v string, c lineClass) string {
	for _, b := range x.bodyAt {
		l := x.lineOf(b.start)
		if l < 0 || x.lines[l].class != c {
			continue
		}
		if strings.Contains(v, x.t.str(b.start, b.end)) {
			return b.name
		}
	}
	return ""
}

// finish completes the report: the jurisdictions named, with their
// ancestors, and the issuer.
func (x *doc) finish() {
	x.rep.Issuer = x.issuer()
	// a body named only inside honours (被评为“四川省枫桥式司法所”) is
	// the honour's name, not a body the report speaks of
	bodies := x.rep.Bodies[:0]
	for _, b := range x.rep.Bodies {
		keep := !x.unitNames[b.Name]
		for _, m := range b.Mentions {
			if !x.inAwardOrig(m.Start) {
				keep = true
			}
		}
		if keep {
			bodies = append(bodies, b)
		}
	}
	x.rep.Bodies = bodies
	out := map[string]*Jurisdiction{}
	var order []string
	var add func(j *jur) *Jurisdiction
	add = func(j *jur) *Jurisdiction {
		if r, ok := out[j.code]; ok {
			return r
		}
		r := &Jurisdiction{Code: j.code, Name: j.name, FullName: j.fullName(), Level: j.level, Aliases: j.aliases}
		if j.parent != nil {
			r.Parent = add(j.parent).Code
		}
		out[j.code] = r
		order = append(order, j.code)
		return r
	}
	if x.self != nil {
		add(x.self)
	}
	for _, h := range x.placeAt {
		if x.inOrgName(h.start, h.end) {
			continue // 南京 in 南京工业大学 names a university, not the city
		}
		r := add(h.j)
		if m, ok := x.mention(h.start, h.end); ok {
			r.Mentions = append(r.Mentions, m)
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return len(out[order[i]].FullName) < len(out[order[j]].FullName) })
	for _, c := range order {
		x.rep.Jurisdictions = append(x.rep.Jurisdictions, *out[c])
	}
}

// inOrgName reports whether [s, e) lies inside the proper name of an
// organisation (a company, a university, a law firm).
func (x *doc) inOrgName(s, e int) bool {
	for _, b := range x.bodyAt {
		if b.j == nil && b.kind == KindOther && b.start <= s && e <= b.end && e < b.end {
			return true
		}
	}
	return false
}

// inAwardOrig reports whether original offset i lies in an honour's name.
func (x *doc) inAwardOrig(i int) bool {
	for _, a := range x.awardSpan {
		if sp := x.origSpan(a[0], a[1]); sp.Start <= i && i < sp.End {
			return true
		}
	}
	return false
}
