"""Round 16's layouts, on snippets shaped like real notices (ext-262..273, formal notices, dev from round 16).

Each test builds the notice directly (doc, date as the header would give them) and checks every
fact's evidence, as tests/test_round13_real.py does. The names and places are made up.
"""

from __future__ import annotations

from snippets import snippet_facts as _facts
from snippets import snippet_tasks as _tasks


def _members(facts):
    return sorted((f["group"], f["member"], f["role"]) for f in facts if f["kind"] == "membership")


def test_a_joint_meeting_in_prose_with_a_bracketed_place_in_its_name():
    # ext-264: '市人民政府决定建立甲乙(某市)…联席会议制度,常务副市长张三担任召集人,…成员单位包括A、B和C。'
    text = ("某市人民政府决定建立甲乙(某市)农业合作示范区建设市级联席会议制度,常务副市长张三担任召集人,"
            "市发展改革委、市商务局主要负责同志担任副召集人,成员单位包括市发展改革委、市教委、市财政局和某区人民政府。\n")
    facts, _ = _facts(text, date="2020-08-25")
    g = "甲乙(某市)农业合作示范区建设市级联席会议"
    assert _members(facts) == sorted([(g, "张三", "召集人"), (g, "市发展改革委", "成员单位"), (g, "市教委", "成员单位"),
                                      (g, "市财政局", "成员单位"), (g, "某区人民政府", "成员单位")])


def test_a_bracket_that_is_a_short_name_is_not_part_of_a_group_name():
    text = "决定成立某县防汛工作领导小组(以下简称领导小组),县长张三任组长,成员单位包括县水利局、县财政局。\n"
    facts, _ = _facts(text, date="2020-08-25")
    assert {f["group"] for f in facts if f["kind"] == "membership"} == {"某县防汛工作领导小组"}


def test_units_before_a_class_named_with_its_level_after_deng():
    # ext-262: '协同单位:省财政厅、省人事厅、省农业厅等省直有关部门和各市人民政府' — the class after 等 adds no unit
    from govgraph.loaders.assignees import split_assignees
    assert split_assignees("某厅、某局等省直有关部门和各市人民政府") == ["某厅", "某局", "各市人民政府"]
    assert split_assignees("县甲局等县直单位") == ["县甲局"]
    assert split_assignees("县甲局和县直有关部门") == ["县甲局", "县直有关部门"]


def test_a_leader_named_in_a_section_heading():
    # ext-262 (ext-154 the same): '一、张三省长负责的工作' / '二、李四常务副省长负责的工作' over the units' sections
    text = ("现将工作目标责任分解如下:\n一、张三省长负责的工作\n全面负责省人民政府工作任务的落实。\n"
            "二、李四常务副省长负责的工作\n协助省长抓好工作任务的落实。\n")
    facts, _ = _facts(text, date="2008-02-03")
    posts = sorted((f["person"], f["unit"], f["title"]) for f in facts if f["kind"] == "post")
    assert posts == [("张三", "省人民政府", "省长"), ("李四", "省人民政府", "常务副省长")]


def test_a_unit_heading_gives_no_post():
    text = "一、某县甲局牵头的工作\n加强审计工作。\n"
    facts, _ = _facts(text, date="2008-02-03")
    assert [f for f in facts if f["kind"] == "post"] == []


def test_sections_headed_by_the_unit_that_leads_them():
    # ext-262: '(一)X牵头的工作' then a paragraph or numbered items, '协同单位:' lines under some; an item cut at the
    # end of the stored text is not read
    text = ("一、张三省长负责的工作\n全面负责工作任务的落实。\n(一)省甲厅牵头的工作\n加强行政监察工作。\n"
            "(二)省乙厅牵头的工作\n1.深化体制改革。\n2.推进机构改革。\n协同单位:省丙厅、省丁厅等省直有关部门和各市人民政府。\n"
            "3.进一步完善决策机制,建立健全以及")
    facts, _ = _facts(text, date="2008-02-03")
    assert sorted(_tasks(facts)) == sorted([
        (("省甲厅",), (), None), (("省乙厅",), (), None),
        (("省乙厅",), ("省丙厅", "省丁厅", "各市人民政府"), None)])


def test_a_bodys_main_duties_item_by_item_after_its_name():
    # ext-269: '第三条 政府办公室贯彻落实…。主要职责是:' then '(一)…' one item a line: each item the office's
    text = ("第二条 某办公室是某县人民政府工作部门。\n第三条 某办公室贯彻落实上级决策部署。主要职责是:\n"
            "(一)负责政府会议的会务工作。\n(二)承办县政府交办的其他事项。\n第四条 某办公室设下列内设机构:\n")
    facts, _ = _facts(text, date="2019-05-01")
    assert _tasks(facts) == [((), ("某办公室",), None), ((), ("某办公室",), None)]


def test_main_duties_under_a_heading_in_rules_titled_with_the_body():
    # ext-266: rules '某市人民政府办公室职能配置内设机构和人员编制规定', '二、主要职责' over the items
    text = ("某市人民政府办公室职能配置内设机构和人员编制规定\n一、职能调整\n(一)增加的职能:\n政务公开协调管理职能。\n"
            "二、主要职责\n(一)负责市政府会议的组织工作。\n(二)负责组织起草公文。\n")
    facts, _ = _facts(text, date="2005-10-28")
    assert _tasks(facts) == [((), ("某市人民政府办公室",), None), ((), ("某市人民政府办公室",), None)]


def test_a_groups_duties_are_no_units_tasks():
    text = "某县联席会议的主要职责是:\n(一)统筹协调示范区建设。\n(二)研究拟定政策措施。\n"
    facts, _ = _facts(text, date="2020-01-01")
    assert _tasks(facts) == []


def test_a_second_date_opening_the_next_step_is_one_task_due_the_last():
    # ext-263: '省政府各牵头部门要于1月底前完成…细化分解,2月底前逐项制定具体工作措施,并报省政府备案' (ext-103 the same);
    # loc-17's '…务于2月3日前报送…,经…审核把关后于2月7日前报送市政府' stays two tasks (tests/test_tasks_real.py)
    text = "二、明确责任。某县各牵头部门要于1月底前完成各项任务的细化分解,2月底前逐项制定具体措施,并报县政府备案。\n"
    facts, _ = _facts(text, date="2022-01-10")
    assert _tasks(facts) == [((), ("某县各牵头部门",), "2022-02-28")]


def test_a_copula_or_a_reporting_line_is_no_part_of_a_units_name():
    # ext-268: '驻外办事机构是市人民政府…的办事机构', '驻外办事机构向市人民政府负责并报告工作' are no tasks of '…市人民政府'
    text = ("第二条 派出机构是县人民政府开展交流合作的办事机构。\n"
            "派出机构向县人民政府负责并报告工作,重大问题由县政府秘书长提请县长办公会议讨论决定。\n")
    facts, _ = _facts(text, date="2003-11-23")
    assert _tasks(facts) == []


def test_a_duty_leading_in_the_aspects_below():
    # ext-268: '第五条 X各有关工作部门应建立…,应重点围绕以下方面加强管理:' then items: the units' duty, no addressee line
    text = ("第五条 县人民政府各有关工作部门应建立与派出机构的工作联系制度,应重点围绕以下方面加强管理:\n"
            "(一)对派出机构的制度落实情况进行监督检查;\n(二)负责派出机构间的工作协调。\n")
    facts, _ = _facts(text, date="2003-11-23")
    assert ((), ("县人民政府各有关工作部门",), None) in _tasks(facts)


def test_a_power_a_unit_exercises_alone_after_a_transfer():
    # ext-265: '…划转到X后,由X集中行使划转事项审批权' is X's duty; 'Y行使…的职权' (a standing competence) stays none
    text = ("第二条 相关职能部门审批事项划转到某市行政审批局后,由某市行政审批局集中行使划转事项审批权。\n"
            "第三条 县人大常委会行使地方国家权力机关的职权。\n")
    facts, _ = _facts(text, date="2020-01-20")
    assert _tasks(facts) == [((), ("某市行政审批局",), None)]


def test_rules_printed_after_the_signature_and_a_unit_with_its_short_name():
    # ext-267: the covering letter, its signature, then the rules ('第一章 总则' / '第一条 …'), shorter than the page
    # chrome before it: the rules are read; '某市信息中心(以下简称市信息中心)负责…' is the centre's duty;
    # 'X(以下简称Y)是…的主管部门' gives none
    chrome = "首页 政务公开 网上办事 互动交流\n" * 12
    text = (chrome + "某市人民政府办公室关于印发某市平台管理实施细则的通知\n各区人民政府,市政府各委、办、局:\n"
            "现将《某市平台管理实施细则》印发给你们,请认真遵照执行。\n某市人民政府办公室\n2019年11月29日\n"
            "某市平台管理实施细则\n第一章 总则\n第一条 为加强平台管理,制定本实施细则。\n"
            "第二条 某市营商局(以下简称市营商局)是平台的主管部门,某市信息中心(以下简称市信息中心)负责平台日常管理工作。\n")
    facts, _ = _facts(text, date="2019-11-29")
    assert _tasks(facts) == [((), ("某市信息中心",), None)]


def test_an_internal_units_duties_under_its_name_as_a_heading():
    # ext-273: '三、内设机构' / '(一)秘书处' then '负责…;负责…': one task of the section; '(二)市政府甲办公室' the same
    text = ("三、内设机构\n根据上述职责,某办公厅设2个内设机构。\n(一)秘书处\n负责市政府全体会议的会务工作;负责市政府总值班工作。\n"
            "(二)市政府甲办公室\n负责市政府应急值守工作;及时报告突发事件动态。\n")
    facts, _ = _facts(text, date="2010-01-01")
    assert _tasks(facts) == [((), ("秘书处",), None), ((), ("市政府甲办公室",), None)]


def test_a_heading_that_is_no_units_name_gives_no_task():
    text = "(一)工作要求\n负责同志要亲自抓。\n"
    facts, _ = _facts(text, date="2010-01-01")
    assert ((), ("工作要求",), None) not in _tasks(facts)


def test_a_duty_cut_a_few_characters_after_its_verb_by_the_end_of_the_copy():
    # ext-263: the stored copy ends '…;各配合单位要主动作': no work named, no task (the clause before it stays)
    text = "三、加强协作。某县各牵头部门要切实履行好牵头抓总的职责,及时帮助解决困难和问题;各配合单位要主动作"
    facts, warnings = _facts(text, date="2022-01-10")
    assert _tasks(facts) == [((), ("某县各牵头部门",), None)]
    assert any("cut by the end" in w for w in warnings)


def test_a_duty_verb_before_a_city_word_is_no_place():
    # ext-269 '(四)承擔市政府和市政府辦公室文件…', ext-273 '…;指导全市政府系统的信息工作': no place read from them
    from govgraph.loaders.places import jurisdiction
    from govgraph.notice import Notice
    for text in ("第三条 主要职责是:\n(四)承担市政府和市政府办公室文件的起草工作。\n",
                 "(九)负责收集信息;指导全市政府系统的信息工作。\n"):
        j = jurisdiction(Notice(doc="测1", text=text, title=None, date=None, issuer=None, source="t.txt"))
        assert j.place.startswith("?"), j.place


def test_duties_above_the_sentence_that_names_their_body():
    # ext-273: a 三定 page starting inside the list, '(九)…' … '(十五)…', '三、内设机构', then '根据上述职责,X设19个内设机构。'
    text = ("(九)负责收集、处理经济建设的信息。\n(十)联络新闻单位,对县政府有关工作进行宣传报道。\n三、内设机构\n"
            "根据上述职责,县政府办公室设3个内设机构。\n")
    facts, _ = _facts(text, date="2010-01-01")
    assert _tasks(facts) == [((), ("县政府办公室",), None), ((), ("县政府办公室",), None)]


def test_a_leaders_mailbox_is_no_person():
    # ext-273: '负责办理市长信箱和市长外商服务专线工作' gave a post of a person '信箱'
    text = "(十二)负责受理市民的投诉;负责办理县长信箱和县长服务专线工作。\n"
    facts, _ = _facts(text, date="2010-01-01")
    assert [f for f in facts if f["kind"] == "post"] == []
