#!/usr/bin/env python3
"""Generator of blind.jsonl (hand-annotated records; this script only serialises them).
Run: python3 gen.py > blind.jsonl   (from this folder)."""
import json, sys

RECS = []

def C(kind, value, unit, subj, approx=None, hi=None, d=None, mod=None):
    return {"kind": kind, "value": value, "unit": unit, "modality": mod,
            "direction": d, "value_hi": hi, "approx": approx, "subject": subj}

def P(done, total, unit, subj, mod=None):
    return {"kind": "progress", "done": done, "total": total, "unit": unit,
            "modality": mod, "subject": subj}

def R(text, claims, note, mod="actual"):
    for c in claims:
        if c["modality"] is None:
            c["modality"] = mod
    RECS.append({"text": text, "claims": claims, "note": note})

T = "target"
# shorthand constructors
def cnt(v, u, s, **k): return C("count", v, u, s, **k)
def amt(v, u, s, **k): return C("amount", v, u, s, **k)
def mon(v, s, **k): return C("money", v, "CNY", s, **k)
def mea(v, u, s, **k): return C("measure", v, u, s, **k)
def rat(v, s, u="%", **k): return C("rate", v, u, s, **k)
def chg(v, u, s, d, **k): return C("change", v, u, s, d=d, **k)
def flat(s, **k): return C("change", None, None, s, d="flat", **k)
def rnk(v, s, **k): return C("rank", v, "rank", s, **k)

# ---------------------------------------------------------------- A. 自然资源和规划局 年度工作总结
R("2024年,全市共完成国土空间生态修复面积1.26万亩,完成年度任务的126%。",
  [amt(12600, "mu", "国土空间生态修复面积"), rat(126, "完成年度任务")],
  "自然资源; half-width; 万亩 -> mu x10^4; share of the annual task is a rate")
R("全市耕地保有量稳定在285.6万亩以上，永久基本农田保护面积不低于238.2万亩。",
  [amt(2856000, "mu", "耕地保有量", approx="at_least"), amt(2382000, "mu", "永久基本农田保护面积", approx="at_least")],
  "以上/不低于 in a year-end summary: actual, at_least")
R("严格落实《自然资源部关于做好占用耕地补偿工作的通知》(自然资规〔2024〕1号)要求,守牢耕地保护红线。",
  [], "negative: 《》 title and 文号 only; half-width parens")
R("全年办理不动产登记业务4.8万件，一般登记办理时间压缩至1个工作日以内。",
  [cnt(48000, "件", "不动产登记业务"), mea(1, "day", "一般登记办理时间", approx="at_most")],
  "decision: a processing time reduced to (压缩至) a level is a measure in day; 以内 -> at_most")
R("批而未供土地处置4512亩、闲置土地处置1056亩，分别完成省下达任务的115%和108%。",
  [amt(4512, "mu", "批而未供土地处置"), amt(1056, "mu", "闲置土地处置"),
   rat(115, "批而未供土地处置任务完成"), rat(108, "闲置土地处置任务完成")],
  "分别 list of two rates")
R("全年开展卫片执法图斑核查1,286个，违法用地面积同比下降23.4%。",
  [cnt(1286, "个", "卫片执法图斑核查"), chg(23.4, "%", "违法用地面积", "down")],
  "decision: 1,286 with a thousands comma is one number 1286")
R("（一）坚持规划引领，“多规合一”改革取得新突破",
  [], "negative: heading with list marker; 多规合一 is a name")
R("全市地质灾害隐患点由2020年的317处核减至158处，全年成功避让地质灾害3起，未造成人员伤亡。",
  [cnt(317, "处", "地质灾害隐患点(2020年)"), cnt(158, "处", "地质灾害隐患点"), cnt(3, "起", "成功避让地质灾害")],
  "由A核减至B gives both levels (README level rule, applied to counts); 2020年 date")
R("完成1:2000地形图测绘85平方公里。",
  [amt(85000000, "m2", "1:2000地形图测绘")],
  "1:2000 is a map scale (name), not a claim; 平方公里 -> m2 x10^6")
R("宜城市自然资源和规划局2025年工作计划\n力争全年供应建设用地不少于3000亩,其中工业用地占比不低于四成。",
  [amt(3000, "mu", "供应建设用地", approx="at_least"), rat(40, "工业用地占比", approx="at_least")],
  "plan title line: targets; 四成 -> 40 %; half-width", mod=T)
R("开展第三次全国土壤普查外业调查采样工作，按期完成国家下达的第一批样点任务。",
  [], "negative: 第三次 / 第一批 ordinals")

# ---------------------------------------------------------------- B. 水利局 河湖治理
R("全县共落实县、乡、村三级河湖长1286名，全年累计巡河巡湖5.6万余次。",
  [cnt(1286, "名", "河湖长"), cnt(56000, "次", "巡河巡湖", approx="more_than")],
  "三级 is the name of the levels; 万余 -> more_than")
R("清理河道垃圾1.2万吨，拆除涉河违法建筑2.3万平方米，清除非法围网养殖480亩。",
  [amt(12000, "t", "河道垃圾"), amt(23000, "m2", "涉河违法建筑"), amt(480, "mu", "非法围网养殖")],
  "amounts: 万吨, 万平方米, 亩")
R("完成中小河流治理4条，治理河长36.8公里，完成投资1.85亿元。",
  [cnt(4, "条", "中小河流治理"), amt(36.8, "km", "治理河长"), mon(185000000, "投资")],
  "count + km + 亿元")
R("全市21条主要河流的37个省控以上断面中，水质达到或优于Ⅲ类的有35个，占94.6%。",
  [P(35, 37, "个", "省控以上断面水质达到或优于Ⅲ类"), rat(94.6, "水质达到或优于Ⅲ类断面比例")],
  "…中…有… -> progress 35 of 37 plus the rate; 21条 only delimits which sections (scope); Ⅲ类 water class")
R("实施重点河道清淤疏浚工程,全年清淤量达到85万立方米。",
  [amt(850000, "m3", "清淤量")], "万立方米 -> m3 x10^4; half-width")
R("全年用水总量控制在4.32亿立方米以内，万元GDP用水量较2020年下降16.8%。",
  [amt(432000000, "m3", "用水总量", approx="at_most"), chg(16.8, "%", "万元GDP用水量", "down")],
  "万元GDP is part of the metric name, not money; baseline 较2020年")
R("农田灌溉水有效利用系数达到0.583。",
  [mea(0.583, "", "农田灌溉水有效利用系数")], "a coefficient is a bare index: measure, unit \"\"")
R("新建和改造农村供水工程26处,受益人口8.7万人,农村自来水普及率达到96.5%。",
  [cnt(26, "处", "农村供水工程"), cnt(87000, "人", "受益人口"), rat(96.5, "农村自来水普及率")],
  "half-width; 万人 -> 人")
R("严格执行“一河一策”方案，全面落实河湖长制各项工作任务。",
  [], "negative: 一河一策 is a name")
R("第二轮省级河湖长制督察反馈问题12个,已整改到位10个,剩余2个正按序时推进。",
  [P(10, 12, "个", "河湖长制督察反馈问题"), cnt(2, "个", "序时推进问题")],
  "progress + the remaining count (as in the corpus 35项序时推进); half-width")
R("全县5座小(二)型以上水库安全鉴定完成率100%。",
  [rat(100, "水库安全鉴定完成率")],
  "5座 is the scope of the rate; 小(二)型 is a class name; half-width parens")
R("三、2025年工作思路\n计划实施病险水库除险加固工程7座，新增恢复灌溉面积2.5万亩。",
  [cnt(7, "座", "病险水库除险加固工程"), amt(25000, "mu", "新增恢复灌溉面积")],
  "plan heading: targets", mod=T)
R("全市河湖生态流量保障目标满足率达到百分之百。",
  [rat(100, "河湖生态流量保障目标满足率")], "百分之百 -> 100 %")
R("水利局值班电话:0719-8865432,监督举报电话:12345。",
  [], "negative: phone numbers; half-width colon")
R("该断面氨氮平均浓度为0.21mg/L，总磷平均浓度为0.062mg/L，均优于Ⅱ类标准。",
  [mea(0.21, "mg/L", "氨氮平均浓度"), mea(0.062, "mg/L", "总磷平均浓度")],
  "measures mg/L; Ⅱ类 is a class")
R("全市水土保持率达到87.32%，较上年提高0.41个百分点。",
  [rat(87.32, "水土保持率"), chg(0.41, "pp", "水土保持率", "up")], "个百分点 -> pp")
R("（四）下一步工作打算\n力争年内完成3至5条美丽幸福河湖创建。",
  [cnt(3, "条", "美丽幸福河湖创建", hi=5)], "plan heading: target; range 3至5", mod=T)

# ---------------------------------------------------------------- C. 城市管理局 垃圾分类
R("全市1280个住宅小区中已有1136个实现生活垃圾分类全覆盖，覆盖率88.75%。",
  [P(1136, 1280, "个", "住宅小区垃圾分类全覆盖"), rat(88.75, "覆盖率")], "…中已有… progress + rate")
R("厨余垃圾日处理能力由200吨/日提升至500吨/日。",
  [mea(200, "t/d", "厨余垃圾日处理能力"), mea(500, "t/d", "厨余垃圾日处理能力")],
  "由A提升至B gives two levels; decision: a capacity in t/d is a measure")
R("开展垃圾分类宣传进社区、进学校活动320余场次，覆盖群众5万余人次。",
  [cnt(320, "场次", "宣传活动", approx="more_than"), cnt(50000, "人次", "覆盖群众", approx="more_than")],
  "余 -> more_than; classifier 场次")
R("查处生活垃圾分类违法行为187起,罚款金额4.65万元。",
  [cnt(187, "起", "垃圾分类违法行为"), mon(46500, "罚款金额")], "half-width")
R("全年共受理城市管理类投诉3568件，办结3568件，办结率100%。",
  [P(3568, 3568, "件", "城市管理类投诉"), rat(100, "办结率")], "total and done equal")
R("严格执行《生活垃圾分类标志》(GB/T 19095-2019),统一全市垃圾分类标识。",
  [], "negative: standard number inside a title")
R("自2025年5月1日起施行的《宜昌市生活垃圾分类管理条例》已完成第二次审议。",
  [], "negative: date, ordinal 第二次")
R("在全省生活垃圾分类工作考核中排名第3位,较上年前进5个位次。",
  [rnk(3, "全省生活垃圾分类工作考核"), chg(5, "rank", "全省生活垃圾分类工作考核排名", "up")],
  "rank + 前进N个位次 change unit rank; half-width")
R("全年整治占道经营、店外经营等问题两千余起。",
  [cnt(2000, "起", "占道经营、店外经营等问题", approx="more_than")], "两千余 -> 2000 more_than")
R("宜都市2025年城市管理工作要点\n城市生活垃圾回收利用率达到40%以上，力争实现原生生活垃圾零填埋。",
  [rat(40, "城市生活垃圾回收利用率", approx="at_least")],
  "工作要点 title: target; 零填埋 is a slogan-like goal with no written number, not a claim", mod=T)
R("截至年底，全市共建成生活垃圾分类示范小区二百三十五个。",
  [cnt(235, "个", "生活垃圾分类示范小区")], "Chinese numeral 二百三十五")

# ---------------------------------------------------------------- D. 农业农村局 化肥农药减量
R("全县化肥使用量5.82万吨(折纯),较上年减少1.6%。",
  [amt(58200, "t", "化肥使用量"), chg(1.6, "%", "化肥使用量", "down")], "half-width; 折纯 qualifier")
R("回收农药包装废弃物186.5吨，回收率达到85%，回收废旧农膜2100吨，回收率87.5%。",
  [amt(186.5, "t", "农药包装废弃物"), rat(85, "农药包装废弃物回收率"), amt(2100, "t", "废旧农膜"), rat(87.5, "废旧农膜回收率")],
  "amounts and rates alternating")
R("组织开展农药包装废弃物集中回收活动12次，回收废弃包装物500公斤。",
  [cnt(12, "次", "集中回收活动"), amt(0.5, "t", "废弃包装物")], "公斤 -> t (500公斤 = 0.5 t)")
R("秸秆综合利用率达93.6%,同比提高0.8个百分点。",
  [rat(93.6, "秸秆综合利用率"), chg(0.8, "pp", "秸秆综合利用率", "up")], "half-width; pp")
R("全市农药使用量连续5年负增长,2024年为1286吨,同比下降2.1%。",
  [amt(1286, "t", "农药使用量"), chg(2.1, "%", "农药使用量", "down")],
  "decision: 连续5年 is a period, not a claim; half-width")
R("深入贯彻《到2025年化肥减量化行动方案》和《到2025年化学农药减量化行动方案》。",
  [], "negative: years inside titles")
R("龙泉镇2025年农业农村工作计划\n全镇化肥农药使用量实现负增长，主要农作物绿色防控覆盖率达到55%以上。",
  [rat(55, "绿色防控覆盖率", approx="at_least")], "plan title; 负增长 has no number", mod=T)
R("新建高标准农田6.8万亩，总投资1.02亿元，亩均投入1500元。",
  [amt(68000, "mu", "高标准农田"), mon(102000000, "总投资"), mon(1500, "亩均投入")],
  "money 元 (per-mu investment is still a sum of money per mu, kept as money)")
R("（二）推进农药减量控害",
  [], "negative: heading")
R("建立化肥减量增效示范区12个,示范区化肥用量减少10%-15%。",
  [cnt(12, "个", "化肥减量增效示范区"), chg(10, "%", "示范区化肥用量", "down", hi=15)],
  "range 10%-15% as change with value_hi; 减少 direction down, no baseline written; half-width")
R("全县农作物病虫害专业化统防统治覆盖率达百分之四十五点六。",
  [rat(45.6, "统防统治覆盖率")], "百分之四十五点六 -> 45.6")
R("兽用抗菌药使用减量化试点养殖场达到17家，占规模养殖场总数的三分之一。",
  [cnt(17, "家", "减量化试点养殖场"), rat(33.33, "占规模养殖场总数")], "三分之一 -> 33.33 %")
R("受污染耕地安全利用率达到百分之九十二点五，严格管控类耕地种植结构调整完成率100%。",
  [rat(92.5, "受污染耕地安全利用率"), rat(100, "种植结构调整完成率")], "百分之九十二点五")

# ---------------------------------------------------------------- E. 住建局 污水管网
R("城市生活污水集中收集率达到72.6%,较2023年提高4.1个百分点。",
  [rat(72.6, "城市生活污水集中收集率"), chg(4.1, "pp", "城市生活污水集中收集率", "up")], "baseline 较2023年; half-width")
R("县城污水处理厂提标扩建工程完工，处理规模由3万吨/日扩大至5万吨/日，出水水质执行一级A标准。",
  [mea(30000, "t/d", "处理规模"), mea(50000, "t/d", "处理规模")], "two levels in t/d; 一级A is a standard grade")
R("城市污水处理厂进水BOD浓度平均值为112mg/L，同比增长8.5%。",
  [mea(112, "mg/L", "进水BOD浓度平均值"), chg(8.5, "%", "进水BOD浓度", "up")], "BOD name")
R("排查污水管网1050公里,发现管网破损、错混接等问题2386处,已整改2013处。",
  [amt(1050, "km", "排查污水管网"), P(2013, 2386, "处", "管网破损、错混接等问题")], "发现…已整改… progress; half-width")
R("全年完成污水管网建设投资 3.26 亿元, 同比增长 15.3 %。",
  [mon(326000000, "污水管网建设投资"), chg(15.3, "%", "污水管网建设投资", "up")], "spaces before units; half-width comma")
R("四、2025年工作打算\r\n新建改造城市污水管网不少于50公里,城市生活污水集中收集率提高到75%。",
  [amt(50, "km", "新建改造城市污水管网", approx="at_least"), rat(75, "城市生活污水集中收集率")],
  "CRLF after plan heading; targets", mod=T)
R("按照《城镇污水处理厂污染物排放标准》(GB 18918-2002)一级A标准稳定运行。",
  [], "negative: standard number and grade")
R("成立由局主要负责人任组长的工作专班，实行“一周一调度、一月一通报”。",
  [], "negative: 一周一调度 is a working-rule name")
R("全市乡镇污水处理设施正常运行率由68%提升至91%。",
  [rat(68, "乡镇污水处理设施正常运行率"), rat(91, "乡镇污水处理设施正常运行率")], "由A提升至B: two rate levels")

# ---------------------------------------------------------------- F. 县 政府工作报告
R("过去一年，全县地区生产总值完成312.6亿元，增长6.2%。",
  [mon(31260000000, "地区生产总值"), chg(6.2, "%", "地区生产总值", "up")], "增长 without baseline: change up")
R("空气质量优良天数达到328天,优良率89.6%,pm2.5平均浓度降至29微克/立方米。",
  [cnt(328, "day", "空气质量优良天数"), rat(89.6, "优良率"), mea(29, "ug/m3", "pm2.5平均浓度")],
  "decision: days get unit day; 微克/立方米 -> ug/m3; 降至 gives a level; lowercase pm2.5; half-width")
R("单位GDP能耗下降3.2%，超额完成省定目标。",
  [chg(3.2, "%", "单位GDP能耗", "down")], "change with no baseline written")
R("化学需氧量、氨氮、氮氧化物、挥发性有机物重点工程减排量分别为386吨、42吨、215吨和98吨。",
  [amt(386, "t", "化学需氧量减排量"), amt(42, "t", "氨氮减排量"), amt(215, "t", "氮氧化物减排量"), amt(98, "t", "挥发性有机物减排量")],
  "分别 list of four amounts; 减排量 is a quantity of work (amount), no baseline")
R("新增城市绿地面积12.6万平方米,人均公园绿地面积达到14.8平方米。",
  [amt(126000, "m2", "新增城市绿地面积"), mea(14.8, "m2", "人均公园绿地面积")],
  "decision: a per-capita level (人均) is a measure; half-width")
R("南漳县2025年政府工作报告\n2025年全县经济社会发展主要预期目标是:地区生产总值增长6%左右,单位地区生产总值能耗下降2.5%,pm2.5平均浓度控制在30微克/立方米以内。",
  [chg(6, "%", "地区生产总值", "up", approx="about"), chg(2.5, "%", "单位地区生产总值能耗", "down"),
   mea(30, "ug/m3", "pm2.5平均浓度", approx="at_most")],
  "预期目标: targets; 左右 about, 以内 at_most; half-width colon", mod=T)
R("全年新建5G基站586个，实现乡镇以上区域全覆盖。",
  [cnt(586, "个", "5G基站")], "5G is a name, not a claim")

# ---------------------------------------------------------------- G. 乡镇/开发区 2025年 工作要点/计划
R("枝江经济开发区2025年工作要点\n全年力争完成规上工业总产值480亿元,同比增长10%以上。",
  [mon(48000000000, "规上工业总产值"), chg(10, "%", "规上工业总产值", "up", approx="at_least")],
  "工作要点 title: targets; half-width", mod=T)
R("枝江经济开发区2025年工作要点\n新签约亿元以上项目不少于20个，其中10亿元以上项目3个。",
  [cnt(20, "个", "亿元以上项目", approx="at_least"), cnt(3, "个", "10亿元以上项目")],
  "亿元以上 / 10亿元以上 are thresholds qualifying the noun, not money", mod=T)
R("枝江经济开发区2025年工作要点\n完成园区污水管网修复改造8.5公里，实现园区污水集中处理率100%。",
  [amt(8.5, "km", "园区污水管网修复改造"), rat(100, "园区污水集中处理率")], "targets", mod=T)
R("枝江经济开发区2025年工作要点\n一、指导思想",
  [], "negative: title line plus heading")
R("还地桥镇2025年工作计划\n完成农村户厕改造300户，新建村级污水处理站4座。",
  [cnt(300, "户", "农村户厕改造"), cnt(4, "座", "村级污水处理站")], "targets", mod=T)
R("还地桥镇2025年工作计划\n全年植树造林500亩，栽植各类苗木1.5万株。",
  [amt(500, "mu", "植树造林"), cnt(15000, "株", "苗木")], "targets", mod=T)
R('还地桥镇2025年工作计划\n确保秸秆焚烧火点"零发生",年内开展禁烧巡查不少于200次。',
  [cnt(200, "次", "禁烧巡查", approx="at_least")], "零发生 has no written number (slogan); half-width quotes", mod=T)
R("还地桥镇2025年工作计划\n二是加强矛盾纠纷排查化解，确保信访案件办结率达到98%以上。",
  [rat(98, "信访案件办结率", approx="at_least")], "二是 list marker", mod=T)
R("孝感高新区2025年生态环境保护工作要点\n园区工业固体废物综合利用率达到90%,危险废物规范化管理抽查合格率不低于95%。",
  [rat(90, "工业固体废物综合利用率"), rat(95, "危险废物规范化管理抽查合格率", approx="at_least")],
  "targets; half-width", mod=T)
R("孝感高新区2025年生态环境保护工作要点\n3月底前完成园区大气网格化监测系统升级，6月底前完成第1批VOCs治理提升项目验收。",
  [], "negative: deadlines and 第1批 ordinal")
R("孝感高新区2025年生态环境保护工作要点\n全年实施VOCs深度治理项目12个，削减VOCs排放量约60吨。",
  [cnt(12, "个", "VOCs深度治理项目"), amt(60, "t", "VOCs排放量削减", approx="about")],
  "削减 without baseline is an amount (README)", mod=T)
R("襄城区檀溪街道2025年工作要点\n(三)抓好安全生产和生态环境保护工作",
  [], "negative: half-width list marker heading")

# ---------------------------------------------------------------- H. 环境质量状况公报
R("2024年，全市环境空气中pm2.5、pm10年均浓度分别为32μg/m³和58μg/m³。",
  [mea(32, "ug/m3", "pm2.5年均浓度"), mea(58, "ug/m3", "pm10年均浓度")], "lowercase pollutants; 分别")
R("so2、no2年均浓度分别为7μg/m³、24μg/m³,同比分别下降12.5%和4.0%。",
  [mea(7, "ug/m3", "so2年均浓度"), mea(24, "ug/m3", "no2年均浓度"),
   chg(12.5, "%", "so2年均浓度", "down"), chg(4.0, "%", "no2年均浓度", "down")], "lowercase; two 分别; half-width")
R("co日均值第95百分位数浓度为1.1mg/m³，o3日最大8小时平均值第90百分位数浓度为156μg/m³。",
  [mea(1.1, "mg/m3", "co日均值第95百分位数浓度"), mea(156, "ug/m3", "o3日最大8小时平均值第90百分位数浓度")],
  "第95百分位数 / 8小时 / 第90百分位数 are parts of the metric names; mg/m³ -> mg/m3 (README)")
R("城市环境空气质量综合指数为3.92，同比改善4.6%。",
  [mea(3.92, "", "环境空气质量综合指数"), chg(4.6, "%", "环境空气质量综合指数", "improve")], "index bare; 改善 -> improve")
R("全年环境空气质量优良天数为301天，同比增加9天。",
  [cnt(301, "day", "优良天数"), chg(9, "day", "优良天数", "up")], "days: unit day for the count and the change")
R("重度及以上污染天数为2天,与上年持平。",
  [cnt(2, "day", "重度及以上污染天数"), flat("重度及以上污染天数")], "持平 -> flat change with null value; half-width")
R("全市降水pH年均值为5.86，酸雨频率为3.2%。",
  [mea(5.86, "", "降水pH年均值"), rat(3.2, "酸雨频率")], "pH is a bare index")
R("全市城市区域声环境昼间等效声级平均值为53.8分贝，质量等级为二级(较好)。",
  [mea(53.8, "dB", "区域声环境昼间等效声级平均值")],
  "decision: 分贝 -> dB (unit not in the contract list); 二级 is a grade")
R("全市32个地表水监测断面中,Ⅰ～Ⅲ类水质断面28个,占87.5%,无劣Ⅴ类断面。",
  [P(28, 32, "个", "Ⅰ～Ⅲ类水质断面"), rat(87.5, "Ⅰ～Ⅲ类水质断面比例")],
  "Ⅰ～Ⅲ类 is a class range, not a numeric range; …中… progress; half-width")
R("长江干流3个国控断面水质均为Ⅱ类。",
  [cnt(3, "个", "长江干流国控断面")], "均为 + class; no rate stated so 3个 is a count (README)")
R("全市8个国考断面水质优良率为100%。",
  [rat(100, "国考断面水质优良率")], "8个 is the scope of the rate")
R("湖泊总磷平均浓度为0.048mg/L，高锰酸盐指数平均值为3.6mg/L，综合营养状态指数为46.2，处于中营养状态。",
  [mea(0.048, "mg/L", "湖泊总磷平均浓度"), mea(3.6, "mg/L", "高锰酸盐指数平均值"), mea(46.2, "", "综合营养状态指数")],
  "高锰酸盐指数 has a unit; 综合营养状态指数 is bare")
R("全市生态质量指数(EQI)为68.35,生态质量类别为二类。",
  [mea(68.35, "", "生态质量指数")], "二类 is a class; half-width parens")
R("评价依据《环境空气质量标准》(GB 3095-2012)二级标准和《环境空气质量评价技术规范(试行)》(HJ 663-2013)。",
  [], "negative: standard numbers, 二级 grade")
R("地表水水质评价依据《地表水环境质量标准》(GB 3838-2002)和《地表水环境质量评价办法(试行)》(环办〔2011〕22号)。",
  [], "negative: standard number, 文号")
R("二〇二四年全市酸雨发生率较上年下降零点八个百分点。",
  [chg(0.8, "pp", "酸雨发生率", "down")], "Chinese numerals: 二〇二四年 is a date, 零点八 -> 0.8 pp")
R("全市土壤环境国控监测点位48个，点位达标率为97.9%。",
  [rat(97.9, "点位达标率")], "48个 is the scope of the rate stated right after")
R("全市pm2.5浓度在全省17个市州中排名第4，较上年上升2位。",
  [rnk(4, "全省pm2.5浓度"), chg(2, "rank", "全省pm2.5浓度排名", "up")], "17个 scope of the rank; 上升2位 rank change")
R("环境空气质量综合指数在全国168个重点城市中排名第152位,位次较上年提升8位。",
  [rnk(152, "全国168个重点城市空气质量综合指数"), chg(8, "rank", "排名", "up")], "168个 scope; half-width")

# ---------------------------------------------------------------- I. 林业局 造林
R("组织全民义务植树活动46场次,参与群众3.2万人次,植树18.6万株。",
  [cnt(46, "场次", "义务植树活动"), cnt(32000, "人次", "参与群众"), cnt(186000, "株", "植树")], "half-width")
R("林业有害生物成灾率控制在3‰以下，无公害防治率达到90%以上。",
  [rat(0.3, "林业有害生物成灾率", approx="at_most"), rat(90, "无公害防治率", approx="at_least")],
  "‰ -> % / 10; 控制在…以下 in a summary: actual at_most")
R("全市设立市、县、乡、村四级林长3462名,聘用生态护林员1280名。",
  [cnt(3462, "名", "林长"), cnt(1280, "名", "生态护林员")], "四级 names the levels; half-width")
R("森林火灾受害率控制在0.9‰以内，全年未发生重大森林火灾。",
  [rat(0.09, "森林火灾受害率", approx="at_most")], "0.9‰ -> 0.09 %")
R("全县共普查古树名木1632株,其中一级古树86株。",
  [cnt(1632, "株", "古树名木"), cnt(86, "株", "一级古树")],
  "其中 gives a sub-category (grade), not done-of-total: two counts; 一级 is a grade; half-width")
R("通山县林业局2025年工作计划\n计划完成人工造林1万亩、森林抚育3万亩，森林覆盖率稳定在70%以上。",
  [amt(10000, "mu", "人工造林"), amt(30000, "mu", "森林抚育"), rat(70, "森林覆盖率", approx="at_least")], "targets", mod=T)
R("深入践行“绿水青山就是金山银山”理念，扎实推进第二批国家储备林项目。",
  [], "negative: slogan and ordinal")
R("全年完成造林绿化一万二千亩。",
  [amt(12000, "mu", "造林绿化")], "Chinese numeral 一万二千")
R("新建森林防火通道１２公里，配备扑火机具２８０台套。",
  [amt(12, "km", "森林防火通道"), cnt(280, "台套", "扑火机具")], "full-width digits; classifier 台套")
R("全市草原综合植被盖度达到85.2%,同比提高1.2个百分点。",
  [rat(85.2, "草原综合植被盖度"), chg(1.2, "pp", "草原综合植被盖度", "up")], "half-width")
R("完成石漠化综合治理面积1580公顷，治理岩溶面积32.5平方公里。",
  [amt(1580, "ha", "石漠化综合治理面积"), amt(32500000, "m2", "治理岩溶面积")], "ha and km2")
R("5·22国际生物多样性日期间，开展野生动植物保护宣传活动。",
  [], "negative: 5·22 date")
R("3月12日植树节当天，县四套班子领导带头参加义务植树。",
  [], "negative: date; 四套班子 is a name")

# ---------------------------------------------------------------- J. 信访 / 督察整改
R("中央第三生态环境保护督察组交办信访件共186件，已办结182件，办结率97.8%。",
  [P(182, 186, "件", "督察组交办信访件"), rat(97.8, "办结率")], "共…已… progress + rate; 第三 is a name/ordinal")
R("第二轮中央生态环境保护督察反馈问题32个,已完成整改29个,剩余3个达到序时进度。",
  [P(29, 32, "个", "督察反馈问题"), cnt(3, "个", "剩余问题")], "progress + remaining count; half-width")
R("省级督察交办的46件信访件全部办结。",
  [P(46, 46, "件", "省级督察交办信访件")], "全部办结 -> progress N of N")
R("全年共受理群众来信来访1286件次，其中来信326件、来访960件次。",
  [cnt(1286, "件次", "群众来信来访"), cnt(326, "件", "来信"), cnt(960, "件次", "来访")],
  "其中 breakdown by channel: counts, not progress")
R("2024年省委巡视反馈我局生态环境领域问题17个。截至12月底，已整改完成15个，其余2个正在推进。",
  [P(15, 17, "个", "巡视反馈问题"), cnt(2, "个", "正在推进问题")],
  "total in one sentence, done in the next -> progress; 12月底 date")
R("交办的27个问题中，已有25个完成整改并通过验收销号。",
  [P(25, 27, "个", "交办问题")], "…中已有… progress")
R("长江经济带生态环境警示片披露的5个问题已全部完成整改销号。",
  [P(5, 5, "个", "警示片披露问题")], "已全部完成 -> progress")
R("共排查信访积案二十三件，已化解二十一件。",
  [P(21, 23, "件", "信访积案")], "Chinese numerals in progress")
R("通过12345政务服务便民热线受理的生态环境类诉求均按时转办。",
  [], "negative: 12345 is a hotline name")
R('中央环保督察"回头看"交办问题整改:交办问题共58个,已完成整改55个,整改完成率94.8%。',
  [P(55, 58, "个", "交办问题"), rat(94.8, "整改完成率")], "half-width colon and quotes")
R("根据《关于印发〈第二轮中央生态环境保护督察整改方案〉的通知》(鄂办发〔2022〕15号)要求,建立整改工作台账。",
  [], "negative: title with ordinal, 文号")
R("（四）下一步工作打算\n确保剩余4项整改任务于2025年6月底前全部完成销号。",
  [P(4, 4, "项", "剩余整改任务", mod=T)],
  "decision: the all-done rule applies to targets too: target progress 4 of 4; 2025年6月底 date", mod=T)
R("全年开展信访矛盾纠纷排查4轮，排查化解矛盾纠纷386件，化解率96.2%。",
  [cnt(4, "轮", "信访矛盾纠纷排查"), cnt(386, "件", "矛盾纠纷"), rat(96.2, "化解率")],
  "decision: 4轮 after the verb is a count of rounds (like 次), unlike 第四轮")
R("12月份受理环境信访投诉86件，环比下降21.8%。",
  [cnt(86, "件", "环境信访投诉"), chg(21.8, "%", "环境信访投诉", "down")], "环比; 12月份 date")
R("省级生态环境保护督察反馈问题整改工作在年度考核中位居全省第二位。",
  [rnk(2, "全省督察整改考核")], "位居全省第二位 -> rank 2")
R("转办信访件81件,其中属实或部分属实63件,责令整改企业58家,立案处罚12家,罚款136.5万元。",
  [cnt(81, "件", "转办信访件"), cnt(63, "件", "属实或部分属实"), cnt(58, "家", "责令整改企业"),
   cnt(12, "家", "立案处罚"), mon(1365000, "罚款")],
  "属实 is a finding, not completion: count, not progress; half-width")
R("对群众反映强烈的一批突出问题实行立行立改、即知即改。",
  [], "negative: 一批 is an article")

# ---------------------------------------------------------------- K. 生态保护 misc
R("《神农架林区自然保护地总体规划(2021-2030年)》已获省政府批复。",
  [], "negative: period inside a title")

# ---------------------------------------------------------------- L. more negatives
NEG = [
 ("2024年1-11月，全市空气质量持续改善。", "negative: period 1-11月"),
 ("一、2024年工作完成情况", "negative: heading"),
 ("（二）聚焦“双碳”目标，推动绿色低碳转型", "negative: heading, 双碳 name"),
 ("按照“1+N”政策体系要求，制定出台碳达峰实施方案。", "negative: 1+N is a name"),
 ("索引号:11420600MB1837465X/2025-00123", "negative: index number; half-width colon"),
 ("发文字号:黄政办发〔2025〕8号", "negative: 文号"),
 ("发布日期:2025-01-15", "negative: date"),
 ("联系电话:0713-8881234 传真:0713-8881235", "negative: phone and fax"),
 ("扎实推进“三线一单”生态环境分区管控成果落地应用。", "negative: 三线一单"),
 ("全力配合做好第三轮中央生态环境保护督察迎检工作。", "negative: 第三轮"),
 ("全面淘汰35蒸吨/小时以下燃煤锅炉。", "negative: 35蒸吨/小时以下 is a threshold, no count given"),
 ("对年产生危险废物10吨以上的企业实施重点监管。", "negative: 10吨以上 threshold qualifying 企业"),
 ("单机容量30万千瓦及以上燃煤机组全部完成超低排放改造。", "negative: threshold; 全部完成 without a count is not progress"),
 ("落实“河长+检察长”协作机制，构建“1+3+N”联防联控体系。", "negative: 1+3+N name"),
 ("开展“6·5”环境日系列宣传活动，发放《公民生态环境行为规范(试行)》宣传资料。", "negative: 6·5 date"),
 ("依照《中华人民共和国长江保护法》第二十六条规定，严格岸线管控。", "negative: 第二十六条 article ordinal"),
 ("启动编制《荆门市国土空间总体规划(2021—2035年)》实施评估报告。", "negative: period in a title"),
 ("每年4月至10月为秸秆禁烧重点时段，实行24小时巡查值守。", "decision/negative: 24小时 describes a duty regime, not a quantity of work; 4月至10月 period"),
 ("2025年是“十四五”规划收官之年，也是谋划“十五五”发展的关键之年。", "negative: plan names"),
 ("(一)2024年工作回顾", "negative: half-width marker heading"),
 ("第一,坚持系统治理,统筹山水林田湖草沙一体化保护。", "negative: 第一 list marker; half-width"),
 ("深入打好蓝天、碧水、净土三大保卫战。", "negative: 三大保卫战 is a name"),
 ("持续推进“一江两河三湖”综合治理。", "negative: name with numerals"),
 ("按照《生活垃圾焚烧污染控制标准》(GB 18485-2014)要求实施在线监控。", "negative: standard"),
 ("高标准完成《崇阳县“十四五”林业发展规划》中期评估报告。", "negative: title"),
 ("加强O3和PM2.5协同控制，推动NOx和VOCs协同减排。", "negative: pollutant names"),
 ("对涉VOCs排放的重点行业企业实施“一厂一策”精细化管控。", "negative: 一厂一策"),
 ("3.加强农业面源污染治理", "negative: list marker 3."),
 ("(5)强化信访问题源头治理", "negative: (5) list marker"),
 ("做好2025年第一季度信访形势分析研判。", "negative: date, 第一季度"),
 ("持续开展“清废行动2024”专项执法。", "negative: 2024 inside an action name"),
 ("积极申报第八批国家生态文明建设示范区和“绿水青山就是金山银山”实践创新基地。", "negative: 第八批"),
 ("土地整治项目竣工测量统一采用1:500比例尺地形图。", "negative: map scale"),
 ("落实12369环保举报热线24小时值守制度。", "negative: 12369 hotline name; 24小时 duty regime (as above)"),
 ("2025年1月1日起，全县城区全面推行生活垃圾“定时定点”投放。", "negative: date"),
 ("以国六b排放标准为准入门槛，加快淘汰老旧营运车辆。", "negative: 国六b standard name"),
 ("三、2025年工作思路\r\n坚持以习近平生态文明思想为指导，全面贯彻落实党的二十届三中全会精神。", "negative under a plan heading; CRLF; meeting name"),
 ("黄石市西塞山区2025年生态环境保护工作要点\n一、持续深入打好污染防治攻坚战", "negative: title + heading"),
 ("（四）下一步工作打算\n一是持续巩固督察整改成果，坚决防止问题反弹回潮。", "negative: plan heading, 一是 marker"),
 ("荆州市水利和湖泊局2024年度工作总结和2025年工作计划", "negative: title line only"),
 ("第1季度、第2季度全市河湖长制考核结果均为“优秀”等次。", "negative: 第N季度 ordinals"),
 ("《关于进一步加强城镇生活污水处理设施建设的实施意见》(随政办发〔2024〕27号)印发实施。", "negative: title and 文号"),
 ('落实"一月一调度、一季一通报"工作机制,压实属地责任。', "negative: working-rule name; half-width"),
 ("各级各部门要以更高标准、更实举措推进二〇二五年各项工作。", "negative: Chinese-numeral year"),
 ("pm10和no2指标改善明显,o3污染问题逐步凸显。", "negative: lowercase pollutant names only; half-width"),
 ("城市管理综合考核连续三年位居全省前列。", "negative: 连续三年 period; 前列 is not a rank number"),
 ("投诉举报电话:0710-3512345(工作日8:30-17:30)。", "negative: phone and office hours; half-width"),
 ("第二部分 2025年工作计划", "negative: section title with ordinal and year"),
 ("自然资源领域“十五五”规划前期研究工作于2024年9月启动。", "negative: plan name, date"),
 ("秸秆禁烧期间实行“一日一巡查、一周一通报”。", "negative: rule name"),
 ("督促各县市区于2025年3月31日前报送第一季度整改进展。", "negative: date, 第一季度"),
 ("严格执行《农药包装废弃物回收处理管理办法》(农业农村部 生态环境部令2020年第6号)。", "negative: 令 number"),
]
for t, n in NEG:
    R(t, [], n)

# ---------------------------------------------------------------- M. more positives
R("全年办理建设项目用地预审和选址意见书近200件。",
  [cnt(200, "件", "用地预审和选址意见书", approx="about")], "近 -> about")
R("全市城镇生活污水处理厂平均出水cod浓度为18.6mg/L,氨氮浓度为0.85mg/L。",
  [mea(18.6, "mg/L", "出水cod浓度"), mea(0.85, "mg/L", "出水氨氮浓度")], "lowercase cod; half-width")
R("完成岸线生态修复约8公里，种植水生植物3万平方米左右。",
  [amt(8, "km", "岸线生态修复", approx="about"), amt(30000, "m2", "水生植物", approx="about")], "约 and 左右")
R("西塞山区2025年生态环境保护工作要点\n全区pm2.5年均浓度不超过33μg/m³,优良天数比例不低于85.5%。",
  [mea(33, "ug/m3", "pm2.5年均浓度", approx="at_most"), rat(85.5, "优良天数比例", approx="at_least")],
  "targets; 不超过 at_most, 不低于 at_least; lowercase; half-width", mod=T)
R("西塞山区2025年生态环境保护工作要点\n重污染天数比率控制在0.8%以内，氮氧化物和VOCs重点工程减排量分别达到420吨、160吨。",
  [rat(0.8, "重污染天数比率", approx="at_most"), amt(420, "t", "氮氧化物减排量"), amt(160, "t", "VOCs减排量")],
  "targets; 分别", mod=T)
R("西塞山区2025年生态环境保护工作要点\n全区国省控断面水质均达到考核目标要求，地表水国考断面水质优良比例达到100%。",
  [rat(100, "国考断面水质优良比例")], "targets; 均达到 without a number", mod=T)
R("西塞山区2025年生态环境保护工作要点\n完成20蒸吨/小时以下燃煤锅炉淘汰任务8台。",
  [cnt(8, "台", "燃煤锅炉淘汰")], "target count; 20蒸吨/小时以下 is a threshold", mod=T)
R("西塞山区2025年生态环境保护工作要点\n年内推动3家以上重点企业完成强制性清洁生产审核。",
  [cnt(3, "家", "重点企业清洁生产审核", approx="at_least")], "target; 以上", mod=T)
R("西塞山区2025年生态环境保护工作要点\n完成土壤污染重点监管单位隐患排查20家，完成率达到100%。",
  [cnt(20, "家", "土壤污染重点监管单位隐患排查"), rat(100, "完成率")], "targets", mod=T)
R("全年完成环评审批项目１５６个，总投资２８６．５亿元。",
  [cnt(156, "个", "环评审批项目"), mon(28650000000, "总投资")], "full-width digits and full-width decimal point")
R("城区空气质量优良率达到９２．３％。",
  [rat(92.3, "城区空气质量优良率")], "full-width digits and ％")
R("治理农村黑臭水体 18 条, 完成投资 6850 万元。",
  [cnt(18, "条", "农村黑臭水体"), mon(68500000, "投资")], "spaces around numbers; half-width comma")
R("二、2024年主要工作成效\r\n全年新建城市绿道 35.6 公里，口袋公园 24 个。",
  [amt(35.6, "km", "城市绿道"), cnt(24, "个", "口袋公园")], "CRLF after a heading (summary heading, actual); spaces")
R("城市生活垃圾填埋占比较上年下降12.5个百分点，降至8.3%。",
  [chg(12.5, "pp", "生活垃圾填埋占比", "down"), rat(8.3, "生活垃圾填埋占比")], "pp change + level after 降至")
R("与2023年相比，全市化肥施用量减少2160吨，农药使用量减少86吨。",
  [chg(2160, "t", "化肥施用量", "down"), chg(86, "t", "农药使用量", "down")], "与2023年相比 baseline; 减少 -> change down in t")
R("全县森林覆盖率与上年基本持平。",
  [flat("森林覆盖率")], "基本持平 -> flat change, null value")
R("11月全市pm2.5平均浓度为45μg/m³,环比持平。",
  [mea(45, "ug/m3", "pm2.5平均浓度"), flat("pm2.5平均浓度")], "环比持平; 11月 date; half-width")
R("我县在全省高标准农田建设评价激励中排名第一。",
  [rnk(1, "全省高标准农田建设评价")], "排名第一 Chinese ordinal rank")
R("县域污水处理综合评价位列全市第3名,较上年提升2个位次。",
  [rnk(3, "全市县域污水处理综合评价"), chg(2, "rank", "排名", "up")], "half-width")
R("全市环境空气质量排名由全省第11位上升至第7位。",
  [rnk(11, "全省空气质量排名(上年)"), rnk(7, "全省空气质量排名")], "从A至B: two ranks (README)")
R("河湖长制工作考核得分98.5分，位居全省第2位。",
  [mea(98.5, "分", "河湖长制工作考核得分"), rnk(2, "全省河湖长制工作考核")],
  "decision: a score in 分 is a measure with unit 分")
R("3个县级饮用水水源地水质达标率均为100%。",
  [rat(100, "县级饮用水水源地水质达标率")], "均为 with one metric: one claim; 3个 scope")
R("2个国控断面、5个省控断面水质均达到或优于Ⅲ类。",
  [cnt(2, "个", "国控断面"), cnt(5, "个", "省控断面")], "均达到 a class, no rate: counts (README rule)")
R("化学需氧量、氨氮排放总量均较上年下降2%以上。",
  [chg(2, "%", "化学需氧量排放总量", "down", approx="at_least"), chg(2, "%", "氨氮排放总量", "down", approx="at_least")],
  "decision: 均 distributing one value over two named metrics gives one claim per metric")
R("示范区农药使用量减少20%-30%,每亩节本增效100元以上。",
  [chg(20, "%", "示范区农药使用量", "down", hi=30), mon(100, "每亩节本增效", approx="at_least")], "range; half-width")
R("改造后供水管网漏损率降至8%～10%。",
  [rat(8, "供水管网漏损率", hi=10)], "range with ～ after 降至: a rate level")
R("全年出动执法人员两千余人次，检查在建工地三百余个。",
  [cnt(2000, "人次", "执法人员", approx="more_than"), cnt(300, "个", "在建工地", approx="more_than")], "Chinese numerals with 余")
R("厨余垃圾分出量占生活垃圾清运量的三成以上。",
  [rat(30, "厨余垃圾分出量占比", approx="at_least")], "三成 -> 30 %")
R("全市农药使用量较2020年减少近三成。",
  [chg(30, "%", "农药使用量", "down", approx="about")], "近三成 -> about 30 %")
R("发放耕地地力保护补贴2.86亿元,惠及农户18.6万户。",
  [mon(286000000, "耕地地力保护补贴"), cnt(186000, "户", "农户")], "half-width")
R("争取中央水污染防治资金3500万元，省级资金近千万元。",
  [mon(35000000, "中央水污染防治资金"), mon(10000000, "省级资金", approx="about")], "近千万元 -> about 10000000")
R("全年完成水利投资12.8亿元,同比增长23.5%,创历史新高。",
  [mon(1280000000, "水利投资"), chg(23.5, "%", "水利投资", "up")], "half-width")
R("（四）下一步工作打算\n计划新增水土流失治理面积15平方公里，完成小流域综合治理2条。",
  [amt(15000000, "m2", "水土流失治理面积"), cnt(2, "条", "小流域综合治理")], "plan heading: targets", mod=T)
R("全县需改造农村危房共412户,已完成改造398户。",
  [P(398, 412, "户", "农村危房改造")], "共…已… progress; half-width")
R("排查出的63处地质灾害隐患中，已完成工程治理41处，其余落实监测预警措施。",
  [P(41, 63, "处", "地质灾害隐患工程治理")], "…中已… progress")
R("全年受理网上信访事项516件，全部按期办结。",
  [P(516, 516, "件", "网上信访事项")], "全部按期办结 -> progress")
R("全市共建成生活垃圾焚烧发电厂3座，\r\n日焚烧处理能力4500吨。",
  [cnt(3, "座", "生活垃圾焚烧发电厂"), amt(4500, "t", "日焚烧处理能力")], "sentence cut by CRLF; written unit 吨 -> t")
R("累计回收可回收物超过12万吨。",
  [amt(120000, "t", "可回收物", approx="more_than")], "超过 -> more_than")
R("拆除河道管理范围内违法建筑30多处。",
  [cnt(30, "处", "违法建筑", approx="more_than")], "多 -> more_than")
R("全县22个乡镇(街道)已全部建成污水处理设施。",
  [P(22, 22, "个", "乡镇(街道)污水处理设施")], "已全部建成 -> progress N of N; half-width parens")
R("全县8个乡镇全部纳入省级生活垃圾分类示范片区。",
  [cnt(8, "个", "乡镇")], "membership (全部纳入), not completion: count (README)")
R("园区亩均税收达到28.6万元,同比增长9.3%。",
  [mon(286000, "亩均税收"), chg(9.3, "%", "亩均税收", "up")], "亩均 is part of the metric; half-width")
R("营商环境评价中，我区排名较上年后退2个位次，位列全市第6。",
  [chg(2, "rank", "营商环境评价排名", "down"), rnk(6, "全市营商环境评价")], "后退 -> down")
R("超过三分之二的行政村实现垃圾分类“户分类、村收集”。",
  [rat(66.67, "实现垃圾分类的行政村比例", approx="more_than")], "三分之二 -> 66.67 %, 超过 more_than")
R("全年生活垃圾焚烧处理量56.8万吨，上网电量2.3亿千瓦时。",
  [amt(568000, "t", "生活垃圾焚烧处理量"), amt(230000000, "kWh", "上网电量")], "kWh (README unit)")
R("完成第二批15个美丽乡村示范村建设。",
  [cnt(15, "个", "美丽乡村示范村")], "第二批 ordinal, 15个 count")
R("还地桥镇2025年工作计划\n要确保全镇生活垃圾无害化处理率达到100%，农村卫生厕所普及率达到95%。",
  [rat(100, "生活垃圾无害化处理率"), rat(95, "农村卫生厕所普及率")], "targets", mod=T)
R("要求各乡镇每月开展河湖巡查不少于2次。",
  [cnt(2, "次", "每月河湖巡查", approx="at_least", mod=T)],
  "要求 + 不少于 without a plan heading: target; frequency count")
R("完成矿山地质环境治理项目 12 个, 治理面积 102.6 公顷。",
  [cnt(12, "个", "矿山地质环境治理项目"), amt(102.6, "ha", "治理面积")], "spaces; half-width comma")
R("全年城市供水总量3860万立方米,同比增长4.2%。",
  [amt(38600000, "m3", "城市供水总量"), chg(4.2, "%", "城市供水总量", "up")], "half-width")
R("全年共拆除旱厕、露天粪坑１２６０个。",
  [cnt(1260, "个", "旱厕、露天粪坑")], "full-width digits")
R("全市地下水国考点位水质总体保持稳定,Ⅴ类点位比例控制在25%以内。",
  [rat(25, "Ⅴ类点位比例", approx="at_most")], "Ⅴ类 class; half-width")
R("湖泊水质由Ⅳ类提升至Ⅲ类，总磷浓度同比下降15.2%。",
  [chg(15.2, "%", "总磷浓度", "down")], "water classes Ⅳ/Ⅲ are not levels")
R("新增城乡供水能力5万吨/日,城乡供水一体化覆盖率达到88%。",
  [mea(50000, "t/d", "新增城乡供水能力"), rat(88, "城乡供水一体化覆盖率")],
  "t/d capacity as a measure (decision above); half-width")
R("持续开展“绿盾”自然保护地强化监督，发现问题线索19个，已完成整改17个。",
  [P(17, 19, "个", "问题线索")], "绿盾 name; progress")
R("全年城管执法案件结案率达到98.2%，较2023年同期提升1.5个百分点。",
  [rat(98.2, "城管执法案件结案率"), chg(1.5, "pp", "结案率", "up")], "较2023年同期 baseline")
R("生活垃圾分类知晓率达到95%以上，参与率达到80%左右。",
  [rat(95, "垃圾分类知晓率", approx="at_least"), rat(80, "参与率", approx="about")], "以上, 左右")
R("全县22个乡镇中，有19个乡镇建成区实现雨污分流。",
  [P(19, 22, "个", "乡镇建成区雨污分流")], "…中，有… progress")
R("2024年全县共发生森林火灾1起，受害森林面积0.6公顷，同比下降75%。",
  [cnt(1, "起", "森林火灾"), amt(0.6, "ha", "受害森林面积"), chg(75, "%", "受害森林面积", "down")],
  "digit 1起 is a count")
R("林业局2025年工作计划\r\n全年完成义务植树50万株以上,新建乡村振兴示范林10处。",
  [cnt(500000, "株", "义务植树", approx="at_least"), cnt(10, "处", "乡村振兴示范林")],
  "CRLF after title; targets; half-width", mod=T)
R("城市管理局2025年工作要点\n全年新增垃圾分类示范小区30个，城区生活垃圾分类覆盖率达到95%。",
  [cnt(30, "个", "垃圾分类示范小区"), rat(95, "生活垃圾分类覆盖率")], "targets", mod=T)
R("三、2025年工作思路\n推进城区18公里雨污分流改造,确保污水处理厂进水BOD浓度达到100mg/L以上。",
  [amt(18, "km", "城区雨污分流改造"), mea(100, "mg/L", "进水BOD浓度", approx="at_least")],
  "targets; half-width", mod=T)
R("整改任务完成率由年初的62%提高到年底的96%。",
  [rat(62, "整改任务完成率(年初)"), rat(96, "整改任务完成率")], "由A提高到B: two rate levels")
R("累计完成植树造林二十三万亩，森林覆盖率提高到百分之六十三。",
  [amt(230000, "mu", "植树造林"), rat(63, "森林覆盖率")], "Chinese numerals")
R("全市林业产业总产值达到１２６.８亿元，同比增长６.５%。",
  [mon(12680000000, "林业产业总产值"), chg(6.5, "%", "林业产业总产值", "up")], "mixed full-width digits with half-width point")
R("县城建成区绿地率达到38.5%,绿化覆盖率达到42.1%。",
  [rat(38.5, "建成区绿地率"), rat(42.1, "绿化覆盖率")], "half-width")
R("全市空气质量优良天数比例为88.5%,同比下降1.1个百分点,在全省17个市州中排名第9。",
  [rat(88.5, "优良天数比例"), chg(1.1, "pp", "优良天数比例", "down"), rnk(9, "全省空气质量排名")],
  "17个 scope of the rank; half-width")
R("完成农村生活污水处理设施排查整改136座,设施正常运行率达92.6%。",
  [cnt(136, "座", "农村生活污水处理设施排查整改"), rat(92.6, "设施正常运行率")], "half-width")

if __name__ == "__main__":
    out = sys.stdout
    for i, r in enumerate(RECS, 1):
        rec = {"id": "blind-%04d" % i, "text": r["text"], "claims": r["claims"], "note": r["note"]}
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    sys.stderr.write("%d records\n" % len(RECS))
