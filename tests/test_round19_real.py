"""Round 20's layouts (rotation rot26), on snippets shaped like real notices (ext-286..288, ext-298..308,
ext-310..314, ext-322..324, dev from round 20).

Each test builds the notice directly (doc, date as the header would give them) and checks every
fact's evidence, as tests/test_round18_real.py does. Names and places are made up.
"""

from __future__ import annotations

from snippets import snippet_facts as _facts
from snippets import snippet_tasks as _tasks


def _refs(facts: list[dict]) -> list[str]:
    return [f["ref"] for f in facts if f["kind"] == "task"]


_TABLE = ("附件\n某市2020年为民办实事项目表\n序号\n项目名称\n主要内容\n进度要求\n责任单位\n协办单位\n"
          "1\n改善居住条件\n①改造10个老旧小区。\n一季度完成设计;四季度完成年度改造任务。\n市住建局\n各区政府\n市财政局\n"
          "②新建5座公厕。\n二季度全面开工;四季度投入使用。\n市城管局\n甲区政府\n")


def test_sub_items_of_a_table_row_each_with_its_own_units():
    # ext-310: a row's content cell holds ①, ② sub-items, each followed by its progress cell and its unit cells
    facts, _ = _facts(_TABLE, date="2020-01-23")
    assert _refs(facts) == ["附件.1①", "附件.1②"]
    assert _tasks(facts) == [((), ("市住建局", "各区政府", "市财政局"), "2020-12-31"),
                             ((), ("市城管局", "甲区政府"), "2020-12-31")]


def test_sub_items_sharing_the_row_units_stay_one_row():
    # units only at the row's end: the sub-items share them, the row is one task as before
    text = _TABLE.replace("市住建局\n各区政府\n市财政局\n", "")
    facts, _ = _facts(text, date="2020-01-23")
    assert _refs(facts) == ["附件.1"]


def test_a_lead_heading_without_de_and_with_its_count():
    # ext-322: '一、县某委员会牵头工作(8项)' over numbered items: the heading's unit leads each item
    text = ("某县人民政府办公室\n2025年5月18日\n附件1\n2025年县重点任务清单\n一、县某委员会牵头工作(2项)\n"
            "1.建设某某产业基地。\n2.打造某某示范园区。\n二、县某局牵头工作(1项)\n1.完成某某改造。\n")
    facts, _ = _facts(text, date="2025-05-18")
    assert _tasks(facts) == [(("县某委员会",), (), None), (("县某委员会",), (), None), (("县某局",), (), None)]


def test_a_heading_naming_a_leader_still_gives_no_task():
    text = "附件1\n重点任务清单\n一、张三县长牵头工作(1项)\n1.建设某某产业基地。\n"
    facts, _ = _facts(text, date="2025-05-18")
    assert [f for f in facts if f["kind"] == "task" and f["lead"]] == []


def test_a_page_label_fabu_bumen_names_the_issuer(tmp_path):
    # ext-310: a policy site's '发布部门:某市人民政府办公室' where the title writes 市政府办公室 and the signature is
    # not read (a '?' between issuer and date): the label gives the place, not a district in a table cell
    from govgraph.loaders.pipeline import iter_notices
    from govgraph.loaders.places import jurisdiction
    p = tmp_path / "n.txt"
    p.write_text("市政府办公室关于做好2020年为民办实事的通知\n政策\n发布部门:临江市人民政府办公室\n发布时间:2020年02月14日\n"
                 "市政府办公室关于做好2020年为民办实事的通知\n临政办发〔2020〕1号各区人民政府:现将方案印发给你们。"
                 "临江市人民政府办公室? 2020年1月23日\n附件\n序号\n项目名称\n责任单位\n1\n改造公厕\n甲区政府\n", encoding="utf-8")
    (n, _), = [(n, w) for n, w in iter_notices(p) if n is not None]
    assert n.issuer == "临江市人民政府办公室"
    assert jurisdiction(n).place == "临江市"


def test_a_bulleted_page_label_with_an_empty_field_is_no_addressee_line(tmp_path):
    # ext-301: '  • 公文种类:' (an empty field) among a site's bulleted labels ended the head block there, so the
    # 文号 and 成文日期 labels after it were not read
    from govgraph.loaders.pipeline import iter_notices
    p = tmp_path / "n.txt"
    p.write_text("当前位置:政务公开 > 政策文件\n\n  • 索 引 号 : 000/2017-001\n  • 公文种类:\n  • 发布机构:某省人民政府办公厅\n"
                 "  • 成文日期:2017-06-30\n  • 文  号:某办发〔2017〕6号\n  • 废止日期:\n\n某省人民政府办公厅\n关于印发某方案的通知\n"
                 "某办发〔2017〕6号\n各市人民政府,省政府各部门:\n  现将《某方案》印发你们。\n", encoding="utf-8")
    (n, _), = [(n, w) for n, w in iter_notices(p) if n is not None]
    assert (n.doc, n.date) == ("某办发〔2017〕6号", "2017-06-30")


_PARAGRAPH = ("各牵头单位对承担的工作目标任务落实负总责。要强化牵头抓总作用,抓紧制定具体工作计划。"
              "各牵头单位制定的工作计划要于8月15日前报省政府督查室备案。")


def test_a_units_plan_sent_in_by_a_date_dates_the_paragraphs_duty():
    # ext-301: 各X制定的工作计划要于8月15日前报…: the units whose plan is due; where the paragraph's duty of the same
    # units comes just before, it is that duty's deadline (one task)
    facts, _ = _facts(_PARAGRAPH, date="2017-06-30")
    assert _tasks(facts) == [((), ("各牵头单位",), "2017-08-15")]
    facts, _ = _facts("省某局制定的实施方案要于9月30日前报省政府办公厅。", date="2017-06-30")
    assert _tasks(facts) == [((), ("省某局",), "2017-09-30")]


def test_a_units_plan_without_a_dated_sending_is_no_duty():
    facts, _ = _facts("省某局制定的实施方案要切实可行。", date="2017-06-30")
    assert _tasks(facts) == []


def test_a_partner_after_huitong_whose_name_holds_a_verb():
    # ext-305: 会同县督查落实办对…: 落实 inside the partner's name ended it at 县督查; the partner is read to 对
    facts, _ = _facts("县发改委要会同县督查落实办对相关工作进行督导,对严重滞后的事项进行通报。", date="2023-11-01")
    assert _tasks(facts) == [((), ("县发改委", "县督查落实办"), None)]
    facts, _ = _facts("县发改委要会同有关部门落实整改任务。", date="2023-11-01")
    assert _tasks(facts) == [((), ("县发改委",), None)]


def test_a_chief_inspector_in_a_member_list():
    # ext-306: '张三 市教育局主任督学' in a member list: 主任督学 is a title (titles.txt)
    text = ("市政府决定建立某市某某工程联席会议制度。\n二、组成人员\n总召集人:李四 市政府副市长\n"
            "成 员:张三 市教育局主任督学\n王五 市财政局副局长\n")
    facts, _ = _facts(text, title="某市人民政府办公厅关于建立某市某某工程联席会议制度的通知", date="2019-06-25")
    assert ("张三", "市教育局", "主任督学") in [(f["person"], f["unit"], f["title"]) for f in facts if f["kind"] == "post"]


def test_a_time_during_the_work_before_the_subject():
    # ext-302: 建设期间省政府X办公室将…: the time the clause opens with is no part of the unit
    facts, _ = _facts("建设期间省政府某某办公室将组织对建设情况进行督导。", date="2022-02-11")
    assert _tasks(facts) == [((), ("省政府某某办公室",), None)]


def test_a_meeting_passing_on_a_leaders_speech():
    # ext-302 (a related-news line under the notice): 传达学习 opens the clause before 'POST NAME' (leadin)
    facts, _ = _facts("市委常委会(扩大)会议召开 传达学习省委书记张三在某市考察调研时的讲话精神\n", date="2022-02-11")
    assert [(f["person"], f["unit"], f["title"]) for f in facts if f["kind"] == "post"] == [("张三", "省委", "书记")]


def test_a_citys_counties_and_a_provinces_cities_as_collectives():
    # ext-304, ext-302 (and ext-176): 各县区, 各设区市 (collectives.txt)
    facts, _ = _facts("现对我市市级河湖长进行调整,请各县区按照调整后的名录,对县区河湖长及时调整。", date="2022-01-13")
    assert _tasks(facts) == [((), ("各县区",), None)]
    facts, _ = _facts("各设区市要发挥属地统筹作用,加强建设工作的指导。", date="2022-02-11")
    assert _tasks(facts) == [((), ("各设区市",), None)]


_JOINT = ("建立某县区划地名工作部门联席会议(以下简称“联席会议”)制度。\n二、成员单位\n"
          "联席会议由县政府办公室、县民政局、县市场监督管理局、各乡镇人民政府等22个单位组")


def test_a_member_list_its_count_closes_cut_inside_zucheng():
    # ext-303: the stored copy ends inside 组成 after '等22个单位': the list is read, and no duty of a unit that
    # a verb inside a name (监督管理) seemed to end
    facts, _ = _facts(_JOINT, date="2024-04-28")
    assert [f["member"] for f in facts if f["kind"] == "membership"] == ["县政府办公室", "县民政局", "县市场监督管理局",
                                                                       "各乡镇人民政府"]
    assert _tasks(facts) == []


def test_the_same_list_not_at_the_end_of_the_text_is_not_read_as_cut():
    facts, _ = _facts(_JOINT + "。\n三、工作规则\n联席会议原则上每年召开一次。", date="2024-04-28")
    assert [f for f in facts if f["kind"] == "membership"] == []


def test_a_qualified_collective_as_subject():
    # ext-302, ext-314: 入选的县(市、区)和乡镇(街道)要…, 无项目建议的单位、部门在…: kinds of unit a quality picks out,
    # kept as written
    facts, _ = _facts("入选的县(市、区)和乡镇(街道)要制定实施方案,于2022年2月25日前报省政府某办公室备案。", date="2022-02-11")
    assert _tasks(facts) == [((), ("入选的县(市、区)和乡镇(街道)",), "2022-02-25")]
    facts, _ = _facts("无项目建议的单位、部门在空白推荐表加盖单位公章后报送。", date="2020-10-20")
    assert _tasks(facts) == [((), ("无项目建议的单位、部门",), None)]


def test_a_quality_before_no_kind_of_unit_is_no_subject():
    facts, _ = _facts("无项目建议的情况要在空白推荐表中说明。", date="2020-10-20")
    assert _tasks(facts) == []


def test_a_view_counter_without_its_number_is_no_addressee_line(tmp_path):
    # ext-304: '浏览次数:' (the count not stored) between the page's date lines and the number ended the head block
    from govgraph.loaders.pipeline import iter_notices
    p = tmp_path / "n.txt"
    p.write_text("要闻\n\n当前位置: 首页 > 要闻 > 正文\n\n某市某某办公室关于调整某某的通知\n\n发布日期: 2022-01-13\n信息来源: 某办\n"
                 "浏览次数:\n\n某办发〔2022〕1号\n\n某市某某办公室关于调整某某的通知\n\n各县(区)人民政府:\n  现将有关事项通知如下。\n",
                 encoding="utf-8")
    (n, _), = [(n, w) for n, w in iter_notices(p) if n is not None]
    assert n.doc == "某办发〔2022〕1号"


def test_a_groups_own_functions_section_leaves_its_members_duties_read():
    # ext-306: '一、主要职责' of the joint meeting the notice sets up is the group's own functions, not a division of
    # duties: 各成员单位要… under 三、工作机制 is read (it was left as a collective outside a duty section)
    text = ("市政府决定建立某市某某工程联席会议制度。\n一、主要职责\n统筹推进全市某某工程工作。\n二、组成人员\n"
            "召集人:李四 市政府副秘书长\n三、工作机制\n联席会议原则上一年召开一次。各成员单位要及时向联席会议提出讨论议题,"
            "认真落实联席会议确定的工作任务。\n")
    facts, _ = _facts(text, title="某市人民政府办公厅关于建立某市某某工程联席会议制度的通知", date="2019-06-25")
    assert ((), ("各成员单位",), None) in _tasks(facts)


_SCHEDULE = ("省政府计划今年召开2次新闻发布会。\n\n  一、全省某某改革情况。发布时间暂定于4月份;发布人员:省政府新闻发言人、省甲局负责人、"
             "省乙委负责人。\n\n  二、上半年经济运行情况。发布时间暂定于7月份;发布人员:省政府新闻发言人。\n")


def test_a_press_conference_schedule():
    # ext-323: an item with a release month and a 发布人员 list: the units whose 负责人 release it are responsible,
    # by that month's end; an item released by the spokesman alone gives no task
    facts, _ = _facts(_SCHEDULE, date="2006-03-01")
    assert _tasks(facts) == [((), ("省甲局", "省乙委"), "2006-04-30")]
