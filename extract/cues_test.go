package extract_test

import (
	"testing"

	"github.com/fazhikg/fazhikg/extract"
)

// TestCueRules checks how the statements of where a mechanism came from
// are read, each in a report of 颍泉区 (阜阳市, 安徽省).
func TestCueRules(t *testing.T) {
	const head = "颍泉区2022年法治政府建设年度报告\n一、主要举措和成效\n"
	for _, c := range []struct {
		name, text string
		kind       string
		place      string // code; "" when no cue of kind may be found
	}{
		{"a named city's deployment", "按照阜阳市统一部署，全面推行“吹哨报到”工作机制。", extract.CuePromoted, "3412"},
		{"a named province's push", "在安徽省的推动下，建立“诉调对接”工作机制。", extract.CuePromoted, "34"},
		{"a pilot chosen above", "作为阜阳市确定的试点地区，探索建立“局所联动”工作机制。", extract.CuePromoted, "3412"},
		{"a pilot chosen above, relative", "作为市里确定的试点，推行“容缺受理”服务模式。", extract.CuePromoted, "3412"},
		{"a city's push, relative", "在市委、市政府的推动下，建立“诉调对接”工作机制。", extract.CuePromoted, "3412"},
		{"a deployment by a place not above is none", "按照临泉县统一部署，推行“容缺受理”服务模式。", extract.CuePromoted, ""},
		{"a visit by 到", "年初，我区专门到合肥市包河区学习取经，建立“局所联动”工作机制。", extract.CueLearned, "340111"},
		{"a pilot below", "在周棚街道先行先试的基础上，全面推行“吹哨报到”工作机制。", extract.CueLearned, "341204002"},
		{"others came to see it", "建立“局所联动”工作机制，临泉县专程来我区考察并在当地推行。", extract.CueAdopted, "341221"},
		{"taken up elsewhere", "建立“局所联动”工作机制，相关做法已在临泉县复制落地。", extract.CueAdopted, "341221"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := run(t, head+c.text)
			var got []extract.Cue
			for _, m := range r.Mechanisms {
				for _, cue := range m.Cues {
					if cue.Kind == c.kind {
						got = append(got, cue)
					}
				}
			}
			if c.place == "" {
				if len(got) > 0 {
					t.Errorf("%s cues %+v, want none", c.kind, got)
				}
				return
			}
			for _, cue := range got {
				if cue.Place == c.place {
					return
				}
			}
			t.Errorf("%s cues %+v, want one naming %s (mechanisms %+v)", c.kind, got, c.place, r.Mechanisms)
		})
	}
}
