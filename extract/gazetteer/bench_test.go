package gazetteer

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// BenchmarkLoad measures what Default does once: reading the embedded
// data, without the automaton Scan builds on first use.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(context.Background(), bytes.NewReader(placesData)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildScanner measures the automaton built by the first Scan.
func BenchmarkBuildScanner(b *testing.B) {
	g := Default()
	for b.Loop() {
		newScanner(g.places)
	}
}

// sample is report-like prose of our own; longText repeats it.
var sample = []string{
	"2023年，嘉兴市秀洲区与江苏省苏州市吴江区盛泽镇签订跨省协作协议，推动行政执法协作常态化。",
	"湛江经开区东山街道、硇洲镇全面推行“首违不罚”清单，全年办理行政处罚案件三百余件。",
	"区司法局会同区法院、区检察院建立府院联动机制，行政机关负责人出庭应诉率达到100%。",
	"常州经开区戚墅堰街道、横林镇深化“枫桥经验”，调解矛盾纠纷一千余起，调解成功率98%。",
	"我区深入学习贯彻习近平法治思想，严格落实重大行政决策程序，合法性审查实现全覆盖。",
	"王店镇、洪合镇、新塍镇建成公共法律服务工作站，打造15分钟公共法律服务圈。",
	"北京市东城区、河南省济源市和广东省东莞市派员来访，交流“最多跑一次”改革经验。",
}

func longText(size int) string {
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		b.WriteString(sample[i%len(sample)])
	}
	return b.String()
}

func BenchmarkScan(b *testing.B) {
	g := Default()
	text := longText(1 << 20)
	scope := g.ByFullName("浙江省嘉兴市秀洲区")
	g.Scan("", nil) // build the automaton outside the timing
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		g.Scan(text, scope)
	}
}

func BenchmarkLookup(b *testing.B) {
	g := Default()
	for b.Loop() {
		g.Lookup("东山街道")
	}
}
