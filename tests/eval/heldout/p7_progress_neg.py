# Progress phrasings from several summaries, page-furniture variants, and negatives of many kinds.
from lib import *

R("全市纳入2024年度计划的39个城镇污水处理提质增效项目，已开工37个，完工31个。",
  [prg(37, 39, "个", "项目开工"), prg(31, 39, "个", "项目完工")], "two progress sharing a total; 2024年度计划 qualifies the set")
R("共排查出“两高”项目18个，已全部完成分类处置。",
  [prg(18, 18, "个", "两高项目分类处置")], "两高 is a name; 全部完成 -> N of N")
R("第二轮中央生态环境保护督察反馈的整改任务28项中，已完成26项，剩余2项均达到序时进度要求。",
  [prg(26, 28, "项", "督察整改任务"), cnt(2, "项", "剩余整改任务")], "X项中，已完成Y项 + remaining count")
R("长江经济带生态环境警示片披露涉及我市问题共11个；截至目前，已完成整改9个，完成率81.8%。",
  [prg(9, 11, "个", "警示片问题整改"), rt(81.8, "完成率")], "semicolon between total and done")
R("全市需要实施超低排放改造的5家钢铁企业中，4家已完成全流程超低排放改造公示。",
  [prg(4, 5, "家", "钢铁企业超低排放改造")], "中…已完成")
R("纳入整治清单的32家“散乱污”企业，目前已关停取缔21家、整改提升11家。",
  [cnt(32, "家", "散乱污企业"), cnt(21, "家", "关停取缔"), cnt(11, "家", "整改提升")],
  "different dispositions summing to the total -> counts (own-0010), not progress")
R("40个乡镇级集中式饮用水水源保护区已完成规范化建设36个，剩余4个计划于明年完成。",
  [prg(36, 40, "个", "水源保护区规范化建设"), cnt(4, "个", "剩余水源保护区", m="t")],
  "N个…已完成M个; the remaining 4 planned for next year is a target count")
R("省级下达的年度重点任务共计56项。全年完成53项，3项因客观原因顺延至2025年。",
  [prg(53, 56, "项", "年度重点任务"), cnt(3, "项", "顺延任务")], "progress across a full stop")
R("全区共有加油站87座，其中已完成油气回收在线监控安装的31座。",
  [prg(31, 87, "座", "油气回收在线监控安装")], "共有…其中已…")
R("全市共有涉VOCs重点企业256家，其中已完成“一企一策”深度治理的204家，治理完成率79.7%。",
  [prg(204, 256, "家", "VOCs深度治理"), rt(79.7, "治理完成率")], "一企一策 is a slogan")
R("12个省级以上工业园区全部建成污水集中处理设施并稳定运行。",
  [prg(12, 12, "个", "园区污水集中处理设施")], "全部建成 -> completion N of N")
R("承接省人大代表建议和政协提案共计19件，均已按期办结，办复满意率100%。",
  [prg(19, 19, "件", "建议提案办结"), rt(100, "办复满意率")], "均已按期办结 -> N of N")
R("排查出的214个固体废物问题点位,已整改销号198个,整改率92.5%.",
  [prg(198, 214, "个", "固废问题点位整改"), rt(92.5, "整改率")], "half-width")
R("全年共审查入河排污口设置申请十一个，办结十一个。",
  [prg(11, 11, "个", "排污口设置申请办结")], "Chinese numerals done = total")
R("全区共有涉水重点排污单位46家.目前,已有44家完成排污口规范化整治.",
  [prg(44, 46, "家", "排污口规范化整治")], "half-width full stop between total and done")
R("全市餐饮单位12036家，已安装油烟净化设施的11208家，安装率为93.1%。",
  [prg(11208, 12036, "家", "油烟净化设施安装"), rt(93.1, "安装率")], "")
R("全市饮用水水源地保护区内环境问题19个，今年已全部整治到位。",
  [prg(19, 19, "个", "水源地环境问题整治")], "全部整治到位")
R("全县应开展清洁生产审核的企业二十三家，已完成审核验收二十家。",
  [prg(20, 23, "家", "清洁生产审核")], "Chinese numerals")
R("2024年第一批中央环保督察交办件共计58件，截至目前已办结56件，阶段性办结2件。",
  [prg(56, 58, "件", "督察交办件办结"), cnt(2, "件", "阶段性办结")], "第一批 ordinal; remaining count")
R("全市15个省控以上断面中，Ⅰ～Ⅲ类水质断面13个，占86.7%。",
  [prg(13, 15, "个", "Ⅰ～Ⅲ类断面"), rt(86.7, "占比")], "status among a total -> progress + rate")

# page furniture, CRLF
R("[bookmark: _GoBack]| | |\n全年共完成清洁生产审核企业21家。",
  [cnt(21, "家", "清洁生产审核企业")], "page-furniture noise")
R("##paidbegin##\r\n全年新建改造农村公路沿线污水管网62.4公里。\r\n##paidend##",
  [amt(62.4, "km", "污水管网")], "noise + CRLF")
R("2024年，全市国控站点PM₁₀平均浓度为52μg/m³。\r\n全市国控站点SO₂平均浓度为7μg/m³，同比持平。",
  [mea(52, "ug/m3", "PM₁₀"), mea(7, "ug/m3", "SO₂"), flat("SO₂")], "CRLF between sentences")
R("全县现有国家级自然保护区1个、省级自然保护区3个，总面积3.86万公顷。",
  [cnt(1, "个", "国家级自然保护区"), cnt(3, "个", "省级自然保护区"), amt(38600, "ha", "总面积")], "万公顷 -> ha")
R("全年光伏发电量 3.6 亿千瓦时，相当于节约标准煤约 11 万吨。",
  [amt(360000000, "kWh", "光伏发电量"), amt(110000, "t", "节约标准煤", ap="about")], "kWh (README unit); spaces inside numbers and units")
R("完成燃煤锅炉淘汰１２台、共计８６蒸吨。",
  [cnt(12, "台", "燃煤锅炉"), amt(86, "t/h", "蒸吨")], "full-width digits; 蒸吨 -> t/h")
R("秸秆焚烧火点数较去年同期下降百分之六十五。",
  [chg(65, "%", "down", "秸秆火点数")], "比去年同期 variant")
R("全年环评审批平均用时较法定时限缩短50%以上。",
  [chg(50, "%", "down", "环评审批用时", ap="at_least")], "缩短 -> down; 以上 -> at_least on a change")

# negatives
N("2024年12月26日，县生态环境分局召开2024年度工作总结暨2025年工作部署会。", "dates")
N("索引号:11510000MB1A23456B/2025-00087", "索引号, half-width colon")
N("发布机构：省生态环境厅　　成文日期：2025-01-15　　发布日期：2025-01-20", "dates")
N("文号：赣环发〔2024〕12号", "文号")
N("《关于印发〈德清县2025年生态环境保护工作要点〉的通知》（德环〔2025〕3号）", "title with a year + 文号")
N("严格执行《地表水环境质量标准》(GB 3838-2002)和《环境空气质量标准》(GB 3095-2012).", "standard identifiers, half-width")
N("按照HJ 663-2013《环境空气质量评价技术规范（试行）》开展城市空气质量评价。", "standard identifier")
N("城镇污水处理厂出水执行《城镇污水处理厂污染物排放标准》（GB 18918—2002）一级A标准。", "standard identifier and class")
N("以“5·22”国际生物多样性日、“6·5”环境日为契机，广泛开展生态环境宣传。", "dates 5·22 / 6·5")
N("组织开展6.5世界环境日主题宣传活动，发出绿色低碳生活倡议。", "date 6.5")
N("全面落实“三线一单”生态环境分区管控，严把项目环境准入关。", "slogan 三线一单")
N("深入推进“十四五”生态环境保护规划实施情况中期评估。", "plan name 十四五")
N("全面淘汰城市建成区10蒸吨/小时及以下燃煤锅炉。", "threshold, no count")
N("日处理规模500吨以上的生活垃圾焚烧厂须安装自动监控设备并与生态环境部门联网。", "threshold 500吨以上")
N("举报电话:0797-8123456,邮箱:sthjj@example.gov.cn.", "phone number")
N("群众可通过“12345”政务服务便民热线或“12369”环保举报热线反映问题。", "hotline numbers")
N("第二轮中央生态环境保护督察反馈问题整改工作有序推进。", "ordinal 第二轮")
N("我县成功入选第八批国家生态文明建设示范区。", "ordinal 第八批")
N("省委第三巡视组对局党组开展了常规巡视。", "ordinal 第三巡视组")
N("（三）下一步工作安排", "heading alone")
N("三、2025年工作打算", "heading alone")
N("(二)坚决打好碧水保卫战", "half-width heading")
N("1.强化移动源污染治理。", "numbered list marker")
N("（1）推进工业源深度治理；", "list marker （1）")
N("全面实施国六b排放标准，加快推进国三及以下柴油货车淘汰。", "standard names 国六b / 国三")
N("推进PM2.5和O₃协同控制，加强VOCs和NOx协同减排。", "pollutant names")
N("开展pm2.5组分监测和o3前体物走航观测。", "lowercase pollutant names")
N("断面水质类别由Ⅳ类提升为Ⅲ类。", "water classes, no numeric quantity")
N("印发《德阳市空气质量持续改善行动计划（2024—2025年）》。", "title with a period")
N("签发2024年第1号总河长令，部署开展河湖“清四乱”专项行动。", "decree number")
N("对B级及以上绩效企业实施差异化管控。", "grade name")
N("12月31日前完成排污许可证年度执行报告审核。", "date")
N("夜间22时至次日6时禁止产生环境噪声污染的建筑施工作业。", "clock times")
N("加快建设智慧环保2.0平台，推动5G+环境监测应用。", "version number and 5G")
N("持续开展“绿盾2025”自然保护地强化监督工作。", "campaign name with year")
N("认真学习贯彻省第十五次党代会和省委十五届七次全会精神。", "meeting ordinals")
N("二〇二五年一月八日", "Chinese-numeral date")
N("按照“关停取缔一批、整合搬迁一批、整治提升一批”的原则分类处置。", "slogan with 一批")
N("推动形成“1+3+N”大气污染联防联控工作格局。", "slogan with digits")
N("国考断面水质持续保持Ⅱ类以上。", "class threshold")
N("深入实施“八大标志性战役”和“十大专项行动”。", "programme names")
N("施工工地严格落实“六个百分之百”抑尘措施。", "slogan with a Chinese-numeral percent")
N("配合开展第三次全国土壤普查外业调查采样工作。", "ordinal 第三次")
N("O3-8h-90per浓度是影响全年优良天数的关键因素。", "metric name with digits")
N("争创全省生态环境工作第一梯队。", "第一梯队 is a tier name, not a rank")
N("1-11月，全县未发生突发环境事件。", "period 1-11月 with a half-width hyphen")
N("全市共划分优先保护、重点管控和一般管控三类环境管控单元。", "三类 names the classification, not a claim")
N("表1  2024年各县（市、区）环境空气质量主要指标", "table caption")
N("第5页 共12页", "page furniture: page numbers")
N("[bookmark: _GoBack]三、2025年工作打算", "noise + plan heading")
N("印发《2024年度生态环境执法监测计划》。", "title with a year")
N("启动重污染天气Ⅲ级（黄色）应急响应。", "response level name")
N("实行环境应急“7×24小时”值班值守制度。", "duty-schedule name 7×24小时")
N("坚持“三个治污”，即精准治污、科学治污、依法治污。", "slogan 三个治污")
N("2023—2025年持续开展农村人居环境整治提升五年行动。", "period + programme name 五年行动")
N("根据《排污许可管理条例》第二十条，对排污单位开展排污许可证后监管。", "article ordinal")
N("遵义市2025年生态环境保护工作要点\n各县（市、区）要对照本要点，于2025年3月底前制定具体实施方案。", "plan document, date only")
N("岳阳市2025年大气污染防治工作要点\n坚持“四个突出”，推进“两个协同”。", "slogans in a plan")
