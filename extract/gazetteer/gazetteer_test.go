package gazetteer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
)

func fullNames(places []*Place) []string {
	var out []string
	for _, p := range places {
		out = append(out, p.FullName())
	}
	return out
}

func mustFull(t testing.TB, g *Gazetteer, full string) *Place {
	t.Helper()
	p := g.ByFullName(full)
	if p == nil {
		t.Fatalf("no place %s", full)
	}
	return p
}

func TestByCode(t *testing.T) {
	g := Default()
	tests := []struct {
		code, full string
		level      Level
	}{
		{"33", "浙江省", Province},
		{"3304", "浙江省嘉兴市", City},
		{"330411", "浙江省嘉兴市秀洲区", County},
		{"330411005", "浙江省嘉兴市秀洲区高照街道", Township},
		// Municipalities: no 市辖区 or 县 in between.
		{"110101", "北京市东城区", County},
		{"110101001", "北京市东城区东华门街道", Township},
		{"500229", "重庆市城口县", County},
		// Counties directly under a province.
		{"419001", "河南省济源市", County},
		{"429004", "湖北省仙桃市", County},
		// Cities without counties: townships under the city.
		{"441900003", "广东省东莞市东城街道", Township},
		{"320509105", "江苏省苏州市吴江区盛泽镇", Township},
		{"370829106", "山东省济宁市嘉祥县金屯镇", Township},
		// Zones: statistical, synthetic, under a district, managing townships.
		{"130171", "河北省石家庄市石家庄高新技术产业开发区", Zone},
		{"4408Z01", "广东省湛江市湛江经济技术开发区", Zone},
		{"3204Z01", "江苏省常州市常州经济开发区", Zone},
		{"3304Z01", "浙江省嘉兴市嘉兴经济技术开发区", Zone},
		{"330411Z01", "浙江省嘉兴市秀洲区嘉兴秀洲高新技术产业开发区", Zone},
		{"11Z01", "北京市北京经济技术开发区", Zone},
		{"440811070", "广东省湛江市湛江经济技术开发区东山街道", Township},
		{"330411004", "浙江省嘉兴市嘉兴经济技术开发区塘汇街道", Township},
		{"320412001", "江苏省常州市常州经济开发区戚墅堰街道", Township},
		{"81", "香港特别行政区", Province},
	}
	for _, tt := range tests {
		p := g.ByCode(tt.code)
		if p == nil {
			t.Errorf("ByCode(%s) = nil, want %s", tt.code, tt.full)
			continue
		}
		if p.FullName() != tt.full || p.Level != tt.level || p.Code != tt.code {
			t.Errorf("ByCode(%s) = %s %s, want %s %s", tt.code, p.FullName(), p.Level, tt.full, tt.level)
		}
		if q := g.ByFullName(tt.full); q != p {
			t.Errorf("ByFullName(%s) = %v, want the place of code %s", tt.full, q, tt.code)
		}
	}
}

func TestPlaceholdersAreNotPlaces(t *testing.T) {
	g := Default()
	for _, code := range []string{"1101", "1201", "3101", "5001", "5002", "4190", "4290", "4690", "6590", "441900"} {
		if p := g.ByCode(code); p != nil {
			t.Errorf("ByCode(%s) = %s, want nil", code, p.FullName())
		}
	}
	for _, name := range []string{"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"} {
		if got := g.Lookup(name); len(got) > 0 {
			t.Errorf("Lookup(%s) = %q, want nothing", name, fullNames(got))
		}
	}
	// No full name repeats its city: 广东省东莞市东莞市 is not a place.
	if p := g.ByFullName("广东省东莞市东莞市"); p != nil {
		t.Errorf("ByFullName(广东省东莞市东莞市) = %s", p.Code)
	}
}

func TestLookup(t *testing.T) {
	g := Default()
	tests := []struct {
		name string
		want []string // full names that must be among the results
		only bool     // and nothing else
	}{
		{"浙江", []string{"浙江省"}, true},
		{"广西", []string{"广西壮族自治区"}, true},
		{"内蒙古", []string{"内蒙古自治区"}, true},
		{"新疆", []string{"新疆维吾尔自治区"}, true},
		{"香港", []string{"香港特别行政区"}, true},
		{"嘉兴", []string{"浙江省嘉兴市"}, true},
		{"延边", []string{"吉林省延边朝鲜族自治州"}, true},
		{"秀洲", []string{"浙江省嘉兴市秀洲区"}, true},
		{"吴江", []string{"江苏省苏州市吴江区"}, true},
		{"嘉祥", []string{"山东省济宁市嘉祥县"}, true}, // not 嘉祥街道
		{"金屯", []string{"山东省济宁市嘉祥县金屯镇"}, false},
		{"嘉祥街道", []string{"山东省济宁市嘉祥县嘉祥街道"}, true},
		{"湛江经济技术开发区", []string{"广东省湛江市湛江经济技术开发区"}, true},
		{"湛江经开区", []string{"广东省湛江市湛江经济技术开发区"}, true},
		{"湛江开发区", []string{"广东省湛江市湛江经济技术开发区"}, true},
		{"常州经开区", []string{"江苏省常州市常州经济开发区"}, true},
		{"嘉兴经开区", []string{"浙江省嘉兴市嘉兴经济技术开发区"}, true},
		{"嘉兴高新区", []string{"浙江省嘉兴市秀洲区嘉兴秀洲高新技术产业开发区"}, true},
		{"石家庄高新区", []string{"河北省石家庄市石家庄高新技术产业开发区"}, true},
		{"两江新区", []string{"重庆市重庆两江新区"}, true},
		{"朝阳", []string{"辽宁省朝阳市", "北京市朝阳区", "吉林省长春市朝阳区", "辽宁省朝阳市朝阳县"}, false},
		{"东山街道", []string{"广东省湛江市湛江经济技术开发区东山街道", "广东省广州市越秀区东山街道", "江苏省南京市江宁区东山街道"}, false},
		{"沁园街道", []string{"河南省焦作市沁阳市沁园街道", "河南省济源市沁园街道"}, true},
		{"济水街道", []string{"河南省济源市济水街道"}, true},
		{"没有这个地方", nil, true},
	}
	for _, tt := range tests {
		got := fullNames(g.Lookup(tt.name))
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("Lookup(%s) = %q, want %s among them", tt.name, got, w)
			}
		}
		if tt.only && len(got) != len(tt.want) {
			t.Errorf("Lookup(%s) = %q, want only %q", tt.name, got, tt.want)
		}
	}
	if got := g.Lookup("东山街道"); len(got) < 10 {
		t.Errorf("Lookup(东山街道) = %d places, want a dozen or more", len(got))
	}
	// Results are copies: changing one changes nothing for the next caller.
	got := g.Lookup("朝阳")
	got[0] = nil
	if g.Lookup("朝阳")[0] == nil {
		t.Error("Lookup returned its internal slice")
	}
}

func TestNames(t *testing.T) {
	g := Default()
	tests := []struct {
		full           string
		aliases, short []string
	}{
		{"浙江省", nil, []string{"浙江"}},
		{"广西壮族自治区", nil, []string{"广西"}},
		{"吉林省延边朝鲜族自治州", nil, []string{"延边"}},
		{"浙江省嘉兴市秀洲区", nil, []string{"秀洲"}},
		{"山东省济宁市嘉祥县嘉祥街道", nil, nil},
		{"山东省济宁市嘉祥县金屯镇", nil, []string{"金屯"}},
		{"广东省湛江市湛江经济技术开发区", []string{"湛江经开区", "湛江开发区"}, nil},
		{"江苏省常州市常州经济开发区", []string{"江苏常州经济开发区", "常州经开区", "常州开发区"}, nil},
	}
	for _, tt := range tests {
		p := mustFull(t, g, tt.full)
		if !slices.Equal(p.Aliases, tt.aliases) || !slices.Equal(p.ShortNames, tt.short) {
			t.Errorf("%s: aliases %q short %q, want %q %q", tt.full, p.Aliases, p.ShortNames, tt.aliases, tt.short)
		}
	}
}

// TestTownshipShortNames checks over all the data that no township's short
// name reads as a province, city or county, and that every short name is
// shorter than the official name and two characters or more.
func TestTownshipShortNames(t *testing.T) {
	g := Default()
	upper := map[string]string{}
	for _, p := range g.places {
		if p.Level == Province || p.Level == City || p.Level == County {
			for _, n := range append([]string{p.Name}, p.ShortNames...) {
				upper[n] = p.FullName()
			}
		}
	}
	for _, p := range g.places {
		for _, s := range p.ShortNames {
			if len([]rune(s)) < 2 || !strings.HasPrefix(p.Name, s) || s == p.Name {
				t.Errorf("%s: bad short name %q", p.FullName(), s)
			}
			if p.Level == Township && upper[s] != "" {
				t.Errorf("%s: short name %s reads as %s", p.FullName(), s, upper[s])
			}
		}
	}
}

func TestHierarchy(t *testing.T) {
	g := Default()
	dongshan := mustFull(t, g, "广东省湛江市湛江经济技术开发区东山街道")
	tests := []struct {
		full                         string
		province, city, county, zone string
	}{
		{"广东省湛江市湛江经济技术开发区东山街道", "广东省", "湛江市", "", "湛江经济技术开发区"},
		{"江苏省苏州市吴江区盛泽镇", "江苏省", "苏州市", "吴江区", ""},
		{"北京市东城区东华门街道", "北京市", "", "东城区", ""},
		{"河南省济源市", "河南省", "", "济源市", ""},
		{"浙江省嘉兴市秀洲区嘉兴秀洲高新技术产业开发区", "浙江省", "嘉兴市", "秀洲区", "嘉兴秀洲高新技术产业开发区"},
		{"浙江省嘉兴市", "浙江省", "嘉兴市", "", ""},
		{"浙江省", "浙江省", "", "", ""},
	}
	name := func(p *Place) string {
		if p == nil {
			return ""
		}
		return p.Name
	}
	for _, tt := range tests {
		p := mustFull(t, g, tt.full)
		got := []string{name(p.Province()), name(p.City()), name(p.County()), name(p.Zone())}
		want := []string{tt.province, tt.city, tt.county, tt.zone}
		if !slices.Equal(got, want) {
			t.Errorf("%s: province, city, county, zone = %q, want %q", tt.full, got, want)
		}
	}

	chain := dongshan.Chain()
	if got := fullNames(chain[len(chain)-1:]); got[0] != dongshan.FullName() {
		t.Errorf("Chain ends with %s", got[0])
	}
	var names []string
	for _, p := range chain {
		names = append(names, p.Name)
	}
	if want := []string{"广东省", "湛江市", "湛江经济技术开发区", "东山街道"}; !slices.Equal(names, want) {
		t.Errorf("Chain = %q, want %q", names, want)
	}

	within := []struct {
		p, q string
		want bool
	}{
		{"广东省湛江市湛江经济技术开发区东山街道", "广东省湛江市湛江经济技术开发区", true},
		{"广东省湛江市湛江经济技术开发区东山街道", "广东省湛江市", true},
		{"广东省湛江市湛江经济技术开发区东山街道", "广东省湛江市湛江经济技术开发区东山街道", true},
		{"广东省湛江市湛江经济技术开发区东山街道", "广东省湛江市麻章区", false},
		{"广东省湛江市", "广东省湛江市湛江经济技术开发区", false},
		{"江苏省苏州市吴江区盛泽镇", "浙江省", false},
	}
	for _, tt := range within {
		if got := mustFull(t, g, tt.p).Within(mustFull(t, g, tt.q)); got != tt.want {
			t.Errorf("%s Within %s = %v, want %v", tt.p, tt.q, got, tt.want)
		}
	}
	if dongshan.Within(nil) {
		t.Error("Within(nil) = true")
	}
}

func TestChildren(t *testing.T) {
	g := Default()
	provinces := g.Children(nil)
	if len(provinces) != 34 {
		t.Errorf("Children(nil) = %d provinces, want 34", len(provinces))
	}
	beijing := mustFull(t, g, "北京市")
	kids := g.Children(beijing)
	if got := fullNames(kids); !slices.Contains(got, "北京市东城区") || !slices.Contains(got, "北京市北京经济技术开发区") {
		t.Errorf("Children(北京市) = %q", got)
	}
	for _, k := range kids {
		if k.Parent != beijing {
			t.Errorf("child %s has parent %v", k.FullName(), k.Parent)
		}
	}
	zone := mustFull(t, g, "广东省湛江市湛江经济技术开发区")
	var got []string
	for _, k := range g.Children(zone) {
		got = append(got, k.Name)
	}
	slices.Sort(got)
	if want := []string{"东山街道", "东简街道", "乐华街道", "民安街道", "硇洲镇"}; !slices.Equal(got, want) {
		t.Errorf("Children(湛江经济技术开发区) = %q, want %q", got, want)
	}
	// Every place is its parent's child, and levels fall going down.
	for _, p := range g.places {
		if p.Parent == nil {
			continue
		}
		if !slices.Contains(p.Parent.children, p) || p.Parent.Level.rank() >= p.Level.rank() {
			t.Errorf("%s (%s) under %s (%s)", p.FullName(), p.Level, p.Parent.FullName(), p.Parent.Level)
		}
	}
}

// TestZonesFile checks that every zone of zones.tsv is in the embedded data
// under its code, name and parent.
func TestZonesFile(t *testing.T) {
	g := Default()
	f, err := os.Open("zones.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n, zones := 0, 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		fields := strings.Split(line, "\t")
		code, parent, name := fields[0], fields[1], fields[2]
		p := g.ByCode(code)
		switch {
		case p == nil:
			t.Errorf("zones.tsv:%d: no place %s %s", n, code, name)
		case p.Name != name || p.Level != Zone:
			t.Errorf("zones.tsv:%d: %s is %s %s, want zone %s", n, code, p.Level, p.Name, name)
		case parent != "-" && p.Parent.FullName() != parent:
			t.Errorf("zones.tsv:%d: %s under %s, want %s", n, name, p.Parent.FullName(), parent)
		}
		zones++
	}
	if zones < 350 {
		t.Errorf("zones.tsv lists %d zones, want 350 or more", zones)
	}
}

func TestLoad(t *testing.T) {
	const sample = "# a sample\n" +
		"4408Z01\tzone\t4408\t湛江经济技术开发区\t湛江经开区\t\n" + // before its parent
		"44\tprovince\t\t广东省\t\t广东\n" +
		"4408\tcity\t44\t湛江市\t\t湛江\n" +
		"440811070\ttownship\t4408Z01\t东山街道\t\t东山\n"
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(sample))
	zw.Close()
	for name, data := range map[string][]byte{"plain": []byte(sample), "gzip": gz.Bytes()} {
		g, err := Load(context.Background(), bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if g.Len() != 4 {
			t.Errorf("%s: Len = %d, want 4", name, g.Len())
		}
		p := g.ByCode("440811070")
		if p == nil || p.FullName() != "广东省湛江市湛江经济技术开发区东山街道" {
			t.Errorf("%s: ByCode(440811070) = %v", name, p)
		}
		ms := g.Scan("湛江经开区东山街道", nil)
		if len(ms) != 2 || ms[0].Places[0].Code != "4408Z01" || ms[1].Places[0] != p {
			t.Errorf("%s: Scan = %+v", name, ms)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"fields", "44\tprovince\t广东省\n", "line 1: 3 fields"},
		{"level", "44\tstate\t\t广东省\t\t\n", "bad level"},
		{"village", "44\tvillage\t\t广东省\t\t\n", "bad level"},
		{"duplicate", "44\tprovince\t\t广东省\t\t\n44\tprovince\t\t广东省\t\t\n", "line 2: duplicate code 44"},
		{"orphan", "4408\tcity\t44\t湛江市\t\t\n", "no parent 44"},
		{"province with parent", "44\tprovince\t11\t广东省\t\t\n", "only they have no parent"},
		{"city without parent", "4408\tcity\t\t湛江市\t\t\n", "only they have no parent"},
		{"upside down", "44\tprovince\t\t广东省\t\t\n4408\tcity\t440811\t湛江市\t\t\n440811\tcounty\t4408\t麻章区\t\t\n", "a city cannot hang under the county"},
		{"empty name", "44\tprovince\t\t\t\t\n", "empty code or name"},
		{"invalid UTF-8", "44\tprovince\t\t\xff\t\t\n", "invalid UTF-8"},
	}
	for _, tt := range tests {
		_, err := Load(context.Background(), strings.NewReader(tt.data))
		if !errors.Is(err, ErrData) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want ErrData containing %q", tt.name, err, tt.want)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Load(ctx, bytes.NewReader(placesData)); !errors.Is(err, context.Canceled) {
		t.Errorf("Load with a cancelled context: err = %v", err)
	}
}

func FuzzLoad(f *testing.F) {
	f.Add("44\tprovince\t\t广东省\t\t广东\n4408\tcity\t44\t湛江市\t\t湛江\n")
	f.Add("4408Z01\tzone\t4408\t湛江经济技术开发区\t湛江经开区,湛江开发区\t\n")
	f.Add("# comment\n\n")
	f.Fuzz(func(t *testing.T, data string) {
		g, err := Load(context.Background(), strings.NewReader(data))
		if err != nil {
			return
		}
		for _, p := range g.places {
			if len(p.Chain()) > 6 {
				t.Fatalf("chain of %s too long", p.Code)
			}
			if g.ByCode(p.Code) != p {
				t.Fatalf("ByCode(%s) lost", p.Code)
			}
		}
		g.Scan(data, nil)
	})
}
