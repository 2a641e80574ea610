package altsynth

// topic is a field of the work a report tells of; each has its section
// headings and its prose (prose.go), and every mechanism is told in the
// section of its topic.
type topic int

const (
	topicLead topic = iota
	topicService
	topicRules
	topicDecision
	topicEnforce
	topicOversight
	topicDispute
	topicLegalAid
	topicPublicity
	topicDigital
	numTopics
)

// entry is a mechanism of the catalogue: how reports name it, what they
// say it does and who runs it.
type entry struct {
	name string // canonical, simplified
	// core is the quoted part of an invented name (三调联动 for
	// “三调联动”工作机制); empty for a well-known mechanism.
	core  string
	topic topic
	// forms are the usual surfaces; rare ones are written now and then
	// (synonyms, long enumerations, numerals spelled out).
	forms []string
	rare  []string
	// variants are local members of the family: {x} takes a count label
	// (三联三促, 1+3), {s} the reporting place's short name, {t} a theme.
	variants []string
	// bare is the form used inside a document title or an enumeration,
	// without quotes or suffix.
	bare string
	// does are clauses telling what it does; they name no mechanism.
	does []string
	// partner is the body that runs it with the government, relative to
	// the place (检察院 becomes 县检察院), or "".
	partner string
	// guard are strings no prose but this mechanism's own may contain, so
	// that a mechanism is named only where the truth says.
	guard []string
	// doc is a document calling for it, if any: a common cause.
	doc *docSpec
}

// docSpec is a document that calls for a mechanism; {p} in a provincial
// title takes the province's name.
type docSpec struct {
	title    string
	national bool
	year     int // 0: drawn around the mechanism's start
	issuer   string
}

// known are well-known mechanisms, in the order a corpus takes them.
var known = []entry{
	{
		name: "府检联动", topic: topicOversight, partner: "检察院",
		forms:    []string{"府检联动", "“府检联动”工作机制", "府检联动机制", "“府检联动”"},
		rare:     []string{"府检联席会议制度", "府检协作联动机制"},
		variants: []string{"“{x}”府检联动模式", "“{x}”府检联动工作机制"},
		bare:     "府检联动",
		does: []string{
			"政府与检察机关定期会商执法司法中的突出问题",
			"在行政公益诉讼诉前磋商、检察建议办理等方面形成工作闭环",
			"推动行政执法与检察监督信息互通、线索共享",
			"建立联席会议、信息通报和案件协作三项工作规则",
		},
		guard: []string{"府检"},
		doc:   &docSpec{title: "《{p}关于加强行政执法与检察监督衔接工作的意见》", issuer: "省委依法治省办"},
	},
	{
		name: "府院联动", topic: topicDispute, partner: "法院",
		forms:    []string{"府院联动", "府院联动机制", "“府院联动”工作机制", "府院联席会议制度"},
		rare:     []string{"府院联席机制", "府院良性互动机制"},
		variants: []string{"“{x}”府院联动机制"},
		bare:     "府院联动",
		does: []string{
			"政府与法院就行政审判中暴露的共性问题定期沟通",
			"对涉企破产、征收补偿等重大案件联合研判",
			"通过司法建议反馈、败诉案件通报倒逼依法行政",
			"把行政争议化解的关口向前移",
		},
		guard: []string{"府院"},
		doc:   &docSpec{title: "《{p}关于建立行政争议多元化解协作机制的意见》", issuer: "省高级人民法院、省司法厅"},
	},
	{
		name: "枫桥经验", topic: topicDispute,
		forms:    []string{"新时代“枫桥经验”", "“枫桥经验”", "枫桥经验"},
		variants: []string{"“{s}枫桥”基层治理品牌", "“{t}枫桥”工作品牌", "新时代“枫桥经验”{s}版"},
		bare:     "枫桥经验",
		does: []string{
			"把矛盾纠纷化解在基层、解决在萌芽状态",
			"做到小事不出村、大事不出镇、矛盾不上交",
			"发动乡贤、网格员和老党员参与调处邻里纠纷",
		},
		guard: []string{"枫桥"},
	},
	{
		name: "诉源治理", topic: topicDispute, partner: "法院",
		forms:    []string{"诉源治理", "诉源治理工作机制", "“诉源治理”"},
		rare:     []string{"诉源治理体系"},
		variants: []string{"“{x}”诉源治理模式"},
		bare:     "诉源治理",
		does: []string{
			"引导当事人先行通过非诉讼方式解决纠纷",
			"在乡镇设立解纷工作点，法官定期下沉指导",
			"推动万人成讼率持续下降",
		},
		guard: []string{"诉源"},
		doc:   &docSpec{title: "《关于加强诉源治理推动矛盾纠纷源头化解的意见》", national: true, year: 2021, issuer: "中共中央办公厅、国务院办公厅"},
	},
	{
		name: "首违不罚", topic: topicEnforce,
		forms: []string{"首违不罚", "“首违不罚”清单制度", "“首违不罚”"},
		rare:  []string{"轻微违法行为首违不罚制度", "首次违法不予处罚制度"},
		bare:  "首违不罚",
		does: []string{
			"对初次违法且危害后果轻微并及时改正的市场主体依法不予处罚",
			"在市场监管、交通运输、生态环境等领域梳理免罚事项",
			"以教育引导代替一罚了之",
		},
		guard: []string{"首违不罚", "首次违法不予处罚"},
		doc:   &docSpec{title: "《{p}轻微违法行为不予行政处罚实施办法》", issuer: "省人民政府"},
	},
	{
		name: "包容审慎监管", topic: topicEnforce,
		forms: []string{"包容审慎监管", "“包容审慎”监管模式", "包容审慎监管机制"},
		bare:  "包容审慎监管",
		does: []string{
			"对新业态新模式设置合理的观察期",
			"综合运用提醒、约谈、告诫等柔性方式",
			"给新产业新业态留足发展空间",
		},
		guard: []string{"包容审慎"},
		doc:   &docSpec{title: "《{p}关于对新产业新业态实行包容审慎监管的若干措施》", issuer: "省人民政府办公厅"},
	},
	{
		name: "证明事项告知承诺制", topic: topicService,
		forms: []string{"证明事项告知承诺制", "证明事项告知承诺制度", "证明事项“告知承诺制”"},
		rare:  []string{"证明事项和涉企经营许可事项告知承诺制"},
		bare:  "证明事项告知承诺制",
		does: []string{
			"申请人书面承诺即可办理，不再索要相关证明",
			"编制实行承诺制的事项目录并向社会公布",
			"对承诺不实的纳入信用记录",
		},
		guard: []string{"告知承诺"},
		doc:   &docSpec{title: "《关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见》", national: true, year: 2020, issuer: "国务院办公厅"},
	},
	{
		name: "一网通办", topic: topicService,
		forms: []string{"“一网通办”", "政务服务“一网通办”", "一网通办"},
		rare:  []string{"“一网通办”改革"},
		bare:  "一网通办",
		does: []string{
			"依申请政务服务事项全部接入网上办事平台",
			"群众和企业足不出户即可办理高频事项",
			"线上线下统一受理、统一标准",
		},
		guard: []string{"一网通办"},
		doc:   &docSpec{title: "《关于加快推进全国一体化在线政务服务平台建设的指导意见》", national: true, year: 2018, issuer: "国务院"},
	},
	{
		name: "最多跑一次", topic: topicService,
		forms: []string{"“最多跑一次”改革", "“最多跑一次”", "最多跑一次改革"},
		bare:  "最多跑一次",
		does: []string{
			"群众到政府办事在材料齐全的情况下最多只跑一次",
			"梳理公布可实现一次办结的事项清单",
			"窗口受理、后台流转、限时办结",
		},
		guard: []string{"最多跑一次"},
		doc:   &docSpec{title: "《{p}深化政务服务便民化改革实施方案》", issuer: "省人民政府办公厅"},
	},
	{
		name: "综合行政执法改革", topic: topicEnforce,
		forms: []string{"综合行政执法改革", "综合行政执法体制改革", "乡镇（街道）综合行政执法改革"},
		bare:  "综合行政执法改革",
		does: []string{
			"把分散在多个部门的执法事项集中到一支队伍",
			"向乡镇（街道）下放部分行政处罚权",
			"解决多头执法、重复执法问题",
		},
		guard: []string{"综合行政执法改革", "综合行政执法体制改革"},
		doc:   &docSpec{title: "《{p}关于推进基层整合审批服务执法力量的实施意见》", issuer: "省委办公厅、省政府办公厅"},
	},
	{
		name: "双随机一公开", topic: topicEnforce,
		forms: []string{"“双随机、一公开”监管", "“双随机、一公开”", "双随机一公开"},
		rare:  []string{"部门联合“双随机、一公开”监管"},
		bare:  "双随机一公开",
		does: []string{
			"随机抽取检查对象、随机选派执法检查人员，抽查结果及时公开",
			"多个部门“进一次门、查多项事”",
			"减少对企业正常经营的干扰",
		},
		guard: []string{"双随机"},
		doc:   &docSpec{title: "《关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见》", national: true, year: 2019, issuer: "国务院"},
	},
	{
		name: "行政执法三项制度", topic: topicEnforce,
		forms: []string{"行政执法“三项制度”", "行政执法三项制度"},
		rare:  []string{"行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度"},
		bare:  "行政执法三项制度",
		does: []string{
			"执法信息依法公示、执法过程全程留痕、重大决定事前把关",
			"为一线执法人员配备执法记录仪",
			"做到执法行为有据可查",
		},
		guard: []string{"三项制度", "全过程记录制度", "法制审核制度", "行政执法公示"},
		doc:   &docSpec{title: "《关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》", national: true, year: 2019, issuer: "国务院办公厅"},
	},
	{
		name: "政府法律顾问制度", topic: topicDecision,
		forms: []string{"政府法律顾问制度", "法律顾问制度", "党政机关法律顾问制度"},
		bare:  "政府法律顾问制度",
		does: []string{
			"重大决策、重要合同、疑难信访事项均请法律专家提前把关",
			"聘请执业律师和高校学者组成顾问团",
			"顾问意见作为决策的必经环节",
		},
		guard: []string{"法律顾问"},
	},
	{
		name: "公职律师制度", topic: topicDecision,
		forms: []string{"公职律师制度", "公职律师工作制度"},
		bare:  "公职律师制度",
		does: []string{
			"从具有法律职业资格的机关工作人员中选任专职法律人员",
			"参与规范性文件起草和执法案件审核",
			"为部门依法履职提供内部法律支撑",
		},
		guard: []string{"公职律师"},
		doc:   &docSpec{title: "《{p}公职律师管理实施办法》", issuer: "省司法厅"},
	},
	{
		name: "行政复议体制改革", topic: topicDispute,
		forms: []string{"行政复议体制改革", "行政复议体制改革工作"},
		bare:  "行政复议体制改革",
		does: []string{
			"除实行垂直领导的部门外，复议职责统一由本级政府行使",
			"设立统一的复议受理窗口",
			"实现一级政府只设一个复议机关",
		},
		guard: []string{"行政复议", "复议体制"},
		doc:   &docSpec{title: "《行政复议体制改革方案》", national: true, year: 2020, issuer: "中央全面依法治国委员会"},
	},
	{
		name: "合法性审查", topic: topicDecision,
		forms: []string{"合法性审查机制", "合法性审查全覆盖", "重大行政决策合法性审查机制"},
		rare:  []string{"合法性审查"},
		bare:  "合法性审查",
		does: []string{
			"重大行政决策、规范性文件和行政协议未经审查不得提交讨论",
			"乡镇（街道）明确审查责任机构和人员",
			"审查意见书统一格式、统一编号",
		},
		guard: []string{"合法性审查", "合法性审核"},
		doc:   &docSpec{title: "《{p}行政合法性审查工作规定》", issuer: "省人民政府"},
	},
	{
		name: "行政机关负责人出庭应诉", topic: topicDispute,
		forms: []string{"行政机关负责人出庭应诉制度", "负责人出庭应诉制度", "行政机关负责人出庭应诉"},
		bare:  "行政机关负责人出庭应诉",
		does: []string{
			"被诉行政机关的负责人亲自到庭、出声出效",
			"出庭情况纳入年度考核并定期通报",
			"一审行政案件负责人出庭率明显提高",
		},
		guard: []string{"出庭应诉"},
		doc:   &docSpec{title: "《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》", national: true, year: 2020, issuer: "最高人民法院"},
	},
	{
		name: "谁执法谁普法", topic: topicPublicity,
		forms: []string{"“谁执法谁普法”普法责任制", "“谁执法、谁普法”", "谁执法谁普法责任制"},
		bare:  "谁执法谁普法",
		does: []string{
			"执法部门在执法办案中同步开展释法说理",
			"各部门年初列出普法责任清单、年底开展履职评议",
			"把普法融入执法全过程",
		},
		guard: []string{"谁执法"},
		doc:   &docSpec{title: "《关于实行国家机关“谁执法谁普法”普法责任制的意见》", national: true, year: 2017, issuer: "中共中央办公厅、国务院办公厅"},
	},
	{
		name: "一件事一次办", topic: topicService,
		forms: []string{"“一件事一次办”", "“一件事一次办”改革", "一件事一次办"},
		rare:  []string{"“一件事”集成服务"},
		bare:  "一件事一次办",
		does: []string{
			"把多个关联事项整合办理，一表申请、一窗受理",
			"推出新生儿出生、企业开办等套餐式服务",
			"减少办事环节和申请材料",
		},
		guard: []string{"一件事"},
		doc:   &docSpec{title: "《{p}政务服务集成改革实施方案》", issuer: "省人民政府办公厅"},
	},
	{
		name: "接诉即办", topic: topicService,
		forms: []string{"“接诉即办”", "接诉即办机制", "“接诉即办”工作机制"},
		bare:  "接诉即办",
		does: []string{
			"群众热线诉求快速派单、限时办结、回访评价",
			"以响应率、解决率、满意率考核承办单位",
			"把群众诉求作为改进工作的风向标",
		},
		guard: []string{"接诉即办"},
	},
	{
		name: "吹哨报到", topic: topicLead,
		forms:    []string{"“吹哨报到”", "“街乡吹哨、部门报到”机制", "吹哨报到工作机制"},
		variants: []string{"“{h}吹哨、部门报到”工作机制"},
		bare:     "吹哨报到",
		does: []string{
			"基层遇到的执法难题由乡镇发起、相关部门限时到场",
			"推动执法力量向基层一线下沉",
			"把部门响应情况纳入考核",
		},
		guard: []string{"吹哨"},
	},
	{
		name: "证照分离", topic: topicService,
		forms: []string{"“证照分离”改革", "“证照分离”", "证照分离改革"},
		bare:  "证照分离",
		does: []string{
			"通过直接取消审批、审批改备案、实行告知等方式分类推进审批制度改革",
			"着力破解准入不准营的问题",
			"企业拿到营业执照即可开展一般经营",
		},
		guard: []string{"证照分离"},
		doc:   &docSpec{title: "《关于深化“证照分离”改革进一步激发市场主体发展活力的通知》", national: true, year: 2021, issuer: "国务院"},
	},
	{
		name: "诉调对接", topic: topicDispute, partner: "法院",
		forms: []string{"诉调对接", "诉调对接机制", "“诉调对接”工作机制"},
		bare:  "诉调对接",
		does: []string{
			"法院立案前引导当事人选择调解，调解不成再行立案",
			"在诉讼服务中心设立人民调解窗口",
			"调解协议经司法确认后具有强制执行力",
		},
		guard: []string{"诉调"},
	},
	{
		name: "15分钟公共法律服务圈", topic: topicLegalAid,
		forms:    []string{"“15分钟公共法律服务圈”", "15分钟公共法律服务圈"},
		rare:     []string{"“十五分钟公共法律服务圈”"},
		variants: []string{"“{m}分钟”公共法律服务圈"},
		bare:     "15分钟公共法律服务圈",
		does: []string{
			"群众步行一刻钟即可找到法律服务站点",
			"实现县、乡、村三级服务平台全覆盖",
			"律师、公证、调解等服务就近可得",
		},
		guard: []string{"法律服务圈"},
		doc:   &docSpec{title: "《{p}公共法律服务体系建设规划》", issuer: "省司法厅"},
	},
	{
		name: "容缺受理", topic: topicService,
		forms: []string{"容缺受理", "容缺受理机制", "“容缺受理”服务模式"},
		bare:  "容缺受理",
		does: []string{
			"次要材料暂缺时先行受理、限期补齐",
			"对重点项目实行先受理、后补件",
			"避免因一份材料反复跑腿",
		},
		guard: []string{"容缺"},
		doc:   &docSpec{title: "《{p}政务服务事项容缺受理办法》", issuer: "省人民政府办公厅"},
	},
}

// invented are mechanisms made up for the corpus, named in the quoted
// style: a core in quotes and a suffix.
var invented = []entry{
	{
		name: "“三调联动”工作机制", core: "三调联动", topic: topicDispute,
		forms: []string{"“三调联动”工作机制", "“三调联动”机制", "“三调联动”", "三调联动工作机制"},
		does: []string{
			"人民调解、行政调解、司法调解相互衔接",
			"一般纠纷就地调处、疑难纠纷联合会诊",
		},
		guard: []string{"三调联动"},
	},
	{
		name: "“四访四包”工作法", core: "四访四包", topic: topicDispute,
		forms: []string{"“四访四包”工作法", "“四访四包”", "“四访四包”信访工作法"},
		does: []string{
			"领导接访、干部下访、带案回访、定期约访，包调处、包稳控、包化解、包回复",
			"把信访积案分解到每一名领导干部",
		},
		guard: []string{"四访四包"},
	},
	{
		name: "“五色预警”机制", core: "五色预警", topic: topicOversight,
		forms: []string{"“五色预警”机制", "“五色预警”", "“五色预警”执法监督机制", "五色预警机制"},
		does: []string{
			"按红、橙、黄、蓝、绿五色对执法风险分级提示",
			"对预警事项限期整改、跟踪销号",
		},
		guard: []string{"五色预警"},
	},
	{
		name: "“一码解纷”模式", core: "一码解纷", topic: topicDigital,
		forms: []string{"“一码解纷”模式", "“一码解纷”", "“一码解纷”服务平台"},
		does: []string{
			"群众扫码即可在线申请调解、咨询和法律援助",
			"纠纷线上流转、进度实时可查",
		},
		guard: []string{"一码解纷"},
	},
	{
		name: "“三书一函”监督模式", core: "三书一函", topic: topicOversight,
		forms: []string{"“三书一函”监督模式", "“三书一函”", "“三书一函”制度"},
		does: []string{
			"以督察建议书、整改通知书、约谈通知书和提醒函推动问题整改",
			"把法治督察发现的问题逐项交办",
		},
		guard: []string{"三书一函"},
	},
	{
		name: "“法润乡邻”普法品牌", core: "法润乡邻", topic: topicPublicity,
		forms: []string{"“法润乡邻”普法品牌", "“法润乡邻”", "“法润乡邻”普法服务品牌"},
		does: []string{
			"组织法律工作者和志愿者进村入户讲法",
			"把法治故事编成群众爱听的地方曲艺",
		},
		guard: []string{"法润乡邻"},
	},
	{
		name: "“一案三评”机制", core: "一案三评", topic: topicEnforce,
		forms: []string{"“一案三评”机制", "“一案三评”", "“一案三评”案卷评查机制"},
		does: []string{
			"每一件办结的执法案件都经过自评、互评和专家评",
			"评查结果与执法人员年度考核挂钩",
		},
		guard: []string{"一案三评"},
	},
	{
		name: "“两单一台账”制度", core: "两单一台账", topic: topicDecision,
		forms: []string{"“两单一台账”制度", "“两单一台账”", "“两单一台账”管理制度"},
		does: []string{
			"重大决策事项清单、风险评估清单和落实情况台账同步建立",
			"决策执行情况按季度跟踪",
		},
		guard: []string{"两单一台账"},
	},
	{
		name: "“1+3+N”解纷模式", core: "1+3+N", topic: topicDispute,
		forms: []string{"“1+3+N”解纷模式", "“1+3+N”矛盾纠纷化解模式", "“1+3+N”"},
		does: []string{
			"一个综治中心统筹，调解、信访、诉讼服务三方进驻，多个行业调解组织协同",
			"群众反映的纠纷一站受理、分流化解",
		},
		guard: []string{"1+3+N"},
	},
	{
		name: "“三前”调处工作法", core: "三前", topic: topicDispute,
		forms: []string{"“三前”调处工作法", "“三前”工作法", "“三前”"},
		does: []string{
			"矛盾排查在前、调处化解在前、法治宣传在前",
			"村调解员每周入户走访摸排",
		},
		guard: []string{"三前"},
	},
	{
		name: "“执法观察员”制度", core: "执法观察员", topic: topicOversight,
		forms: []string{"“执法观察员”制度", "“执法观察员”", "执法观察员制度"},
		does: []string{
			"聘请人大代表、政协委员和企业代表随队观察执法活动",
			"观察员意见纳入执法质量评估",
		},
		guard: []string{"执法观察员"},
	},
	{
		name: "“局所联动”工作机制", core: "局所联动", topic: topicLegalAid,
		forms: []string{"“局所联动”工作机制", "“局所联动”", "“局所联动”机制"},
		does: []string{
			"司法局机关科室与基层司法所结对，业务骨干常驻一线",
			"司法所承接的疑难事项由局机关兜底",
		},
		guard: []string{"局所联动"},
	},
}

// counts are labels of count-named variants (“三联三促”府检联动模式).
var counts = []string{"三联三促", "1+3", "四个一", "双向四同", "一会三单", "2+N", "三同步", "四联四化", "1+5+X", "五个一"}

// themes are words local variants of 枫桥 are made of.
var themes = []string{"红色", "山海", "云端", "江畔", "数字", "茶乡", "古渡", "邻里"}

// whistlers are who blows the whistle in a local 吹哨报到.
var whistlers = []string{"镇街", "村社", "网格", "群众", "园区"}

// minutes of local 公共法律服务圈 variants.
var minutes = []string{"10", "20", "半小时", "30"}
