package synth

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fazhikg/fazhikg/extract/gazetteer"
)

// alsoNamed are other words that name a known mechanism, so that a report
// that writes them states the mechanism: synonyms, parts of its name,
// forms of the same family.
var alsoNamed = map[string][]string{
	"府检联动":        {"府检"},
	"府院联动":        {"府院"},
	"枫桥经验":        {"枫桥"},
	"首违不罚":        {"首违不罚", "首次违法"},
	"一件事一次办":      {"一件事", "一次办好"},
	"证照分离":        {"证照分离", "照后减证"},
	"告知承诺制":       {"告知承诺"},
	"双随机一公开":      {"双随机"},
	"诉源治理":        {"诉源", "无讼"},
	"法律明白人":       {"明白人"},
	"行政机关负责人出庭应诉": {"出庭应诉"},
	"综合行政执法改革":    {"综合执法改革", "综合行政执法改革", "综合行政执法体制改革", "大综合", "一支队伍管执法", "县属乡用共管"},
	"最多跑一次":       {"最多跑一"},
	"拿地即开工":       {"拿地即开工"},
	"容缺受理":        {"容缺"},
	"15分钟公共法律服务圈": {"公共法律服务圈"},
	"一村一法律顾问":     {"一村一法律顾问", "一村（社区）一法律顾问", "一村（居）一法律顾问", "村居法律顾问", "一村一律师"},
	"非现场执法":       {"非现场"},
	"接诉即办":        {"接诉即办"},
	"三治融合":        {"三治融合", "五治融合", "四治融合", "自治、法治、德治"},
	"行政裁量权基准":     {"裁量基准", "裁量权基准"},
	"互联网+监管":      {"互联网+监管"},
	"诉调对接":        {"诉调对接"},
	"跨省通办":        {"跨省通办", "异地通办", "跨域通办", "跨区域通办", "跨市通办"},
	"一网通办":        {"一网通办", "一窗通办"},
	"法治体检":        {"法治体检", "法律体检"},
	"公平竞争审查":      {"公平竞争审查"},
	"警调对接":        {"警调对接"},
	"一网统管":        {"一网统管"},
	"检调对接":        {"检调对接"},
	"无证明城市":       {"无证明"},
	"一业一证":        {"一业一证"},
	"访调对接":        {"访调对接"},
}

var quoteMarks = strings.NewReplacer("“", "", "”", "", "\"", "")

// namesOf are the words whose presence in a text states m.
func namesOf(m *mechanism) []string {
	out := []string{quoteMarks.Replace(m.name), quoteMarks.Replace(m.plain)}
	if m.core != "" {
		out = append(out, m.core)
	}
	for _, f := range m.forms {
		out = append(out, quoteMarks.Replace(f))
	}
	return append(out, alsoNamed[m.name]...)
}

// names reports the first name of m that text holds, or "".
func names(text string, m *mechanism) string {
	text = quoteMarks.Replace(text)
	for _, n := range namesOf(m) {
		if strings.Contains(text, n) {
			return n
		}
	}
	return ""
}

func TestEveryKnownMechanismHasSynonyms(t *testing.T) {
	for _, e := range known {
		if _, ok := alsoNamed[e.name]; !ok {
			t.Errorf("%s: no entry in alsoNamed", e.name)
		}
		if len(e.forms) == 0 || len(e.details) < 2 || e.plain == "" {
			t.Errorf("%s: %d forms, %d details, plain %q", e.name, len(e.forms), len(e.details), e.plain)
		}
	}
}

// testScene is a scene of a real county for a given year.
func testScene(t *testing.T, seed uint64) *scene {
	t.Helper()
	g := gazetteer.Default()
	ps := makePlaces(g, []*gazetteer.Place{g.ByCode("37"), g.ByCode("3713"), g.ByCode("371321")})
	s := newScene(ps[2], 2021, rand.New(rand.NewPCG(seed, 1)))
	// the variables the renderer sets before the templates that use them
	for k, v := range map[string]string{"village": "李家", "nth": "八", "rank": "二", "unit": "县（市、区）",
		"head": "县长", "secretary": "县委书记"} {
		s.vars[k] = v
	}
	return s
}

func TestExpand(t *testing.T) {
	for _, c := range []struct {
		name, tmpl string
		want       *regexp.Regexp
	}{
		{"plain text", "依法行政。", regexp.MustCompile(`^依法行政。$`)},
		{"self words", "{self}{all}{lvl}政府", regexp.MustCompile(`^我县全县县政府$`)},
		{"bodies", "{court}和{proc}", regexp.MustCompile(`^县(人民)?法院和县(人民)?检察院$`)},
		{"name and year", "{name}{y}年、{y1}年", regexp.MustCompile(`^沂南县2021年、2022年$`)},
		{"parent level", "全{parentLvl}第一、全{provLvl}第二", regexp.MustCompile(`^全市第一、全省第二$`)},
		{"number in range", "{n:5-9}件", regexp.MustCompile(`^[5-9]件$`)},
		{"percentage", "{pct:90-100}%", regexp.MustCompile(`^(9\d(\.\d)?|100)%$`)},
		{"decimal", "{dec:0.2-0.9}次", regexp.MustCompile(`^0\.[2-9]次$`)},
		{"money", "{money:10-99}万元", regexp.MustCompile(`^\d\d(\.\d\d)?万元$`)},
		{"choice", "[加强|强化]监督", regexp.MustCompile(`^(加强|强化)监督$`)},
		{"nested choice", "[一是[加强|强化]|二是深化]监督", regexp.MustCompile(`^(一是(加强|强化)|二是深化)监督$`)},
		{"choice holding a slot", "[{all}|{self}]推进", regexp.MustCompile(`^(全县|我县)推进$`)},
		{"variable", "{m}运行顺畅", regexp.MustCompile(`^“府检联动”工作机制运行顺畅$`)},
		{"township", "{town}司法所", regexp.MustCompile(`^\p{Han}+(镇|乡|街道)司法所$`)},
	} {
		t.Run(c.name, func(t *testing.T) {
			for seed := range uint64(30) {
				s := testScene(t, seed)
				s.vars["m"] = "“府检联动”工作机制"
				if got := s.expand(c.tmpl); !c.want.MatchString(got) {
					t.Fatalf("expand(%q) = %q, want %v", c.tmpl, got, c.want)
				}
			}
		})
	}
}

func TestExpandBadTemplates(t *testing.T) {
	for _, tmpl := range []string{"{nope}", "[a|b", "{n:9-1}", "{n:x}", "{self"} {
		t.Run(tmpl, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("expand(%q) did not panic", tmpl)
				}
			}()
			testScene(t, 1).expand(tmpl)
		})
	}
}

// templates are every template the renderer expands, with what it is.
func templates() map[string]string {
	out := map[string]string{}
	add := func(what string, list []string) {
		for i, t := range list {
			out[what+" "+strconv.Itoa(i)] = t
		}
	}
	all := append(themes[:], moreThemes...)
	all = append(all, epidemicTheme, emergencyTheme)
	for _, th := range all {
		add("heading", th.headings)
		add("lead", th.leads)
		add("line", th.lines)
	}
	for d, parts := range caseParts {
		for i, p := range parts {
			add("case "+strconv.Itoa(int(d))+"/"+strconv.Itoa(i), p)
		}
	}
	add("problem", problems)
	add("plan item", planItems)
	add("plan goal", planGoals[:])
	add("honour", honourFrames)
	add("duty heading", dutyHeadings)
	add("breadcrumb", breadcrumbs)
	return out
}

// TestFillerNamesNoMechanism checks that the text a report is filled with
// names no planted mechanism: a mechanism is named only where planted.
func TestFillerNamesNoMechanism(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	mechs := chooseMechanisms(40, 2018, 6, nil, r)
	for what, tmpl := range templates() {
		tmpl, _ = fromYear(tmpl, 2100)
		for range 5 {
			text := testScene(t, r.Uint64()).expand(tmpl)
			for _, m := range mechs {
				if n := names(text, m); n != "" {
					t.Errorf("%s %q names %s (%q)", what, text, m.name, n)
				}
			}
		}
	}
}

// TestDetailsNameOnlyTheirMechanism checks that what is told of one
// mechanism names no other.
func TestDetailsNameOnlyTheirMechanism(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	mechs := chooseMechanisms(60, 2018, 6, nil, r)
	for _, m := range mechs {
		for _, d := range m.details {
			text := testScene(t, 3).expand(d)
			for _, o := range mechs {
				if o == m {
					continue
				}
				if n := names(text, o); n != "" {
					t.Errorf("a detail of %s, %q, names %s (%q)", m.name, text, o.name, n)
				}
			}
		}
	}
}

func TestInventedNames(t *testing.T) {
	for seed := range uint64(20) {
		r := rand.New(rand.NewPCG(seed, 9))
		mechs := chooseMechanisms(maxMechanisms, 2018, 6, nil, r)
		seen := map[string]bool{}
		for _, m := range mechs {
			if seen[m.name] || (m.core != "" && seen[m.core]) {
				t.Fatalf("seed %d: %s twice", seed, m.name)
			}
			seen[m.name] = true
			if !m.invented {
				continue
			}
			seen[m.core] = true
			if clashes(m.core) {
				t.Errorf("seed %d: %s reads as a known mechanism", seed, m.name)
			}
			if head := strings.TrimPrefix(m.name, m.core); strings.Contains(head, string([]rune(m.core)[utf8.RuneCountInString(m.core)-2:])) {
				t.Errorf("seed %d: %s repeats its last word", seed, m.name)
			}
			for _, o := range mechs {
				if o != m && names(m.name, o) != "" {
					t.Errorf("seed %d: %s names %s", seed, m.name, o.name)
				}
			}
		}
		if len(mechs) != maxMechanisms {
			t.Fatalf("seed %d: %d mechanisms, want %d", seed, len(mechs), maxMechanisms)
		}
	}
}

func TestChoosePlaces(t *testing.T) {
	g := gazetteer.Default()
	for _, n := range []int{1, 2, 10, 300, 1500} {
		ps, err := choosePlaces(g, n, rand.New(rand.NewPCG(uint64(n), 0)))
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) != n {
			t.Fatalf("%d places, want %d", len(ps), n)
		}
		if !slices.IsSortedFunc(ps, func(a, b *place) int { return strings.Compare(a.code, b.code) }) {
			t.Errorf("n=%d: places not sorted by code", n)
		}
		provinces := 0
		in := map[string]bool{}
		for _, p := range ps {
			in[p.code] = true
		}
		for _, p := range ps {
			if p.level == "province" {
				provinces++
				if p.parent != nil {
					t.Errorf("province %s has a parent", p.name)
				}
				continue
			}
			if p.parent == nil || !in[p.parent.code] || p.parent.code != p.gz.Parent.Code {
				t.Errorf("n=%d: %s lacks its parent", n, p.gz.FullName())
			}
			if !in[p.prov.code] {
				t.Errorf("n=%d: %s lacks its province", n, p.gz.FullName())
			}
		}
		if n >= 3 && provinces < 2 {
			t.Errorf("n=%d: %d provinces, want several", n, provinces)
		}
	}
	if _, err := choosePlaces(g, 100000, rand.New(rand.NewPCG(1, 0))); err == nil {
		t.Error("100000 places: no error")
	}
}

// testCorpus makes a small corpus without writing it.
func testCorpus(t *testing.T, places, years int, seed int64) *corpus {
	t.Helper()
	o := Options{Places: places, Years: years, Seed: seed, Out: t.TempDir()}
	if err := o.fill(); err != nil {
		t.Fatal(err)
	}
	c, err := newCorpus(o)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestReportsStateWhatIsPlanted drafts every report of a corpus and checks
// that each states its mechanisms where it should: those in place in the
// body, the new ones always; those only planned in the plans and nowhere
// else; those it lacks among the shortcomings only.
func TestReportsStateWhatIsPlanted(t *testing.T) {
	places, years := 120, 4
	if testing.Short() {
		places, years = 40, 3
	}
	c := testCorpus(t, places, years, 5)
	var planned, lacking, variants int
	for _, p := range c.places {
		for y := c.o.From; y < c.o.From+c.o.Years; y++ {
			w, blocks := c.draft(p, y)
			text := map[part]string{}
			for _, b := range blocks {
				text[b.part] += b.text + "\n"
			}
			where := p.name + " " + strconv.Itoa(y)
			if n := utf8.RuneCountInString(text[partBody] + text[partProblem] + text[partPlan]); n < 3000 || n > 10000 {
				t.Errorf("%s: %d characters", where, n)
			}
			for _, a := range c.adopted[p.index] {
				if a.year == y && !slices.ContainsFunc(w.ach, func(t *told) bool { return t.m == a.m && t.isNew }) {
					t.Errorf("%s: adoption of %s not told", where, a.m.name)
				}
			}
			for _, td := range w.ach {
				if len(td.surfaces) == 0 {
					t.Errorf("%s: %s in place but never written", where, td.m.name)
				}
				body := text[partBody]
				if !strings.Contains(body, td.primary) && !slices.ContainsFunc(td.surfaces, func(s string) bool { return strings.Contains(body, s) }) {
					t.Errorf("%s: %s not in the body", where, td.m.name)
				}
				if td.m.variantOf(td.primary) {
					variants++
				}
			}
			for _, td := range w.plan {
				planned++
				if td.a != nil && td.a.year <= y {
					continue // an older one, named again in the plans only
				}
				for _, pt := range []part{partFront, partBody, partProblem, partBack} {
					if n := names(text[pt], td.m); n != "" {
						t.Errorf("%s: %s, only planned, named outside the plans (%q in part %d)", where, td.m.name, n, pt)
					}
				}
				if names(text[partPlan], td.m) == "" {
					t.Errorf("%s: %s planned but not in the plans", where, td.m.name)
				}
			}
			for _, td := range w.lack {
				lacking++
				for _, pt := range []part{partFront, partBody, partBack} {
					if n := names(text[pt], td.m); n != "" {
						t.Errorf("%s: %s, lacking, named in part %d (%q)", where, td.m.name, pt, n)
					}
				}
			}
			// a mechanism not in place is named only in the plans and
			// shortcomings
			for _, m := range c.mechs {
				if slices.ContainsFunc(w.ach, func(t *told) bool { return t.m == m }) {
					continue
				}
				if n := names(text[partBody]+text[partFront], m); n != "" {
					t.Errorf("%s: %s, not in place, named in the body (%q)", where, m.name, n)
				}
			}
		}
	}
	if planned == 0 || lacking == 0 || variants == 0 {
		t.Errorf("%d plans, %d lacking, %d variants: the corpus lacks a kind of mention", planned, lacking, variants)
	}
}

// BenchmarkRender measures reports rendered per second, to their bytes,
// without the disk.
func BenchmarkRender(b *testing.B) {
	o := Options{Places: 200, Years: 6, Seed: 1, Out: b.TempDir()}
	if err := o.fill(); err != nil {
		b.Fatal(err)
	}
	c, err := newCorpus(o)
	if err != nil {
		b.Fatal(err)
	}
	n, bytes := 0, 0
	for b.Loop() {
		rep := c.render(c.places[n%len(c.places)], o.From+n/len(c.places)%o.Years)
		bytes += len(rep.bytes)
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "reports/s")
	b.SetBytes(int64(bytes / max(n, 1)))
}
