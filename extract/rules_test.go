package extract_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/fazhikg/fazhikg/extract"
)

// run extracts a text written for a test.
func run(t *testing.T, text string) *extract.Report {
	t.Helper()
	r, err := pipeline(t).Extract(context.Background(), extract.Origin{Name: "t", Source: "t.txt", Hash: "h"},
		extract.Input{Text: text, Format: extract.FormatText, Encoding: "UTF-8"})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestMetadata(t *testing.T) {
	for _, c := range []struct {
		name, text                             string
		title, jurisdiction, published, issuer string
		year                                   int
	}{
		{"title with a site name after it",
			"首页 > 政务公开\n义乌市2022年法治政府建设年度报告 -某某网\n发布日期：2023-03-01\n2022年，我市坚持依法行政。",
			"义乌市2022年法治政府建设年度报告", "浙江省金华市义乌市", "2023-03-01", "", 2022},
		{"关于 title form",
			"宁波市人民政府关于2021年度法治政府建设情况的报告\n\n2021年，全市法治政府建设取得新成效。",
			"宁波市人民政府关于2021年度法治政府建设情况的报告", "浙江省宁波市", "", "", 2021},
		{"no title: jurisdiction and year from the prose, a heading is no title",
			"2022年，莱西市认真落实法治政府建设各项任务。\n一、2022年法治政府建设工作情况\n（一）加强领导。",
			"", "山东省青岛市莱西市", "", "", 2022},
		{"metadata block and a relative issuer",
			"索引号：330782ZF000000/2023-000001 发布机构：市司法局\n成文日期：2023年2月10日\n义乌市2022年法治政府建设年度报告\n2022年，我市……",
			"义乌市2022年法治政府建设年度报告", "浙江省金华市义乌市", "2023-02-10", "义乌市司法局", 2022},
		{"a zone by its short name",
			"2023年，湛江经开区坚持以法治引领发展。区法院加强审判。",
			"", "广东省湛江市湛江经济技术开发区", "", "", 2023},
		{"a two-character county heading the title",
			"寿县2019年法治政府建设年度报告\n2019年，我县坚持依法行政。",
			"寿县2019年法治政府建设年度报告", "安徽省淮南市寿县", "", "", 2019},
		{"a two-character county named in the opening",
			"2021年，寿县人民政府坚持法治政府建设与经济社会发展同部署。\n一、主要工作\n（一）压实责任。",
			"", "安徽省淮南市寿县", "", "", 2021},
		{"no name but in the closing sentence and the portal's footer",
			"2023年以来，我区全面贯彻党的二十大精神。\n一、主要工作\n（一）压实责任。\n颍泉区人民政府将以更加务实的作风推动法治政府建设。\n【打印本页】【关闭窗口】\n主办：颍泉区人民政府办公室　网站标识码：3412040001",
			"", "安徽省阜阳市颍泉区", "", "", 2023},
		{"two characters inside a word are no county",
			"2022年，我市完成县人民政府交办的任务，形成县级法治清单。\n一、主要工作",
			"", "", "", "", 2022},
		{"the year in brackets after the title",
			"您当前的位置：首页 > 年度报告\n八公山区法治政府建设年度报告（2020年度）\n过去一年，我区深入践行习近平法治思想。\n一、2020年工作情况\n（一）压实责任。",
			"八公山区法治政府建设年度报告(2020年度)", "安徽省淮南市八公山区", "", "", 2020},
		{"signature at the end",
			"金华市人民政府关于2020年度法治政府建设情况的报告\n浙江省人民政府：\n2020年，我市……。\n金华市人民政府\n2021年2月26日",
			"金华市人民政府关于2020年度法治政府建设情况的报告", "浙江省金华市", "2021-02-26", "金华市人民政府", 2020},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := run(t, c.text)
			got := ""
			if r.Jurisdiction != nil {
				got = r.Jurisdiction.FullName
			}
			if r.Title != c.title || got != c.jurisdiction || r.Year != c.year || r.Published != c.published || r.Issuer != c.issuer {
				t.Errorf("got title %q, jurisdiction %q, year %d, published %q, issuer %q\nwant %q, %q, %d, %q, %q",
					r.Title, got, r.Year, r.Published, r.Issuer, c.title, c.jurisdiction, c.year, c.published, c.issuer)
			}
		})
	}
}

func TestStatus(t *testing.T) {
	text := `嘉祥县2023年度法治政府建设报告
一、主要举措和成效
建立“府院联席”机制。
二、存在的不足
部分单位法治意识有待提升。
三、2024年工作安排
推进“府检联动”工作机制。
四、存在的不足及下步打算
2023年，虽然我县法治政府建设取得成效，但仍存在一些问题和不足。
2024年，我县将深化“放管服”改革。`
	r := run(t, text)
	want := map[string]extract.Status{
		"建立“府院联席”机制。":                       extract.Achieved,
		"部分单位法治意识有待提升。":                     extract.Problem,
		"推进“府检联动”工作机制。":                     extract.Planned,
		"2024年，我县将深化“放管服”改革。":               extract.Planned,
		"三、2024年工作安排":                       extract.Planned,
		"嘉祥县2023年度法治政府建设报告":                 extract.Front,
		"2023年，虽然我县法治政府建设取得成效，但仍存在一些问题和不足。": extract.Problem,
	}
	// Among achievements, a sentence can still state a plan.
	text += `
五、主要举措和成效（续）
下一步，将在蓉城镇试点“吹哨报到”工作机制。
计划于2024年上半年启动“首违不罚”清单制度。
起草了推行“容缺受理”服务模式的实施方案（征求意见稿），待县政府常务会议审议后实施。
目前正在筹建“诉调对接”工作机制，预计2024年一季度投入运行。
计划于2023年3月启动的“接诉即办”机制已全面运行。
六、需要改进的方面
“局所联动”机制覆盖面还不广。
七、其他工作
（一）整治突出问题
全面推行“双随机、一公开”监管。`
	r = run(t, text)
	for k, v := range map[string]extract.Status{
		"下一步，将在蓉城镇试点“吹哨报到”工作机制。":                     extract.Planned,
		"计划于2024年上半年启动“首违不罚”清单制度。":                   extract.Planned,
		"起草了推行“容缺受理”服务模式的实施方案（征求意见稿），待县政府常务会议审议后实施。": extract.Planned,
		"目前正在筹建“诉调对接”工作机制，预计2024年一季度投入运行。":           extract.Planned,
		"计划于2023年3月启动的“接诉即办”机制已全面运行。":                extract.Achieved,
		"“局所联动”机制覆盖面还不广。":                            extract.Problem,
	} {
		want[k] = v
	}
	for i, s := range r.Sentences {
		if w, ok := want[r.SentenceText(i)]; ok {
			if s.Status != w {
				t.Errorf("%q: status %s, want %s", r.SentenceText(i), s.Status, w)
			}
			delete(want, r.SentenceText(i))
		}
	}
	for s := range want {
		t.Errorf("no sentence %q", s)
	}
}

func names[T any](items []T, name func(T) string) []string {
	var out []string
	for _, it := range items {
		out = append(out, name(it))
	}
	return out
}

func TestBodies(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		{"relative names in a district report",
			"秀洲区2023年法治政府建设年度报告\n区司法局与区法院、区检察院共同出台意见，区委常委会专题研究，市人大常委会调研，省司法厅指导。",
			[]string{"秀洲区司法局", "秀洲区人民法院", "秀洲区人民检察院", "中共秀洲区委", "嘉兴市人大常委会", "浙江省司法厅"}},
		{"relative names in a county report, bare procuratorate",
			"嘉祥县2023年度法治政府建设报告\n县检察院、县公安局联合行动，检察机关依法监督。",
			[]string{"嘉祥县人民检察院", "嘉祥县公安局"}},
		{"a zone has a working committee and a management committee",
			"湛江经济技术开发区2022年法治政府建设年度报告\n区委、区管委会研究部署，区委政法委统筹。",
			[]string{"湛江经济技术开发区党工委", "湛江经济技术开发区管理委员会", "湛江经济技术开发区党工委政法委员会"}},
		{"a city report: the court is intermediate",
			"湖州市人民政府关于2018年度法治政府建设情况的报告\n支持法院依法审理行政案件，市政协开展民主监督。",
			[]string{"湖州市人民政府", "湖州市中级人民法院", "政协湖州市委员会"}},
		{"named units and organisations",
			"嘉祥县2023年度法治政府建设报告\n在山东众翊轩律师事务所设立工作站，成立县行政争议调解中心，县司法局金屯司法所开展调解。",
			[]string{"山东众翊轩律师事务所", "嘉祥县行政争议调解中心", "嘉祥县司法局金屯司法所"}},
		{"not bodies: every court of a district, a quality prize, a mechanism",
			"秀洲区2023年法治政府建设年度报告\n全区法院系统开展活动，企业获省政府质量奖，推进府院联动。",
			nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := run(t, c.text)
			got := names(r.Bodies, func(b extract.Body) string { return b.Name })
			for _, w := range c.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing body %s; got %v", w, got)
				}
			}
			if c.want == nil {
				for _, g := range got {
					if !strings.Contains(c.text[:strings.Index(c.text, "\n")], g) {
						t.Errorf("unexpected body %s", g)
					}
				}
			}
		})
	}
}

func TestPlaces(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want, not  []string
	}{
		{"a chain across a provincial border and a list under one county",
			"秀洲区2023年法治政府建设年度报告\n与江苏省苏州市吴江区盛泽镇、桃源镇、嘉善县天凝镇协商。",
			[]string{"江苏省苏州市吴江区盛泽镇", "江苏省苏州市吴江区桃源镇", "浙江省嘉兴市嘉善县天凝镇"}, nil},
		{"a village after its town",
			"秀洲区2023年法治政府建设年度报告\n新塍镇洛东村等7个村成功创建省级民主法治村。",
			[]string{"浙江省嘉兴市秀洲区新塍镇洛东村"}, nil},
		{"a county's name inside a word is no place",
			"嘉祥县2023年度法治政府建设报告\n梳理形成县级实行告知承诺制的证明事项，全年办理县人大代表建议。",
			nil, []string{"甘肃省陇南市成县"}},
		{"a town's short name in its county",
			"嘉祥县2023年度法治政府建设报告\n创新建立金屯“联动调解”、孟姑集“调解直通车”品牌。",
			[]string{"山东省济宁市嘉祥县金屯镇", "山东省济宁市嘉祥县孟姑集镇"}, nil},
		{"a zone's streets hang under the zone",
			"湛江经济技术开发区2022年法治政府建设年度报告\n乐华街道平乐下社区获评示范社区。",
			[]string{"广东省湛江市湛江经济技术开发区乐华街道平乐下社区"}, nil},
		{"a university is not its city",
			"常州经开区2023年法治政府建设工作报告\n联合南京工业大学建立机制。",
			nil, []string{"江苏省南京市"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := run(t, c.text)
			got := names(r.Jurisdictions, func(j extract.Jurisdiction) string { return j.FullName })
			for _, w := range c.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %s; got %v", w, got)
				}
			}
			for _, n := range c.not {
				if slices.Contains(got, n) {
					t.Errorf("unexpected %s", n)
				}
			}
		})
	}
}

func TestMechanisms(t *testing.T) {
	type mech struct{ name, family string }
	for _, c := range []struct {
		name, text string
		want       []mech
		not        []string
	}{
		{"quoted with a head, a known form, a local variant",
			"嘉祥县2023年度法治政府建设报告\n创新“府检联动”工作机制，建立健全“三三制”府检联动模式，形成“跨省执法”工作机制。",
			[]mech{{"府检联动", ""}, {"三三制府检联动模式", "府检联动"}, {"跨省执法", ""}}, nil},
		{"traditional characters gather under the simplified name",
			"湖州市人民政府關於2018年度法治政府建設情況的報告\n深化府檢聯席工作機制，召開府院聯席會議。",
			[]mech{{"府检联动", ""}, {"府院联动", ""}}, nil},
		{"one phrase, two mechanisms",
			"秀洲区2023年法治政府建设年度报告\n健全府院、府检工作联席会议机制。",
			[]mech{{"府院联动", ""}, {"府检联动", ""}}, nil},
		{"slogans, metaphors and honours are not mechanisms",
			"秀洲区2023年法治政府建设年度报告\n深入践行“八八战略”，打通“最后一公里”，发挥考核“指挥棒”作用，获评“全国民主法治示范村(社区)”。",
			nil, []string{"八八战略", "最后一公里", "指挥棒", "全国民主法治示范村(社区)", "民主法治村(社区)创建"}},
		{"a list shares its verb and head",
			"嘉祥县2023年度法治政府建设报告\n创新建立金屯“联动调解”、孟姑集“调解直通车”、老僧堂“五老调解室”等品牌。",
			[]mech{{"联动调解", ""}, {"调解直通车", ""}, {"五老调解室", ""}}, nil},
		{"a mechanism named without quotes after a creating verb",
			"秀洲区2023年法治政府建设年度报告\n建立行政争议实质性化解联动协作机制，完善选育管用全链条机制。",
			[]mech{{"行政争议实质性化解联动协作机制", ""}}, []string{"选育管用全链条机制"}},
		{"counted names",
			"嘉祥县2023年度法治政府建设报告\n创新“10+1+13+370”模式，健全完善“1311”信访工作法治化体系。",
			[]mech{{"10+1+13+370模式", ""}, {"1311信访工作法治化体系", ""}}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := run(t, c.text)
			got := map[string]string{}
			for _, m := range r.Mechanisms {
				got[m.Name] = m.Family
			}
			for _, w := range c.want {
				fam, ok := got[w.name]
				if !ok {
					t.Errorf("missing mechanism %s; got %v", w.name, got)
				} else if fam != w.family {
					t.Errorf("%s: family %q, want %q", w.name, fam, w.family)
				}
			}
			for _, n := range c.not {
				if _, ok := got[n]; ok {
					t.Errorf("unexpected mechanism %s", n)
				}
			}
		})
	}
}

func TestDocumentsAwardsPeople(t *testing.T) {
	r := run(t, `湖州市人民政府关于2018年度法治政府建设情况的报告
全面落实《法治政府建设实施纲要(2015-2020年)》和《法治政府建设实施纲要（2015—2020年）》，出台《湖州市贯彻落实<县乡法治政府行动计划(2018-2020年)>实施方案》。区司法局与区法院共同出台《关于共同推进行政争议实质性化解的工作意见(试行)》。
乐华街道平乐下社区获评第九批“全国民主法治示范村(社区)”，区委政法委许志伟、区人民法院陈道准被授予“广东省依法治省工作先进个人”，获副市长林万乐批示肯定。获得省司法厅副厅长徐晓波调研肯定，徐文光常务副省长批示。`)
	docs := names(r.Documents, func(d extract.Document) string { return d.Title })
	if n := len(r.Documents); n != 4 {
		t.Errorf("%d documents, want 4 (one 纲要 however punctuated, and a nested plan): %v", n, docs)
	}
	if !slices.Contains(docs, "县乡法治政府行动计划(2018—2020年)") {
		t.Errorf("the nested title is missing: %v", docs)
	}
	awards := names(r.Awards, func(a extract.Award) string { return a.Name + " → " + a.Recipient + " " + a.Level })
	for _, w := range []string{
		"第九批“全国民主法治示范村(社区)” → 乐华街道平乐下社区 国家级",
		"广东省依法治省工作先进个人 → 区委政法委许志伟 省级",
		"广东省依法治省工作先进个人 → 区人民法院陈道准 省级",
	} {
		if !slices.Contains(awards, w) {
			t.Errorf("missing award %s; got %v", w, awards)
		}
	}
	if len(r.Awards) != 3 {
		t.Errorf("a leader's praise is no award: %v", awards)
	}
	people := names(r.People, func(p extract.Person) string { return p.Name + ":" + p.Role })
	for _, w := range []string{"林万乐:副市长", "徐晓波:省司法厅副厅长", "徐文光:常务副省长"} {
		if !slices.Contains(people, w) {
			t.Errorf("missing person %s; got %v", w, people)
		}
	}
}
