package gazetteer

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestScan(t *testing.T) {
	g := Default()
	type want struct {
		surface    string
		start, end int
		short      bool
		place      string // a full name among the places; "" for no check
		n          int    // number of places; 0 for no check
	}
	tests := []struct {
		name, text, scope string
		want              []want
	}{
		{"city then district", "嘉兴市秀洲区", "", []want{
			{"嘉兴市", 0, 3, false, "浙江省嘉兴市", 1},
			{"秀洲区", 3, 6, false, "浙江省嘉兴市秀洲区", 1},
		}},
		{"chain across a province", "江苏省苏州市吴江区盛泽镇", "", []want{
			{"江苏省", 0, 3, false, "江苏省", 1},
			{"苏州市", 3, 6, false, "江苏省苏州市", 1},
			{"吴江区", 6, 9, false, "江苏省苏州市吴江区", 1},
			{"盛泽镇", 9, 12, false, "江苏省苏州市吴江区盛泽镇", 1},
		}},
		{"township the statistics prefix with its county", "河南省济源市沁园街道", "", []want{
			{"河南省", 0, 3, false, "河南省", 1},
			{"济源市", 3, 6, false, "河南省济源市", 1},
			{"沁园街道", 6, 10, false, "河南省济源市沁园街道", 2},
		}},
		{"zone hides its city", "湛江经济技术开发区", "", []want{
			{"湛江经济技术开发区", 0, 9, false, "广东省湛江市湛江经济技术开发区", 1},
		}},
		{"zone abbreviation", "常州经开区和湛江开发区", "", []want{
			{"常州经开区", 0, 5, false, "江苏省常州市常州经济开发区", 1},
			{"湛江开发区", 6, 11, false, "广东省湛江市湛江经济技术开发区", 1},
		}},
		{"municipality district", "北京市东城区", "", []want{
			{"北京市", 0, 3, false, "北京市", 1},
			{"东城区", 3, 6, false, "北京市东城区", 0},
		}},
		{"short names are marked", "浙江嘉兴秀洲", "", []want{
			{"浙江", 0, 2, true, "浙江省", 1},
			{"嘉兴", 2, 4, true, "浙江省嘉兴市", 1},
			{"秀洲", 4, 6, true, "浙江省嘉兴市秀洲区", 1},
		}},
		{"township short name needs a scope", "金屯开展普法", "", nil},
		{"township short name within scope", "金屯开展普法", "山东省济宁市嘉祥县", []want{
			{"金屯", 0, 2, true, "山东省济宁市嘉祥县金屯镇", 1},
		}},
		{"township short name outside scope", "金屯开展普法", "浙江省嘉兴市秀洲区", nil},
		{"township full name without scope", "金屯镇", "", []want{
			{"金屯镇", 0, 3, false, "山东省济宁市嘉祥县金屯镇", 3},
		}},
		{"county short name is not a township's", "嘉祥", "山东省济宁市嘉祥县", []want{
			{"嘉祥", 0, 2, true, "山东省济宁市嘉祥县", 1},
		}},
		{"zone scope reaches its city's townships", "戚墅堰和横林", "江苏省常州市常州经济开发区", []want{
			{"戚墅堰", 0, 3, true, "江苏省常州市常州经济开发区戚墅堰街道", 1},
			{"横林", 4, 6, true, "江苏省常州市常州经济开发区横林镇", 1},
		}},
		{"ambiguous township", "东山街道", "", []want{
			{"东山街道", 0, 4, false, "广东省湛江市湛江经济技术开发区东山街道", 0},
		}},
		{"common-word district without scope", "城区", "", nil},
		{"common-word district on the scope's line", "城区", "山西省阳泉市", []want{
			{"城区", 0, 2, true, "山西省阳泉市城区", 1},
		}},
		{"common-word short name without scope", "公安局", "", nil},
		{"common-word short name of the scope", "公安局", "湖北省荆州市公安县", []want{
			{"公安", 0, 2, true, "湖北省荆州市公安县", 1},
		}},
		{"common-word short name above the scope", "合作", "甘肃省甘南藏族自治州合作市当周街道", []want{
			{"合作", 0, 2, true, "甘肃省甘南藏族自治州合作市", 1},
		}},
		{"common-word short name off the scope's line", "公安局", "浙江省嘉兴市秀洲区", nil},
		{"offsets count characters", "2023年，秀洲区", "", []want{
			{"秀洲区", 6, 9, false, "浙江省嘉兴市秀洲区", 1},
		}},
		{"nothing", "依法行政，执法为民。", "", nil},
		{"empty", "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var scope *Place
			if tt.scope != "" {
				scope = mustFull(t, g, tt.scope)
			}
			got := g.Scan(tt.text, scope)
			if len(got) != len(tt.want) {
				t.Fatalf("Scan(%q) = %d matches %s, want %d", tt.text, len(got), describe(got), len(tt.want))
			}
			for i, w := range tt.want {
				m := got[i]
				if m.Surface != w.surface || m.Start != w.start || m.End != w.end || m.Short != w.short {
					t.Errorf("match %d = %q [%d,%d) short=%v, want %q [%d,%d) short=%v",
						i, m.Surface, m.Start, m.End, m.Short, w.surface, w.start, w.end, w.short)
				}
				if w.place != "" && !slices.Contains(fullNames(m.Places), w.place) {
					t.Errorf("match %q: places %q, want %s among them", m.Surface, fullNames(m.Places), w.place)
				}
				if w.n != 0 && len(m.Places) != w.n {
					t.Errorf("match %q: %d places %q, want %d", m.Surface, len(m.Places), fullNames(m.Places), w.n)
				}
			}
		})
	}
}

func describe(ms []Match) string {
	var b strings.Builder
	for _, m := range ms {
		fmt.Fprintf(&b, "%s[%d,%d) ", m.Surface, m.Start, m.End)
	}
	return b.String()
}

// TestScanGolden scans a sample report and compares with
// testdata/report.golden; run with -update to rewrite it.
func TestScanGolden(t *testing.T) {
	g := Default()
	text, err := os.ReadFile("testdata/report.txt")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, scope := range []string{"", "浙江省嘉兴市秀洲区"} {
		fmt.Fprintf(&b, "# scope %q\n", scope)
		var p *Place
		if scope != "" {
			p = mustFull(t, g, scope)
		}
		for _, m := range g.Scan(string(text), p) {
			short := ""
			if m.Short {
				short = " short"
			}
			names := fullNames(m.Places)
			if len(names) > 3 {
				names = append(names[:3], fmt.Sprintf("… %d places", len(m.Places)))
			}
			fmt.Fprintf(&b, "%d\t%d\t%s%s\t%s\n", m.Start, m.End, m.Surface, short, strings.Join(names, " "))
		}
	}
	golden := "testdata/report.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("Scan of testdata/report.txt differs from %s (run with -update to accept):\n%s", golden, b.String())
	}
}

// checkMatches verifies the invariants of Scan's result.
func checkMatches(t *testing.T, text string, scope *Place, ms []Match) {
	t.Helper()
	runes := []rune(text)
	prev := 0
	for _, m := range ms {
		if m.Start < prev || m.End <= m.Start || m.End > len(runes) {
			t.Fatalf("match %q [%d,%d) after %d in %d characters", m.Surface, m.Start, m.End, prev, len(runes))
		}
		if got := string(runes[m.Start:m.End]); got != m.Surface {
			t.Fatalf("match [%d,%d) covers %q, surface %q", m.Start, m.End, got, m.Surface)
		}
		if len(m.Places) == 0 {
			t.Fatalf("match %q has no places", m.Surface)
		}
		for _, p := range m.Places {
			if !slices.Contains(append(p.names(), ""), m.Surface) {
				t.Fatalf("match %q gives %s, which has no such name", m.Surface, p.FullName())
			}
			if p.Level == Township && slices.Contains(p.ShortNames, m.Surface) && !p.Within(scope) && (scope == nil || scope.Level != Zone || !p.Within(scope.Parent)) {
				t.Fatalf("match %q gives %s outside scope %v", m.Surface, p.FullName(), scope)
			}
			if (commonWords[m.Surface] || p.generic && m.Surface == p.Name) && !p.Within(scope) && (scope == nil || !scope.Within(p)) {
				t.Fatalf("match %q gives %s off the line of scope %v", m.Surface, p.FullName(), scope)
			}
		}
		prev = m.End
	}
}

func FuzzScan(f *testing.F) {
	g := Default()
	text, err := os.ReadFile("testdata/report.txt")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(text), "330411")
	f.Add("江苏省苏州市吴江区盛泽镇", "")
	f.Add("湛江经济技术开发区\xff东山街道", "4408Z01")
	f.Add("a金屯\x80镇b", "370829")
	f.Fuzz(func(t *testing.T, text, scope string) {
		p := g.ByCode(scope)
		ms := g.Scan(text, p)
		if !utf8.ValidString(text) {
			// Offsets still count what range over the string yields.
			for _, m := range ms {
				if m.Start < 0 || m.End > utf8.RuneCountInString(text) || m.Start >= m.End {
					t.Fatalf("match %q [%d,%d) outside %d characters", m.Surface, m.Start, m.End, utf8.RuneCountInString(text))
				}
			}
			return
		}
		checkMatches(t, text, p, ms)
	})
}

// TestScanConcurrent scans from several goroutines at once; run with -race.
func TestScanConcurrent(t *testing.T) {
	g := Default()
	text, err := os.ReadFile("testdata/report.txt")
	if err != nil {
		t.Fatal(err)
	}
	scope := mustFull(t, g, "浙江省嘉兴市秀洲区")
	want := describe(g.Scan(string(text), scope))
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := describe(g.Scan(string(text), scope)); got != want {
				errs <- got
			}
		}()
	}
	wg.Wait()
	close(errs)
	for got := range errs {
		t.Errorf("concurrent Scan = %s, want %s", got, want)
	}
}
