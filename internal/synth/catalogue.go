package synth

// domain is the area of work a mechanism belongs to; it decides which
// section of a report tells of it.
type domain int

const (
	domLead      domain = iota // leadership and planning
	domBusiness                // business environment and government services
	domDecision                // lawful decisions and rules
	domEnforce                 // law enforcement
	domOversight               // oversight, reconsideration and litigation
	domDispute                 // disputes and grassroots governance
	domPublic                  // legal education and public legal services
	nDomains
)

// kind is how a report introduces a mechanism: the verbs that fit it.
type kind int

const (
	kindLink   kind = iota // a joint mechanism of bodies: 建立…机制
	kindReform             // a reform: 推进…改革
	kindRule               // a rule or practice: 推行…制度
	kindWay                // a way of working: 坚持和发展…
	kindBrand              // a brand, project or service: 打造…
)

// Verbs of a first report, of a later one, per kind; a mechanism may bring
// its own.
var (
	newVerbs = [...][]string{
		kindLink:   {"建立", "建立健全", "探索建立", "创新建立", "构建"},
		kindReform: {"推进", "启动", "全面推开", "实施", "深入推进"},
		kindRule:   {"推行", "全面推行", "实行", "建立"},
		kindWay:    {"坚持和发展", "践行", "深入践行"},
		kindBrand:  {"打造", "推出", "建成", "实施"},
	}
	againVerbs = [...][]string{
		kindLink:   {"深化", "持续深化", "完善", "用好", "常态化运行"},
		kindReform: {"深化", "纵深推进", "持续深化", "巩固"},
		kindRule:   {"持续推行", "严格落实", "深入推行", "巩固", "完善"},
		kindWay:    {"坚持和发展", "持续践行", "深化"},
		kindBrand:  {"擦亮", "深化", "持续打造", "提升"},
	}
)

// entry is a well-known mechanism as the catalogue writes it.
type entry struct {
	name  string
	dom   domain
	kind  kind
	forms []string // objects of the verbs: how reports name it
	// plain is the name alone, quoted where reports quote it: 府检联动,
	// “首违不罚”.
	plain  string
	newV   []string // verbs of a first report, if not the kind's
	againV []string
	// details are clauses telling what the mechanism did, with slots.
	details []string
	// variants are patterns of local variants: {c} a count name, {s} the
	// place's short name.
	variants []string
	// doc is the phrase a document calling for the mechanism uses; "" when
	// none would.
	doc string
}

// known are the well-known mechanisms, in the order a corpus takes them.
var known = []entry{
	{name: "府检联动", plain: "府检联动", dom: domOversight, kind: kindLink,
		forms: []string{"府检联动机制", "“府检联动”工作机制", "府检联动工作机制", "府检联席会议制度", "府检协作机制"},
		details: []string{
			"与{proc}会签《关于建立府检联动工作机制的实施意见》，明确信息共享、线索移送、联合调研等{n:5-9}项协作事项",
			"召开府检联席会议{n:2-4}次，研究解决行政执法监督中的突出问题{n:5-20}个",
			"{proc}向行政机关移送行政违法行为监督线索{n:8-60}条，制发检察建议{n:5-30}份，整改率{pct:92-100}%",
			"在[生态环境|食品药品|国有财产保护|安全生产]领域开展联合专项监督{n:2-6}次，督促追缴国有资金{money:80-900}万元",
			"{gov}分管负责同志与{proc}检察长定期会商，推动检察建议办理纳入部门法治考核",
		},
		variants: []string{"“{c}”府检联动模式", "“{c}”府检联动工作机制", "“{c}”府检联动机制"},
		doc:      "府检联动工作机制"},
	{name: "府院联动", plain: "府院联动", dom: domOversight, kind: kindLink,
		forms: []string{"府院联动机制", "府院联席会议制度", "“府院联动”工作机制", "府院良性互动机制", "府院联动工作机制"},
		details: []string{
			"与{court}联合召开府院联席会议{n:2-4}次，通报行政审判白皮书和典型案例{n:3-12}件",
			"协同{court}推动涉企破产、行政争议等{n:6-30}个难点问题有效解决",
			"建立行政争议诉前协调化解通道，诉前化解行政争议{n:10-90}件",
			"组织{n:60-400}名行政执法人员旁听行政案件庭审，以案释法提升依法行政能力",
		},
		variants: []string{"“{c}”府院联动机制", "“{c}”府院联动模式"},
		doc:      "府院联动机制"},
	{name: "枫桥经验", plain: "“枫桥经验”", dom: domDispute, kind: kindWay,
		forms: []string{"新时代“枫桥经验”", "新时代枫桥经验", "“枫桥经验”"},
		details: []string{
			"推动{n:70-98}%以上的矛盾纠纷化解在基层、解决在萌芽状态",
			"全年排查化解各类矛盾纠纷{n:800-9000}件，调解成功率{pct:95-99}%",
			"建成村（社区）调解室{n:60-400}个，实现矛盾纠纷“小事不出村、大事不出镇”",
			"组建由老党员、退休干部和乡贤组成的调解队伍{n:20-160}支",
		},
		variants: []string{"“{s}枫桥”基层治理模式", "“{s}枫桥”调解工作法"}},
	{name: "首违不罚", plain: "“首违不罚”", dom: domEnforce, kind: kindRule,
		forms:  []string{"“首违不罚”制度", "轻微违法行为“首违不罚”", "“首违不罚”清单制度", "首违不罚清单制度"},
		newV:   []string{"推行", "全面推行", "实行", "建立"},
		againV: []string{"持续推行", "深入推行", "落实", "扩大"},
		details: []string{
			"在市场监管、交通运输、生态环境等{n:3-9}个领域公布首次轻微违法不予处罚事项{n:30-160}项",
			"全年对首次轻微违法的经营主体依法不予处罚{n:40-900}起，以说服教育、提醒告诫代替处罚",
			"配套制定柔性执法指引，做到执法有力度更有温度",
		},
		doc: "轻微违法行为“首违不罚”清单制度"},
	{name: "一件事一次办", plain: "“一件事一次办”", dom: domBusiness, kind: kindReform,
		forms: []string{"“一件事一次办”改革", "一件事一次办改革", "“一件事一次办”集成改革"},
		details: []string{
			"梳理推出企业开办、不动产登记、出生登记等“一件事”主题服务{n:12-60}项，办理时限平均压缩{pct:40-80}%",
			"全年办理“一件事”集成服务{n:2000-40000}件，群众办事跑动次数平均减少{n:2-5}次",
			"在政务服务中心设立综合窗口{n:6-30}个，实现“一窗受理、集成服务”",
		},
		doc: "“一件事一次办”改革"},
	{name: "证照分离", plain: "“证照分离”", dom: domBusiness, kind: kindReform,
		forms: []string{"“证照分离”改革", "证照分离改革", "“证照分离”改革全覆盖"},
		details: []string{
			"对{n:300-530}项涉企经营许可事项实行分类管理，惠及经营主体{n:1200-30000}户",
			"通过直接取消审批、审批改为备案、优化审批服务等方式，企业准营时间平均缩短{pct:30-70}%",
			"做好改革后续的事中事后监管，推动“照后减证”落到实处",
		},
		doc: "“证照分离”改革全覆盖"},
	{name: "告知承诺制", plain: "告知承诺制", dom: domBusiness, kind: kindRule,
		forms: []string{"证明事项告知承诺制", "证明事项“告知承诺制”", "涉企经营许可事项告知承诺制", "告知承诺制"},
		details: []string{
			"梳理公布实行告知承诺的证明事项{n:20-220}项，全年以承诺方式办理{n:900-20000}件",
			"建立承诺人信用档案，对虚假承诺依法予以惩戒",
			"群众办事提交材料平均减少{pct:20-45}%，实现“减证便民”",
		},
		doc: "证明事项告知承诺制"},
	{name: "双随机一公开", plain: "“双随机、一公开”", dom: domEnforce, kind: kindRule,
		forms:  []string{"“双随机、一公开”监管", "部门联合“双随机、一公开”监管", "“双随机、一公开”监管模式"},
		newV:   []string{"推行", "全面推行", "实行", "推开"},
		againV: []string{"深化", "持续推行", "深入推行", "全面落实"},
		details: []string{
			"建立检查对象名录库和执法检查人员名录库，随机抽查经营主体{n:600-9000}户",
			"组织跨部门联合抽查{n:30-400}次，减少对企业的重复检查{n:100-3000}余次",
			"抽查结果全部通过国家企业信用信息公示系统向社会公开",
		},
		doc: "“双随机、一公开”监管"},
	{name: "诉源治理", plain: "诉源治理", dom: domDispute, kind: kindLink,
		forms: []string{"诉源治理机制", "“诉源治理”工作机制", "诉源治理工作机制"},
		details: []string{
			"与{court}共建诉前调解工作站{n:5-30}个，委派诉前调解案件{n:300-5000}件",
			"{all}民商事案件收案数同比下降{pct:4-22}%",
			"推动法官、律师、调解员进网格，把纠纷化解在起诉之前",
		},
		variants: []string{"“{c}”诉源治理模式"},
		doc:      "诉源治理工作机制"},
	{name: "法律明白人", plain: "“法律明白人”", dom: domPublic, kind: kindBrand,
		forms:  []string{"“法律明白人”培养工程", "农村“法律明白人”培养工程", "法律明白人培养工程"},
		newV:   []string{"实施", "启动", "推进"},
		againV: []string{"深化", "深入实施", "持续推进"},
		details: []string{
			"培育农村“法律明白人”{n:600-9000}名，实现每个村（社区）至少{n:3-6}名",
			"组织“法律明白人”参与矛盾纠纷排查、法治宣传{n:300-4000}场次",
			"编印《“法律明白人”工作手册》{n:2000-20000}册，开展集中轮训{n:4-30}期",
		},
		doc: "农村“法律明白人”培养工程"},
	{name: "行政机关负责人出庭应诉", plain: "行政机关负责人出庭应诉", dom: domOversight, kind: kindRule,
		forms:  []string{"行政机关负责人出庭应诉制度", "行政机关负责人出庭应诉工作机制"},
		newV:   []string{"落实", "严格落实", "建立", "推行"},
		againV: []string{"严格落实", "深入落实", "持续落实"},
		details: []string{
			"全年一审行政诉讼案件{n:20-400}件，行政机关负责人出庭应诉率{pct:90-100}%",
			"将出庭应诉情况纳入法治政府建设考核，实现“出庭、出声、出效果”",
			"{gov}主要负责人带头出庭应诉{n:1-3}次，带动部门负责人出庭{n:10-120}人次",
		},
		doc: "行政机关负责人出庭应诉制度"},
	{name: "综合行政执法改革", plain: "综合行政执法改革", dom: domEnforce, kind: kindReform,
		forms: []string{"综合行政执法改革", "乡镇（街道）综合行政执法改革", "综合行政执法体制改革"},
		details: []string{
			"整合城管、市场监管、农业农村等执法队伍{n:5-12}支，划转执法事项{n:200-1400}项",
			"向{n:5-30}个{subword}下放行政执法事项，组建综合行政执法队",
			"编制综合行政执法事项清单和执法指引，执法人员下沉一线{n:60-600}名",
		},
		doc: "综合行政执法改革"},
	{name: "最多跑一次", plain: "“最多跑一次”", dom: domBusiness, kind: kindReform,
		forms: []string{"“最多跑一次”改革", "最多跑一次改革"},
		details: []string{
			"政务服务事项“最多跑一次”实现率达到{pct:95-100}%",
			"推行“一窗受理、集成服务”，企业和群众办事平均跑动次数降至{dec:0.2-1.1}次",
			"梳理公布“最多跑一次”事项清单{n:600-1800}项",
		},
		doc: "“最多跑一次”改革"},
	{name: "拿地即开工", plain: "“拿地即开工”", dom: domBusiness, kind: kindRule,
		forms:  []string{"“拿地即开工”审批模式", "“拿地即开工”改革", "拿地即开工服务模式"},
		newV:   []string{"推行", "探索推行", "全面推行"},
		againV: []string{"持续推行", "深化", "扩大"},
		details: []string{
			"{n:4-40}个工业项目实现“交地即发证、拿地即开工”",
			"通过提前介入、并联审批、预审代办，项目开工前审批时间压缩至{n:7-30}个工作日",
			"为重点项目配备项目服务专员{n:10-90}名，全程帮办代办",
		}},
	{name: "容缺受理", plain: "容缺受理", dom: domBusiness, kind: kindRule,
		forms: []string{"容缺受理机制", "“容缺受理”制度", "容缺受理服务模式"},
		details: []string{
			"梳理可容缺受理事项{n:80-600}项，全年容缺办理业务{n:400-9000}件",
			"对次要材料欠缺的申请先行受理、限期补齐，办事效率提高{pct:20-60}%",
		}},
	{name: "15分钟公共法律服务圈", plain: "“15分钟公共法律服务圈”", dom: domPublic, kind: kindBrand,
		forms:  []string{"“15分钟公共法律服务圈”", "15分钟公共法律服务圈"},
		newV:   []string{"打造", "构建", "建成"},
		againV: []string{"完善", "提升", "拓展"},
		details: []string{
			"建成{lvl}级公共法律服务中心{n:1-2}个、{subword}公共法律服务工作站{n:8-40}个、村（社区）公共法律服务室{n:100-600}个",
			"全年提供法律咨询{n:6000-60000}人次，群众满意率{pct:96-100}%",
			"推动律师、公证、调解、法律援助等服务资源向基层延伸",
		},
		doc: "“15分钟公共法律服务圈”"},
	{name: "一村一法律顾问", plain: "“一村一法律顾问”", dom: domPublic, kind: kindRule,
		forms:  []string{"“一村（社区）一法律顾问”制度", "一村一法律顾问制度", "一村（居）一法律顾问制度"},
		newV:   []string{"落实", "推行", "全面推行", "建立"},
		againV: []string{"深化", "深入落实", "持续推行"},
		details: []string{
			"为{n:100-900}个村（社区）配备法律顾问，实现全覆盖",
			"法律顾问全年开展法治讲座{n:300-3000}场，参与调处纠纷{n:200-2000}件",
			"建立法律顾问服务微信群，群众足不出村即可咨询",
		},
		doc: "“一村（社区）一法律顾问”制度"},
	{name: "非现场执法", plain: "非现场执法", dom: domEnforce, kind: kindRule,
		forms:  []string{"非现场执法模式", "“非现场执法”监管模式", "非现场执法"},
		newV:   []string{"推行", "探索推行", "探索"},
		againV: []string{"拓展", "深化", "持续推行"},
		details: []string{
			"在[交通运输|生态环境|城市管理]领域布设智能感知设备{n:40-900}套，非现场执法案件占比达到{pct:20-60}%",
			"运用远程监控、在线监测等手段，减少对企业正常经营的干扰",
		}},
	{name: "接诉即办", plain: "“接诉即办”", dom: domBusiness, kind: kindLink,
		forms:  []string{"“接诉即办”工作机制", "接诉即办机制", "“接诉即办”改革"},
		newV:   []string{"建立", "推行", "探索建立"},
		againV: []string{"深化", "完善", "持续推进"},
		details: []string{
			"整合政务服务便民热线{n:8-40}条，全年受理群众诉求{n:30000-300000}件，按时办结率{pct:96-100}%",
			"建立诉求办理考核排名制度，群众满意率提升至{pct:90-99}%",
		}},
	{name: "三治融合", plain: "“三治融合”", dom: domDispute, kind: kindWay,
		forms:  []string{"自治、法治、德治“三治融合”", "“三治融合”基层治理体系", "“三治融合”"},
		newV:   []string{"推进", "深入推进", "构建"},
		againV: []string{"深化", "持续推进", "巩固"},
		details: []string{
			"修订完善村规民约、居民公约{n:100-900}部",
			"创建“三治融合”示范村（社区）{n:10-90}个",
			"村（社区）议事会、百姓评理会常态化运行",
		}},
	{name: "行政裁量权基准", plain: "行政裁量权基准", dom: domEnforce, kind: kindRule,
		forms:  []string{"行政裁量权基准制度", "行政处罚裁量基准制度"},
		newV:   []string{"建立", "推行", "全面落实"},
		againV: []string{"严格落实", "动态调整", "完善"},
		details: []string{
			"{n:20-60}个执法部门全部公布行政裁量权基准，细化裁量情形{n:1000-9000}项",
			"同案不同罚问题得到有效解决，行政处罚案件复议纠错率下降{pct:10-60}%",
		}},
	{name: "互联网+监管", plain: "“互联网+监管”", dom: domEnforce, kind: kindRule,
		forms:  []string{"“互联网+监管”", "“互联网+监管”模式"},
		newV:   []string{"推行", "推进", "实施"},
		againV: []string{"深化", "持续推进"},
		details: []string{
			"归集监管行为数据{n:3000-90000}条，监管事项覆盖率达到{pct:90-100}%",
			"依托监管平台开展风险预警{n:100-2000}次",
		}},
	{name: "诉调对接", plain: "诉调对接", dom: domDispute, kind: kindLink,
		forms: []string{"诉调对接机制", "“诉调对接”工作机制"},
		details: []string{
			"在{court}设立诉调对接中心，派驻专职调解员{n:4-20}名",
			"全年通过诉调对接化解纠纷{n:200-3000}件，司法确认{n:50-900}件",
		}},
	{name: "跨省通办", plain: "“跨省通办”", dom: domBusiness, kind: kindRule,
		forms:  []string{"政务服务“跨省通办”", "“跨省通办”"},
		newV:   []string{"推进", "推行", "实现"},
		againV: []string{"深化", "拓展", "持续推进"},
		details: []string{
			"设立“跨省通办”服务专窗{n:1-6}个，与外省{n:3-20}个地区签订合作协议，{n:80-200}项高频事项异地可办",
			"全年办理异地业务{n:300-9000}件",
		},
		doc: "政务服务“跨省通办”"},
	{name: "一网通办", plain: "“一网通办”", dom: domBusiness, kind: kindReform,
		forms:  []string{"政务服务“一网通办”", "“一网通办”改革"},
		newV:   []string{"推进", "推行", "全面推进"},
		againV: []string{"深化", "持续推进"},
		details: []string{
			"政务服务事项网上可办率达到{pct:95-100}%，全程网办率{pct:70-95}%",
			"打通部门业务系统{n:10-60}个，数据共享调用{n:10000-900000}次",
		},
		doc: "政务服务“一网通办”"},
	{name: "法治体检", plain: "“法治体检”", dom: domBusiness, kind: kindBrand,
		forms:  []string{"民营企业“法治体检”", "企业“法治体检”服务", "“法治体检”"},
		newV:   []string{"开展", "推出", "推行"},
		againV: []string{"深化", "常态化开展", "持续开展"},
		details: []string{
			"组织律师服务团走访企业{n:60-900}家，出具法律意见书{n:40-600}份",
			"帮助企业排查法律风险{n:100-2000}个，完善规章制度{n:50-600}项",
		}},
	{name: "公平竞争审查", plain: "公平竞争审查", dom: domDecision, kind: kindRule,
		forms:  []string{"公平竞争审查制度", "公平竞争审查机制"},
		newV:   []string{"建立", "落实", "建立健全"},
		againV: []string{"严格落实", "深入落实", "完善"},
		details: []string{
			"对新出台的涉及经营主体经济活动的政策措施{n:20-300}件全部开展审查",
			"清理妨碍统一市场和公平竞争的文件{n:3-60}件",
		},
		doc: "公平竞争审查制度"},
	{name: "警调对接", plain: "警调对接", dom: domDispute, kind: kindLink,
		forms: []string{"“警调对接”机制", "警调对接工作机制"},
		details: []string{
			"在{n:5-40}个派出所设立人民调解室，{police}移交调解纠纷{n:300-4000}件",
			"治安纠纷调解成功率达到{pct:90-99}%",
		}},
	{name: "一网统管", plain: "“一网统管”", dom: domBusiness, kind: kindReform,
		forms:  []string{"城市运行“一网统管”", "“一网统管”"},
		newV:   []string{"推进", "建设", "启动"},
		againV: []string{"深化", "拓展", "持续推进"},
		details: []string{
			"整合城市管理、应急、交通等部门数据{n:12-80}类，处置事件{n:10000-200000}件",
			"实现城市运行风险“一屏观全域、一网管全城”",
		}},
	{name: "检调对接", plain: "检调对接", dom: domDispute, kind: kindLink,
		forms: []string{"检调对接机制", "“检调对接”工作机制"},
		details: []string{
			"{proc}委托人民调解组织化解轻微刑事案件民事赔偿纠纷{n:30-400}件",
			"达成和解协议{n:20-300}份，当事人自动履行率{pct:95-100}%",
		}},
	{name: "无证明城市", plain: "“无证明城市”", dom: domBusiness, kind: kindBrand,
		forms:  []string{"“无证明城市”创建", "“无证明城市”建设"},
		newV:   []string{"开展", "推进", "启动"},
		againV: []string{"深化", "巩固", "持续推进"},
		details: []string{
			"取消各类证明材料{n:60-600}项，通过数据共享、部门核验代替群众开具证明",
			"全年减少群众开具证明{n:10000-200000}件次",
		}},
	{name: "一业一证", plain: "“一业一证”", dom: domBusiness, kind: kindReform,
		forms:  []string{"“一业一证”改革", "一业一证改革"},
		newV:   []string{"推进", "启动", "实施"},
		againV: []string{"深化", "扩大"},
		details: []string{
			"在便利店、药店、餐饮等{n:10-40}个行业推行“一证准营”，发放行业综合许可证{n:300-6000}张",
			"审批时限压缩{pct:60-90}%，申请材料精简{pct:40-70}%",
		}},
	{name: "访调对接", plain: "访调对接", dom: domDispute, kind: kindLink,
		forms: []string{"访调对接机制", "“访调对接”工作机制"},
		details: []string{
			"在信访接待场所设立人民调解工作室，全年调处信访纠纷{n:60-900}件",
			"信访事项及时受理率、按期办结率均达到{pct:98-100}%",
		}},
}

// countNames name local variants by counts: “1+3”府检联动模式; a report
// may spell the count out after the name.
var countNames = []string{"1+3", "1+N", "1+3+N", "2+N", "1+2+X", "三单一会", "四个一", "三位一体", "两单一书",
	"四联四共", "一会两单", "五个一", "双线四联", "三同步", "四方协同", "一站三联", "三个清单", "两个平台",
	"一月一会", "三张清单", "双向联动", "1+4", "六个联合"}

// countMeanings spell out some count names.
var countMeanings = map[string]string{
	"1+3":   "1个联席会议+信息共享、线索移送、联合督办3项机制",
	"1+N":   "1个牵头单位+N个成员单位",
	"三单一会":  "问题清单、建议清单、整改清单和联席会议",
	"四个一":   "一月一通报、一季一会商、一年一评估、一案一跟踪",
	"两单一书":  "问题线索清单、整改落实清单和工作建议书",
	"一会两单":  "联席会议、问题清单和责任清单",
	"五个一":   "一个联席会议、一个联络员、一张清单、一个平台、一套考核办法",
	"三同步":   "同步研判、同步介入、同步化解",
	"三张清单":  "线索清单、任务清单、销号清单",
	"一月一会":  "每月召开一次会商会议",
	"四联四共":  "联席、联络、联动、联训和共商、共享、共治、共建",
	"双线四联":  "行政线和检察线，联席会商、联合调研、联动监督、联合培训",
	"1+3+N": "1个中心+3支队伍+N个站点",
}
