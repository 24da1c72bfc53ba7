"""Tasks and deadlines in the layouts of real notices (snippets from the dev part of data/real).

Each test builds one notice from a short real snippet (its source file named) and asserts
the tasks read from it; the notice's date gives the year of deadlines written without one.
"""

from __future__ import annotations

from govgraph.loaders.build_tasks import build_tasks
from govgraph.loaders.context import NoticeContext
from govgraph.notice import Notice


def _tasks(text: str, date: str | None = None, doc: str = "测试〔2019〕1号"):
    ctx = NoticeContext(Notice(doc=doc, text=text, date=date, source="snippet.txt"))
    out = build_tasks(ctx)
    for f in out:
        ev = f["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]
    return out, ctx.warnings


def _keys(tasks):
    return [(tuple(t["lead"]), tuple(t["responsible"]), t["due"]) for t in tasks]


# data/real/notices/sh-14.txt (附件1): a table 牵头部门/配合部门/时间节点 with one cell a line.
SH14_TABLE = """附件1

工作任务清单

序号

任务名称

任务内容

牵头部门

配合部门

时间节点

1

加强组织领导

召开全区生活垃圾分类工作动员大会。建立区生活垃圾分类减量联席会议制度、建立联络员网络。

区政府办公室

各联席会议成员单位

2019年3月

2

将生活垃圾管理作为生态文明建设和城市精细化管理的重要内容，纳入专项督查和绩效评价指标体系。

区委组织部（区公务员局）

区绿化市容局

2019年

3

组织各级媒体做好垃圾分类相关宣传和舆情处置工作。

区绿化市容局、区委宣传部（区政府新闻办、区委网信办）

各街镇（园区）

2019年
"""


def test_table_deadline_cells_and_bracketed_offices():
    tasks, _ = _tasks(SH14_TABLE, "2019-05-05")
    assert _keys(tasks) == [
        (("区政府办公室",), ("各联席会议成员单位",), "2019-03-31"),  # a month: its last day
        (("区委组织部", "区公务员局"), ("区绿化市容局",), "2019-12-31"),  # a bare year: its last day
        (("区绿化市容局", "区委宣传部", "区政府新闻办", "区委网信办"), ("各街镇（园区）",), "2019-12-31"),
    ]


# data/real/notices/gov-04.txt: （负责部门：…；适用范围：…） after each measure of a level-2 item.
GOV04 = ("（一）借鉴北京市服务业扩大开放综合试点经验，放宽外商投资建设工程设计企业外籍技术人员的比例要求、放宽人才中介机构限制。"
         "（负责部门：人力资源社会保障部、住房城乡建设部、商务部；适用范围：所有自贸试验区，以下除标注适用于特定自贸试验区的措施外，"
         "适用范围均为所有自贸试验区）\n"
         "（四十一）允许银行将自贸试验区交易所出具的纸质交易凭证（须经交易双方确认）替代双方贸易合同，作为贸易真实性审核依据。"
         "（负责部门：银保监会）\n")


def test_responsible_bracket_with_scope():
    tasks, _ = _tasks(GOV04, "2018-11-23")
    assert _keys(tasks) == [
        ((), ("人力资源社会保障部", "住房城乡建设部", "商务部"), None),  # 适用范围 is no assignee
        ((), ("银保监会",), None),  # the measure's own subject (允许银行将…) is no duty clause
    ]


# data/real/notices/gov-06.txt: （A、B…等和各省级人民政府负责） closes each measure; no lead is named.
GOV06 = ("（三）动员民营企业等社会力量参与消费扶贫。发挥行业协会、商会、慈善机构等社会组织作用，组织动员爱心企业、爱心人士等社会力量参与消费扶贫。"
         "（全国工商联、发展改革委、民政部、农业农村部、扶贫办、全国总工会、共青团中央、全国妇联等和各省级人民政府负责）\n"
         "（四）推动东部地区。（文化和旅游部和各有关省级人民政府负责）\n")


def test_worded_bracket_with_trailing_deng_and_collective():
    tasks, _ = _tasks(GOV06, "2018-12-30")
    assert _keys(tasks) == [
        ((), ("全国工商联", "发展改革委", "民政部", "农业农村部", "扶贫办", "全国总工会", "共青团中央", "全国妇联",
              "各省级人民政府"), None),
        ((), ("文化和旅游部", "各有关省级人民政府"), None),
    ]


def test_worded_bracket_lead_and_partners():
    tasks, _ = _tasks("1、完善督查机制。（区发改委牵头，区财政局、区统计局参与）\n2、做好宣传。（区委宣传部会同区文明办负责）\n")
    assert _keys(tasks) == [(("区发改委",), ("区财政局", "区统计局"), None),
                            ((), ("区委宣传部", "区文明办"), None)]  # A会同B is no lead wording


# data/real/notices/sh-15.txt (附件 重点任务清单): 类别/项目/主要任务/牵头单位/配合单位, no 序号,
# one cell a line, cells wrapping after 、, several tasks under one project.
SH15_TABLE = """附件：

杨浦区基层消防安全综合治理建设工作重点任务清单

类别

项目

主要任务

牵头单位

配合单位

一、做好政策保障

2.完善规章标准

细化街道消防安全委员会、消防安全管理办公室的职责任务，贯彻市级发布的相关配套规章制度，规范消防安全综合治理运行模式。

区消防救援支队

各街道

贯彻执行本市基层消防综合治理重点检查事项和突出火灾风险场所检查指引，指导街道结合地区火灾防控实际，进一步细化检查要求。

区消防救援支队

各街道

二、推进基层消防安全组织建设

4.出台文件规章

向区委、区政府专题报告基层消防安全综合治理工作情况及对策建议。10月底前，提请区政府制定出台文件，推动建立常态化配套运行机制。

区消防救援支队

各街道、
相关委、办、局
"""


def test_line_table_without_serial_numbers():
    tasks, _ = _tasks(SH15_TABLE, "2022-11-22")
    assert [t["ref"] for t in tasks] == ["附件.2a", "附件.2b", "附件.4"]
    assert _keys(tasks) == [(("区消防救援支队",), ("各街道",), None),
                            (("区消防救援支队",), ("各街道",), None),
                            (("区消防救援支队",), ("各街道", "相关委、办、局"), "2022-10-31")]


# data/real/notices/sh-05.txt: body items with （责任单位：…） and an attachment 重点任务分解表 whose
# unit column is followed by 参考文件; the body item naming a row's task type restates it
# (numbering shortened: 二.(一)3 and 二.(三)6 in the notice).
SH05 = """（一）强化规划引领
1.编制系统方案。聚焦重点区域、重大项目、计划达标区域，以排水分区为单元，编制海绵城市系统方案，合理确定目标指标，明确建设项目，系统方案经专家评审后报市住房城乡建设管理委备案。2026年底前，完成2030年达标区域系统方案编制。嘉定区海绵城市系统方案编制计划见表2。（责任单位：区建设管理委）
（二）强化全流程管控
1.加强区域成效评估。以重点片区为示范带动单元，持续开展海绵城市建设成效评估，按计划编制年度自评估报告。加强海绵城市建设项目事中事后监管，强化前期自查、年中指导、年末检查。（责任单位：区建设管理委、区水务局、各街镇）

附件：嘉定区系统化全域推进海绵城市建设重点任务分解表
序号
任务类型
重点内容
责任单位
参考文件
1
海绵城市
系统方案
聚焦重点区域、重大项目、达标区域，以排水分区为单元，编制海绵城市系统方案，合理确定目标指标，明确建设项目。2026年底前，完成2030年达标区域系统方案编制，系统方案经专家评审后报市住房城乡建设管理委备案。
区建设管理委
《本市系统化全域推进海绵
城市建设的实施意见》
（沪府办发〔2024〕3号）
2
海绵城市
达标评估
根据上海市要求，结合系统方案编制计划与海绵城市建设情况，有序推进嘉定区达标评估工作。嘉定区到2025年底，50平方公里以上建设用地面积达到海绵城市建设目标要求；到2030年底，80平方公里以上建设用地面积达到海绵城市建设目标要求。
区建设管理委、区水务局、
区绿化市容局、区交通委，
各街镇
《本市系统化全域推进海绵
城市建设的实施意见》
（沪府办发〔2024〕3号）
"""


def test_table_with_trailing_column_and_restated_body_items():
    tasks, _ = _tasks(SH05, "2024-06-20")
    assert [(t["ref"] if t["ref"].startswith("附件") else t["text"][:8], t["responsible"], t["due"]) for t in tasks] == [
        ("加强区域成效评估", ["区建设管理委", "区水务局", "各街镇"], None),  # 年末检查 is no target date
        ("附件.1", ["区建设管理委"], "2026-12-31"),  # 2026年底前 (2030年 names the areas, not a date)
        ("附件.2", ["区建设管理委", "区水务局", "区绿化市容局", "区交通委", "各街镇"], "2030-12-31"),  # the last target
    ]


# data/real/notices/sh-09.txt 六.(二)2: a deadline opens the sentence; A会同B names partners, who are
# responsible with A; 会同有关部门 adds no one (gov-07 四.(二)).
SH09 = ("六、工作步骤\n（一）动员部署阶段（8月31日前）\n各有关委、办、局结合各自实际，细化工作方案，明确任务要求，进行专题部署。\n"
        "（二）排查整治阶段（9月1日至11月30日）\n"
        "1.9月30日前，区建设管理委、区住房保障房屋管理局对照标准完成高层建筑底数排查。\n"
        "2.11月30日前，区建设管理委、区住房保障房屋管理局会同区公安分局、区公安消防支队对排查发现违规采用易燃可燃外保温材料高层建筑进行外保温材料改造可行性分析，逐一制定整改计划。"
        "区公安分局和区公安消防支队会同行业主管部门，对排查发现的高层建筑火灾隐患进行分析研判。\n")


def test_prose_deadline_first_and_partners():
    tasks, _ = _tasks(SH09, "2017-09-06")
    keys = _keys(tasks)
    assert (((), ("区建设管理委", "区住房保障房屋管理局", "区公安分局", "区公安消防支队"), "2017-11-30")) in keys
    assert (((), ("区公安分局", "区公安消防支队", "行业主管部门"), None)) in keys or \
        (((), ("区公安分局", "区公安消防支队", "行业主管部门"), "2017-11-30")) in keys


def test_request_and_generic_partners():
    text = "（二）请人力资源社会保障部会同有关部门按照有关精神，制定出台具体操作办法，推动各单位落实到位。\n"
    tasks, _ = _tasks(text, "2018-12-24")
    assert _keys(tasks) == [((), ("人力资源社会保障部",), None)]


def test_exhortation_to_collectives_is_no_task():
    text = "（一）高度重视，加强领导。各部门、各单位要充分认识高层建筑消防安全面临的严峻形势，切实抓好落实。\n"
    tasks, _ = _tasks(text, "2017-09-06")
    assert tasks == []


def test_deadline_stated_once_for_an_item_or_a_phase():
    tasks, _ = _tasks(SH09, "2017-09-06")
    dues = {tuple(t["responsible"]): t["due"] for t in tasks}
    assert dues[("各有关委、办、局",)] == "2017-08-31"  # the phase heading (8月31日前)
    assert dues[("区建设管理委", "区住房保障房屋管理局")] == "2017-09-30"  # 1.9月30日前, … (a marker before a date)


# data/real/notices/sh-09.txt 七: a later sentence without a subject but with its own deadline.
def test_subjectless_sentence_with_own_deadline():
    text = ("七、工作要求\n（一）报送材料。各有关委、办、局在9月8日前，将实施方案报送区协调小组办公室。"
            "每月19日报送当月工作小结；12月18日前报送工作总结。\n")
    tasks, _ = _tasks(text, "2017-09-06")
    assert _keys(tasks) == [((), ("各有关委、办、局",), "2017-09-08"), ((), ("各有关委、办、局",), "2017-12-18")]


# data/real/notices/sh-13.txt: 职责分工 by unit, each item headed "N.单位。"; 牵头… makes it lead.
SH13 = """机关各部门、各企事业单位、各居委会：
古美路街道加强独居老人消防安全工作实施方案
一、工作目标
对辖区内独居老人进行消防安全风险综合评估。
二、职责分工
1.街道消委办。牵头开展独居老人消防安全关爱工作，协助居委针对独居老人开展消防安全风险评估。消委办负责加强微型消防站基础建设。
2.派出所。配合开展独居老人消防安全关爱工作，负责独居老人消防安全隐患的确认。
"""


def test_duties_by_unit_headed_items():
    tasks, _ = _tasks(SH13, "2022-07-20")
    assert _keys(tasks) == [(("街道消委办",), (), None), ((), ("派出所",), None)]


# data/real/notices/sh-16.txt 二.7: prose 由X牵头,Y配合 after the measure; X和Y before a plural.
def test_prose_lead_and_partners():
    text = ("二、主要措施\n（一）加强建设。将市政消火栓建设列为区政府实事项目，由区交通委牵头，区发改委、区建管委、区水务局、"
            "区消防救援支队配合，加快推进市政消火栓建设。\n"
            "（二）加强宣传。区委宣传部、区文明办、各行业管理部门和街镇（工业区）要充分利用各种宣教资源。\n")
    tasks, _ = _tasks(text, "2019-08-02")
    assert _keys(tasks) == [(("区交通委",), ("区发改委", "区建管委", "区水务局", "区消防救援支队"), None),
                            ((), ("区委宣传部", "区文明办", "各行业管理部门", "街镇（工业区）"), None)]


def test_prose_lead_without_you():
    tasks, _ = _tasks("（一）完善机制。区发改委牵头，区财政局、区统计局配合，建立考核机制。\n", "2019-08-02")
    assert _keys(tasks) == [(("区发改委",), ("区财政局", "区统计局"), None)]


# The rule of data/real/notices/loc-18.txt (列第一位的责任单位为牵头单位), with brackets after measures.
def test_first_listed_leads_when_the_notice_says_so():
    text = ("一、各责任单位要抓好落实。\n二、责任分解中，列第一位的责任单位为牵头单位或汇总单位。\n"
            "三、重点工作\n1.推进项目建设。（市发改委、市财政局负责）\n2.加强督查。（市政府督查室负责）\n")
    tasks, _ = _tasks(text, "2021-03-01")
    assert _keys(tasks) == [(("市发改委",), ("市财政局",), None), ((), ("市政府督查室",), None)]


# data/real/notices/sh-14.txt 附件2: a list of units and their targets under a year's title.
SH14_LIST = """附件2

2019年街镇（园区）生活垃圾分类目标任务  分解表

街镇、园区

目标任务

罗店镇

垃圾分类绿色账户推进100%全覆盖，创建达标累计61个小区，其中30%的小区要创建示范小区。

大场镇

垃圾分类绿色账户推进100%全覆盖，创建达标累计86个小区。
"""


def test_unit_list_with_year_targets():
    tasks, _ = _tasks(SH14_LIST, "2019-05-05")
    assert _keys(tasks) == [((), ("罗店镇",), "2019-12-31"), ((), ("大场镇",), "2019-12-31")]


def test_single_unit_cell_in_lead_and_partner_table_is_the_lead():
    text = SH14_TABLE.replace("""2

将生活垃圾管理""", """2

将生活垃圾管理""").replace("区委组织部（区公务员局）\n\n区绿化市容局\n\n2019年", "区政府办公室、区绿化市容局、\n\n区规划资源局、区重大办\n\n2019年")
    tasks, _ = _tasks(text, "2019-05-05")
    assert _keys(tasks)[1] == (("区政府办公室", "区绿化市容局", "区规划资源局", "区重大办"), (), "2019-12-31")


# data/real/notices/sh-10.txt: a 职能分工 section (group duties) and named units' duties elsewhere;
# data/real/notices/loc-07.txt: 区经发局负责人 is a person, not a duty.
def test_named_duties_outside_duty_sections_and_persons():
    text = ("一、试点工作职能分工\n（一）工作推进专班：配合区协调监管机构研究调研并拟定管理办法。\n"
            "二、主要任务\n（一）建立计划库。各乡镇应稳步开展排摸入市地块。区规划资源局应指导入市主体完成入市方案编制。\n"
            "三、成员\n区经发局负责人\n")
    tasks, _ = _tasks(text, "2023-06-01")
    units = [t["responsible"] for t in tasks]
    assert ["区规划资源局"] in units  # a named unit outside the duty section
    assert ["各乡镇"] in units  # local bodies given work there count (the gold of sh-10 lists them)
    assert ["区经发局"] not in units


# data/real/notices/loc-13.txt: assignments in square brackets after each item.
def test_square_bracket_assignment():
    text = ("一、重点任务\n1、切实提高政治站位,慎终如始精准抓好疫情防控工作。"
            "[牵头单位:区卫健局;责任单位:区疫情防控指挥部成员单位、各街办(新区)]\n")
    tasks, _ = _tasks(text, "2020-05-01")
    assert _keys(tasks) == [(("区卫健局",), ("区疫情防控指挥部成员单位", "各街办(新区)"), None)]


# data/real/notices/gov-07.txt 三.(四): 请A、B等部门在…前 names units in full; gov-03: a group's office.
def test_named_units_before_deng_and_group_office():
    text = ("三、改进管理\n（四）下放管理权限。请科技部、工业和信息化部、农业农村部、卫生健康委等部门在2019年2月底前完成"
            "有关管理办法的修订。\n（五）加强监测。国家组织药品集中采购和使用试点工作小组办公室要做好监测分析。\n")
    tasks, _ = _tasks(text, "2018-12-24", doc="国办发〔2018〕127号")
    assert _keys(tasks) == [((), ("科技部", "工业和信息化部", "农业农村部", "卫生健康委"), "2019-02-28"),
                            ((), ("国家组织药品集中采购和使用试点工作小组办公室",), None)]


# data/real/notices/gov-01.txt 四.(二): 分别由A和B…; A按程序… (a kind of department as written).
def test_fen_bie_you_and_kinds_of_departments():
    text = ("四、加强组织领导\n（二）明确部门职责。机构编制部门按程序做好小区配套幼儿园移交涉及的机构编制工作。"
            "移交后的幼儿园，分别由机构编制部门和民政部门依法办理事业单位法人登记。\n")
    tasks, _ = _tasks(text, "2019-01-22", doc="国办发〔2019〕3号")
    assert _keys(tasks) == [((), ("机构编制部门",), None), ((), ("机构编制部门", "民政部门"), None)]


def test_unclear_bracket_is_warned_not_guessed():
    tasks, warnings = _tasks("1、推进项目建设。（各有关方面共同负责）\n", "2021-03-01")
    assert tasks == [] and any("unclear" in w and "snippet.txt" in w for w in warnings)


# data/real/notices/gov-07.txt 二: kinds of bodies after a plural (各高校、科研院所、国有企业和智库…),
# 都要, and 以上工作要在…前完成 setting the deadline of the section's duties.
GOV07 = ("一、总体要求\n各地区、各部门、各单位要坚持以习近平新时代中国特色社会主义思想为指导，增强责任感。\n"
         "二、制定政策落实的配套制度和具体实施办法\n对党中央、国务院已经出台的有关政策，各地区、各部门和各单位都要制定具体的实施办法。"
         "各高校、科研院所、国有企业和智库以及其他承担科研任务的单位要按照上述原则修订和制定相关实施办法和制度。"
         "以上工作要在2019年2月底前完成。\n")


def test_kinds_of_bodies_and_deadline_for_the_above():
    tasks, _ = _tasks(GOV07, "2018-12-24", doc="国办发〔2018〕127号")
    assert _keys(tasks) == [
        ((), ("各地区", "各部门", "各单位"), "2019-02-28"),
        ((), ("各高校", "科研院所", "国有企业", "智库", "其他承担科研任务的单位"), "2019-02-28"),
    ]  # 一 (坚持以…为指导) is an exhortation


# data/real/notices/sh-19.txt 三.(二): 负责牵头 makes the units lead; a unit named 经发… is a subject.
def test_fu_ze_qian_tou_and_jing_fa():
    text = ("三、职责分工\n（二）部门职责。房管所、规建生态办负责牵头组织城镇房屋安全隐患排查整治工作；"
            "文体中心负责城镇文化和旅游经营性场所房屋安全隐患排查整治工作； 经发中心负责镇属集体资产的房屋安全隐患排查整治工作；\n")
    tasks, _ = _tasks(text, "2021-07-02")
    assert _keys(tasks) == [(("房管所", "规建生态办"), (), None), ((), ("文体中心",), None), ((), ("经发中心",), None)]


def test_labelled_lines_keep_bracketed_names():
    text = "一、重点任务\n1、开展环境卫生综合整治。\n牵头单位:区卫健局\n责任单位:区创文办、各街办(新区)\n完成时限:2020年6月底\n"
    tasks, _ = _tasks(text, "2020-05-01")
    assert _keys(tasks) == [(("区卫健局",), ("区创文办", "各街办(新区)"), "2020-06-30")]


# data/real/notices/sh-06.txt 三: the unit named as the work's owner (建设主体为X).
def test_owner_of_the_work():
    text = "三、职责分工\n该为民办实事项目建设主体为区应急局，统筹开展项目建设、工程验收和管理移交等工作。\n"
    tasks, _ = _tasks(text, "2026-02-26")
    assert _keys(tasks) == [((), ("区应急局",), None)]


# data/real/notices/loc-16.txt: a covering letter whose task tables are not on the page; the
# units the tables give a role are the subjects (as written).
def test_role_collectives_of_a_covering_letter():
    text = ("各有关单位:\n一、明确责任,狠抓落实\n各责任单位要严格遵循“年初公布、年中检查、年底兑现、接受监督”的原则,制定计划,明确责任。\n"
            "二、密切配合,各负其责\n牵头责任单位要切实担负起第一责任人的责任,牵头抓总,积极组织实施。各相关单位要全力支持、积极帮助解决遇到的困难和问题。\n")
    tasks, _ = _tasks(text)
    assert [t["responsible"] for t in tasks] == [["各责任单位"], ["牵头责任单位"], ["各相关单位"]]


# data/real/notices/loc-22.txt: 各责任单位、配合单位要…: a list going on past 配合 (a duty verb)
# is no subject 各责任单位 with the duty 配合…
def test_list_going_on_past_a_verb_like_word():
    text = "各有关单位:\n一、提高认识。全区各级各部门要提高认识。各责任单位、配合单位要敢于担当、主动作为,全力以赴完成各项目标任务。\n"
    tasks, _ = _tasks(text)
    assert not any("各责任单位" in t["responsible"] for t in tasks)


# The same clause where the notice's own assignments are read (brackets): 各责任单位 are their units.
def test_role_collectives_beside_the_notices_own_assignments():
    text = ("各有关单位:\n一、加快发展\n1.推进产业园建设(牵头单位:区发改委;责任单位:区财政局)\n"
            "二、工作要求\n各责任单位要根据所承担的责任事项,制订具体细化的办理工作方案。\n")
    tasks, _ = _tasks(text)
    assert _keys(tasks) == [(("区发改委",), ("区财政局",), None)]


# data/real/notices/loc-19.txt: a case (涉及多个责任部门的,) scopes the clauses after it
# (牵头部门要…;相关责任部门要…): no duty of every such unit; 各地、各部门办公室 is one assignee.
def test_case_scope_and_shared_organ():
    text = ("各县(市、区)人民政府:\n一、落实工作责任。市政府办公室每季度对目标任务完成情况进行一次督查汇总。"
            "各地、各部门办公室要及时汇总上报本地区、本部门承担的各项工作任务完成情况。\n"
            "二、细化分解任务。目标任务涉及多个责任部门的,牵头部门要发挥牵头协调作用,统筹推进;"
            "相关责任部门要接受牵头部门的调度,按照责任分工抓好任务落实。\n")
    tasks, _ = _tasks(text)
    assert [t["responsible"] for t in tasks] == [["市政府办公室"], ["各地、各部门办公室"]]


# data/real/notices/gov-02.txt: 有关部门 (no plural head, no level) names no one.
def test_unnamed_departments_are_no_subject():
    text = ("各省、自治区、直辖市人民政府:\n5.1 省级人民政府应根据当地实际情况,加强地方粮食储备。"
            "有关部门要加强对粮食经营企业库存情况的监督检查。\n")
    tasks, _ = _tasks(text)
    assert not any("有关部门" in t["responsible"] for t in tasks)


# data/real/notices/sh-18.txt: a clause opening with 联合 and a unit list, the acting unit (the
# plan's issuer) unnamed: the units named are responsible; a unit named 联合… is no partner list.
def test_partners_of_an_unnamed_actor():
    text = ("各街道办事处:\n四、重点工作\n(三)加强教育培训和普法宣传。联合司法局、属地街镇强化普法宣传、典型案例宣传,"
            "在执法中通过“以案释法”等方式开展居民群众行为引导教育。\n")
    tasks, _ = _tasks(text)
    assert [t["responsible"] for t in tasks] == [["司法局", "属地街镇"]]
    # data/real/notices/gov-03.txt
    text = ("各省、自治区、直辖市人民政府:\n(二)成立联合采购办公室\n由上海市医药集中招标采购事务管理所承担联合采购办公室日常工作。"
            "联合采购办公室下设监督组、专家组、集中采购小组。\n")
    tasks, _ = _tasks(text)
    assert not any("采购办公室" in t["responsible"] for t in tasks)


# data/real/notices/sh-05.txt: body items restating rows of the notice's 重点任务分解表 (texts cut).
def test_restated_rows_best_match_and_order():
    from govgraph.loaders.task_tables import _drop_restated

    def t(ref, text, units, typ=None):
        d = {"ref": ref, "text": text, "lead": [], "responsible": units}
        if typ:
            d["_type"] = typ
        return d
    a, b, c = ["区绿化市容局", "区水务局", "区规划资源局", "各街镇"], ["区水务局", "区规划资源局", "各街镇"], \
        ["区水务局", "区绿化市容局", "区生态环境局", "各街镇"]
    body = [t("二.(四).3", "推进城乡公园体系构建。结合海绵城市、排水防涝等规划,因地制宜落实城乡公园绿化项目的海绵建设", a),
            t("二.(四).4", "打造蓝绿融合生态廊道。加强跨区域生态走廊、绿道对接", ["区绿化市容局", "区交通委", "各街镇"]),
            t("二.(五).1", "提升防汛除涝能力。加快流域骨干水利工程建设,持续提升河道抗风险能力", b),
            t("二.(五).2", "推进河湖水系生态治理。通过对淤积严重的骨干河段实施底泥疏浚", c)]
    rows = [t("附件.9", "结合海绵城市、排水防涝等规划,因地制宜落实城乡公园绿化项目的海绵建设", a, "城乡公园体系构建"),
            t("附件.10", "结合河湖水系项目特点,因地制宜地落实海绵城市建设要求,通过水系连通、河道整治等工程", b, "河湖水系除涝"),
            t("附件.11", "通过对淤积严重的骨干河段实施底泥疏浚,进一步提高河湖水系连通性", c, "河湖水系生态治理")]
    kept = _drop_restated(None, body, rows)
    assert [x["ref"] for x in kept] == ["二.(四).4", "附件.9", "附件.10", "附件.11"]


# data/real/notices/sh-14.txt (body): an enumeration 四是 opens the clause before its subject.
def test_enumeration_before_the_subject():
    tasks, _ = _tasks("各街镇:\n三、主要任务\n(二)完善回收体系。三是加快建设物流体系。四是区财政局、区发展改革委等部门负责"
                      "制定低价值可回收物补贴政策,确保再生资源回收工作取得实质性进展。\n")
    assert _keys(tasks) == [((), ("区财政局", "区发展改革委"), None)]


# data/real/notices/sh-19.txt: a unit described by its role with its name in brackets; a
# 综合行政执法队 is a unit.
def test_described_unit_and_enforcement_team():
    tasks, _ = _tasks("各居村:\n二、工作任务\n(一)排查。系统维护单位(数交公司)负责做好系统技术支撑工作。\n"
                      "(二)分工。安监所负责人员密集场所房屋的消防安全宣传和指导工作;综合行政执法队负责违法建筑整治工作。\n")
    assert [t["responsible"] for t in tasks] == [["数交公司"], ["安监所"], ["综合行政执法队"]]


# data/real/notices/sh-17.txt: 施工、监理…等单位 are contracted parties, not fields of a level's departments.
def test_contracted_parties_are_no_sectors():
    tasks, _ = _tasks("各有关单位:\n第十二条 施工、监理、项目管理服务单位等单位应当遵守有关安全生产的法律、法规,加强安全生产管理。\n")
    assert tasks == []


# data/real/notices/sh-09.txt: 区消防安全委员会制定的《…》: a relative clause, no duty.
def test_relative_clause_is_no_duty():
    tasks, _ = _tasks("各乡镇人民政府,区政府各委、办、局:\n区消防安全委员会制定的《高层建筑消防安全综合治理工作方案》"
                      "已经区政府同意,现转发给你们,请认真按照执行。\n")
    assert tasks == []


# data/real/notices/sh-10.txt: beside a section on duties (职责分工), local bodies given work with
# a strict verb still count; 区规划资源局牵头各乡镇建立…: the units led are responsible.
def test_local_collectives_and_units_led():
    text = ("各乡镇人民政府:\n一、工作职责分工\n区规划资源局负责入市地块的规划管理。\n"
            "二、入市范围\n入市地块是指经依法依规登记的集体建设用地的地块。各乡镇应稳步开展排摸权属已清晰的入市地块。"
            "区规划资源局牵头各乡镇建立健全拟入市地块项目计划库。\n")
    tasks, _ = _tasks(text)
    assert _keys(tasks) == [((), ("区规划资源局",), None), ((), ("各乡镇",), None),
                            (("区规划资源局",), ("各乡镇",), None)]


# data/real/notices/sh-12.txt, loc-12.txt: one 各 over kinds of local government (各街道、镇,
# 各区、县级市) is one assignee as written; X作为…责任主体,负责…: the subject with its role in apposition.
def test_one_each_over_kinds_and_apposition():
    tasks, _ = _tasks("各街道办事处、镇政府:\n三、职责分工\n各街道、镇作为本辖区内装修垃圾处理工作的责任主体,"
                      "负责本辖区内装修垃圾处理的日常监管。\n")
    assert [t["responsible"] for t in tasks] == [["各街道、镇"]]
    tasks, _ = _tasks("各区、县级市人民政府:\n一、加强领导\n各区、县级市要抓紧成立相应的领导机构,认真组织实施本辖区普查工作。\n")
    assert [t["responsible"] for t in tasks] == [["各区、县级市"]]


# data/real/notices/loc-17.txt (Traditional characters): the units whose work is due
# (各牽頭單位的…方案務于…前報送), two deadlines one after the other are two tasks; a standing
# monthly report is no task.
def test_possessive_subject_two_deadlines_and_monthly_report():
    text = ("各縣、區人民政府:\n現將《方案》印發給你們,并通知如下:\n"
            "1.明確任務,壓實責任。各牽頭單位的具體推進實施方案務于2021年2月3日前報送各位分管市領導,"
            "經分管市領導審核把關后于2月7日前報送市政府。\n"
            "3.加強督考,狠抓落實。各牽頭單位要于每月28日前將各項工作任務進展情況報送市政府督考辦。\n")
    tasks, _ = _tasks(text, "2021-01-25", doc="盤政辦發〔2021〕1號")
    assert _keys(tasks) == [((), ("各牽頭單位",), "2021-02-03"), ((), ("各牽頭單位",), "2021-02-07")]


# data/real/notices/loc-02.txt, loc-04.txt: a group's daily work borne by a unit (日常工作由X承担);
# gov-16.txt: 请各市、区政府… (one 各 over two kinds of government).
def test_daily_work_borne_by_a_unit_and_each_government():
    tasks, _ = _tasks("各镇人民政府:\n为加强领导,成立领导小组。领导小组不设办公室,日常工作由市卫生局有关科室承担。\n")
    assert [t["responsible"] for t in tasks] == [["市卫生局"]]
    tasks, _ = _tasks("各市、区人民政府:\n请各市、区政府结合工作实际,建立本地区防治艾滋病工作机制。\n")
    assert [t["responsible"] for t in tasks] == [["各市、区政府"]]


# data/real/notices/gov-01.txt: X是…的重要内容 is a definition, no duty; gov-09.txt: a duty
# leading in the items below (…重点做好以下工作:) is no addressee line.
def test_definition_and_lead_in_duty():
    tasks, _ = _tasks("各省、自治区、直辖市人民政府:\n城镇小区配套建设幼儿园是城镇公共服务设施建设的重要内容,是保障和改善民生的重要举措。\n",
                      doc="国办发〔2019〕3号")
    assert tasks == []
    tasks, _ = _tasks("各省、自治区、直辖市人民政府:\n三、主要任务\n试点地区要认真组织实施,推进数据融通、服务融通,重点做好以下工作:\n",
                      doc="国办函〔2018〕71号")
    assert [t["responsible"] for t in tasks] == [["试点地区"]]


# data/real/notices/sh-19.txt: a deadline opens the predicate (…单位于2021年12月20日前,按照…); an
# item's opening duty sums up its sub-items of the same units; gov-01.txt: 以县为单位 opens a
# predicate, 该项工作于…前完成 gives the duty before it its deadline.
def test_deadline_opened_predicates_and_item_intro():
    text = ("各居委会:\n二、工作任务\n(一)开展排查。各居村、相关责任单位要对本镇范围内所有房屋进行全面摸底。\n"
            "1.重点排查。各居村、相关责任单位于2021年6月20日前,对安全隐患风险较大的城镇房屋完成重点排查。\n"
            "2.全面排查。在重点排查的同时,各居村、相关责任单位于2021年12月20日前,按照镇统一部署和技术要求,对所有房屋完成排查。\n"
            "镇人民政府\n2021年7月2日\n")
    tasks, _ = _tasks(text, "2021-07-02")
    tasks = [t for t in tasks if "各居村" in t["responsible"]]
    assert _keys(tasks) == [((), ("各居村", "相关责任单位"), "2021-06-20"), ((), ("各居村", "相关责任单位"), "2021-12-20")]
    text = ("各省、自治区、直辖市人民政府:\n三、治理任务\n1.摸底排查。各地以县(市、区)为单位,对城镇小区配套幼儿园情况进行全面摸底排查,"
            "分别列出清单、建立台账。该项工作于2019年4月底前完成。\n")
    tasks, _ = _tasks(text, "2019-01-09", doc="国办发〔2019〕3号")
    assert _keys(tasks) == [((), ("各地",), "2019-04-30")]


# data/real/notices/loc-14.txt: an addressee line run into the covering formula (…:现将《…》印发给你们);
# loc-18.txt: 各级各部门要提高站位… is an exhortation.
def test_covering_formula_and_exhortation():
    tasks, _ = _tasks("各县(市、区)人民政府,市政府有关部门、有关直属单位:现将《通化市2015年创建国家卫生城市实施方案》印发给你们,"
                      "请认真遵照执行。\n")
    assert tasks == []
    tasks, _ = _tasks("各县区人民政府:\n一、压实责任。各级各部门要提高站位,强化责任,不折不扣落实重点工作任务;"
                      "市政府督查室要将重点工作完成情况作为重点督查内容,督促推进落实。\n")
    assert [t["responsible"] for t in tasks] == [["市政府督查室"]]


# data/real/notices/gov-08.txt 一.(二): a part stating the plan's principles (基本原则) holds no duties.
def test_principles_hold_no_duties():
    text = ("各省、自治区、直辖市人民政府:\n一、总体要求\n(一)指导思想。以习近平新时代中国特色社会主义思想为指导。\n(二)基本原则。坚持属地化管理。各省份按照属地化管理原则,"
            "结合经济社会发展水平,对不同类别医疗机构设置不同指标和权重。\n"
            "二、组织实施\n(一)出台方案。2019年6月底前各省份要出台具体实施方案。\n")
    tasks, _ = _tasks(text, "2019-01-16", doc="国办发〔2019〕4号")
    assert _keys(tasks) == [((), ("各省份",), "2019-06-30")]


# data/real/notices/gov-03.txt: a group's office named short after its full name in another duty.
def test_short_group_office_is_the_full_one():
    text = ("各省、自治区、直辖市人民政府:\n国家组织药品集中采购和使用试点工作小组办公室要会同相关部门做好监测分析、定期通报等工作。\n"
            "六、监督管理\n试点工作小组办公室对集中采购和使用全过程进行指导监督。\n")
    tasks, _ = _tasks(text, "2019-01-01", doc="国办发〔2019〕2号")
    assert [t["responsible"] for t in tasks] == [["国家组织药品集中采购和使用试点工作小组办公室"]] * 2


# data/real/notices/gov-01.txt: a sentence opening with a case (办成公办园的,) speaks of the units
# of that case: no duty of 当地政府及有关部门 in general.
def test_case_opening_a_sentence():
    text = ("各省、自治区、直辖市人民政府:\n二、治理任务\n3.规范使用。办成公办园的,当地政府及有关部门要做好机构编制、教师配备等方面的工作。"
            "教育行政部门要加强对小区配套幼儿园的监管。\n")
    tasks, _ = _tasks(text, "2019-01-09", doc="国办发〔2019〕3号")
    assert [t["responsible"] for t in tasks] == [["教育行政部门"]]


def test_labelled_units_that_each_lead_and_a_rule_inside_the_bracket():
    # ext-12.txt: 责任单位:A、B分别牵头 (both lead); a cut line 责任单位:市 gives no unit
    tasks, _ = _tasks("一、目标\n1.城乡居民收入增速保持全省领先。\n责任单位:市人力社保局、市农业农村局分别牵头\n"
                      "2.一般公共预算收入与经济增长基本同步。\n责任单位:市\n")
    assert _keys(tasks) == [(("市人力社保局", "市农业农村局"), (), None)]
    # ext-26.txt: (A、B、C负责。列第一位的为牵头部门,下同)
    tasks, _ = _tasks("一、交通\n1、加快构建环湖旅游快速通道。(省发改委、省交通运输厅、省财政厅负责。列第一位的为牵头部门,下同)\n"
                      "2、加快国省道升级改造。(省发改委、省交通运输厅负责)\n")
    assert _keys(tasks) == [(("省发改委",), ("省交通运输厅", "省财政厅"), None), (("省发改委",), ("省交通运输厅",), None)]


def test_a_lenticular_bracket_and_a_collective_of_listed_levels():
    # ext-16.txt: 〔A牵头,B、C参与,各县、区人民政府(管委会)负责落实。以下各项工作均需…落实,不再列出。〕
    tasks, _ = _tasks("二、工作任务\n(一)升级产业结构。\n1.制定实施准入清单。完成清单编制工作。〔市生态环境局牵头,市发展和改革局、"
                      "自然资源局参与,各县、区人民政府(管委会)负责落实。以下各项工作均需各县、区人民政府(管委会)落实,不再列出。〕\n")
    assert _keys(tasks) == [(("市生态环境局",), ("市发展和改革局", "自然资源局", "各县、区人民政府(管委会)"), None)]


def test_lead_and_joint_responsible_unit_lines():
    # ext-54.txt: 牵头负责领导 (a person: no unit), 牵头责任单位 (lead), 协同责任单位 (responsible)
    text = ("各县、市、区人民政府,市政府各部门、各直属机构:\n一、确保完成全年主要预期目标\n1. 地区生产总值增长8%以上。\n"
            "牵头负责领导:金力。\n牵头责任单位:市发展改革委。\n"
            "协同责任单位:市经信局、市商务局、滁州经开区管委会等,各县、市、区政府。\n"
            "2. 财政收入增长8%左右。\n牵头负责领导:金力。\n牵头责任单位:市财政局。\n协同责任单位:市税务局、滁州海关。\n")
    tasks, _ = _tasks(text, "2020-02-03")
    assert _keys(tasks) == [(("市发展改革委",), ("市经信局", "市商务局", "滁州经开区管委会", "各县、市、区政府"), None),
                            (("市财政局",), ("市税务局", "滁州海关"), None)]


def test_places_listed_before_a_shared_kind_of_unit():
    # ext-56.txt: 责任单位:海东市、兰州市、临夏州发展改革部门 (each place's 发展改革部门)
    text = ("一、重点规划衔接融合方面\n1. 做好重大规划的有效衔接。\n工作成果:推动规划的有序衔接。\n"
            "责任单位:海东市、兰州市、临夏州发展改革部门\n")
    tasks, _ = _tasks(text, "2020-10-16")
    assert _keys(tasks) == [((), ("海东市发展改革部门", "兰州市发展改革部门", "临夏州发展改革部门"), None)]


def test_a_group_office_bears_the_group_daily_work():
    # ext-47.txt: 领导小组办公室设在区机关事务管理中心,承担领导小组日常工作 (the office, not its host);
    # ext-34.txt: the office's later sentence in the same item goes on with its task
    tasks, _ = _tasks("三、工作机构\n领导小组办公室设在区机关事务管理中心,承担领导小组日常工作。区机关事务管理中心主任方国友兼任办公室主任。\n",
                      "2022-06-08")
    assert _keys(tasks) == [((), ("领导小组办公室",), None)]
    tasks, _ = _tasks("三、工作机制\n(一)专班办公室设在省文物局,负责专班日常工作。办公室主任由省文物局局长兼任。"
                      "专班办公室应及时动态调整,并按程序向专班组长汇报。\n(二)各成员单位要按照职责分工,研究解决有关问题。\n", "2024-05-01")
    assert _keys(tasks)[0] == ((), ("专班办公室",), None) and len(tasks) == 2
    # loc-12.txt: an office's own work (not the group's daily work) is not read by this rule
    tasks, _ = _tasks("一、领导小组办公室设在市环保局,负责普查的相关方案和技术规范的编制和实施。\n", "2007-04-18")
    assert not [t for t in tasks if "领导小组办公室" in t["responsible"]]


def test_a_role_collective_opens_a_comma_clause_and_an_exhortation_is_no_task():
    # ext-65.txt (嘉鱼县 covering letter): …工作机制,各牵头单位要切实履行…的责任 (a role's collective after a comma, the
    # notice reading no task list of its own); 各责任单位要认真履责、主动配合、接受调度 (an exhortation)
    tasks, _ = _tasks("各镇人民政府,县政府各部门:\n一、务必高度重视。各牵头单位于2月29日前将细化方案报送至县政府政务督查室。\n"
                      "二、务必高效推进。持续深化“拼搏赶超”工作机制,各牵头单位要切实履行牵头抓总、协调调度、督办落实的责任,"
                      "建立常态化协调推进机制。各责任单位要认真履责、主动配合、接受调度,形成齐抓共管工作合力。\n", "2024-02-22")
    assert _keys(tasks) == [((), ("各牵头单位",), "2024-02-29"), ((), ("各牵头单位",), None)]


def test_a_dated_sentence_after_an_exhortation_is_the_exhorted_collectives_task():
    # ext-57.txt / loc-20.txt (鄂温克族自治旗, one covering letter): 一、各地区、各部门要高度重视…(an exhortation, no task)。
    # 从2022年3月起,务于每月25日前将…报旗政府督查室。 (no subject, a recurring deadline of its own: their task, due_text)
    tasks, _ = _tasks("各苏木乡镇人民政府,旗政府各部门:\n一、各地区、各部门要高度重视重点任务责任落实工作,确保各项任务落到实处。"
                      "从2022年3月起,务于每月25日前将推进情况表报旗政府督查室。\n二、旗政府督查室要加强对重点工作的日常调度。\n",
                      "2022-02-21")
    assert _keys(tasks) == [((), ("各地区", "各部门"), None), ((), ("旗政府督查室",), None)]
    assert tasks[0]["due_text"] == "每月25日前"


def test_a_role_collective_with_a_dated_duty_beside_a_read_list():
    # ext-67.txt (蔡甸区, the sample's layout): the plan's '责任单位:' items are read; in the covering letter
    # 一、各责任单位要高度重视,…并于2023年1月15日前将工作方案报… (a date: their own work, no mere exhortation) and
    # 三、各责任单位要在每季度最后一个月的30日前… (recurring) are tasks; one without a deadline restates the list
    text = ("各街道办事处、乡人民政府,区人民政府各部门:\n"
            "一、各责任单位要高度重视,切实加强领导,制订工作方案,并于2023年1月15日前将工作方案报区人民政府办公室。\n"
            "二、各责任单位要根据所承担的责任事项,制订具体细化的办理工作方案。\n"
            "三、从2023年第一季度开始,各责任单位要在每季度最后一个月的30日前将进展情况报区人民政府办公室。\n"
            "蔡甸区人民政府办公室\n2023年1月3日\n主要目标任务责任分解方案\n一、主要预期目标\n(一)地区生产总值增长7%以上\n"
            "责任单位:区发展和改革局\n(二)固定资产投资增长10%以上\n责任单位:区发展和改革局\n")
    tasks, _ = _tasks(text, "2023-01-03")
    keys = _keys(tasks)
    assert ((), ("各责任单位",), "2023-01-15") in keys and ((), ("各责任单位",), None) in keys
    assert sum(1 for k in keys if k[1] == ("各责任单位",)) == 2


def test_a_year_end_after_a_quarterly_report_is_one_date():
    # ext-66.txt (许昌市, cut before its date: the year is its number's, 许政〔2020〕20号): …于每季度末向市政府报告…,
    # 年底前向市政府报告全年落实情况 — 年底前 is this year's end, not each quarter's
    from govgraph.loaders.deadlines import text_deadline
    assert text_deadline("并于每季度末向市政府报告重点工作进展情况,年底前向市政府报告全年落实情况。", 2020) == ("2020-12-31", "年底前")
    tasks, _ = _tasks("各县(市、区)人民政府:\n现将重点工作任务予以分解。各责任单位要尽快制定具体落实方案,并于每季度末向市政府报告进展情况,"
                      "年底前向市政府报告全年落实情况。\n一、抓好疫情防控\n1.坚持总体防控策略。\n责任单位:市卫生健康委\n",
                      None, doc="许政〔2020〕20号")
    assert ((), ("各责任单位",), "2020-12-31") in _keys(tasks)


def test_a_breadcrumb_is_no_assignee_and_the_relevant_counties_are_a_collective():
    # ext-69.txt (遵义市): 您当前所在的位置: 首页 > 政务公开 (a page's breadcrumb: 您当前所 is no unit ending in 所);
    # 各有关县(市、区)要建立…机制 (a collective, as 各县(市、区))
    tasks, _ = _tasks("您当前所在的位置: 首页 > 政务公开 > 政府文件\n各县、自治县、区(市)人民政府,市政府各部门:\n一、强化组织协调\n"
                      "各有关县(市、区)要建立党委领导、政府主责、社会协同的推动落实机制,健全协作机制。\n", "2022-05-10")
    assert _keys(tasks) == [((), ("各有关县(市、区)",), None)]


def test_a_meeting_time_section_dates_no_task():
    # ext-62.txt (秀洲区 meeting notice): 一、会议时间: / 3月5日下午1:45分 is when the meeting is held, not the period of
    # the work: 请区委宣传部做好宣传报道工作 has no deadline
    tasks, _ = _tasks("各镇、街道党工委,区级机关各部门:\n一、会议时间:\n3月5日下午1:45分。\n二、会议地点:\n区会展中心。\n"
                      "三、其他:\n请与会人员准时出席,请区委宣传部做好宣传报道工作。\n", "2010-03-03")
    assert [t["due"] for t in tasks if t["responsible"] == ["区委宣传部"]] == [None]


def test_a_collective_with_the_thing_it_reports_and_a_date():
    # ext-68.txt (成都市, Traditional, 2001): 各單位聯系電話于4月15日前報送市政府研究室 — a collective, what it reports (no 的),
    # its date: 各單位's task due 2001-04-15
    tasks, _ = _tasks("各區(市)縣政府,市政府各部門:\n三、各單位聯系電話于4月15日前報送市政府研究室。\n", "2001-04-04")
    assert _keys(tasks) == [((), ("各單位",), "2001-04-15")]


def test_addressees_inside_the_text_are_no_subject():
    # ext-63.txt (安平县, one line of news and order): …确保任务完成! 各战区指挥部、各乡镇政府: 根据省市领导指示,…命令:… —
    # the collectives before the colon are the order's addressees (a letter's opening 根据… follows): no task of theirs
    tasks, warnings = _tasks("7月24日发布紧急通知:确保任务完成! 各战区指挥部、各乡镇政府: 根据省市领导指示,防汛形势十分严峻,"
                             "县防汛抗旱指挥部命令:相关乡镇立即组织撤离。", None)
    assert not [t for t in tasks if "各乡镇政府" in t["responsible"]]
    assert any("addressees inside the text" in w for w in warnings)
    # the sample's (十六)各街办事处(管委会):按照…的原则,认真做好… is an item headed by its unit: its duty
    tasks, _ = _tasks("三、职责分工\n(十五)区总工会:做好调解。\n(十六)各街办事处(管委会):按照“属地管理”的原则,认真做好本辖区预防工作。\n")
    assert ((), ("各街办事处(管委会)",), None) in _keys(tasks)
