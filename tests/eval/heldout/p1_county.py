# Document A: a county/district 生态环境分局 2024 annual summary (Jiangxi style), with its
# plan section at the end.
from lib import *

TA = "上饶市广丰区生态环境分局2024年工作总结\n"

N(TA.strip(), "title line of a summary: year only")
N("2024年，在区委、区政府的坚强领导和市生态环境局的精心指导下，我局坚持以习近平生态文明思想为指导，全面贯彻党的二十大和二十届二中、三中全会精神，现将2024年工作总结如下。",
  "year, 二十大 / 二十届二中、三中全会 are meeting names")
N("一、2024年工作开展情况", "heading with a year")
N("（一）坚持精准治污，蓝天保卫战取得新成效", "heading")
R("2024年,全区环境空气质量优良天数为331天,优良率90.4%,同比上升2.2个百分点;pm2.5平均浓度为29.7μg/m³,同比下降6.9%,pm10平均浓度为48μg/m³,同比下降4.0%。",
  [cnt(331, "day", "空气质量优良天数"), rt(90.4, "优良率"), chg(2.2, "pp", "up", "优良率"),
   mea(29.7, "ug/m3", "pm2.5平均浓度"), chg(6.9, "%", "down", "pm2.5平均浓度"),
   mea(48, "ug/m3", "pm10平均浓度"), chg(4.0, "%", "down", "pm10平均浓度")],
  "half-width , ; lowercase pm2.5/pm10, superscript m³; seven claims in one sentence")
R(TA + "全区环境空气质量综合指数为3.38，同比改善4.5%，在全市12个县（市、区）中排名第4位，较上年前进2个位次。",
  [mea(3.38, "", "环境空气质量综合指数"), chg(4.5, "%", "improve", "综合指数"),
   rk(4, "全市排名"), chg(2, "rank", "up", "全市排名")],
  "summary title line in front (actual); bare index; 改善 -> improve; 12个 is the scope of the rank; 前进2个位次 -> rank change up")
R("全年完成大气污染防治项目42个，其中工业企业深度治理项目17个、扬尘治理项目14个、移动源治理项目11个，累计削减挥发性有机物126.3吨、氮氧化物87.6吨。",
  [cnt(42, "个", "大气污染防治项目"), cnt(17, "个", "工业企业深度治理项目"),
   cnt(14, "个", "扬尘治理项目"), cnt(11, "个", "移动源治理项目"),
   amt(126.3, "t", "挥发性有机物"), amt(87.6, "t", "氮氧化物")],
  "其中 breakdown by category -> counts (as own-0010: parts are categories, not done-of-total); 削减 without baseline -> amount")
R("淘汰10蒸吨/小时以下燃煤锅炉6台,合计28蒸吨/小时;完成2家陶瓷企业煤改气.",
  [cnt(6, "台", "燃煤锅炉"), amt(28, "t/h", "燃煤锅炉"), cnt(2, "家", "陶瓷企业煤改气")],
  "10蒸吨/小时以下 is a threshold, not a claim; 28蒸吨/小时 -> t/h; half-width ; and .")
R("淘汰国三及以下排放标准柴油货车二百一十七辆，发放淘汰补贴资金386.5万元。",
  [cnt(217, "辆", "国三及以下柴油货车"), mon(3865000, "淘汰补贴资金")],
  "Chinese numeral 二百一十七; 国三 is a standard name")
R("全年开展秸秆禁烧巡查两千余人次，卫星遥感监测火点同比减少37个，未发生大面积焚烧现象。",
  [cnt(2000, "人次", "秸秆禁烧巡查", ap="more_than"), chg(37, "个", "down", "卫星遥感监测火点")],
  "两千余 -> 2000 more_than; 同比减少 N 个 -> change down in a classifier")
R("全区3个国控断面、5个省控断面水质优良率均为100%，出境断面水质稳定保持Ⅱ类。",
  [rt(100, "断面水质优良率")],
  "3个/5个 are scopes of the rate; 均为 over one metric -> one rate; Ⅱ类 is a class")
R("城区集中式饮用水水源地水质达标率100%，4个乡镇级“千吨万人”饮用水水源地水质达标率为100%。",
  [rt(100, "城区集中式饮用水水源地水质达标率"), rt(100, "乡镇级饮用水水源地水质达标率")],
  "4个 is scope; 千吨万人 is a category name with numerals")
R("全区共排查入河排污口312个，已完成溯源312个、完成整治268个，整治完成率85.9%。",
  [prg(312, 312, "个", "入河排污口溯源"), prg(268, 312, "个", "入河排污口整治"), rt(85.9, "整治完成率")],
  "共…已…: two progress claims sharing one total + rate")
R("完成区污水处理厂提标改造，新增处理能力1.5万吨/日，新建改造城镇污水管网23.6公里、雨污分流管网8.4公里。",
  [amt(15000, "t/d", "新增污水处理能力"), amt(23.6, "km", "城镇污水管网"), amt(8.4, "km", "雨污分流管网")],
  "万吨/日 -> t/d; km")
R("完成农村生活污水治理行政村十七个，农村生活污水治理率由2023年的41.2%提高到48.6%。",
  [cnt(17, "个", "农村生活污水治理行政村"), rt(41.2, "农村生活污水治理率"), rt(48.6, "农村生活污水治理率")],
  "由A提高到B: two levels, no change magnitude written (README); 2023年 is a date")
R("排查整治农村黑臭水体13条,整治水域面积约2.1万平方米,完成率100%.",
  [cnt(13, "条", "农村黑臭水体"), amt(21000, "m2", "整治水域面积", ap="about"), rt(100, "完成率")],
  "half-width; 约 -> about; 万平方米 -> m2")
R("全年全区危险废物产生量约1.36万吨,规范化环境管理评估合格率为96%,医疗废物收集处置率100%.",
  [amt(13600, "t", "危险废物产生量", ap="about"), rt(96, "规范化环境管理评估合格率"), rt(100, "医疗废物收集处置率")],
  "half-width; 约1.36万吨 -> 13600 t about")
R("开展“双随机、一公开”执法检查183家次，立案查处环境违法案件29起，下达处罚决定书27份，罚没款共计316.42万元；移送公安机关行政拘留案件2件、涉嫌污染环境犯罪案件1件。",
  [cnt(183, "家次", "双随机一公开执法检查"), cnt(29, "起", "环境违法案件"), cnt(27, "份", "处罚决定书"),
   mon(3164200, "罚没款"), cnt(2, "件", "行政拘留案件"), cnt(1, "件", "涉嫌污染环境犯罪案件")],
  "enforcement: 6 claims; digit 1 with classifier after the noun is a count (own-0394)")
R("出动执法人员两千三百余人次，检查餐饮油烟、工地扬尘等点位一千二百余个，发现并督促整改问题386个。",
  [cnt(2300, "人次", "执法人员", ap="more_than"), cnt(1200, "个", "检查点位", ap="more_than"),
   cnt(386, "个", "整改问题")],
  "Chinese numerals with 余 -> more_than")
R("全年共受理各类环境信访投诉件四百三十六件，同比下降12.3%，按期办结率100%，群众满意率达到百分之九十七点六。",
  [cnt(436, "件", "环境信访投诉件"), chg(12.3, "%", "down", "环境信访投诉件"), rt(100, "按期办结率"),
   rt(97.6, "群众满意率")],
  "Chinese numerals 四百三十六 and 百分之九十七点六")
R("配合完成第二轮中央生态环境保护督察“回头看”交办信访件42件,已全部办结销号.",
  [prg(42, 42, "件", "督察交办信访件")], "已全部办结 -> progress N of N; 第二轮 ordinal; half-width")
R("中央督察反馈涉及我区的问题共9项，其中已完成整改并销号7项，2项达到序时进度。",
  [prg(7, 9, "项", "中央督察反馈问题整改"), cnt(2, "项", "达到序时进度问题")],
  "共…其中已…: progress + remaining count (own-0188)")
R("省级生态环境保护督察交办我区信访件共64件。截至12月底，已办结62件，剩余2件正在持续推进。",
  [prg(62, 64, "件", "省级督察交办信访件"), cnt(2, "件", "剩余信访件")],
  "progress across a full stop; 12月底 is a date; remaining count")
R("全年办理建设项目环评审批54件，审批项目总投资约38.6亿元，其中环保投资1.27亿元，占比3.3%。",
  [cnt(54, "件", "环评审批"), mon(3860000000, "审批项目总投资", ap="about"), mon(127000000, "环保投资"),
   rt(3.3, "环保投资占比")],
  "money 亿元 with 约; 其中 money part is a money claim")
R("全年争取中央、省级生态环境资金项目11个，到位资金1.58 亿元，同比增长23.4%。",
  [cnt(11, "个", "资金项目"), mon(158000000, "到位资金"), chg(23.4, "%", "up", "到位资金")],
  "contract example 1.58 亿元 with a space")
R("区域环境噪声昼间平均等效声级为53.6分贝，功能区声环境质量昼间达标率为100%，夜间达标率为87.5%。",
  [mea(53.6, "dB", "区域环境噪声昼间平均等效声级"), rt(100, "昼间达标率"), rt(87.5, "夜间达标率")],
  "DECISION: 分贝 / dB(A) -> unit dB (not in the contract list)")
R("全区生态环境状况指数（EI）为72.35，生态质量类别为“一类”，与上年相比基本持平。",
  [mea(72.35, "", "生态环境状况指数"), flat("生态环境状况指数")],
  "bare index; 基本持平 -> flat change with null value; 一类 is a class")
R("组织开展生态环境宣传“进企业、进学校、进社区”活动36场次，发放宣传资料1.2万余份，受众群众约8000人。",
  [cnt(36, "场次", "宣传活动"), cnt(12000, "份", "宣传资料", ap="more_than"), cnt(8000, "人", "受众群众", ap="about")],
  "classifier 场次 kept as written; 万余 -> more_than")
R("全区共划定畜禽养殖禁养区15个，面积138.6平方公里。",
  [cnt(15, "个", "畜禽养殖禁养区"), amt(138600000, "m2", "禁养区面积")],
  "DECISION: 平方公里 -> m2 with the multiplier 1e6 applied")
N("一是臭氧污染问题日益凸显，已成为影响优良天数的首要因素。", "list marker 一是; no number")
N("三、2025年工作打算", "plan heading alone")
R("三、2025年工作打算\n（一）持续改善空气质量\n力争全年PM2.5平均浓度降至28μg/m³以下，优良天数比例稳定在92%以上。",
  [mea(28, "ug/m3", "PM2.5平均浓度", ap="at_most"), rt(92, "优良天数比例", ap="at_least")],
  "plan heading + subheading -> target; 降至…以下 -> level at_most", m="t")
R("三、2025年工作打算\n完成12个乡镇污水处理站提标改造，新建配套管网35公里。",
  [cnt(12, "个", "乡镇污水处理站提标改造"), amt(35, "km", "配套管网")],
  "under a plan heading -> target", m="t")
R("三、2025年工作打算\n在2024年建成5个“无废细胞”的基础上，2025年再新建15个。",
  [cnt(5, "个", "已建成无废细胞", m="a"), cnt(15, "个", "新建无废细胞")],
  "under a plan heading the reported past achievement stays actual, the planned 15 is target (own-0257)", m="t")
R("三、2025年工作打算\n二是深化执法帮扶，全年开展执法检查不少于200家次，典型案例曝光不少于4起。",
  [cnt(200, "家次", "执法检查", ap="at_least"), cnt(4, "起", "典型案例曝光", ap="at_least")],
  "list marker 二是 under a plan heading; 不少于 -> at_least", m="t")
N("上饶市广丰区生态环境分局\n2025年1月10日", "signature and date")
