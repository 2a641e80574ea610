package extract

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// core is the head of a body's name: 司法局, 人民法院, 委 …
type core struct {
	surface string
	canon   string // the form used in resolved names
	kind    string
	bare    bool // may stand without a jurisdiction: 检察院 means the report's own
}

// Cores of body names, as written → as named. Longer surfaces win.
var cores = func() map[rune][]core {
	list := []core{
		{"人民政府办公室", "人民政府办公室", KindGovernment, false},
		{"政府办公室", "人民政府办公室", KindGovernment, false},
		{"政府办公厅", "人民政府办公厅", KindGovernment, false},
		{"人民政府办公厅", "人民政府办公厅", KindGovernment, false},
		{"政府办", "人民政府办公室", KindGovernment, false},
		{"人民政府", "人民政府", KindGovernment, false},
		{"政府", "人民政府", KindGovernment, false},
		{"管理委员会", "管理委员会", KindGovernment, false},
		{"管委会", "管理委员会", KindGovernment, true},
		{"街道办事处", "街道办事处", KindGovernment, false},
		{"党工委", "党工委", KindParty, true},
		{"两办", "两办", KindGovernment, false},
		{"委", "委", KindParty, false},
		{"人大常委会", "人大常委会", KindCongress, false},
		{"人大", "人大常委会", KindCongress, false},
		{"厅", "司法厅", KindJustice, false},
		{"人大及其常委会", "人大常委会", KindCongress, false},
		{"监察委员会", "监察委员会", KindOther, true},
		{"监委", "监察委员会", KindOther, false},
		{"政协", "政协", KindCPPCC, false},
		{"中级人民法院", "中级人民法院", KindCourt, false},
		{"人民法院", "人民法院", KindCourt, true},
		{"法院", "人民法院", KindCourt, true},
		{"人民法庭", "人民法庭", KindCourt, false},
		{"人民检察院", "人民检察院", KindProcuratorate, true},
		{"检察院", "人民检察院", KindProcuratorate, true},
		{"检察机关", "人民检察院", KindProcuratorate, true},
		{"司法局", "司法局", KindJustice, false},
		{"司法厅", "司法厅", KindJustice, true},
		{"社区矫正管理局", "社区矫正管理局", KindJustice, true},
		{"公安局", "公安局", KindPolice, false},
		{"公安分局", "公安分局", KindPolice, false},
		{"公安厅", "公安厅", KindPolice, false},
		{"市场监督管理局", "市场监督管理局", KindMarket, false},
		{"市场监管局", "市场监督管理局", KindMarket, false},
		{"综合行政执法局", "综合行政执法局", KindEnforcement, false},
		{"综合执法局", "综合行政执法局", KindEnforcement, false},
		{"城市管理局", "城市管理局", KindEnforcement, false},
		{"城管局", "城市管理局", KindEnforcement, false},
		{"城市管理综合执法局", "城市管理综合执法局", KindEnforcement, false},
		{"城综局", "城市综合管理局", KindEnforcement, false},
		{"综合执法办", "综合行政执法指导办公室", KindEnforcement, false},
		{"纪委监委", "纪委监委", KindOther, true},
		{"工商联", "工商联", KindOther, true},
	}
	for _, l := range ruleLevels {
		list = append(list,
			core{"全面依法治" + l + "委员会办公室", "委全面依法治" + l + "委员会办公室", KindParty, true},
			core{"全面依法治" + l + "委员会", "委全面依法治" + l + "委员会", KindParty, true})
	}
	others := strings.Fields(`财政局 财政厅 审计局 统计局 信访局 民政局 民政厅 教育局 教育厅 商务局 水利局 应急管理局
		退役军人事务局 医疗保障局 医保局 自然资源局 自然资源和规划局 自然资源厅 生态环境局 生态环境分局 生态环境厅
		住房和城乡建设局 住建局 住房城乡建设局 交通运输局 交通局 农业农村局 农业局 国土局 国土资源局 文化广电旅游局
		文化和广电旅游体育局 文化广播电视和旅游局 文化广电和旅游局 文旅局 卫生健康局 卫生健康委员会 卫健委 卫健局 人力资源和社会保障局 人社局 人力社保局
		发展和改革委员会 发展改革委 发改委 发改局 经济和信息化局 经信局 工业和信息化局 工信局 科技局 科学技术局
		行政审批局 行政审批服务局 数据资源管理局 大数据局 大数据发展管理局 政务服务管理办公室 政务服务管理局 税务局
		消防救援大队 消防救援支队 档案局 档案馆 林业局 气象局 住房保障局 建设局 规划局 环保局 安监局 粮食局
		民宗局 人防办 金融办 金融工作局 机关事务管理局 总工会 妇联 团委 残联 科协 法学会 律师协会 律协 红十字会
		仲裁委员会 仲裁委 公证处 法律援助中心 公共法律服务中心 行政复议局 法制办 政法委 组织部 宣传部 统战部 编办
		机构编制委员会办公室 党校 网信办 纪委 监委 法治办 依法治区办 依法治县办 依法治市办 依法治省办`)
	for _, o := range others {
		c := core{surface: o, canon: o, kind: KindOther}
		switch o {
		case "政法委", "组织部", "宣传部", "统战部", "编办", "机构编制委员会办公室", "党校", "网信办",
			"依法治区办", "依法治县办", "依法治市办", "依法治省办", "法治办":
			c.kind = KindParty
		}
		switch o {
		case "政法委":
			c.canon = "政法委员会"
		case "编办":
			c.canon = "机构编制委员会办公室"
		case "市场监管局":
			c.canon = "市场监督管理局"
		case "人社局", "人力社保局":
			c.canon = "人力资源和社会保障局"
		case "住建局":
			c.canon = "住房和城乡建设局"
		case "发改委":
			c.canon = "发展和改革委员会"
		case "卫健委":
			c.canon = "卫生健康委员会"
		case "医保局":
			c.canon = "医疗保障局"
		}
		list = append(list, c)
	}
	m := map[rune][]core{}
	for _, c := range list {
		r, _ := utf8.DecodeRuneInString(c.surface)
		m[r] = append(m[r], c)
	}
	for r := range m {
		sort.SliceStable(m[r], func(i, j int) bool { return len(m[r][i].surface) > len(m[r][j].surface) })
	}
	return m
}()

// The levels a committee for law-based governance (全面依法治X委员会) is named after.
var ruleLevels = []string{"省", "市", "州", "盟", "区", "县", "旗"}

type partySub struct{ surface, canon, kind string }

// Sub-organs of a party committee: 区委全面依法治区委员会, 区委政法委.
var partySubs = func() []partySub {
	var subs []partySub
	for _, l := range ruleLevels {
		office := "全面依法治" + l + "委员会办公室"
		committee := "全面依法治" + l + "委员会"
		subs = append(subs,
			partySub{office, office, KindParty},
			partySub{committee, committee, KindParty},
			partySub{"依法治" + l + "委员会办公室", office, KindParty},
			partySub{"依法治" + l + "委员会", committee, KindParty},
			partySub{"依法治" + l + "办", office, KindParty})
	}
	return append(subs,
		partySub{"政法委员会", "政法委员会", KindParty},
		partySub{"政法委", "政法委员会", KindParty},
		partySub{"办公室", "办公室", KindParty},
		partySub{"宣传部", "宣传部", KindParty},
		partySub{"组织部", "组织部", KindParty},
		partySub{"统战部", "统战部", KindParty},
		partySub{"编办", "机构编制委员会办公室", KindParty},
		partySub{"督查室", "督查室", KindParty})
}()

// National bodies, written → named.
var nationalBodies = map[string][2]string{
	"党中央": {"中共中央", KindParty}, "中共中央": {"中共中央", KindParty},
	"国务院": {"国务院", KindGovernment}, "国务院办公厅": {"国务院办公厅", KindGovernment},
	"司法部": {"司法部", KindJustice}, "公安部": {"公安部", KindPolice},
	"最高人民法院": {"最高人民法院", KindCourt}, "最高人民检察院": {"最高人民检察院", KindProcuratorate},
	"最高法": {"最高人民法院", KindCourt}, "最高检": {"最高人民检察院", KindProcuratorate},
	"全国人大常委会": {"全国人大常委会", KindCongress}, "全国人大": {"全国人民代表大会", KindCongress},
	"全国政协":           {"全国政协", KindCPPCC},
	"中央全面依法治国委员会":    {"中央全面依法治国委员会", KindParty},
	"中央全面依法治国委员会办公室": {"中央全面依法治国委员会办公室", KindParty},
	"中央依法治国办":        {"中央全面依法治国委员会办公室", KindParty},
	"中央政法委":          {"中央政法委员会", KindParty}, "中央纪委国家监委": {"中央纪委国家监委", KindOther},
	"国家市场监督管理总局": {"国家市场监督管理总局", KindMarket}, "市场监管总局": {"国家市场监督管理总局", KindMarket},
	"市监总局":    {"国家市场监督管理总局", KindMarket},
	"国家发展改革委": {"国家发展和改革委员会", KindOther}, "国家发展和改革委员会": {"国家发展和改革委员会", KindOther},
	"生态环境部": {"生态环境部", KindOther}, "自然资源部": {"自然资源部", KindOther}, "民政部": {"民政部", KindOther},
	"财政部": {"财政部", KindOther}, "人力资源社会保障部": {"人力资源社会保障部", KindOther},
	"住房城乡建设部": {"住房和城乡建设部", KindOther}, "交通运输部": {"交通运输部", KindOther},
	"农业农村部": {"农业农村部", KindOther}, "商务部": {"商务部", KindOther}, "应急管理部": {"应急管理部", KindOther},
	"审计署": {"审计署", KindOther}, "国家税务总局": {"国家税务总局", KindOther}, "国家信访局": {"国家信访局", KindOther},
	"教育部": {"教育部", KindOther}, "全国普法办": {"全国普法办", KindParty}, "中宣部": {"中共中央宣传部", KindParty},
	"中央宣传部": {"中共中央宣传部", KindParty}, "退役军人事务部": {"退役军人事务部", KindOther},
}

// Named organisations: a proper name before one of these heads.
var orgHeads = []string{"律师事务所", "股份有限公司", "有限责任公司", "有限公司", "集团", "大学", "学院",
	"研究院", "研究所", "医院", "银行", "基金会", "中学", "小学"}

// Generic words that do not start an organisation's proper name.
var orgGeneric = []string{"行业", "企业", "各类", "相关", "有关", "国有", "民营", "本地", "当地", "重点", "涉案",
	"多家", "各家", "一家", "大型", "中小", "各", "该", "本", "全", "所在"}

// Words that end the name before a named organisation.
var orgStops = []string{"联合", "聘请了", "聘请", "委托", "依托", "设立", "成立", "组织", "邀请", "会同", "携手",
	"牵头", "通过", "与", "和", "及", "同", "在", "由", "对", "向", "为", "了", "的", "等", "被", "经", "获",
	"是", "将", "把", "从", "到", "给", "让", "请", "跟", "并", "或"}

// Words ending in a level character that are not a body prefix: 全区 法院
// is every court of the district, 社区 is a community.
var notPrefix = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`全区 各区 辖区 城区 社区 两区 该区 街区 园区 景区 校区 新区 老区 小区 市区 县区
		山区 灾区 矿区 林区 牧区 港区 湾区 片区 分区 政区 学区 军区 库区 专区 特区 城乡区 全县 各县 该县 区县 市县 郡县
		邻县 全市 各市 该市 城市 都市 超市 上市 集市 县市 省市 夜市 门市 开市 全省 各省 该省 外省 邻省 节省 反省
		全镇 各镇 城镇 乡镇 集镇 村镇 市镇 小镇 重镇 古镇 各街道 全街道 该街道`) {
		notPrefix[w] = true
	}
}

var govFollowRe = regexp.MustCompile(`^(性|质量|网站|信息|采购|债|投资|购买|职能|部门|规章|法律顾问|门户|数据)`)

// bodyHit is a resolved mention of a body.
type bodyHit struct {
	start, end int
	name, kind string
	j          *jur
}

var relChars = []string{"街道", "省", "市", "区", "县", "镇", "乡", "州", "盟", "旗", "本", "我"}

// relPrefix returns the relative level written right before i (区 in 区法院)
// and its length, or "" when there is none.
func (x *doc) relPrefix(i int) (string, int) {
	t := x.t
	for _, r := range relChars {
		n := utf8.RuneCountInString(r)
		if !t.has(i-n, r) {
			continue
		}
		if i-n-1 >= 0 {
			if notPrefix[t.str(i-n-1, i)] {
				return "-", 0 // 全区法院: every court of the district
			}
			// 区 of 秀洲区 is part of a place name, handled as a place
			if x.placeEndsAt(i) != nil {
				return "", 0
			}
		}
		return r, n
	}
	return "", 0
}

// placeEndsAt returns the place mention ending at i, if any.
func (x *doc) placeEndsAt(i int) *placeHit {
	k := sort.Search(len(x.placeAt), func(k int) bool { return x.placeAt[k].end >= i })
	for ; k < len(x.placeAt) && x.placeAt[k].end == i; k++ {
		return &x.placeAt[k]
	}
	return nil
}

// relJur resolves a relative level against the reporting jurisdiction.
func (x *doc) relJur(rel string) *jur {
	self := x.self
	if self == nil {
		return nil
	}
	up := func(l Level) *jur {
		for j := self; j != nil; j = j.parent {
			if j.level == l {
				return j
			}
		}
		return nil
	}
	switch rel {
	case "本", "我":
		return self
	case "省":
		return up(Province)
	case "市":
		switch {
		case self.level == City:
			return self
		case self.level == County && strings.HasSuffix(self.name, "市"):
			return self
		case self.level == Province && strings.HasSuffix(self.name, "市"):
			return self // 直辖市
		}
		if c := up(City); c != nil {
			return c
		}
		if p := up(Province); p != nil && strings.HasSuffix(p.name, "市") {
			return p // a district of a municipality: 市委 is 重庆市委
		}
		return nil
	case "区":
		if self.level == Zone || (self.level == County && strings.HasSuffix(self.name, "区")) {
			return self
		}
		if self.level == Township {
			return up(County)
		}
	case "县", "旗":
		if self.level == County && strings.HasSuffix(self.name, rel) {
			return self
		}
	case "州", "盟":
		if c := up(City); c != nil && strings.HasSuffix(c.name, rel) {
			return c // 州委 in a county of an autonomous prefecture
		}
	case "镇", "乡", "街道":
		if self.level == Township {
			return self
		}
	}
	return nil
}

// bodyName names the body with core c of jurisdiction j.
func bodyName(j *jur, canon string) string {
	if strings.HasPrefix(canon, "委") && canon != "委" {
		return bodyName(j, "委") + strings.TrimPrefix(canon, "委")
	}
	name := baseName(j)
	switch canon {
	case "仲裁委员会", "仲裁委":
		return strings.TrimSuffix(j.name, "市") + "仲裁委员会"
	case "人民法院":
		if j.level == Province {
			return name + "高级人民法院"
		}
	}
	if canon == "人民法庭" && j.level == Township && j.parent != nil {
		// a tribunal belongs to its county's court: 来凤县人民法院百福司人民法庭
		return bodyName(j.parent, "人民法院") + townShort(j.name) + canon
	}
	if strings.HasSuffix(canon, "分局") && (j.level == County || j.level == Zone) && j.parent != nil &&
		(j.parent.level == City || j.parent.level == Province) {
		city := j.parent
		branch := j.name
		short := strings.TrimSuffix(city.name, "市")
		if j.level == Zone && strings.HasPrefix(branch, short) {
			branch = strings.TrimPrefix(branch, short)
		}
		return city.name + strings.TrimSuffix(canon, "分局") + "局" + branch + "分局"
	}
	return bodyNameShort(j, name, canon)
}

// baseName is the name bodies of j are named after: j's own, or for a
// district of a municipality, with the municipality: 重庆市渝北区.
func baseName(j *jur) string {
	if (j.level == County || j.level == Zone) && j.parent != nil && j.parent.level == Province {
		return j.parent.name + j.name
	}
	return j.name
}

// levelChar is the character a jurisdiction's committees are named after:
// 区 for 秀洲区 and for a zone, 县, 市, 旗, 州, 省 (区 for an autonomous region).
func levelChar(j *jur) string {
	if j == nil {
		return ""
	}
	if j.level == Zone {
		return "区"
	}
	r := []rune(j.name)
	return string(r[len(r)-1])
}

func bodyNameShort(j *jur, name, canon string) string {
	switch canon {
	case "委", "党工委":
		if j.level == Zone || canon == "党工委" {
			return name + "党工委"
		}
		return "中共" + j.name + "委" // 中共渝北区委, as reports write it
	case "人民政府":
		if j.level == Zone {
			return name + "管理委员会"
		}
		if strings.HasSuffix(name, "街道") {
			return name + "办事处"
		}
	case "人民政府办公室":
		if j.level == Zone {
			return name + "管理委员会办公室"
		}
	case "政协":
		return "政协" + j.name + "委员会"
	case "人民法院":
		if j.level == City {
			return name + "中级人民法院"
		}
	}
	return name + canon
}

// matchCore returns the longest core at t[i:].
func (x *doc) matchCore(i int) (core, bool) {
	if i >= len(x.t) {
		return core{}, false
	}
	for _, c := range cores[x.t[i]] {
		if x.t.has(i, c.surface) {
			return c, true
		}
	}
	return core{}, false
}

// bodies finds the bodies a report names and resolves relative names.
func (x *doc) bodies() {
	t := x.t
	found := map[string]*Body{}
	var order []string
	add := func(s, e int, name, kind string, j *jur) {
		if name == "" {
			return
		}
		m, ok := x.mention(s, e)
		if !ok {
			return
		}
		b := found[name]
		if b == nil {
			b = &Body{Name: name, Kind: kind}
			if j != nil {
				b.Jurisdiction = j.code
			}
			found[name] = b
			order = append(order, name)
		}
		if !contains(b.Surfaces, m.Surface) {
			b.Surfaces = append(b.Surfaces, m.Surface)
		}
		b.Mentions = append(b.Mentions, m)
		x.bodyAt = append(x.bodyAt, bodyHit{start: s, end: e, name: name, kind: kind, j: j})
	}
	for i := 0; i < len(t); i++ {
		if x.inCruft(i) {
			continue
		}
		// national bodies
		if n, name, kind := matchNational(t, i); n > 0 {
			add(i, i+n, name, kind, nil)
			i += n - 1
			continue
		}
		c, ok := x.matchCore(i)
		if !ok {
			continue
		}
		n := utf8.RuneCountInString(c.surface)
		var j *jur
		start := i
		if h := x.placeEndsAt(i); h != nil {
			j, start = h.j, h.start
			// a chain 嘉兴市秀洲区: start at its head
			for k := len(x.placeAt) - 1; k >= 0; k-- {
				if x.placeAt[k].end == start && x.placeAt[k].j == j.parent {
					start = x.placeAt[k].start
				}
			}
		} else if rel, rn := x.relPrefix(i); rel == "-" {
			i += n - 1
			continue
		} else if rel != "" && !strings.ContainsRune("级里内外域直属", t[i]) {
			j, start = x.relJur(rel), i-rn
			if j == nil {
				i += n - 1
				continue // 镇政府 in a county report: which town?
			}
		} else if !c.bare {
			continue
		} else if x.self == nil || (i > 0 && strings.ContainsRune("府院检", t[i-1])) {
			continue // 府院 / 府检 name mechanisms, not bodies
		} else {
			j = x.self
			if strings.HasPrefix(c.canon, "委全面依法治") && !strings.HasPrefix(c.canon, "委全面依法治"+levelChar(x.self)) {
				i += n - 1
				continue // 市委全面依法治市委员会 in a province's report: every city's
			}
			if c.canon == "司法厅" {
				j = x.relJur("省") // 被司法厅命名为: the province's department
				if j == nil {
					continue
				}
			}
			if c.surface == "管委会" || c.surface == "党工委" {
				if x.self.level != Zone {
					continue
				}
			}
		}
		end := i + n
		switch c.canon {
		case "两办":
			add(start, end, bodyName(j, "人民政府办公室"), KindGovernment, j)
			add(start, end, bodyName(j, "委")+"办公室", KindParty, j)
			i = end - 1
			continue
		case "委", "党工委":
			// a committee needs its own boundary: 区委 yes, 区委员 no
			if end < len(t) && strings.ContainsRune("员托屈婉", t[end]) {
				continue
			}
			party := bodyName(j, c.canon)
			if sub, sn := matchPartySub(t, end); sn > 0 {
				add(start, end+sn, party+sub.canon, sub.kind, j)
				i = end + sn - 1
				continue
			}
			add(start, end, party, KindParty, j)
			i = end - 1
			continue
		case "司法厅":
			if c.surface == "厅" && t.str(start, i) != "省" {
				continue
			}
		}
		if c.surface == "政府" && govFollowRe.MatchString(t.str(end, min(len(t), end+4))) {
			continue // 省政府质量奖, 政府信息公开: not the government as an actor
		}
		add(start, end, bodyName(j, c.canon), c.kind, j)
		i = end - 1
	}
	x.namedOrgs(add)
	sort.SliceStable(x.bodyAt, func(a, b int) bool { return x.bodyAt[a].start < x.bodyAt[b].start })
	x.units(add)
	sort.SliceStable(x.bodyAt, func(a, b int) bool { return x.bodyAt[a].start < x.bodyAt[b].start })
	for _, name := range order {
		x.rep.Bodies = append(x.rep.Bodies, *found[name])
	}
	x.bodyIndex = found
}

var nationalByRune = func() map[rune][]string {
	m := map[rune][]string{}
	for s := range nationalBodies {
		r, _ := utf8.DecodeRuneInString(s)
		m[r] = append(m[r], s)
	}
	for r := range m {
		sort.Slice(m[r], func(i, j int) bool { return len(m[r][i]) > len(m[r][j]) })
	}
	return m
}()

func matchNational(t text, i int) (int, string, string) {
	for _, s := range nationalByRune[t[i]] {
		n := utf8.RuneCountInString(s)
		if !t.has(i, s) {
			continue
		}
		// 司法部门, 教育部门: departments in general, not the ministry
		if strings.HasSuffix(s, "部") && i+n < len(t) && t[i+n] == '门' {
			continue
		}
		v := nationalBodies[s]
		return n, v[0], v[1]
	}
	return 0, "", ""
}

func matchPartySub(t text, i int) (partySub, int) {
	for _, s := range partySubs {
		if t.has(i, s.surface) {
			return s, utf8.RuneCountInString(s.surface)
		}
	}
	return partySub{}, 0
}

// namedOrgs finds law firms, companies, universities: a proper name before
// a head word, cut on the left at punctuation or a function word.
func (x *doc) namedOrgs(add func(s, e int, name, kind string, j *jur)) {
	t := x.t
	for _, h := range orgHeads {
		hn := utf8.RuneCountInString(h)
		last := -1
		for _, i := range x.find(h) {
			if i < last || x.inCruft(i) {
				continue // inside a longer head already read
			}
			last = i + hn
			start := i
			for start > 0 && i-start < 18 && unicode.Is(unicode.Han, t[start-1]) {
				start--
			}
			// cut at the last stop word inside
			best := start
			for k := start; k < i; k++ {
				for _, w := range orgStops {
					if e := k + utf8.RuneCountInString(w); e <= i && e > best && t.has(k, w) {
						best = e
					}
				}
			}
			start = best
			if i-start < 2 {
				continue
			}
			if yes, ok := x.boundary(i, i+hn); ok && !yes && hn <= 2 {
				continue // 集中学习 holds no 中学
			}
			name := t.str(start, i+hn)
			generic := false
			for _, g := range orgGeneric {
				if strings.HasPrefix(name, g) {
					generic = true
				}
			}
			if !generic {
				add(start, i+hn, name, KindOther, nil)
			}
		}
	}
}

// Heads of named units: 区合法性审查中心, 县司法局芦溪司法所, 市委督查室.
var unitHeads = []string{"中心", "委员会", "领导小组", "联席会议", "指挥部", "服务团", "顾问团", "督查室", "办公室", "司法所",
	"派出所", "人民法庭", "法律服务所", "调解室", "局", "党组", "市场监督管理所", "市场监管所"}

// Words that make a head part of a longer word (中心组, 中心工作, 大局) or
// a middle that is not a name (建立府院…, 五星级…).
var (
	unitGlueRe    = regexp.MustCompile(`^(组|城|区|工作|任务|主|点|镇|村|环节|位置|地位|会议)`)
	notBureauRe   = regexp.MustCompile(`(大|格|布|结|时|全|当|政|开|终|残|骗|饭|邮|棋|赌|警|僵|败|胜|定|出|入|变|战|药|书)$`)
	unitMiddleBad = regexp.MustCompile(`建立|召开|完善|健全|推动|推进|开展|实施|落实|出台|印发|设立|成立|组织|参加|全部|部署|府院|府检|星级|先进|示范|优秀|模范|典型|枫桥式|副$`)
)

// Verbs after which a unit may be named without its jurisdiction:
// 成立社区矫正管理局, 深化行政争议审前和解中心建设.
var unitVerbRe = regexp.MustCompile(`(成立|设立|建立|组建|依托|建成|挂牌|深化|发挥|召开|推进|运行|完善)$`)

// unitStop are characters that never occur inside a unit's name.
const unitStop = "的与及、等在将对为是了把被向由从以并或,，。;；:：“”《》"

func unitKind(head, parentKind string) string {
	switch head {
	case "司法所":
		return KindJustice
	case "派出所":
		return KindPolice
	case "人民法庭":
		return KindCourt
	case "督查室", "调解室":
		if parentKind != "" {
			return parentKind
		}
	}
	return KindOther
}

// units finds named units: a jurisdiction (written or relative) or a
// parent body, then a proper name, then a head such as 中心 or 司法所.
func (x *doc) units(add func(s, e int, name, kind string, j *jur)) {
	t := x.t
	x.unitNames = map[string]bool{}
	var heads [][2]int
	for _, h := range unitHeads {
		n := utf8.RuneCountInString(h)
		for _, i := range x.find(h) {
			heads = append(heads, [2]int{i, i + n})
		}
	}
	// leftmost first, longest first: 调解委员会 before its 委员会
	sort.Slice(heads, func(a, b int) bool {
		if heads[a][0] != heads[b][0] {
			return heads[a][0] < heads[b][0]
		}
		return heads[a][1] > heads[b][1]
	})
	next := 0
	for _, hd := range heads {
		hs, he := hd[0], hd[1]
		if hs < next {
			continue
		}
		next = he
		head := t.str(hs, he)
		if x.inCruft(hs) || x.bodyCovering(hs, he) {
			continue
		}
		if head == "委员会" && hs > 0 && strings.ContainsRune("党政", t[hs-1]) {
			continue
		}
		// walk left over the name to an anchor
		k := hs
		for k > 0 && hs-k < 16 && !strings.ContainsRune(unitStop, t[k-1]) && t[k-1] != '\n' {
			if b := x.bodyEndingAt(k); b != nil {
				break
			}
			if ph := x.placeEndsAt(k); ph != nil {
				break
			}
			if rel, _ := x.relPrefix(k); rel != "" && rel != "-" && rel != "本" && rel != "我" {
				break
			}
			k--
		}
		middle := t.str(k, hs)
		if strings.ContainsAny(middle, "0123456789") || strings.HasPrefix(middle, "级") || strings.HasPrefix(middle, "两") ||
			strings.HasPrefix(middle, "各") || strings.HasPrefix(middle, "全") || unitMiddleBad.MatchString(middle) ||
			strings.Count(middle, "(") != strings.Count(middle, ")") {
			continue
		}
		if (head == "中心" || head == "委员会") && unitGlueRe.MatchString(t.str(he, min(len(t), he+2))) {
			continue
		}
		if head == "局" && (notBureauRe.MatchString(middle) || middle == "") {
			continue
		}
		// 和 joins the words of a department's name (文化广电体育和旅游局),
		// elsewhere it joins two names
		if strings.Contains(middle, "和") && head != "局" && head != "委员会" {
			continue
		}
		minMiddle := 2
		switch head {
		case "司法所", "派出所", "人民法庭", "督查室", "办公室":
			minMiddle = 0
		}
		if (head == "办公室" || head == "党组") && x.bodyEndingAt(k) == nil {
			continue // an office is named after its parent: 管委会办公室
		}
		if head == "党组" {
			if b := x.bodyEndingAt(k); b != nil && middle == "" && b.kind != KindParty {
				add(b.start, he, "中共"+b.name+"党组", KindParty, b.j) // 市司法局党组
			}
			continue
		}
		var name, kind string
		var j *jur
		start := k
		switch b, ph := x.bodyEndingAt(k), x.placeEndsAt(k); {
		case b != nil && utf8.RuneCountInString(middle) >= minMiddle:
			// a unit of a body: 县司法局芦溪司法所, 市委督查室
			name, kind, j, start = b.name+middle+head, unitKind(head, b.kind), b.j, b.start
		case ph != nil && utf8.RuneCountInString(middle)+utf8.RuneCountInString(head) >= 3:
			j, start = ph.j, ph.start
			// a town's unit under a body: 县司法局芦溪司法所
			if b := x.bodyEndingAt(ph.start); b != nil {
				name, kind, j, start = b.name+t.str(ph.start, he), unitKind(head, b.kind), b.j, b.start
				break
			}
			if head == "人民法庭" && ph.j.level == Township {
				name, kind = bodyName(ph.j, head), KindCourt
				break
			}
			if ph.short && !ph.zoneWord {
				name = t.str(ph.start, he) // 秀洲合法性审查协同中心: as written
			} else {
				name = baseName(ph.j) + middle + head
			}
			kind = unitKind(head, "")
		default:
			if rel, n := x.relPrefix(k); rel != "" && rel != "-" && utf8.RuneCountInString(middle) >= 2 {
				if j = x.relJur(rel); j == nil {
					continue
				}
				name, kind, start = baseName(j)+middle+head, unitKind(head, ""), k-n
				break
			}
			// no jurisdiction written: a unit the report's own government
			// set up, introduced by a verb
			if x.self == nil || utf8.RuneCountInString(middle) < 4 || head == "局" {
				continue
			}
			m := strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(middle, "全区"), "全县"), "全市")
			if !unitVerbRe.MatchString(t.str(max(0, k-4), k)) && m == middle {
				continue
			}
			j, name, kind = x.self, baseName(x.self)+m+head, unitKind(head, "")
		}
		if head == "局" && utf8.RuneCountInString(middle) < 2 {
			continue
		}
		if name == "" {
			continue
		}
		name = strings.Replace(name, "市场监管所", "市场监督管理所", 1)
		add(start, he, name, kind, j)
		x.unitNames[name] = true
	}
	sort.SliceStable(x.bodyAt, func(a, b int) bool { return x.bodyAt[a].start < x.bodyAt[b].start })
}

// bodyCovering returns whether a body already found covers [s, e).
func (x *doc) bodyCovering(s, e int) bool {
	for _, b := range x.bodyAt {
		if b.start <= s && e <= b.end {
			return true
		}
	}
	return false
}

// townShort is a town's name without 镇, 乡 or 街道: 百福司 of 百福司镇.
func townShort(name string) string {
	for _, suf := range []string{"街道", "镇", "乡"} {
		if strings.HasSuffix(name, suf) && len([]rune(name)) > len([]rune(suf))+1 {
			return strings.TrimSuffix(name, suf)
		}
	}
	return name
}
